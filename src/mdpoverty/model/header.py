"""The parts of a document around its content: the heading, the area it covers, the signature."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from mdpoverty.errors import Problem
from mdpoverty.i18n import _n
from mdpoverty.model.units import UnitKind
from mdpoverty.values._validation import (
    STR,
    TEXT,
    checks,
    instance_of,
    is_str,
    is_text,
    nfc,
    nfc_or_none,
    optional,
    validate,
)
from mdpoverty.values.dates import PartialDate

__all__ = ["Area", "Header", "Signature"]

_OPTIONAL_TEXT = checks(optional(is_str))
_OPTIONAL_NAME = checks(optional(is_text))


@attrs.frozen
class Header:
    """The heading of the document: who issues it, its number, place, date and title.

    Figures read from an excerpt (a decision's annex quoted in a release, one province of a
    national table) may come without an issuer, a title or a date: leave them unknown (``None``)
    rather than invent them, and say in ``source`` where the figures were read.  A
    header that leaves any of the three unknown must name its source.

    >>> Header(date=PartialDate(2024), source="https://example.org/tin-tuc/ra-soat-2024").complete
    False

    Attributes:
        issuer: The issuing body, e.g. ``UBND thành phố Bắc Kạn``; ``None`` where the source
            does not name it.
        number: The document's number, or ``None`` where the copy leaves it blank
            ("Số: /KH-UBND").
        symbol: The symbol after the number, e.g. ``KH-UBND``.
        place: The place line, e.g. ``TP. Bắc Kạn``.
        date: The date, at the precision printed ("ngày tháng 3 năm 2024" is month precision);
            ``None`` where the source gives none (a year alone is ``PartialDate(2024)``).
        title: The kind of document as printed, e.g. ``KẾ HOẠCH``; ``None`` where not given.
        subtitle: What the plan is, as printed under the title.
        source: Where the figures were read when the document itself is not at hand: a legal
            reference, a publication, an address (``""`` for the document itself).
    """

    issuer: str | None = attrs.field(default=None, converter=nfc_or_none, metadata=_OPTIONAL_NAME)
    date: PartialDate | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(PartialDate)))
    )
    title: str | None = attrs.field(default=None, converter=nfc_or_none, metadata=_OPTIONAL_NAME)
    subtitle: str = attrs.field(default="", converter=nfc, metadata=STR)
    number: str | None = attrs.field(default=None, converter=nfc_or_none, metadata=_OPTIONAL_TEXT)
    symbol: str = attrs.field(default="", converter=nfc, metadata=STR)
    place: str = attrs.field(default="", converter=nfc, metadata=STR)
    source: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        known = {"issuer": self.issuer, "date": self.date, "title": self.title}
        unknown = [name for name, value in known.items() if value is None]
        if unknown and not self.source.strip():
            yield Problem(
                "Header",
                "source",
                self.source,
                _n(
                    "must say where the figures were read when {fields} is not given",
                    "must say where the figures were read when {fields} are not given",
                    len(unknown),
                    fields=tuple(unknown),
                ),
            )

    @property
    def complete(self) -> bool:
        """Whether the header names its issuer, title and date."""
        return None not in (self.issuer, self.title, self.date)

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
