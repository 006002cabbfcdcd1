"""The carried tables take the same switches and carry the same attrs as every table."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings

from mdpoverty import AdministrativeUnit as Unit
from mdpoverty import (
    Area,
    Figure,
    Header,
    HouseholdGroup,
    PartialDate,
    Period,
    Plan,
    Review,
    UnitKind,
)
from mdpoverty.aggregate.carried_figures import (
    carry_everything,
    carry_figures,
    carry_figures_back,
)
from mdpoverty.aggregate.carry_over import carry_back, carry_over
from mdpoverty.errors import ValidationError
from mdpoverty.model.document import Document
from mdpoverty.testing import old_unit_documents, old_unit_plans


def cao_bang_plan() -> Plan:
    """Three old communes of Cao Bằng: Lý Bôn and Vĩnh Quang merged whole into Lý Bôn (01294);
    Nam Cao merged with Nam Quang, which the plan does not cover."""
    return Plan(
        header=Header("UBND", PartialDate(2024, 3), "KẾ HOẠCH"),
        area=Area("Cao Bằng", UnitKind.PROVINCE),
        period=Period(2024),
        standard="decree-07-2021",
        units=[
            Unit("a", "Xã Lý Bôn", UnitKind.COMMUNE, 1000, 20),
            Unit("b", "Xã Vĩnh Quang", UnitKind.COMMUNE, 500, 15, code="01300"),
            Unit("c", "Xã Nam Cao", UnitKind.COMMUNE, 800, 40, code="01296"),
        ],
    )


def thai_nguyen_review() -> Review:
    return Review(
        header=Header("UBND tỉnh", PartialDate(2026, 12, 20), "KẾT QUẢ RÀ SOÁT"),
        area=Area("Thái Nguyên", UnitKind.PROVINCE),
        period=Period(2026),
        units=[
            Unit("ba-be", "Xã Ba Bể", UnitKind.COMMUNE, code="01906"),
            Unit("cho-ra", "Xã Chợ Rã", UnitKind.COMMUNE, code="01912"),
        ],
        figures=[
            Figure(group=HouseholdGroup.ALL, about="ba-be", count=4000),
            Figure(group=HouseholdGroup.POOR, about="ba-be", count=400),
        ],
    )


FIELDS = [
    "name",
    "province",
    "complete",
    "households",
    "poor_households",
    "poverty_rate",
    "near_poor_households",
    "near_poverty_rate",
    "reduction",
    "rate_reduction",
    "end_rate",
    "units",
    "missing",
    "why",
]

UNITS = {
    "households": "households",
    "poor_households": "households",
    "poverty_rate": "percent",
    "near_poor_households": "households",
    "near_poverty_rate": "percent",
    "reduction": "households",
    "rate_reduction": "percentage points",
    "end_rate": "percent",
}


def test_the_default_face_is_the_fields_and_its_attrs_are_the_shared_ones() -> None:
    table = carry_over(cao_bang_plan())
    assert FIELDS == table.columns.tolist()
    assert {
        "table": "carry_over",
        "document": "plan Cao Bằng 2024",
        "year": 2024,
        "lang": "vi",
        "labels": "fields",
        "total": False,
        "units": UNITS,
    } == table.attrs
    # Worked by hand: 1000 + 500 households, 20 + 15 poor, 35 / 1500 = 2.333… → 2.33.
    assert (1500, 35, Decimal("2.33")) == tuple(
        table.loc["01294", ["households", "poor_households", "poverty_rate"]]
    )


def test_the_printed_face_in_english_and_vietnamese() -> None:
    english = carry_over(cao_bang_plan(), labels="printed", lang="en")
    assert [
        "Unit",
        "Province",
        "Complete",
        "Households at the start of the year",
        "Poor households at the start of the year",
        "Poverty rate at the start of the year (%)",
        "Near-poor households at the start of the year",
        "Near-poverty rate at the start of the year (%)",
        "Reduction in poor households",
        "Reduction of the poverty rate (points)",
        "Poverty rate at the end of the year (%)",
        "Units of the document",
        "Units not covered",
        "Why incomplete",
    ] == english.columns.tolist()
    assert ("printed", "en", UNITS) == (
        english.attrs["labels"],
        english.attrs["lang"],
        english.attrs["units"],
    )
    vietnamese = carry_over(cao_bang_plan(), labels="printed")
    assert "Tổng số hộ dân đầu năm (hộ)" == vietnamese.columns[3]
    assert "Đơn vị của văn bản" == vietnamese.columns[11]


def test_carry_back_names_its_table() -> None:
    table = carry_back(cao_bang_plan(), labels="printed", lang="en")
    assert "carry_back" == table.attrs["table"]
    assert "Unit" == table.columns[0]


def test_carried_figures_in_both_faces() -> None:
    fields = carry_figures(thai_nguyen_review())
    printed = carry_figures(thai_nguyen_review(), labels="printed", lang="vi")
    assert [
        "Tên đơn vị",
        "Tỉnh",
        "Nhóm hộ",
        "Thời điểm",
        "Năm",
        "Số",
        "Tỷ lệ (%)",
        "Đủ số liệu",
        "Đơn vị của văn bản",
        "Lý do chưa đủ",
    ] == printed.columns.tolist()
    assert {"rate": "percent"} == fields.attrs["units"]
    assert ("carry_figures", "review Thái Nguyên 2026", 2026) == (
        printed.attrs["table"],
        printed.attrs["document"],
        printed.attrs["year"],
    )
    # 400 poor of 4000 households: 10.00 %, by hand.
    assert [Decimal("10.00")] == printed.loc[printed["Nhóm hộ"] == "poor", "Tỷ lệ (%)"].iloc[
        :1
    ].tolist()
    back = carry_figures_back(thai_nguyen_review(), labels="printed", lang="en")
    assert "carry_figures_back" == back.attrs["table"]


def test_carry_everything_passes_the_switches_on() -> None:
    counts, figures = carry_everything(thai_nguyen_review(), labels="printed", lang="en")
    assert counts is None
    assert figures is not None
    assert "Household group" in figures.columns
    plan_counts, _ = carry_everything(cao_bang_plan(), labels="printed", lang="en")
    assert plan_counts is not None
    assert "Units not covered" in plan_counts.columns


@pytest.mark.parametrize(
    "function", [carry_over, carry_back, carry_figures, carry_figures_back, carry_everything]
)
def test_a_total_is_refused_and_bad_switches_all_at_once(function: object) -> None:
    assert callable(function)
    with pytest.raises(ValidationError) as total:
        function(cao_bang_plan(), total=True)
    assert ["total"] == [p.field for p in total.value.problems]
    assert "blank as 0" in str(total.value)
    with pytest.raises(ValidationError) as bad:
        function("plan.yaml", labels="nice", lang="fr")
    assert {"plan", "labels", "lang"} == {p.field for p in bad.value.problems}


def same_cells(fields: pd.DataFrame, printed: pd.DataFrame) -> None:
    assert fields.shape == printed.shape
    assert fields.index.tolist() == printed.index.tolist()
    for left, right in zip(fields.columns, printed.columns, strict=True):
        assert fields[left].dtype == printed[right].dtype
        assert fields[left].astype(object).tolist() == printed[right].astype(object).tolist()
    assert {k: v for k, v in fields.attrs.items() if k not in ("labels", "lang")} == {
        k: v for k, v in printed.attrs.items() if k not in ("labels", "lang")
    }


@settings(max_examples=25, deadline=None)
@given(old_unit_plans())
def test_both_faces_of_a_carried_plan_hold_the_same_cells(plan: Plan) -> None:
    for lang in ("vi", "en"):  # the reasons in "why" are said in the table's language
        fields = carry_over(plan, lang=lang)
        printed = carry_over(plan, labels="printed", lang=lang)
        same_cells(fields, printed)
        assert len(set(printed.columns)) == len(printed.columns)


@settings(max_examples=25, deadline=None)
@given(old_unit_documents())
def test_both_faces_of_carried_figures_hold_the_same_cells(document: Document) -> None:
    for lang in ("vi", "en"):
        fields = carry_figures(document, lang=lang)
        same_cells(fields, carry_figures(document, labels="printed", lang=lang))
