"""Aggregation on the Bắc Kạn plan, with every expected value transcribed from the document.

The figures are those of section III.2 of the source document
(``examples/sources/bac-kan-2024-plan.vi.txt``), in million VND, and of its annex.  Group totals
that the document does not print (wards, communes, projects) are sums of its printed figures
worked out by hand here, never by the code under test.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from mdpoverty import FundingSplit, Level, Period, ProjectComponent
from mdpoverty.aggregate import (
    DEFICIT_COLUMNS,
    FUNDING_COLUMNS,
    NO_LEAD,
    NOT_STATED,
    UNIT_COLUMNS,
    RollupError,
    deficit_targets,
    funding_by_agency,
    funding_by_capital,
    funding_by_component,
    funding_by_source,
    rollup,
    units_by_kind,
)
from mdpoverty.errors import MdpovertyError
from mdpoverty.model.document import Document
from mdpoverty.model.programme import CapitalKind
from mdpoverty.reference.datasets import bac_kan_2024

D = Decimal

# Section III.2: "Kế hoạch vốn … X triệu đồng, trong đó: Ngân sách trung ương Y; ngân sách địa
# phương Z" for each funded component.  DA4.TDA1 states no local amount ("262 triệu đồng; ngân
# sách trung ương").  DA3.TDA1's sources (919 + 30) do not add up to its declared 1.021.
PRINTED: dict[str, tuple[int, int, int | None]] = {
    "DA2": (2332, 2264, 68),
    "DA3.TDA1": (1021, 919, 30),
    "DA3.TDA2": (75, 73, 2),
    "DA4.TDA1": (262, 262, None),
    "DA4.TDA3": (517, 502, 15),
    "DA6.TDA1": (62, 60, 2),
    "DA6.TDA2": (108, 105, 3),
    "DA7.TDA1": (315, 306, 9),
    "DA7.TDA2": (189, 184, 5),
}


@pytest.fixture(scope="module")
def plan() -> Document:
    return bac_kan_2024()


# -- funding by source -------------------------------------------------------------------------


def test_funding_by_source_adds_up_as_the_document(plan: Document) -> None:
    table = funding_by_source(plan)

    # 2264+919+73+262+502+60+105+306+184; 68+30+2+15+2+3+9+5; 2332+1021+…+189
    assert table.loc["central", "amount"] == D(4675)
    assert table.loc["local", "amount"] == D(134)
    assert table.loc["other", "amount"] == D(0)
    assert table.loc["total", "amount"] == D(4809)
    assert table.loc["declared", "amount"] == D(4881)


def test_funding_by_source_sums_the_transcribed_figures(plan: Document) -> None:
    table = funding_by_source(plan)

    assert table.loc["central", "amount"] == sum(D(c) for _, c, _ in PRINTED.values())
    assert table.loc["local", "amount"] == sum(D(v) for *_, v in PRINTED.values() if v)
    assert table.loc["declared", "amount"] == sum(D(t) for t, _, _ in PRINTED.values())


def test_funding_by_source_counts_statements(plan: Document) -> None:
    table = funding_by_source(plan)

    assert table["statements"].to_dict() == {
        "central": 9,
        "local": 8,  # DA4.TDA1 states none
        "other": 0,
        "total": 9,
        "declared": 9,
    }


def test_funding_by_source_shares(plan: Document) -> None:
    table = funding_by_source(plan)

    # 4675 / 4809 = 97.2135…%, 134 / 4809 = 2.7864…%
    assert table.loc["central", "share"] == D("97.21")
    assert table.loc["local", "share"] == D("2.79")
    assert table.loc["total", "share"] == D("100.00")
    assert table.loc["declared", "share"] is None


def test_funding_by_source_without_total(plan: Document) -> None:
    table = funding_by_source(plan, total=False)

    assert list(table.index) == ["central", "local", "other"]


def test_funding_by_source_dtypes(plan: Document) -> None:
    table = funding_by_source(plan)

    assert table.index.name == "source"
    assert list(table.columns) == ["amount", "share", "statements"]
    assert table["amount"].dtype == object
    assert all(isinstance(v, Decimal) for v in table["amount"])
    assert table["statements"].dtype == "Int64"


# -- funding by component ----------------------------------------------------------------------


def test_funding_by_component_rows_are_the_printed_figures(plan: Document) -> None:
    table = funding_by_component(plan)

    assert list(table.index) == [*PRINTED, "total"]
    for code, (declared, central, local) in PRINTED.items():
        assert table.loc[code, "declared"] == D(declared)
        assert table.loc[code, "central"] == D(central)
        assert table.loc[code, "local"] == D(local or 0)


def test_funding_by_component_keeps_declared_and_sources_apart(plan: Document) -> None:
    table = funding_by_component(plan)

    assert table.loc["DA3.TDA1", "declared"] == D(1021)
    assert table.loc["DA3.TDA1", "sources"] == D(949)
    assert table.loc["DA3.TDA1", "amount"] == D(1021)
    assert table.loc["total", "sources"] == D(4809)
    assert table.loc["total", "declared"] == D(4881)


def test_funding_by_project(plan: Document) -> None:
    table = funding_by_component(plan, Level.PROJECT)

    # DA3 = 1021 + 75, DA4 = 262 + 517, DA6 = 62 + 108, DA7 = 315 + 189
    assert table["declared"].to_dict() == {
        "DA2": D(2332),
        "DA3": D(1096),
        "DA4": D(779),
        "DA6": D(170),
        "DA7": D(504),
        "total": D(4881),
    }
    assert table.loc["DA3", "central"] == D(919 + 73)
    assert table.loc["DA4", "local"] == D(15)
    # 2332 / 4881 = 47.776…%
    assert table.loc["DA2", "share"] == D("47.78")
    assert table.loc["DA3", "level"] == 1
    assert table.loc["DA3", "name"] == "Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng"
    assert table["level"].isna().tolist() == [False] * 5 + [True]


def test_funding_by_subproject_keeps_a_project_without_subprojects(plan: Document) -> None:
    table = funding_by_component(plan, Level.SUBPROJECT)

    assert list(table.index) == [*PRINTED, "total"]


def test_funding_by_component_columns(plan: Document) -> None:
    table = funding_by_component(plan)

    assert table.index.name == "code"
    assert list(table.columns) == ["level", "name", *FUNDING_COLUMNS]
    assert table["level"].dtype == "Int64"
    assert table["statements"].dtype == "Int64"
    assert all(isinstance(v, Decimal) for c in FUNDING_COLUMNS[:-1] for v in table[c])


# -- funding by agency and by capital ----------------------------------------------------------


def test_funding_by_agency(plan: Document) -> None:
    table = funding_by_agency(plan)

    # "Phòng Kinh tế thành phố chủ trì": DA2, DA3.TDA1; "Trung tâm Y tế": DA3.TDA2;
    # "Phòng Văn hóa - Thông tin": DA6.TDA1; "Phòng Lao động - TB&XH": DA4, DA6.TDA2, DA7.
    assert table["declared"].to_dict() == {
        "labour": D(262 + 517 + 108 + 315 + 189),
        "economy": D(2332 + 1021),
        "health-centre": D(75),
        "culture-information": D(62),
        "total": D(4881),
    }
    assert table.loc["economy", "name"] == "Phòng Kinh tế thành phố"
    assert table.loc["labour", "statements"] == 5


def test_funding_by_capital(plan: Document) -> None:
    table = funding_by_capital(plan)

    # Only DA6.TDA1 names its capital: "62 triệu đồng từ vốn sự nghiệp".
    assert table["amount"].to_dict() == {
        "recurrent": D(62),
        "investment": D(0),
        NOT_STATED: D(4881 - 62),
        "total": D(4881),
    }
    assert table.loc["recurrent", "name"] == "vốn sự nghiệp"


# -- which funding counts ----------------------------------------------------------------------


def _plan_with(components: list[ProjectComponent]) -> Document:
    return attrs.evolve(bac_kan_2024(), components=components, responsibilities=(), annex=None)


def _component(
    code: str,
    funding: FundingSplit | None = None,
    children: tuple[ProjectComponent, ...] = (),
    lead: str | None = None,
) -> ProjectComponent:
    return ProjectComponent(
        code, f"Component {code}", funding=funding, children=children, lead=lead
    )


def test_children_funding_counts_rather_than_the_parents() -> None:
    child = _component("DA3.TDA1", FundingSplit(total=D(10), central=D(10)))
    parent = _component("DA3", FundingSplit(total=D(99), central=D(99)), (child,))

    table = funding_by_source(_plan_with([parent]))

    assert table.loc["central", "amount"] == D(10)
    assert table.loc["declared", "amount"] == D(10)


def test_parent_funding_counts_where_no_child_states_any() -> None:
    child = _component("DA3.TDA1", FundingSplit(capital=CapitalKind.INVESTMENT))
    parent = _component("DA3", FundingSplit(total=D(7), local=D(7)), (child,))

    table = funding_by_component(_plan_with([parent]))

    assert list(table.index) == ["DA3", "total"]
    assert table.loc["DA3", "local"] == D(7)


def test_a_source_only_split_counts_its_sources_as_its_amount() -> None:
    component = _component("DA2", FundingSplit(central=D(3), local=D("0.5")))

    table = funding_by_component(_plan_with([component]))

    assert table.loc["DA2", "declared"] == D(0)
    assert table.loc["DA2", "amount"] == D("3.5")


def test_lead_and_capital_are_inherited_from_the_parent() -> None:
    child = _component("DA4.TDA1", FundingSplit(total=D(5)))
    parent = _component("DA4", FundingSplit(capital=CapitalKind.RECURRENT), (child,), lead="labour")
    orphan = _component("DA2", FundingSplit(total=D(1)))

    plan = _plan_with([orphan, parent])

    assert funding_by_agency(plan)["amount"].to_dict() == {
        "labour": D(5),
        NO_LEAD: D(1),
        "total": D(6),
    }
    assert funding_by_capital(plan).loc["recurrent", "amount"] == D(5)


# -- deficit targets ---------------------------------------------------------------------------


def test_deficit_targets_by_dimension(plan: Document) -> None:
    table = deficit_targets(plan)

    assert list(table.columns) == list(DEFICIT_COLUMNS)
    assert list(table["dimension"]) == [
        None,
        None,
        None,
        "employment",
        "employment",
        "health",
        "education",
        "education",
        "housing",
        "water-sanitation",
        "water-sanitation",
        "information",
        "information",
    ]
    # II.2.b as printed: "Tối thiểu 50 người lao động", "ít nhất 63,5% … nhà tiêu", "99% trẻ em"
    assert table.loc["employment-job-matching", "value"] == 50
    assert table.loc["employment-job-matching", "comparison"] == "at-least"
    assert table.loc["employment-job-matching", "subject"] == "workers"
    assert table.loc["water-latrine", "value"] == D("63.5")
    assert table.loc["water-latrine", "comparison"] == "at-least"
    assert table.loc["education-school-attendance", "value"] == D(99)
    assert table.loc["information-telecom", "value"] == D(88)
    assert table.loc["housing-safe-homes", "value"] is None
    assert table.loc["housing-safe-homes", "kind"] == "qualitative"
    assert table.loc["health-insurance", "dimension_name"] == "y tế"


# -- units by kind -----------------------------------------------------------------------------


def test_units_by_kind(plan: Document) -> None:
    table = units_by_kind(plan)

    assert list(table.columns) == list(UNIT_COLUMNS)
    assert list(table.index) == ["ward", "commune", "total"]
    # Six phường: 2.347 + 827 + 2.494 + 1.416 + 2.036 + 1.382 households, 27 + 34 + 24 + 8 + 12
    # + 73 poor, reductions 2 + 2 + 1 + 1 + 1 + 3.  Two xã: 916 + 863, 34 + 29, 2 + 1.
    ward, commune, total = (table.loc[k] for k in ("ward", "commune", "total"))
    assert (ward["units"], ward["households"], ward["poor_households"]) == (6, 10502, 178)
    assert ward["reduction"] == 10
    assert ward["start_rate"] == D("1.69")  # 178 / 10502 = 1.6949…%
    assert ward["end_rate"] == D("1.60")  # 168 / 10502 = 1.5997…%
    assert (commune["units"], commune["households"], commune["poor_households"]) == (2, 1779, 63)
    assert commune["start_rate"] == D("3.54")  # 63 / 1779 = 3.5413…%
    assert commune["end_rate"] == D("3.37")  # 60 / 1779 = 3.3727…%
    assert commune["label"] == "xã"
    # The annex's printed total row: 12.281, 241, 1,96, 13, 0,10, 1,86.
    assert (total["households"], total["poor_households"], total["reduction"]) == (12281, 241, 13)
    assert (total["start_rate"], total["rate_reduction"], total["end_rate"]) == (
        D("1.96"),
        D("0.10"),
        D("1.86"),
    )
    assert table["households"].dtype == "Int64"


# -- roll-ups ----------------------------------------------------------------------------------


def test_rollup_of_the_plan_has_the_printed_total(plan: Document) -> None:
    combined = rollup([plan])

    assert combined.keys == ("thành phố Bắc Kạn",)
    row = combined.by_plan().loc["thành phố Bắc Kạn"]
    assert (row["households"], row["poor_households"], row["reduction"]) == (12281, 241, 13)
    assert row["end_rate"] == D("1.86")
    units = combined.units()
    assert units.loc["huyen-tung", "start_rate"] == D("5.28")
    assert units.loc["huyen-tung", "plan"] == "thành phố Bắc Kạn"
    assert len(units) == 9


def test_rollup_deficit_targets_side_by_side(plan: Document) -> None:
    other = attrs.evolve(
        plan, area=attrs.evolve(plan.area, name="B"), units=(), targets=(), annex=None
    )
    table = rollup([plan, other]).deficit_targets()

    assert list(table.columns) == ["dimension", "thành phố Bắc Kạn", "B"]
    assert table.loc["water-latrine", "thành phố Bắc Kạn"] == D("63.5")
    assert table.loc["housing-safe-homes", "B"] == "qualitative"
    rows = rollup([plan, other]).deficit_target_rows()
    assert rows.index.names == ["plan", "id"]
    assert len(rows) == 2 * len(plan.deficit_indicators)


def test_rollup_of_the_same_plan_twice_names_both_and_every_unit(plan: Document) -> None:
    with pytest.raises(RollupError) as info:
        rollup({"a": plan, "b": plan})

    assert len(info.value.problems) == len(plan.units)
    assert "Plan 'a' and plan 'b'" in str(info.value)
    assert "'nong-thuong'" in str(info.value)
    assert isinstance(info.value, MdpovertyError)
    assert isinstance(info.value, ValueError)


def test_rollup_of_different_years_and_standards(plan: Document) -> None:
    later = attrs.evolve(
        plan,
        area=attrs.evolve(plan.area, name="later"),
        period=Period(2025),
        standard="another-standard",
        units=(),
        targets=(),
        annex=None,
    )

    with pytest.raises(RollupError) as info:
        rollup([plan, later])

    message = str(info.value)
    assert "2 problems" in message
    assert "Plan 'thành phố Bắc Kạn' and plan 'later': 'period' must be the same" in message
    assert "'standard' must be the same: 'decree-07-2021 vs another-standard'" in message


def test_rollup_needs_a_plan_and_distinct_names(plan: Document) -> None:
    with pytest.raises(RollupError, match="at least one plan"):
        rollup([])
    empty = attrs.evolve(plan, units=(), targets=(), annex=None)
    with pytest.raises(RollupError, match="'key' must differ"):
        rollup([empty, empty])
