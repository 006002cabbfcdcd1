"""Legal documents a plan cites: its bases (căn cứ) and the decisions it refers to."""

from __future__ import annotations

import enum

import attrs

from mdpoverty.values._validation import (
    OPTIONAL_YEAR,
    STR,
    TEXT,
    Items,
    checks,
    instance_of,
    nfc,
    to_tuple,
    validate,
)
from mdpoverty.values.dates import PartialDate

__all__ = ["DocumentKind", "LegalReference"]


class DocumentKind(enum.StrEnum):
    """Kinds of Vietnamese legal and administrative documents."""

    LAW = "law"  #: Luật
    RESOLUTION = "resolution"  #: Nghị quyết (NQ)
    DECREE = "decree"  #: Nghị định (NĐ)
    DECISION = "decision"  #: Quyết định (QĐ)
    CIRCULAR = "circular"  #: Thông tư (TT)
    PLAN = "plan"  #: Kế hoạch (KH)
    DIRECTIVE = "directive"  #: Chỉ thị (CT)
    OFFICIAL_LETTER = "official-letter"  #: Công văn
    OTHER = "other"

    @property
    def vi(self) -> str:
        return _KIND_VI[self]


_KIND_VI = {
    DocumentKind.LAW: "Luật",
    DocumentKind.RESOLUTION: "Nghị quyết",
    DocumentKind.DECREE: "Nghị định",
    DocumentKind.DECISION: "Quyết định",
    DocumentKind.CIRCULAR: "Thông tư",
    DocumentKind.PLAN: "Kế hoạch",
    DocumentKind.DIRECTIVE: "Chỉ thị",
    DocumentKind.OFFICIAL_LETTER: "Công văn",
    DocumentKind.OTHER: "Văn bản",
}


@attrs.frozen
class LegalReference:
    """A cited document: kind, number, date, issuer and title, as the plan cites them.

    Attributes:
        kind: The kind of document.
        number: Its number and symbol as printed, e.g. ``78/KH-UBND``.
        date: The date it was issued, at the precision given.
        issuer: Who issued it, e.g. ``UBND tỉnh Bắc Kạn``.
        title: What it is about, as cited.
        year: The year the document is about, where its title names one (an annual
            resolution "năm 2024"); ``None`` otherwise.
    """

    kind: DocumentKind = attrs.field(metadata=checks(instance_of(DocumentKind)))
    number: str = attrs.field(converter=nfc, metadata=TEXT)
    date: PartialDate = attrs.field(metadata=checks(instance_of(PartialDate)))
    issuer: str = attrs.field(converter=nfc, metadata=TEXT)
    title: str = attrs.field(default="", converter=nfc, metadata=STR)
    year: int | None = attrs.field(default=None, metadata=OPTIONAL_YEAR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        return f"{self.kind.vi} số {self.number} {self.date.vi()} của {self.issuer}"


def reference_items(value: Items[LegalReference]) -> tuple[LegalReference, ...]:
    """The converter of a field of legal references (typed, so that the field's parameter says
    what it takes)."""
    return to_tuple(value)
