"""An annex sheet in Excel (the printed layout: title and caption merged across, a two-row
merged header) imports to the same annex, traced to its cells."""

from __future__ import annotations

from pathlib import Path

from mdpoverty.io.files import plan_from_data
from mdpoverty.reading import Table, read_blocks, read_published
from mdpoverty.reference.datasets import example
from mdpoverty.tables.annex import annex
from mdpoverty.tables.xlsx import write_annex_xlsx


def test_the_bundled_plans_annex_sheet_imports_to_the_same_annex(tmp_path: Path) -> None:
    shipped = example("bac-kan-2024")
    path = tmp_path / "bieu.xlsx"
    write_annex_xlsx(annex(shipped), path)
    blocks = read_blocks(path)
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.rows[1][0].merged  # "STT" merged down over the two header rows
    draft = read_published(path)
    read = plan_from_data(draft.data)
    assert read.annex is not None
    assert shipped.annex is not None
    assert shipped.annex.title == read.annex.title
    assert shipped.annex.caption == read.annex.caption
    assert shipped.annex.rows == read.annex.rows
    assert shipped.annex.total == read.annex.total
    trace = draft.source_of(("annex", "total", "households"))
    assert trace is not None
    assert "sheet Phụ lục" == trace.place.part
    assert (14, 3) == (trace.place.row, trace.place.column)
    # A sheet is no plan's text: what only the text states is a gap, never made up.
    assert {"header/date", "header/issuer"} <= {"/".join(map(str, g.path)) for g in draft.gaps}
