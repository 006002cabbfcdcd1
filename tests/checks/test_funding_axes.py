"""Money as it is allocated: the funding rules along sources, kinds of capital, years and units.

The documents in ``tests/data`` are invented (or, for the national envelope, the reported
figures); their comments work every sum out by hand, and the expected values below are those.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from mdpoverty.checks import check, resolve
from mdpoverty.errors import MdpovertyError, ValidationError
from mdpoverty.io.files import load_plan, read_plan_text
from mdpoverty.model.document import Document
from mdpoverty.model.funding import Allocation, CapitalKind, FundingSplit
from mdpoverty.model.programme import ProjectComponent
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.values.dates import Period

DATA = Path(__file__).parent.parent / "data"
D = Decimal
INV, REC = CapitalKind.INVESTMENT, CapitalKind.RECURRENT


def findings(document: Document) -> list[tuple[str, str, object, object]]:
    return [(f.rule, f.location, f.expected, f.actual) for f in check(document, select="funding")]


# -- the 2027 provincial plan ------------------------------------------------------------------


def test_a_2027_provincial_plan_with_every_axis_has_no_finding() -> None:
    report = check(load_plan(DATA / "province-plan-2027.yaml"))

    assert [] == [str(f) for f in report]


def test_a_wrong_kind_of_capital_and_a_wrong_commune_are_one_error_each_at_their_place() -> None:
    plan = load_plan(DATA / "planted" / "province-plan-2027.yaml")

    # 5.600 + 2.500 = 8.100 against the central budget's 8.000; the communes 4.000 + 3.300 +
    # 3.000 + 2.000 = 12.300 against the total 12.000 (the file's comments).
    assert [str(f.severity) for f in check(plan)] == ["error", "error"]
    assert findings(plan) == [
        ("funding.capital-sum", "components/HP1/funding/central", D(8100), D(8000)),
        ("funding.unit-sum", "components/HP1/funding", D(12300), D(12000)),
    ]
    assert resolve(plan, "components/HP1/funding/central") == D(8000)


def test_an_allocation_is_a_place_a_finding_can_name() -> None:
    plan = load_plan(DATA / "province-plan-2027.yaml")

    cell = resolve(plan, "components/HP1/funding/allocations/2")

    assert cell == Allocation(source="central", capital=REC, amount=D(2400))


# -- the national envelope ---------------------------------------------------------------------


def _envelope() -> Document:
    return load_plan(DATA / "national-plan-2026-2030.yaml")


def _with_total(document: Document, split: FundingSplit) -> Document:
    return attrs.evolve(document, funding_total=split)


def test_the_programmes_envelope_is_written_and_checks() -> None:
    plan = _envelope()
    split = plan.funding_total
    assert split is not None

    assert findings(plan) == []
    assert split.value("central", INV) == D(70_000_000)
    assert split.value(source="policy-credit") == D(23_000_000)
    assert split.value(capital=REC) == D(30_000_000)


def test_a_wrong_kind_in_the_envelope_is_found_at_the_central_budget() -> None:
    plan = _envelope()
    assert plan.funding_total is not None
    allocations = list(plan.funding_total.allocations)
    allocations[2] = Allocation(source="central", capital=REC, amount=D(31_000_000))

    changed = _with_total(plan, attrs.evolve(plan.funding_total, allocations=allocations))

    assert findings(changed) == [
        ("funding.capital-sum", "funding_total/central", D(101_000_000), D(100_000_000))
    ]


def test_a_wrong_envelope_total_is_found_against_its_sources() -> None:
    plan = _envelope()
    assert plan.funding_total is not None

    changed = _with_total(plan, attrs.evolve(plan.funding_total, total=D(424_000_000)))

    # 100.000 + 300.000 + 23.000 billion = 423.000 billion
    assert findings(changed) == [
        ("funding.sources-sum", "funding_total", D(423_000_000), D(424_000_000))
    ]


# -- each axis, complete and partial -------------------------------------------------------------


def _plan(split: FundingSplit, *, years: tuple[int, int] = (2026, 2028)) -> Document:
    units = [AdministrativeUnit(u, f"Xã {u}", UnitKind.COMMUNE) for u in ("a", "b", "c")]
    plan = load_plan(DATA / "province-plan-2027.yaml")
    return attrs.evolve(
        plan,
        period=Period(*years),
        units=units,
        funding_total=None,
        components=[ProjectComponent("HP1", "Hợp phần 1", funding=split)],
    )


def _split(total: int, *cells: tuple[str, object, int]) -> FundingSplit:
    return FundingSplit(
        total=D(total),
        allocations=[Allocation(**{axis: value}, amount=D(n)) for axis, value, n in cells],  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ((("year", 2026, 100), ("year", 2027, 100), ("year", 2028, 100)), []),
        # 2028 not given: the rest may be 2028's
        ((("year", 2026, 100), ("year", 2027, 100)), []),
        ((("year", 2026, 100), ("year", 2027, 150), ("year", 2028, 100)), [D(350)]),
        # partial, and already more than the whole
        ((("year", 2026, 200), ("year", 2027, 150)), [D(350)]),
    ],
)
def test_the_years_of_a_multi_year_plan(
    cells: tuple[tuple[str, object, int], ...], expected: list[Decimal]
) -> None:
    found = findings(_plan(_split(300, *cells)))

    assert found == [("funding.year-sum", "components/HP1/funding", e, D(300)) for e in expected]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ((("unit", "a", 100), ("unit", "b", 150), ("unit", "c", 50)), []),
        ((("unit", "a", 100), ("unit", "b", 150)), []),
        ((("unit", "a", 100), ("unit", "b", 150), ("unit", "c", 40)), [D(290)]),
        ((("unit", "a", 200), ("unit", "b", 150)), [D(350)]),
    ],
)
def test_the_units_allocations(
    cells: tuple[tuple[str, object, int], ...], expected: list[Decimal]
) -> None:
    found = findings(_plan(_split(300, *cells)))

    assert found == [("funding.unit-sum", "components/HP1/funding", e, D(300)) for e in expected]


def test_one_kind_of_capital_alone_is_judged_only_when_it_exceeds_its_source() -> None:
    def split(investment: int) -> FundingSplit:
        return FundingSplit(
            total=D(100),
            central=D(100),
            allocations=[Allocation(source="central", capital=INV, amount=D(investment))],
        )

    assert findings(_plan(split(70))) == []
    assert findings(_plan(split(120))) == [
        ("funding.capital-sum", "components/HP1/funding/central", D(120), D(100))
    ]


def test_a_total_with_credit_is_more_than_its_kinds_of_capital() -> None:
    # Policy credit has no kind of capital: 100 = 60 (central) + 40 (credit), and the central
    # budget's 60 is all the investment and recurrent money there is.
    split = FundingSplit(
        total=D(100),
        central=D(60),
        allocations=[
            Allocation(source="policy-credit", amount=D(40)),
            Allocation(capital=INV, amount=D(45)),
            Allocation(capital=REC, amount=D(15)),
        ],
    )

    assert findings(_plan(split)) == []


def test_a_parent_and_its_children_agree_on_every_cell() -> None:
    def child(code: str, investment: int) -> ProjectComponent:
        cell = Allocation(source="central", capital=INV, amount=D(investment))
        return ProjectComponent(code, code, funding=FundingSplit(allocations=[cell]))

    parent = ProjectComponent(
        "HP1",
        "Hợp phần 1",
        funding=FundingSplit(allocations=[Allocation(source="central", capital=INV, amount=D(70))]),
        children=[child("HP1.TDA1", 30), child("HP1.TDA2", 50)],
    )
    plan = attrs.evolve(_plan(FundingSplit()), components=[parent])

    # 30 + 50 = 80 against the parent's 70, for the amount and for the one cell
    assert findings(plan) == [
        ("funding.parent-sum", "components/HP1/funding", D(80), D(70)),
        ("funding.parent-sum", "components/HP1/funding/allocations/0", D(80), D(70)),
    ]


# -- what cannot be written ----------------------------------------------------------------------


def test_a_cell_stated_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match="twice"):
        FundingSplit(central=D(1), allocations=[Allocation(source="central", amount=D(2))])


def test_an_allocation_of_another_kind_than_the_whole_split_is_refused() -> None:
    with pytest.raises(ValidationError, match="must be left blank"):
        FundingSplit(
            capital=REC, allocations=[Allocation(source="central", capital=INV, amount=D(2))]
        )


def test_an_allocation_to_an_unknown_unit_or_year_is_refused_at_its_place() -> None:
    split = FundingSplit(
        allocations=[Allocation(unit="z", amount=D(1)), Allocation(year=2031, amount=D(1))]
    )
    with pytest.raises(ValidationError) as raised:
        _plan(split)

    assert [p.path for p in raised.value.problems] == [
        "components/0/funding/allocations/0",
        "components/0/funding/allocations/1",
    ]


def test_the_old_form_keeps_its_meaning() -> None:
    split = FundingSplit(total=D(62), central=D(60), local=D(2), capital=REC)

    assert (split.amount, split.value(capital=REC), split.value(capital=INV)) == (
        D(62),
        D(62),
        None,
    )
    assert split.value("central", REC) == D(60)


def test_a_plan_file_with_wrong_allocations_names_each_at_its_line() -> None:
    text = (DATA / "province-plan-2027.yaml").read_text("utf-8")
    text = text.replace("{unit: xa-d, amount: 2000}", "{unit: xa-z, amount: 2000}")
    text = text.replace(
        "{source: mobilised, amount: 200}", "{source: mobilised, year: 2031, amount: 200}"
    )

    with pytest.raises(MdpovertyError) as raised:
        read_plan_text(text)

    message = str(raised.value)
    assert "line 51, components/0/funding/allocations/8/unit = 'xa-z': is not a unit id" in message
    assert (
        "line 66, components/1/funding/allocations/1/year = 2031: must lie in the period" in message
    )


def test_the_communes_of_one_district_are_not_the_whole_province() -> None:
    # districts d1 (communes a, b) and d2 (commune c): a and b are all of d1, not the province
    units = [
        AdministrativeUnit("d1", "Huyện 1", UnitKind.DISTRICT),
        AdministrativeUnit("d2", "Huyện 2", UnitKind.DISTRICT),
        AdministrativeUnit("a", "Xã a", UnitKind.COMMUNE, parent="d1"),
        AdministrativeUnit("b", "Xã b", UnitKind.COMMUNE, parent="d1"),
        AdministrativeUnit("c", "Xã c", UnitKind.COMMUNE, parent="d2"),
    ]

    base = attrs.evolve(_plan(FundingSplit()), units=units)

    def plan(*cells: tuple[str, object, int]) -> Document:
        component = ProjectComponent("HP1", "Hợp phần 1", funding=_split(300, *cells))
        return attrs.evolve(base, components=[component])

    assert findings(plan(("unit", "a", 100), ("unit", "b", 150))) == []
    # every commune: the province's whole, so 100 + 150 + 40 = 290 is not 300
    assert findings(plan(("unit", "a", 100), ("unit", "b", 150), ("unit", "c", 40))) == [
        ("funding.unit-sum", "components/HP1/funding", D(290), D(300))
    ]
    # a district and the communes of the other: the whole too
    assert findings(plan(("unit", "d1", 250), ("unit", "c", 40))) == [
        ("funding.unit-sum", "components/HP1/funding", D(290), D(300))
    ]
