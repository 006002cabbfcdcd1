"""The annex's reader takes bytes and streams, its writer writes to a stream, and each refuses
what it cannot take with a documented error."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mdpoverty.errors import PlanFileError, ValidationError
from mdpoverty.io.files import load_plan
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.tables import annex_csv, import_annex, read_annex
from mdpoverty.tables.annex import annex
from mdpoverty.tables.xlsx import write_annex_xlsx


def test_an_xlsx_written_to_a_stream_reads_back_from_bytes_and_from_a_file(
    tmp_path: Path,
) -> None:
    plan = bac_kan_2024()
    stream = io.BytesIO()
    write_annex_xlsx(annex(plan), stream)
    path = tmp_path / "annex.xlsx"
    write_annex_xlsx(annex(plan), path)
    from_stream = read_annex(io.BytesIO(stream.getvalue()), name="upload.xlsx")
    assert read_annex(path) == from_stream
    assert 12281 == from_stream.total.households  # type: ignore[union-attr]  # the printed total
    assert plan == import_annex(plan, stream.getvalue(), name="upload.xlsx")


def test_a_csv_from_bytes() -> None:
    data = annex_csv(annex(bac_kan_2024())).encode("utf-8")
    assert 2347 == read_annex(data, name="upload.csv").rows[0].households


def test_a_stream_without_a_known_extension_is_refused_with_its_code() -> None:
    with pytest.raises(PlanFileError) as raised:
        read_annex(b"STT", name="upload.ods")
    assert ["bad-extension"] == [p.code for p in raised.value.problems]
    assert "upload.ods" == raised.value.source


def test_a_review_s_table_is_refused_by_the_sheet_writer(tmp_path: Path) -> None:
    # a review of counts and rates only (one that prints flows has the review form's sheet)
    review = load_plan(Path(__file__).parents[1] / "data" / "national-review-2023.yaml")
    with pytest.raises(ValidationError, match="table of figures"):
        write_annex_xlsx(annex(review), tmp_path / "x.xlsx")
    with pytest.raises(ValidationError, match="printed face"):
        write_annex_xlsx(annex(bac_kan_2024(), labels="fields"), tmp_path / "x.xlsx")
    with pytest.raises(ValidationError) as raised:
        write_annex_xlsx("annex", 42)  # type: ignore[arg-type]
    assert ["frame", "target"] == [p.field for p in raised.value.problems]
    assert not (tmp_path / "x.xlsx").exists()
