"""The aggregation's tables in the reader's language: printed headers, labels, the carried tables
and the reasons a carried row is incomplete, said in Vietnamese or English from the catalog.

A Vietnamese table holds no English word, an English one no Vietnamese word, apart from names
(of the document's units, of the crosswalk's units and provinces), taken out first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from mdpoverty.aggregate import (
    deficit_targets,
    funding_by_agency,
    funding_by_capital,
    funding_by_component,
    funding_by_source,
    rollup,
    units_by_kind,
)
from mdpoverty.aggregate.carried_figures import carry_everything, format_carried_figures
from mdpoverty.aggregate.carry_over import carry_over, format_carried
from mdpoverty.aggregate.results import results
from mdpoverty.errors import RollupError, ValidationError
from mdpoverty.i18n import LANGS, Lang, localize
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import english_words, old_unit_documents, vietnamese_words, without

PRINTED: dict[str, Callable[[Document, Lang], pd.DataFrame]] = {
    "funding_by_source": lambda p, lang: funding_by_source(p, labels="printed", lang=lang),
    "funding_by_agency": lambda p, lang: funding_by_agency(p, labels="printed", lang=lang),
    "funding_by_capital": lambda p, lang: funding_by_capital(p, labels="printed", lang=lang),
    "funding_by_component": lambda p, lang: funding_by_component(p, labels="printed", lang=lang),
    "units_by_kind": lambda p, lang: units_by_kind(p, labels="printed", lang=lang),
    "deficit_targets": lambda p, lang: deficit_targets(p, labels="printed", lang=lang),
    "rollup.units": lambda p, lang: rollup([p]).units(labels="printed", lang=lang),
    "rollup.by_plan": lambda p, lang: rollup([p]).by_plan(labels="printed", lang=lang),
    "results": lambda p, lang: results(p, p, labels="printed", lang=lang),
    "carry_over": lambda p, lang: carry_over(p, labels="printed", lang=lang),
}


# A unit of the crosswalk as a reason names it: "Xã Đôn Phong (01984)".
_CROSSWALK_UNIT = re.compile(r"(?:Phường|Xã|Thị trấn|Đặc khu)[^,;:()]*\(\d{5}\)")


def in_language(text: str, lang: Lang, names: Iterable[str] = ()) -> set[str]:
    """The words of ``text`` (its names taken out) that are not of ``lang``."""
    plain = _CROSSWALK_UNIT.sub(" ", without(text, names))
    return english_words(plain) if lang == "vi" else vietnamese_words(plain)


@pytest.mark.parametrize("name", list(PRINTED))
@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_headers_are_in_the_language_asked(name: str, lang: Lang) -> None:
    headers = " | ".join(str(c) for c in PRINTED[name](bac_kan_2024(), lang).columns)
    assert in_language(headers, lang) == set(), headers


def test_the_printed_headers_of_the_funding_table_are_the_vietnamese_ones() -> None:
    # The headers the aggregation printed before they moved into the catalog.
    table = funding_by_source(bac_kan_2024(), labels="printed")
    assert {"Kinh phí", "Tỷ trọng (%)", "Số khoản kinh phí"} <= set(table.columns)


@pytest.mark.parametrize(
    ("lang", "names"),
    [("vi", ["vốn sự nghiệp", "vốn đầu tư phát triển"]), ("en", ["recurrent capital"])],
)
def test_the_kinds_of_capital_are_named_in_the_table_language(lang: Lang, names: list[str]) -> None:
    table = funding_by_capital(bac_kan_2024(), lang=lang)
    shown = [n for n in table["name"] if isinstance(n, str)]
    assert set(names) <= set(shown)
    assert in_language(" ".join(shown), lang) == set()


def carried_names(*frames: pd.DataFrame | None) -> set[str]:
    """The names a carried table shows: its units, old and new, and their provinces."""
    found: set[str] = set()
    for frame in frames:
        if frame is None:
            continue
        found |= {str(n) for n in frame["name"]} | {str(p) for p in frame["province"]}
        for column in ("units", "missing"):
            if column in frame:
                for cell in frame[column]:
                    found |= {part for part in str(cell).split("; ") if part}
    return found


def test_the_reasons_of_an_incomplete_row_are_said_in_the_table_language() -> None:
    # Bắc Kạn's plan (2024) does not cover Xã Đôn Phong, which Xã Phong Quang took in.
    vi = carry_over(bac_kan_2024())
    en = carry_over(bac_kan_2024(), lang="en")
    assert vi.loc["01849", "why"] == "kế hoạch không bao gồm Xã Đôn Phong (01984)"
    assert en.loc["01849", "why"] == "the plan does not cover Xã Đôn Phong (01984)"
    text = format_carried(vi)
    assert "   * chưa đủ: kế hoạch không bao gồm Xã Đôn Phong (01984)" in text
    assert in_language(text, "vi", carried_names(vi)) == set()
    english = format_carried(en, "en")
    assert "   * incomplete: the plan does not cover Xã Đôn Phong (01984)" in english
    assert in_language(english, "en", carried_names(en)) == set()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old_unit_documents())
def test_the_carried_tables_of_any_document_are_in_the_language_asked(
    document: Document,
) -> None:
    names = carried_names() | {u.name for u in document.units} | {document.area.name}
    for lang in LANGS:
        counts, figures = carry_everything(document, lang=lang)
        names |= carried_names(counts, figures)
        texts = []
        if counts is not None:
            texts.append(format_carried(counts, lang))
        if figures is not None:
            texts.append(format_carried_figures(figures, lang))
            # every reason a figure is blank is said in the language of its table
            for why in figures.loc[~figures["complete"], "why"]:
                assert in_language(why, lang, names) == set(), why
        for text in texts:
            assert in_language(text, lang, names) == set(), text


def test_a_table_without_a_total_says_why_in_either_language() -> None:
    with pytest.raises(ValidationError) as info:
        carry_over(bac_kan_2024(), total=True)
    (problem,) = info.value.problems
    vi, en = localize(problem.reason, "vi"), localize(problem.reason, "en")
    assert vi.startswith("phải là False: bảng số liệu chuyển sang đơn vị mới không có dòng tổng")
    assert en.startswith("must be False: a carried table has no total row")
    assert in_language(vi, "vi", ["False"]) == set()
    assert in_language(en, "en") == set()


def test_a_rollup_that_cannot_be_made_says_why_in_either_language() -> None:
    plan = bac_kan_2024()
    with pytest.raises(RollupError) as info:
        rollup({"a": plan, "b": plan})  # the same units twice
    for problem in info.value.problems:
        for lang in LANGS:
            assert in_language(localize(problem.reason, lang), lang) == set()
            assert in_language(localize(problem.obj, lang), lang) == set()


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("vi", ["phường", "xã", "Tổng số"]), ("en", ["ward", "commune", "Total"])],
)
def test_the_kinds_of_unit_and_the_total_are_labelled_in_the_table_language(
    lang: Lang, labels: list[str]
) -> None:
    # Bắc Kạn city: six wards and two communes (the annex's units).
    assert labels == units_by_kind(bac_kan_2024(), lang=lang)["label"].tolist()
    assert labels[-1] == rollup([bac_kan_2024()]).units(lang=lang)["label"].iloc[-1]
