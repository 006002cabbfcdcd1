"""The README's examples run as written (a user copies them first)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "README.md"


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("block", _python_blocks())
def test_a_python_example_of_the_readme_runs(
    block: str, capsys: pytest.CaptureFixture[str]
) -> None:
    exec(compile(block, str(README), "exec"), {})  # noqa: S102  (the README's own example)
    printed = capsys.readouterr().out
    for line in re.findall(r"^# (\S+ \S+/\S+ .*)$", block, re.M):  # its printed output
        assert line in printed
