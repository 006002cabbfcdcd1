"""Every subpackage is an attribute of mdpoverty from the first import; the import stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

SUBPACKAGES = [
    "aggregate",
    "checks",
    "errors",
    "households",
    "io",
    "model",
    "reference",
    "report",
    "tables",
    "values",
]


@pytest.mark.parametrize("name", SUBPACKAGES)
def test_a_subpackage_is_an_attribute_in_a_fresh_interpreter(name: str) -> None:
    code = (
        "import sys, types, mdpoverty\n"
        "light = 'pandas' not in sys.modules\n"
        f"assert isinstance(mdpoverty.{name}, types.ModuleType)\n"
        f"assert mdpoverty.{name}.__name__ == 'mdpoverty.{name}'\n"
        "print(light)\n"
    )
    done = subprocess.run(  # noqa: S603  (a fixed command line)
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert "" == done.stderr
    assert "True" == done.stdout.strip()  # import mdpoverty alone loads no pandas
