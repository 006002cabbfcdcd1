"""Carrying the Bắc Kạn plan over into the units of 1 July 2025, against the source document."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pandas as pd
import pytest

from mdpoverty import AdministrativeUnit as Unit
from mdpoverty import Area, Header, Period, Plan, UnitKind, ValidationError
from mdpoverty.aggregate.carry_over import (
    CARRY_OVER_COLUMNS,
    carry_back,
    carry_over,
    format_carried,
    with_codes,
)
from mdpoverty.cli import main
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import bac_kan_2024, example_path
from mdpoverty.values.dates import PartialDate

# The annex of the source document (examples/sources/bac-kan-2024-plan.vi.txt), by unit:
# households, poor households and the planned reduction in poor households in 2024.
ANNEX = {
    "Sông Cầu": (2347, 27, 2),
    "Xuất Hóa": (827, 34, 2),
    "Đức Xuân": (2494, 24, 1),
    "Nguyễn Thị Minh Khai": (1416, 8, 1),
    "Phùng Chí Kiên": (2036, 12, 1),
    "Huyền Tụng": (1382, 73, 3),
    "Nông Thượng": (916, 34, 2),
    "Dương Quang": (863, 29, 1),
}
# Resolution 1683/NQ-UBTVQH15, clauses 89 and 90 (tests/test_admin_units.py checks them).
DUC_XUAN = ("Đức Xuân", "Nguyễn Thị Minh Khai", "Huyền Tụng")
BAC_KAN = ("Sông Cầu", "Phùng Chí Kiên", "Xuất Hóa", "Nông Thượng")


def by_hand(units: tuple[str, ...]) -> tuple[int, int, int]:
    return (
        sum(ANNEX[u][0] for u in units),
        sum(ANNEX[u][1] for u in units),
        sum(ANNEX[u][2] for u in units),
    )


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return carry_over(bac_kan_2024())


def test_three_new_units_two_complete(table: pd.DataFrame) -> None:
    assert ["01840", "01843", "01849"] == list(table.index)
    assert ["Phường Đức Xuân", "Phường Bắc Kạn", "Xã Phong Quang"] == list(table["name"])
    assert [True, True, False] == list(table["complete"])
    assert list(CARRY_OVER_COLUMNS) == list(table.columns)


def test_the_complete_rows_are_the_sums_of_the_annex(table: pd.DataFrame) -> None:
    # 2494 + 1416 + 1382 = 5292 households, 24 + 8 + 73 = 105 poor, 1 + 1 + 3 = 5 fewer
    assert (5292, 105, 5) == by_hand(DUC_XUAN)
    # 2347 + 2036 + 827 + 916 = 6126 households, 27 + 12 + 34 + 34 = 107 poor, 2+1+2+2 = 7
    assert (6126, 107, 7) == by_hand(BAC_KAN)
    for code, units in (("01840", DUC_XUAN), ("01843", BAC_KAN)):
        row = table.loc[code]
        assert by_hand(units) == (row["households"], row["poor_households"], row["reduction"])


def test_the_rates_are_recomputed_from_the_sums(table: pd.DataFrame) -> None:
    # 105 / 5292 = 1.984 %; (105 - 5) / 5292 = 1.890 %; 107 / 6126 = 1.747 %; 100 / 6126 = 1.632 %
    assert Decimal("1.98") == table.loc["01840", "poverty_rate"]
    assert Decimal("1.89") == table.loc["01840", "end_rate"]
    assert Decimal("0.09") == table.loc["01840", "rate_reduction"]
    assert Decimal("1.75") == table.loc["01843", "poverty_rate"]
    assert Decimal("1.63") == table.loc["01843", "end_rate"]
    assert all(isinstance(v, Decimal) for v in table.loc[["01840", "01843"], "poverty_rate"])


def test_the_incomplete_row_names_what_is_missing_and_shows_no_partial_sum(
    table: pd.DataFrame,
) -> None:
    row = table.loc["01849"]
    assert "Xã Đôn Phong (01984)" == row["missing"]
    assert "Xã Dương Quang (01849)" == row["units"]
    assert "Xã Đôn Phong (01984)" in row["why"]
    for column in ("households", "poor_households", "reduction", "poverty_rate", "end_rate"):
        assert row[column] is pd.NA
    assert "Int64" == str(table["households"].dtype)


def test_the_near_poor_are_missing_where_the_plan_gives_none(table: pd.DataFrame) -> None:
    assert table["near_poor_households"].isna().all()


def test_units_without_codes_match_by_name_within_the_province(table: pd.DataFrame) -> None:
    plan = bac_kan_2024()
    named = attrs.evolve(plan, units=[attrs.evolve(u, code=None) for u in plan.units])
    by_name = carry_over(named)
    pd.testing.assert_frame_equal(table.drop(columns="units"), by_name.drop(columns="units"))


def test_a_name_ambiguous_without_the_province_is_refused_with_every_problem() -> None:
    plan = bac_kan_2024()
    named = attrs.evolve(
        plan,
        area=attrs.evolve(plan.area, province=None),
        units=[attrs.evolve(u, code=None) for u in plan.units],
    )
    with pytest.raises(ValidationError) as raised:
        carry_over(named)
    assert {"units/4", "units/7"} == {p.path for p in raised.value.problems}
    assert "Xã Dương Quang (01849, Tỉnh Bắc Kạn)" in str(raised.value)


def test_a_code_of_another_unit_is_refused() -> None:
    plan = bac_kan_2024()
    wrong = attrs.evolve(plan, units=[attrs.evolve(plan.units[0], code="01855"), *plan.units[1:]])
    with pytest.raises(ValidationError, match="is the code of Phường Xuất Hóa"):
        carry_over(wrong)


def test_a_plan_in_new_units_carries_over_unchanged() -> None:
    plan = bac_kan_2024()
    table = carry_over(plan)
    ids = {"01840": "duc-xuan", "01843": "phung-chi-kien", "01849": "duong-quang"}
    # A made-up 2026 plan whose units are the three new units, named as the crosswalk names them.
    units = [
        attrs.evolve(plan.unit(i), name=str(table.loc[code, "name"]), code=code)
        for code, i in ids.items()
    ]
    later = attrs.evolve(
        plan,
        header=attrs.evolve(plan.header, date=PartialDate(2026, 3)),
        units=units,
        targets=[t for t in plan.targets if t.about in set(ids.values())],
        annex=None,
    )
    again = carry_over(later)
    assert list(ids) == list(again.index)
    assert [plan.unit(i).households for i in ids.values()] == list(again["households"])
    assert again["complete"].all()


def test_a_date_that_straddles_the_reorganisation_needs_a_basis() -> None:
    plan = bac_kan_2024()
    straddling = attrs.evolve(plan, header=attrs.evolve(plan.header, date=PartialDate(2025)))
    with pytest.raises(ValidationError, match="basis"):
        carry_over(straddling)
    assert 3 == len(carry_over(straddling, basis="old"))


def test_carry_back_of_an_old_plan_is_the_identity_and_of_merged_units_incomplete() -> None:
    plan = bac_kan_2024()
    back = carry_back(plan)
    assert [u.households for u in sorted(plan.units, key=lambda u: u.code or "")] == list(
        back["households"]
    )
    assert back["complete"].all()


def test_carry_back_refuses_to_divide_a_merged_unit() -> None:
    plan = bac_kan_2024()
    later: Document = attrs.evolve(
        plan,
        header=attrs.evolve(plan.header, date=PartialDate(2026, 3)),
        units=[attrs.evolve(plan.unit("duc-xuan"), name="Phường Đức Xuân", code="01840")],
        targets=[],
        annex=None,
    )
    back = carry_back(later, lang="en")
    assert ["01834", "01840", "01846"] == list(back.index)
    assert not back["complete"].any()
    assert "also took in" in str(back.loc["01840", "why"])
    assert "còn nhận thêm" in str(carry_back(later).loc["01840", "why"])


def test_the_text_table_marks_the_incomplete_row(table: pd.DataFrame) -> None:
    text = format_carried(table)
    assert "Phường Đức Xuân" in text
    assert "5.292" in text
    assert "1,98" in text
    assert "Xã Phong Quang*" in text
    assert "chưa đủ: kế hoạch không bao gồm Xã Đôn Phong (01984)" in text
    english = format_carried(carry_over(bac_kan_2024(), lang="en"), "en")
    assert "incomplete: the plan does not cover Xã Đôn Phong (01984)" in english


def test_the_command_prints_the_carried_over_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["annex", "--example", "bac-kan-2024", "--units", "2025"])
    assert format_carried(carry_over(bac_kan_2024())) == capsys.readouterr().out
    assert 0 == main(
        ["annex", str(example_path("bac-kan-2024")), "--units", "2025", "--lang", "en"]
    )
    assert "incomplete: the plan does not cover Xã Đôn Phong" in capsys.readouterr().out


def test_the_command_refuses_a_format_it_cannot_write(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main(["annex", "--example", "bac-kan-2024", "--units", "2025", "--format", "xlsx"])
    assert "--units 2025" in capsys.readouterr().err


def test_with_codes_finds_the_codes_of_units_named_without_them() -> None:
    # The codes of the bundled plan's wards and communes come from the crosswalk (its file says
    # so); from their names alone, within Bắc Kạn province, the same codes are found.
    plan = bac_kan_2024()
    nameless = attrs.evolve(plan, units=[attrs.evolve(u, code=None) for u in plan.units])
    assert [u.code for u in plan.units] == [u.code for u in with_codes(nameless).units]


def test_with_codes_leaves_an_unknown_name_without_a_code() -> None:
    plan = bac_kan_2024()
    unknown = attrs.evolve(plan.units[0], name="Phường Không Có", code=None)
    changed = attrs.evolve(plan, units=[unknown, *plan.units[1:]])
    assert with_codes(changed).units[0].code is None


def test_a_figure_never_passes_through_a_doubtful_link_without_saying_so() -> None:
    # The source list puts the old xã Quế Phước into the new xã Quế Phước, which the clause of
    # its resolution does not list: the crosswalk marks that link doubtful.
    names = {"20668": "Xã Ninh Phước", "20669": "Xã Phước Ninh", "20674": "Xã Quế Phước"}
    names["20692"] = "Xã Quế Lâm"
    plan = Plan(
        header=Header("UBND", PartialDate(2024, 3), "KẾ HOẠCH"),
        area=Area("Quảng Nam", UnitKind.PROVINCE),
        period=Period(2024),
        units=[
            Unit(f"u{code}", name, UnitKind.COMMUNE, 100, 10, code=code)
            for code, name in names.items()
        ],
    )
    table = carry_over(plan, lang="en")
    assert [False] == table.loc[["20669"], "complete"].tolist()
    assert table.loc[["20669"], "households"].isna().all()
    why = str(table.loc["20669", "why"])
    assert "Xã Quế Phước (20674) → Xã Quế Phước (20669) is doubtful" in why
