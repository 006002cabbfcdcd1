"""Funding rules: totals against their sources, parents against children, the plan's total."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.model.document import Document
from mdpoverty.model.programme import SOURCE_NAMES_VI, SOURCES, FundingSplit, ProjectComponent
from mdpoverty.values.numbers import format_vi

_EXACT = (
    "None: amounts are allocations decided in the printed unit (million VND), not rounded "
    "measurements, so they add up exactly; an amount the document does not state is never "
    "taken as zero."
)


def _splits(plan: Document) -> Iterator[tuple[str, FundingSplit]]:
    if plan.funding_total is not None:
        yield "funding_total", plan.funding_total
    for c in plan.all_components():
        if c.funding is not None:
            yield f"components/{c.code}/funding", c.funding


def _terms(split: FundingSplit) -> str:
    return " + ".join(
        f"{format_vi(v)} ({SOURCE_NAMES_VI[k]})" for k, v in split.sources.items() if v is not None
    )


@rule(
    "funding.sources-sum",
    Severity.ERROR,
    title="A declared funding total equals the sum of its sources",
    rationale=(
        "A plan states each component's funding as a total 'trong đó' (of which) central "
        "budget, local budget and other sources; the sources split the total, so they add up "
        "to it.  Applies to every component and to a plan-level total."
    ),
    tolerance=_EXACT + "  Checked only where the total and at least one source are stated.",
)
def sources_sum(plan: Document) -> Iterator[Finding]:
    for location, split in _splits(plan):
        total, parts = split.total, split.sources_sum
        if total is not None and parts is not None and total != parts:
            yield sources_sum.finding(
                location,
                f"the declared total {format_vi(total)} is not the sum of its sources "
                f"{_terms(split)} = {format_vi(parts)}",
                expected=parts,
                actual=total,
            )


def _value(split: FundingSplit | None, field: str) -> Decimal | None:
    if split is None:
        return None
    return split.amount if field == "amount" else split.sources[field]


def _stated(component: ProjectComponent, field: str) -> Decimal | None:
    """The component's own amount (or source), else its children's sum when all are known."""
    own = _value(component.funding, field)
    if own is not None or not component.children:
        return own
    return _sum_all([_stated(c, field) for c in component.children])


def _sum_all(values: list[Decimal | None]) -> Decimal | None:
    if not values or any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def _unequal(
    split: FundingSplit, parts: Sequence[ProjectComponent]
) -> Iterator[tuple[str, str, Decimal, Decimal]]:
    """``(field, suffix, own, parts' sum)`` for the amount and each source where ``split``
    and the sum of what ``parts`` state are both known and differ; ``suffix`` ends the
    location (``""`` for the amount, ``"/central"`` …)."""
    for field in ("amount", *SOURCES):
        own = _value(split, field)
        total = _sum_all([_stated(c, field) for c in parts])
        if own is not None and total is not None and own != total:
            yield field, "" if field == "amount" else f"/{field}", own, total


def _field_label(field: str) -> str:
    return "funding" if field == "amount" else f"{SOURCE_NAMES_VI[field]} funding"


@rule(
    "funding.parent-sum",
    Severity.ERROR,
    title="A parent component's funding equals the sum of its children's",
    rationale=(
        "A project's funding is the funding of its sub-projects, and a sub-project's that of "
        "its activities: when the document states both, they add up.  Compared for the amount "
        "(the declared total, or else the sum of the sources) and for each source."
    ),
    tolerance=_EXACT
    + "  Checked only where the parent states the amount (or source) and every child states "
    "it too, directly or through its own children.",
)
def parent_sum(plan: Document) -> Iterator[Finding]:
    for parent in plan.all_components():
        if parent.funding is None or not parent.children:
            continue
        for field, suffix, own, children in _unequal(parent.funding, parent.children):
            codes = ", ".join(c.code for c in parent.children)
            yield parent_sum.finding(
                f"components/{parent.code}/funding{suffix}",
                f"{parent.code}'s {_field_label(field)} {format_vi(own)} is not the sum of "
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
    for field, suffix, own, parts in _unequal(split, plan.components):
        yield plan_total.finding(
            f"funding_total{suffix}",
            f"the plan's {_field_label(field)} {format_vi(own)} is not the sum of its "
            f"components' = {format_vi(parts)}",
            expected=parts,
            actual=own,
        )
