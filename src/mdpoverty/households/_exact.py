"""Exact numbers from what a user types: a cutoff or a weight as an int, Fraction, Decimal or
text such as ``"1/3"``, bounded so that making it exact cannot hang (``1e-999999999``)."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from mdpoverty.errors import InexactNumberError, MeasureError
from mdpoverty.i18n import _

__all__ = ["exact"]

_MAX_CHARS = 100
"""The longest text of a cutoff or a weight (``"1/3"``, ``"0.333"``)."""

_MAX_EXPONENT = 100
"""The largest power of ten a cutoff or a weight may carry (``1e-100``): making
``1e-999999999`` exact would compute a number of a billion digits."""

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(?:/(\d+))?")


def exact(value: object, what: str) -> Fraction:
    """``value`` as an exact Fraction: an int, Fraction, Decimal or text such as ``"1/3"``.

    Floats are refused: ``0.1`` is not one tenth, and a weight or a cutoff that is not what it
    says would move households across the cutoff.  So are texts that are not a number, longer
    than 100 characters, with a zero denominator (``"1/0"``) or with a power of ten beyond
    ±100 (``"1e-999999999"``, whose exact value has a billion digits), and Decimals that are
    not finite or carry such a power.

    >>> exact("1/3", "k"), exact(Decimal("0.25"), "k")
    (Fraction(1, 3), Fraction(1, 4))
    >>> exact(0.25, "k")
    Traceback (most recent call last):
    ...
    mdpoverty.errors.InexactNumberError: k must be exact (an int, Fraction, Decimal or text \
such as '1/3'), not the float 0.25
    >>> exact("1e-999999999", "k")
    Traceback (most recent call last):
    ...
    mdpoverty.errors.MeasureError: k must have a power of ten between 1e-100 and 1e100: \
'1e-999999999'

    Raises:
        InexactNumberError: A float, a bool or another type.
        MeasureError: Text that is not a number or out of bounds, a zero denominator, a
            Decimal that is not finite or out of bounds.
    """
    if isinstance(value, bool | float):
        raise InexactNumberError(
            _(
                "{what} must be exact (an int, Fraction, Decimal or text such as '1/3'), not "
                "the {type} {value}",
                what=what,
                type=type(value).__name__,
                value=repr(value),
            )
        )
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, Decimal):
        return _exact_decimal(value, what)
    if isinstance(value, str):
        return _exact_text(value, what)
    raise InexactNumberError(
        _(
            "{what} must be an int, Fraction, Decimal or text, not {type}",
            what=what,
            type=type(value).__name__,
        )
    )


def _exact_decimal(value: Decimal, what: str) -> Fraction:
    if not value.is_finite():
        raise MeasureError(_("{what} must be a finite number, not {value}", what=what, value=value))
    too_long = len(value.as_tuple().digits) > _MAX_CHARS
    if too_long or (value and abs(value.adjusted()) > _MAX_EXPONENT):
        raise MeasureError(
            _(
                "{what} must have at most {digits} digits and a power of ten between "
                "1e-{power} and 1e{power}: {value}",
                what=what,
                digits=_MAX_CHARS,
                power=str(_MAX_EXPONENT),
                value=str(value),
            )
        )
    return Fraction(value)


def _exact_text(value: str, what: str) -> Fraction:
    text = value.strip().replace(" ", "")
    shown = value if len(value) <= _MAX_CHARS else value[:_MAX_CHARS] + "..."
    if len(text) > _MAX_CHARS:
        raise MeasureError(
            _(
                "{what} is longer than {n} characters: {shown!r}",
                what=what,
                n=_MAX_CHARS,
                shown=shown,
            )
        )
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise MeasureError(_("{what} is not a number: {shown!r}", what=what, shown=shown))
    exponent, denominator = match.groups()
    if exponent is not None and abs(int(exponent)) > _MAX_EXPONENT:
        raise MeasureError(
            _(
                "{what} must have a power of ten between 1e-{power} and 1e{power}: {shown!r}",
                what=what,
                power=str(_MAX_EXPONENT),
                shown=shown,
            )
        )
    if denominator is not None and int(denominator) == 0:
        raise MeasureError(_("{what} has a zero denominator: {shown!r}", what=what, shown=shown))
    try:
        return Fraction(text)
    except ValueError:  # a decimal over a denominator ("0.5/2"), which Fraction refuses
        raise MeasureError(_("{what} is not a number: {shown!r}", what=what, shown=shown)) from None
