"""The figures of a document as tables, and the tables of documents of every kind.

The review and the provincial plan are built here, in code, with numbers worked by hand: a
district of two communes, 1.000 and 2.000 households, 50 and 40 poor (5,00% and 2,00%), 80 and
60 near-poor; 3.000 households, 90 poor (3,00%), 140 near-poor (140/3000 = 4,666… → 4,67%).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pandas as pd
import pytest

import mdpoverty
from mdpoverty import (
    AdministrativeUnit,
    Area,
    Figure,
    Header,
    HouseholdGroup,
    Measure,
    PartialDate,
    Period,
    Plan,
    Quantity,
    Review,
    Stratum,
    Target,
    UnitKind,
    aggregate,
)
from mdpoverty.cli import main
from mdpoverty.io.files import save_plan
from mdpoverty.model.figures import StratumKind, TimePoint
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.tables import figure_table, figures, render
from mdpoverty.tables.annex import TOTAL, has_target_annex
from mdpoverty.tables.figure_tables import FIGURE_COLUMNS

POOR, NEAR, ALL = HouseholdGroup.POOR, HouseholdGroup.NEAR_POOR, HouseholdGroup.ALL
D = Decimal


def review() -> Review:
    counts = {"xa-a": (1000, 50, "5.00", 80, "8.00"), "xa-b": (2000, 40, "2.00", 60, "3.00")}
    counts[None] = (3000, 90, "3.00", 140, "4.67")  # type: ignore[index]
    figures_ = [
        figure
        for about, (households, poor, poor_rate, near, near_rate) in counts.items()
        for figure in (
            Figure(group=ALL, about=about, count=households),
            Figure(group=POOR, about=about, count=poor, rate=D(poor_rate)),
            Figure(group=NEAR, about=about, count=near, rate=D(near_rate)),
        )
    ]
    figures_.append(Figure(group=POOR, about="rural", rate=D("4.3")))  # a rate, no count
    return Review(
        header=Header(issuer="UBND huyện A", date=PartialDate(2025, 1), title="QUYẾT ĐỊNH"),
        area=Area(name="huyện A", kind=UnitKind.DISTRICT),
        period=Period(2024),
        standard="decree-07-2021",
        units=[
            AdministrativeUnit("xa-a", "Xã A", UnitKind.COMMUNE),
            AdministrativeUnit("xa-b", "Xã B", UnitKind.COMMUNE),
        ],
        strata=[Stratum("rural", "Nông thôn", StratumKind.RURAL)],
        figures=figures_,
    )


def provincial_plan() -> Plan:
    """A provincial plan with ranged district targets and no district counts."""
    return Plan(
        header=Header(issuer="UBND tỉnh A", date=PartialDate(2024, 2), title="KẾ HOẠCH"),
        area=Area(name="tỉnh A", kind=UnitKind.PROVINCE),
        period=Period(2024),
        standard="decree-07-2021",
        units=[
            AdministrativeUnit("huyen-a", "Huyện A", UnitKind.DISTRICT),
            AdministrativeUnit("huyen-b", "Huyện B", UnitKind.DISTRICT),
        ],
        targets=[
            Target(Measure.REDUCTION, Quantity(420, 480), about="huyen-a"),
            Target(Measure.REDUCTION, Quantity(300, 350), about="huyen-b"),
            Target(Measure.REDUCTION, Quantity(720, 830)),
        ],
    )


# -- figures: the tidy table ----------------------------------------------------------------------


def test_figures_has_a_row_per_observation_with_its_keys() -> None:
    table = figures(review())
    assert list(FIGURE_COLUMNS) == list(table.columns)
    assert 10 == len(table)
    row = table.iloc[4].tolist()
    assert ["xa-b", "Xã B", "unit", "poor", "end", 2024, 40, D("2.00"), 2, ""] == row


def test_figures_of_the_area_are_the_total_and_rates_keep_their_places() -> None:
    table = figures(review()).set_index(["subject", "group"])
    assert ("area", 140, D("4.67")) == tuple(
        table.loc[(TOTAL, "near-poor"), ["subject_kind", "count", "rate"]]
    )
    assert ("stratum", 1) == tuple(table.loc[("rural", "poor"), ["subject_kind", "places"]])
    assert table.loc[("rural", "poor"), "count"] is pd.NA


def test_figures_of_a_plan_are_its_units_counts_at_the_start() -> None:
    table = figures(bac_kan_2024())
    assert {"start"} == set(table["time"])
    assert 12281 == table.loc[table["group"] == "all", "count"].sum()
    assert 241 == table.loc[table["group"] == "poor", "count"].sum()


# -- figure_table: the printed layout -----------------------------------------------------------


def test_figure_table_has_a_row_per_subject_the_area_last() -> None:
    table = figure_table(review())
    assert ["xa-a", "xa-b", "rural", TOTAL] == list(table.index)
    assert ["Xã A", "Xã B", "Nông thôn", "Tổng số"] == list(table.iloc[:, 0])


def test_figure_table_columns_are_group_and_measure_as_printed() -> None:
    table = figure_table(review())
    assert [
        ("", "", "Tên đơn vị"),
        ("Cuối năm 2024", "Tổng số hộ", "Số hộ"),
        ("Cuối năm 2024", "Hộ nghèo", "Số hộ"),
        ("Cuối năm 2024", "Hộ nghèo", "Tỷ lệ (%)"),
        ("Cuối năm 2024", "Hộ cận nghèo", "Số hộ"),
        ("Cuối năm 2024", "Hộ cận nghèo", "Tỷ lệ (%)"),
    ] == [tuple(column) for column in table.columns]
    assert [3000, 90, D("3.00"), 140, D("4.67")] == list(table.loc[TOTAL].iloc[1:])
    assert [None, None, D("4.3"), None, None] == list(table.loc["rural"].iloc[1:])


def test_figure_table_in_english() -> None:
    table = figure_table(review(), "en")
    assert ("End of 2024", "Near-poor", "Rate (%)") == tuple(table.columns[-1])
    assert "Total" == table.loc[TOTAL].iloc[0]


def test_figure_table_has_a_column_block_per_point_in_time() -> None:
    plan = bac_kan_2024()
    extra = Figure(group=POOR, time=TimePoint.END, year=2024, count=228, rate=D("1.86"))
    table = figure_table(attrs.evolve(plan, figures=(extra,)))
    assert ["Đầu năm 2024", "Cuối năm 2024"] == list(
        dict.fromkeys(table.columns.get_level_values(0))
    )[1:]
    # The area's counts at the start are not printed as figures: the row shows what is.
    assert ["Tổng số", None, None, 228, D("1.86")] == list(table.loc[TOTAL])
    assert ["Phường Sông Cầu", 2347, 27, None, None] == list(table.loc["song-cau"])


# -- annex() on every kind ------------------------------------------------------------------------


def test_annex_of_a_review_is_its_figure_table() -> None:
    document = review()
    assert not has_target_annex(document)
    assert mdpoverty.annex(document).equals(figure_table(document))
    assert "figures" == mdpoverty.annex(document).attrs["table"]


def test_annex_of_bac_kan_is_the_annex_of_targets() -> None:
    table = mdpoverty.annex(bac_kan_2024())
    assert "annex" == table.attrs["table"]
    assert D("1.86") == table.iloc[-1, -1]


def test_annex_of_a_provincial_plan_has_ranged_targets_and_blank_counts() -> None:
    table = mdpoverty.annex(provincial_plan())
    assert [Quantity(420, 480), Quantity(300, 350), Quantity(720, 830)] == list(
        table["Giảm số hộ nghèo (hộ)"]
    )
    assert table["Tổng số hộ dân đầu năm 2024 (hộ)"].isna().all()


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv"])
def test_a_review_renders_in_every_text_format(fmt: str) -> None:
    text = render(mdpoverty.annex(review()), fmt)  # type: ignore[arg-type]
    last = text.splitlines()[-1]
    expected = {
        "text": "4,67",
        "markdown": "| 4,67 |",
        "csv": "total,Tổng số,3000,90,3.00,140,4.67",
    }
    assert expected[fmt] in last


def test_cli_annex_of_a_review_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "review.yaml"
    save_plan(review(), path)
    assert 0 == main(["annex", str(path)])
    out = capsys.readouterr().out
    assert ["Tổng", "số", "3.000", "90", "3,00", "140", "4,67"] == out.splitlines()[-1].split()
    xlsx = ["--format", "xlsx", "-o", str(tmp_path / "a.xlsx"), "--lang", "en"]
    assert 2 == main(["annex", str(path), *xlsx])
    assert "figures only" in capsys.readouterr().err


# -- the aggregation tables on documents without counts or components ------------------------------


@pytest.mark.parametrize("document", [review(), provincial_plan()], ids=["review", "plan"])
def test_aggregation_tables_of_a_document_without_counts_or_components(
    document: mdpoverty.Document,
) -> None:
    for table in (
        aggregate.funding_by_source(document),
        aggregate.funding_by_component(document),
        aggregate.funding_by_agency(document),
        aggregate.funding_by_capital(document),
        aggregate.deficit_targets(document),
        aggregate.units_by_kind(document),
    ):
        assert isinstance(table, pd.DataFrame)
    combined = aggregate.rollup([document])
    for table in (
        combined.units(),
        combined.by_plan(),
        combined.by_kind(),
        combined.funding_by_source(),
        combined.funding_by_component(),
        combined.funding_by_capital(),
        combined.funding_by_plan(),
        combined.deficit_targets(),
    ):
        assert isinstance(table, pd.DataFrame)
    # No counts: the total has none either, and a reduction only where every unit has one.
    expected = Quantity(720, 830) if document.kind.value == "plan" else None
    assert (None, expected) == (combined.total.households, combined.total.reduction)


def test_a_document_without_figures_has_an_empty_figure_table() -> None:
    document = attrs.evolve(review(), figures=(), strata=())
    table = mdpoverty.annex(document)
    assert (0, 1) == table.shape
    assert figures(document).empty
    assert ["Tên đơn vị", "----------"] == render(table).splitlines()[-2:]
    assert "id,Tên đơn vị\n" == render(table, "csv")
