"""Documents of every period: the standard and the programme in force in their year."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty import (
    AdministrativeUnit,
    Area,
    Header,
    HouseholdGroup,
    Measure,
    PartialDate,
    Period,
    Plan,
    ProjectComponent,
    Quantity,
    Severity,
    Target,
    UnitKind,
    check,
)
from mdpoverty.errors import PlanFileError
from mdpoverty.io.files import plan_from_data, plan_to_data
from mdpoverty.model.programme import ancestor
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.reference.programmes import programme_catalogs, programme_in_force, programme_of
from mdpoverty.reference.standards import standard_of


def _plan(year: int, **fields: object) -> Plan:
    """A commune plan of ``year`` with two villages' counts and a reduction each."""
    units = [
        AdministrativeUnit("thon-1", "Thôn 1", UnitKind.COMMUNE, 200, 20),
        AdministrativeUnit("thon-2", "Thôn 2", UnitKind.COMMUNE, 300, 15),
    ]
    targets = [
        Target(Measure.REDUCTION, Quantity(3), about="thon-1"),
        Target(Measure.REDUCTION, Quantity(2), about="thon-2"),
        Target(Measure.REDUCTION, Quantity(5), section="II.1"),
    ]
    header = Header(issuer="UBND xã Mẫu", date=PartialDate(year, 2), title="KẾ HOẠCH")
    return Plan(
        header=header,
        area=Area("xã Mẫu", UnitKind.COMMUNE),
        period=Period(year),
        units=units,
        targets=targets,
        **fields,  # type: ignore[arg-type]
    )


def _judged(plan: Plan) -> list[tuple[str, str]]:
    report = check(plan)
    return [(f.rule, f.location) for f in report if f.severity is not Severity.INFO]


def test_a_2019_plan_checks_without_a_false_error() -> None:
    # Decision 59/2015/QĐ-TTg was in force in 2019; a plan naming it is of its period.
    assert [] == _judged(_plan(2019, standard="decision-59-2015"))
    assert [] == _judged(_plan(2019))  # no standard named: the one in force applies


@pytest.mark.parametrize(
    ("year", "standard"),
    [(2016, "decision-59-2015"), (2021, "decision-59-2015"), (2026, "decree-07-2021")],
)
def test_the_standard_in_force_applies_where_none_is_named(year: int, standard: str) -> None:
    assert standard == standard_of(_plan(year)).id


def test_a_standard_not_in_force_in_the_year_is_a_finding() -> None:
    plan = _plan(2019, standard="decree-07-2021")  # in force from 2022
    assert [("dates.standard-period", "period")] == _judged(plan)


def test_a_2027_plan_is_checked_against_the_2026_2030_programme() -> None:
    assert programme_in_force(2027) is not None
    components = [ProjectComponent("HP1", "Nông thôn mới gắn với giảm nghèo bền vững")]
    plan = _plan(2027, components=components)
    assert "resolution-257-2025" == getattr(programme_of(plan), "id", None)
    assert [] == _judged(plan)
    old_code = _plan(2027, components=[ProjectComponent("DA3", "Hỗ trợ phát triển sản xuất")])
    assert [("programme.catalog", "components/DA3")] == _judged(old_code)


def test_a_misspelt_dimension_fails_to_load_naming_it_and_the_nearest_id() -> None:
    data = plan_to_data(bac_kan_2024())
    data["deficit_indicators"][3]["dimension"] = "helth"
    data["deficit_indicators"][4]["indicator"] = "vocational-training"
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(data, "plan.yaml")
    found = {p.path: p for p in caught.value.problems}
    assert {"deficit_indicators/3/dimension", "deficit_indicators/4/indicator"} == set(found)
    assert "did you mean 'health'?" in found["deficit_indicators/3/dimension"].reason
    assert "'vocational-training'" in found["deficit_indicators/4/indicator"].reason
    assert "information-access" in found["deficit_indicators/4/indicator"].reason


def test_the_units_counts_are_the_documents_start_of_year_figures() -> None:
    figures = _plan(2024).observations()
    assert {(f.about, f.group, f.count) for f in figures} == {
        ("thon-1", HouseholdGroup.ALL, 200),
        ("thon-1", HouseholdGroup.POOR, 20),
        ("thon-2", HouseholdGroup.ALL, 300),
        ("thon-2", HouseholdGroup.POOR, 15),
    }


@given(
    st.lists(
        st.sampled_from(["DA1", "DA4", "TDA3", "HP1", "ND2", "HD1", "1", "9"]),
        min_size=1,
        max_size=4,
    )
)
def test_a_catalog_resolves_a_code_through_its_ancestor_at_its_depth(parts: list[str]) -> None:
    code = ".".join(parts)
    for catalog in programme_catalogs():
        by_code = {e.code: e for e in catalog.entries}
        expected = by_code.get(ancestor(code, catalog.depth))
        assert (expected is not None) == (code in catalog)
        if expected is not None:
            assert expected is catalog.entry(code)
