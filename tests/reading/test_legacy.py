"""TCVN3 (ABC) and VNI text converted to Unicode: every letter of the alphabet in both cases,
known words from other converters' documentation, detection by font and by text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.reading import read_blocks
from mdpoverty.reading.legacy import TCVN3, VNI, detect, from_tcvn3, from_vni, to_unicode
from mdpoverty.reading.text import text_blocks

BASES = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
LETTERS = [unicodedata.normalize("NFC", base + tone) for base in BASES for tone in TONES] + ["đ"]
"""Every letter of the Vietnamese alphabet with every tone: 12 vowels × 6 tones, and đ."""


def test_the_alphabet_is_complete() -> None:
    assert len(LETTERS) == 73
    assert len(set(LETTERS)) == 73


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_in_tcvn3_both_cases(letter: str) -> None:
    codes = {v: k for k, v in TCVN3.items()}
    code = letter if letter in "aeiouy" else codes[letter]  # plain vowels are ASCII
    assert letter == from_tcvn3(code)
    # Capitals: a capital font (.VnTimeH) draws the lowercase codes as capitals.
    assert letter.upper() == to_unicode(code, ".VnTimeH")


@pytest.mark.parametrize("letter", ["ă", "â", "ê", "ô", "ơ", "ư", "đ"])
def test_tcvn3_capital_bases_in_the_regular_font(letter: str) -> None:
    codes = {v: k for k, v in TCVN3.items()}
    assert letter.upper() == to_unicode(codes[letter.upper()], ".VnTime")


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_in_vni_both_cases(letter: str) -> None:
    encoded = {v: k for k, v in VNI.items()}
    for case in (letter, letter.upper()):
        code = encoded.get(case, case)
        assert case == from_vni(code)
        assert case == to_unicode(code, "VNI-Times")


def test_known_words() -> None:
    # Examples printed by public converters' documentation (duydev/vietnamese-conversion).
    assert "Xin chào các bạn" == from_vni("Xin chaøo caùc baïn")
    assert "Bảo Thắng" == from_tcvn3("B¶o Th¾ng")
    assert "Mường Khương" == from_tcvn3("M\xadêng Kh\xad¬ng")
    assert "Bát Xát" == from_tcvn3("B¸t X¸t")


def test_detection() -> None:
    assert "tcvn3" == detect("", ".VnTime")
    assert "tcvn3" == detect("", ".VnArialH")
    assert "vni" == detect("", "VNI-Times")
    assert detect("", "Times New Roman") is None
    assert "tcvn3" == detect("Sè hé nghÌo ®Çu n¨m")
    assert "vni" == detect("Soá hoä ngheøo ñaàu naêm")
    assert detect("Số hộ nghèo đầu năm") is None
    assert detect("Hoà An, toàn bộ") is None  # Unicode stays Unicode
    # Latin-1 letters only, in pairs VNI also uses ("aà" is its ầ): still Unicode
    assert detect("Aàaà Tân Hà") is None
    assert "Aàaà" == to_unicode("Aàaà")


@given(st.text(alphabet="".join(LETTERS) + " ,.0123456789ABCDbcdghklmnpqrstvx"))
def test_unicode_text_is_never_converted(text: str) -> None:
    # also text of Latin-1 letters only, which a legacy encoding could have typed as well
    assert unicodedata.normalize("NFC", text) == to_unicode(text)


def test_a_tcvn3_text_file_is_read_as_unicode(tmp_path: Path) -> None:
    line = "Tæng sè\t12.281\t241"
    blocks = text_blocks("KÕ ho¹ch gi¶m nghÌo n¨m 2024\n\n" + line + "\n", "x.txt")
    assert "Kế hoạch giảm nghèo năm 2024" == blocks[0].text  # type: ignore[union-attr]
    path = tmp_path / "plan.txt"
    path.write_bytes("KÕ ho¹ch\nGi¶m nghÌo n¨m 2024 trªn ®Þa bµn huyÖn Na R×\n".encode("latin-1"))
    paragraphs = read_blocks(path)
    assert "Giảm nghèo năm 2024 trên địa bàn huyện Na Rì" == paragraphs[1].text  # type: ignore[union-attr]


def test_a_word_run_in_a_legacy_font_is_converted(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Sè hé nghÌo: ").font.name = ".VnTime"
    paragraph.add_run("Soá hoä ngheøo").font.name = "VNI-Times"
    paragraph.add_run(" – Số hộ").font.name = "Times New Roman"
    path = tmp_path / "cu.docx"
    document.save(str(path))
    assert "Số hộ nghèo: Số hộ nghèo – Số hộ" == read_blocks(path)[0].text  # type: ignore[union-attr]
