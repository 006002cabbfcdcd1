"""What a person reads of an import is in the language asked for: the gaps and the sources
written into a draft and its sidecar, and the errors of files that cannot be read.

A Vietnamese draft holds no English sentence and an English one no Vietnamese word, apart
from the document's own words (the names it prints, quoted values, the file's name) and the
paths of the draft's data (keys of the plan file, the same in every language)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.errors import PlanFileError
from mdpoverty.i18n import Lang, _, localize
from mdpoverty.reading import Draft, Place, draft_yaml, read_published, sources_csv, write_draft
from mdpoverty.reading.draft import data_path
from mdpoverty.reference.admin_units import old_units
from mdpoverty.testing import english_words, vietnamese_words, without

ROWS = [
    "STT\tTên đơn vị\tTổng số hộ\tSố hộ nghèo\tGiảm số hộ nghèo (hộ)",
    "1\tX. Cao Sơn\t1.200\t150\t10",
    "2\tXã Phủ Thông\t2.347\t40\t2",
    "3\tXã Không Có Thật\t500\t12\t1",
]
# No date line, no issuer, a legal basis in no form the reader knows, two communes the list of
# units does not hold: a gap each, beside values read.
TEXT = (
    "KẾ HOẠCH\nGiảm nghèo năm 2024 trên địa bàn tỉnh Bắc Kạn\n\nCăn cứ cái gì đó;\n\n"
    "BIỂU MỤC TIÊU\n" + "\n".join(ROWS) + "\n"
)


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Draft:
    path = tmp_path_factory.mktemp("reading") / "ke-hoach.txt"
    path.write_text(TEXT, encoding="utf-8")
    return read_published(path)


def _names(draft: Draft) -> list[str]:
    """What a message may show as the document or the reference data print it."""
    units = [n for u in old_units("Bắc Kạn") for n in (str(u), u.name)]
    paths = [data_path(g.path) for g in draft.gaps]
    return [*units, *paths, "Tỉnh Bắc Kạn", draft.file, ".sources.csv"]


def _comments(text: str) -> str:
    """The comments a person reads in a draft: its head, and what follows each value's ``#``
    up to the text as printed (quoted, so left out)."""
    return "\n".join(line.partition("#")[2] for line in text.splitlines() if "#" in line)


def test_the_draft_has_the_gaps_this_test_is_about(draft: Draft) -> None:
    gaps = {data_path(g.path) for g in draft.gaps}
    assert {"header/date", "header/issuer", "legal_bases/0", "units/1/code"} <= gaps
    assert "units/2/code" in gaps


def test_a_vietnamese_draft_has_no_english_sentence(draft: Draft) -> None:
    text = draft_yaml(draft, "vi")
    assert "CHỖ TRỐNG" in text
    assert "đoạn 1" in text  # a place, in Vietnamese
    assert "bảng 1, dòng 2, cột 3" in text
    assert set() == english_words(without(_comments(text), _names(draft)))


def test_an_english_draft_has_no_vietnamese_word(draft: Draft) -> None:
    text = draft_yaml(draft, "en")
    assert "GAPS" in text
    assert "table 1, row 2, column 3" in text
    assert set() == vietnamese_words(without(_comments(text), _names(draft)))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sidecar_says_parts_and_reasons_in_the_language(draft: Draft, lang: Lang) -> None:
    rows = list(csv.DictReader(io.StringIO(sources_csv(draft, lang))))
    # The library's words: the parts, the reasons of the gaps; of a value read, its context
    # is the paragraph it stands in (the document's words) but for a unit's code, found in
    # the reference list.
    gaps = [f"{r['part']} {r['context']}" for r in rows if r["status"] == "gap"]
    codes = [r["context"] for r in rows if r["path"] == "units/0/code"]
    parts = [r["part"] for r in rows]
    said = "\n".join([*gaps, *codes, *parts])
    assert codes
    assert ("danh mục" in codes[0]) == (lang == "vi")
    left = without(said, _names(draft))
    found = english_words(left) if lang == "vi" else vietnamese_words(left)
    assert set() == found
    # The columns and statuses are for programs: the same in every language.
    assert {"read", "gap"} == {r["status"] for r in rows}


def test_the_draft_is_written_in_the_language_of_the_environment(
    draft: Draft, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MDPOVERTY_LANG", "en")
    write_draft(draft, tmp_path / "en.yaml")
    write_draft(draft, tmp_path / "vi.yaml", "vi")
    assert "GAPS" in (tmp_path / "en.yaml").read_text(encoding="utf-8")
    assert "CHỖ TRỐNG" in (tmp_path / "vi.yaml").read_text(encoding="utf-8")
    assert "bảng 1" in (tmp_path / "vi.sources.csv").read_text(encoding="utf-8")


def _refusal(path: Path) -> str:
    with pytest.raises(PlanFileError) as raised:
        read_published(path)
    (problem,) = raised.value.problems
    return problem.reason


@pytest.mark.parametrize("suffix", [".doc", ".xls", ".rtf", ".odt"])
def test_a_file_that_cannot_be_read_says_what_to_do_in_either_language(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"old{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    reason = _refusal(path)
    vi, en = localize(reason, "vi"), localize(reason, "en")
    assert vi != en
    assert set() == english_words(without(vi, [suffix, ".docx", ".xlsx", ".pdf", ".txt"]))
    assert set() == vietnamese_words(en)
    assert any(f in vi for f in (".docx", ".xlsx"))  # what to save it as, or what to give


def test_a_scanned_pdf_says_what_to_do_in_vietnamese(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfplumber")
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 200, 200, fill=1)  # an image-like page: shapes, no text
    page.save()
    reason = _refusal(path)
    vi = localize(reason, "vi")
    assert "OCR" in vi
    assert set() == english_words(without(vi, ["ocrmypdf", "Word", "PDF"]))
    assert set() == vietnamese_words(localize(reason, "en"))


@given(
    row=st.none() | st.integers(1, 10**6),
    column=st.none() | st.integers(1, 10**4),
    paragraph=st.none() | st.integers(1, 10**6),
    part=st.sampled_from([None, "page", "table", "sheet"]),
    n=st.integers(1, 999),
)
def test_a_place_says_itself_in_either_language(
    row: int | None, column: int | None, paragraph: int | None, part: str | None, n: int
) -> None:
    parts = {
        None: "",
        "page": _("page {n}", n=n),
        "table": _("page {page}, table {n}", page=n, n=n),
        "sheet": _("sheet {name}", name="Biểu 1"),
    }
    place = Place("ke-hoach.docx", parts[part], row=row, column=column, paragraph=paragraph)
    assert place.localized("en") == str(place)
    vi = place.localized("vi")
    assert vi.startswith("ke-hoach.docx")
    assert set() == english_words(without(vi, ["ke-hoach.docx", "Biểu 1"]))
    assert set() == vietnamese_words(without(str(place), ["Biểu 1"]))
    # Every number the place holds is shown.
    numbers = [x for x in (row, column, paragraph) if x is not None]
    shown = vi.replace(".", "")  # Vietnamese groups thousands with a point
    assert all(str(x) in shown for x in numbers)
