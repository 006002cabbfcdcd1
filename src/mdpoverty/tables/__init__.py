"""Tables a document prints, derived from the model, and the files they travel in.

:mod:`~mdpoverty.tables.annex` derives the annex (a DataFrame), and
:mod:`~mdpoverty.tables.figure_tables` the figures of any document (:func:`figures`, tidy;
:func:`figure_table`, as printed; :func:`annex` gives it for a document without an annex of
targets, :func:`format_figures` and its siblings render it), and
:mod:`~mdpoverty.tables.review_form` the review form of a review that prints flows of the year
(:func:`review_form`, :func:`form_csv`; in ``.xlsx`` through :func:`write_annex_xlsx`; read back
by :func:`import_annex`).  Every annex renderer takes the
annex's DataFrame: :func:`format_annex` (fixed-width text in the document's notation),
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

from mdpoverty.errors import Problem, ValidationError, expect
from mdpoverty.tables.annex import Lang, annex, annex_rows
from mdpoverty.tables.figure_tables import figure_table, figures
from mdpoverty.tables.importing import import_annex
from mdpoverty.tables.read import read_annex
from mdpoverty.tables.review_form import form_csv, review_form
from mdpoverty.tables.text import (
    annex_csv,
    annex_markdown,
    figures_csv,
    figures_markdown,
    format_annex,
    format_figures,
)

if TYPE_CHECKING:
    from mdpoverty.tables.xlsx import write_annex_xlsx

__all__ = [
    "TextFormat",
    "annex",
    "annex_csv",
    "annex_markdown",
    "annex_rows",
    "figure_table",
    "figures",
    "figures_csv",
    "figures_markdown",
    "form_csv",
    "format_annex",
    "format_figures",
    "import_annex",
    "read_annex",
    "render",
    "review_form",
    "write_annex_xlsx",
]

TextFormat = Literal["text", "markdown", "csv"]
"""The text formats of :func:`render`."""


def render(frame: pd.DataFrame, fmt: TextFormat = "text") -> str:
    """The table ``frame`` of :func:`annex` as text in ``fmt``: printed layout, Markdown or CSV.

    An annex of targets, a figure table (``attrs["table"] == "figures"``) and a review form
    (``"review-form"``) each have their renderers.
    """
    expect("render", frame=(frame, pd.DataFrame))
    if fmt not in ("text", "markdown", "csv"):
        raise ValidationError(
            [Problem("render", "fmt", fmt, "must be 'text', 'markdown' or 'csv'")]
        )
    lang: Lang = frame.attrs.get("lang", "vi")
    table = frame.attrs.get("table")
    if table in ("figures", "review-form"):  # both print three header rows
        if fmt == "csv":
            return form_csv(frame) if table == "review-form" else figures_csv(frame)
        return figures_markdown(frame, lang) if fmt == "markdown" else format_figures(frame, lang)
    if fmt == "csv":
        return annex_csv(frame)
    if fmt == "markdown":
        return annex_markdown(frame, lang)
    return format_annex(frame, lang)


def __getattr__(name: str) -> Any:
    if name == "write_annex_xlsx":  # openpyxl loads with it
        return importlib.import_module("mdpoverty.tables.xlsx").write_annex_xlsx
    raise AttributeError(f"module 'mdpoverty.tables' has no attribute {name!r}")
