"""The templates of ``mdpoverty new`` in Vietnamese and in English: one document, its comments
said in the language asked for."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from mdpoverty.cli import KINDS, LEVELS, main, template_text
from mdpoverty.io._templates import standard_comment, years_for
from mdpoverty.io.files import read_plan_text
from mdpoverty.testing import english_words, vietnamese_words, without

_CODE = re.compile(r"`[^`]*`", re.DOTALL)
_PARENTHESISED = re.compile(r"\([^()]*\)")
_COMMENT = re.compile(r"(?:^|\s)#(?P<text>.*)$")

# The headings and forms of the document that the English comments name as printed (the
# parts of a plan, the tables of a review), which an English reader looks for in the document.
_PRINTED_HEADINGS = (
    "Căn cứ",
    "Mục đích, yêu cầu",
    "Tổ chức thực hiện",
    "Phụ lục",
    "Biểu",
    "Cơ quan ban hành",
)
# Names that read the same in both languages: acts' numbers, the programme's codes, the
# format's and the editor's names, the abbreviations of the budgets.
_NAMES = (
    "NĐ-CP",
    "QĐ-TTg",
    "QĐ-UBND",
    "KH-UBND",
    "NSTW",
    "NSĐP",
    "FILE.yaml",
    "plan.schema.json",
    "VS Code",
)


def _data(text: str) -> list[str]:
    """The lines of ``text`` that are data: without full-line comments, each without its
    trailing comment."""
    return [
        re.sub(r"\s+#.*$", "", line)
        for line in text.splitlines()
        if not line.lstrip().startswith("#")
    ]


def _comments(text: str) -> str:
    """The comments of ``text``: commented-out data keeps only its own comment."""
    found = []
    for line in text.splitlines():
        match = _COMMENT.search(line)
        if match:
            comment = match.group("text")
            # `# number: "8"   # leave it out ...`: a commented-out field, then its comment
            found.append(comment.rpartition(" # ")[2] if " # " in comment else comment)
    return "\n".join(found)


def _vietnamese_comments_english(text: str) -> set[str]:
    comments = _CODE.sub(" ", _comments(text))  # field names, values, commands, module paths
    return english_words(without(comments, _NAMES))


def _english_comments_vietnamese(text: str) -> set[str]:
    comments = _PARENTHESISED.sub(" ", _CODE.sub(" ", _comments(text)))
    return vietnamese_words(without(comments, _PRINTED_HEADINGS + _NAMES))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("level", LEVELS)
def test_both_languages_are_the_same_document(kind: str, level: str) -> None:
    english, vietnamese = (
        template_text(kind, level, lang="en"),
        template_text(kind, level, lang="vi"),
    )
    assert english != vietnamese  # the comments differ
    assert _data(english) == _data(vietnamese)
    assert read_plan_text(english) == read_plan_text(vietnamese)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("level", LEVELS)
def test_the_vietnamese_comments_hold_no_english(kind: str, level: str) -> None:
    text = template_text(kind, level, lang="vi")
    assert set() == _vietnamese_comments_english(text)
    # every comment of the English template has its Vietnamese one, none left out
    english = template_text(kind, level, lang="en")
    assert len(_comments(english)) > 0
    assert len(_comments(text).splitlines()) >= len(_comments(english).splitlines()) * 0.8


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("level", LEVELS)
def test_the_english_comments_hold_no_vietnamese_but_printed_terms(kind: str, level: str) -> None:
    assert set() == _english_comments_vietnamese(template_text(kind, level, lang="en"))


def test_the_language_checks_find_a_comment_in_the_other_language() -> None:
    english = template_text("plan", "province", lang="en")
    vietnamese = template_text("plan", "province", lang="vi")
    # an English comment left in the Vietnamese template, a Vietnamese one in the English
    assert "the" in _vietnamese_comments_english(vietnamese + "# leave the counts out\n")
    assert "bỏ" in _english_comments_vietnamese(english + "# bỏ trường này\n")
    # the English comments are English, the Vietnamese ones Vietnamese
    assert _vietnamese_comments_english(english)
    assert _english_comments_vietnamese(vietnamese)


def test_a_template_with_other_data_in_vietnamese_is_told_apart() -> None:
    english = template_text("plan", "province", lang="en")
    vietnamese = template_text("plan", "province", lang="vi").replace("value: 50,", "value: 51,")
    assert _data(english) != _data(vietnamese)


def test_the_vietnamese_files_are_the_english_ones() -> None:
    folder = resources.files("mdpoverty.io").joinpath("data", "templates")
    english = {p.name for p in folder.iterdir() if p.name.endswith(".yaml")}
    vietnamese = {p.name for p in folder.joinpath("vi").iterdir()}
    assert english == vietnamese


@pytest.mark.parametrize(("kind", "level"), [("review", "province"), ("plan", "district")])
def test_a_template_moved_to_another_year_says_its_standard_in_its_language(
    kind: str, level: str
) -> None:
    for year in years_for(template_text(kind, level)):
        english = template_text(kind, level, year, "en")
        vietnamese = template_text(kind, level, year, "vi")
        assert read_plan_text(english) == read_plan_text(vietnamese)
        assert _data(english) == _data(vietnamese)
        assert set() == _vietnamese_comments_english(vietnamese)
        assert set() == _english_comments_vietnamese(english)


def test_the_standard_comment_of_the_vietnamese_template_is_true() -> None:
    for kind in KINDS:
        for level in LEVELS:
            text = template_text(kind, level, lang="vi")
            assert text == standard_comment(text, "vi")


def test_the_standard_comment_of_a_moved_review_in_vietnamese() -> None:
    # A review at the end of 2026 serves 2027, the first year of Decree 351's own criteria;
    # worked out from the decree (2026–2030, its own criteria from 2027).
    line = next(
        line
        for line in template_text("review", "province", 2026, "vi").splitlines()
        if line.startswith("standard:")
    )
    assert line.endswith(
        "# chuẩn nghèo (351/2025/NĐ-CP, 2026–2030; áp dụng tiêu chí riêng từ năm 2027); "
        "kết quả rà soát cuối năm 2026 dùng cho năm 2027"
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("level", LEVELS)
def test_new_in_vietnamese_writes_a_template_that_checks_clean(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, level: str
) -> None:
    path = tmp_path / f"{kind}-{level}.yaml"
    argv = ["new", "--kind", kind, "--level", level, "--lang", "vi", "-o", str(path)]
    assert 0 == main(argv)
    text = path.read_text(encoding="utf-8")
    assert text == template_text(kind, level, lang="vi")
    assert 0 == main(["check", str(path), "--lang", "vi"])
    capsys.readouterr()


def test_new_in_english_writes_english_comments(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["new", "--lang", "en"])
    assert template_text(lang="en") == capsys.readouterr().out
    assert 0 == main(["new", "--lang", "vi"])
    assert template_text(lang="vi") == capsys.readouterr().out
