"""Loading a large plan file: time (pytest-benchmark) and peak memory (a fresh process).

The file is a generated district plan of some 14,000 communes written as YAML (about 5 MB,
two hundred times a real plan), so that the loader's cost per byte shows.

Run ``pytest benchmarks/bench_load.py --benchmark-only`` for the time, and
``python benchmarks/bench_load.py`` for time and peak memory of ``load_plan`` in fresh
processes (five per file; median and best): wall and CPU seconds and the process's own peak
resident memory (``VmHWM``; about 22 MiB of it are the imports).  The
figures are recorded in ``benchmarks/README.md``.
"""

from __future__ import annotations

import functools
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from mdpoverty.io.files import load_plan, write_plan_text

sys.path.insert(0, str(Path(__file__).parent))
from bench_scale import district  # the same generated districts

COMMUNES = 14_000
"""Communes of the generated plan: about 5 MB of YAML."""


@functools.cache
def plan_file(suffix: str = ".yaml") -> Path:
    """The generated plan, written once per run into a temporary folder."""
    from mdpoverty.reference.datasets import bac_kan_2024  # noqa: PLC0415

    plan = district(bac_kan_2024(), 0, COMMUNES, random.Random(5_000_000))  # noqa: S311
    folder = Path(tempfile.mkdtemp(prefix="mdpoverty-bench-"))
    path = folder / f"plan{suffix}"
    path.write_text(write_plan_text(plan, "json" if suffix == ".json" else "yaml"), "utf-8")
    return path


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_load(benchmark: BenchmarkFixture, suffix: str) -> None:
    path = plan_file(suffix)
    benchmark.extra_info.update(bytes=path.stat().st_size, communes=COMMUNES)
    benchmark.pedantic(load_plan, args=(path,), rounds=3, iterations=1)  # type: ignore[no-untyped-call]


_MEASURE = """
import json, resource, sys, time
from mdpoverty.io.files import load_plan


def peak_mib():
    # VmHWM is this process's own peak; ru_maxrss may carry the parent's over from fork.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


after_imports = peak_mib()
usage = resource.getrusage(resource.RUSAGE_SELF)
start = time.perf_counter()
load_plan(sys.argv[1])
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "seconds": round(seconds, 2),
    "cpu_seconds": round(after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime, 2),
    "peak_rss_mib": peak_mib(),
    "rss_after_imports_mib": after_imports,
}))
"""


def measure(path: Path) -> dict[str, float]:
    """Time and peak memory of loading ``path`` in a fresh interpreter."""
    result = subprocess.run(  # noqa: S603  (this interpreter, a fixed script)
        [sys.executable, "-c", _MEASURE, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


RUNS = 5
"""Fresh processes per file: the machine's noise is large, so the median and the best are
reported."""


if __name__ == "__main__":
    for suffix in (".yaml", ".json"):
        file = plan_file(suffix)
        size = file.stat().st_size / 1_000_000
        runs = [measure(file) for _ in range(RUNS)]
        for figure in ("seconds", "cpu_seconds", "peak_rss_mib"):
            values = sorted(run[figure] for run in runs)
            print(  # noqa: T201
                f"{suffix[1:]:4} {size:.1f} MB {figure:13} median {values[RUNS // 2]:>6} "
                f"best {values[0]:>6}  runs {[run[figure] for run in runs]}"
            )
