"""Exact rates, half-up rounding and Vietnamese number notation."""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty import NumberFormatError, format_vi, parse_vi, rate
from mdpoverty.values.numbers import decimal_places, round_half_up


@pytest.mark.parametrize(
    ("poor", "households", "printed"),
    [
        # Rates printed in the Bắc Kạn annex, with their counts.
        (27, 2347, "1.15"),
        (34, 827, "4.11"),
        (8, 1416, "0.56"),  # 0.56497… rounds up
        (73, 1382, "5.28"),
        (241, 12281, "1.96"),
        (228, 12281, "1.86"),
    ],
)
def test_rate_of_printed_counts(poor: int, households: int, printed: str) -> None:
    assert Decimal(printed) == rate(poor, households)


def test_rate_rounds_half_up_not_to_even() -> None:
    assert Decimal("0.13") == rate(1, 800)  # 0.125 exactly
    assert Decimal("0.38") == rate(3, 800)  # 0.375 exactly
    assert Decimal("12.5") == rate(1, 8, places=1)


def test_rate_of_no_households_is_zero() -> None:
    assert Decimal("0.00") == rate(0, 0)


def test_rate_refuses_negative_counts() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        rate(-1, 10)


@given(st.integers(0, 10**9), st.integers(1, 10**9), st.integers(0, 6))
def test_rate_is_the_exact_quotient_rounded_half_up(part: int, whole: int, places: int) -> None:
    exact = Fraction(part * 100, whole)
    result = rate(part, whole, places)
    step = Fraction(1, 10**places)
    assert result.as_tuple().exponent == -places
    # Within half a step of the exact value, and exactly half a step only when rounding up.
    difference = Fraction(result) - exact
    assert -step / 2 < difference <= step / 2


def test_round_half_up() -> None:
    assert Decimal("0.13") == round_half_up(Decimal("0.125"))
    assert Decimal("-0.13") == round_half_up(Decimal("-0.125"))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12281, "12.281"),
        (241, "241"),
        (1234567, "1.234.567"),
        (Decimal("1.15"), "1,15"),
        (Decimal("2332"), "2.332"),
        (Decimal("63.5"), "63,5"),
        (Decimal("-1234.5"), "-1.234,5"),
    ],
)
def test_format_vi(value: int | Decimal, text: str) -> None:
    assert text == format_vi(value)


def test_format_vi_with_places_rounds_half_up() -> None:
    assert "0,10" == format_vi(Decimal("0.1"), places=2)
    assert "1,13" == format_vi(Decimal("1.125"), places=2)
    assert "13,00" == format_vi(13, places=2)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12.281", 12281),
        ("2.347", 2347),
        ("241", 241),
        ("1,15", Decimal("1.15")),
        ("63,5", Decimal("63.5")),
        (" 0,10 ", Decimal("0.10")),
        ("1.234,5", Decimal("1234.5")),
    ],
)
def test_parse_vi(text: str, value: int | Decimal) -> None:
    parsed = parse_vi(text)
    assert value == parsed
    assert type(value) is type(parsed)


@pytest.mark.parametrize("text", ["", "1.2", "12.34", "1,2,3", "abc", "1.15.", "1 000", "1e3"])
def test_parse_vi_refuses_what_is_not_vietnamese_notation(text: str) -> None:
    with pytest.raises(NumberFormatError, match="Vietnamese notation"):
        parse_vi(text)


def test_number_format_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        parse_vi("x")


@given(st.integers(-(10**12), 10**12))
def test_parse_vi_inverts_format_vi_for_counts(value: int) -> None:
    assert value == parse_vi(format_vi(value))


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9
    )
)
def test_parse_vi_inverts_format_vi_for_decimals(value: Decimal) -> None:
    text = format_vi(value)
    parsed = parse_vi(text)
    assert value == parsed


@given(st.decimals(allow_nan=True, allow_infinity=True, places=None))
def test_decimal_places_are_the_negated_exponent_of_any_decimal(value: Decimal) -> None:
    # Worked out from the digits' tuple, which the fast path (the text) must agree with in
    # every notation: plain, scientific (1E+2, 1.5E-7), negative zero, non-finite.
    exponent = value.as_tuple().exponent
    expected = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    assert expected == decimal_places(value)


def _rate_by_scaleb(part: int, whole: int, places: int) -> Decimal:
    """A rate as the library first made it: the quotient's digits, then their exponent."""
    if whole == 0:
        return Decimal(0).scaleb(-places)
    quotient, remainder = divmod(part * 100 * 10**places, whole)
    if 2 * remainder >= whole:
        quotient += 1
    return Decimal(quotient).scaleb(-places)


@given(st.integers(0, 10**13), st.integers(0, 10**13), st.integers(0, 9), st.integers(2, 28))
def test_rate_is_the_decimal_it_always_was(
    part: int, whole: int, places: int, precision: int
) -> None:
    # the same digits and exponent, rounded alike by a context of few digits
    with localcontext() as context:
        context.prec = precision
        assert repr(_rate_by_scaleb(part, whole, places)) == repr(rate(part, whole, places))
