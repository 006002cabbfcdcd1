"""Reproduce the annex of the Bắc Kạn city 2024 poverty-reduction plan, then summarise the plan.

Run it with ``python examples/bac_kan_2024.py``.  The annex is printed as the document prints
it (Vietnamese headers and number format); every rate in it is derived by mdpoverty from the
household counts and targets.  A short English summary and the plan's consistency report follow,
and last the annex's figures carried over into the units of 1 July 2025 (after the
reorganisation of the communes; an incomplete row says which old unit the plan does not cover).
"""

from __future__ import annotations

import mdpoverty
from mdpoverty.aggregate.carry_over import carry_over, format_carried
from mdpoverty.tables import format_annex


def summary(plan: mdpoverty.Plan) -> str:
    """A short English summary: units, components with their funding, deficit targets."""
    lines = [
        f"Plan: {plan.header.title} {plan.header.subtitle} ({plan.area.name_en or plan.area.name})",
        (
            f"Issued by {plan.header.issuer}, {plan.header.date}; period {plan.period}; "
            f"standard {plan.standard}"
        ),
        "",
        f"Units ({len(plan.units)}):",
    ]
    lines.extend(
        f"  {u.name:<30} {u.kind.value:<8} {u.households:>6,} households, "
        f"{u.poor_households:>3} poor ({u.poverty_rate}%)"
        for u in plan.units
    )
    lines += [
        "",
        "Components (million VND, as printed; '-' where the plan states no amount):",
        f"  {'code':<14} {'total':>6} {'central':>7} {'local':>5}  {'lead agency':<46} name",
    ]
    for c in plan.all_components():
        funding = c.funding or mdpoverty.FundingSplit()
        total, central, local = (
            "-" if v is None else str(v) for v in (funding.total, funding.central, funding.local)
        )
        lead = plan.agency(c.lead).name_en if c.lead else ""
        lines.append(
            f"  {c.code:<14} {total:>6} {central:>7} {local:>5}  {lead:<46} {c.name_en or c.name}"
        )
    by_source = mdpoverty.funding_by_source(plan)
    declared, sources = (str(by_source.loc[row, "amount"]) for row in ("declared", "total"))
    lines.append(f"  Declared totals add up to {declared}; their sources to {sources}.")
    lines += ["", "Deficit-dimension targets:"]
    for d in plan.deficit_indicators:
        value = (
            "qualitative"
            if d.value is None
            else str(d.value.low)
            if d.value.is_exact
            else f"{d.value.low}–{d.value.high}"
        )
        unit = "%" if d.kind is mdpoverty.IndicatorKind.SHARE else ""
        lines.append(
            f"  {d.dimension or '(general)':<17} {d.comparison.value:<9} {value + unit:<12} "
            f"{d.population.subject.value}"
        )
    return "\n".join(lines)


def main() -> None:
    plan = mdpoverty.datasets.bac_kan_2024()
    print(format_annex(mdpoverty.annex(plan)))
    print(summary(plan))
    print()
    report = mdpoverty.check(plan)
    print(f"Consistency report ({report.summary()}):")
    print(report)
    print()
    print("In the units of 1 July 2025 (* incomplete):")
    print(format_carried(carry_over(plan), "en"), end="")


if __name__ == "__main__":
    main()
