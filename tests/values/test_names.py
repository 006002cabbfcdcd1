"""Names as people write them: the comparison key and the kind prefixes."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty import Agency
from mdpoverty.model.agencies import same_name
from mdpoverty.values.names import name_key, split_kind, strip_kind

TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
INITIALS = ("", "b", "ch", "đ", "h", "kh", "l", "ng", "nh", "qu", "th", "tr", "x", "gi")
# Glides whose mark sits on the first vowel in the old style and the second in the new one.
GLIDES = ("oa", "oe", "uy")


def mark(letter: str, tone: str) -> str:
    return unicodedata.normalize("NFC", letter + tone)


@st.composite
def glide_syllables(draw: st.DrawFn) -> tuple[str, str]:
    """One open syllable with a glide, spelt in the old style and in the new style."""
    initial = draw(st.sampled_from([i for i in INITIALS if i != "qu"]))
    glide = draw(st.sampled_from(GLIDES))
    tone = draw(st.sampled_from(TONES))
    old = initial + mark(glide[0], tone) + glide[1]
    new = initial + glide[0] + mark(glide[1], tone)
    return old, new


names_in_both_styles = st.lists(glide_syllables(), min_size=1, max_size=4).map(
    lambda pairs: (" ".join(o for o, _ in pairs), " ".join(n for _, n in pairs))
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Hóa", "Hoá"),
        ("Thụy", "Thuỵ"),
        ("Khỏe", "Khoẻ"),
        ("Hòa", "Hoà"),
        ("Qúy", "Quý"),
        ("Xuất Hóa", "Xuất Hoá"),
        ("Phường Thanh Thủy", "Phường Thanh Thuỷ"),
    ],
)
def test_both_placements_of_the_tone_mark_have_one_key(old: str, new: str) -> None:
    assert name_key(new) == name_key(old)


@pytest.mark.parametrize(
    "word",
    ["hoàng", "người", "nguyễn", "khuỷu", "ngoài", "giữa", "gìn", "của", "mùa", "quốc", "tuổi"],
)
def test_a_word_spelt_correctly_keeps_its_spelling(word: str) -> None:
    assert word == name_key(word)


def test_the_key_ignores_case_spacing_and_normalization() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Minh Khai")
    assert "phường nguyễn thị minh khai" == name_key(f"  PHƯỜNG  {nfd.upper()}\t")


@pytest.mark.parametrize(
    ("a", "b"), [("Đức", "Duc"), ("Đông", "Dông"), ("Hòa", "Hóa"), ("Sơn", "Sôn"), ("Hà", "Hạ")]
)
def test_different_letters_or_tones_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("Phường Xuất Hóa", "phường", "Xuất Hóa"),
        ("P. Nguyễn Thị Minh Khai", "phường", "Nguyễn Thị Minh Khai"),
        ("P.Sông Cầu", "phường", "Sông Cầu"),
        ("Xã Dương Quang", "xã", "Dương Quang"),
        ("X. Dương Quang", "xã", "Dương Quang"),
        ("Thị trấn Chợ Rã", "thị trấn", "Chợ Rã"),
        ("Thị Trấn Chợ Rã", "thị trấn", "Chợ Rã"),
        ("TT. Chợ Rã", "thị trấn", "Chợ Rã"),
        ("Quận Ba Đình", "quận", "Ba Đình"),
        ("Q. Ba Đình", "quận", "Ba Đình"),
        ("Huyện Côn Đảo", "huyện", "Côn Đảo"),
        ("H. Côn Đảo", "huyện", "Côn Đảo"),
        ("Thị xã Sơn Tây", "thị xã", "Sơn Tây"),
        ("TX. Sơn Tây", "thị xã", "Sơn Tây"),
        ("Thành phố Bắc Kạn", "thành phố", "Bắc Kạn"),
        ("TP. Bắc Kạn", "thành phố", "Bắc Kạn"),
        ("Tỉnh Bắc Kạn", "tỉnh", "Bắc Kạn"),
        ("Đặc khu Côn Đảo", "đặc khu", "Côn Đảo"),
        ("Đức Xuân", "", "Đức Xuân"),
        ("Xã", "", "Xã"),
        ("Xãi Tiến", "", "Xãi Tiến"),
    ],
)
def test_split_kind(text: str, kind: str, rest: str) -> None:
    assert (kind, rest) == split_kind(text)
    assert rest == strip_kind(text)


def test_agencies_and_units_match_either_placement() -> None:
    agency = Agency("lab", "Phòng Lao động - Thương binh và Xã hội", aliases=("Phòng Y tế Hóa",))
    assert agency.is_named("phòng y tế hoá")
    assert same_name("Phường Xuất Hoá", "Phường Xuất Hóa")


# -- properties ----------------------------------------------------------------------------------


@given(st.text())
def test_the_key_is_idempotent(text: str) -> None:
    assert name_key(text) == name_key(name_key(text))


@given(st.text())
def test_the_key_is_invariant_under_unicode_normalization(text: str) -> None:
    keys = {name_key(unicodedata.normalize(form, text)) for form in ("NFC", "NFD")}
    assert 1 == len(keys)


@given(names_in_both_styles)
def test_the_key_is_invariant_under_moving_the_tone_mark_in_a_glide(
    spellings: tuple[str, str],
) -> None:
    old, new = spellings
    assert name_key(new) == name_key(old)
    assert name_key(new) == name_key(unicodedata.normalize("NFD", old.upper()))


LETTERS = "abcdđeghiklmnopqrstuvxyăâêôơư"


@given(
    names_in_both_styles.map(lambda pair: pair[0]),
    st.data(),
)
def test_distinct_base_letters_stay_distinct(name: str, data: st.DataObject) -> None:
    letters = [i for i, c in enumerate(name) if c != " "]
    where = data.draw(st.sampled_from(letters))
    base = unicodedata.normalize("NFD", name[where])
    tones = "".join(c for c in base if c in TONES)
    replaced_base = data.draw(st.sampled_from([c for c in LETTERS if c != name_key(base[0])]))
    changed = name[:where] + mark(replaced_base, tones) + name[where + 1 :]
    assert name_key(name) != name_key(changed)
