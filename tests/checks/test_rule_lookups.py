"""What the agency, date and catalog rules derive once or keep: the same findings, less work."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.checks import Finding, Severity, check, get_rule
from mdpoverty.checks.builtin import agencies
from mdpoverty.errors import ValidationError
from mdpoverty.model.agencies import Agency
from mdpoverty.model.document import Document, Plan
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.reference.programmes import _index


def _stripped_as_written(name: str, qualifiers: tuple[str, ...]) -> str:
    """The agency rule's reading of a name, as it was first written: every trailing qualifier
    stripped, pass after pass, in the qualifiers' order."""
    core = " ".join(name.split()).casefold()
    stripped = True
    while stripped:
        stripped = False
        for q in qualifiers:
            if core.endswith(" " + q) and len(core) > len(q) + 1:
                core = core[: -len(q) - 1].rstrip()
                stripped = True
    return core


_WORDS = st.sampled_from(["phòng", "kinh", "tế", "thành", "phố", "bắc", "kạn", "  ", "Tế"])


@given(
    st.lists(_WORDS, max_size=8).map(" ".join),
    st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), max_size=3),
)
def test_a_name_is_read_as_it_was_first_written(name: str, qualifiers: list[str]) -> None:
    folded = tuple(q.casefold() for q in qualifiers if q)
    suffixes = tuple(" " + q for q in folded)
    assert _stripped_as_written(name, folded) == agencies._core_name(name, suffixes)


def test_section_vi_is_read_once_for_both_agency_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    read = []
    original = agencies._assignments

    def counted(plan: Document) -> frozenset[tuple[str, str]]:
        read.append(plan)
        return original(plan)

    monkeypatch.setattr(agencies, "_assignments", counted)
    plan = attrs.evolve(bac_kan_2024())
    check(plan, select=["agencies.lead-assigned", "agencies.assigned-led"])
    assert [plan] == read


def test_a_subtree_is_walked_in_the_order_of_walk() -> None:
    for component in bac_kan_2024().all_components():
        assert list(component.walk()) == list(agencies._subtree(component))


def test_every_plan_that_names_an_agency_two_ways_has_its_finding() -> None:
    plan = bac_kan_2024()
    twice = Agency("twice", "Phòng Nội vụ", aliases=["Phòng Nội Vụ thành phố", "Phòng Nội vụ - LĐ"])
    changed = attrs.evolve(plan, agencies=[*plan.agencies, twice])
    for document in (changed, attrs.evolve(changed)):
        (finding,) = check(document, select="agencies.spelling").filter(location="agencies/twice")
        assert ("Phòng Nội vụ", ("Phòng Nội vụ - LĐ",)) == (finding.expected, finding.actual)


def test_a_rule_s_finding_is_the_finding_its_class_makes() -> None:
    spelling = get_rule("agencies.spelling")
    made = Finding(spelling.id, Severity.INFO, "units/x", "khác nhau", "a", ("b",))
    assert made == spelling.finding("units/x", "khác nhau", expected="a", actual=("b",))


@pytest.mark.parametrize(
    ("location", "message"), [("units/x", "khác\nnhau"), ("", "x"), ("x", " ")]
)
def test_a_rule_refuses_the_finding_its_class_refuses(location: str, message: str) -> None:
    spelling = get_rule("agencies.spelling")
    with pytest.raises(ValidationError) as by_class:
        Finding(spelling.id, Severity.INFO, location, message, "a", ("b",))
    with pytest.raises(ValidationError) as by_rule:
        spelling.finding(location, message, expected="a", actual=("b",))
    assert str(by_class.value) == str(by_rule.value)


def test_a_catalog_is_indexed_once_for_every_plan() -> None:
    plans = [attrs.evolve(bac_kan_2024()) for _ in range(3)]
    _index.cache_clear()
    for plan in plans:
        check(plan, select="programme")
    assert 1 == _index.cache_info().misses


def test_the_findings_of_a_copy_are_those_of_the_plan() -> None:
    plan: Plan = bac_kan_2024()
    assert check(plan).findings == check(attrs.evolve(plan)).findings
