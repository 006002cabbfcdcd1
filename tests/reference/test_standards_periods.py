"""The poverty standard in force for every year 2016–2030, its lines, rule and ids.

Golden values are transcribed from the project's design notes (DESIGN.md §3), not from the
library's data.
"""

from __future__ import annotations

import pytest

import mdpoverty
from mdpoverty.errors import MdpovertyError, NoStandardInForceError, UnknownIdError
from mdpoverty.reference.standards import poverty_standard, poverty_standards, standard_in_force

# year -> (standard id, legal document number), DESIGN.md §3
IN_FORCE = {
    **dict.fromkeys(range(2016, 2022), ("decision-59-2015", "59/2015/QĐ-TTg")),
    **dict.fromkeys(range(2022, 2027), ("decree-07-2021", "07/2021/NĐ-CP")),
    **dict.fromkeys(range(2027, 2031), ("decree-351-2025", "351/2025/NĐ-CP")),
}

# standard id -> (rural, urban) poverty line, (rural, urban) near-poverty line or None
LINES = {
    "decision-59-2015": ((700_000, 900_000), (1_000_000, 1_300_000)),
    "decree-07-2021": ((1_500_000, 2_000_000), None),
    "decree-351-2025": ((2_200_000, 2_800_000), None),
}


@pytest.mark.parametrize(("year", "expected"), sorted(IN_FORCE.items()))
def test_standard_in_force_each_year(year: int, expected: tuple[str, str]) -> None:
    standard = standard_in_force(year)
    assert expected == (standard.id, standard.reference.number)
    assert standard.in_force(year)


def test_standard_in_force_is_exported() -> None:
    assert mdpoverty.standard_in_force is standard_in_force
    assert sorted(mdpoverty.__all__) == mdpoverty.__all__


@pytest.mark.parametrize("year", [1990, 2015, 2031, 2100])
def test_no_standard_outside_2016_2030(year: int) -> None:
    with pytest.raises(NoStandardInForceError, match=f"in force in {year}") as info:
        standard_in_force(year)
    assert isinstance(info.value, MdpovertyError)
    assert isinstance(info.value, LookupError)
    assert year == info.value.year


def test_extensions_are_cited() -> None:
    # Decision 59 kept for 2021 by Decree 07/2021 art. 2; Decree 07 art. 3 kept for 2026 by
    # Decree 351/2025 (DESIGN.md §3).
    decision_59 = poverty_standard("decision-59-2015")
    assert (2016, 2020) == (decision_59.period.start, decision_59.period.end)
    [kept_2021] = decision_59.extensions
    assert ("07/2021/NĐ-CP", "Điều 2", 2021) == (
        kept_2021.reference.number,
        kept_2021.article,
        kept_2021.period.start,
    )
    decree_07 = poverty_standard("decree-07-2021")
    assert "Điều 3" == decree_07.article
    [kept_2026] = decree_07.extensions
    assert ("351/2025/NĐ-CP", 2026) == (kept_2026.reference.number, kept_2026.period.start)


def test_every_year_has_exactly_one_standard() -> None:
    for year in range(2016, 2031):
        assert 1 == sum(s.in_force(year) for s in poverty_standards())


@pytest.mark.parametrize(("standard_id", "lines"), sorted(LINES.items()))
def test_income_lines(
    standard_id: str, lines: tuple[tuple[int, int], tuple[int, int] | None]
) -> None:
    standard = poverty_standard(standard_id)
    poor, near = lines
    assert poor == (standard.poverty_line("rural"), standard.poverty_line("urban"))
    actual_near = (standard.near_poverty_line("rural"), standard.near_poverty_line("urban"))
    assert (near if near is not None else (None, None)) == actual_near


def test_an_unknown_area_is_refused() -> None:
    with pytest.raises(UnknownIdError, match="did you mean 'urban'"):
        standard_in_force(2024).poverty_line("urbann")  # type: ignore[arg-type]


def test_rule_clauses_from_the_design_notes() -> None:
    # Decision 59: poor if income <= poor line, or income <= near-poor line and >= 3
    # deprivations; near-poor: the rest at or below the near-poor line.
    rule_59 = [
        (c.group, c.income_at_most, c.min_deprivations)
        for c in poverty_standard("decision-59-2015").rule
    ]
    assert [
        ("poor", "poverty", 0),
        ("poor", "near-poverty", 3),
        ("near-poor", "near-poverty", 0),
    ] == rule_59
    for standard_id in ("decree-07-2021", "decree-351-2025"):
        rule = [
            (c.group, c.income_at_most, c.min_deprivations)
            for c in poverty_standard(standard_id).rule
            if c.verified
        ]
        assert [("poor", "poverty", 3), ("near-poor", "poverty", 0)] == rule


def test_dimension_and_indicator_counts() -> None:
    # DESIGN.md §3: Decision 59 5 dimensions, 10 indicators; Decree 07 6 and 12.
    counts = {
        s.id: (len(s.dimensions), len(s.indicators))
        for s in poverty_standards()
        if s.id != "decree-351-2025"
    }
    assert {"decision-59-2015": (5, 10), "decree-07-2021": (6, 12)} == counts


def test_decree_351_indicator_changes_are_marked_unverified() -> None:
    old = {i.id for i in poverty_standard("decree-07-2021").indicators}
    new = poverty_standard("decree-351-2025")
    ids = {i.id for i in new.indicators}
    assert {"information-access"} == old - ids
    added = ids - old
    assert {"digital-services", "internet-access", "household-waste"} == added
    assert all(not new.indicator(i).verified and new.indicator(i).note for i in added)
    assert not new.verified


@pytest.mark.parametrize(
    ("lookup", "key", "suggestion"),
    [
        ("dimension", "healht", "health"),
        ("dimension", "water_sanitation", "water-sanitation"),
        ("indicator", "health_insurance", "health-insurance"),
        ("indicator", "latrines", "latrine"),
    ],
)
def test_unknown_ids_suggest_the_nearest(lookup: str, key: str, suggestion: str) -> None:
    standard = standard_in_force(2024)
    with pytest.raises(UnknownIdError) as info:
        getattr(standard, lookup)(key)
    message = str(info.value)
    assert repr(key) in message
    assert f"did you mean {suggestion!r}" in message
    assert suggestion == info.value.suggestions[0]
    assert key == info.value.key


def test_unknown_id_without_a_near_one_lists_the_valid_ids() -> None:
    with pytest.raises(UnknownIdError) as info:
        standard_in_force(2018).indicator("zzz")
    assert () == info.value.suggestions
    assert "did you mean" not in str(info.value)
    assert "health-services" in str(info.value)


def test_indicator_ids_belong_to_their_standard() -> None:
    assert "health-services" == standard_in_force(2020).indicator("health-services").id
    with pytest.raises(UnknownIdError):
        standard_in_force(2022).indicator("health-services")


def test_groups() -> None:
    assert ("poor", "near-poor", "not-poor") == standard_in_force(2018).groups
    assert ("poor", "near-poor", "not-poor") == standard_in_force(2028).groups
