"""The annex as officials handle it: printed text, Markdown, CSV and ``.xlsx`` sheets, both ways.

Out: :func:`format_annex` (a fixed-width table in the document's number notation),
:func:`annex_markdown`, :func:`annex_csv` and :func:`write_annex_xlsx` (the printed layout:
title, caption, the two-row merged header, number formats, the total row).

In: :func:`read_annex` reads an annex from an ``.xlsx`` or ``.csv`` file, finding its header
row and columns by their printed headers; counts and rates may be numbers or text in
Vietnamese notation (``2.347``, ``1,15``).  :func:`import_annex` puts what it read into a plan:
the units' counts, their reduction targets and the printed annex.  Every problem is reported at
once in a :class:`~mdpoverty.io.files.PlanFileError` whose paths are cell references (``C7``).

>>> from mdpoverty.reference.datasets import bac_kan_2024
>>> from mdpoverty.tables.annex import annex
>>> format_annex(annex(bac_kan_2024())).splitlines()[-1].split()
['Tổng', 'số', '12.281', '241', '1,96', '13', '0,10', '1,86']
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal

import attrs
import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from mdpoverty.errors import NumberFormatError, ValidationError
from mdpoverty.io.files import FileProblem, PlanFileError
from mdpoverty.model.agencies import same_name
from mdpoverty.model.plan import Plan, PrintedAnnex, PrintedRow
from mdpoverty.model.targets import HouseholdGroup, Measure, Target
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.tables.annex import ANNEX_COLUMNS, annex
from mdpoverty.values.numbers import RATE_PLACES, format_vi, parse_vi, round_half_up
from mdpoverty.values.quantities import Quantity

__all__ = [
    "annex_csv",
    "annex_markdown",
    "format_annex",
    "import_annex",
    "read_annex",
    "write_annex_xlsx",
]

Lang = Literal["vi", "en"]

_COUNTS = frozenset({"households", "poor_households", "reduction"})
_RATES = frozenset({"start_rate", "rate_reduction", "end_rate"})
_GROUPED = ("reduction", "rate_reduction", "end_rate")
"""The columns the printed annex groups under "Mục tiêu phấn đấu …"."""


# -- text -----------------------------------------------------------------------------------------


def _number_text(value: object, field: str, lang: Lang) -> str:
    """A cell as the document prints it: ``12.345`` and ``1,25`` (``12,345``, ``1.25`` in en)."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, Quantity):
        low, high = (_number_text(v, field, lang) for v in (value.low, value.high))
        return low if value.is_exact else f"{low}–{high}"
    places = RATE_PLACES if field in _RATES else None
    number = value if isinstance(value, int | Decimal) else int(str(value))  # numpy ints
    if lang == "vi":
        return format_vi(number, places)
    if places is not None:
        return f"{round_half_up(Decimal(number), places):,.{places}f}"
    return f"{number:,}"


def _rows(frame: pd.DataFrame, lang: Lang) -> list[list[str]]:
    fields = ANNEX_COLUMNS
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


def annex_markdown(frame: pd.DataFrame, lang: Lang = "vi") -> str:
    """The annex ``frame`` as a Markdown (GFM) pipe table, numbers as :func:`format_annex`.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty.tables.annex import annex
    >>> print(annex_markdown(annex(bac_kan_2024())).splitlines()[-1])
    |  | **Tổng số** | **12.281** | **241** | **1,96** | **13** | **0,10** | **1,86** |
    """

    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|")

    rows = _rows(frame, lang)
    align = ["---:" if field != "label" else ":---" for field in ANNEX_COLUMNS]
    lines = [
        "| " + " | ".join(cell(str(c)) for c in frame.columns) + " |",
        "| " + " | ".join(align) + " |",
    ]
    for number, row in enumerate(rows, start=1):
        total = number == len(rows)
        texts = [cell(t) if not (total and t) else f"**{cell(t)}**" for t in row]
        lines.append("| " + " | ".join(texts) + " |")
    title = str(frame.attrs.get("title", ""))
    return (f"**{cell(title)}**\n\n" if title else "") + "\n".join(lines) + "\n"


def annex_csv(frame: pd.DataFrame) -> str:
    """The annex ``frame`` as CSV: an ``id`` column, then the printed columns; one header row.

    Numbers are plain (``12281``, ``1.15``: a point before the decimals, no thousands
    separators), so that any program reads them; a range is written ``840–930``; a blank cell
    is empty.  :func:`read_annex` reads it back.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty.tables.annex import annex
    >>> print(annex_csv(annex(bac_kan_2024())).splitlines()[1])
    song-cau,1,Phường Sông Cầu,2347,27,1.15,2,0.08,1.07
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", *frame.columns])
    for unit, record in zip(frame.index, frame.itertuples(index=False), strict=True):
        cells: list[object] = [unit]
        for value in record:
            if value is None or value is pd.NA:
                cells.append("")
            elif isinstance(value, Quantity):
                cells.append(str(value.low) if value.is_exact else f"{value.low}–{value.high}")
            else:
                cells.append(value)
        writer.writerow(cells)
    return out.getvalue()


# -- xlsx -----------------------------------------------------------------------------------------

_GROUP_HEADER: dict[Lang, str] = {
    "vi": "Mục tiêu phấn đấu giảm tỷ lệ hộ nghèo năm {year}",
    "en": "Targets for reducing the poverty rate in {year}",
}
_FORMATS = {"households": "#,##0", "poor_households": "#,##0", "reduction": "#,##0"}
_FORMATS |= dict.fromkeys(_RATES, "0.00")


def _xlsx_value(value: object, field: str) -> int | float | str | None:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, Quantity):
        if not value.is_exact:
            return value.vi(RATE_PLACES if field in _RATES else None)
        value = value.low
    if isinstance(value, Decimal):
        # Output boundary: openpyxl writes only int and float numbers.  A rate has 2 decimals
        # and at most 3 integer digits, far inside a float's 15 significant digits, so the
        # float holds the nearest double to the printed value and Excel shows it exactly.
        return float(value)
    if field == "label":
        return str(value)
    return int(str(value))  # numpy ints from pandas


def write_annex_xlsx(plan: Plan, path: str | os.PathLike[str], lang: Lang = "vi") -> None:
    """Write the annex of ``plan`` to the ``.xlsx`` file ``path`` in the printed layout.

    The sheet holds the title, the caption (the plan's printed one), a header of two rows —
    the first five headers span both, and the group header spans the last three columns over
    their sub-headers, as the annex prints — then a row per unit and the total row.  Counts
    are numbers formatted ``#,##0``, rates numbers formatted ``0.00`` (Excel shows the
    separators of the reader's locale: ``12.281`` and ``1,15`` in Vietnamese).  The file is
    written whole or not at all.

    >>> import tempfile, pathlib
    >>> from openpyxl import load_workbook
    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_annex_xlsx(bac_kan_2024(), pathlib.Path(folder, "annex.xlsx"))
    ...     sheet = load_workbook(pathlib.Path(folder, "annex.xlsx")).active
    ...     sheet["C14"].value, sheet["H14"].value
    (12281, 1.86)
    """
    frame = annex(plan, lang)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101  (a new workbook has one sheet)
    sheet.title = "Phụ lục" if lang == "vi" else "Annex"
    ncols = len(ANNEX_COLUMNS)
    last = get_column_letter(ncols)
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    sheet["A1"] = str(frame.attrs.get("title", ""))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A1"].alignment = centre
    sheet.merge_cells(f"A1:{last}1")
    caption = plan.annex.caption if plan.annex is not None else ""
    if caption:
        sheet["A2"] = caption
        sheet["A2"].font = Font(italic=True)
        sheet["A2"].alignment = centre
        sheet.merge_cells(f"A2:{last}2")
        sheet.row_dimensions[2].height = 32

    top, sub = 4, 5
    _write_header(sheet, frame, year=plan.year, lang=lang, top=top, box=box)
    for offset, record in enumerate(frame.itertuples(index=False)):
        row = sub + 1 + offset
        is_total = offset == len(frame) - 1
        for col, (field, value) in enumerate(zip(ANNEX_COLUMNS, record, strict=True), 1):
            cell = sheet.cell(row, col, _xlsx_value(value, field))
            cell.border = box
            if field in _FORMATS:
                cell.number_format = _FORMATS[field]
            if field == "number":
                cell.alignment = Alignment(horizontal="center")
            if is_total:
                cell.font = bold
    sheet.freeze_panes = f"A{sub + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.print_title_rows = f"{top}:{sub}"
    _save_atomically(workbook, Path(path))


def _write_header(
    sheet: Worksheet, frame: pd.DataFrame, *, year: int, lang: Lang, top: int, box: Border
) -> None:
    """The two header rows: merged vertically, but for the group over the last columns."""
    sub = top + 1
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    grouped = [ANNEX_COLUMNS.index(f) + 1 for f in _GROUPED]
    for col, (field, header) in enumerate(zip(ANNEX_COLUMNS, frame.columns, strict=True), 1):
        letter = get_column_letter(col)
        if col in grouped:
            sheet.cell(sub, col, str(header))
        else:
            sheet.cell(top, col, str(header))
            sheet.merge_cells(f"{letter}{top}:{letter}{sub}")
        for row in (top, sub):
            sheet.cell(row, col).font = bold
            sheet.cell(row, col).alignment = centre
            sheet.cell(row, col).border = box
        sheet.column_dimensions[letter].width = 26 if field == "label" else 14
    first_group = get_column_letter(grouped[0])
    sheet.cell(top, grouped[0], _GROUP_HEADER[lang].format(year=year))
    sheet.merge_cells(f"{first_group}{top}:{get_column_letter(grouped[-1])}{top}")
    sheet.column_dimensions["A"].width = 6
    sheet.row_dimensions[sub].height = 48


def _save_atomically(workbook: Workbook, file: Path) -> None:
    temporary = file.with_name(f".{file.name}.{uuid.uuid4().hex}.tmp")
    try:
        workbook.save(temporary)
        temporary.replace(file)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# -- reading an annex -----------------------------------------------------------------------------


@attrs.frozen
class _Cell:
    ref: str
    value: object
    places: int | None = None  # decimals of the cell's number format, where fixed


def _ref(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def _xlsx_rows(path: Path) -> list[list[_Cell]]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.active
        if sheet is None:  # pragma: no cover - a workbook always has an active sheet
            return []
        rows = []
        for r, row in enumerate(sheet.iter_rows(), start=1):
            cells = []
            for c, cell in enumerate(row, start=1):
                fmt = str(getattr(cell, "number_format", "") or "")
                match = re.search(r"0\.(0+)(?![0#])", fmt)
                places = len(match.group(1)) if match else (0 if fmt == "#,##0" else None)
                cells.append(_Cell(_ref(r, c), getattr(cell, "value", None), places))
            rows.append(cells)
        return rows
    finally:
        workbook.close()


def _csv_rows(path: Path) -> list[list[_Cell]]:
    """The cells of a CSV file separated by commas, semicolons (Excel in a Vietnamese locale,
    where the comma is the decimal separator) or tabs: the first that yields a header row."""
    text = path.read_text(encoding="utf-8-sig")
    candidates = []
    for delimiter in (",", ";", "\t"):
        rows = [
            [_Cell(_ref(r, c), value) for c, value in enumerate(row, start=1)]
            for r, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
        ]
        problems: list[FileProblem] = []
        if _layout(rows, problems) is not None and not problems:
            return rows
        candidates.append(rows)
    return candidates[0]


def _norm(value: object) -> str:
    text = unicodedata.normalize("NFC", str(value)).casefold()
    return " ".join(text.split())


def _column_of(header: str) -> str | None:
    """Which annex column a printed header names, in Vietnamese or English."""
    h = _norm(header)
    rules: Sequence[tuple[str, Iterable[str]]] = (
        ("id", ("id", "mã", "mã đơn vị")),
        ("number", ("stt", "no.", "no", "tt")),
        ("label", ("tên đơn vị", "đơn vị", "unit", "tên")),
    )
    for field, names in rules:
        if h in names:
            return field
    contains: Sequence[tuple[str, Sequence[Sequence[str]]]] = (
        ("reduction", (("giảm số hộ",), ("reduction", "households"))),
        ("rate_reduction", (("giảm tỷ lệ",), ("giảm tỉ lệ",), ("reduction", "rate"))),
        ("end_rate", (("cuối năm",), ("end", "rate"))),
        ("start_rate", (("tỷ lệ",), ("tỉ lệ",), ("rate",))),
        ("poor_households", (("hộ nghèo",), ("poor",))),
        ("households", (("số hộ",), ("households",))),
    )
    for field, alternatives in contains:
        if any(all(word in h for word in words) for words in alternatives):
            return field
    return None


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


@attrs.frozen
class _Layout:
    title: str
    caption: str
    columns: dict[str, int]  # field -> index in a row
    first_data: int  # index of the first data row


def _layout(rows: list[list[_Cell]], problems: list[FileProblem]) -> _Layout | None:
    header = next(
        (
            i
            for i, row in enumerate(rows[:40])
            if {_column_of(_text(c.value)) for c in row} >= {"label"}
            and sum(_column_of(_text(c.value)) is not None for c in row) >= 2
        ),
        None,
    )
    if header is None:
        problems.append(
            FileProblem("", "has no header row naming the columns (STT, Tên đơn vị, …)")
        )
        return None
    texts = [_text(c.value) for c in rows[header]]
    below = rows[header + 1] if header + 1 < len(rows) else []
    label_col = [_column_of(t) for t in texts].index("label")
    continued = bool(below) and (len(below) <= label_col or not _text(below[label_col].value))
    if continued:  # a second header row: its sub-headers name the grouped columns
        for index, cell in enumerate(below):
            if _text(cell.value):
                if index < len(texts):
                    texts[index] = _text(cell.value)
                else:
                    texts.append(_text(cell.value))
    columns: dict[str, int] = {}
    for index, text in enumerate(texts):
        field = _column_of(text) if text else None
        if field is not None and field not in columns:
            columns[field] = index
    for field, what in (("households", "households"), ("poor_households", "poor households")):
        if field not in columns:
            problems.append(
                FileProblem(
                    rows[header][0].ref if rows[header] else "",
                    f"has no column of {what} in its header row",
                )
            )
    above = [_text(c.value) for row in rows[:header] for c in row if _text(c.value)]
    return _Layout(
        title=above[0] if above else "",
        caption=" ".join(above[1:]),
        columns=columns,
        first_data=header + (2 if continued else 1),
    )


def _integer(cell: _Cell) -> int:
    value = cell.value
    if isinstance(value, bool):
        raise NumberFormatError("must be a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise NumberFormatError("must be a whole number")
    parsed = parse_vi(_text(value))
    if not isinstance(parsed, int):
        raise NumberFormatError("must be a whole number")
    return parsed


_PLAIN_DECIMAL = re.compile(r"[-+]?\d+(?:\.\d+)?")


def _rate(cell: _Cell) -> Decimal:
    value = cell.value
    if isinstance(value, bool):
        raise NumberFormatError("must be a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # Input boundary: the float is the cell's stored double; its shortest repr is the
        # number that was typed, rounded to the decimals the cell displays where it fixes them.
        number = Decimal(repr(value))
        return number if cell.places is None else round_half_up(number, cell.places)
    text = _text(value).removesuffix("%").strip()
    if "," not in text and _PLAIN_DECIMAL.fullmatch(text):
        # A point without a comma is a decimal point here: a rate is at most 100, so it
        # cannot be a Vietnamese thousands separator.
        return Decimal(text)
    parsed = parse_vi(text)
    return Decimal(parsed)


def _parse(cell: _Cell, field: str, problems: list[FileProblem]) -> int | Decimal | None:
    if _text(cell.value) == "":
        return None
    try:
        return _integer(cell) if field in _COUNTS or field == "number" else _rate(cell)
    except (NumberFormatError, InvalidOperation) as error:
        reason = (
            str(error)
            if str(error).startswith("must")
            else "must be a number in Vietnamese notation (2.347, 1,15) or plain (2347, 1.15)"
        )
        problems.append(FileProblem(cell.ref, reason, cell.value))
        return None


@attrs.frozen
class _ReadRow:
    row: PrintedRow
    refs: dict[str, str]  # field -> cell reference


@attrs.frozen
class _Read:
    annex: PrintedAnnex
    rows: list[_ReadRow]
    source: str
    problems: list[FileProblem]  # cells that could not be read; their values are None


def _read(path: str | os.PathLike[str]) -> _Read:
    file = Path(path)
    source = str(file)
    problems: list[FileProblem] = []
    readers = {".xlsx": _xlsx_rows, ".csv": _csv_rows}
    reader = readers.get(file.suffix.lower())
    if reader is None:
        raise PlanFileError(
            source, [FileProblem("", f"has the extension {file.suffix!r}; use .xlsx or .csv")]
        )
    try:
        rows = reader(file)
    except Exception as error:  # a file openpyxl or csv cannot read at all
        raise PlanFileError(source, [FileProblem("", f"cannot be read: {error}")]) from error
    layout = _layout(rows, problems)
    if layout is None:
        raise PlanFileError(source, problems)
    read: list[_ReadRow] = []
    total: PrintedRow | None = None
    for row in rows[layout.first_data :]:
        if all(_text(c.value) == "" for c in row):
            if read:
                break
            continue
        result = _read_row(row, layout, problems)
        if isinstance(result, PrintedRow):
            total = result
        elif result is not None:
            read.append(result)
    if not read:
        problems.append(FileProblem("", "has no unit rows below its header"))
        raise PlanFileError(source, problems)
    printed_annex = PrintedAnnex(
        title=layout.title or "?",
        rows=[r.row for r in read],
        total=total,
        caption=layout.caption,
    )
    return _Read(printed_annex, read, source, problems)


def _read_row(
    row: list[_Cell], layout: _Layout, problems: list[FileProblem]
) -> _ReadRow | PrintedRow | None:
    """A unit's row, the total row (a bare :class:`PrintedRow`), or ``None`` if unreadable."""
    cells = {f: row[i] for f, i in layout.columns.items() if i < len(row)}
    label_cell = cells.get("label")
    label = _text(label_cell.value) if label_cell else ""
    values = {f: _parse(c, f, problems) for f, c in cells.items() if f not in ("id", "label")}
    unit = _text(cells["id"].value) if "id" in cells else ""
    is_total = unit == "total" or _norm(label) in {"tổng số", "tổng cộng", "cộng", "total"}
    where = label_cell.ref if label_cell else row[0].ref
    try:
        printed = PrintedRow(
            label=label or where,
            unit=None if is_total or not unit else unit,
            **values,  # type: ignore[arg-type]
        )
    except ValidationError as error:
        for p in error.problems:
            ref = cells[p.field].ref if p.field in cells else row[0].ref
            problems.append(FileProblem(ref, p.reason, p.value))
        return None
    if not label:
        problems.append(FileProblem(where, "names no unit"))
    if is_total:
        return printed
    return _ReadRow(printed, {f: c.ref for f, c in cells.items()})


def read_annex(path: str | os.PathLike[str]) -> PrintedAnnex:
    """The annex in the ``.xlsx`` or ``.csv`` file ``path``, exactly as it is printed there.

    The header row is found by its headers (``STT``, ``Tên đơn vị``, ``Tổng số hộ dân …`` or
    the English ones); a second header row under it names the grouped columns.  The title and
    caption are the text above the header.  The total row is the one labelled ``Tổng số``
    (or ``Total``).  Numbers may be numbers, or text in Vietnamese notation (``2.347``,
    ``1,15``) or plain (``2347``, ``1.15``).

    Raises:
        PlanFileError: Every cell that cannot be read, by its reference (``D7``).

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "annex.csv")
    ...     _ = path.write_text("STT;Tên đơn vị;Tổng số hộ;Số hộ nghèo\\n1;Xã A;2.347;27\\n",
    ...                         encoding="utf-8")
    ...     read_annex(path).rows[0].households
    2347
    """
    read = _read(path)
    if read.problems:
        raise PlanFileError(read.source, read.problems)
    return read.annex


# -- putting an annex into a plan -----------------------------------------------------------------

_PREFIXES: dict[str, UnitKind] = {
    **{kind.vi: kind for kind in UnitKind},
    "p.": UnitKind.WARD,
    "x.": UnitKind.COMMUNE,
    "tt.": UnitKind.TOWNSHIP,
    "tp.": UnitKind.CITY,
}


def _split_kind(label: str) -> tuple[UnitKind | None, str]:
    """The kind a unit's printed name starts with (``Phường``, ``P.``, ``Xã`` …) and the rest."""
    norm = _norm(label)
    for prefix in sorted(_PREFIXES, key=len, reverse=True):
        if norm.startswith(prefix + " ") or (prefix.endswith(".") and norm.startswith(prefix)):
            return _PREFIXES[prefix], norm[len(prefix) :].strip()
    return None, norm


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "unit"


def _match(row: PrintedRow, units: Sequence[AdministrativeUnit]) -> AdministrativeUnit | None:
    if row.unit is not None:
        return next((u for u in units if u.id == row.unit), None)
    for unit in units:
        if same_name(unit.name, row.label):
            return unit
    kind, core = _split_kind(row.label)
    for unit in units:
        unit_kind, unit_core = _split_kind(unit.name)
        if unit_core == core and (kind is None or unit_kind in (None, kind)):
            return unit
    return None


def import_annex(plan: Plan, path: str | os.PathLike[str]) -> Plan:
    """``plan`` with the annex in the ``.xlsx`` or ``.csv`` file ``path`` put into it.

    Each row of the annex is matched to a unit of the plan by its ``id`` column, else by its
    name (``P. Nguyễn Thị Minh Khai`` matches ``Phường Nguyễn Thị Minh Khai``); a row that
    matches no unit adds one, its kind read from its name (``Phường …``, ``Xã …``, ``Thị trấn
    …``) and its id made from the name.  The units take the annex's counts and order (units
    the annex does not list stay, after them); each row's reduction becomes the unit's
    reduction target for the plan year; the printed annex becomes the file's, cell for cell.

    Raises:
        PlanFileError: Every cell that cannot be read or does not fit the plan, by its
            reference (``D7``).

    >>> import tempfile, pathlib
    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> plan = bac_kan_2024()
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_annex_xlsx(plan, pathlib.Path(folder, "annex.xlsx"))
    ...     import_annex(plan, pathlib.Path(folder, "annex.xlsx")) == plan
    True
    """
    read_file = _read(path)
    printed, rows, source = read_file.annex, read_file.rows, read_file.source
    problems = list(read_file.problems)
    unreadable = {p.path for p in problems}
    units: list[AdministrativeUnit] = []
    reductions: dict[str, int] = {}
    taken_ids = {u.id for u in plan.units}
    for read in rows:
        unit = _unit_of(read, plan, taken_ids, problems, unreadable)
        if unit is None:
            continue
        if any(u.id == unit.id for u in units):
            ref = read.refs.get("label", "")
            problems.append(FileProblem(ref, f"repeats the unit {unit.id!r}", read.row.label))
            continue
        units.append(unit)
        if read.row.reduction is not None:
            reductions[unit.id] = read.row.reduction
    if problems:
        raise PlanFileError(source, problems)
    listed = {u.id for u in units}
    all_units = [*units, *(u for u in plan.units if u.id not in listed)]
    targets = [t for t in plan.targets if not _replaced(t, reductions, plan.year)]
    targets += [
        Target(Measure.REDUCTION, Quantity(r), unit=unit_id, section="annex")
        for unit_id, r in reductions.items()
    ]
    printed = attrs.evolve(
        printed,
        rows=[attrs.evolve(r.row, unit=u.id) for r, u in zip(rows, units, strict=True)],
        title=printed.title if printed.title != "?" or plan.annex is None else plan.annex.title,
        caption=printed.caption or (plan.annex.caption if plan.annex is not None else ""),
        date=plan.annex.date if plan.annex is not None else None,
    )
    try:
        return attrs.evolve(plan, units=all_units, targets=targets, annex=printed)
    except ValidationError as error:
        raise PlanFileError(
            source,
            [FileProblem("", f"{p.obj}: {p.field} {p.reason}", p.value) for p in error.problems],
        ) from error


def _unit_of(
    read: _ReadRow,
    plan: Plan,
    taken_ids: set[str],
    problems: list[FileProblem],
    unreadable: set[str],
) -> AdministrativeUnit | None:
    """The unit a row describes: a unit of ``plan`` with the row's counts, or a new one."""
    row = read.row
    households, poor = row.households, row.poor_households
    ref = read.refs.get("label", "")
    if households is None or poor is None:
        cell = read.refs.get("households" if households is None else "poor_households", ref)
        if cell not in unreadable:
            problems.append(FileProblem(cell, "is blank; a unit needs it"))
        return None
    unit = _match(row, plan.units)
    try:
        if unit is not None:
            return attrs.evolve(unit, households=households, poor_households=poor)
        kind, core = _split_kind(row.label)
        if kind is None:
            problems.append(
                FileProblem(
                    ref,
                    "matches no unit of the plan, and its name does not say its kind "
                    "(begin it with Phường, Xã, Thị trấn …, or add the unit to the plan)",
                    row.label,
                )
            )
            return None
        unit_id = row.unit or _slug(core)
        while unit_id in taken_ids:
            unit_id += "-2"
        taken_ids.add(unit_id)
        return AdministrativeUnit(unit_id, row.label, kind, households, poor)
    except ValidationError as error:
        for p in error.problems:
            problems.append(FileProblem(read.refs.get(p.field, ref), p.reason, p.value))
        return None


def _replaced(target: Target, reductions: dict[str, int], year: int) -> bool:
    return (
        target.unit in reductions
        and target.measure is Measure.REDUCTION
        and target.group is HouseholdGroup.POOR
        and target.year in (None, year)
    )
