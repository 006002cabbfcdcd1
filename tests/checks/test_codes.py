"""The official-code rules: a unit's code is its own in the list in force at the document's date.

Codes and names come from the crosswalk's lists; a code is "planted wrong" by hand in each test.
"""

from __future__ import annotations

import functools

import attrs
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.checks import check, get_rule
from mdpoverty.checks.report import Severity
from mdpoverty.model.document import Document, Plan
from mdpoverty.model.header import Area, Header
from mdpoverty.model.units import AdministrativeUnit as Unit
from mdpoverty.model.units import UnitKind
from mdpoverty.reference import admin_units as au
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import new_unit_plans, old_unit_plans
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.names import core_key


@functools.cache
def _keyed(era: str) -> tuple[tuple[str, au.NewUnit | au.OldUnit], ...]:
    """Every unit of one side of the crosswalk with the key of its name, made once (ten
    thousand keys a drawn example took most of these properties' time)."""
    units = au.new_units() if era == "new" else au.old_units()
    return tuple((core_key(u.name), u) for u in units)


def plan_2027(
    *units: Unit, province: str | None = "Thái Nguyên", date: PartialDate | None = None
) -> Plan:
    """A 2027 plan of the new Thái Nguyên province over new units (Công văn 1027 codes)."""
    area = (
        Area("Thái Nguyên", UnitKind.PROVINCE)
        if province == "Thái Nguyên"
        else Area("xã Ba Bể", UnitKind.COMMUNE, province=province)
    )
    return Plan(
        header=Header("UBND tỉnh Thái Nguyên", date or PartialDate(2027, 1, 15), "KẾ HOẠCH"),
        area=area,
        period=Period(2027),
        units=units,
    )


RIGHT = (
    Unit("duc-xuan", "Phường Đức Xuân", UnitKind.WARD, code="01840"),
    Unit("bac-kan", "Phường Bắc Kạn", UnitKind.WARD, code="01843"),
    Unit("phong-quang", "Xã Phong Quang", UnitKind.COMMUNE, code="01849"),
    Unit("ba-be", "Xã Ba Bể", UnitKind.COMMUNE, code="01906"),
)


def units_findings(document: Document) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.location) for f in check(document, select="units")]


def with_unit(index: int, changed: Unit) -> Plan:
    units = list(RIGHT)
    units[index] = changed
    return plan_2027(*units)


def test_the_rules_are_registered_an_error_and_a_warning() -> None:
    assert Severity.ERROR is get_rule("units.code").severity
    assert Severity.WARNING is get_rule("units.code-old").severity


def test_right_codes_of_new_units_give_no_finding() -> None:
    assert [] == units_findings(plan_2027(*RIGHT))


def test_names_compare_as_people_write_them() -> None:
    # Old-style tone mark, lower case, the kind abbreviated: still Phường Bắc Kạn.
    assert [] == units_findings(with_unit(1, attrs.evolve(RIGHT[1], name="P.  bắc  kạn")))


def test_the_code_of_another_ward_is_one_error_at_its_place() -> None:
    findings = check(with_unit(0, attrs.evolve(RIGHT[0], code="01843")), select="units")
    assert [("units.code", "error", "units/duc-xuan/code")] == units_findings(
        with_unit(0, attrs.evolve(RIGHT[0], code="01843"))
    )
    assert "Phường Bắc Kạn" in findings[0].message
    assert ("Phường Bắc Kạn", "01843") == (findings[0].expected, findings[0].actual)


def test_a_code_that_does_not_exist_is_one_error() -> None:
    assert [("units.code", "error", "units/ba-be/code")] == units_findings(
        with_unit(3, attrs.evolve(RIGHT[3], code="01907"))
    )


def test_a_code_of_a_unit_of_another_province_is_one_error() -> None:
    # Xã Lý Bôn of Cao Bằng (01294) under its own name, in a plan of Thái Nguyên.
    plan = with_unit(3, attrs.evolve(RIGHT[3], code="01294", name="Xã Lý Bôn"))
    assert [("units.code", "error", "units/ba-be/code")] == units_findings(plan)


def test_a_code_of_another_level_is_one_error() -> None:
    # The ward's code and name given to a commune.
    assert [("units.code", "error", "units/duc-xuan/code")] == units_findings(
        with_unit(0, attrs.evolve(RIGHT[0], kind=UnitKind.COMMUNE))
    )


def test_a_province_code_is_checked_too() -> None:
    right = Unit("tn", "Tỉnh Thái Nguyên", UnitKind.PROVINCE, code="19")
    wrong = attrs.evolve(right, code="06")  # Bắc Kạn's old code, not a province from 2025
    assert [] == units_findings(plan_2027(right))
    assert [("units.code", "error", "units/tn/code")] == units_findings(plan_2027(wrong))


def test_where_the_province_is_not_known_only_the_code_and_name_are_judged() -> None:
    lyb = Unit("ly-bon", "Xã Lý Bôn", UnitKind.COMMUNE, code="01294")
    assert [] == units_findings(plan_2027(lyb, province=None))
    assert [] == units_findings(plan_2027(lyb, province="Tỉnh Không Có"))
    wrong = attrs.evolve(lyb, code="01297")
    assert [("units.code", "error", "units/ly-bon/code")] == units_findings(
        plan_2027(wrong, province=None)
    )


def test_a_document_that_may_fall_on_either_side_of_1_july_2025_is_not_judged() -> None:
    plan = plan_2027(attrs.evolve(RIGHT[0], code="99999"), date=PartialDate(2025))
    assert [] == units_findings(plan)


def test_units_without_codes_and_districts_are_not_judged() -> None:
    district = Unit("bk", "Thành phố Bắc Kạn", UnitKind.CITY, code="058")
    assert [] == units_findings(plan_2027(attrs.evolve(RIGHT[0], code=None), district))


def test_the_bac_kan_plans_codes_are_those_of_the_list_of_30_june_2025() -> None:
    assert [] == units_findings(bac_kan_2024())


def test_before_1_july_2025_a_wrong_code_is_a_warning() -> None:
    plan = bac_kan_2024()
    units = list(plan.units)
    units[1] = attrs.evolve(units[1], code="01837")  # Xuất Hóa given Sông Cầu's code
    findings = units_findings(attrs.evolve(plan, units=units))
    assert [("units.code-old", "warning", "units/xuat-hoa/code")] == findings


@given(new_unit_plans(), st.data())
def test_a_code_swapped_for_another_units_is_reported_there_and_only_there(
    plan: Plan, data: st.DataObject
) -> None:
    coded = [u for u in plan.units if u.code is not None]
    assert [] == units_findings(plan)
    if not coded:
        return
    victim = data.draw(st.sampled_from(coded))
    other = data.draw(
        st.sampled_from([u for key, u in _keyed("new") if key != core_key(victim.name)])
    )
    units = [attrs.evolve(u, code=other.code) if u is victim else u for u in plan.units]
    findings = units_findings(attrs.evolve(plan, units=units))
    assert [("units.code", "error", f"units/{victim.id}/code")] == findings


@given(old_unit_plans(), st.data())
def test_before_1_july_2025_a_swapped_code_is_one_warning_there(
    plan: Plan, data: st.DataObject
) -> None:
    coded = [u for u in plan.units if u.code is not None]
    assert [] == units_findings(plan)
    if not coded:
        return
    victim = data.draw(st.sampled_from(coded))
    # a code of the victim's kind (an island district's has 3 digits, a commune's 5)
    name, digits = core_key(victim.name), len(victim.code or "")
    other = data.draw(
        st.sampled_from([u for key, u in _keyed("old") if key != name and len(u.code) == digits])
    )
    units = [attrs.evolve(u, code=other.code) if u is victim else u for u in plan.units]
    findings = units_findings(attrs.evolve(plan, units=units))
    assert [("units.code-old", "warning", f"units/{victim.id}/code")] == findings
