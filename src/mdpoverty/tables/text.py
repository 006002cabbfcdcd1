"""The annex as text: fixed-width as the document prints it, Markdown and CSV.

Every renderer takes the DataFrame of :func:`mdpoverty.tables.annex.annex`, whose ``attrs`` carry
the title, caption, year and language.

>>> from mdpoverty.reference.datasets import bac_kan_2024
>>> from mdpoverty.tables.annex import annex
>>> format_annex(annex(bac_kan_2024())).splitlines()[-1].split()
['Tổng', 'số', '12.281', '241', '1,96', '13', '0,10', '1,86']
"""

from __future__ import annotations

import csv
import io
import itertools
from decimal import Decimal

import pandas as pd

from mdpoverty.errors import expect
from mdpoverty.i18n import Lang
from mdpoverty.tables._formula import guarded
from mdpoverty.tables.annex import RATE_FIELDS, TOTAL, fields_of
from mdpoverty.tables.figure_tables import cell_text
from mdpoverty.values.numbers import RATE_PLACES, decimal_places, format_vi, round_half_up
from mdpoverty.values.quantities import Quantity

__all__ = [
    "annex_csv",
    "annex_markdown",
    "figures_csv",
    "figures_markdown",
    "format_annex",
    "format_figures",
]


def _number_text(value: object, field: str, lang: Lang) -> str:
    """A cell as the document prints it: ``12.345`` and ``1,25`` (``12,345``, ``1.25`` in en).

    A rate keeps its own decimals (a derived rate has two, a target "3,0–3,5" one)."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, Quantity):
        low, high = (_number_text(v, field, lang) for v in (value.low, value.high))
        return low if value.is_exact else f"{low}–{high}"
    number = value if isinstance(value, int | Decimal) else int(str(value))  # numpy ints
    places = None
    if field in RATE_FIELDS:
        places = decimal_places(number) if isinstance(number, Decimal) else RATE_PLACES
    if lang == "vi":
        return format_vi(number, places)
    if places is not None:
        return f"{round_half_up(Decimal(number), places):,.{places}f}"
    return f"{number:,}"


def _rows(frame: pd.DataFrame, lang: Lang) -> list[list[str]]:
    fields = fields_of(frame)
    rows = []
    for record in frame.itertuples(index=False):
        cells = []
        for field, value in zip(fields, record, strict=True):
            if field == "label":
                cells.append(str(value))
            elif field == "number":
                cells.append("" if value is pd.NA or value is None else str(value))
            else:
                cells.append(_number_text(value, field, lang))
        rows.append(cells)
    return rows


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def format_annex(frame: pd.DataFrame, lang: Lang = "vi", *, header_width: int = 12) -> str:
    """The annex ``frame`` (from :func:`mdpoverty.tables.annex.annex`) as a fixed-width text table.

    Numbers are in the document's notation for ``lang="vi"`` (``12.345``, ``1,25``) and in
    English notation for ``"en"`` (``12,345``, ``1.25``); rates have 2 decimals.  Long headers
    wrap to ``header_width`` characters; the title is centred above.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty.tables.annex import annex
    >>> text = format_annex(annex(bac_kan_2024()))
    >>> text.splitlines()[6].split()
    ['1', 'Phường', 'Sông', 'Cầu', '2.347', '27', '1,15', '2', '0,08', '1,07']
    """
    expect("format_annex", frame=(frame, pd.DataFrame))
    rows = _rows(frame, lang)
    headers = [str(c) for c in frame.columns]
    widths = []
    for index, header in enumerate(headers):
        cell_width = max((len(r[index]) for r in rows), default=0)
        wrap_at = max(header_width, cell_width) if index != 1 else max(cell_width, 10)
        widths.append(max(cell_width, *(len(w) for w in _wrap(header, wrap_at))))
    wrapped = [_wrap(h, w) for h, w in zip(headers, widths, strict=True)]
    depth = max(len(w) for w in wrapped)
    lines = []
    for level in range(depth):
        parts = []
        for index, (lines_of, width) in enumerate(zip(wrapped, widths, strict=True)):
            text = lines_of[level] if level < len(lines_of) else ""
            parts.append(text.ljust(width) if index == 1 else text.center(width))
        lines.append("  ".join(parts).rstrip())
    rule = "  ".join("-" * w for w in widths)
    body = [
        "  ".join(
            cell.ljust(width) if index == 1 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    title = str(frame.attrs.get("title", ""))
    head = [title.center(len(rule)).rstrip(), ""] if title else []
    return "\n".join([*head, *lines, rule, *body[:-1], rule, body[-1]]) + "\n"


def _md_cell(text: str) -> str:
    """A Markdown table cell's text: backslashes and pipes escaped."""
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _titled(frame: pd.DataFrame, lines: list[str]) -> str:
    """A Markdown table's ``lines`` under the frame's title in bold, where it has one."""
    title = str(frame.attrs.get("title", ""))
    return (f"**{_md_cell(title)}**\n\n" if title else "") + "\n".join(lines) + "\n"


def annex_markdown(frame: pd.DataFrame, lang: Lang = "vi") -> str:
    """The annex ``frame`` as a Markdown (GFM) pipe table, numbers as :func:`format_annex`.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty.tables.annex import annex
    >>> print(annex_markdown(annex(bac_kan_2024())).splitlines()[-1])
    |  | **Tổng số** | **12.281** | **241** | **1,96** | **13** | **0,10** | **1,86** |
    """
    expect("annex_markdown", frame=(frame, pd.DataFrame))

    rows = _rows(frame, lang)
    align = ["---:" if field != "label" else ":---" for field in fields_of(frame)]
    lines = [
        "| " + " | ".join(_md_cell(str(c)) for c in frame.columns) + " |",
        "| " + " | ".join(align) + " |",
    ]
    for number, row in enumerate(rows, start=1):
        total = number == len(rows)
        texts = [_md_cell(t) if not (total and t) else f"**{_md_cell(t)}**" for t in row]
        lines.append("| " + " | ".join(texts) + " |")
    return _titled(frame, lines)


def annex_csv(frame: pd.DataFrame) -> str:
    """The annex ``frame`` as CSV: an ``id`` column, then the printed columns; one header row.

    Numbers are plain (``12281``, ``1.15``: a point before the decimals, no thousands
    separators), so that any program reads them; a range is written ``840–930``; a blank cell
    is empty; a text a spreadsheet would run as a formula (``=…``, ``-…``) is written after an
    apostrophe.  :func:`~mdpoverty.tables.read_annex` reads it back.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty.tables.annex import annex
    >>> print(annex_csv(annex(bac_kan_2024())).splitlines()[1])
    song-cau,1,Phường Sông Cầu,2347,27,1.15,2,0.08,1.07
    """
    expect("annex_csv", frame=(frame, pd.DataFrame))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", *(guarded(str(c)) for c in frame.columns)])
    for unit, record in zip(frame.index, frame.itertuples(index=False), strict=True):
        cells: list[object] = [guarded(str(unit))]
        for value in record:
            if value is None or value is pd.NA:
                cells.append("")
            elif isinstance(value, Quantity):
                cells.append(str(value.low) if value.is_exact else f"{value.low}–{value.high}")
            elif isinstance(value, str):
                cells.append(guarded(value))
            else:
                cells.append(value)
        writer.writerow(cells)
    return out.getvalue()


# -- the figure tables of :mod:`mdpoverty.tables.figure_tables` ---------------------------------


def _figure_cells(frame: pd.DataFrame, lang: Lang) -> list[list[str]]:
    return [
        [str(record[0]), *(cell_text(v, lang) for v in record[1:])]
        for record in frame.itertuples(index=False)
    ]


def format_figures(frame: pd.DataFrame, lang: Lang = "vi") -> str:
    """A figure table (:func:`~mdpoverty.tables.figure_tables.figure_table`) as fixed-width text.

    Three header lines (point in time, group, measure), a header that spans several columns
    shown over the first; numbers as printed (``12.345``, ``4,67``; ``12,345``, ``4.67`` in
    English), the total row below a rule.

    >>> from mdpoverty.cli import template_text
    >>> from mdpoverty.io.files import read_plan_text
    >>> from mdpoverty.tables.figure_tables import figure_table
    >>> review = read_plan_text(template_text("review", "district"))
    >>> format_figures(figure_table(review)).splitlines()[-1].split()[:5]
    ['Tổng', 'số', '2.950', '115', '3,90']
    """
    expect("format_figures", frame=(frame, pd.DataFrame))
    rows = _figure_cells(frame, lang)
    levels = [[str(c[n]) for c in frame.columns] for n in range(3)]
    for level in levels[:2]:
        for i in range(len(level) - 1, 0, -1):
            if level[i] == level[i - 1]:
                level[i] = ""
    widths = [
        max(len(levels[2][i]), *(len(r[i]) for r in rows), 0) for i in range(len(frame.columns))
    ]
    for level in levels[:2]:  # widen the last column of a span until its header fits
        starts = [i for i, text in enumerate(level) if text] + [len(level)]
        for start, end in itertools.pairwise(starts):
            room = sum(widths[start:end]) + 2 * (end - start - 1)
            widths[end - 1] += max(0, len(level[start]) - room)

    def line(cells: list[str], *, left: bool) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 or left else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    head = [line(level, left=True) for level in levels if any(level)]
    rule = "  ".join("-" * w for w in widths)
    body = [line(r, left=False) for r in rows]
    title = str(frame.attrs.get("title", ""))
    top = [title, ""] if title else []
    total = body[-1:] if len(frame) and frame.index[-1] == TOTAL else []
    parts = body[: len(body) - len(total)]
    tail = [rule, *total] if total and parts else total
    return "\n".join([*top, *head, rule, *parts, *tail]) + "\n"


def _flat_headers(frame: pd.DataFrame) -> list[str]:
    return [" ".join(str(p) for p in column if p) for column in frame.columns]


def figures_markdown(frame: pd.DataFrame, lang: Lang = "vi") -> str:
    """A figure table as a Markdown pipe table, its three headers joined in one."""
    expect("figures_markdown", frame=(frame, pd.DataFrame))

    lines = [
        "| " + " | ".join(_md_cell(h) for h in _flat_headers(frame)) + " |",
        "| " + " | ".join([":---"] + ["---:"] * (len(frame.columns) - 1)) + " |",
    ]
    lines += ["| " + " | ".join(_md_cell(t) for t in r) + " |" for r in _figure_cells(frame, lang)]
    return _titled(frame, lines)


def figures_csv(frame: pd.DataFrame) -> str:
    """A figure table as CSV: an ``id`` column, then a column a header; plain numbers, a
    range as ``1200–1350``."""
    expect("figures_csv", frame=(frame, pd.DataFrame))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", *(guarded(h) for h in _flat_headers(frame))])
    for subject, record in zip(frame.index, frame.itertuples(index=False), strict=True):
        cells = [_plain_cell(v) for v in record]
        writer.writerow([guarded(str(subject)), *cells])
    return out.getvalue()


def _plain_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return guarded(value)
    if isinstance(value, Quantity):
        return f"{value.low}–{value.high}"
    return value
