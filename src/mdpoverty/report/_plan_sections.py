"""The sections of a plan's report: header, annex, charts, funding, targets, findings.

Each renderer returns the values of its template (``templates/<key>.html.j2``); numbers are
formatted here, from their exact values, so that templates only place text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from mdpoverty.checks.report import show
from mdpoverty.errors import MdpovertyError, UnknownNameError
from mdpoverty.i18n import Lang, localize
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Flow, TimePoint
from mdpoverty.model.printed import PrintedRow
from mdpoverty.model.targets import HouseholdGroup, IndicatorKind
from mdpoverty.report.labels import label, number, said, standard_names
from mdpoverty.report.sections import Context, finding_anchor, section
from mdpoverty.tables.annex import (
    ANNEX_COLUMNS,
    NEAR_POOR_FIELD,
    TOTAL_LABEL,
    AnnexRow,
    annex,
    annex_rows,
    fields_of,
    has_target_annex,
)
from mdpoverty.values.dates import PartialDate
from mdpoverty.values.quantities import Comparison, Quantity

__all__ = ["inline_svg"]

_SVG_ID = re.compile(r'(\bid="|url\(#|xlink:href="#|href="#)')
_SVG_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


def inline_svg(svg: str, prefix: str) -> str:
    """``svg`` made fit to sit in a page beside others: no XML prolog and no metadata (whose
    RDF names web addresses), ids made unique with ``prefix``."""
    body = _SVG_METADATA.sub("", svg[svg.index("<svg") :])
    return _SVG_ID.sub(lambda m: f"{m.group(1)}{prefix}-", body)


def _chart(name: str, document: Document, lang: Lang) -> str:
    from mdpoverty.report import plot  # noqa: PLC0415  (matplotlib loads with the charts)

    figure = plot.CHARTS[name](document, lang)
    return inline_svg(plot.to_svg(figure), f"chart-{name}")


def _date(value: PartialDate | None, lang: Lang) -> str:
    if value is None:
        return ""
    return value.vi() if lang == "vi" else str(value)


# -- the header ---------------------------------------------------------------------------------


def _standard(plan: Document, lang: Lang) -> str:
    """The standard's name and act, with the phase, extension, amendments and, for a periodic
    review, the year its list serves (the standard of that year applies)."""
    from mdpoverty.reference.standards import serving_year, standard_of  # noqa: PLC0415

    try:
        standard = standard_of(plan)
    except UnknownNameError:
        return plan.standard or ""
    year = serving_year(plan)
    name = standard.name_en if lang == "en" and standard.name_en else standard.name
    # years are text in a label: a number would be shown with a thousands separator
    parts = [label("standard_name", lang, name=localize(name, lang), act=str(standard.reference))]
    act = standard.act_period
    if act is not None and standard.period.start > act.start:
        parts.append(label("standard_phase", lang, start=str(standard.period.start)))
    parts += [
        label("standard_kept", lang, year=str(year), act=str(e.reference))
        for e in standard.extensions
        if year in e.period
    ]
    if standard.amended_by:
        acts = tuple(str(r) for r in standard.amended_by)
        parts.append(label("standard_amended", lang, acts=acts))
    if year > plan.period.end:
        parts.append(label("standard_review", lang, review=str(plan.period.end), year=str(year)))
    return "; ".join(parts)


def _programme(plan: Document, lang: Lang) -> str:
    from mdpoverty.reference.programmes import programme_catalog  # noqa: PLC0415

    if plan.programme is None:
        return label("none", lang)
    try:
        catalog = programme_catalog(plan.programme)
    except UnknownNameError:
        return plan.programme
    name = catalog.name_en if lang == "en" and catalog.name_en else catalog.name
    return label("standard_name", lang, name=localize(name, lang), act=str(catalog.reference))


@section("header", holds="header", order=10)
def header(ctx: Context) -> Mapping[str, Any]:
    plan, lang = ctx.document, ctx.lang
    head = plan.header
    area = plan.area.name_en if lang == "en" and plan.area.name_en else plan.area.name
    fields = [
        ("issuer", head.issuer or "", "header/issuer"),
        (
            "number",
            # the number and symbol as printed, without the "Số:" of the printed line (the
            # field's label says what it is, in the page's language)
            f"{head.number}/{head.symbol}"
            if head.number
            else label("number_blank", lang, reference=f"/{head.symbol}"),
            "header/number",
        ),
        ("date", _date(head.date, lang), "header/date"),
        ("place", head.place, "header/place"),
        ("area", area, "area"),
        ("period", str(plan.period), "period"),
        ("standard", _standard(plan, lang), "standard"),
        ("programme", _programme(plan, lang), "programme"),
        *([("figures_source", head.source, "header/source")] if head.source else []),
    ]
    return {
        "title": f"{head.title or ''} {head.subtitle}".strip(),
        "fields": [(label(key, lang), value, ctx.place(where)) for key, value, where in fields],
        "legal_bases": [
            (ctx.place(f"legal_bases/{i}"), str(ref)) for i, ref in enumerate(plan.legal_bases)
        ],
        "targets": _headline_targets(ctx),
    }


def _headline_targets(ctx: Context) -> list[dict[str, Any]]:
    """The area's targets as printed: one item per sentence, with the ids of every target it
    states (a sentence often states two: a reduction and an end rate)."""
    items: dict[tuple[str, str], dict[str, Any]] = {}
    for i, t in enumerate(ctx.document.targets):
        if t.about is None:
            where = label("annex", ctx.lang) if t.section == "annex" else t.section
            item = items.setdefault((t.section, t.text), {"section": where, "text": t.text})
            item.setdefault("ids", []).append(ctx.place(f"targets/{i}"))
    return list(items.values())


# -- the annex ----------------------------------------------------------------------------------


def _differs(printed: object, derived: object) -> bool:
    if printed is None or derived is None:
        return False
    if isinstance(printed, Quantity):  # a printed range: the same range, bound by bound
        exact = derived if isinstance(derived, Quantity) else Quantity(derived)  # type: ignore[arg-type]
        return printed != exact
    if isinstance(derived, Quantity):
        return not (derived.low <= printed <= derived.high)  # type: ignore[operator]
    return printed != derived


def _cells(
    ctx: Context,
    where: str,
    printed: PrintedRow | None,
    derived: AnnexRow,
    fields: Sequence[str] = ANNEX_COLUMNS,
) -> Iterator[dict[str, Any]]:
    """The cells of a row: printed where the annex is printed (a printed rate keeps its printed
    digits), else derived; a printed cell that differs from the derived one carries it."""
    for field in fields:
        value = getattr(derived, field)
        other = None
        if field == "label":
            text = said(
                printed.label if printed else (value if derived.unit else TOTAL_LABEL[ctx.lang]),
                ctx.lang,
            )
            place = f"units/{derived.unit}" if derived.unit else None
        else:
            shown = value if printed is None else getattr(printed, field)
            if shown is None and field == NEAR_POOR_FIELD:
                shown = value  # an annex printed without the column: the units' own counts
            # every value keeps its digits: a derived rate has two, a printed one or a target
            # shown in its place its own ("3,0–3,5")
            text = number(shown, ctx.lang)
            if printed is not None and _differs(shown, value):
                other = number(value, ctx.lang)
            place = None if field == "number" else f"{where}/{field}"
        yield {
            "text": text,
            "derived": other,
            "id": ctx.place(place) if place else None,
            "numeric": field != "label",
        }


@section("annex", holds="units", order=20, when=has_target_annex)
def annex_section(ctx: Context) -> Mapping[str, Any]:
    plan, lang = ctx.document, ctx.lang
    frame = annex(plan, lang)
    derived = annex_rows(plan)
    printed = plan.annex
    rows = []
    if printed is None:
        pairs: list[tuple[str, PrintedRow | None, AnnexRow]] = [
            (f"annex/rows/{row.unit}" if row.unit else "annex/total", None, row) for row in derived
        ]
    else:
        by_unit = {row.unit: row for row in derived}
        pairs = [(f"annex/rows/{r.unit}", r, by_unit[r.unit]) for r in printed.rows]
        if printed.total is not None:
            pairs.append(("annex/total", printed.total, derived[-1]))
    for where, printed_row, derived_row in pairs:
        rows.append(
            {
                "id": ctx.place(where),
                "total": derived_row.unit is None,
                "cells": list(_cells(ctx, where, printed_row, derived_row, fields_of(frame))),
            }
        )
    return {
        "id": ctx.place("annex"),
        "title": said(frame.attrs["title"], lang),
        "caption": printed.caption if printed else "",
        "date": _date(printed.date, lang) if printed else "",
        "date_id": ctx.place("annex/date"),
        "printed": printed is not None,
        "headers": [said(column, lang) for column in frame.columns],
        "rows": rows,
    }


@section("rates", holds="units", order=30, when=has_target_annex)
def rates_section(ctx: Context) -> Mapping[str, Any]:
    return {"svg": _chart("rates", ctx.document, ctx.lang)}


# -- deficit targets ----------------------------------------------------------------------------


@section("deficits", holds="deficit_indicators", order=50)
def deficits_section(ctx: Context) -> Mapping[str, Any]:
    from mdpoverty.aggregate.units import deficit_rows  # noqa: PLC0415

    plan, lang = ctx.document, ctx.lang
    names, _ = standard_names(plan, lang)
    rows = []
    for d in deficit_rows(plan):
        if d.kind is IndicatorKind.QUALITATIVE or d.value is None:
            target = label("qualitative", lang)
        else:
            # an exact value is a number of the label, a range its text in the language
            value = d.value.low if d.value.is_exact else number(d.value, lang)
            target = label("percent", lang, value=value) if d.kind is IndicatorKind.SHARE else ""
            if d.comparison is not Comparison.EXACTLY:
                target = label(d.comparison.value, lang, value=target or value)
            target = target or number(d.value, lang)
        rows.append(
            {
                "id": ctx.place(f"deficit_indicators/{d.id}"),
                "dimension": label("general", lang)
                if d.dimension is None
                else names.get(d.dimension, d.dimension),
                "target": target,
                "text": d.text,
            }
        )
    return {"svg": _chart("deficits", plan, lang), "rows": rows}


# -- agencies -----------------------------------------------------------------------------------


@section("agencies", holds="agencies", order=60)
def agencies_section(ctx: Context) -> Mapping[str, Any]:
    plan, lang = ctx.document, ctx.lang
    led = {r.agency: i for i, r in enumerate(plan.responsibilities)}
    return {
        "rows": [
            {
                "id": ctx.place(f"agencies/{a.id}"),
                "name": a.name_en if lang == "en" and a.name_en else a.name,
                "printed": a.name,
                "aliases": ", ".join(a.aliases),
                "duty_id": ctx.place(f"responsibilities/{led[a.id]}") if a.id in led else None,
            }
            for a in plan.agencies
        ]
    }


# -- the 2025 units -----------------------------------------------------------------------------


def _in_former_units(document: Document) -> bool:
    """Whether the document's units are those before 1 July 2025 (or may be: its date says
    neither), so that carrying them into the new units says something."""
    from mdpoverty.reference.admin_units import basis_of  # noqa: PLC0415

    return basis_of(document) != "new"


# A carried figure holds at a point in time or over the year (a review's escaped, new, fall, …).
_WHEN: dict[str, TimePoint | Flow] = {w.value: w for w in (*TimePoint, *Flow)}


@section("carry_over", holds="units", order=70, when=_in_former_units)
def carry_over_section(ctx: Context) -> Mapping[str, Any]:
    from mdpoverty.aggregate.carried_figures import carry_everything  # noqa: PLC0415

    lang = ctx.lang
    try:
        frame, figures = carry_everything(ctx.document, lang=lang)  # "why" in the reader's
    except MdpovertyError as error:
        reason = error.text(lang)
        return {"unavailable": label("carry_unavailable", lang, reason=reason), "rows": []}

    def value(v: object, places: int | None = None) -> str:  # a blank stays blank, never 0
        return number(v, lang, places) if isinstance(v, int | Decimal) else ""

    rows = [
        {
            "code": code,
            "name": said(row["name"], lang),
            "old": said(row["units"], lang),
            "complete": bool(row["complete"]),
            "households": value(row["households"]),
            "poor": value(row["poor_households"]),
            "rate": value(row["poverty_rate"], 2),
            "end_rate": value(row["end_rate"], 2),
            "why": said(row["why"], lang),
        }
        for code, row in (frame.iterrows() if frame is not None else ())
    ]
    figure_rows = [
        {
            "code": code,
            "name": said(row["name"], lang),
            "old": said(row["units"], lang),
            "group": label(f"group-{HouseholdGroup(row['group']).value}", lang),
            "time": label(f"time-{_WHEN[row['time']].value}", lang, year=str(row["year"])),
            "count": value(row["count"]),
            "rate": value(row["rate"]),
            "complete": bool(row["complete"]),
            "why": said(row["why"], lang),
        }
        for code, row in (figures.iterrows() if figures is not None else ())
    ]
    return {
        "unavailable": None,
        "rows": rows,
        "figures": figure_rows,
        "incomplete": any(not r["complete"] for r in (*rows, *figure_rows)),
    }


# -- unverified facts ---------------------------------------------------------------------------


def _relies_on_unverified(document: Document) -> bool:
    from mdpoverty.reference.reliance import unverified_facts  # noqa: PLC0415

    return bool(unverified_facts(document))


@section("unverified", holds=None, order=990, when=_relies_on_unverified)
def unverified_section(ctx: Context) -> Mapping[str, Any]:
    from mdpoverty.reference.reliance import unverified_facts  # noqa: PLC0415

    lang = ctx.lang
    return {
        "rows": [
            {
                "kind": label(f"fact-{f.kind.value}", lang),
                "key": f.key,
                "source": f.source,
                "note": f.note,
                "target": ctx.target(f.location),
            }
            for f in unverified_facts(ctx.document)
        ]
    }


# -- findings -----------------------------------------------------------------------------------


@section("findings", holds=None, order=1000)
def findings_section(ctx: Context) -> Mapping[str, Any]:
    lang = ctx.lang
    linked = set(ctx.linked)  # the first finding of each linked (rule, location) takes its id
    rows = []
    for f in sorted(ctx.findings, key=lambda f: f.severity.rank):
        key = (f.rule, f.location)
        rows.append(
            {
                "id": finding_anchor(*key) if key in linked else None,
                "severity": f.severity.value,
                "severity_label": localize(f.severity.word, lang),
                "rule": f.rule,
                "location": f.location,
                "target": ctx.target(f.location),
                "message": localize(f.message, lang),
                "expected": _shown(f.expected, lang),
                "actual": _shown(f.actual, lang),
            }
        )
        linked.discard(key)
    return {"rows": rows}


def _shown(value: object, lang: Lang) -> str:
    if isinstance(value, int | Decimal | Quantity) and not isinstance(value, bool):
        return number(value, lang)
    if isinstance(value, PartialDate):
        return _date(value, lang)
    return show(value, lang)
