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
>>> from mdpoverty.tables import annex, render
>>> print(render(annex(bac_kan_2024()), "csv").splitlines()[-1])
total,,Tổng số,12281,241,1.96,13,0.10,1.86
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Literal

from mdpoverty.errors import Problem, ValidationError

# The annex module is light (pandas loads inside annex()), and imported here so that the name
# ``annex`` is the function: a submodule imported later would otherwise shadow it.
from mdpoverty.i18n import Lang, _
from mdpoverty.tables.annex import annex, annex_rows

if TYPE_CHECKING:  # what type checkers see; at run time, __getattr__ below
    import pandas as pd

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
    from mdpoverty.tables.xlsx import write_annex_xlsx
else:  # the name resolves annotations at run time, and loads pandas only then
    from mdpoverty.values._lazy import pd

# Each name loads its module when first used (PEP 562): the checks import tables.annex for its
# rows, and importing this package must not load pandas, the text renderers or openpyxl then.
_HOMES = {
    "figure_table": "figure_tables",
    "figures": "figure_tables",
    "import_annex": "importing",
    "read_annex": "read",
    "form_csv": "review_form",
    "review_form": "review_form",
    "annex_csv": "text",
    "annex_markdown": "text",
    "figures_csv": "text",
    "figures_markdown": "text",
    "format_annex": "text",
    "format_figures": "text",
    "write_annex_xlsx": "xlsx",  # openpyxl loads with it
}

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
    import pandas as pd  # noqa: PLC0415  (pandas loads with the first table)

    from mdpoverty.tables.review_form import form_csv  # noqa: PLC0415
    from mdpoverty.tables.text import (  # noqa: PLC0415  (loaded with the first table)
        annex_csv,
        annex_markdown,
        figures_csv,
        figures_markdown,
        format_annex,
        format_figures,
    )

    if not isinstance(frame, pd.DataFrame):
        raise ValidationError([Problem("render", "frame", frame, _("must be a DataFrame"))])
    if fmt not in ("text", "markdown", "csv"):
        raise ValidationError(
            [Problem("render", "fmt", fmt, _("must be 'text', 'markdown' or 'csv'"))]
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
    home = _HOMES.get(name)
    if home is not None:
        return getattr(importlib.import_module(f"mdpoverty.tables.{home}"), name)
    raise AttributeError(f"module 'mdpoverty.tables' has no attribute {name!r}")
