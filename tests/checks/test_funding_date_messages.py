"""The findings of the funding, dates, units, deficit, programme and agencies rules read in one
language: in Vietnamese no English word, in English no Vietnamese one, apart from the document's
names and quoted values (and the rule id and location, which are for programs).

The documents are the worked example, every test document (the planted ones too), each of them
with a defect planted by hand for every rule, and funding splits drawn by Hypothesis with one
cell raised.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from mdpoverty.checks import Finding, check, rules
from mdpoverty.errors import MdpovertyError
from mdpoverty.i18n import Lang, number
from mdpoverty.io.files import load_plan
from mdpoverty.model.document import Document, Plan
from mdpoverty.model.funding import FundingKey, FundingSplit
from mdpoverty.model.header import Area, Header
from mdpoverty.model.programme import ProjectComponent
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference import admin_units as au
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import (
    allocated_splits,
    english_words,
    money,
    plans,
    vietnamese_words,
    without,
)
from mdpoverty.values.dates import PartialDate, Period

DATA = Path(__file__).parent.parent / "data"
DOCUMENTS = sorted(DATA.rglob("*.yaml"))
# The rules whose messages these tests hold to both languages.
RULES = ("funding", "dates", "units", "deficit", "programme", "agencies")
# Names of the library's own functions that a finding cites (for programs, in both languages).
CODE_NAMES = (
    "mdpoverty.reference.standards.poverty_standards()",
    "mdpoverty.reference.programmes.programme_catalogs()",
)


def _strings(value: object) -> Iterator[str]:
    """Every text a document (or a finding's value) holds, at any depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(cast(Any, type(value))):
            yield from _strings(getattr(value, field.name))


@functools.cache
def _names(document: Document) -> tuple[str, ...]:
    """The document's names as printed: its texts that are not plain ASCII ids."""
    return tuple(s for s in set(_strings(document)) if not s.isascii())


def _listed(code: object) -> Iterator[str]:
    """The names the official lists give the unit of ``code`` and its province."""
    for find in (au.new_unit, au.old_unit):
        try:
            unit = find(str(code))
        except MdpovertyError:
            continue
        yield unit.name
        yield unit.province


def _words(finding: Finding, document: Document, lang: Lang) -> set[str]:
    """The words of the finding in ``lang`` that belong to the other language."""
    text = finding.text(lang).replace(finding.rule, " ").replace(finding.location, " ")
    names = (*_names(document), *_strings((finding.expected, finding.actual)), *CODE_NAMES)
    if finding.rule.startswith("units."):
        names += tuple(_listed(finding.actual))
    text = without(text, names)
    return english_words(text) if lang == "vi" else vietnamese_words(text)


def _mixed(document: Document) -> list[tuple[str, Lang, set[str]]]:
    return [
        (f.text(lang), lang, words)
        for f in check(document, select=RULES)
        for lang in ("vi", "en")
        if (words := _words(f, document, lang))
    ]


@functools.cache
def _document(name: str) -> Document:
    return bac_kan_2024() if name == "bac-kan-2024" else load_plan(DATA / name)


NAMES = ("bac-kan-2024", *(str(p.relative_to(DATA)) for p in DOCUMENTS))


@pytest.mark.parametrize("name", NAMES)
def test_the_findings_of_a_test_document_read_in_one_language(name: str) -> None:
    assert _mixed(_document(name)) == []


def test_the_worked_example_s_findings_read_naturally_in_both_languages() -> None:
    report = check(bac_kan_2024())
    assert [f.text("vi") for f in report] == [
        (
            "lỗi funding.sources-sum components/DA3.TDA1/funding: tổng kinh phí ghi trong văn bản "
            "là 1.021, không bằng tổng các nguồn vốn: 919 (ngân sách trung ương) + 30 (ngân sách "
            "địa phương) = 949 (mong đợi 949, thực tế 1.021)"
        ),
        (
            "thông tin agencies.spelling agencies/culture-information: cơ quan "
            "'culture-information' được ghi tên theo 2 cách: 'Phòng Văn hóa và Thông tin', "
            "'Phòng Văn hóa - Thông tin' (mong đợi 'Phòng Văn hóa và Thông tin', thực tế "
            "('Phòng Văn hóa - Thông tin'))"
        ),
        (
            "lỗi dates.annex annex/date: phụ lục ghi ban hành tháng 4 năm 2024, còn kế hoạch ban "
            "hành tháng 3 năm 2024 (mong đợi 2024-03, thực tế 2024-04)"
        ),
        (
            "cảnh báo dates.basis-year legal_bases/0/date: Nghị quyết 366/NQ - HĐND là văn bản về "
            "năm 2024 nhưng ban hành ngày 18/12/2022: văn bản hằng năm về năm 2024 được ban hành "
            "từ năm 2023 trở đi (mong đợi 'từ năm 2023 trở đi', thực tế 2022-12-18)"
        ),
    ]
    assert [f.text("en") for f in report] == [
        (
            "error funding.sources-sum components/DA3.TDA1/funding: the declared total 1,021 is "
            "not the sum of its sources 919 (central budget) + 30 (local budget) = 949 (expected "
            "949, actual 1,021)"
        ),
        (
            "info agencies.spelling agencies/culture-information: agency 'culture-information' is "
            "named 2 ways: 'Phòng Văn hóa và Thông tin', 'Phòng Văn hóa - Thông tin' (expected "
            "'Phòng Văn hóa và Thông tin', actual ('Phòng Văn hóa - Thông tin'))"
        ),
        (
            "error dates.annex annex/date: the annex is dated 2024-04, the plan 2024-03 (expected "
            "2024-03, actual 2024-04)"
        ),
        (
            "warning dates.basis-year legal_bases/0/date: Resolution 366/NQ - HĐND is about 2024 "
            "but dated 2022-12-18: annual documents on 2024 are adopted from 2023 on (expected "
            "'in 2023 or later', actual 2022-12-18)"
        ),
    ]
    assert _mixed(bac_kan_2024()) == []


# -- a defect planted for every rule --------------------------------------------------------


def _bac_kan() -> Plan:
    plan = bac_kan_2024()
    assert isinstance(plan, Plan)
    return plan


def _component(plan: Plan, code: str, **changes: Any) -> Plan:
    def change(c: ProjectComponent) -> ProjectComponent:
        children = tuple(change(child) for child in c.children)
        c = attrs.evolve(c, children=children)
        return attrs.evolve(c, **changes) if c.code == code else c

    return attrs.evolve(plan, components=[change(c) for c in plan.components])


def _new_units_plan(*units: AdministrativeUnit) -> Plan:
    return Plan(
        header=Header("UBND tỉnh Thái Nguyên", PartialDate(2027, 1, 15), "KẾ HOẠCH"),
        area=Area("Thái Nguyên", UnitKind.PROVINCE),
        period=Period(2027),
        units=units,
    )


def _planted() -> dict[str, Document]:
    """Documents each with a defect of one kind, and the rules that must find it."""
    plan = _bac_kan()
    basis = plan.legal_bases[0]
    unit = plan.units[1]
    review = load_plan(DATA / "province-review-2024.yaml")
    ward = AdministrativeUnit("duc-xuan", "Phường Đức Xuân", UnitKind.WARD, code="01840")
    funded = FundingSplit(total=Decimal(100), central=Decimal(60), local=Decimal(40))
    return {
        "dates.bases-before-plan": attrs.evolve(
            plan, legal_bases=[attrs.evolve(basis, date=PartialDate(2024, 5, 2))]
        ),
        "dates.standard-period": attrs.evolve(plan, period=Period(2024, 2027)),
        "dates.standard-period unknown": attrs.evolve(plan, standard="decree-99-2099"),
        "dates.standard-period review": attrs.evolve(review, standard="decision-59-2015"),
        "dates.standard-period outside": attrs.evolve(
            plan, standard="decree-351-2025", period=Period(2024)
        ),
        "dates.programme-period": attrs.evolve(plan, period=Period(2030)),
        "programme.catalog unknown": attrs.evolve(plan, programme="decision-0-2000"),
        "units.code-old": attrs.evolve(
            plan, units=[attrs.evolve(u, code="99999") if u == unit else u for u in plan.units]
        ),
        "units.code-old other": attrs.evolve(
            plan,
            units=[
                attrs.evolve(u, code=plan.units[0].code) if u == unit else u for u in plan.units
            ],
        ),
        "units.code": _new_units_plan(attrs.evolve(ward, code="01907")),
        "units.code name": _new_units_plan(attrs.evolve(ward, code="01843")),
        "units.code kind": _new_units_plan(attrs.evolve(ward, kind=UnitKind.COMMUNE)),
        "units.code province": _new_units_plan(
            AdministrativeUnit("ly-bon", "Xã Lý Bôn", UnitKind.COMMUNE, code="01294")
        ),
        "deficit.coverage": attrs.evolve(
            plan,
            deficit_indicators=[d for d in plan.deficit_indicators if d.dimension != "housing"],
        ),
        "agencies.lead-assigned": _component(plan, "DA2", lead="health-centre"),
        "funding.parent-sum": _component(plan, "DA3", funding=funded),
        "funding.plan-total": attrs.evolve(plan, funding_total=funded),
    }


PLANTED = _planted()


@pytest.mark.parametrize("what", sorted(PLANTED))
def test_a_planted_defect_is_found_and_reads_in_one_language(what: str) -> None:
    document = PLANTED[what]
    rule = what.split(" ", maxsplit=1)[0]
    assert rule in {f.rule for f in check(document, select=RULES)}, what
    assert _mixed(document) == []


def test_every_rule_of_the_groups_has_a_finding_here() -> None:
    # The funding rules along an axis are the drawn splits' (below); every other rule has a
    # finding on the worked example or a planted document, so no message goes untested.
    found = {f.rule for d in (bac_kan_2024(), *PLANTED.values()) for f in check(d, select=RULES)}
    drawn = {"funding.sources-sum", "funding.capital-sum", "funding.year-sum", "funding.unit-sum"}
    assert {r.id for r in rules(select=RULES)} <= found | drawn


# -- funding splits drawn, one cell raised ------------------------------------------------------

UNITS = ("a", "b", "c")
YEARS = (2026, 2027, 2028)


@functools.cache
def _base() -> Document:
    units = [AdministrativeUnit(u, f"Xã {u}", UnitKind.COMMUNE) for u in UNITS]
    plan = load_plan(DATA / "province-plan-2027.yaml")
    return attrs.evolve(
        plan, period=Period(YEARS[0], YEARS[-1]), units=units, funding_total=None, components=()
    )


def _raise(split: FundingSplit, key: FundingKey, delta: Decimal) -> FundingSplit:
    if key == FundingKey():
        return attrs.evolve(split, total=(split.total or 0) + delta)
    if key == FundingKey(key.source) and key.source in ("central", "local", "other"):
        field = str(key.source)
        return attrs.evolve(split, **{field: getattr(split, field) + delta})
    allocations = [
        attrs.evolve(a, amount=a.amount + delta) if a.key == key else a for a in split.allocations
    ]
    return attrs.evolve(split, allocations=allocations)


@given(allocated_splits(UNITS, YEARS), st.data())
def test_a_raised_cell_s_findings_read_in_one_language(
    split: FundingSplit, data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(sorted(split.cells(), key=str)))
    delta = data.draw(money(1000).map(lambda d: d + Decimal("0.001")))
    raised = _raise(split, key, delta)
    plan = attrs.evolve(_base(), components=[ProjectComponent("HP1", "Hợp phần 1", funding=raised)])
    found = check(plan, select="funding")
    assert found
    assert [
        (f.text(lang), words)
        for f in found
        for lang in ("vi", "en")
        if (words := _words(f, plan, lang))
    ] == []
    # Numbers are in the reader's notation: a Vietnamese decimal comma, an English point.
    for f in found:
        assert isinstance(f.expected, Decimal)
        assert f"= {number(f.expected, 'vi')} (" in f.text("vi")
        assert f"= {number(f.expected, 'en')} (" in f.text("en")


def test_years_are_written_as_years_in_both_languages() -> None:
    (found,) = check(PLANTED["dates.standard-period"], select="dates.standard-period")
    assert found.text("vi").endswith("(mong đợi 'năm 2026 trở về trước', thực tế 2027)")
    assert found.text("en").endswith("(expected '2026 or earlier', actual 2027)")
    assert "2.02" not in found.text("vi")
    assert "2,02" not in found.text("en")


# -- drawn plans, one thing changed -----------------------------------------------------------


def _in_other_language(finding: Finding, document: Document, lang: Lang) -> set[str]:
    """As :func:`_words`, but every text of a drawn document is a name (drawn names may be
    short or plain ASCII, so they are taken out only as whole words)."""
    text = finding.text(lang).replace(finding.rule, " ").replace(finding.location, " ")
    names = {*_strings(document), *_strings((finding.expected, finding.actual)), *CODE_NAMES}
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)
    text = without(text, ())
    return english_words(text) if lang == "vi" else vietnamese_words(text)


def _late_basis(plan: Plan) -> Plan:
    basis = plan.legal_bases[0]
    later = PartialDate(plan.period.end + 1, 2, 1)
    return attrs.evolve(plan, legal_bases=[attrs.evolve(basis, date=later)])


def _early_basis(plan: Plan) -> Plan:
    basis = plan.legal_bases[0]
    early = PartialDate(plan.period.end - 3, 12, 18)
    return attrs.evolve(plan, legal_bases=[attrs.evolve(basis, date=early)])


def _alias(plan: Plan) -> Plan:
    first, *rest = plan.agencies
    renamed = attrs.evolve(first, aliases=(f"{first.name} mới",))
    return attrs.evolve(plan, agencies=[renamed, *rest])


def _lead(plan: Plan) -> Plan:
    led = next(c for c in plan.all_components() if c.lead is not None)
    other = next(a.id for a in plan.agencies if a.id != led.lead)
    return _component(plan, led.code, lead=other)


def _raised_total(plan: Plan) -> Plan:
    funded = next(c for c in plan.all_components() if c.funding and c.funding.sources_sum)
    assert funded.funding is not None
    total = (funded.funding.sources_sum or Decimal(0)) + Decimal("1.5")
    return _component(plan, funded.code, funding=attrs.evolve(funded.funding, total=total))


def _dimension_dropped(plan: Plan) -> Plan:
    dropped = plan.deficit_indicators[0].dimension
    kept = [d for d in plan.deficit_indicators if d.dimension != dropped]
    return attrs.evolve(plan, deficit_indicators=kept)


CHANGES = {
    "dates.bases-before-plan": _late_basis,
    "dates.basis-year": _early_basis,
    "dates.programme-period": lambda plan: attrs.evolve(plan, period=Period(2030)),
    "agencies.spelling": _alias,
    "agencies.lead-assigned": _lead,
    "funding.sources-sum": _raised_total,
    "deficit.coverage": _dimension_dropped,
}


@given(plans(max_units=3), st.sampled_from(sorted(CHANGES)))
def test_a_drawn_plan_s_planted_finding_reads_in_one_language(plan: Plan, rule: str) -> None:
    if rule == "agencies.lead-assigned":
        assume(len(plan.agencies) > 1 and any(c.lead for c in plan.all_components()))
    if rule == "funding.sources-sum":
        assume(any(c.funding and c.funding.sources_sum for c in plan.all_components()))
    if rule == "deficit.coverage":
        assume(plan.deficit_indicators and plan.deficit_indicators[0].dimension)
    changed = CHANGES[rule](plan)
    found = check(changed, select=RULES)
    assert rule in {f.rule for f in found}
    assert [
        (f.text(lang), words)
        for f in found
        for lang in ("vi", "en")
        if (words := _in_other_language(f, changed, lang))
    ] == []
