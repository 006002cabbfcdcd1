"""Dates known to the day, the month or the year."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from mdpoverty import PartialDate, ValidationError
from mdpoverty.testing import partial_dates


def test_month_precision_as_the_plan_prints_it() -> None:
    # "ngày tháng 3 năm 2024": the day is blank.
    date = PartialDate(2024, 3)
    assert date.precision == "month"
    assert str(date) == "2024-03"
    assert date.vi() == "tháng 3 năm 2024"
    assert date.first_day() == dt.date(2024, 3, 1)
    assert date.last_day() == dt.date(2024, 3, 31)


def test_day_and_year_precision() -> None:
    assert PartialDate(2022, 12, 18).vi() == "ngày 18/12/2022"
    assert PartialDate(2024).vi() == "năm 2024"
    assert PartialDate(2024).last_day() == dt.date(2024, 12, 31)
    assert PartialDate(2024, 2).last_day() == dt.date(2024, 2, 29)


def test_comparisons_say_only_what_is_certain() -> None:
    march, april = PartialDate(2024, 3), PartialDate(2024, 4)
    assert march.is_before(april)
    assert not april.is_before(march)
    assert not march.may_equal(april)
    assert march.may_equal(PartialDate(2024, 3, 15))
    assert not PartialDate(2024, 3, 15).is_before(march)
    assert PartialDate(2024, 2, 6).is_before(march)
    assert PartialDate(2024).may_equal(march)


@pytest.mark.parametrize(
    ("args", "field"),
    [((2024, 13), "month"), ((2024, 0), "month"), ((2023, 2, 29), "day"), ((2024, None, 3), "day")],
)
def test_impossible_dates_are_refused(args: tuple[int, ...], field: str) -> None:
    with pytest.raises(ValidationError, match=f"'{field}'") as error:
        PartialDate(*args)
    assert [p.field for p in error.value.problems] == [field]


@pytest.mark.parametrize("text", ["2024-3", "24-03", "2024/03", "", "2024-03-1"])
def test_parse_refuses_non_iso_text(text: str) -> None:
    with pytest.raises(ValidationError, match="YYYY"):
        PartialDate.parse(text)


@given(partial_dates())
def test_text_form_round_trips(date: PartialDate) -> None:
    assert date == PartialDate.parse(str(date))
    assert repr(date) == f"PartialDate('{date}')"


@given(partial_dates())
def test_a_date_spans_its_first_to_its_last_day(date: PartialDate) -> None:
    assert date.first_day() <= date.last_day()
    assert date.may_equal(date)
    assert not date.is_before(date)
