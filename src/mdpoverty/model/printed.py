"""Tables exactly as a document prints them, kept apart from what the library derives.

A cell of a target column may print a range ("90–100", "0,56–0,58"): it is a
:class:`~mdpoverty.values.quantities.Quantity`; an exact value is its number.

>>> PrintedRow("Xã A", reduction=Quantity(90, 100), end_rate=Quantity(Decimal("1.5"))).end_rate
Decimal('1.5')
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from mdpoverty.i18n import _
from mdpoverty.values._validation import (
    OPTIONAL_COUNT,
    STR,
    TEXT,
    Items,
    checks,
    instance_of,
    is_count,
    is_decimal,
    is_identifier,
    nfc,
    optional,
    to_tuple,
    tuple_of,
    validate,
)
from mdpoverty.values.dates import PartialDate
from mdpoverty.values.quantities import Quantity

__all__ = ["PrintedAnnex", "PrintedRow"]

_OPTIONAL_DECIMAL = checks(optional(is_decimal))


def _exact(value: object) -> object:
    """A Quantity of one value as its number, so that a cell has one form of each value."""
    if isinstance(value, Quantity) and value.is_exact:
        return value.low
    return value


def _count_or_range(value: object) -> str | None:
    if isinstance(value, Quantity):
        if value.is_count and value.low >= 0:
            return None
        return _("must be a count or a range of counts")
    return is_count(value)


def _decimal_or_range(value: object) -> str | None:
    if isinstance(value, Quantity):
        return None if not value.is_count else _("must be a decimal or a range of decimals")
    return is_decimal(value)


_OPTIONAL_COUNT_OR_RANGE = checks(optional(_count_or_range))
_OPTIONAL_DECIMAL_OR_RANGE = checks(optional(_decimal_or_range))


@attrs.frozen
class PrintedRow:
    """One row of the annex exactly as printed; a blank cell is ``None``.

    These values are what the document *says*.  The library derives its own values from the
    units' counts and targets; the consistency checks compare the two.

    Attributes:
        label: The name column as printed (it may abbreviate: ``P. Nguyễn Thị Minh Khai``).
        unit: The ``id`` of the unit the row is about; ``None`` for the total row.
        number: The STT column.
        households: Households at the start of the year.
        poor_households: Poor households at the start of the year.
        start_rate: The poverty rate at the start of the year (%).
        reduction: The planned reduction in poor households: a count, or a range of counts.
        rate_reduction: The planned fall of the rate (percentage points), or a range.
        end_rate: The rate at the end of the year (%), or a range.
        near_poor_households: Near-poor households at the start of the year, where printed.
    """

    label: str = attrs.field(converter=nfc, metadata=TEXT)
    unit: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    number: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    households: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    poor_households: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    start_rate: Decimal | None = attrs.field(default=None, metadata=_OPTIONAL_DECIMAL)
    reduction: int | Quantity | None = attrs.field(
        default=None, converter=_exact, metadata=_OPTIONAL_COUNT_OR_RANGE
    )
    rate_reduction: Decimal | Quantity | None = attrs.field(
        default=None, converter=_exact, metadata=_OPTIONAL_DECIMAL_OR_RANGE
    )
    end_rate: Decimal | Quantity | None = attrs.field(
        default=None, converter=_exact, metadata=_OPTIONAL_DECIMAL_OR_RANGE
    )
    near_poor_households: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)

    def __attrs_post_init__(self) -> None:
        validate(self)


def _printed_row_items(value: Items[PrintedRow]) -> tuple[PrintedRow, ...]:
    return to_tuple(value)


@attrs.frozen
class PrintedAnnex:
    """The annex table as printed: its title, caption, date, unit rows and total row."""

    title: str = attrs.field(converter=nfc, metadata=TEXT)
    rows: tuple[PrintedRow, ...] = attrs.field(
        converter=_printed_row_items, metadata=checks(tuple_of(instance_of(PrintedRow)))
    )
    total: PrintedRow | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(PrintedRow)))
    )
    caption: str = attrs.field(default="", converter=nfc, metadata=STR)
    date: PartialDate | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(PartialDate)))
    )

    def __attrs_post_init__(self) -> None:
        validate(self)
