"""Messages in both languages: the catalogs, the notation of numbers, the language chosen."""

from __future__ import annotations

import importlib.util
import pickle
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import ENV_VAR, Message, _, _n, _shown, language, localize, number
from mdpoverty.testing import money
from mdpoverty.values.numbers import parse_vi
from mdpoverty.values.quantities import Quantity

ROOT = Path(__file__).resolve().parents[2]


def _catalogs_tool() -> Any:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogs"] = module
    spec.loader.exec_module(module)
    return module


def test_every_message_of_the_code_has_its_vietnamese_text_and_the_catalogs_are_current() -> None:
    problems = list(_catalogs_tool().problems())
    assert problems == [], "\n".join(problems)


def test_the_catalog_holds_messages() -> None:
    # The check above passes vacuously on an empty code base: the catalog has what the code says.
    template = _catalogs_tool().extract()
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    assert "{severity} {rule} {location}: {message} (expected {expected}, actual {actual})" in ids


def test_the_places_of_a_message_are_found() -> None:
    places = _catalogs_tool().places
    assert places("{a} and {b!r} {{not}} {c:>3}") == {"a", "b", "c"}


def test_the_percent_places_of_argparse_texts_are_found() -> None:
    places = _catalogs_tool().places
    assert places("%(prog)s: error: %(message)s %s %r 100%% {a}") == {
        "%(prog)s",
        "%(message)s",
        "%s#1",
        "%r#2",
        "a",
    }
    assert places("%(prog)s: lỗi") != places("%(prog)s: error: %(message)s")


def test_a_message_is_its_english_text_and_says_itself_in_vietnamese() -> None:
    text = _("{n} error", n=3)
    assert text == "3 error"
    assert isinstance(text, str)
    assert localize(text, "en") == "3 error"
    assert localize(_("yes"), "vi") == "có"
    assert localize("a name as printed", "vi") == "a name as printed"


def test_the_english_words_follow_the_count() -> None:
    assert _n("{n} error", "{n} errors", 1) == "1 error"
    assert _n("{n} error", "{n} errors", 1200) == "1,200 errors"
    assert localize(_n("{n} error", "{n} errors", 1200), "vi") == "1.200 lỗi"


def test_a_part_of_a_sentence_is_said_in_the_sentence_s_language() -> None:
    text = _("{errors}, {warnings}, {info} info", errors=_("error"), warnings=_("warning"), info=2)
    assert localize(text, "vi") == "lỗi, cảnh báo, 2 thông tin"


@given(
    st.integers(-(10**15), 10**15)
    | money()
    | st.decimals(
        places=3, allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9
    )
)
def test_numbers_read_back_from_either_notation(value: int | Decimal) -> None:
    vi, en = number(value, "vi"), number(value, "en")
    assert parse_vi(vi) == value
    assert Decimal(en.replace(",", "")) == value
    # one notation each: the separators are swapped, the digits the same
    assert vi.translate(str.maketrans(",.", ".,")) == en


@given(st.integers(-(10**6), 10**6), st.text(max_size=20))
def test_a_message_survives_pickling_in_both_languages(n: int, name: str) -> None:
    text = _(
        "{source} = {value!r}: the language must be one of {langs}",
        source=name,
        value=n,
        langs="vi",
    )
    again = pickle.loads(pickle.dumps(text))  # noqa: S301  (our own bytes)
    assert isinstance(again, Message)
    assert again == text
    assert localize(again, "vi") == localize(text, "vi")


def test_the_language_asked_for_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "en")
    assert language("vi") == "vi"
    assert language() == "en"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "vi_VN"}, "en"),
        ({}, "vi"),
    ],
)
def test_without_a_choice_the_locale_decides_and_then_vietnamese(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for name in (ENV_VAR, "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert language() == expected


def test_a_language_not_spoken_is_refused_naming_where_it_came_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(UnknownNameError, match="lang = 'fr'"):
        language("fr")
    monkeypatch.setenv(ENV_VAR, "de")
    with pytest.raises(UnknownNameError, match="MDPOVERTY_LANG = 'de'"):
        language()


_VALUES = (
    st.text(max_size=8)
    | st.integers(-(10**9), 10**9)
    | st.decimals(
        allow_nan=False, allow_infinity=False, places=2, max_value=10**6, min_value=-(10**6)
    )
    | st.sampled_from([None, True, False, Decimal("NaN"), _("yes"), Quantity(1, 3)])
    | st.tuples(st.text(max_size=4), st.integers(0, 9))
)


@given(_VALUES, _VALUES)
def test_a_message_s_english_is_its_values_shown_in_english(first: object, second: object) -> None:
    text = _("{a} and {b!r}", a=first, b=second)
    shown = {"a": _shown(first, "en"), "b": _shown(second, "en")}
    assert "{a} and {b!r}".format_map(shown) == text
    assert localize(text, "en") == str.__str__(text)


def test_a_message_made_by_its_class_is_the_one_its_functions_make() -> None:
    by_function = _n("{n} error in {where}", "{n} errors in {where}", 2, where="DA3")
    by_class = Message("{n} error in {where}", "{n} errors in {where}", 2, where="DA3")
    assert by_function == by_class == "2 errors in DA3"
    for made in (by_function, by_class):
        assert ("{n} error in {where}", "{n} errors in {where}", 2, {"where": "DA3", "n": 2}) == (
            made.template,
            made.plural,
            made.n,
            made.args,
        )
    plain = _("error")
    assert (None, None, {}) == (plain.plural, plain.n, plain.args)
