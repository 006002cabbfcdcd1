"""A Word file built from the worked example's text (merged header cells, the annex in a
landscape section) imports to the same header, annex and funding as the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdpoverty.io.files import plan_from_data
from mdpoverty.reading import Table, read_blocks, read_published
from mdpoverty.reference.datasets import example
from mdpoverty.testing._published import build_docx

SOURCE_TEXT = Path(__file__).parent / "data" / "bac-kan-2024-plan.vi.txt"


@pytest.fixture(scope="session")
def word_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worked example as a Word file (built once per session)."""
    pytest.importorskip("docx")
    path = tmp_path_factory.mktemp("docx") / "ke-hoach.docx"
    build_docx(SOURCE_TEXT.read_text(encoding="utf-8"), path)
    return path


def test_merges_and_landscape_are_read(word_file: Path) -> None:
    table = next(b for b in read_blocks(word_file) if isinstance(b, Table))
    assert table.landscape
    stt_below = table.rows[1][0]
    assert stt_below.merged
    assert "STT" == stt_below.text
    assert (1, 1) == stt_below.origin
    across = table.rows[0][6]
    assert across.merged
    assert (1, 6) == across.origin
    assert across.text.startswith("Mục tiêu phấn đấu")
    assert "Giảm tỷ lệ hộ nghèo (%)" == table.rows[1][6].text


def test_same_header_annex_and_funding_as_the_bundled_plan(word_file: Path) -> None:
    draft = read_published(word_file)
    read = plan_from_data(draft.data)
    shipped = example("bac-kan-2024")
    assert shipped.header == read.header
    assert shipped.annex == read.annex
    for component in shipped.all_components():
        if component.funding is not None:
            assert component.funding == read.component(component.code).funding
    assert () == draft.gaps
    trace = draft.source_of(("annex", "total", "households"))
    assert trace is not None
    assert "12.281" == trace.text
    assert "table 1" == trace.place.part
    assert (11, 3) == (trace.place.row, trace.place.column)
