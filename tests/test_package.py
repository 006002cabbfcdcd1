"""The package as a user meets it: a curated namespace and a light import."""

from __future__ import annotations

import subprocess
import sys

import pytest

import mdpoverty

HEAVY = ("openpyxl", "jsonschema", "matplotlib")


def _modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(  # noqa: S603  (a fixed command line)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(out.stdout.split())


def test_import_loads_no_heavy_dependency_and_not_pandas() -> None:
    loaded = _modules_after("import mdpoverty")
    assert set() == loaded & {*HEAVY, "pandas"}


def test_deriving_a_table_does_not_load_openpyxl() -> None:
    loaded = _modules_after(
        "import mdpoverty\nmdpoverty.annex(mdpoverty.datasets.bac_kan_2024())\n"
        "mdpoverty.check(mdpoverty.datasets.bac_kan_2024())"
    )
    assert "pandas" in loaded
    assert set() == loaded & set(HEAVY)


def test_the_namespace_is_the_sorted_public_api() -> None:
    assert sorted(mdpoverty.__all__) == list(mdpoverty.__all__)
    assert list(mdpoverty.__all__) == dir(mdpoverty)
    assert "annotations" not in dir(mdpoverty)


@pytest.mark.parametrize("name", mdpoverty.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(mdpoverty, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'spreadsheets'"):
        _ = mdpoverty.spreadsheets  # the module of 0.1 is mdpoverty.tables now


def test_building_the_command_line_loads_neither_pandas_nor_the_households_package() -> None:
    # Every command (``mdpoverty --help`` too) builds the whole parser first.
    loaded = _modules_after("import mdpoverty.cli\nmdpoverty.cli.build_parser()")
    assert set() == loaded & {"pandas", "numpy", "pyarrow", "mdpoverty.households"}
