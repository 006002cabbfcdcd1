"""Import time of mdpoverty against pandas alone, measured in one run.

Each statement runs in a fresh interpreter, alternating, ``ROUNDS`` times; the medians are
compared.  Run: ``python benchmarks/import_time.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

ROUNDS = 15
STATEMENTS = {
    "python": "pass",
    "import pandas": "import pandas",
    "import mdpoverty": "import mdpoverty",
    "from mdpoverty import Plan": "from mdpoverty import Plan",
    "mdpoverty.annex (loads pandas)": "import mdpoverty; mdpoverty.annex",
}


def _wall(statement: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True)  # noqa: S603  (fixed statements)
    return time.perf_counter() - start


def main() -> None:
    times: dict[str, list[float]] = {name: [] for name in STATEMENTS}
    for _ in range(ROUNDS):
        for name, statement in STATEMENTS.items():
            times[name].append(_wall(statement))
    medians = {name: statistics.median(values) for name, values in times.items()}
    pandas = medians["import pandas"]
    for name, median in medians.items():
        print(  # noqa: T201  (a benchmark reports its figures)
            f"{name:32} {median * 1000:7.1f} ms   {median / pandas:5.2f} × import pandas"
        )


if __name__ == "__main__":
    main()
