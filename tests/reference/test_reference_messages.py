"""A lookup that finds nothing, or too much, says so in Vietnamese and in English.

A Vietnamese message holds no English sentence and an English one no Vietnamese word, once the
names it shows are taken out: the units and provinces of the reference list (the candidates
and the nearest names), the ids of the data and the quoted key asked for.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Callable

import attrs
import pytest

from mdpoverty.cli import template_text
from mdpoverty.errors import AmbiguousNameError, MdpovertyError, UnknownNameError
from mdpoverty.i18n import localize
from mdpoverty.io.files import read_plan_text
from mdpoverty.model.programme import ProjectComponent
from mdpoverty.reference.admin_units import (
    new_province,
    new_provinces,
    new_unit,
    new_units,
    old_province,
    old_provinces,
    old_unit,
    old_units,
)
from mdpoverty.reference.datasets import example_path
from mdpoverty.reference.programmes import programme_catalog, programme_catalogs
from mdpoverty.reference.reliance import unverified_facts
from mdpoverty.reference.standards import poverty_standard, poverty_standards, standard_in_force
from mdpoverty.testing import english_words, vietnamese_words, without


@functools.cache
def _names() -> tuple[str, ...]:
    """Every name the reference data holds that a lookup's message may show."""
    units = [n for u in old_units() for n in (str(u), u.name)]
    units += [n for u in new_units() for n in (str(u), u.name)]
    provinces = [n for p in (*old_provinces(), *new_provinces()) for n in (str(p), p.name)]
    ids = [i for s in poverty_standards() for i in (s.id, *(x.id for x in s.indicators))]
    ids += [d.id for s in poverty_standards() for d in s.dimensions]
    ids += [line.id for s in poverty_standards() for line in s.income_lines]
    return (*units, *provinces, *ids, "bac-kan-2024")


def _error(call: Callable[[], object]) -> MdpovertyError:
    with pytest.raises(MdpovertyError) as raised:
        call()
    return raised.value


LOOKUPS: dict[str, Callable[[], object]] = {
    "old-ambiguous": lambda: old_unit("Xã Tân Lập"),
    "old-ambiguous-in-province": lambda: old_unit("Tân Minh", province="Hà Nội"),
    "new-ambiguous": lambda: new_unit("Xã Tân Thành"),
    "old-unknown-near": lambda: old_unit("Xã Khang Ninhh", province="Bắc Kạn"),
    "new-unknown": lambda: new_unit("Xã Không Có Thật Nào Cả"),
    "old-unknown-code": lambda: old_unit("99999"),
    "new-unknown-code-in-province": lambda: new_unit("01294", province="Hà Nội"),
    "old-province": lambda: old_province("Bắc Kạnn"),
    "new-province": lambda: new_province("Atlantis"),
    "standard": lambda: poverty_standard("decree-99-2099"),
    "dimension": lambda: poverty_standard("decree-07-2021").dimension("healht"),
    "indicator": lambda: poverty_standard("decree-07-2021").indicator("nothing-like-it"),
    "income-line": lambda: poverty_standard("decree-07-2021").income_line("near-povrty"),
    "in-force": lambda: standard_in_force(2015),
    "catalog": lambda: programme_catalog("decision-1-1900"),
    "catalog-entry": lambda: programme_catalog("decision-90-2022").entry("DA99"),
    "example": lambda: example_path("ha-giang-2030"),
}


@pytest.mark.parametrize("name", LOOKUPS)
def test_a_lookup_says_itself_in_either_language(name: str) -> None:
    error = _error(LOOKUPS[name])
    assert isinstance(error, UnknownNameError | AmbiguousNameError)
    vi, en = error.text("vi"), error.text("en")
    assert en == str(error)
    assert vi != en
    assert set() == english_words(without(vi, _names())), vi
    assert set() == vietnamese_words(without(en, _names())), en


def test_an_ambiguous_name_lists_its_candidates_in_both_languages() -> None:
    error = _error(LOOKUPS["old-ambiguous"])
    assert isinstance(error, AmbiguousNameError)
    assert len(error.candidates) > 1
    for lang in ("vi", "en"):
        assert all(c in error.text(lang) for c in error.candidates)
    assert "không có" not in error.text("vi")
    assert "đơn vị hành chính cũ" in error.text("vi")


def test_a_year_is_no_quantity() -> None:
    """A year is written as a year in either language: never ``2.015`` nor ``2,015``."""
    error = _error(LOOKUPS["in-force"])
    assert "2015" in error.text("vi")
    assert "2015" in error.text("en")


# -- the notes of unverified facts ---------------------------------------------------------------


def _records() -> list[object]:
    """Every record of the reference data that may carry a note."""
    records: list[object] = []
    for s in poverty_standards():
        records += [s, *s.income_lines, *s.rule, *s.extensions, *s.amendments, *s.dimensions]
        records += [*s.indicators, *(a for x in s.amendments for a in x.income_lines)]
        records += [s.first_review] if s.first_review is not None else []
    for c in programme_catalogs():
        records += [c, *c.entries]
    return records


def test_every_note_of_the_data_is_in_both_languages() -> None:
    notes = [(r.note, r.note_vi) for r in _records() if getattr(r, "note", "")]  # type: ignore[attr-defined]
    assert len(notes) >= 15
    for en, vi in notes:
        assert vi, en
        # Quoted titles of press articles and acts' numbers are names; "[verify]" is quoted.
        assert set() == english_words(without(vi, ["DESIGN.md", "internet"])), vi
        assert set() == vietnamese_words(without(en, _document_words(en))), en


def _document_words(text: str) -> list[str]:
    """The Vietnamese an English note may hold: the acts' symbols (QĐ-TTg) and the words it
    cites in parentheses, as the documents print them."""
    cited = [part.split(")")[0] for part in text.split("(")[1:]]
    return [*cited, "Dự án", "QĐ-TTg", "NĐ-CP", "QĐ-BNNMT"]


def test_a_fact_a_document_relies_on_says_its_note_in_either_language() -> None:
    plan = read_plan_text(template_text("plan", "province"))
    components = [ProjectComponent(code="HP1", name="Xây dựng nông thôn mới")]
    plan = attrs.evolve(
        plan, programme="resolution-257-2025", components=components, responsibilities=()
    )
    facts = unverified_facts(plan)
    assert facts
    for fact in facts:
        vi, en = localize(fact.note, "vi"), localize(fact.note, "en")
        assert en == fact.note
        assert vi != en
        assert set() == english_words(without(vi, ["DESIGN.md", "internet"])), vi
    assert pickle.loads(pickle.dumps(facts)) == facts  # noqa: S301  (our own bytes)
    again = pickle.loads(pickle.dumps(facts[0].note))  # noqa: S301  (our own bytes)
    assert localize(again, "vi") == localize(facts[0].note, "vi")
