"""Standards as legal acts with versions: phases, amendments, local overlays, first reviews.

Golden values from the design notes (DESIGN.md §3) and the press summaries the data cites:
Decree 351/2025 keeps Decree 07/2021's criteria for 2026 and applies 2,200,000 / 2,800,000
from 2027; Decree 30/2025 (24/02/2025) adds the low-income line 2,250,000 / 3,000,000.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mdpoverty.errors import ValidationError
from mdpoverty.model.references import DocumentKind, LegalReference
from mdpoverty.reference import standards
from mdpoverty.reference.standards import (
    IncomeLine,
    poverty_standard,
    poverty_standards,
    standard_in_force,
)
from mdpoverty.values.dates import PartialDate


def test_decree_351_governs_2026_to_2030_with_its_own_criteria_from_2027() -> None:
    decree_351 = poverty_standard("decree-351-2025")
    assert (2026, 2027, 2028, 2029, 2030) == decree_351.governed_years
    assert (2027, 2028, 2029, 2030) == decree_351.years
    assert "decree-07-2021" == standard_in_force(dt.date(2026, 12, 31)).id
    assert "decree-351-2025" == standard_in_force(dt.date(2027, 1, 1)).id
    assert "Chuẩn nghèo đa chiều quốc gia giai đoạn 2026 - 2030" == decree_351.name


@pytest.mark.parametrize(
    ("when", "low_income"),
    [
        (dt.date(2025, 2, 23), None),
        (dt.date(2025, 2, 24), (2_250_000, 3_000_000)),
        (2024, None),
        (2025, (2_250_000, 3_000_000)),
        (2026, (2_250_000, 3_000_000)),
    ],
)
def test_decree_30_amends_decree_07_from_its_date(
    when: int | dt.date, low_income: tuple[int, int] | None
) -> None:
    standard = standard_in_force(when)
    lines = {line.id: (line.rural, line.urban) for line in standard.income_lines}
    assert low_income == lines.get("low-income")
    assert ("low-income" in standard.groups) == (low_income is not None)
    numbers = [ref.number for ref in standard.amended_by]
    assert (["30/2025/NĐ-CP"] if low_income else []) == numbers


def test_an_amendment_applies_once() -> None:
    amended = poverty_standard("decree-07-2021").as_of(2025)
    assert amended == amended.as_of(2026)
    assert 1 == amended.groups.count("low-income")


def test_a_province_may_overlay_a_higher_standard() -> None:
    national = poverty_standard("decree-351-2025")
    act = LegalReference(
        DocumentKind.RESOLUTION, "05/2026/NQ-HĐND", PartialDate(2026, 12, 10), "HĐND tỉnh"
    )
    local = national.overlay(
        id="tinh-x-2027",
        name="Chuẩn nghèo đa chiều tỉnh X giai đoạn 2027 - 2030",
        reference=act,
        income_lines=[IncomeLine("poverty", 2_500_000, 3_200_000)],
        province="19",
    )
    assert (2_500_000, 3_200_000) == (local.poverty_line("rural"), local.poverty_line("urban"))
    assert ("decree-351-2025", "19", act) == (local.overlays, local.province, local.reference)
    assert national.dimensions == local.dimensions
    assert national.rule == local.rule
    assert national.years == local.years
    with pytest.raises(ValidationError, match="province"):
        national.overlay(id="x", name="x", reference=act, income_lines=[], province="1")


def test_every_first_review_is_the_year_before_the_standard() -> None:
    # The review at the end of N serves N + 1 (Decision 1095/QĐ-LĐTBXH: the 2015 review under
    # the 2016–2020 standard).
    reviews = {s.id: s.first_review for s in poverty_standards()}
    assert {"decision-59-2015": 2015, "decree-07-2021": 2021, "decree-351-2025": 2026} == {
        key: review.year for key, review in reviews.items() if review is not None
    }
    decision_59 = reviews["decision-59-2015"]
    assert decision_59 is not None
    assert ("1095/QĐ-LĐTBXH", True) == (decision_59.reference.number, decision_59.verified)
    for standard in poverty_standards():
        review = standard.first_review
        assert review is not None
        assert review.year + 1 == standard.years[0]


def test_a_local_standard_in_the_data_is_in_force_for_its_province(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    national = poverty_standard("decree-351-2025")
    act = LegalReference(DocumentKind.RESOLUTION, "05/2026/NQ-HĐND", PartialDate(2026), "HĐND")
    local = national.overlay(
        id="tinh-x-2027",
        name="Chuẩn nghèo tỉnh X",
        reference=act,
        income_lines=[IncomeLine("poverty", 2_500_000, 3_200_000)],
        province="19",
    )
    shipped = poverty_standards()
    monkeypatch.setattr(standards, "poverty_standards", lambda: (*shipped, local))
    assert "tinh-x-2027" == standard_in_force(2027, province="19").id
    assert "decree-351-2025" == standard_in_force(2027, province="20").id
    assert "decree-351-2025" == standard_in_force(2027).id
    assert "decree-07-2021" == standard_in_force(2026, province="19").id


def test_an_amended_standard_is_made_once_and_is_the_standard_as_amended() -> None:
    decree_07 = poverty_standard("decree-07-2021")
    amended = decree_07.as_of(2025)
    assert amended is decree_07.as_of(2025)
    assert decree_07.as_of(2024) is decree_07
    assert (*decree_07.amended_by, *(a.reference for a in decree_07.amendments)) == (
        amended.amended_by
    )
    assert () == amended.amendments
