"""Every table import_annex reads takes the sources every reader takes, with the same checks.

A review's figure table and its review form were read from a path only, without the size and
UTF-8 checks of the annex reader: a stream went to the annex reader and failed there, and a
file that is not UTF-8 escaped as a bare UnicodeDecodeError.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mdpoverty.errors import PlanFileError
from mdpoverty.io.files import load_plan
from mdpoverty.tables import annex, figures_csv, import_annex
from mdpoverty.tables.review_form import form_csv

DATA = Path(__file__).parents[1] / "data"


def test_a_figure_table_reads_back_from_bytes_and_from_a_stream() -> None:
    review = load_plan(DATA / "province-review-2024.yaml")
    data = figures_csv(annex(review)).encode("utf-8")
    assert review == import_annex(review, data, name="figures.csv")
    assert review == import_annex(review, io.BytesIO(data), name="figures.csv")


def test_a_review_form_reads_back_from_a_stream() -> None:
    review = load_plan(DATA / "province-review-flows-2024.yaml")
    data = form_csv(annex(review)).encode("utf-8")
    assert review == import_annex(review, io.BytesIO(data), name="form.csv")


def test_a_figure_table_that_is_not_utf8_is_a_problem_with_its_code(tmp_path: Path) -> None:
    review = load_plan(DATA / "province-review-2024.yaml")
    path = tmp_path / "figures.csv"
    path.write_bytes(figures_csv(annex(review)).encode("utf-8") + "Hà Giang".encode("cp1258"))
    with pytest.raises(PlanFileError) as raised:
        import_annex(review, path)
    assert ["not-utf8"] == [p.code for p in raised.value.problems]
