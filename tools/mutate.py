"""A mutation test of mdpoverty's own: single planted bugs, each of which some test must find.

Each mutation replaces one expression in one core function (as ``mutmut`` or ``cosmic-ray``
would, but chosen by hand: the bugs a reviewer could miss).  For each, the source and the tests
are copied to a temporary folder, the one change is made there, and the tests that guard that
function run against the copy; the mutation is *found* when they fail.  The working tree is
never changed.

Run: ``python tools/mutate.py`` (every mutation, a few minutes), ``python tools/mutate.py
total-counts-one-fewer`` (one by name), ``python tools/mutate.py --list``.  Exits 1 when a
mutation survives.  The Hypothesis profile is the environment's (``HYPOTHESIS_PROFILE``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
EDGES = "tests/tables/test_edge_properties.py"


class Mutation(NamedTuple):
    name: str
    file: str  # under src/mdpoverty
    before: str  # found exactly once in the file
    after: str
    tests: tuple[str, ...]
    why: str


MUTATIONS = (
    Mutation(
        "total-counts-one-fewer",
        "tables/annex.py",
        "if self.counted < self.n:",
        "if self.counted < self.n - 1:",
        (EDGES,),
        "the total row counts the units one fewer than the units without counts: with one "
        "unit uncounted, the partial sum passes for the whole",
    ),
    Mutation(
        "period-without-last-year",
        "values/dates.py",
        "self.start <= year <= self.end",
        "self.start <= year < self.end",
        (EDGES,),
        "a period excludes its last year",
    ),
    Mutation(
        "total-upper-from-lower",
        "tables/annex.py",
        "self.high += int(reduction.high)",
        "self.high += int(reduction.low)",
        (EDGES,),
        "the total row's upper bound of a ranged reduction is summed from the lower bounds",
    ),
    Mutation(
        "ranges-upper-from-lower",
        "checks/builtin/targets.py",
        "sum(int(v.high) for v in values)",
        "sum(int(v.low) for v in values)",
        (EDGES,),
        "targets.ranges sums the parts' upper bounds from their lower bounds",
    ),
    Mutation(
        "rate-half-down",
        "values/numbers.py",
        "if 2 * remainder >= whole:",
        "if 2 * remainder > whole:",
        ("tests/values/test_numbers.py", "tests/tables/test_annex.py"),
        "a rate rounds a half down instead of up",
    ),
    Mutation(
        "fall-reversed",
        "tables/annex.py",
        "lambda e: start - e",
        "lambda e: e - start",
        ("tests/tables/test_annex.py",),
        "the fall of the rate is the end rate less the start rate",
    ),
    Mutation(
        "children-miss-the-last-unit",
        "model/document.py",
        "for u in self.units:\n            found.setdefault(u.parent, []).append(u)",
        "for u in self.units[:-1]:\n            found.setdefault(u.parent, []).append(u)",
        (EDGES, "tests/checks/test_figures_properties.py"),
        "the index of children leaves out the document's last unit",
    ),
    Mutation(
        "funding-stops-at-first-funded-child",
        "aggregate/_sums.py",
        "below = visit(child, lead, capital) or below",
        "below = below or visit(child, lead, capital)",
        ("tests/aggregate/test_aggregate_properties.py",),
        "counted funding skips the children after the first that states funding",
    ),
)


def _copy(into: Path) -> None:
    for part in ("src", "tests"):
        shutil.copytree(ROOT / part, into / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", into / "pyproject.toml")


def run(mutation: Mutation) -> tuple[bool, str, float]:
    """Whether the tests find ``mutation``, the tests that failed, and the seconds it took."""
    with tempfile.TemporaryDirectory(prefix="mdpoverty-mutant-") as tmp:
        copy = Path(tmp)
        _copy(copy)
        target = copy / "src" / "mdpoverty" / mutation.file
        text = target.read_text(encoding="utf-8")
        if text.count(mutation.before) != 1:
            raise SystemExit(f"{mutation.name}: the expression is not once in {mutation.file}")
        target.write_text(text.replace(mutation.before, mutation.after), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(copy / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
        start = time.perf_counter()
        done = subprocess.run(  # noqa: S603  (our own tests, on our own copy)
            [
                sys.executable,
                "-m",
                "pytest",
                *mutation.tests,
                "-q",
                "-x",
                "-n",
                "0",
                "-rf",
                "-p",
                "no:cacheprovider",
                "--no-header",
            ],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
    failed = re.findall(r"^FAILED (\S+)", done.stdout, flags=re.MULTILINE)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{mutation.name}: pytest could not run:\n{done.stdout[-2000:]}")
    return done.returncode == 1, ", ".join(failed), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("names", nargs="*", help="mutations to run (default: every one)")
    parser.add_argument("--list", action="store_true", help="list the mutations and exit")
    args = parser.parse_args()
    chosen = [m for m in MUTATIONS if not args.names or m.name in args.names]
    if args.list or not chosen:
        for m in MUTATIONS:
            print(f"{m.name:38} {m.file}: {m.why}")
        return 0 if args.list else 2
    survived = 0
    for m in chosen:
        found, failed, seconds = run(m)
        survived += not found
        verdict = f"found by {failed}" if found else "SURVIVED"
        print(f"{m.name:38} {seconds:6.1f} s  {verdict}", flush=True)
    print(f"{len(chosen) - survived} of {len(chosen)} planted bugs found")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
