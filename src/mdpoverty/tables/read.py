"""Reading an annex back from an ``.xlsx`` or ``.csv`` file, finding its header row and columns.

Counts and rates may be numbers or text in Vietnamese notation (``2.347``, ``1,15``), and
ranges of them (``90–100``, ``0,56–0,58``).  Every problem is reported at once in a
:class:`~mdpoverty.PlanFileError`.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation

import attrs

from mdpoverty.errors import (
    FileProblem,
    NumberFormatError,
    PlanFileError,
    Problem,
    ValidationError,
    location,
)
from mdpoverty.i18n import _
from mdpoverty.io._sources import (
    Source,
    check_source,
    decoded,
    label_of,
    read_limited,
    refuse,
    suffix_of,
)
from mdpoverty.model.printed import PrintedAnnex, PrintedRow
from mdpoverty.tables._formula import unguarded
from mdpoverty.tables.annex import COUNT_FIELDS, NEAR_POOR_FIELD, TOTAL, TOTAL_LABEL
from mdpoverty.values.bounds import MAX_FILE_BYTES, MAX_NUMBER_CHARS, TooLarge
from mdpoverty.values.names import name_key
from mdpoverty.values.numbers import parse_vi, round_half_up
from mdpoverty.values.quantities import Quantity

_TOTAL_LABELS = {label.casefold() for label in TOTAL_LABEL.values()}
_TOTAL_LABELS |= {"tổng cộng", "cộng"}
"""How annexes label their total row (compared loosely: see :func:`normalized`)."""

__all__ = ["ReadAnnex", "ReadRow", "normalized", "read_annex", "read_annex_rows"]


@attrs.frozen
class _Cell:
    ref: str
    value: object
    places: int | None = None  # decimals of the cell's number format, where fixed


def _ref(row: int, col: int) -> str:
    letters = ""
    while col:
        col, digit = divmod(col - 1, 26)
        letters = chr(ord("A") + digit) + letters
    return f"{letters}{row}"


def _xlsx_rows(data: bytes | str) -> Iterator[list[_Cell]]:
    """The cells of the active sheet, a row at a time: openpyxl's read-only mode streams the
    sheet, so a large sheet takes time and memory in proportion to the rows actually read."""
    from openpyxl import load_workbook  # noqa: PLC0415  (openpyxl loads only to read a sheet)

    if isinstance(data, str):
        raise TypeError(_("a spreadsheet is read from bytes (a binary stream), not from text"))
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.active
        if sheet is None:  # pragma: no cover - a workbook always has an active sheet
            return
        places_of: dict[str, int | None] = {}  # a sheet has few number formats: read each once
        for r, row in enumerate(sheet.iter_rows(), start=1):
            cells = []
            for c, cell in enumerate(row, start=1):
                fmt = str(getattr(cell, "number_format", "") or "")
                places = places_of.get(fmt, -1)
                if places == -1:
                    match = re.search(r"0\.(0+)(?![0#])", fmt)
                    places = (
                        len(match.group(1)) if match else (0 if fmt in ("#,##0", "0") else None)
                    )
                    places_of[fmt] = places
                cells.append(_Cell(_ref(r, c), getattr(cell, "value", None), places))
            yield cells
    finally:
        workbook.close()


def _csv_rows(text: str) -> list[list[_Cell]]:
    """The cells of a CSV file separated by commas, semicolons (Excel in a Vietnamese locale,
    where the comma is the decimal separator) or tabs: the first that yields a header row."""
    candidates = []
    for delimiter in (",", ";", "\t"):
        rows = [
            # a text guarded from running as a formula ('=…) is read as it was written
            [_Cell(_ref(r, c), unguarded(value)) for c, value in enumerate(row, start=1)]
            for r, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
        ]
        problems: list[FileProblem] = []
        if _layout(rows, problems) is not None and not problems:
            return rows
        candidates.append(rows)
    return candidates[0]


def normalized(value: object) -> str:
    """Header or label text compared loosely: the :func:`~mdpoverty.values.names.name_key` of
    its text (NFC, case-folded, single spaces, either tone-mark placement)."""
    return name_key(str(value))


def _column_of(header: str) -> str | None:
    """Which annex column a printed header names, in Vietnamese or English."""
    h = normalized(header)
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
        (NEAR_POOR_FIELD, (("cận nghèo",), ("near-poor",), ("near", "poor"))),
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
        # the headers it looks for, in the reader's language ("STT, Tên đơn vị, …")
        examples = (_("No."), _("Unit"), "…")
        problems.append(
            FileProblem(
                "", _("has no header row naming the columns ({examples})", examples=examples)
            )
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
    for field, reason in (
        ("households", _("has no column of households in its header row")),
        ("poor_households", _("has no column of poor households in its header row")),
    ):
        if field not in columns:
            problems.append(
                FileProblem(
                    "annex",
                    reason,
                    cell=rows[header][0].ref if rows[header] else None,
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
        raise NumberFormatError(_("must be a whole number"))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise NumberFormatError(_("must be a whole number"))
    parsed = parse_vi(_text(value))
    if not isinstance(parsed, int):
        raise NumberFormatError(_("must be a whole number"))
    return parsed


_PLAIN_DECIMAL = re.compile(r"[-+]?\d+(?:\.\d+)?")


def _rate(cell: _Cell) -> Decimal:
    value = cell.value
    if isinstance(value, bool):
        raise NumberFormatError(_("must be a number"))
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


# A range: two numbers and a dash between them (a dash first is a minus sign).
_RANGE = re.compile(r"(?P<low>\S.*?)\s*[–—-]\s*(?P<high>[^–—-]+)")


def _number(cell: _Cell, field: str) -> int | Decimal | Quantity:
    """The cell's number, or its range ``low–high`` (each bound read as a number is)."""
    read = _integer if field in COUNT_FIELDS or field == "number" else _rate
    text = _text(cell.value)
    match = _RANGE.fullmatch(text) if isinstance(cell.value, str) else None
    if match is None:
        return read(cell)
    low, high = (read(attrs.evolve(cell, value=match.group(b))) for b in ("low", "high"))
    try:
        return Quantity(low, high)
    except ValidationError as error:
        reasons = tuple(p.reason for p in error.problems)
        raise NumberFormatError(_("must be a range low–high: {reasons}", reasons=reasons)) from None


def _parse(
    cell: _Cell, field: str, where: str, problems: list[FileProblem]
) -> int | Decimal | Quantity | None:
    if _text(cell.value) == "":
        return None
    if isinstance(cell.value, str) and len(_text(cell.value)) > 2 * MAX_NUMBER_CHARS + 3:
        reason = TooLarge(cell.value).reason  # a million digits are refused, not parsed
        problems.append(FileProblem(location(where, field), reason, cell.value, cell=cell.ref))
        return None
    try:
        return _number(cell, field)
    except (NumberFormatError, InvalidOperation) as error:
        reason = _reason(error)
        problems.append(FileProblem(location(where, field), reason, cell.value, cell=cell.ref))
        return None


def _model_problem(problem: Problem) -> FileProblem:
    """A problem of the plan the annex would make, as a problem of the file."""
    reason = _(
        "{obj}: {field} {reason}", obj=problem.obj, field=problem.field, reason=problem.reason
    )
    return FileProblem("", reason, problem.value)


def _reason(error: Exception) -> str:
    """What a cell that is no number breaks: the reader's own reason where it gives one (a
    message, kept so that it is said in the reader's language), else how numbers are written."""
    given = error.args[0] if isinstance(error, NumberFormatError) and error.args else ""
    if isinstance(given, str) and given.startswith("must"):
        return given
    return _(
        "must be a number in Vietnamese notation (2.347, 1,15) or plain (2347, 1.15), "
        "or a range of them (90–100)"
    )


@attrs.frozen
class ReadRow:
    """A unit's row as read: the printed row, its location and the cell of each field."""

    row: PrintedRow
    where: str  # its location: annex/rows/<index>
    refs: dict[str, str]  # field -> cell reference


@attrs.frozen
class ReadAnnex:
    """An annex as read from a spreadsheet, with the problems of the cells it could not read."""

    annex: PrintedAnnex
    rows: list[ReadRow]
    source: str
    problems: list[FileProblem]  # cells that could not be read; their values are None


def read_annex_rows(source: Source, *, name: str | None = None) -> ReadAnnex:
    """The annex in ``source`` (as :func:`read_annex` reads it) with each row's location and
    cells, and the unreadable cells."""
    refuse(check_source("read_annex", source, name))
    label = label_of(source, name)
    suffix = suffix_of(source, name)
    problems: list[FileProblem] = []
    if suffix not in (".xlsx", ".csv"):
        reason = _(
            "has the extension {suffix!r}; use .xlsx or .csv (or name= for a stream)", suffix=suffix
        )
        raise PlanFileError(label, [FileProblem("", reason, code="bad-extension")])
    raw = read_limited(source, label, MAX_FILE_BYTES, _("an annex"))
    # The rows are read as they are needed: the header is among the first rows, and reading
    # stops at the first blank row below the units.
    found = _xlsx_rows(raw) if suffix == ".xlsx" else iter(_csv_rows(decoded(raw, label)))
    rows = _guarded(found, label)
    head = list(itertools.islice(rows, _HEAD_ROWS))
    source_label = label
    layout = _layout(head, problems)
    if layout is None:
        raise PlanFileError(source_label, problems)
    read: list[ReadRow] = []
    total: PrintedRow | None = None
    position = 0  # of the row among the unit rows, readable or not: its place in the annex
    for row in itertools.chain(head[layout.first_data :], rows):
        if all(_text(c.value) == "" for c in row):
            if position:
                break
            continue
        result = _read_row(row, layout, location("annex/rows", position), problems)
        if isinstance(result, PrintedRow):
            total = result
            continue
        position += 1
        if result is not None:
            read.append(result)
    if not read:
        problems.append(FileProblem("", _("has no unit rows below its header")))
        raise PlanFileError(source_label, problems)
    printed_annex = PrintedAnnex(
        title=layout.title or "?",
        rows=[r.row for r in read],
        total=total,
        caption=layout.caption,
    )
    return ReadAnnex(printed_annex, read, source_label, problems)


_HEAD_ROWS = 42
"""The rows read before the layout is known: the header is among the first 40, and the row
below it may continue it."""


def _guarded(rows: Iterator[list[_Cell]], source: str) -> Iterator[list[_Cell]]:
    """``rows``, with a failure to read them (a file openpyxl or csv cannot read at all, or a
    sheet broken further down) reported as a problem of the file."""
    try:
        yield from rows
    except PlanFileError:
        raise
    except Exception as error:
        problem = FileProblem("", _("cannot be read: {error}", error=str(error)), code="syntax")
        raise PlanFileError(source, [problem]) from error


def _read_row(
    row: list[_Cell], layout: _Layout, where: str, problems: list[FileProblem]
) -> ReadRow | PrintedRow | None:
    """A unit's row, the total row (a bare :class:`PrintedRow`), or ``None`` if unreadable."""
    cells = {f: row[i] for f, i in layout.columns.items() if i < len(row)}
    label_cell = cells.get("label")
    label = _text(label_cell.value) if label_cell else ""
    unit = _text(cells["id"].value) if "id" in cells else ""
    # The total row is labelled so and numbers no unit: a unit that happens to be named
    # "Total" still has its number (STT), or its id, on its row.
    number_cell = cells.get("number")
    numbered = number_cell is not None and _text(number_cell.value) != ""
    is_total = unit == TOTAL or (not unit and not numbered and normalized(label) in _TOTAL_LABELS)
    if is_total:
        where = "annex/total"
    values = {
        f: _parse(c, f, where, problems) for f, c in cells.items() if f not in ("id", "label")
    }
    ref = label_cell.ref if label_cell else row[0].ref
    try:
        printed = PrintedRow(
            label=label or ref,
            unit=None if is_total or not unit else unit,
            **values,  # type: ignore[arg-type]
        )
    except ValidationError as error:
        for p in error.problems:
            cell = cells[p.field].ref if p.field in cells else row[0].ref
            problems.append(FileProblem(location(where, p.field), p.reason, p.value, cell=cell))
        return None
    if not label:
        problems.append(FileProblem(location(where, "label"), _("names no unit"), cell=ref))
    if is_total:
        return printed
    return ReadRow(printed, where, {f: c.ref for f, c in cells.items()})


def read_annex(source: Source, *, name: str | None = None) -> PrintedAnnex:
    """The annex in an ``.xlsx`` or ``.csv`` file, exactly as it is printed there.

    ``source`` is a path, the file's bytes or a binary file object (an upload); ``name`` names
    it in messages, and its extension (or the path's) says whether it is ``.xlsx`` or ``.csv``.
    No more than :data:`~mdpoverty.values.bounds.MAX_FILE_BYTES` is read, and a CSV file must
    be UTF-8.

    The header row is found by its headers (``STT``, ``Tên đơn vị``, ``Tổng số hộ dân …`` or
    the English ones); a second header row under it names the grouped columns.  The title and
    caption are the text above the header.  The total row is the one labelled ``Tổng số`` (or
    ``Total``) without a number of its own (a unit's row has one).  Numbers may be numbers, or
    text in Vietnamese notation (``2.347``, ``1,15``) or plain (``2347``, ``1.15``).

    Raises:
        mdpoverty.errors.PlanFileError: Every cell that cannot be read, by its location in the annex
            (``annex/rows/0/households``) and its cell (``D7``); or a file that cannot be read
            at all (its problem's code says why: ``bad-extension``, ``too-large`` …).
        mdpoverty.errors.ValidationError: ``source`` or ``name`` is not of a kind read here.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "annex.csv")
    ...     _ = path.write_text("STT;Tên đơn vị;Tổng số hộ;Số hộ nghèo\\n1;Xã A;2.347;27\\n",
    ...                         encoding="utf-8")
    ...     read_annex(path).rows[0].households
    2347
    """
    read = read_annex_rows(source, name=name)
    if read.problems:
        raise PlanFileError(read.source, read.problems)
    return read.annex
