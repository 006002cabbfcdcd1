"""Tables a document prints, derived from the model, and the files they travel in.

:mod:`~mdpoverty.tables.annex` derives the annex (a DataFrame); every renderer takes that
DataFrame: :func:`format_annex` (fixed-width text in the document's notation),
:func:`annex_markdown`, :func:`annex_csv` (:mod:`~mdpoverty.tables.text`) and
:func:`write_annex_xlsx` (the printed layout, :mod:`~mdpoverty.tables.xlsx`).  Back in:
:func:`read_annex` reads an annex from an ``.xlsx`` or ``.csv`` file
(:mod:`~mdpoverty.tables.read`) and :func:`import_annex` puts it into a plan
(:mod:`~mdpoverty.tables.importing`).  openpyxl loads only when a sheet is written or read.

>>> from mdpoverty.reference.datasets import bac_kan_2024
>>> print(render(annex(bac_kan_2024()), "csv").splitlines()[-1])
total,,Tổng số,12281,241,1.96,13,0.10,1.86
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from mdpoverty.tables.annex import Lang, annex, annex_rows
from mdpoverty.tables.importing import import_annex
from mdpoverty.tables.read import read_annex
from mdpoverty.tables.text import annex_csv, annex_markdown, format_annex

if TYPE_CHECKING:
    from mdpoverty.tables.xlsx import write_annex_xlsx

__all__ = [
    "TextFormat",
    "annex",
    "annex_csv",
    "annex_markdown",
    "annex_rows",
    "format_annex",
    "import_annex",
    "read_annex",
    "render",
    "write_annex_xlsx",
]

TextFormat = Literal["text", "markdown", "csv"]
"""The text formats of :func:`render`."""


def render(frame: pd.DataFrame, fmt: TextFormat = "text") -> str:
    """The annex ``frame`` as text in ``fmt``: printed layout, Markdown or CSV."""
    lang: Lang = frame.attrs.get("lang", "vi")
    if fmt == "csv":
        return annex_csv(frame)
    if fmt == "markdown":
        return annex_markdown(frame, lang)
    return format_annex(frame, lang)


def __getattr__(name: str) -> Any:
    if name == "write_annex_xlsx":  # openpyxl loads with it
        return importlib.import_module("mdpoverty.tables.xlsx").write_annex_xlsx
    raise AttributeError(f"module 'mdpoverty.tables' has no attribute {name!r}")
