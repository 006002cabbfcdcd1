"""Classification under each standard agrees with a per-row oracle written from DESIGN.md §3."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.households import classify
from mdpoverty.reference.standards import poverty_standard, poverty_standards
from mdpoverty.testing import household_tables

# DESIGN.md §3, VND per person per month: (poverty line, near-poverty line) by area.
DECISION_59 = {"rural": (700_000, 1_000_000), "urban": (900_000, 1_300_000)}
DECREE_07 = {"rural": 1_500_000, "urban": 2_000_000}
DECREE_07_MIDDLE = {"rural": 2_250_000, "urban": 3_000_000}  # [verify] in DESIGN.md
DECREE_351 = {"rural": 2_200_000, "urban": 2_800_000}
# Decree 30/2025/NĐ-CP (from 24/02/2025) adds the low-income worker to Decree 07/2021: income
# per person at most 2,250,000 rural (DESIGN.md, [verify]) and 3,000,000 urban (press).
DECREE_30_LOW_INCOME = {"rural": 2_250_000, "urban": 3_000_000}


def oracle(
    standard_id: str, area: str, income: int, deprivations: int, *, amended: bool = False
) -> str:
    """Each standard's rule for one household, as the design notes state it; ``amended``:
    Decree 07/2021 as Decree 30/2025 amended it."""
    if standard_id == "decision-59-2015":
        poor_line, near_line = DECISION_59[area]
        if income <= poor_line or (income <= near_line and deprivations >= 3):
            return "poor"
        return "near-poor" if income <= near_line else "not-poor"
    line = (DECREE_07 if standard_id == "decree-07-2021" else DECREE_351)[area]
    if income <= line:
        return "poor" if deprivations >= 3 else "near-poor"
    if standard_id == "decree-07-2021" and amended and income <= DECREE_30_LOW_INCOME[area]:
        return "low-income"
    if standard_id == "decree-07-2021" and income <= DECREE_07_MIDDLE[area]:
        return "middle-living-standard"
    return "not-poor"


def _table(rows: list[tuple[str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["area", "income", "deprivations"])


BOUNDARIES = [
    # (year, area, income, deprivations, expected) — at the line, one VND above, 2 and 3.
    (2016, "rural", 700_000, 0, "poor"),
    (2016, "rural", 700_001, 0, "near-poor"),
    (2016, "rural", 700_001, 2, "near-poor"),
    (2016, "rural", 700_001, 3, "poor"),
    (2020, "rural", 1_000_000, 3, "poor"),
    (2020, "rural", 1_000_000, 2, "near-poor"),
    (2021, "rural", 1_000_001, 3, "not-poor"),
    (2021, "urban", 900_000, 0, "poor"),
    (2021, "urban", 900_001, 2, "near-poor"),
    (2021, "urban", 1_300_000, 3, "poor"),
    (2021, "urban", 1_300_001, 10, "not-poor"),
    (2022, "rural", 1_500_000, 3, "poor"),
    (2022, "rural", 1_500_000, 2, "near-poor"),
    (2024, "rural", 1_500_001, 12, "middle-living-standard"),
    (2024, "urban", 3_000_000, 0, "middle-living-standard"),
    (2025, "rural", 1_500_001, 12, "low-income"),
    (2025, "rural", 2_250_000, 0, "low-income"),
    (2025, "rural", 2_250_001, 0, "not-poor"),
    (2026, "urban", 2_000_000, 3, "poor"),
    (2026, "urban", 2_000_001, 3, "low-income"),
    (2026, "urban", 3_000_001, 0, "not-poor"),
    (2027, "rural", 2_200_000, 3, "poor"),
    (2027, "rural", 2_200_000, 2, "near-poor"),
    (2027, "rural", 2_200_001, 3, "not-poor"),
    (2030, "urban", 2_800_000, 2, "near-poor"),
    (2030, "urban", 2_800_001, 14, "not-poor"),
]


@pytest.mark.parametrize(("year", "area", "income", "deprivations", "expected"), BOUNDARIES)
def test_boundaries(year: int, area: str, income: int, deprivations: int, expected: str) -> None:
    assert [expected] == classify(_table([(area, income, deprivations)]), year).tolist()


def test_boundaries_agree_with_the_oracle() -> None:
    ids = {2016: "decision-59-2015", 2020: "decision-59-2015", 2021: "decision-59-2015"}
    ids |= dict.fromkeys((2022, 2024, 2025, 2026), "decree-07-2021")
    ids |= dict.fromkeys((2027, 2030), "decree-351-2025")
    for year, area, income, deprivations, expected in BOUNDARIES:
        amended = year >= 2025  # Decree 30/2025
        assert expected == oracle(ids[year], area, income, deprivations, amended=amended)


def test_a_standard_named_with_a_year_is_taken_as_amended_that_year() -> None:
    table = _table([("urban", 2_500_000, 0)])
    assert ["middle-living-standard"] == classify(table, standard="decree-07-2021").tolist()
    assert ["low-income"] == classify(table, 2025, standard="decree-07-2021").tolist()


@given(household_tables())
def test_classify_agrees_with_the_oracle(table: pd.DataFrame) -> None:
    standard = poverty_standard(table.attrs["standard"])
    indicators = [i.id for i in standard.indicators]
    if "deprivations" in table:
        counts = table["deprivations"].tolist()
    else:
        counts = table[indicators].sum(axis=1).tolist()
    expected = [
        oracle(standard.id, area, income, count)
        for area, income, count in zip(table["area"], table["income"], counts, strict=True)
    ]
    result = classify(table, standard=standard)
    assert expected == result.tolist()
    assert list(table.index) == list(result.index)


@given(household_tables(), st.randoms(use_true_random=False))
def test_classify_is_row_wise(table: pd.DataFrame, random: object) -> None:
    standard = table.attrs["standard"]
    order = list(table.index)
    random.shuffle(order)  # type: ignore[attr-defined]
    shuffled = classify(table.loc[order], standard=standard)
    assert classify(table, standard=standard).loc[order].tolist() == shuffled.tolist()


def test_the_groups_are_categories_in_the_standards_order() -> None:
    result = classify(_table([("rural", 0, 0)]), 2024)
    assert ["poor", "near-poor", "middle-living-standard", "not-poor"] == list(
        result.cat.categories
    )
    assert "decree-07-2021" == result.attrs["standard"]


def test_indicator_columns_are_counted() -> None:
    standard = poverty_standard("decision-59-2015")
    row: dict[str, object] = {"area": "rural", "income": 800_000}
    row |= {i.id: n < 3 for n, i in enumerate(standard.indicators)}
    assert ["poor"] == classify(pd.DataFrame([row]), 2018).tolist()
    row["health-services"] = False
    assert ["near-poor"] == classify(pd.DataFrame([row]), 2018).tolist()


def test_every_standard_is_covered_by_the_oracle() -> None:
    assert {"decision-59-2015", "decree-07-2021", "decree-351-2025"} == {
        s.id for s in poverty_standards()
    }
