"""The parts of a document around its content: the heading, the area it covers, the signature."""

from __future__ import annotations

import attrs

from mdpoverty.model.units import UnitKind
from mdpoverty.values._validation import (
    STR,
    TEXT,
    checks,
    instance_of,
    is_str,
    nfc,
    nfc_or_none,
    optional,
    validate,
)
from mdpoverty.values.dates import PartialDate

__all__ = ["Area", "Header", "Signature"]

_OPTIONAL_TEXT = checks(optional(is_str))


@attrs.frozen
class Header:
    """The heading of the document: who issues it, its number, place, date and title.

    Attributes:
        issuer: The issuing body, e.g. ``UBND thành phố Bắc Kạn``.
        number: The document's number, or ``None`` where the copy leaves it blank
            ("Số: /KH-UBND").
        symbol: The symbol after the number, e.g. ``KH-UBND``.
        place: The place line, e.g. ``TP. Bắc Kạn``.
        date: The date, at the precision printed ("ngày tháng 3 năm 2024" is month precision).
        title: The kind of document as printed, e.g. ``KẾ HOẠCH``.
        subtitle: What the plan is, as printed under the title.
    """

    issuer: str = attrs.field(converter=nfc, metadata=TEXT)
    date: PartialDate = attrs.field(metadata=checks(instance_of(PartialDate)))
    title: str = attrs.field(converter=nfc, metadata=TEXT)
    subtitle: str = attrs.field(default="", converter=nfc, metadata=STR)
    number: str | None = attrs.field(default=None, converter=nfc_or_none, metadata=_OPTIONAL_TEXT)
    symbol: str = attrs.field(default="", converter=nfc, metadata=STR)
    place: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def reference(self) -> str:
        """The number line as printed, e.g. ``Số: /KH-UBND``."""
        return f"Số: {self.number or ''}/{self.symbol}"


@attrs.frozen
class Signature:
    """Who signs: on whose behalf, the signer's title and name."""

    title: str = attrs.field(converter=nfc, metadata=TEXT)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    on_behalf_of: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class Area:
    """The area the plan covers: a province, a district, a city or a commune."""

    name: str = attrs.field(converter=nfc, metadata=TEXT)
    kind: UnitKind = attrs.field(metadata=checks(instance_of(UnitKind)))
    province: str | None = attrs.field(default=None, converter=nfc_or_none, metadata=_OPTIONAL_TEXT)
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)
