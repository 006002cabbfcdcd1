"""The bounds of every number and date a plan may hold, in one place.

A plan's numbers are small: a province has some hundred thousand households, a programme's
funds are some thousand billion đồng, a printed rate has two decimals.  Bounds far above any
real plan keep every rule, table and formatter finite: no arithmetic can overflow, no rounding
can hang on an exponent of a billion, no rate can print a million digits.  They are checked at
the door, twice: when a file or spreadsheet is read (the number's text, before it becomes a
number) and when a model object is built (its value).

>>> count_problem(10**12)
'must be below 10^12 (MAX_COUNT)'
>>> decimal_problem(Decimal("1.1234567"))
'must have at most 6 decimal places (MAX_PLACES)'
>>> year_problem(99999)
'must be between 1945 and 2100 (MIN_YEAR, MAX_YEAR)'
>>> number_from_text("1.0e+99999999999999999999")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mdpoverty.errors.OutOfBounds: '1.0e+99999999999999999999' is too long or too large a number: ...
"""

from __future__ import annotations

import re
from decimal import Decimal

from mdpoverty.errors import OutOfBounds
from mdpoverty.i18n import Message, _

__all__ = [
    "MAX_COUNT",
    "MAX_DECIMAL",
    "MAX_FILE_BYTES",
    "MAX_NUMBER_CHARS",
    "MAX_PLACES",
    "MAX_YEAR",
    "MIN_YEAR",
    "TooLarge",
    "count_problem",
    "decimal_problem",
    "int_or_too_large",
    "number_from_text",
    "number_or_too_large",
    "signed_count_problem",
    "year_problem",
]

MAX_COUNT = 10**12
"""The bound of counts (households, people, a printed row's number), 0 <= n < 10^12."""

MAX_DECIMAL = 10**15
"""The bound of decimals (rates, shares, money in million đồng), -10^15 < x < 10^15."""

MAX_PLACES = 6
"""The most decimal places a decimal may have (printed rates have 2)."""

MIN_YEAR = 1945
"""The earliest year a date or period may name (the founding of the Democratic Republic)."""

MAX_YEAR = 2100
"""The latest year a date or period may name."""

MAX_NUMBER_CHARS = 40
"""The longest text of a number in a file, in characters (sign, digits, point, exponent)."""

MAX_FILE_BYTES = 8 * 1024 * 1024
"""The largest plan file read (8 MiB; real plans are some tens of kilobytes)."""

_COUNT_REASON = _("must be below 10^12 (MAX_COUNT)")
_SIGNED_COUNT_REASON = _("must be between -10^12 and 10^12 (MAX_COUNT)")
_DECIMAL_REASON = _("must be between -10^15 and 10^15 (MAX_DECIMAL)")
_PLACES_REASON = _("must have at most {places} decimal places (MAX_PLACES)", places=MAX_PLACES)
# years as they are written, never "2,100"
_YEAR_REASON = _(
    "must be between {low} and {high} (MIN_YEAR, MAX_YEAR)", low=str(MIN_YEAR), high=str(MAX_YEAR)
)


def count_problem(value: int) -> str | None:
    """Why an int is no count (``None``: it is one); the type is checked elsewhere."""
    if value < 0:
        return _("must be >= {bound}", bound=0)
    return _COUNT_REASON if value >= MAX_COUNT else None


def signed_count_problem(value: int) -> str | None:
    """Why an int is out of the bounds of a count that may be negative (a change)."""
    return _SIGNED_COUNT_REASON if abs(value) >= MAX_COUNT else None


def decimal_problem(value: Decimal) -> str | None:
    """Why a finite Decimal is out of bounds (``None``: it is within them)."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        # 1.50000000 has too many places even though its value has few: its digits are what
        # a formatter prints, so they are bounded, not its value.
        return _PLACES_REASON
    if value.adjusted() >= 15:
        return _DECIMAL_REASON
    return None


def year_problem(value: int) -> str | None:
    """Why an int is no year a plan may name."""
    return None if MIN_YEAR <= value <= MAX_YEAR else _YEAR_REASON


class TooLarge(str):
    """The text of a number out of bounds, as a loader keeps it in place of the number.

    Where a number belongs, the file's problem names the bound (:attr:`reason`); where text
    belongs, it is a number written without quotes.
    """

    __slots__ = ()

    @property
    def reason(self) -> str:
        return _("is too long or too large a number: {limits}", limits=_limits())


def number_or_too_large(text: str) -> Decimal | TooLarge:
    """:func:`number_from_text`, or the text as :class:`TooLarge` where it is out of bounds."""
    try:
        return number_from_text(text)
    except OutOfBounds:
        return TooLarge(text)


def int_or_too_large(text: str) -> int | TooLarge:
    """The int a whole number's text writes, or the text as :class:`TooLarge` if too long."""
    cleaned = text.replace("_", "")
    return TooLarge(text) if len(cleaned) > MAX_NUMBER_CHARS else int(cleaned)


_EXPONENT = re.compile(r"[eE]([-+]?)([0-9]+)$")
_MAX_EXPONENT = 30  # 1e30 is far above MAX_DECIMAL, and its Decimal is cheap to make


def number_from_text(text: str) -> Decimal:
    """The Decimal a number's text writes, refusing texts that are too long or too large.

    The text's form is the caller's to check (YAML's and JSON's number syntax); this bounds
    its length and its exponent before :class:`~decimal.Decimal` sees it, since a Decimal of
    ``1e-999999999`` is cheap to make but makes every later rounding take minutes.

    Raises:
        OutOfBounds: The text is longer than :data:`MAX_NUMBER_CHARS` or its exponent is
            larger than 30 either way.
    """
    match = _EXPONENT.search(text)
    exponent = None if match is None else match.group(2)
    # The exponent's length is checked before int() reads it.
    if len(text) > MAX_NUMBER_CHARS or (
        exponent is not None and (len(exponent) > 3 or int(exponent) > _MAX_EXPONENT)
    ):
        raise OutOfBounds(
            _(
                "{text!r} is too long or too large a number: {limits}",
                text=text[:40],
                limits=_limits(),
            )
        )
    return Decimal(text.replace("_", ""))


def _limits() -> Message:
    return _(
        "a number has at most {chars} characters and an exponent of at most {exponent} "
        "(MAX_NUMBER_CHARS)",
        chars=MAX_NUMBER_CHARS,
        exponent=_MAX_EXPONENT,
    )
