"""The review form read from a table of blocks: the poor and the near-poor at the start, the
flows of the year and at the end, each with its ethnic-minority households, by unit, in the
urban and rural sections and together (:mod:`mdpoverty.tables.review_form`'s layout)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mdpoverty.i18n import _
from mdpoverty.model.figures import Flow, StratumKind
from mdpoverty.model.units import unit_kind
from mdpoverty.reading.blocks import Place, Table
from mdpoverty.tables.annex import TOTAL_LABEL
from mdpoverty.tables.read import normalized
from mdpoverty.tables.review_form import FORM_COLUMNS, GROUP_HEADER, LABEL_HEADER, SECTION_HEADER

__all__ = ["read_review_form"]

Trace = Callable[[tuple[str | int, ...], Place, str], None]
Gap = Callable[[tuple[str | int, ...], str, Place | None], None]
Slug = Callable[[str], str]

_LABELS = {normalized(text) for text in LABEL_HEADER.values()}
_GROUPS = {normalized(text) for texts in GROUP_HEADER.values() for text in texts.values()}
_SECTIONS = {
    normalized(f"{numeral}. {text}"): kind
    for kind, texts in SECTION_HEADER.items()
    for text in texts.values()
    for numeral in ("I", "II", "III")
}
_TOTALS = {normalized(text) for text in TOTAL_LABEL.values()} | {"tổng cộng", "cộng"}


def _header_row(table: Table) -> int | None:
    for r, row in enumerate(table.rows[:10]):
        texts = [normalized(c.text) for c in row]
        if texts and texts[0] in _LABELS and len(texts) > 1 and texts[1] in _GROUPS:
            return r
    return None


def read_review_form(table: Table, trace: Trace, gap: Gap, slug: Slug) -> dict[str, Any] | None:
    """The units, strata and figures the form prints (plan-file data), or ``None`` if
    ``table`` is not the review form."""
    header = _header_row(table)
    if header is None:
        return None
    rows: list[tuple[StratumKind | None, int]] = []
    section: StratumKind | None = None
    for r in range(header + 3, len(table.rows)):
        label = normalized(table.rows[r][0].text)
        if not label:
            continue
        if label in _SECTIONS:
            section = _SECTIONS[label]
            continue
        rows.append((section, r))
    units: list[dict[str, Any]] = []
    ids: dict[str, str] = {}
    for section, r in rows:  # the units: the rows of the together section, not its total
        cell = table.rows[r][0]
        if section is None and normalized(cell.text) not in _TOTALS:
            kind = unit_kind(cell.text)
            if kind is None:
                reason = _("{name!r} names no kind ('Xã', 'Phường', 'Huyện' …)", name=cell.text)
                gap(("units",), reason, cell.place)
                continue
            uid = slug(cell.text)
            ids[normalized(cell.text)] = uid
            trace(("units", len(units), "name"), cell.place, cell.text)
            units.append({"id": uid, "name": cell.text, "kind": kind.value})
    strata: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for section, r in rows:
        cell = table.rows[r][0]
        label = normalized(cell.text)
        about: str | None
        if section is None:
            if label not in _TOTALS and label not in ids:
                continue  # a row without a unit: its gap is listed above
            about = None if label in _TOTALS else ids[label]
        else:
            unit = ids.get(label)
            about = f"{unit}-{section.value}" if unit else slug(cell.text)
            stratum = {"id": about, "name": cell.text, "kind": section.value}
            if unit:
                stratum["of"] = unit
            trace(("strata", len(strata), "name"), cell.place, cell.text)
            strata.append(stratum)
        _figures(table, r, about, figures, trace=trace, gap=gap)
    return {"units": units, "strata": strata, "figures": figures}


def _figures(
    table: Table,
    r: int,
    about: str | None,
    figures: list[dict[str, Any]],
    *,
    trace: Trace,
    gap: Gap,
) -> None:
    by_key: dict[tuple[str, str], int] = {}
    for (group, when, field), cell in zip(FORM_COLUMNS, table.rows[r][1:], strict=False):
        text = cell.text.replace(".", "").strip()
        if not text:
            continue  # a blank is no figure, never 0
        if not text.isdigit():
            reason = _("not a whole number of households: {text!r}", text=cell.text)
            gap(("figures",), reason, cell.place)
            continue
        key = (group.value, when.value)
        if key not in by_key:
            figure: dict[str, Any] = {"group": group.value}
            if about is not None:
                figure = {"about": about, **figure}
            figure |= {"flow": when.value} if isinstance(when, Flow) else {"time": when.value}
            by_key[key] = len(figures)
            figures.append(figure)
        n = by_key[key]
        figures[n][field] = int(text)
        trace(("figures", n, field), cell.place, cell.text)
