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


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--example", "bac-kan-2024"],
        ["new", "--kind", "review", "--level", "province"],
        ["new", "--kind", "plan", "--level", "commune"],
    ],
    ids=" ".join,
)
def test_check_and_new_load_neither_pandas_nor_numpy(command: list[str]) -> None:
    # The command itself, run as the installed script runs it, in a fresh interpreter: the
    # checks derive the annex rows and the observations, neither of which needs a DataFrame.
    loaded = _modules_after(
        "import contextlib, io\nfrom mdpoverty.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({command!r})"
    )
    assert "mdpoverty.checks" in loaded or command[0] == "new"
    assert set() == loaded & {"pandas", "numpy"}


def test_the_lazy_names_of_aggregate_and_tables_are_the_functions_not_their_modules() -> None:
    # Each package loads its modules when a name is first used; a submodule of the same name
    # as a function (aggregate.rollup, tables.annex) must not shadow the function.
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import mdpoverty.checks, mdpoverty.aggregate as a\n"
                "a.Rollup\nfrom mdpoverty.aggregate import rollup\n"
                "from mdpoverty.tables import annex\n"
                "print(type(rollup).__name__, type(annex).__name__, type(a.units_by_kind).__name__)"
            ),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "function function function" == out.stdout.strip()
