"""A figure table read back from its CSV (:func:`~mdpoverty.tables.figures_csv`) into a document.

The CSV of a review's table has an ``id`` column (the unit, stratum or group; ``total`` for the
area), the label, and a column a point in time, group of households and measure, its header
the three printed headers joined ("Cuối năm 2024 Hộ nghèo Tỷ lệ (%)", or in English "End of
2024 Poor Rate (%)").  Each cell goes back where it came from: a unit's start-of-year count to
the unit, any other to the figure of its key; a blank cell is no figure.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal, InvalidOperation

import attrs

from mdpoverty.errors import (
    FileProblem,
    NumberFormatError,
    PlanFileError,
    ValidationError,
    location,
)
from mdpoverty.i18n import LANGS, _, localize
from mdpoverty.io._sources import (
    Source,
    check_source,
    decoded,
    label_of,
    read_limited,
    refuse,
    suffix_of,
)
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure, Flow, ObservationKey, TimePoint
from mdpoverty.model.targets import UNIT_COUNT_FIELDS, HouseholdGroup
from mdpoverty.tables._formula import unguarded
from mdpoverty.tables.annex import TOTAL
from mdpoverty.tables.figure_tables import _GROUP_HEADER, _MEASURE_HEADER, when_header
from mdpoverty.tables.read import _model_problem, _ref
from mdpoverty.values._validation import is_count, is_decimal
from mdpoverty.values.bounds import MAX_FILE_BYTES, MAX_NUMBER_CHARS
from mdpoverty.values.numbers import parse_vi
from mdpoverty.values.quantities import Quantity

__all__ = ["figure_column", "import_figures", "is_figure_table"]

Column = tuple[TimePoint, int, HouseholdGroup, str]
"""A figure table's column: point in time, year, group of households, measure."""

_YEAR = re.compile(r"\d{4}")


def figure_column(header: str) -> Column | None:
    """The (time, year, group, measure) a joined header of
    :func:`~mdpoverty.tables.figures_csv` names, in Vietnamese or English; ``None`` for any
    other header.

    >>> figure_column("Cuối năm 2024 Hộ nghèo Tỷ lệ (%)")
    (<TimePoint.END: 'end'>, 2024, <HouseholdGroup.POOR: 'poor'>, 'rate')
    """
    for found in _YEAR.finditer(header):
        year = int(found.group())
        for lang in LANGS:
            for time in TimePoint:
                when = when_header(time, year, lang) + " "
                if not header.startswith(when):
                    continue
                rest = header[len(when) :]
                for group, group_header in _GROUP_HEADER.items():
                    for measure, measure_header in _MEASURE_HEADER.items():
                        named = f"{localize(group_header, lang)} {localize(measure_header, lang)}"
                        if rest == named:
                            return time, year, group, measure
    return None


def _text_of(function: str, source: Source, name: str | None) -> tuple[str, str]:
    """How messages name ``source``, and its text: read with every reader's checks (its kind,
    its size, UTF-8)."""
    refuse(check_source(function, source, name))
    label = label_of(source, name)
    return label, decoded(read_limited(source, label, MAX_FILE_BYTES, _("a figure table")), label)


def is_figure_table(source: Source, *, name: str | None = None) -> bool:
    """Whether the ``.csv`` ``source`` (a path, bytes or a binary file object, ``name`` naming
    it) is a figure table: a header names a figure column."""
    if suffix_of(source, name) != ".csv":
        return False
    _label, text = _text_of("is_figure_table", source, name)
    header = next(csv.reader(io.StringIO(text)), [])
    return any(figure_column(unguarded(h)) is not None for h in header)


# A range: two numbers and a dash between them (a dash first is a minus sign).
_RANGE = re.compile(r"(?P<low>[^–—-].*?)\s*[–—]\s*(?P<high>[^–—-]+)")


def _cell(text: str, measure: str) -> int | Decimal | Quantity:
    """A cell's number, or its range ``1200–1350`` (each bound read as a number is)."""
    match = _RANGE.fullmatch(text)
    if match is None:
        return _number(text, measure)
    low, high = (_number(match.group(b).strip(), measure) for b in ("low", "high"))
    try:
        return Quantity(low, high)
    except ValidationError as error:
        reasons = tuple(p.reason for p in error.problems)
        raise NumberFormatError(_("must be a range low–high: {reasons}", reasons=reasons)) from None


def _number(text: str, measure: str) -> int | Decimal:
    if len(text) > MAX_NUMBER_CHARS:
        raise NumberFormatError(_("is too long for a number"))
    if measure == "rate":
        plain = text.removesuffix("%").strip()
        rate = Decimal(parse_vi(plain)) if "," in plain else Decimal(plain)
        reason = is_decimal(rate) or (None if 0 <= rate <= 100 else _("must lie between 0 and 100"))
        if reason is not None:
            raise NumberFormatError(reason)
        return rate
    value = parse_vi(text)
    if not isinstance(value, int):
        raise NumberFormatError(_("must be a whole number"))
    reason = is_count(value)
    if reason is not None:
        raise NumberFormatError(reason)
    return value


def _read(
    table: str, document: Document, problems: list[FileProblem]
) -> dict[ObservationKey, dict[str, int | Decimal | Quantity]]:
    """The cells of the ``table`` (its CSV text) by the key of their figure: ``{key:
    {"count": …, "rate": …}}``."""
    rows = list(csv.reader(io.StringIO(table)))
    header = [unguarded(h) for h in rows[0]] if rows else []
    columns = {i: figure_column(h) for i, h in enumerate(header)}
    subjects = {u.id for u in document.units} | {s.id for s in document.strata}
    subjects |= {g.id for g in document.groups}
    cells: dict[ObservationKey, dict[str, int | Decimal | Quantity]] = {}
    for r, row in enumerate(rows[1:], start=2):
        if not row or not any(c.strip() for c in row):
            continue
        subject = unguarded(row[0]).strip()
        if subject != TOTAL and subject not in subjects:
            problems.append(
                FileProblem(
                    location("figures", subject),
                    _("names no unit, stratum or group"),
                    cell=_ref(r, 1),
                )
            )
            continue
        about = None if subject == TOTAL else subject
        for i, text in enumerate(row):
            column = columns.get(i)
            if column is None or not text.strip():
                continue
            time, year, group, measure = column
            try:
                value = _cell(unguarded(text).strip(), measure)
            except (NumberFormatError, InvalidOperation) as error:
                given = error.args[0] if isinstance(error, NumberFormatError) else ""
                ok = isinstance(given, str) and given.startswith(("must", "is"))
                reason = given if ok else _("must be a number")
                problems.append(
                    FileProblem(location("figures", subject), reason, text, cell=_ref(r, i + 1))
                )
                continue
            cells.setdefault((about, group, time, year), {})[measure] = value
    return cells


def import_figures(document: Document, source: Source, *, name: str | None = None) -> Document:
    """``document`` with the figure table in the ``.csv`` ``source`` put into it (a path, bytes
    or a binary file object, ``name`` naming it in messages).

    A cell goes where the table took it from: a unit's households, poor and near-poor
    households at the start of the document's year to the unit; any other to the figure of its
    subject, group, point in time and year (its count or its rate), which keeps its place and
    section; a cell of no figure adds one.  A figure whose cells are all blank is removed, and
    a unit's count whose cell is blank is left blank: a blank is never 0.

    Raises:
        mdpoverty.errors.PlanFileError: every row that names no subject of the document and
            every cell that is not a number.
    """
    label, text = _text_of("import_figures", source, name)
    problems: list[FileProblem] = []
    cells = _read(text, document, problems)
    if problems:
        raise PlanFileError(label, problems)
    year = document.year
    printed = {f.key_in(year) for f in document.figures}
    taken = set(printed)
    units = []
    for unit in document.units:
        changes: dict[str, int | Quantity | None] = {}
        for group, field in UNIT_COUNT_FIELDS.items():
            key = (unit.id, group, TimePoint.START, year)
            if getattr(unit, field) is not None or key not in printed:
                changes[field] = _count(cells.get(key))
                taken.add(key)
        units.append(attrs.evolve(unit, **changes))  # type: ignore[arg-type]
    figures = []
    for figure in document.figures:
        cell = cells.get(figure.key_in(year), {})
        count, rate = _count(cell), _rate(cell)
        if count is not None or rate is not None:
            figures.append(attrs.evolve(figure, count=count, rate=rate))
    for (about, group, time, when), cell in cells.items():
        if (about, group, time, when) not in taken:
            figures.append(
                Figure(
                    group=group,
                    about=about,
                    time=time if isinstance(time, TimePoint) else TimePoint.END,
                    flow=time if isinstance(time, Flow) else None,
                    year=None if when == year else when,
                    count=_count(cell),
                    rate=_rate(cell),
                )
            )
    try:
        return attrs.evolve(document, units=units, figures=figures)
    except ValidationError as error:  # counts that cannot be together (more poor than all)
        raise PlanFileError(
            label,
            [_model_problem(p) for p in error.problems],
        ) from error


def _count(cell: dict[str, int | Decimal | Quantity] | None) -> int | Quantity | None:
    value = None if cell is None else cell.get("count")
    return value if isinstance(value, int | Quantity) else None


def _rate(cell: dict[str, int | Decimal | Quantity] | None) -> Decimal | Quantity | None:
    value = None if cell is None else cell.get("rate")
    return value if isinstance(value, Decimal | Quantity) else None
