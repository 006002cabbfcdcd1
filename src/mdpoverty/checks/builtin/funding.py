"""Funding rules: every stated amount against its parts along each axis (sources, kinds of
capital, years, units), parents against children, the plan's total against its components."""

from __future__ import annotations

from collections.abc import Iterator

from mdpoverty.checks.builtin import _funding_sums as _sums
from mdpoverty.checks.report import Finding, Rule, Severity, rule
from mdpoverty.model.document import Document
from mdpoverty.model.funding import FundingKey
from mdpoverty.values.numbers import format_vi

_EXACT = (
    "None: amounts are allocations decided in the printed unit (million VND), not rounded "
    "measurements, so they add up exactly; an amount the document does not state is never "
    "taken as zero."
)


def _axis_findings(found: Rule, plan: Document, axis: int) -> Iterator[Finding]:
    for m in _sums.mismatches(plan, axis):
        what = "total" if m.key == FundingKey() else m.key.describe()
        parts = _sums.PARTS_NAME[axis]
        relation = "is not the sum of" if m.complete else "is less than the sum of"
        text = f"{relation} its {parts} {m.terms(axis)} = {format_vi(m.total)}"
        yield found.finding(
            m.location,
            f"the declared {what} {format_vi(m.whole)} {text}",
            expected=m.total,
            actual=m.whole,
        )


@rule(
    "funding.sources-sum",
    Severity.ERROR,
    title="A declared funding total equals the sum of its sources",
    rationale=(
        "A plan states each component's funding as a total 'trong đó' (of which) central "
        "budget, local budget and other sources; the sources split the total, so they add up "
        "to it.  Applies to every component and to a plan-level total, and to every amount "
        "the plan splits by source: a kind of capital's, a year's or a unit's."
    ),
    tolerance=_EXACT + "  Checked only where the total (or the amount split) and at least one "
    "source are stated; a source given only by its own parts (by kind, year or unit) counts "
    "as their sum.",
)
def sources_sum(plan: Document) -> Iterator[Finding]:
    yield from _axis_findings(sources_sum, plan, _sums.SOURCE)


_PARTIAL = (
    "  A breakdown that leaves some of its parts unstated (one kind of capital, some years, "
    "some units) is judged only when its stated parts already exceed the whole: the rest may "
    "be the parts the document does not print."
)


@rule(
    "funding.capital-sum",
    Severity.ERROR,
    title="An amount equals the sum of its kinds of capital",
    rationale=(
        "From 2026 a plan splits money by kind of capital: investment (vốn đầu tư phát triển) "
        "and recurrent (vốn sự nghiệp).  The two kinds split the amount they are given for "
        "— a component's total, a source's, a year's or a unit's — so they add up to it."
    ),
    tolerance=_EXACT + "  Checked where the amount and its investment and recurrent parts "
    "are stated (directly or by their own parts)." + _PARTIAL,
)
def capital_sum(plan: Document) -> Iterator[Finding]:
    yield from _axis_findings(capital_sum, plan, _sums.CAPITAL)


@rule(
    "funding.year-sum",
    Severity.ERROR,
    title="An amount of a multi-year plan equals the sum of its years",
    rationale=(
        "A plan for several years allocates each component's money year by year; the years "
        "split the amount of the period — the total, a source's, a kind of capital's or a "
        "unit's — so they add up to it."
    ),
    tolerance=_EXACT + "  Compared for equality where every year of the plan's period is "
    "stated." + _PARTIAL,
)
def year_sum(plan: Document) -> Iterator[Finding]:
    yield from _axis_findings(year_sum, plan, _sums.YEAR)


@rule(
    "funding.unit-sum",
    Severity.ERROR,
    title="An amount equals the sum of its units' allocations",
    rationale=(
        "A provincial plan allocates a component's money to its communes; the communes' "
        "allocations split the amount — the total, a source's, a kind of capital's or a "
        "year's — so they add up to it.  A part the province keeps is an allocation to the "
        "province's own unit."
    ),
    tolerance=_EXACT + "  Compared for equality where the allocated units make up the "
    "whole area: every unit that shares a parent with an allocated unit is allocated, and so "
    "on up to the top-level units (the communes of every district, say)." + _PARTIAL,
)
def unit_sum(plan: Document) -> Iterator[Finding]:
    yield from _axis_findings(unit_sum, plan, _sums.UNIT)


@rule(
    "funding.parent-sum",
    Severity.ERROR,
    title="A parent component's funding equals the sum of its children's",
    rationale=(
        "A project's funding is the funding of its sub-projects, and a sub-project's that of "
        "its activities: when the document states both, they add up.  Compared for the amount "
        "(the declared total, or else the sum of the sources) and for every cell the parent "
        "states: each source, and each kind of capital, year or unit's allocation."
    ),
    tolerance=_EXACT
    + "  Checked only where the parent states the amount (or source) and every child states "
    "it too, directly or through its own children.",
)
def parent_sum(plan: Document) -> Iterator[Finding]:
    for parent in plan.all_components():
        if parent.funding is None or not parent.children:
            continue
        prefix = f"components/{parent.code}/funding"
        for key, place, own, children in _sums.unequal(parent.funding, parent.children):
            codes = ", ".join(c.code for c in parent.children)
            yield parent_sum.finding(
                _sums.at(prefix, place),
                f"{parent.code}'s {_sums.field_label(key)} {format_vi(own)} is not the sum of "
                f"its children's ({codes}) = {format_vi(children)}",
                expected=children,
                actual=own,
            )


@rule(
    "funding.plan-total",
    Severity.ERROR,
    title="A declared plan-level funding total equals the sum of the components",
    rationale=(
        "Where a plan states its whole budget, the programme components it funds share that "
        "budget: the top-level components' amounts (a project's own, or else the sum of its "
        "sub-projects') add up to it, and so does each source."
    ),
    tolerance=_EXACT
    + "  Checked only where the plan states a total and every top-level component's amount "
    "(or source) is known.",
)
def plan_total(plan: Document) -> Iterator[Finding]:
    split = plan.funding_total
    if split is None or not plan.components:
        return
    for key, place, own, parts in _sums.unequal(split, plan.components):
        yield plan_total.finding(
            _sums.at("funding_total", place),
            f"the plan's {_sums.field_label(key)} {format_vi(own)} is not the sum of its "
            f"components' = {format_vi(parts)}",
            expected=parts,
            actual=own,
        )
