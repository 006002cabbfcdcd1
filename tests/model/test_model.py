"""The plan model: what it holds, what it refuses, and the shapes of other plans."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import attrs
import pytest

from mdpoverty import (
    AdministrativeUnit,
    Agency,
    Area,
    CapitalKind,
    Comparison,
    DeficitIndicator,
    FundingSplit,
    Header,
    HouseholdGroup,
    IndicatorKind,
    Level,
    MdpovertyError,
    Measure,
    PartialDate,
    Period,
    Plan,
    Population,
    ProjectComponent,
    Quantity,
    Responsibility,
    Subject,
    Target,
    UnitKind,
    UnknownNameError,
    ValidationError,
    annex_rows,
)
from mdpoverty.reference.datasets import bac_kan_2024


def header(year: int = 2024) -> Header:
    return Header(issuer="UBND tỉnh X", date=PartialDate(year, 1), title="KẾ HOẠCH")


def minimal_plan(**changes: object) -> Plan:
    fields: dict[str, object] = {
        "header": header(),
        "area": Area("huyện X", UnitKind.DISTRICT),
        "period": Period(2024),
        "standard": "decree-07-2021",
        "units": [AdministrativeUnit("a", "Xã A", UnitKind.COMMUNE, 100, 10)],
    }
    fields.update(changes)
    return Plan(**fields)  # type: ignore[arg-type]


# -- invalid values raise the library's exception, naming object, field and value ---------------


def test_errors_belong_to_the_library_hierarchy_and_to_value_error() -> None:
    assert issubclass(ValidationError, MdpovertyError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(UnknownNameError, KeyError)


@pytest.mark.parametrize(
    ("kwargs", "field", "value", "reason"),
    [
        ({"households": -3}, "households", -3, "must be >= 0"),
        ({"poor_households": -1}, "poor_households", -1, "must be >= 0"),
        ({"poor_households": 101}, "poor_households", 101, "must be <= households (100)"),
        ({"households": 10.0}, "households", 10.0, "must be an int, not float"),
        ({"households": "100"}, "households", "100", "must be an int, not str"),
        ({"poor_households": True}, "poor_households", True, "must be an int, not bool"),
        ({"near_poor_households": 95}, "near_poor_households", 95, "plus poor_households"),
        ({"id": "Xã A"}, "id", "Xã A", "lowercase ASCII"),
        ({"name": " "}, "name", " ", "must not be blank"),
        ({"kind": "xã"}, "kind", "xã", "must be UnitKind"),
    ],
)
def test_invalid_unit_fields(
    kwargs: dict[str, object], field: str, value: object, reason: str
) -> None:
    fields: dict[str, object] = {
        "id": "a",
        "name": "Xã A",
        "kind": UnitKind.COMMUNE,
        "households": 100,
        "poor_households": 10,
    }
    fields.update(kwargs)
    with pytest.raises(ValidationError) as error:
        AdministrativeUnit(**fields)  # type: ignore[arg-type]
    [problem] = error.value.problems
    assert (problem.field, problem.value) == (field, value)
    assert reason in problem.reason
    assert "AdministrativeUnit" in str(error.value)
    assert repr(value) in str(error.value)


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(ValidationError) as error:
        AdministrativeUnit("a", "", UnitKind.WARD, -3, True)
    assert [p.field for p in error.value.problems] == ["name", "households", "poor_households"]
    assert str(error.value).startswith("3 problems:")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"total": Decimal(-1)}, "total"),
        ({"central": -5}, "central"),  # an int is not an amount: amounts are Decimal
        ({"local": 2.5}, "local"),
        ({"other": Decimal("NaN")}, "other"),
        ({"capital": "vốn sự nghiệp"}, "capital"),
    ],
)
def test_invalid_funding(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        FundingSplit(**kwargs)  # type: ignore[arg-type]
    assert [p.field for p in error.value.problems] == [field]


def test_funding_split_keeps_the_declared_total_as_printed() -> None:
    # III.2.2.1: "1.021 triệu đồng, trong đó: Ngân sách trung ương 919 …; ngân sách địa phương: 30"
    split = FundingSplit(total=Decimal(1021), central=Decimal(919), local=Decimal(30))
    assert split.total == Decimal(1021)
    assert split.sources_sum == Decimal(949)
    assert FundingSplit(central=Decimal(262)).amount == Decimal(262)
    assert FundingSplit().sources_sum is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": IndicatorKind.SHARE, "value": Quantity(Decimal(101))}, "value"),
        ({"kind": IndicatorKind.SHARE, "value": Quantity(Decimal(-1))}, "value"),
        ({"kind": IndicatorKind.SHARE, "value": Quantity(100)}, "value"),
        ({"kind": IndicatorKind.COUNT, "value": Quantity(Decimal("50.5"))}, "value"),
        ({"kind": IndicatorKind.QUALITATIVE, "value": Quantity(3)}, "value"),
        ({"kind": IndicatorKind.SHARE, "value": None}, "value"),
        ({"dimension": "Việc làm"}, "dimension"),
        ({"text": ""}, "text"),
    ],
)
def test_invalid_deficit_indicators(kwargs: dict[str, object], field: str) -> None:
    fields: dict[str, object] = {
        "id": "x",
        "dimension": "employment",
        "kind": IndicatorKind.SHARE,
        "value": Quantity(Decimal(100)),
        "population": Population(Subject.WORKERS),
        "text": "100% người lao động",
    }
    fields.update(kwargs)
    with pytest.raises(ValidationError) as error:
        DeficitIndicator(**fields)  # type: ignore[arg-type]
    assert [p.field for p in error.value.problems] == [field]


@pytest.mark.parametrize(
    ("measure", "value"),
    [
        (Measure.REDUCTION, Quantity(Decimal("1.5"))),
        (Measure.END_RATE, Quantity(2)),
        (Measure.END_RATE, Quantity(Decimal(101))),
        (Measure.REDUCTION, Quantity(-1)),
    ],
)
def test_invalid_targets(measure: Measure, value: Quantity) -> None:
    with pytest.raises(ValidationError, match="'value'"):
        Target(measure, value)


def test_quantity_ranges() -> None:
    assert Quantity(840, 930).vi() == "840–930"
    assert Quantity(Decimal("6.5"), Decimal("7.2")).vi() == "6,5–7,2"
    with pytest.raises(ValidationError, match="'high'"):
        Quantity(930, 840)
    with pytest.raises(ValidationError, match="same type"):
        Quantity(1, Decimal(2))
    with pytest.raises(ValidationError, match="'low'"):
        Quantity(1.5)  # type: ignore[arg-type]


def test_component_codes_and_hierarchy() -> None:
    activity = ProjectComponent("DA3.TDA2.HD1", "Về truyền thông dinh dưỡng")
    sub = ProjectComponent("DA3.TDA2", "Cải thiện dinh dưỡng", children=[activity])
    project = ProjectComponent("DA3", "Hỗ trợ phát triển sản xuất", children=[sub])
    assert [c.level for c in project.walk()] == [Level.PROJECT, Level.SUBPROJECT, Level.ACTIVITY]
    assert activity.number == 1
    assert isinstance(project.children, tuple)
    with pytest.raises(ValidationError, match="must extend the parent's code"):
        ProjectComponent("DA4", "x", children=[sub])
    with pytest.raises(ValidationError, match="'code'"):
        ProjectComponent("Dự án 3", "x")
    with pytest.raises(ValidationError, match="repeats the code of item 0"):
        ProjectComponent("DA3", "x", children=[sub, sub])


def test_references_must_resolve_and_all_are_reported() -> None:
    with pytest.raises(ValidationError) as error:
        minimal_plan(
            components=[ProjectComponent("DA2", "x", lead="nobody")],
            responsibilities=[Responsibility("ghost", components=["DA9"])],
            targets=[Target(Measure.REDUCTION, Quantity(1), about="zz")],
        )
    fields = sorted((p.field, p.value) for p in error.value.problems)
    assert fields == [
        ("about", "zz"),
        ("agency", "ghost"),
        ("components", "DA9"),
        ("lead", "nobody"),
    ]


def test_a_reduction_larger_than_the_poor_households_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        minimal_plan(targets=[Target(Measure.REDUCTION, Quantity(11), about="a")])
    [problem] = error.value.problems
    assert problem.field == "value"
    assert "must not exceed the poor households at the start (10)" in problem.reason


def test_duplicate_ids_are_refused() -> None:
    unit = AdministrativeUnit("a", "Xã A", UnitKind.COMMUNE, 100, 10)
    with pytest.raises(
        ValidationError, match="Plan at units/1: 'id' repeats the unit id of item 0: 'a'"
    ):
        minimal_plan(units=[unit, unit])
    with pytest.raises(ValidationError, match="must not repeat a code"):
        minimal_plan(components=[ProjectComponent("DA2", "x"), ProjectComponent("DA2", "y")])


def test_sub_projects_are_not_top_level_components() -> None:
    with pytest.raises(ValidationError, match="must be a project"):
        minimal_plan(components=[ProjectComponent("DA3.TDA1", "x")])


def test_target_years_lie_in_the_period() -> None:
    with pytest.raises(ValidationError, match="must lie in the period 2024"):
        minimal_plan(targets=[Target(Measure.END_RATE, Quantity(Decimal(1)), year=2025)])


# -- frozen, normalized, looked up by identifier -------------------------------------------------


def test_model_objects_are_frozen_and_hold_tuples() -> None:
    plan = bac_kan_2024()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan.units = ()  # type: ignore[misc]
    assert isinstance(plan.units, tuple)
    units = [AdministrativeUnit("a", "Xã A", UnitKind.COMMUNE, 100, 10)]
    plan = minimal_plan(units=units)
    units.clear()
    assert len(plan.units) == 1


def test_names_are_stored_in_nfc_and_looked_up_in_any_form() -> None:
    decomposed = unicodedata.normalize("NFD", "Phường Huyền Tụng")
    unit = AdministrativeUnit("huyen-tung", decomposed, UnitKind.WARD, 1382, 73)
    assert unit.name == unicodedata.normalize("NFC", decomposed)
    plan = bac_kan_2024()
    assert plan.unit(decomposed).id == "huyen-tung"
    assert plan.agency(unicodedata.normalize("NFD", "Phòng Văn hóa - Thông tin")).id == (
        "culture-information"
    )


def test_one_agency_spelt_two_ways_is_one_agency() -> None:
    plan = bac_kan_2024()
    assert plan.agency("Phòng Văn hóa - Thông tin") is plan.agency("Phòng Văn hóa và Thông tin")
    with pytest.raises(UnknownNameError, match="Phòng Nội vụ"):
        plan.agency("Phòng Nội vụ")


def test_lookup_of_components() -> None:
    plan = bac_kan_2024()
    assert plan.component("DA4.TDA3").funding == FundingSplit(
        total=Decimal(517), central=Decimal(502), local=Decimal(15)
    )
    with pytest.raises(UnknownNameError):
        plan.component("DA9")


# -- the shapes of other plans (DESIGN.md §1) ------------------------------------------------------


def test_a_province_whose_units_are_districts_with_ranged_targets() -> None:
    # "phấn đấu giảm 6,5–7,2%", "840–930 hộ": a province assigns ranges to its districts.
    districts = [
        AdministrativeUnit("pac-nam", "Huyện Pác Nặm", UnitKind.DISTRICT, 8_000, 2_500),
        AdministrativeUnit("bac-kan", "Thành phố Bắc Kạn", UnitKind.CITY, 12_281, 241),
    ]
    plan = Plan(
        header=Header(issuer="UBND tỉnh Bắc Kạn", date=PartialDate(2024, 2, 6), title="KẾ HOẠCH"),
        area=Area("tỉnh Bắc Kạn", UnitKind.PROVINCE),
        period=Period(2024),
        standard="decree-07-2021",
        units=districts,
        targets=[
            Target(Measure.REDUCTION, Quantity(840, 930), about="pac-nam"),
            Target(
                Measure.RATE_REDUCTION, Quantity(Decimal("6.5"), Decimal("7.2")), about="pac-nam"
            ),
            Target(Measure.REDUCTION, Quantity(13), about="bac-kan"),
        ],
    )
    total = annex_rows(plan)[-1]
    assert total.reduction == Quantity(853, 943)
    assert total.households == 20_281


def test_near_poor_households_and_their_targets() -> None:
    unit = AdministrativeUnit("a", "Xã A", UnitKind.COMMUNE, 1000, 50, near_poor_households=80)
    assert unit.near_poverty_rate == Decimal("8.00")
    plan = minimal_plan(
        units=[unit],
        targets=[
            Target(Measure.REDUCTION, Quantity(10), group=HouseholdGroup.NEAR_POOR, about="a"),
            Target(Measure.END_RATE, Quantity(Decimal(7)), group=HouseholdGroup.NEAR_POOR),
        ],
    )
    assert plan.unit_target("a", Measure.REDUCTION, HouseholdGroup.NEAR_POOR) is not None
    with pytest.raises(ValidationError, match="near-poor households at the start"):
        minimal_plan(
            units=[unit],
            targets=[
                Target(Measure.REDUCTION, Quantity(81), group=HouseholdGroup.NEAR_POOR, about="a")
            ],
        )


def test_projects_1_and_5_with_investment_capital() -> None:
    agency = Agency("construction", "Phòng Kinh tế và Hạ tầng")
    components = [
        ProjectComponent(
            "DA1",
            "Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo",
            lead="construction",
            funding=FundingSplit(
                total=Decimal("45000"),
                central=Decimal("42000"),
                local=Decimal("3000"),
                capital=CapitalKind.INVESTMENT,
            ),
        ),
        ProjectComponent(
            "DA5",
            "Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo",
            lead="construction",
            funding=FundingSplit(
                total=Decimal("4400"), central=Decimal("4000"), other=Decimal(400)
            ),
        ),
    ]
    plan = minimal_plan(components=components, agencies=[agency])
    assert [c.code for c in plan.all_components()] == ["DA1", "DA5"]
    assert plan.component("DA1").funding is not None


def test_a_multi_year_plan_with_yearly_targets() -> None:
    plan = minimal_plan(
        header=header(2021),
        period=Period(2021, 2025),
        targets=[
            Target(
                Measure.RATE_REDUCTION,
                Quantity(Decimal(1), Decimal("1.5")),
                year=y,
                comparison=Comparison.AT_LEAST,
            )
            for y in range(2021, 2026)
        ],
    )
    assert str(plan.period) == "2021–2025"
    assert plan.year == 2025
    assert 2023 in plan.period
    assert 2026 not in plan.period


def test_qualitative_and_count_deficit_targets() -> None:
    housing = DeficitIndicator(
        id="housing",
        dimension="housing",
        kind=IndicatorKind.QUALITATIVE,
        population=Population(Subject.HOUSEHOLDS, [HouseholdGroup.POOR]),
        text="Hỗ trợ hộ nghèo có khó khăn về nhà ở",
    )
    jobs = DeficitIndicator(
        id="jobs",
        dimension="employment",
        kind=IndicatorKind.COUNT,
        value=Quantity(50),
        comparison=Comparison.AT_LEAST,
        population=Population(Subject.WORKERS),
        text="Tối thiểu 50 người lao động",
    )
    assert housing.value is None
    assert jobs.value == Quantity(50)


@pytest.mark.parametrize(
    "key",
    [
        "Phường Xuất Hoá",  # the other tone-mark placement
        "phường xuất hóa",
        "Phường  Xuất Hóa ",
        unicodedata.normalize("NFD", "Phường Xuất Hoá"),
    ],
)
def test_plan_unit_accepts_names_as_people_write_them(key: str) -> None:
    assert "xuat-hoa" == bac_kan_2024().unit(key).id


@pytest.mark.parametrize(
    "key",
    [
        "phòng lao động - thương binh và xã hội",
        unicodedata.normalize("NFD", "Phòng Lao động - Thương binh và Xã hội"),
    ],
)
def test_plan_agency_accepts_names_as_people_write_them(key: str) -> None:
    assert "labour" == bac_kan_2024().agency(key).id
