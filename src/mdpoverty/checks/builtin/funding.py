"""Funding rules: every stated amount against its parts along each axis (sources, kinds of
capital, years, units), parents against children, the plan's total against its components."""

from __future__ import annotations

from collections.abc import Iterator

from mdpoverty.checks.builtin import _funding_sums as _sums
from mdpoverty.checks.report import Finding, Rule, Severity, rule
from mdpoverty.i18n import Message, _
from mdpoverty.model.document import Document
from mdpoverty.model.funding import FundingKey

_EXACT = _(
    "None: amounts are allocations decided in the printed unit (million VND), not rounded "
    "measurements, so they add up exactly; an amount the document does not state is never "
    "taken as zero."
)


def _axis_message(m: _sums.Mismatch, axis: int) -> Message:
    parts, terms = _sums.PARTS_NAME[axis], m.terms(axis)
    if m.key == FundingKey():
        if m.complete:
            return _(
                "the declared total {whole} is not the sum of its {parts} {terms} = {total}",
                whole=m.whole,
                parts=parts,
                terms=terms,
                total=m.total,
            )
        return _(
            "the declared total {whole} is less than the sum of its {parts} {terms} = {total}",
            whole=m.whole,
            parts=parts,
            terms=terms,
            total=m.total,
        )
    if m.complete:
        return _(
            "the declared {cell} {whole} is not the sum of its {parts} {terms} = {total}",
            cell=m.key.describe(),
            whole=m.whole,
            parts=parts,
            terms=terms,
            total=m.total,
        )
    return _(
        "the declared {cell} {whole} is less than the sum of its {parts} {terms} = {total}",
        cell=m.key.describe(),
        whole=m.whole,
        parts=parts,
        terms=terms,
        total=m.total,
    )


def _axis_findings(found: Rule, plan: Document, axis: int) -> Iterator[Finding]:
    for m in _sums.mismatches(plan, axis):
        yield found.finding(m.location, _axis_message(m, axis), expected=m.total, actual=m.whole)


@rule(
    "funding.sources-sum",
    Severity.ERROR,
    title=_("A declared funding total equals the sum of its sources"),
    rationale=_(
        "A plan states each component's funding as a total 'trong đó' (of which) central "
        "budget, local budget and other sources; the sources split the total, so they add up "
        "to it.  Applies to every component and to a plan-level total, and to every amount "
        "the plan splits by source: a kind of capital's, a year's or a unit's."
    ),
    tolerance=_(
        "{exact}  Checked only where the total (or the amount split) and at least one "
        "source are stated; a source given only by its own parts (by kind, year or unit) counts "
        "as their sum.",
        exact=_EXACT,
    ),
)
def sources_sum(plan: Document) -> Iterator[Finding]:
    yield from _axis_findings(sources_sum, plan, _sums.SOURCE)


_PARTIAL = _(
    "A breakdown that leaves some of its parts unstated (one kind of capital, some years, "
    "some units) is judged only when its stated parts already exceed the whole: the rest may "
    "be the parts the document does not print."
)


@rule(
    "funding.capital-sum",
    Severity.ERROR,
    title=_("An amount equals the sum of its kinds of capital"),
    rationale=_(
        "From 2026 a plan splits money by kind of capital: investment (vốn đầu tư phát triển) "
        "and recurrent (vốn sự nghiệp).  The two kinds split the amount they are given for "
        "— a component's total, a source's, a year's or a unit's — so they add up to it."
    ),
    tolerance=_(
        "{exact}  Checked where the amount and its investment and recurrent parts "
        "are stated (directly or by their own parts).  {partial}",
        exact=_EXACT,
        partial=_PARTIAL,
    ),
)
def capital_sum(plan: Document) -> Iterator[Finding]:
    yield from _axis_findings(capital_sum, plan, _sums.CAPITAL)


@rule(
    "funding.year-sum",
    Severity.ERROR,
    title=_("An amount of a multi-year plan equals the sum of its years"),
    rationale=_(
        "A plan for several years allocates each component's money year by year; the years "
        "split the amount of the period — the total, a source's, a kind of capital's or a "
        "unit's — so they add up to it."
    ),
    tolerance=_(
        "{exact}  Compared for equality where every year of the plan's period is "
        "stated.  {partial}",
        exact=_EXACT,
        partial=_PARTIAL,
    ),
)
def year_sum(plan: Document) -> Iterator[Finding]:
    yield from _axis_findings(year_sum, plan, _sums.YEAR)


@rule(
    "funding.unit-sum",
    Severity.ERROR,
    title=_("An amount equals the sum of its units' allocations"),
    rationale=_(
        "A provincial plan allocates a component's money to its communes; the communes' "
        "allocations split the amount — the total, a source's, a kind of capital's or a "
        "year's — so they add up to it.  A part the province keeps is an allocation to the "
        "province's own unit."
    ),
    tolerance=_(
        "{exact}  Compared for equality where the allocated units make up the "
        "whole area: every unit that shares a parent with an allocated unit is allocated, and so "
        "on up to the top-level units (the communes of every district, say).  {partial}",
        exact=_EXACT,
        partial=_PARTIAL,
    ),
)
def unit_sum(plan: Document) -> Iterator[Finding]:
    yield from _axis_findings(unit_sum, plan, _sums.UNIT)


@rule(
    "funding.parent-sum",
    Severity.ERROR,
    title=_("A parent component's funding equals the sum of its children's"),
    rationale=_(
        "A project's funding is the funding of its sub-projects, and a sub-project's that of "
        "its activities: when the document states both, they add up.  Compared for the amount "
        "(the declared total, or else the sum of the sources) and for every cell the parent "
        "states: each source, and each kind of capital, year or unit's allocation."
    ),
    tolerance=_(
        "{exact}  Checked only where the parent states the amount (or source) and every child "
        "states it too, directly or through its own children.",
        exact=_EXACT,
    ),
)
def parent_sum(plan: Document) -> Iterator[Finding]:
    for parent in plan.all_components():
        if parent.funding is None or not parent.children:
            continue
        prefix = f"components/{parent.code}/funding"
        for key, place, own, children in _sums.unequal(plan, parent.funding, parent.children):
            codes = tuple(c.code for c in parent.children)
            if key == FundingKey():
                message = _(
                    "{code}'s funding {own} is not the sum of its children's ({children}) "
                    "= {total}",
                    code=parent.code,
                    own=own,
                    children=codes,
                    total=children,
                )
            else:
                message = _(
                    "{code}'s {cell} funding {own} is not the sum of its children's "
                    "({children}) = {total}",
                    code=parent.code,
                    cell=key.describe(),
                    own=own,
                    children=codes,
                    total=children,
                )
            yield parent_sum.finding(
                _sums.at(prefix, place), message, expected=children, actual=own
            )


@rule(
    "funding.plan-total",
    Severity.ERROR,
    title=_("A declared plan-level funding total equals the sum of the components"),
    rationale=_(
        "Where a plan states its whole budget, the programme components it funds share that "
        "budget: the top-level components' amounts (a project's own, or else the sum of its "
        "sub-projects') add up to it, and so does each source."
    ),
    tolerance=_(
        "{exact}  Checked only where the plan states a total and every top-level component's "
        "amount (or source) is known.",
        exact=_EXACT,
    ),
)
def plan_total(plan: Document) -> Iterator[Finding]:
    split = plan.funding_total
    if split is None or not plan.components:
        return
    for key, place, own, parts in _sums.unequal(plan, split, plan.components):
        if key == FundingKey():
            message = _(
                "the plan's funding {own} is not the sum of its components' = {total}",
                own=own,
                total=parts,
            )
        else:
            message = _(
                "the plan's {cell} funding {own} is not the sum of its components' = {total}",
                cell=key.describe(),
                own=own,
                total=parts,
            )
        yield plan_total.finding(
            _sums.at("funding_total", place), message, expected=parts, actual=own
        )
