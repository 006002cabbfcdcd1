"""The annex of the Bắc Kạn plan, derived by the library, against the annex as printed.

The oracle below is the annex "MỤC TIÊU PHẤN ĐẤU GIẢM TỶ LỆ HỘ NGHÈO NĂM 2024" transcribed by
hand from the source document (examples/sources/bac-kan-2024-plan.vi.txt, last page), cell by cell,
in Vietnamese notation exactly as printed.  Every rate in ``annex()`` is derived from counts and
targets; none is read from the printed values the plan file also holds.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pandas as pd
import pytest
from hypothesis import given

import mdpoverty
from mdpoverty import HouseholdGroup, Measure, Quantity, Target, annex, annex_rows, parse_vi
from mdpoverty.model.document import Plan
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.tables.annex import UnitFigures, annex_figures
from mdpoverty.testing import edge_plans

# Columns: STT | Tên đơn vị | Tổng số hộ dân | Số hộ nghèo | Tỷ lệ đầu năm | Giảm số hộ |
# Giảm tỷ lệ | Tỷ lệ cuối năm
PRINTED = """\
1\tPhường Sông Cầu\t2.347\t27\t1,15\t2\t0,08\t1,07
2\tPhường Xuất Hóa\t827\t34\t4,11\t2\t0,24\t3,87
3\tPhường Đức Xuân\t2.494\t24\t0,96\t1\t0,04\t0,92
4\tP. Nguyễn Thị Minh Khai\t1.416\t8\t0,56\t1\t0,07\t0,49
5\tPhường Phùng Chí Kiên\t2.036\t12\t0,59\t1\t0,05\t0,54
6\tPhường Huyền Tụng\t1.382\t73\t5,28\t3\t0,21\t5,07
7\tXã Nông Thượng\t916\t34\t3,71\t2\t0,22\t3,49
8\tXã Dương Quang\t863\t29\t3,36\t1\t0,12\t3,24
\tTổng số\t12.281\t241\t1,96\t13\t0,10\t1,86"""

HEADERS_VI = [
    "STT",
    "Tên đơn vị",
    "Tổng số hộ dân đầu năm 2024 (hộ)",
    "Số hộ nghèo đầu năm 2024",
    "Tỷ lệ hộ nghèo đầu năm 2024(%)",
    "Giảm số hộ nghèo (hộ)",
    "Giảm tỷ lệ hộ nghèo (%)",
    "Tỷ lệ hộ nghèo cuối năm 2024 (%)",
]


def printed_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for line in PRINTED.splitlines():
        number, name, *cells = line.split("\t")
        rows.append([int(number) if number else None, name, *(parse_vi(c) for c in cells)])
    return rows


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return annex(bac_kan_2024())


def test_annex_has_the_printed_headers(table: pd.DataFrame) -> None:
    assert HEADERS_VI == list(table.columns)
    assert table.attrs["title"] == "MỤC TIÊU PHẤN ĐẤU GIẢM TỶ LỆ HỘ NGHÈO NĂM 2024"


def test_annex_has_eight_units_then_the_total(table: pd.DataFrame) -> None:
    assert len(table) == 9
    assert list(table.index)[-1] == "total"


@pytest.mark.parametrize("row", range(9))
def test_annex_row_equals_the_printed_row_cell_by_cell(table: pd.DataFrame, row: int) -> None:
    expected = printed_rows()[row]
    actual = table.iloc[row].tolist()
    number = None if pd.isna(actual[0]) else int(actual[0])
    assert expected == [number, *actual[1:]]


def test_annex_rates_are_decimals_with_the_printed_two_places(table: pd.DataFrame) -> None:
    for column in (HEADERS_VI[4], HEADERS_VI[6], HEADERS_VI[7]):
        for value in table[column]:
            assert isinstance(value, Decimal)
            assert value.as_tuple().exponent == -2


def test_annex_counts_are_ints(table: pd.DataFrame) -> None:
    for column in (HEADERS_VI[2], HEADERS_VI[3], HEADERS_VI[5]):
        assert all(type(v) is int or isinstance(v, int) for v in table[column].tolist())


def test_annex_is_derived_not_copied_from_the_printed_values() -> None:
    # Remove the printed annex: the library must derive the same cells from the counts alone.

    plan = attrs.evolve(bac_kan_2024(), annex=None)
    derived = annex(plan)
    assert [r[2:] for r in printed_rows()] == [row[2:] for row in derived.to_numpy().tolist()]


def test_annex_english_headers() -> None:
    table = annex(bac_kan_2024(), lang="en")
    assert list(table.columns) == [
        "No.",
        "Unit",
        "Households at the start of 2024",
        "Poor households at the start of 2024",
        "Poverty rate at the start of 2024 (%)",
        "Reduction in poor households",
        "Reduction of the poverty rate (points)",
        "Poverty rate at the end of 2024 (%)",
    ]
    assert table.iloc[-1, 1] == "Total"


def test_rate_reduction_is_the_difference_of_the_rounded_rates() -> None:
    # Phường Huyền Tụng: 73/1382 -> 5,28; 70/1382 -> 5,07; printed 0,21 although 3/1382 is 0,217.
    row = annex_rows(bac_kan_2024())[5]
    assert row.rate_reduction == Quantity(Decimal("0.21"))


def test_annex_of_a_ranged_target_holds_ranges() -> None:

    plan = bac_kan_2024()
    ranged = [
        Target(Measure.REDUCTION, Quantity(2, 3), about="song-cau") if t.about == "song-cau" else t
        for t in plan.targets
    ]
    row = annex_rows(attrs.evolve(plan, targets=ranged))[0]
    # 27/2347: 25 -> 1,07 and 24 -> 1,02 (24/2347 = 1,0226…)
    assert row.end_rate == Quantity(Decimal("1.02"), Decimal("1.07"))
    assert row.rate_reduction == Quantity(Decimal("0.08"), Decimal("0.13"))


def test_a_unit_without_target_has_blank_target_cells() -> None:

    plan = bac_kan_2024()
    without = [t for t in plan.targets if t.about != "duc-xuan"]
    table = annex(attrs.evolve(plan, targets=without))
    assert table.loc["duc-xuan", HEADERS_VI[5]] is None
    assert table.loc["total", HEADERS_VI[5]] is None
    assert table.loc["duc-xuan", HEADERS_VI[4]] == Decimal("0.96")


def test_near_poor_targets_do_not_enter_the_poverty_annex() -> None:

    plan = bac_kan_2024()
    extra = Target(Measure.REDUCTION, Quantity(1), group=HouseholdGroup.NEAR_POOR)
    assert annex(attrs.evolve(plan, targets=[*plan.targets, extra])).equals(annex(plan))


def test_annex_is_exported_at_the_top_level() -> None:
    assert mdpoverty.annex is annex


def test_the_annex_figures_of_a_unit_and_of_the_area_are_the_printed_ones() -> None:
    figures = annex_figures(bac_kan_2024())
    # rows 1 and 9 of PRINTED: the fall of the rate is the start rate less the end rate
    assert (
        UnitFigures(2347, 27, Quantity(2), Decimal("1.15"), Decimal("1.07")) == figures["song-cau"]
    )
    assert UnitFigures(12281, 241, Quantity(13), Decimal("1.96"), Decimal("1.86")) == figures[None]


@given(edge_plans())
def test_the_annex_figures_are_those_of_the_annex_rows(plan: Plan) -> None:
    # Units without counts, without a target or with a ranged one: the figures are the rows'
    # (an end rate only where there are counts and an exact target).
    figures = annex_figures(plan)
    for row in annex_rows(plan):
        exact = row.start_rate is not None and row.reduction is not None and row.reduction.is_exact
        end = row.end_rate.low if exact and row.end_rate is not None else None
        assert (row.households, row.poor_households, row.reduction, row.start_rate, end) == figures[
            row.unit
        ]
