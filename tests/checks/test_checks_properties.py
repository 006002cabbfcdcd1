"""Properties of every consistency rule: silent on consistent plans, loud where one is broken.

Each perturbation starts from a consistent generated plan, breaks exactly the invariant of one
rule with :func:`attrs.evolve`, and expects a finding of that rule at the perturbed location.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from mdpoverty.checks import Report, check, rules
from mdpoverty.model.agencies import Agency, Responsibility
from mdpoverty.model.document import Plan
from mdpoverty.model.printed import PrintedRow
from mdpoverty.model.programme import FundingSplit, ProjectComponent
from mdpoverty.model.targets import Measure
from mdpoverty.reference.programmes import programme_catalog
from mdpoverty.reference.standards import standard_of
from mdpoverty.testing import money, plans
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.quantities import Quantity

CENT = Decimal("0.01")
positive_money = st.integers(1, 10_000_000).map(lambda n: Decimal(n).scaleb(-3))


def found(report: Report, rule_id: str, location: str) -> bool:
    return any(f.rule == rule_id and f.location == location for f in report)


def replace_component(plan: Plan, code: str, **changes: object) -> Plan:
    def rebuild(c: ProjectComponent) -> ProjectComponent:
        if c.code == code:
            return attrs.evolve(c, **changes)  # type: ignore[arg-type]
        return attrs.evolve(c, children=[rebuild(child) for child in c.children])

    return attrs.evolve(plan, components=[rebuild(c) for c in plan.components])


def replace_row(plan: Plan, unit: str | None, **changes: object) -> Plan:
    assert plan.annex is not None
    if unit is None:
        assert plan.annex.total is not None
        total = attrs.evolve(plan.annex.total, **changes)  # type: ignore[arg-type]
        return attrs.evolve(plan, annex=attrs.evolve(plan.annex, total=total))
    rows = [
        attrs.evolve(r, **changes) if r.unit == unit else r  # type: ignore[arg-type]
        for r in plan.annex.rows
    ]
    return attrs.evolve(plan, annex=attrs.evolve(plan.annex, rows=rows))


def row_location(unit: str | None) -> str:
    return "annex/total" if unit is None else f"annex/rows/{unit}"


def printed(plan: Plan, unit: str | None) -> PrintedRow:
    assert plan.annex is not None
    if unit is None:
        assert plan.annex.total is not None
        return plan.annex.total
    return next(r for r in plan.annex.rows if r.unit == unit)


# -- consistent plans ------------------------------------------------------------------------


@given(plans())
def test_a_consistent_plan_has_no_finding_of_any_rule(plan: Plan) -> None:
    report = check(plan)
    assert [str(f) for f in report] == []
    assert tuple(r.id for r in rules()) == report.rules


@given(plans(), st.lists(positive_money, min_size=7, max_size=7))
def test_a_plan_total_that_is_the_sum_of_its_components_has_no_finding(
    plan: Plan, amounts: list[Decimal]
) -> None:
    tops = [
        attrs.evolve(c, funding=FundingSplit(total=a))
        for c, a in zip(plan.components, amounts, strict=False)
    ]
    total = sum((c.funding.total for c in tops if c.funding and c.funding.total), Decimal(0))
    funded = attrs.evolve(plan, components=tops, funding_total=FundingSplit(total=total))
    assert list(check(funded, select="funding.plan-total")) == []


# -- funding ---------------------------------------------------------------------------------


@given(plans(), st.data(), money(), positive_money)
def test_a_total_that_is_not_the_sum_of_its_sources_is_found(
    plan: Plan, data: st.DataObject, central: Decimal, delta: Decimal
) -> None:
    split = FundingSplit(total=central + delta, central=central)
    codes = [c.code for c in plan.all_components()]
    where = data.draw(st.sampled_from(["funding_total", *codes]))
    if where == "funding_total":
        broken, location = attrs.evolve(plan, funding_total=split), "funding_total"
    else:
        broken, location = (
            replace_component(plan, where, funding=split),
            f"components/{where}/funding",
        )
    assert found(check(broken), "funding.sources-sum", location)


@given(plans(), st.data(), st.lists(positive_money, min_size=4, max_size=4), positive_money)
def test_a_parent_that_is_not_the_sum_of_its_children_is_found(
    plan: Plan, data: st.DataObject, amounts: list[Decimal], delta: Decimal
) -> None:
    parents = [c for c in plan.all_components() if c.children]
    assume(parents)
    parent = data.draw(st.sampled_from(parents))
    children = [
        attrs.evolve(child, funding=FundingSplit(total=a))
        for child, a in zip(parent.children, amounts, strict=False)
    ]
    total = sum(amounts[: len(children)], Decimal(0)) + delta
    broken = replace_component(
        plan, parent.code, children=children, funding=FundingSplit(total=total)
    )
    assert found(check(broken), "funding.parent-sum", f"components/{parent.code}/funding")


@given(plans(), st.lists(positive_money, min_size=7, max_size=7), positive_money)
def test_a_plan_total_that_is_not_the_sum_of_its_components_is_found(
    plan: Plan, amounts: list[Decimal], delta: Decimal
) -> None:
    tops = [
        attrs.evolve(c, funding=FundingSplit(total=a))
        for c, a in zip(plan.components, amounts, strict=False)
    ]
    total = sum(amounts[: len(tops)], Decimal(0)) + delta
    broken = attrs.evolve(plan, components=tops, funding_total=FundingSplit(total=total))
    assert found(check(broken), "funding.plan-total", "funding_total")


# -- annex -----------------------------------------------------------------------------------


@given(plans(), st.data(), st.integers(1, 1000))
def test_a_printed_count_that_is_not_the_units_is_found(
    plan: Plan, data: st.DataObject, delta: int
) -> None:
    unit = data.draw(st.sampled_from(plan.units))
    field = data.draw(st.sampled_from(["households", "poor_households", "reduction"]))
    row = printed(plan, unit.id)
    value = getattr(row, field)
    broken = replace_row(plan, unit.id, **{field: value + delta})
    assert found(check(broken), "annex.counts", f"annex/rows/{unit.id}/{field}")


@given(plans(), st.data(), st.integers(1, 1000))
def test_an_impossible_printed_row_is_found(plan: Plan, data: st.DataObject, delta: int) -> None:
    unit = data.draw(st.sampled_from([None, *(u.id for u in plan.units)]))
    row = printed(plan, unit)
    assert row.households is not None
    assert row.poor_households is not None
    if data.draw(st.booleans()):
        broken = replace_row(plan, unit, poor_households=row.households + delta)
        field = "poor_households"
    else:
        broken = replace_row(plan, unit, reduction=row.poor_households + delta)
        field = "reduction"
    assert found(check(broken), "annex.possible", f"{row_location(unit)}/{field}")


def shifted(value: Decimal, k: int) -> Decimal:
    """``value`` moved by ``k`` hundredths, staying within 0–100."""
    moved = value + k * CENT
    return moved if moved <= 100 else value - k * CENT


@given(plans(), st.data(), st.integers(1, 100))
def test_a_printed_rate_that_is_not_the_rate_of_its_counts_is_found(
    plan: Plan, data: st.DataObject, k: int
) -> None:
    unit = data.draw(st.sampled_from(plan.units)).id
    field = data.draw(st.sampled_from(["start_rate", "end_rate"]))
    value = getattr(printed(plan, unit), field)
    broken = replace_row(plan, unit, **{field: shifted(value, k)})
    assert found(check(broken), "annex.rate", f"annex/rows/{unit}/{field}")


@given(plans(), st.data(), st.integers(1, 100))
def test_a_printed_fall_of_the_rate_that_is_not_the_difference_is_found(
    plan: Plan, data: st.DataObject, k: int
) -> None:
    unit = data.draw(st.sampled_from([None, *(u.id for u in plan.units)]))
    value = printed(plan, unit).rate_reduction
    assert isinstance(value, Decimal)  # drawn plans print exact values
    broken = replace_row(plan, unit, rate_reduction=value + k * CENT)
    report = check(broken)
    assert found(report, "annex.rate-reduction", f"{row_location(unit)}/rate_reduction")
    assert {"annex.rate-reduction"} == {f.rule for f in report}


@given(plans(), st.data(), st.integers(1, 1000), st.integers(1, 100))
def test_a_total_row_that_is_not_the_sum_of_the_units_is_found(
    plan: Plan, data: st.DataObject, delta: int, k: int
) -> None:
    row = printed(plan, None)
    field = data.draw(
        st.sampled_from(["households", "poor_households", "reduction", "start_rate", "end_rate"])
    )
    value = getattr(row, field)
    new = shifted(value, k) if isinstance(value, Decimal) else value + delta
    broken = replace_row(plan, None, **{field: new})
    assert found(check(broken), "annex.total", f"annex/total/{field}")


# -- headline --------------------------------------------------------------------------------


@given(plans(), st.data(), st.integers(1, 10_000), st.integers(1, 100))
def test_a_headline_target_that_disagrees_with_the_annex_is_found(
    plan: Plan, data: st.DataObject, delta: int, k: int
) -> None:
    headline = [i for i, t in enumerate(plan.targets) if t.about is None]
    i = data.draw(st.sampled_from(headline))
    target = plan.targets[i]
    value = target.value.low
    if target.measure is Measure.END_RATE:
        assert isinstance(value, Decimal)
        new: int | Decimal = shifted(value, k)
    elif target.measure is Measure.END_COUNT:
        new = int(value) + delta
    else:
        poor = sum(u.poor_households or 0 for u in plan.units)  # drawn units have counts
        assume(poor > 0)
        new = (int(value) + 1 + delta % poor) % (poor + 1)
    targets = list(plan.targets)
    targets[i] = attrs.evolve(target, value=Quantity(new))
    broken = attrs.evolve(plan, targets=targets)
    assert found(check(broken), "headline.annex-total", f"targets/{i}")


# -- agencies --------------------------------------------------------------------------------


@given(plans(), st.data())
def test_a_lead_without_its_responsibility_is_found(plan: Plan, data: st.DataObject) -> None:
    component = data.draw(st.sampled_from(plan.components))
    assert component.lead is not None
    responsibilities = [
        attrs.evolve(r, components=[c for c in r.components if c != component.code])
        for r in plan.responsibilities
    ]
    broken = attrs.evolve(plan, responsibilities=responsibilities)
    assert found(check(broken), "agencies.lead-assigned", f"components/{component.code}/lead")


@given(plans(), st.data())
def test_a_responsibility_for_a_component_led_by_another_agency_is_found(
    plan: Plan, data: st.DataObject
) -> None:
    component = data.draw(st.sampled_from(list(plan.all_components())))
    assume(component.lead is not None)
    broken = attrs.evolve(
        plan,
        agencies=[*plan.agencies, Agency("other-agency", "Phòng Khác")],
        responsibilities=[
            *plan.responsibilities,
            Responsibility("other-agency", components=[component.code]),
        ],
    )
    report = check(broken)
    assert found(report, "agencies.assigned-led", f"responsibilities/{len(plan.responsibilities)}")
    assert not report.filter(rule="agencies.lead-assigned")


@given(plans(), st.data())
def test_an_agency_named_two_ways_is_found(plan: Plan, data: st.DataObject) -> None:
    agency = data.draw(st.sampled_from(plan.agencies))
    agencies = [
        attrs.evolve(a, aliases=[f"Văn phòng {a.name}"]) if a.id == agency.id else a
        for a in plan.agencies
    ]
    broken = attrs.evolve(plan, agencies=agencies)
    assert found(check(broken), "agencies.spelling", f"agencies/{agency.id}")


# -- dates -----------------------------------------------------------------------------------


@given(plans(), st.integers(2000, 2035), st.integers(1, 12))
def test_an_annex_dated_otherwise_than_the_plan_is_found(plan: Plan, year: int, month: int) -> None:
    date = PartialDate(year, month)
    assume(date != plan.header.date)
    assert plan.annex is not None
    broken = attrs.evolve(plan, annex=attrs.evolve(plan.annex, date=date))
    assert found(check(broken), "dates.annex", "annex/date")


@given(plans(), st.integers(0, 3000))
def test_a_basis_dated_after_the_plan_is_found(plan: Plan, days: int) -> None:
    assert plan.header.date is not None
    date = PartialDate.of(plan.header.date.last_day() + dt.timedelta(days=days))
    bases = [attrs.evolve(plan.legal_bases[0], date=date), *plan.legal_bases[1:]]
    broken = attrs.evolve(plan, legal_bases=bases)
    assert found(check(broken), "dates.bases-before-plan", "legal_bases/0/date")


@given(plans(), st.integers(2, 30), st.integers(1, 12))
def test_a_basis_dated_years_before_its_year_is_found(plan: Plan, years: int, month: int) -> None:
    basis = plan.legal_bases[0]
    assert basis.year is not None
    bases = [
        attrs.evolve(basis, date=PartialDate(basis.year - years, month)),
        *plan.legal_bases[1:],
    ]
    broken = attrs.evolve(plan, legal_bases=bases)
    assert found(check(broken), "dates.basis-year", "legal_bases/0/date")


def years_outside(period: Period) -> st.SearchStrategy[int]:
    return st.integers(1990, period.start - 1) | st.integers(period.end + 1, 2060)


@given(plans(), st.data())
def test_a_plan_outside_its_standards_period_is_found(plan: Plan, data: st.DataObject) -> None:
    standard = standard_of(plan)
    # outside every year it is in force: its own period and the years it was kept for
    year = data.draw(years_outside(Period(standard.years[0], standard.years[-1])))
    broken = attrs.evolve(plan, period=Period(year))
    assert found(check(broken), "dates.standard-period", "period")
    unknown = attrs.evolve(plan, standard="no-such-standard")
    assert found(check(unknown), "dates.standard-period", "standard")


@given(plans(), st.data())
def test_a_plan_outside_its_programmes_period_is_found(plan: Plan, data: st.DataObject) -> None:
    assert plan.programme is not None
    year = data.draw(years_outside(programme_catalog(plan.programme).period))
    broken = attrs.evolve(plan, period=Period(year))
    assert found(check(broken), "dates.programme-period", "period")


# -- coverage --------------------------------------------------------------------------------


@given(plans(), st.data())
def test_a_dimension_without_a_target_is_found(plan: Plan, data: st.DataObject) -> None:
    dimension = data.draw(st.sampled_from(standard_of(plan).dimensions)).id
    kept = [d for d in plan.deficit_indicators if d.dimension != dimension]
    report = check(attrs.evolve(plan, deficit_indicators=kept))
    assert [("deficit.coverage", "deficit_indicators", dimension)] == [
        (f.rule, f.location, f.expected) for f in report
    ]


@given(plans(), st.integers(8, 99))
def test_a_component_outside_the_catalog_is_found(plan: Plan, number: int) -> None:
    extra = ProjectComponent(f"DA{number}", "Dự án khác")
    broken = attrs.evolve(plan, components=[*plan.components, extra])
    assert found(check(broken), "programme.catalog", f"components/DA{number}")
    unknown = attrs.evolve(plan, programme="no-such-programme")
    assert found(check(unknown), "programme.catalog", "programme")
