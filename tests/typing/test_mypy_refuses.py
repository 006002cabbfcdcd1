"""mypy refuses wrong types: it reports an error on each line of cases/wrong_types.py marked
``# E: code``, with that code, and on no other line (the right calls beside them pass)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

CASES = Path(__file__).parent / "cases" / "wrong_types.py"
ROOT = Path(__file__).parents[2]


def test_mypy_reports_exactly_the_marked_errors() -> None:
    expected = {
        number: match.group(1)
        for number, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1)
        if (match := re.search(r"# E: ([a-z-]+)$", line))
    }
    done = subprocess.run(  # noqa: S603  (a fixed command line)
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--no-error-summary",
            "--show-error-codes",
            str(CASES),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    found: dict[int, set[str]] = {}
    for line in done.stdout.splitlines():
        match = re.match(r".*wrong_types\.py:(\d+): error: .*\[([a-z-]+)\]$", line)
        if match:
            found.setdefault(int(match.group(1)), set()).add(match.group(2))
    assert done.stderr == ""
    assert {n: {code} for n, code in expected.items()} == found, done.stdout
