"""The review form's table: households at the start, the flows of the year, and at the end.

The annual review's summary table prints, for the poor and for the near-poor, the households
at the start of the year, those who escaped (*thoát*), fell back (*tái*) and newly fell in
(*phát sinh mới*) during the year (the near-poor also the poor who became near-poor), and those
at the end, each with its ethnic-minority households; by unit, in an urban and a rural section
and together.  :func:`review_form` is that table, a view of the document's figures
(:attr:`mdpoverty.Figure.flow`); :func:`mdpoverty.tables.annex` gives it for a review that
prints flows, :func:`form_csv` and
:func:`~mdpoverty.tables.review_form_xlsx.write_review_form_xlsx` write it, and
:func:`~mdpoverty.tables.review_form_import.import_review_form` reads it back into the
document.

>>> from mdpoverty.cli import template_text
>>> from mdpoverty.io.files import read_plan_text
>>> review = read_plan_text(template_text("review", "district"))
>>> form = review_form(review)
>>> [int(v) for v in form.loc["total"].iloc[1:6]]
[115, 60, 35, 18, 2]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pandas as pd

from mdpoverty.errors import expect
from mdpoverty.i18n import Lang, _, localize
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Flow, StratumKind, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.tables.annex import TOTAL, TOTAL_LABEL
from mdpoverty.tables.shape import each_language
from mdpoverty.values.quantities import Quantity

__all__ = ["FORM_COLUMNS", "form_csv", "form_rows", "has_flows", "review_form"]

_WHEN: dict[HouseholdGroup, tuple[TimePoint | Flow, ...]] = {
    HouseholdGroup.POOR: (TimePoint.START, Flow.ESCAPED, Flow.FELL_BACK, Flow.NEW, TimePoint.END),
    HouseholdGroup.NEAR_POOR: (
        TimePoint.START,
        Flow.ESCAPED,
        Flow.FELL_BACK,
        Flow.NEW,
        Flow.FROM_POOR,
        TimePoint.END,
    ),
}
_FIELDS = ("count", "ethnic_minority")

FORM_COLUMNS: tuple[tuple[HouseholdGroup, TimePoint | Flow, str], ...] = tuple(
    (group, when, field) for group, whens in _WHEN.items() for when in whens for field in _FIELDS
)
"""The form's columns after the label, in printed order.

Each is (group, start/flow/end, field), the field ``count`` or ``ethnic_minority``."""

# The headers are the catalog's messages, said in each language: the readers of a form
# (import_review_form, the reading of a review) recognise a header in either.
GROUP_HEADER: dict[HouseholdGroup, dict[Lang, str]] = {
    HouseholdGroup.POOR: each_language(_("Poor households")),
    HouseholdGroup.NEAR_POOR: each_language(_("Near-poor households")),
}
WHEN_HEADER: dict[TimePoint | Flow, dict[Lang, str]] = {
    TimePoint.START: each_language(_("Start of the year")),
    Flow.ESCAPED: each_language(_("Escaped")),
    Flow.FELL_BACK: each_language(_("Fell back")),
    Flow.NEW: each_language(_("New cases")),
    Flow.FROM_POOR: each_language(_("From poor")),
    TimePoint.END: each_language(_("End of the year")),
}
FIELD_HEADER: dict[str, dict[Lang, str]] = {
    "count": each_language(_("Count")),
    "ethnic_minority": each_language(_("Ethnic minority")),
}
LABEL_HEADER: dict[Lang, str] = each_language(_("Unit"))
SECTION_HEADER: dict[StratumKind | None, dict[Lang, str]] = {
    StratumKind.URBAN: each_language(_("Urban areas")),
    StratumKind.RURAL: each_language(_("Rural areas")),
    None: each_language(_("Together")),
}
SECTION_PREFIX = "section:"
"""How the index of a section's heading row begins.

``section:urban``, ``section:rural``, ``section:all``."""

_SECTIONS = (StratumKind.URBAN, StratumKind.RURAL, None)
_NUMERALS = ("I", "II", "III")


def has_flows(document: Document) -> bool:
    """Whether ``document`` prints flows of the year (escaped, fell back, new, from poor): its
    table is then the review form."""
    return any(f.flow is not None and f.flow.sign != 0 for f in document.figures)


def form_rows(document: Document) -> Iterator[tuple[StratumKind | None, str | None, str]]:
    """The form's rows: (section, subject, label), the section ``None`` for the whole, in
    printed order: the urban section, the rural section, then the units together with the
    total row last.  A subject appears only where the document prints a flow about it."""
    with_flows = {f.about for f in document.figures if f.flow is not None and f.flow.sign}
    names = {u.id: u.name for u in document.units}
    for kind in _SECTIONS:
        rows: list[tuple[str | None, str]]
        if kind is None:
            rows = [(u.id, u.name) for u in document.units if u.id in with_flows]
            if None in with_flows:
                rows.append((None, ""))
        else:
            strata = [s for s in document.strata if s.kind is kind and s.id in with_flows]
            by_unit = [s for s in strata if s.of is not None]
            whole = [s for s in strata if s.of is None]
            rows = [(s.id, names.get(s.of or "", s.name)) for s in by_unit]
            rows += [(s.id, s.name) for s in whole]
        for subject, label in rows:
            yield kind, subject, label


def review_form(document: Document, lang: Lang = "vi") -> pd.DataFrame:
    """The review form of ``document``: a row per unit in each section, with its total.

    Sections (urban, rural, together) each open with a heading row (index ``section:urban``,
    …, all cells blank) where the document prints more than one; a unit's row in the urban
    section is its urban stratum (``of`` the unit), the section's total the area's urban
    stratum; the together section ends with the area (index
    :data:`~mdpoverty.tables.annex.TOTAL`).  Columns: the label, then
    :data:`FORM_COLUMNS` under a three-level header (group, start/flow/end, households or
    ethnic-minority households), in Vietnamese or English.  Cells are ints as printed, or
    ``None`` where the document leaves them blank.  ``DataFrame.attrs`` holds ``title``,
    ``year``, ``lang`` and ``table="review-form"``.
    """
    expect("review_form", document=(document, Document))
    cells: dict[tuple[str | None, HouseholdGroup, TimePoint | Flow, str], int | Quantity] = {}
    for figure in document.figures:
        about, group, when, year = figure.key_in(document.year)
        if year != document.year or group not in _WHEN:
            continue
        for field in _FIELDS:
            value = getattr(figure, field)
            if value is not None:
                cells.setdefault((about, group, when, field), value)
    rows = list(form_rows(document))
    sections = list(dict.fromkeys(kind for kind, _, _ in rows))
    index: list[str] = []
    data: list[list[object]] = []
    for n, kind in enumerate(sections):
        if len(sections) > 1:
            index.append(SECTION_PREFIX + (kind.value if kind is not None else "all"))
            data.append(
                [f"{_NUMERALS[n]}. {SECTION_HEADER[kind][lang]}"] + [None] * len(FORM_COLUMNS)
            )
        for section, subject, label in rows:
            if section is not kind:
                continue
            index.append(TOTAL if subject is None else subject)
            data.append(
                [TOTAL_LABEL[lang] if subject is None else label]
                + [cells.get((subject, g, w, f)) for g, w, f in FORM_COLUMNS]
            )
    header = pd.MultiIndex.from_tuples(
        [("", "", LABEL_HEADER[lang])]
        + [
            (GROUP_HEADER[g][lang], WHEN_HEADER[w][lang], FIELD_HEADER[f][lang])
            for g, w, f in FORM_COLUMNS
        ],
        names=["group", "when", "field"],
    )
    frame = pd.DataFrame(data, columns=header, dtype=object)
    frame.index = pd.Index(index, name="subject")
    frame.attrs.update(
        title=_title(document, lang), year=document.year, lang=lang, table="review-form"
    )
    return frame


def _title(document: Document, lang: Lang) -> str:
    title = _(
        "Poor and near-poor households over {year}: {area}",
        year=str(document.year),  # a name, never "2.024"
        area=document.area.name,
    )
    return localize(title, lang)


def _plain(value: object) -> object:
    if value is None:
        return ""
    return f"{value.low}–{value.high}" if isinstance(value, Quantity) else value


def form_csv(frame: pd.DataFrame) -> str:
    """The review form as CSV: an ``id`` column (the subject, or ``section:…`` for a heading),
    the label, then a column a cell of :data:`FORM_COLUMNS` named by its three headers; plain
    numbers (a range ``1200–1350``), a blank cell empty.
    :func:`~mdpoverty.tables.review_form_import.import_review_form` reads it back."""
    expect("form_csv", frame=(frame, pd.DataFrame))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", *(" | ".join(p for p in column if p) for column in frame.columns)])
    for subject, record in zip(frame.index, frame.itertuples(index=False), strict=True):
        writer.writerow([subject, *(_plain(v) for v in record)])
    return out.getvalue()
