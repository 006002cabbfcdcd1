"""``import mdpoverty`` stays light: the households package and its optional tools load on use.

pandas 3 itself imports pyarrow where it is installed (for its string dtype), so what is
checked is what mdpoverty loads beyond what pandas loads.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pyarrow", "dask", "tqdm", "mpitb", "mdpoverty.households")


def _loaded(statement: str) -> list[str]:
    code = (
        "import sys; import pandas; before = set(sys.modules); "
        f"{statement}; "
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules and m not in before))"
    )
    run = subprocess.run(  # noqa: S603  (our own interpreter, a fixed program)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return run.stdout.split()


def test_import_mdpoverty_loads_none_of_them() -> None:
    assert [] == _loaded("import mdpoverty")


def test_the_households_package_loads_no_optional_tool() -> None:
    assert ["mdpoverty.households"] == _loaded("import mdpoverty.households")
