"""A text PDF built from the worked example's text (the annex on a landscape page, in a
ruled table with merged headers) imports to the same header, annex and funding as the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdpoverty.errors import PlanFileError
from mdpoverty.io.files import plan_from_data
from mdpoverty.reading import Table, read_blocks, read_published
from mdpoverty.reference.datasets import example
from mdpoverty.testing._published import build_pdf

SOURCE_TEXT = Path(__file__).parent / "data" / "bac-kan-2024-plan.vi.txt"


@pytest.fixture(scope="session")
def pdf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worked example as a text PDF (built once per session)."""
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfplumber")
    path = tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf"
    build_pdf(SOURCE_TEXT.read_text(encoding="utf-8"), path)
    return path


def test_the_annex_table_is_rebuilt_from_words(pdf_file: Path) -> None:
    table = next(b for b in read_blocks(pdf_file) if isinstance(b, Table))
    assert table.landscape
    assert "STT" == table.rows[0][0].text
    assert table.rows[1][0].merged
    assert "12.281" == table.rows[-1][2].text


def test_same_header_annex_and_funding_as_the_bundled_plan(pdf_file: Path) -> None:
    draft = read_published(pdf_file)
    read = plan_from_data(draft.data)
    shipped = example("bac-kan-2024")
    assert shipped.header == read.header
    assert shipped.annex == read.annex
    for component in shipped.all_components():
        if component.funding is not None:
            assert component.funding == read.component(component.code).funding
    assert () == draft.gaps
    trace = draft.source_of(("annex", "rows", 3, "label"))
    assert trace is not None
    assert "P. Nguyễn Thị Minh Khai" == trace.text
    assert trace.place.part.startswith("page ")


def test_a_scanned_pdf_says_to_run_text_recognition(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 200, 200, fill=1)  # an image-like page: shapes, no text
    page.save()
    with pytest.raises(PlanFileError, match="text recognition"):
        read_published(path)
