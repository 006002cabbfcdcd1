"""The funding section of a plan's report: each component's money by source, and tables by
kind of capital, year and unit wherever the plan states that axis.

Its values are formatted here, from their exact values, so that its template only places text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from mdpoverty.i18n import Lang
from mdpoverty.model.funding import Cells, FundingKey
from mdpoverty.report import _plan_sections as _base
from mdpoverty.report.labels import LABELS, label, number
from mdpoverty.report.sections import Context, section

__all__: list[str] = []


# -- funding ------------------------------------------------------------------------------------


_MORE_SOURCES = ("policy-credit", "integrated", "mobilised")
_EMPTY = FundingKey()


def _source_label(source: str, lang: Lang) -> str:
    """A known source's label; a source the plan names itself, by its id."""
    return label(source, lang) if source in LABELS else source


def _axis_rows(frame: Any, lang: Lang, name: Callable[[object], str]) -> list[tuple[str, ...]]:
    """An axis table's rows (label, amount, share), or none where the plan states no value on
    the axis (its only row then is the funding not placed on it)."""
    from mdpoverty.aggregate import NOT_STATED, TOTAL  # noqa: PLC0415

    keys = [k for k in frame.index if k not in (NOT_STATED, TOTAL)]
    if not keys:
        return []
    rows: list[tuple[str, ...]] = []
    for key, row in frame.iterrows():
        text = (
            label("not_stated", lang)
            if key == NOT_STATED
            else label("total", lang)
            if key == TOTAL
            else name(key)
        )
        rows.append((text, number(row["amount"], lang), number(row["share"], lang)))
    return rows


@section("funding", holds="components", order=40)
def funding_section(ctx: Context) -> Mapping[str, Any]:
    from mdpoverty.aggregate import (  # noqa: PLC0415
        funding_by_capital,
        funding_by_source,
        funding_by_unit,
        funding_by_year,
    )

    plan, lang = ctx.document, ctx.lang
    components = []
    more = [
        s
        for s in _MORE_SOURCES
        if any(c.funding and c.funding.value(source=s) is not None for c in plan.all_components())
    ]
    for c in plan.all_components():
        f = c.funding
        cells = None if f is None else Cells.of(f)
        by_source = {} if cells is None else {str(k): v for k, v in cells.parts(_EMPTY, 0).items()}
        sources = sum(by_source.values(), Decimal(0)) if by_source else None
        declared = None if f is None else f.total
        components.append(
            {
                "id": ctx.place(f"components/{c.code}"),
                "funding_id": ctx.place(f"components/{c.code}/funding") if f else None,
                "code": c.code,
                "name": c.name_en if lang == "en" and c.name_en else c.name,
                "level": int(c.level),
                "declared": number(declared, lang),
                "central": number(by_source.get("central"), lang),
                "local": number(by_source.get("local"), lang),
                "more": [number(by_source.get(s), lang) for s in more],
                "other": number(_others(by_source), lang),
                "sources": number(sources, lang),
                "wrong": declared is not None and sources is not None and declared != sources,
            }
        )
    by_source_table = funding_by_source(plan)
    units = {u.id: u.name for u in plan.units}
    return {
        "svg": _base._chart("funding", plan, lang),
        "components": components,
        "more": [label(s, lang) for s in more],
        "by_source": [
            (
                _source_label(str(key), lang),
                number(row["amount"], lang),
                number(row["share"], lang),
            )
            for key, row in by_source_table.iterrows()
        ],
        "axes": [
            (label(title, lang), label(head, lang), rows)
            for title, head, rows in (
                (
                    "by_capital",
                    "capital",
                    _axis_rows(funding_by_capital(plan), lang, lambda k: label(str(k), lang)),
                ),
                ("by_year", "year", _axis_rows(funding_by_year(plan), lang, str)),
                (
                    "by_unit",
                    "unit",
                    _axis_rows(funding_by_unit(plan), lang, lambda k: units.get(str(k), str(k))),
                ),
            )
            if rows
        ],
        "funding_sources": [
            (ctx.place(f"funding_sources/{i}"), s.number, s.text)
            for i, s in enumerate(plan.funding_sources)
        ],
    }


def _others(by_source: Mapping[str, Decimal]) -> Decimal | None:
    """The ``other`` source with every source the plan names itself."""
    rest = [v for s, v in by_source.items() if s not in ("central", "local", *_MORE_SOURCES)]
    return sum(rest, Decimal(0)) if rest else None
