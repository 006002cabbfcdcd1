"""Small intersphinx inventories for building the documentation without network access.

intersphinx tries each project's online ``objects.inv`` first and falls back to the file this
module writes.  The file lists only the external objects that mdpoverty's pages and docstrings
refer to, each with its address in the project's online documentation, so the links of an
offline build are the same as those of an online one.

When a page or a docstring starts referring to another external object, an offline build with
``-n`` says so ("reference target not found"): add the object here.
"""

from __future__ import annotations

import zlib
from pathlib import Path

# project -> (name, role, address relative to the project's root)
OBJECTS: dict[str, list[tuple[str, str, str]]] = {
    "python": [
        ("argparse.ArgumentParser", "py:class", "library/argparse.html#argparse.ArgumentParser"),
        (
            "collections.abc.Callable",
            "py:class",
            "library/collections.abc.html#collections.abc.Callable",
        ),
        (
            "collections.abc.Iterable",
            "py:class",
            "library/collections.abc.html#collections.abc.Iterable",
        ),
        (
            "collections.abc.Iterator",
            "py:class",
            "library/collections.abc.html#collections.abc.Iterator",
        ),
        (
            "collections.abc.Mapping",
            "py:class",
            "library/collections.abc.html#collections.abc.Mapping",
        ),
        (
            "collections.abc.Sequence",
            "py:class",
            "library/collections.abc.html#collections.abc.Sequence",
        ),
        (
            "collections.abc.Collection",
            "py:class",
            "library/collections.abc.html#collections.abc.Collection",
        ),
        ("datetime.date", "py:class", "library/datetime.html#datetime.date"),
        ("decimal.Decimal", "py:class", "library/decimal.html#decimal.Decimal"),
        ("decimal.ROUND_HALF_UP", "py:data", "library/decimal.html#decimal.ROUND_HALF_UP"),
        ("enum.Enum", "py:class", "library/enum.html#enum.Enum"),
        ("enum.IntEnum", "py:class", "library/enum.html#enum.IntEnum"),
        ("enum.StrEnum", "py:class", "library/enum.html#enum.StrEnum"),
        ("fractions.Fraction", "py:class", "library/fractions.html#fractions.Fraction"),
        ("json", "py:module", "library/json.html#module-json"),
        ("os.PathLike", "py:class", "library/os.html#os.PathLike"),
        ("pathlib.Path", "py:class", "library/pathlib.html#pathlib.Path"),
        ("typing.Any", "py:data", "library/typing.html#typing.Any"),
        ("typing.Literal", "py:data", "library/typing.html#typing.Literal"),
    ],
    "pandas": [
        ("pandas.DataFrame", "py:class", "reference/api/pandas.DataFrame.html#pandas.DataFrame"),
        (
            "pandas.DataFrame.attrs",
            "py:attribute",
            "reference/api/pandas.DataFrame.attrs.html#pandas.DataFrame.attrs",
        ),
        (
            "pandas.DataFrame.to_excel",
            "py:method",
            "reference/api/pandas.DataFrame.to_excel.html#pandas.DataFrame.to_excel",
        ),
        ("pandas.Series", "py:class", "reference/api/pandas.Series.html#pandas.Series"),
        ("pandas.read_csv", "py:function", "reference/api/pandas.read_csv.html#pandas.read_csv"),
    ],
    "hypothesis": [
        (
            "hypothesis.strategies.SearchStrategy",
            "py:class",
            "reference/api.html#hypothesis.strategies.SearchStrategy",
        ),
        (
            "hypothesis.strategies.composite",
            "py:function",
            "reference/strategies.html#hypothesis.strategies.composite",
        ),
    ],
    "attrs": [
        ("attrs.evolve", "py:function", "api.html#attrs.evolve"),
        ("attrs.frozen", "py:function", "api.html#attrs.frozen"),
        ("attrs.asdict", "py:function", "api.html#attrs.asdict"),
    ],
}

_HEADER = "# Sphinx inventory version 2\n# Project: {project}\n# Version: \n"
_NOTE = "# The remainder of this file is compressed using zlib.\n"


def inventory(project: str) -> bytes:
    """The ``objects.inv`` content (version 2) of ``project``'s listed objects."""
    lines = "".join(f"{name} {role} 1 {address} -\n" for name, role, address in OBJECTS[project])
    head = _HEADER.format(project=project) + _NOTE
    return head.encode() + zlib.compress(lines.encode())


def write_inventories(directory: Path) -> dict[str, Path]:
    """Write each project's inventory to ``directory``; returns the paths by project."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for project in OBJECTS:
        path = directory / f"{project}.inv"
        data = inventory(project)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths[project] = path
    return paths
