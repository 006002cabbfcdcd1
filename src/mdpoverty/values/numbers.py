"""Exact numbers as the plans print them: poverty rates, rounding, Vietnamese number format.

Counts are ``int``; rates and money are :class:`~decimal.Decimal`.  A poverty rate is the share
of poor households in all households, in percent, rounded **half-up** to :data:`RATE_PLACES`
decimal places as the plans print it ("1,15").  The rounding is done in integer arithmetic, so
it is exact for any counts.

Vietnamese notation groups thousands with a dot and separates decimals with a comma:
``12.281`` is twelve thousand two hundred and eighty-one, ``1,15`` is one and fifteen hundredths.

>>> rate(27, 2347)
Decimal('1.15')
>>> format_vi(12281)
'12.281'
>>> format_vi(Decimal('1.15'))
'1,15'
>>> parse_vi('2.347'), parse_vi('1,15')
(2347, Decimal('1.15'))
"""

from __future__ import annotations

import numbers
import re
from decimal import ROUND_HALF_UP, Decimal

from mdpoverty.errors import NumberFormatError, Problem, ValidationError, expect
from mdpoverty.i18n import _, number
from mdpoverty.values.bounds import MAX_PLACES

__all__ = [
    "RATE_PLACES",
    "ROUNDING",
    "decimal_places",
    "format_vi",
    "parse_vi",
    "rate",
    "round_half_up",
]

RATE_PLACES = 2
"""Decimal places of a printed poverty rate (and of a reduction in percentage points)."""

ROUNDING = ROUND_HALF_UP
"""The rounding of printed rates (ordinary half-up, as the plans print them)."""


def rate(part: int, whole: int, places: int = RATE_PLACES) -> Decimal:
    """``part`` as a percentage of ``whole``, rounded half-up to ``places`` decimals.

    The rate of an empty whole (no households) is defined as zero: there is no poverty to
    measure.

    >>> rate(241, 12281)
    Decimal('1.96')
    >>> rate(1, 8, places=3)
    Decimal('12.500')
    """
    if type(part) is not int or type(whole) is not int or type(places) is not int:
        expect("rate", part=(part, int), whole=(whole, int), places=(places, int))
    if part < 0 or whole < 0:
        reason = _("must be non-negative counts")
        raise ValidationError([Problem("rate", "part/whole", f"{part}/{whole}", reason)])
    if whole == 0:
        return Decimal(0).scaleb(-places)
    scale = _SCALES.get(places)
    if scale is None:  # places no document prints
        quotient, remainder = divmod(part * 100 * 10**places, whole)
        return Decimal(quotient + (2 * remainder >= whole)).scaleb(-places)
    # The same, at half the cost (this runs for every printed rate of every unit): half-up in
    # one division, floor(part * 100 * 10**places / whole + 1/2), and the product by the unit
    # of the last place (0.01), which makes the Decimal that .scaleb(-places) makes.
    twice_factor, unit = scale
    return Decimal((part * twice_factor + whole) // (2 * whole)) * unit


# For each number of places a document may print: twice the factor of a percentage with that
# many places, and the unit of its last place.
_SCALES = {
    places: (2 * 100 * 10**places, Decimal(1).scaleb(-places)) for places in range(MAX_PLACES + 1)
}


def decimal_places(value: Decimal) -> int:
    """The number of decimals ``value`` is written with (0 for a whole number or a non-finite one).

    >>> [decimal_places(Decimal(text)) for text in ("1.15", "5.0", "1E+2")]
    [2, 1, 0]
    """
    text = str(value)  # C-fast, where as_tuple() builds a tuple of every digit
    if "E" not in text:  # plain notation: the decimals are the digits after the point
        return len(text.partition(".")[2])
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def round_half_up(value: Decimal, places: int = RATE_PLACES) -> Decimal:
    """``value`` rounded half-up to ``places`` decimals.

    >>> round_half_up(Decimal('0.125'))
    Decimal('0.13')
    """
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUNDING)


def format_vi(value: int | Decimal, places: int | None = None) -> str:
    """``value`` in Vietnamese notation: dots between thousands, a decimal comma.

    ``places`` fixes the number of decimals (rounding half-up); by default a Decimal keeps its
    own digits.

    >>> format_vi(Decimal('2332'))
    '2.332'
    >>> format_vi(Decimal('0.1'), places=2)
    '0,10'
    """
    given: object = value
    if type(given) not in (int, bool) and isinstance(given, numbers.Integral):
        value = int(given)  # a NumPy or pandas integer, as a table's cell gives it
    expect("format_vi", value=(value, (int, Decimal)), places=(places, (int, type(None))))
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValidationError([Problem("format_vi", "value", value, _("must be a finite number"))])
    return number(value, "vi", places)  # the checked value, in the one notation of messages


_VI_NUMBER = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})*(?:,\d+)?|[-+]?\d+(?:,\d+)?")


def parse_vi(text: str) -> int | Decimal:
    """The number written ``text`` in Vietnamese notation: an int, or a Decimal if it has a comma.

    Thousands groups must have three digits; anything else raises :class:`NumberFormatError`.

    >>> parse_vi('12.281')
    12281
    >>> parse_vi('63,5')
    Decimal('63.5')
    """
    cleaned = text.strip() if isinstance(text, str) else text
    if not isinstance(cleaned, str) or not _VI_NUMBER.fullmatch(cleaned):
        raise NumberFormatError(_("not a number in Vietnamese notation: {text}", text=repr(text)))
    plain = cleaned.replace(".", "").replace(",", ".")
    if "." in plain:
        return Decimal(plain)
    return int(plain)
