"""The annex as a Word ``.docx`` table in the official layout: title, caption, two-row merged
header, Times New Roman, on a landscape page.

python-docx is imported here only (the ``read`` extra), so that it loads when a Word file is
written.  Numbers are written as the document prints them (``2.347``, ``1,15``, ``6,5–7,2``):
a Word table holds text, and the import reads it back to the same figures.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from mdpoverty.errors import MissingExtraError
from mdpoverty.i18n import Lang, _
from mdpoverty.io._atomic import write_atomically
from mdpoverty.tables.annex import GROUPED_FIELDS, RATE_FIELDS, _group_header, fields_of
from mdpoverty.values.numbers import RATE_PLACES, format_vi
from mdpoverty.values.quantities import Quantity

__all__ = ["write_annex_docx"]

_FONT = "Times New Roman"  # the font of official documents (Decree 30/2020/NĐ-CP, Annex I)


def _text(value: object, field: str) -> str:
    """A cell as printed: Vietnamese notation, rates with their two decimals, blank for none."""
    if value is None or value is pd.NA:
        return ""
    places = RATE_PLACES if field in RATE_FIELDS else None
    if isinstance(value, Quantity):
        return value.vi(places)
    if isinstance(value, Decimal):
        return format_vi(value, places)
    if field in ("label",) or isinstance(value, str):
        return str(value)
    return format_vi(int(str(value)))  # numpy ints from pandas


def _document() -> Any:
    try:
        import docx  # noqa: PLC0415  (python-docx loads only to write a Word file)
        from docx.enum.section import WD_ORIENT  # noqa: PLC0415
        from docx.oxml.ns import qn  # noqa: PLC0415
    except ImportError as error:  # pragma: no cover - the read extra is installed in tests
        raise MissingExtraError(
            _("writing .docx needs python-docx: pip install 'mdpoverty[read]'")
        ) from error
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = _FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), _FONT)  # and for every script
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    width, height = section.page_width, section.page_height
    if width is not None and height is not None and width < height:
        section.page_width, section.page_height = height, width
    return document


def write_annex_docx(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write an annex (the table of :func:`~mdpoverty.tables.annex.annex`) to the Word file
    ``path`` in the official layout, on a landscape page in Times New Roman.

    The title (bold) and the caption (italic) stand above a table whose first five headers
    are merged down over two rows and whose group header spans the last three columns over
    their sub-headers; then a row per unit and the total row (bold).  A table other than the
    plan's annex (a review's figures, the review form) is written with its columns' headers
    in one row.  The file is written whole or not at all.

    >>> import tempfile, pathlib
    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty.tables.annex import _group_header, annex
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_annex_docx(annex(bac_kan_2024()), pathlib.Path(folder, "annex.docx"))
    ...     import docx
    ...     table = docx.Document(str(pathlib.Path(folder, "annex.docx"))).tables[0]
    ...     table.cell(10, 2).text, table.cell(10, 7).text
    ('12.281', '1,86')
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415

    document = _document()
    lang: Lang = frame.attrs.get("lang", "vi")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(str(frame.attrs.get("title", ""))).bold = True
    caption = str(frame.attrs.get("caption", ""))
    if caption:
        line = document.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.add_run(caption).italic = True
    is_annex = frame.attrs.get("table", "annex") == "annex"
    fields = list(fields_of(frame)) if is_annex else [str(c) for c in frame.columns]
    header_rows = 2 if is_annex else 1
    table = document.add_table(rows=header_rows + len(frame), cols=len(fields))
    table.style = "Table Grid"
    if is_annex:
        _annex_header(table, frame, lang)
    else:
        for col, header in enumerate(frame.columns):
            # a figure table's or a review form's header has three levels: written in one line
            level: object = header
            parts = level if isinstance(level, tuple) else (level,)
            table.cell(0, col).text = " ".join(str(p) for p in parts if p)
    for offset, record in enumerate(frame.itertuples(index=False)):
        is_total = offset == len(frame) - 1 and is_annex
        for col, (field, value) in enumerate(zip(fields, record, strict=True)):
            cell = table.cell(header_rows + offset, col)
            run = cell.paragraphs[0].add_run(_text(value, field))
            run.bold = is_total
    write_atomically(path, lambda file: document.save(str(Path(file))))


def _annex_header(table: Any, frame: pd.DataFrame, lang: Lang) -> None:
    fields = fields_of(frame)
    grouped = [fields.index(f) for f in GROUPED_FIELDS]
    for col, header in enumerate(frame.columns):
        if col in grouped:
            table.cell(1, col).paragraphs[0].add_run(str(header)).bold = True
        else:
            table.cell(0, col).paragraphs[0].add_run(str(header)).bold = True
            table.cell(0, col).merge(table.cell(1, col))
    group = table.cell(0, grouped[0]).merge(table.cell(0, grouped[-1]))
    text = _group_header(int(frame.attrs.get("year", 0)), lang)
    group.paragraphs[0].add_run(text).bold = True
