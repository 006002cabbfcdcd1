"""Every table in the reader's language: the annex, the figure tables and the review form say
their headers, titles and labels in Vietnamese or in English, from the catalog, and the
problems of a sheet read back say what is wrong in either language.

A Vietnamese table holds no English word, an English one no Vietnamese word, apart from the
document's own names (units, strata, groups, the area, printed labels and titles), which are
taken out first (:func:`mdpoverty.testing.without`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from mdpoverty.cli import template_text
from mdpoverty.errors import PlanFileError
from mdpoverty.i18n import LANGS, Lang, localize
from mdpoverty.io.files import load_plan, read_plan_text
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.tables import annex, annex_csv, import_annex, read_annex, render, write_annex_xlsx
from mdpoverty.testing import documents, english_words, flow_reviews, vietnamese_words, without

DATA = Path(__file__).resolve().parents[1] / "data"


def _documents() -> Iterator[tuple[str, Document]]:
    yield "bac-kan-2024", bac_kan_2024()
    for path in sorted(DATA.glob("*.yaml")):
        yield path.name, load_plan(path)
    for kind in ("plan", "review", "report"):
        yield f"template-{kind}", read_plan_text(template_text(kind, "district"))


DOCUMENTS = list(_documents())


def names(document: Document) -> list[str]:
    """The document's own words: what a table of it may show in either language."""
    found: list[str | None] = [document.area.name, document.header.issuer, document.header.title]
    found += [u.name for u in document.units]
    found += [s.name for s in document.strata] + [g.name for g in document.groups]
    if document.annex is not None:
        found += [document.annex.title, document.annex.caption]
        found += [r.label for r in document.annex.rows]
        if document.annex.total is not None:
            found.append(document.annex.total.label)
    return [n for n in found if n]


def rendered(document: Document, lang: Lang) -> str:
    """The document's table in ``lang``, in every text format, with its title; the CSV's
    ``id`` column (keys for programs: ``total``, ``section:urban``) left out."""
    table = annex(document, lang)
    csv_rows = render(table, "csv").splitlines()
    csv_text = "\n".join(row.split(",", 1)[1] for row in csv_rows if "," in row)
    return "\n".join([render(table, "text"), render(table, "markdown"), csv_text])


def assert_in_language(text: str, lang: Lang, document: Document) -> None:
    plain = without(text, names(document))
    if lang == "vi":
        assert english_words(plain) == set(), text
    else:
        assert vietnamese_words(plain) == set(), text


@pytest.mark.parametrize(("name", "document"), DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
@pytest.mark.parametrize("lang", LANGS)
def test_every_table_of_a_test_document_is_in_its_language(
    name: str, document: Document, lang: Lang
) -> None:
    assert_in_language(rendered(document, lang), lang, document)


def test_the_english_annex_of_bac_kan_says_its_headers_and_total_in_english() -> None:
    table = annex(bac_kan_2024(), "en")
    text = render(table)
    assert "Households at the start of 2024" in table.columns  # a year is a name: not "2,024"
    assert "Poverty rate at the end of 2024 (%)" in table.columns
    assert text.rstrip().splitlines()[-1].split()[:2] == ["Total", "12,281"]
    assert text.splitlines()[0].strip() == "Targets for reducing the poverty rate in 2024"


def test_the_vietnamese_headers_are_the_printed_ones() -> None:
    # Transcribed from the Bắc Kạn annex (Kế hoạch 2024, Phụ lục): the catalog's Vietnamese
    # words must be exactly those the document prints, the year shown as it is written.
    headers = list(annex(bac_kan_2024(), "vi").columns)
    assert headers == [
        "STT",
        "Tên đơn vị",
        "Tổng số hộ dân đầu năm 2024 (hộ)",
        "Số hộ nghèo đầu năm 2024",
        "Tỷ lệ hộ nghèo đầu năm 2024(%)",
        "Giảm số hộ nghèo (hộ)",
        "Giảm tỷ lệ hộ nghèo (%)",
        "Tỷ lệ hộ nghèo cuối năm 2024 (%)",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_annex_sheet_says_its_group_header_and_name_in_its_language(
    tmp_path: Path, lang: Lang
) -> None:
    plan = bac_kan_2024()
    path = tmp_path / "annex.xlsx"
    table = annex(plan, lang)
    write_annex_xlsx(table, path)
    sheet = load_workbook(path).active
    assert sheet is not None
    printed = sheet.iter_rows(max_col=len(table.columns))  # not the hidden column of ids
    texts = " ".join(str(c.value) for row in printed for c in row if isinstance(c.value, str))
    assert_in_language(f"{sheet.title} {texts}", lang, plan)
    expected = {"vi": "Mục tiêu phấn đấu giảm tỷ lệ hộ nghèo năm 2024", "en": "Poverty reduction"}
    assert expected[lang] in texts
    # and the sheet's figures read back whatever the language of its headers (its title and
    # total label are the sheet's words: printed in English, they are English)
    again = import_annex(plan, path)
    assert (again.units, again.targets) == (plan.units, plan.targets)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_table_of_any_document_is_in_the_language_asked(document: Document) -> None:
    for lang in LANGS:
        assert_in_language(rendered(document, lang), lang, document)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flow_reviews())
def test_the_review_form_is_in_the_language_asked_and_reads_back_from_either(
    review: Document,
) -> None:
    for lang in LANGS:
        table = annex(review, lang)
        assert table.attrs["table"] == "review-form"
        assert_in_language(rendered(review, lang), lang, review)
        data = render(table, "csv").encode()
        assert import_annex(review, data, name="form.csv") == review


def _broken_csv() -> bytes:
    """Bắc Kạn's annex as CSV, with a word in a count, a rate that is no number, and a unit no
    plan has."""
    lines = annex_csv(annex(bac_kan_2024())).splitlines()
    lines[1] = lines[1].replace(",2347,", ",hai nghìn,")
    lines[2] = lines[2].replace(",1.75,", ",abc,").replace(",1.74,", ",abc,")
    lines[3] = "x,3,Xã Không Có,100,5,5.00,1,1.00,4.00"
    return ("\n".join(lines) + "\n").encode()


def test_a_cell_problem_says_in_both_languages_what_is_wrong() -> None:
    with pytest.raises(PlanFileError) as info:
        import_annex(bac_kan_2024(), _broken_csv(), name="annex.csv")
    problems = info.value.problems
    assert len(problems) >= 2
    options = ["--add-units", "add_units=True"]  # names of the program, in either language
    for problem in problems:
        vi, en = localize(problem.reason, "vi"), localize(problem.reason, "en")
        assert en == problem.reason  # the English is the reason's own text
        assert vi != en
        assert english_words(without(vi, options)) == set(), vi
        assert vietnamese_words(without(en, options)) == set(), en
    reasons = {localize(p.reason, "vi") for p in problems}
    assert any(r.startswith("phải là một số theo cách viết tiếng Việt") for r in reasons)


def test_a_file_without_a_header_says_which_headers_it_looks_for_in_either_language() -> None:
    with pytest.raises(PlanFileError) as info:
        read_annex(io.BytesIO(b"a,b\n1,2\n"), name="x.csv")
    (problem,) = info.value.problems
    assert localize(problem.reason, "vi").endswith("(STT, Tên đơn vị, …)")
    assert localize(problem.reason, "en").endswith("(No., Unit, …)")
    assert vietnamese_words(localize(problem.reason, "en")) == set()


@pytest.mark.parametrize(
    "name", ["bac-kan-2024", "province-review-flows-2024.yaml", "province-review-2024.yaml"]
)
@pytest.mark.parametrize("lang", LANGS)
def test_the_word_table_is_in_its_language(tmp_path: Path, name: str, lang: Lang) -> None:
    import docx  # noqa: PLC0415  (the read extra, installed with the tests)

    from mdpoverty.tables.docx import write_annex_docx  # noqa: PLC0415

    document = dict(DOCUMENTS)[name]
    path = tmp_path / "annex.docx"
    write_annex_docx(annex(document, lang), path)
    word = docx.Document(str(path))
    texts = [p.text for p in word.paragraphs]
    texts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    # a caption is the document's own words (printed above the annex), in its language
    caption = document.annex.caption if document.annex is not None else ""
    assert_in_language("\n".join(t for t in texts if t != caption), lang, document)
    assert not any(t.startswith("('") for t in texts)  # a header of levels: words, not a tuple
