"""The report and its charts are wholly in their language: no English word in the Vietnamese
page, no Vietnamese word in the English one, apart from the document's own names and values.

What is taken out of a page before it is read: its tags, every text of the document (the
names of units, agencies and components, the legal bases as printed, the issuer, the targets'
wording, ids), the library's data it quotes as written (an unverified fact's key, source and
note), the rule ids and locations of the findings (they are for programs) and the findings'
own messages (the checks' messages are said in their language by the checks themselves, and
tested there).
"""

from __future__ import annotations

import contextlib
import enum
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from string import Formatter
from typing import Any

import attrs
import pytest
from matplotlib.text import Text

from mdpoverty import check, load_plan
from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import Lang
from mdpoverty.model.document import DOCUMENT_CLASSES, Document
from mdpoverty.reference import admin_units
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.reference.programmes import programme_catalog
from mdpoverty.reference.reliance import unverified_facts
from mdpoverty.reference.standards import standard_of
from mdpoverty.report import html_report, plot
from mdpoverty.report.labels import LABELS, label
from mdpoverty.testing import english_words, vietnamese_words, without

from ._page import Page

DATA = Path(__file__).parents[1] / "data"
DOCUMENTS = sorted(p.name for p in DATA.glob("*.yaml"))
OTHER_WORDS: dict[Lang, Callable[[str], set[str]]] = {
    "vi": english_words,
    "en": vietnamese_words,
}


def _texts(value: object) -> Iterator[str]:
    """Every text a document holds, at any depth (enum members are the library's, not its)."""
    if isinstance(value, enum.Enum):
        return
    if isinstance(value, str):
        yield value
    elif attrs.has(type(value)):
        for field in getattr(type(value), "__attrs_attrs__", ()):
            yield from _texts(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _texts(item)


def _reader_text(html: str) -> str:
    page = Page(html)
    texts: list[str] = []

    def walk(element: object) -> None:
        assert hasattr(element, "children")
        for child in element.children:
            if child.tag == "#text":
                texts.append(child.text)
            elif child.tag not in {"style", "script"}:
                walk(child)

    walk(page.root)
    return " ".join(texts)


def _acts(document: Document) -> Iterator[str]:
    """The legal acts the library's data cites for the document's standard and programme, as
    their titles are printed (in Vietnamese)."""
    try:
        standard = standard_of(document)
    except UnknownNameError:
        pass
    else:
        yield str(standard.reference)
        yield from (str(e.reference) for e in standard.extensions)
        yield from (str(r) for r in standard.amended_by)
    if document.programme is not None:
        with contextlib.suppress(UnknownNameError):
            yield str(programme_catalog(document.programme).reference)


@functools.cache
def _unit_names() -> tuple[str, ...]:
    """The names of every administrative unit of the library's data, before and after 2025,
    and of their provinces: a carried table names units the document does not."""
    old = {u.name for u in admin_units.old_units()} | {p.name for p in admin_units.old_provinces()}
    new = {u.name for u in admin_units.new_units()} | {p.name for p in admin_units.new_provinces()}
    return tuple(old | new)


def _names(document: Document, lang: Lang) -> list[str]:
    """What the page may show in either language: the document's texts, the library's data as
    written (legal acts, unverified facts' sources, the names of units), the findings' rule ids
    and locations."""
    findings = check(document)
    return [
        *_texts(document),
        *_acts(document),
        *(str(basis) for basis in document.legal_bases),  # each as its title is printed
        *(text for f in unverified_facts(document) for text in (f.key, f.source, f.note)),
        *(f.rule for f in findings),
        *(f.location for f in findings),
        *_unit_names(),
        # a problem of a document that cannot be carried names the object and its location
        # as programs do (Plan, units/0)
        *(cls.__name__ for cls in DOCUMENT_CLASSES.values()),
        *(f"units/{i}" for i in range(len(document.units))),
    ]


def _foreign_words(document: Document, lang: Lang, html: str | None = None) -> set[str]:
    page = html_report(document, lang) if html is None else html
    return OTHER_WORDS[lang](without(_reader_text(page), _names(document, lang)))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_of_the_bac_kan_plan_is_wholly_in_its_language(lang: Lang) -> None:
    assert set() == _foreign_words(bac_kan_2024(), lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_report_of_each_test_document_is_wholly_in_its_language(name: str, lang: Lang) -> None:
    assert set() == _foreign_words(load_plan(DATA / name), lang)


def test_a_word_of_the_other_language_is_found() -> None:
    # The tests above can fail: a heading left in English in the Vietnamese page is found, and
    # one left in Vietnamese in the English page.
    plan = bac_kan_2024()
    vi = html_report(plan, "vi").replace(label("findings", "vi"), "Findings")
    assert {"findings"} == _foreign_words(plan, "vi", vi)
    en = html_report(plan, "en").replace(label("agencies", "en"), label("agencies", "vi"))
    assert {"Cơ", "quan", "vị"} <= _foreign_words(plan, "en", en) | {"quan"}


def test_every_label_is_said_in_each_language() -> None:
    # The catalog's test checks that each label has a Vietnamese text; here, that the text is
    # Vietnamese: no English word in it, and different from the English one where it has words.
    values = {"year": "2024", "start": "2024", "review": "2024"}
    for key, message in LABELS.items():
        places = {name for _, name, _, _ in Formatter().parse(message.template) if name}
        needed = {name: values.get(name, "") for name in places}
        vi, en = label(key, "vi", **needed), label(key, "en", **needed)
        assert (key, set()) == (key, english_words(vi))
        assert (key, set()) == (key, vietnamese_words(en))
        has_words = english_words(en) or any(c.isalpha() for c in en.replace("2024", ""))
        assert (key, True) == (key, vi != en or not has_words)


def _chart_texts(figure: Any) -> str:
    """Every text drawn on a chart: title, axes' labels, ticks, legend, annotations."""
    figure.draw_without_rendering()  # the tick labels are made when the chart is drawn
    return "\n".join(t.get_text() for t in figure.findobj(Text) if t.get_visible())


def _chart_names(document: Document, lang: Lang) -> list[str]:
    """The names a chart shows as they are: units, components' codes, and the standard's
    dimensions and indicators as the library's data names them in ``lang`` (in Vietnamese
    where it has no English name)."""
    standard: list[str] = []
    with contextlib.suppress(UnknownNameError):
        found = standard_of(document)
        pairs = [(d.name, d.name_en) for d in found.dimensions]
        pairs += [(i.name, i.name_en) for i in found.indicators]
        standard = [en if lang == "en" and en else vi for vi, en in pairs]
    return [*_texts(document), *standard]


@pytest.mark.parametrize("name", ["bac-kan", *DOCUMENTS])
def test_the_charts_in_vietnamese_have_no_english_word(name: str) -> None:
    document = bac_kan_2024() if name == "bac-kan" else load_plan(DATA / name)
    for what, chart in plot.CHARTS.items():
        text = without(_chart_texts(chart(document, "vi")), _chart_names(document, "vi"))
        assert (what, set()) == (what, english_words(text))


@pytest.mark.parametrize("name", ["bac-kan", *DOCUMENTS])
def test_the_charts_in_english_have_no_vietnamese_word_but_names(name: str) -> None:
    document = bac_kan_2024() if name == "bac-kan" else load_plan(DATA / name)
    for what, chart in plot.CHARTS.items():
        text = without(_chart_texts(chart(document, "en")), _chart_names(document, "en"))
        assert (what, set()) == (what, vietnamese_words(text))


def test_a_chart_s_english_word_is_found() -> None:
    figure = plot.rates(bac_kan_2024(), "vi")
    figure.axes[0].set_title("Poverty rate by unit")
    assert {"poverty", "rate", "by", "unit"} <= english_words(_chart_texts(figure))
