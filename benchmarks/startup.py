"""The start-up of every command against ``python -c pass``, measured in one run.

Each command runs in a fresh process (the ``mdpoverty`` script installed beside this Python,
else ``python -m mdpoverty``), alternating, ``ROUNDS`` times; the medians
of the wall and CPU seconds are compared with those of ``python -c pass`` and of
``import pandas``.  Commands that need input files are timed on the bundled example, or with
``--help`` (which builds the command's parser, all that runs before its input is read).
Run: ``python benchmarks/startup.py``.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 7
EXAMPLE = ["--example", "bac-kan-2024"]


def commands(folder: Path) -> dict[str, list[str]]:
    script = Path(sys.executable).with_name("mdpoverty")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "mdpoverty"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import pandas'": [sys.executable, "-c", "import pandas"],
        "mdpoverty --version": [*cli, "--version"],
        "mdpoverty check --example": [*cli, "check", *EXAMPLE],
        "mdpoverty new": [*cli, "new", "-o", str(folder / "new.yaml"), "--force"],
        "mdpoverty schema": [*cli, "schema"],
        "mdpoverty annex --example": [*cli, "annex", *EXAMPLE],
        "mdpoverty import-annex --help": [*cli, "import-annex", "--help"],
        "mdpoverty households --help": [*cli, "households", "--help"],
        "mdpoverty report --example": [*cli, "report", *EXAMPLE, "-o", str(folder / "r.html")],
        "mdpoverty chart --help": [*cli, "chart", "--help"],
    }


def run(argv: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # exit 1 is a check's findings (the example has some); anything else is a failure
    done = subprocess.run(argv, capture_output=True, check=False)  # noqa: S603
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        todo = commands(Path(tmp))
        cpu: dict[str, list[float]] = {name: [] for name in todo}
        wall: dict[str, list[float]] = {name: [] for name in todo}
        for _ in range(ROUNDS):
            for name, argv in todo.items():
                c, w = run(argv)
                cpu[name].append(c)
                wall[name].append(w)
    med_cpu = {n: statistics.median(v) for n, v in cpu.items()}
    med_wall = {n: statistics.median(v) for n, v in wall.items()}
    base, pandas = med_cpu["python -c pass"], med_cpu["python -c 'import pandas'"]
    print(f"{'command':34} {'wall ms':>8} {'CPU ms':>8} {'CPU × pass':>11} {'CPU × pandas':>13}")  # noqa: T201
    for name in todo:
        print(  # noqa: T201
            f"{name:34} {med_wall[name] * 1000:8.0f} {med_cpu[name] * 1000:8.0f} "
            f"{med_cpu[name] / base:11.1f} {med_cpu[name] / pandas:13.2f}"
        )


if __name__ == "__main__":
    main()
