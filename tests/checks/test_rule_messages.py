"""The findings of the annex, figure, interval, flow, target and headline rules, in either
language: in Vietnamese no English word, in English no Vietnamese one, apart from the
document's names and quoted values (and the rule id and location, which are for programs).

The test documents are consistent (or hold planted defects of other rules), so each is also
checked moved one number at a time, with its numbers of all households taken out (so that the
interval rules judge its rates), and with each annex row and each target taken out: every rule
of these groups finds something there, in nearly every wording it has.  The texts of a few
findings are pinned in both languages, worked out by hand from the documents' numbers.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.checks import Finding, check, rules
from mdpoverty.errors import MdpovertyError
from mdpoverty.i18n import LANGS, Lang, Message, localize
from mdpoverty.io.files import load_plan, plan_from_data, plan_to_data, read_plan_text
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import (
    documents,
    english_words,
    flow_reviews,
    plans,
    vietnamese_words,
    without,
)
from mdpoverty.values.quantities import Quantity

DATA = Path(__file__).parent.parent / "data"
GROUPS = ("annex", "figures", "flows", "targets", "results", "headline")
RULES = {r.id for r in rules(select=GROUPS)}
# The keys of a document's data whose text is a name or a quoted value of the document.
_NAME_KEYS = frozenset(
    {"name", "label", "id", "about", "unit", "of", "partition", "section", "members", "title"}
)


# Wordings the test documents never call for: an annex that prints ranges (the worked example
# of test_annex_ranges.py, with the area's ranged target, stated without a section) and a row
# of rates without counts.
RANGED_ANNEX = """\
kind: plan
header: {issuer: UBND huyện Thử, date: 2024-03, title: Kế hoạch giảm nghèo năm 2024}
area: {name: Huyện Thử, kind: district}
period: {start: 2024}
standard: decree-07-2021
units:
- {id: xa-a, name: Xã A, kind: commune, households: 1000, poor_households: 100}
- {id: xa-b, name: Xã B, kind: commune, households: 500, poor_households: 25}
targets:
- {measure: reduction, value: {low: 10, high: 20}, about: xa-a}
- {measure: reduction, value: 5, about: xa-b}
- {measure: reduction, value: {low: 15, high: 25}}
annex:
  title: MỤC TIÊU
  rows:
  - {label: Xã A, unit: xa-a, number: 1, households: 1000, poor_households: 100,
     start_rate: 10.00, reduction: {low: 10, high: 20}, rate_reduction: {low: 1.00, high: 2.00},
     end_rate: {low: 8.00, high: 9.00}}
  - {label: Xã B, unit: xa-b, number: 2, households: 500, poor_households: 25,
     start_rate: 5.00, reduction: 5, rate_reduction: 1.00, end_rate: 4.00}
  total: {label: Tổng số, households: 1500, poor_households: 125, start_rate: 8.33,
          reduction: {low: 15, high: 25}, rate_reduction: {low: 1.00, high: 1.66},
          end_rate: {low: 6.67, high: 7.33}}
"""
RATES_ONLY = """\
kind: review
header: {issuer: UBND tỉnh Thử, date: 2024-12, title: Kết quả rà soát năm 2024}
area: {name: Tỉnh Thử, kind: province}
period: {start: 2024}
standard: decree-07-2021
figures:
- {group: poor, rate: 2.47}
- {group: near-poor, rate: 4.69}
- {group: poor-and-near-poor, rate: 7.16}
"""


def _test_documents() -> list[tuple[str, Document]]:
    found = [(p.relative_to(DATA).as_posix(), load_plan(p)) for p in sorted(DATA.rglob("*.yaml"))]
    inline = [("ranged annex", RANGED_ANNEX), ("rates only", RATES_ONLY)]
    return [
        *found,
        ("bac-kan-2024", bac_kan_2024()),
        *((name, read_plan_text(text)) for name, text in inline),
    ]


def _templates(text: object) -> Iterator[str]:
    """The templates of a message and of the messages it is made of."""
    if isinstance(text, Message):
        yield text.template
        for value in text.args.values():
            yield from _templates(value)
    elif isinstance(text, tuple):
        for item in text:
            yield from _templates(item)


def _names(data: object, key: object = None) -> Iterator[str]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _names(v, k)
    elif isinstance(data, list):
        for item in data:
            yield from _names(item, key)
    elif isinstance(data, str) and key in _NAME_KEYS:
        yield data


def names(document: Document) -> set[str]:
    """The names of ``document``: of its area, units, strata, groups, sections, annex rows."""
    return set(_names(plan_to_data(document)))


def assert_said_in_each_language(finding: Finding, known: set[str]) -> None:
    """``finding`` holds no English word in Vietnamese and no Vietnamese word in English."""
    assert isinstance(finding.message, Message), finding
    shown = known | {finding.rule, finding.location}
    vi, en = finding.text("vi"), finding.text("en")
    assert set() == english_words(without(vi, shown)), vi
    assert set() == vietnamese_words(without(en, shown)), en
    assert localize(finding.message, "en") == finding.message  # a message is its English


# -- the test documents, moved ---------------------------------------------------------------


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _leaves(v, (*path, i))
    else:
        yield path, data


def _moves(value: object) -> list[object]:
    """Other values of a number of a document: a count moved by 7 and tenfold, a decimal by one
    and by fifty units of its last place (never a bool, an id or a date)."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value + 7, value * 10 + 1]
    if isinstance(value, Decimal) and value.is_finite():
        last = Decimal(1).scaleb(int(value.as_tuple().exponent))
        return [value + last, value + 50 * last]
    return []


def _set(data: Any, path: tuple[Any, ...], value: object) -> Any:
    changed = copy.deepcopy(data)
    place = changed
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = value
    return changed


def _loaded(data: Any) -> Document | None:
    try:
        return plan_from_data(data)
    except MdpovertyError:  # a move the model refuses (poor above all, a range upside down)
        return None


def _moved(data: Any, only: str | None = None) -> Iterator[Document]:
    """The document of ``data`` with one of its numbers moved, each in turn (``only``: only
    the leaves of that key)."""
    for path, value in _leaves(data):
        if only is not None and path[-1] != only:
            continue
        for new in _moves(value):
            moved = _loaded(_set(data, path, new))
            if moved is not None:
                yield moved


def variants(document: Document) -> Iterator[Document]:
    """``document`` moved: each number, each rate without the numbers of all households, each
    annex row and each target left out."""
    data = plan_to_data(document)
    yield from _moved(data)
    figures = data.get("figures") or []
    if any(f.get("group") == "all" for f in figures):
        without_all = {**data, "figures": [f for f in figures if f.get("group") != "all"]}
        if (loaded := _loaded(without_all)) is not None:
            yield loaded
        yield from _moved(without_all, only="rate")
    rows = (data.get("annex") or {}).get("rows") or []
    for i in range(len(rows)):
        fewer = copy.deepcopy(data)
        del fewer["annex"]["rows"][i]
        if (loaded := _loaded(fewer)) is not None:
            yield loaded
    for i in range(len(data.get("targets") or [])):
        fewer = copy.deepcopy(data)
        del fewer["targets"][i]
        if (loaded := _loaded(fewer)) is not None:
            yield loaded


def test_every_finding_of_the_rules_on_the_test_documents_reads_in_either_language() -> None:
    found: dict[str, set[str]] = {}
    for _name, document in _test_documents():
        known = names(document)
        for variant in (document, *variants(document)):
            for finding in check(variant, select=GROUPS):
                assert_said_in_each_language(finding, known)
                assert isinstance(finding.message, Message)
                found.setdefault(finding.rule, set()).update(_templates(finding.message))
    # every rule spoke, most of them in several wordings: the assertions above were not vacuous
    assert RULES == set(found)
    assert len(set().union(*found.values())) >= 60, found


@given(st.one_of(documents(), plans(max_units=4), flow_reviews()), st.data())
def test_the_findings_of_a_moved_document_read_in_either_language(
    document: Document, data: st.DataObject
) -> None:
    plain = plan_to_data(document)
    numbers = [(path, v) for path, v in _leaves(plain) if _moves(v)]
    path, value = data.draw(st.sampled_from(numbers))
    moved = _loaded(_set(plain, path, data.draw(st.sampled_from(_moves(value)))))
    if moved is None:
        return
    known = names(document)
    for finding in check(moved, select=GROUPS):
        assert_said_in_each_language(finding, known)


def test_the_rules_say_their_title_rationale_and_tolerance_in_either_language() -> None:
    for r in rules(select=GROUPS):
        for text in (r.title, r.rationale, r.tolerance):
            assert isinstance(text, Message), (r.id, text)
            # the rationales quote the documents' wording; the rule ids they name are for programs
            ids = {other.id for other in rules()}
            vi, en = without(localize(text, "vi"), ids), without(text, ids)
            assert set() == english_words(vi), (r.id, vi)
            assert set() == vietnamese_words(en), (r.id, en)
            assert vi != en


# -- texts worked out by hand ------------------------------------------------------------------


def _texts(document: Document, rule: str, location: str) -> dict[str, list[str]]:
    found = [f for f in check(document, select=rule) if f.location == location]
    return {lang: [localize(f.message, lang) for f in found] for lang in LANGS}


def _with_figure(document: Document, index: int, **changes: object) -> Document:
    figures = list(document.figures)
    figures[index] = attrs.evolve(figures[index], **changes)  # type: ignore[arg-type]
    return attrs.evolve(document, figures=figures)


def test_the_flows_of_a_moved_end_count_in_either_language() -> None:
    # The province's poor: 3.900 − 1.100 + 60 + 190 = 3.050 at the end; printed 3.043 instead,
    # the fall 3.900 − 3.043 = 857 (printed 850), the rate 3.043 / 51.000 = 5,966…% → 5,97.
    review = _with_figure(load_plan(DATA / "province-review-flows-2024.yaml"), 6, count=3043)
    assert _texts(review, "flows.identity", "figures/6/count") == {
        "en": [
            (
                "poor households of the area in 2024: 3,900 at the start − 1,100 escaped + 60 fell "
                "back + 190 new = 3,050, the document prints 3,043 at the end"
            )
        ],
        "vi": [
            (
                "hộ nghèo của toàn địa bàn năm 2024: 3.900 đầu năm − 1.100 thoát + 60 tái + 190 "
                "phát sinh mới = 3.050, văn bản ghi 3.043 cuối năm"
            )
        ],
    }
    assert _texts(review, "flows.change", "figures/65/count") == {
        "en": [
            (
                "poor households of the area in 2024: 3,900 at the start and 3,043 at the end is a "
                "fall of 857, the document prints 850"
            )
        ],
        "vi": [
            (
                "hộ nghèo của toàn địa bàn năm 2024: đầu năm 3.900, cuối năm 3.043, tức giảm 857; "
                "văn bản ghi 850"
            )
        ],
    }
    assert _texts(review, "figures.rate", "figures/6/rate") == {
        "en": ["3,043 poor households of 51,000 households is 5.97%, the document prints 5.98%"],
        "vi": ["3.043 hộ nghèo trên 51.000 hộ là 5,97%, văn bản ghi 5,98%"],
    }
    parts = _texts(review, "figures.parts-sum", "figures/6/count")
    assert (
        "the units add up to 3,050 poor households (end of the year, 2024), the document "
        "prints 3,043 for the area"
    ) in parts["en"]
    assert (
        "các đơn vị cộng lại là 3.050 hộ nghèo (cuối năm, năm 2024), văn bản ghi 3.043 cho "
        "toàn địa bàn"
    ) in parts["vi"]


def test_an_annex_row_with_other_households_in_either_language() -> None:
    # Sông Cầu prints 2.354 households for the unit's 2.347: its end rate 25 / 2.354 =
    # 1,062…% → 1,06 (printed 1,07; the start rate 27 / 2.354 = 1,147…% still prints 1,15),
    # and the unit rows add up to 12.281 + 7 = 12.288.
    plan = bac_kan_2024()
    assert plan.annex is not None
    rows = [
        attrs.evolve(r, households=2354) if r.unit == "song-cau" else r for r in plan.annex.rows
    ]
    moved = attrs.evolve(plan, annex=attrs.evolve(plan.annex, rows=rows))
    assert _texts(moved, "annex.counts", "annex/rows/song-cau/households") == {
        "en": ["the annex prints 2,354 for the households of Phường Sông Cầu, the unit has 2,347"],
        "vi": ["phụ lục ghi 2.354 ở tổng số hộ của Phường Sông Cầu, đơn vị có 2.347"],
    }
    assert _texts(moved, "annex.rate", "annex/rows/song-cau/end_rate") == {
        "en": [
            (
                "Phường Sông Cầu: the poverty rate at the end of the year is printed 1.07%, but 25 "
                "of 2,354 households is 1.06%"
            )
        ],
        "vi": [
            "Phường Sông Cầu: tỷ lệ hộ nghèo cuối năm ghi 1,07%, nhưng 25 trên 2.354 hộ là 1,06%"
        ],
    }
    assert [] == _texts(moved, "annex.rate", "annex/rows/song-cau/start_rate")["en"]
    assert _texts(moved, "annex.total", "annex/total/households") == {
        "en": ["the total row prints 12,281 for the households, the unit rows add up to 12,288"],
        "vi": ["dòng tổng cộng ghi 12.281 ở tổng số hộ, các dòng đơn vị cộng lại là 12.288"],
    }


def test_a_target_not_met_in_either_language() -> None:
    # The district's poor: 400 at the start, 342 at the end: 58 of the 65 households to reduce.
    report = _with_figure(load_plan(DATA / "report-2024.yaml"), 3, count=342)
    assert _texts(report, "results.target-met", "targets/0") == {
        "en": [
            (
                "the target of the area for the reduction of poor households is 65, the report "
                "gives 58 (short by 7)"
            )
        ],
        "vi": ["chỉ tiêu số hộ nghèo giảm của toàn địa bàn là 65, báo cáo ghi 58 (còn thiếu 7)"],
    }


@pytest.mark.parametrize("lang", LANGS)
def test_a_range_is_said_in_the_notation_of_the_language(lang: Lang) -> None:
    # Huyện Hai's poor 700–790 → 700–797: the districts add up to 1.200–1.357, the area
    # prints 1.200–1.350.
    review = load_plan(DATA / "province-review-ranges-2024.yaml")
    hai = next(
        i
        for i, f in enumerate(review.figures)
        if f.about == "huyen-hai" and f.group.value == "poor" and f.count_bounds == (700, 790)
    )
    moved = _with_figure(review, hai, count=Quantity(700, 797))
    said = [localize(f.message, lang) for f in check(moved, select="figures.parts-sum")]
    expected = {"vi": "1.200–1.357 hộ nghèo", "en": "1,200–1,357 poor households"}[lang]
    assert any(expected in text for text in said), said


def test_a_bound_of_a_headline_target_in_either_language() -> None:
    # The area's 15–25 fewer poor moved to 22–25: the units' targets add up to 10–20 + 5 =
    # 15–25, whose lower bound is not 22.
    plan = read_plan_text(RANGED_ANNEX.replace("{low: 15, high: 25}}", "{low: 22, high: 25}}"))
    assert _texts(plan, "headline.annex-total", "targets/2") == {
        "en": [
            (
                "the lower bound of the target for the reduction of poor households is 22–25, the "
                "annex's units give 15–25"
            )
        ],
        "vi": [
            (
                "cận dưới của chỉ tiêu về số hộ nghèo giảm là 22–25, tổng các đơn vị trong phụ lục "
                "là 15–25"
            )
        ],
    }
