"""Target values: an exact number or a range, and how a target compares with it."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from decimal import Decimal

import attrs

from mdpoverty.errors import Problem
from mdpoverty.i18n import Lang, _, number
from mdpoverty.values._validation import checks, is_number, validate
from mdpoverty.values.numbers import decimal_places, format_vi

__all__ = ["Comparison", "Quantity"]

_new = object.__new__


class Comparison(enum.StrEnum):
    """How an achieved value must compare with a target's value."""

    AT_LEAST = "at-least"
    """The value or more ("tối thiểu", "ít nhất")."""
    EXACTLY = "exactly"
    """The value itself (a plain "100%" or "giảm 13 hộ")."""
    AT_MOST = "at-most"
    """The value or less ("tối đa", "còn dưới")."""

    @property
    def vi(self) -> str:
        return {"at-least": "tối thiểu", "exactly": "", "at-most": "tối đa"}[self.value]


@attrs.frozen
class Quantity:
    """An exact value (``low == high``) or a closed range such as "6,5–7,2".

    Both ends are ints (counts) or both are Decimals (rates, shares, money); never floats.

    >>> Quantity(13)
    Quantity(13)
    >>> Quantity(Decimal('6.5'), Decimal('7.2')).vi()
    '6,5–7,2'
    """

    low: int | Decimal = attrs.field(metadata=checks(is_number))
    high: int | Decimal = attrs.field(
        default=attrs.Factory(lambda self: self.low, takes_self=True),
        metadata=checks(is_number),
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        if type(self.low) is not type(self.high):
            yield Problem("Quantity", "high", self.high, _("must be of the same type as 'low'"))
        elif self.high < self.low:
            yield Problem("Quantity", "high", self.high, _("must be >= low ({low})", low=self.low))

    @property
    def is_exact(self) -> bool:
        return self.low == self.high

    @property
    def is_count(self) -> bool:
        return type(self.low) is int

    @property
    def places(self) -> int:
        """The decimals the value is written with: the more of its two bounds' (0 for counts)."""
        low, high = self.low, self.high
        if isinstance(low, Decimal) and isinstance(high, Decimal):
            places = decimal_places(low)
            return places if high is low else max(places, decimal_places(high))
        return 0  # counts (both bounds are of one type)

    def map(self, fn: Callable[[int | Decimal], int | Decimal]) -> Quantity:
        """``fn`` applied to both ends, for a monotonic ``fn``; the ends are put in order."""
        a, b = fn(self.low), fn(self.high)
        return Quantity(min(a, b), max(a, b))

    def _map_trusted(self, fn: Callable[[int | Decimal], int | Decimal]) -> Quantity:
        """:meth:`map` for a ``fn`` of the library's own whose results are valid by
        construction (a rate of two counts, the difference of two rates): the range is made
        without checking its ends again.  A caller's function goes through :meth:`map`."""
        low = high = fn(self.low)
        if self.high != self.low:
            high = fn(self.high)
            low, high = min(low, high), max(low, high)
        return _trusted(low, high)

    def vi(self, places: int | None = None) -> str:
        """Vietnamese notation: ``13``, ``1,86``, ``840–930``."""
        if self.is_exact:
            return format_vi(self.low, places)
        return f"{format_vi(self.low, places)}–{format_vi(self.high, places)}"

    def localized(self, lang: Lang) -> str:
        """In the notation of ``lang``, as a message shows it: ``840–930`` and ``1,86`` in
        Vietnamese, ``840–930`` and ``1.86`` in English.

        >>> Quantity(Decimal("6.5"), Decimal("7.25")).localized("en")
        '6.5–7.25'
        """
        if self.is_exact:
            return number(self.low, lang)
        return f"{number(self.low, lang)}–{number(self.high, lang)}"

    def __repr__(self) -> str:
        if self.is_exact:
            return f"Quantity({self.low!r})"
        return f"Quantity({self.low!r}, {self.high!r})"


def _trusted(low: int | Decimal, high: int | Decimal) -> Quantity:
    """``Quantity(low, high)`` of two bounds the library knows to be valid (values of
    validated objects, or computed from them within the bounds), made without the checks:
    for the rules and tables that make one per unit of a large document."""
    made: Quantity = _new(Quantity)
    _set_low(made, low)
    _set_high(made, high)
    return made


# The slots of the two bounds, set directly (a third cheaper than object.__setattr__, which
# finds them): a rule makes a range for every unit of a document.
_set_low = vars(Quantity)["low"].__set__
_set_high = vars(Quantity)["high"].__set__
