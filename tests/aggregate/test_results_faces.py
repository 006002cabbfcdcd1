"""Results against targets take the same switches and carry the same attrs as every table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

from mdpoverty import testing
from mdpoverty.aggregate.results import RESULT_COLUMNS, results
from mdpoverty.errors import ValidationError
from mdpoverty.io.files import load_plan
from mdpoverty.model.document import Document, Plan

REPORT = Path(__file__).parent.parent / "data" / "report-2024.yaml"


def report() -> Document:
    return load_plan(REPORT)


def test_the_default_face_is_unchanged_and_carries_the_shared_attrs() -> None:
    table = results(report())
    assert [
        "subject",
        "group",
        "measure",
        "target",
        "comparison",
        "achieved",
        "met",
        "by",
    ] == table.columns.tolist()
    assert list(RESULT_COLUMNS) == table.columns.tolist()
    # The report's figures, read by hand: reductions of 65 households and 5,55 / 1,12 points,
    # and 25, 20, 20 households in the three communes.
    assert [65, Decimal("5.55"), Decimal("1.12"), 25, 20, 20] == table["achieved"].tolist()
    assert {
        "table": "results",
        "document": table.attrs["outcome"],  # a report is its own outcome
        "year": 2024,
        "lang": "vi",
        "labels": "fields",
        "total": False,
        "units": {},
        "outcome": table.attrs["document"],
    } == table.attrs
    assert table.attrs["document"].startswith("report ")


def test_the_printed_face_in_both_languages() -> None:
    english = results(report(), labels="printed", lang="en")
    assert [
        "Subject",
        "Household group",
        "Measure",
        "Target",
        "Comparison",
        "Achieved",
        "Met",
        "Margin",
    ] == english.columns.tolist()
    assert [True] * 6 == english["Met"].tolist()
    vietnamese = results(report(), labels="printed")
    assert ["Đối tượng", "Nhóm hộ", "Chỉ tiêu", "Mục tiêu"] == vietnamese.columns[:4].tolist()
    assert ("printed", "vi") == (vietnamese.attrs["labels"], vietnamese.attrs["lang"])


def test_a_total_and_bad_switches_are_refused_all_at_once() -> None:
    with pytest.raises(ValidationError) as total:
        results(report(), total=True)
    assert ["total"] == [p.field for p in total.value.problems]
    with pytest.raises(ValidationError) as bad:
        results("report.yaml", 42, labels="nice", lang="fr", total="yes")  # type: ignore[arg-type]
    assert {"plan", "outcome", "labels", "lang", "total"} == {p.field for p in bad.value.problems}


@settings(max_examples=25, deadline=None)
@given(testing.plans(max_units=4))
def test_both_faces_hold_the_same_cells(plan: Plan) -> None:
    fields = results(plan, plan)
    for lang in ("vi", "en"):
        printed = results(plan, plan, labels="printed", lang=lang)
        assert fields.shape == printed.shape
        assert len(RESULT_COLUMNS) == len(set(printed.columns))
        assert fields.to_numpy().tolist() == printed.to_numpy().tolist()
        assert {k: v for k, v in fields.attrs.items() if k not in ("labels", "lang")} == {
            k: v for k, v in printed.attrs.items() if k not in ("labels", "lang")
        }
