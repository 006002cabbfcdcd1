"""The scale goals, each timed against its baseline in the same run, with the ratio printed.

Run: ``python benchmarks/ratios.py`` (about a minute; ``--quick`` skips the ×10 set).

* **National set** (700 district plans, 10,471 communes): every plan checked, then the
  roll-up and all its tables, against ``import pandas`` in a fresh interpreter.  Goal: at most
  0.25 s, and at most 0.8 × ``import pandas``.
* **Linear growth**: the same with 7,000 plans (×10 units), with the plans frozen out of the
  garbage collector's generations (``gc.freeze()``) and left in.  Goal: ×10 units take at most
  ×11 the time.
* **One large document**: a province of 20,000 communes in districts, checked, against one of
  2,000.  Goal: at most 10 × the time.

Every measurement starts cold: the facts derived from the documents are forgotten first, so
that a round measures the derivations as well as the rules that share them.  Each figure is
the best of ``ROUNDS`` rounds, in CPU seconds of this process (the work runs on one core; on
a machine shared with other jobs the CPU time is the steadier figure) and in wall seconds.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_scale import aggregate, check_all, national
from hierarchy import province

from mdpoverty import check
from mdpoverty.model._derived import forget

ROUNDS = 5


def best(work: Callable[[], object], rounds: int = ROUNDS) -> tuple[float, float]:
    """The least CPU and wall seconds of ``work`` over ``rounds`` cold rounds."""
    cpu, wall = [], []
    for _ in range(rounds):
        forget()
        c, w = time.process_time(), time.perf_counter()
        work()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return min(cpu), min(wall)


def import_pandas(rounds: int = ROUNDS) -> tuple[float, float]:
    """The median CPU and wall seconds of ``import pandas`` in a fresh interpreter."""
    cpu, wall = [], []
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import pandas"], check=True)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(cpu), statistics.median(wall)


def line(what: str, cpu: float, wall: float, note: str = "") -> None:
    print(f"{what:48} {cpu:7.3f} s CPU {wall:7.3f} s wall  {note}")  # noqa: T201


def verdict(name: str, ratio: float, goal: float) -> str:
    return f"{name} {ratio:5.2f} (goal <= {goal}) {'ok' if ratio <= goal else 'NOT MET'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="skip the ×10 national set")
    quick = parser.parse_args().quick

    pandas_cpu, pandas_wall = import_pandas()
    line("import pandas (fresh interpreter, median)", pandas_cpu, pandas_wall)

    def both(plans: tuple[object, ...]) -> Callable[[], None]:
        def run() -> None:
            check_all(plans)  # type: ignore[arg-type]
            aggregate(plans)  # type: ignore[arg-type]

        return run

    x1 = national(1)
    units1 = sum(len(p.units) for p in x1)
    cpu1, wall1 = best(both(x1))
    line(f"national x1: {len(x1)} plans, {units1} communes", cpu1, wall1)
    print(verdict("  CPU / import pandas CPU", cpu1 / pandas_cpu, 0.8))  # noqa: T201
    print(f"  CPU {cpu1:.3f} s (goal <= 0.25 s) {'ok' if cpu1 <= 0.25 else 'NOT MET'}")  # noqa: T201
    if not quick:
        x10 = national(10)
        units10 = sum(len(p.units) for p in x10)
        growth = units10 / units1
        cpu10, wall10 = best(both(x10), rounds=3)
        line(f"national x10: {len(x10)} plans, {units10} communes", cpu10, wall10, "(frozen)")
        print(verdict(f"  x10/x1, units x{growth:.2f}, frozen", cpu10 / cpu1, 11))  # noqa: T201
        gc.unfreeze()  # the plans back into the collector's generations: every collection
        gc.collect()  # during a run now scans them too
        cpu1n, wall1n = best(both(x1))
        cpu10n, wall10n = best(both(x10), rounds=3)
        line("national x1, not frozen", cpu1n, wall1n)
        line("national x10, not frozen", cpu10n, wall10n)
        print(verdict("  x10/x1, not frozen", cpu10n / cpu1n, 11))  # noqa: T201
        del x10
        gc.collect()

    small, large = province(2_000), province(20_000)
    # A check of the small document takes a few milliseconds, less than the pauses a shared
    # machine inflicts: the least of many rounds is the figure of the work itself.
    cpu_s, wall_s = best(lambda: check(small), rounds=41)
    cpu_l, wall_l = best(lambda: check(large), rounds=15)
    line(f"one province, {len(small.units)} units, check", cpu_s, wall_s)
    line(f"one province, {len(large.units)} units, check", cpu_l, wall_l)
    print(verdict("  20,000 / 2,000 communes", cpu_l / cpu_s, 10))  # noqa: T201


if __name__ == "__main__":
    main()
