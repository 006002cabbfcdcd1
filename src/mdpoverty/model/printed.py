"""Tables exactly as a document prints them, kept apart from what the library derives."""

from __future__ import annotations

from decimal import Decimal

import attrs

from mdpoverty.values._validation import (
    OPTIONAL_COUNT,
    STR,
    TEXT,
    Items,
    checks,
    instance_of,
    is_decimal,
    is_identifier,
    nfc,
    optional,
    to_tuple,
    tuple_of,
    validate,
)
from mdpoverty.values.dates import PartialDate

__all__ = ["PrintedAnnex", "PrintedRow"]

_OPTIONAL_DECIMAL = checks(optional(is_decimal))


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
        reduction: The planned reduction in poor households.
        rate_reduction: The planned fall of the rate (percentage points).
        end_rate: The rate at the end of the year (%).
    """

    label: str = attrs.field(converter=nfc, metadata=TEXT)
    unit: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    number: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    households: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    poor_households: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    start_rate: Decimal | None = attrs.field(default=None, metadata=_OPTIONAL_DECIMAL)
    reduction: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    rate_reduction: Decimal | None = attrs.field(default=None, metadata=_OPTIONAL_DECIMAL)
    end_rate: Decimal | None = attrs.field(default=None, metadata=_OPTIONAL_DECIMAL)

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
