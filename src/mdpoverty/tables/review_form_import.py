"""The review form read back from a spreadsheet or CSV file into the document's figures."""

from __future__ import annotations

import re
from decimal import InvalidOperation

import attrs

from mdpoverty.errors import (
    FileProblem,
    NumberFormatError,
    PlanFileError,
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
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure, Flow, StratumKind, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.tables.annex import TOTAL, TOTAL_LABEL
from mdpoverty.tables.read import _Cell, _csv_rows, _model_problem, _xlsx_rows, normalized
from mdpoverty.tables.read import _integer as _annex_integer
from mdpoverty.tables.review_form import (
    FORM_COLUMNS,
    LABEL_HEADER,
    SECTION_HEADER,
    SECTION_PREFIX,
)
from mdpoverty.values.bounds import MAX_FILE_BYTES, MAX_NUMBER_CHARS, TooLarge
from mdpoverty.values.quantities import Quantity

__all__ = ["import_review_form"]

_Key = tuple[str | None, HouseholdGroup, TimePoint | Flow]
_SECTION_OF = {
    normalized(f"{numeral}. {text}"): kind
    for kind, texts in SECTION_HEADER.items()
    for text in texts.values()
    for numeral in ("I", "II", "III")
}
_TOTALS = {normalized(text) for text in TOTAL_LABEL.values()}
_LABELS = {normalized(text) for text in LABEL_HEADER.values()}


# A range: two counts and a dash between them (a dash first is a minus sign).
_RANGE = re.compile(r"(?P<low>[^–—-].*?)\s*[–—]\s*(?P<high>[^–—-]+)")


def _count(cell: _Cell, where: str, problems: list[FileProblem]) -> int | Quantity | None:
    """A cell's count, or its range ``1200–1350`` (each bound read as a count is)."""
    value = cell.value
    match = _RANGE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return _integer(cell, where, problems)
    found = len(problems)
    low, high = (
        _integer(attrs.evolve(cell, value=match.group(b)), where, problems) for b in ("low", "high")
    )
    if low is None or high is None or len(problems) > found:
        return None
    if high < low:
        problems.append(FileProblem(where, _("must be a range low–high"), value, cell=cell.ref))
        return None
    return Quantity(low, high)


def _integer(cell: _Cell, where: str, problems: list[FileProblem]) -> int | None:
    """A cell's count of households (plain, Vietnamese ``1.234`` or a whole float), ``None``
    where it is blank; every other value is a problem at its cell, never an exception."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and len(value.strip()) > MAX_NUMBER_CHARS:
        problems.append(FileProblem(where, TooLarge(value).reason, value, cell=cell.ref))
        return None
    try:
        number = _annex_integer(cell)
    except (NumberFormatError, InvalidOperation, ValueError):
        number = None
    if number is None or number < 0:
        problems.append(
            FileProblem(where, _("must be a whole number of households"), value, cell=cell.ref)
        )
        return None
    return number


def _body(rows: list[list[_Cell]], *, is_csv: bool) -> list[list[_Cell]] | None:
    """The rows of the form below its header, each starting with its label (a CSV's ``id``
    column first), or ``None`` where no header is found."""
    for n, row in enumerate(rows):
        if row and is_csv and normalized(row[0].value) == "id":
            return rows[n + 1 :]
        if row and not is_csv and normalized(row[0].value) in _LABELS:
            return rows[n + 3 :]
    return None


def import_review_form(document: Document, source: Source, *, name: str | None = None) -> Document:
    """``document`` with the counts of the review form in the ``.xlsx`` or ``.csv`` ``source``
    (a path, bytes or a binary file object, ``name`` naming it and telling its format), as
    :func:`~mdpoverty.tables.review_form_xlsx.write_review_form_xlsx` and
    :func:`~mdpoverty.tables.review_form.form_csv` write it, put into its figures.

    A row is matched to its subject by its ``id`` (a CSV), else by its label within its
    section: a unit's name is the unit in the together section and its urban (rural) stratum
    in the urban (rural) section; the name of the area's stratum is that stratum; ``Tổng số``
    the area.  Each cell that holds a number sets the count (or the ethnic-minority
    households) of the figure of its subject, group and point in time or flow, added where
    the document has none; a blank cell changes nothing (a blank is never 0).

    Raises:
        mdpoverty.errors.PlanFileError: Every cell that cannot be read, and every row that
            matches no subject, by its cell.
    """
    refuse(check_source("import_review_form", source, name))
    label = label_of(source, name)
    is_csv = suffix_of(source, name) == ".csv"
    raw = read_limited(source, label, MAX_FILE_BYTES, _("a review form"))
    rows = _csv_rows(decoded(raw, label)) if is_csv else list(_xlsx_rows(raw))
    problems: list[FileProblem] = []
    body = _body(rows, is_csv=is_csv)
    if body is None:
        raise PlanFileError(label, [FileProblem("", _("has no header of the review form"))])
    values: dict[_Key, dict[str, int | Quantity]] = {}
    section: StratumKind | None = None
    units = {normalized(u.name): u.id for u in document.units}
    for number, row in enumerate(body):
        ident, cells = (str(row[0].value or ""), row[1:]) if is_csv and row else ("", row)
        if not cells or all(c.value in (None, "") for c in cells):
            continue
        text = normalized(cells[0].value)
        if ident.startswith(SECTION_PREFIX) or (not ident and text in _SECTION_OF):
            section = _SECTION_OF.get(text)
            continue
        where = location("form", "rows", number)
        found, subject = _subject(document, ident, text, section, units)
        if not found:
            problems.append(
                FileProblem(
                    location(where, "label"),
                    _("names no subject of the document"),
                    cells[0].value,
                    cell=cells[0].ref,
                )
            )
            continue
        for (group, when, field), cell in zip(FORM_COLUMNS, cells[1:], strict=False):
            value = _count(cell, location(where, group.value, when.value, field), problems)
            if value is not None:
                values.setdefault((subject, group, when), {})[field] = value
    if problems:
        raise PlanFileError(label, problems)
    try:
        return attrs.evolve(document, figures=_merged(document, values))
    except ValidationError as error:
        raise PlanFileError(
            label,
            [_model_problem(p) for p in error.problems],
        ) from error


def _subject(
    document: Document,
    ident: str,
    label: str,
    section: StratumKind | None,
    units: dict[str, str],
) -> tuple[bool, str | None]:
    """Whether a row names a subject of the document, and which (``None``: the area)."""
    if ident:
        known = {u.id for u in document.units} | {s.id for s in document.strata}
        return (True, None) if ident == TOTAL else (ident in known, ident)
    if section is None:
        if label in _TOTALS:
            return True, None
        return label in units, units.get(label)
    for stratum in document.strata:
        if stratum.kind is section and stratum.of is None and normalized(stratum.name) == label:
            return True, stratum.id
    unit = units.get(label)
    for stratum in document.strata:
        if unit is not None and stratum.kind is section and stratum.of == unit:
            return True, stratum.id
    return False, None


def _merged(document: Document, values: dict[_Key, dict[str, int | Quantity]]) -> list[Figure]:
    """The document's figures with the form's values set, and the figures it lacks added."""
    figures = list(document.figures)
    left = dict(values)
    for i, figure in enumerate(figures):
        about, group, when, year = figure.key_in(document.year)
        if year == document.year and (about, group, when) in left:
            figures[i] = attrs.evolve(figure, **left.pop((about, group, when)))  # type: ignore[arg-type]
    for (about, group, when), fields in left.items():
        flow = when if isinstance(when, Flow) else None
        time = when if isinstance(when, TimePoint) else TimePoint.END
        figures.append(Figure(group=group, about=about, time=time, flow=flow, **fields))  # type: ignore[arg-type]
    return figures
