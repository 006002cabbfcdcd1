"""Structured text: the numbered sections of a plan that are prose, not numbers."""

from __future__ import annotations

import attrs

from mdpoverty.values._validation import (
    STR,
    Items,
    checks,
    is_str,
    lazy_instance_of,
    nfc,
    nfc_tuple,
    resolve_init,
    to_tuple,
    tuple_of,
    validate,
)

__all__ = ["Section"]


def _section_items(value: Items[Section]) -> tuple[Section, ...]:
    return to_tuple(value)


@attrs.frozen
class Section:
    """A numbered section of prose: its number, title, paragraphs and subsections.

    Attributes:
        number: The number as printed (``1.1``, ``I``), or ``""`` for an unnumbered block.
        title: The heading as printed, or ``""``.
        paragraphs: The paragraphs (or bullet items) in order, each as printed.
        subsections: Nested sections in order.
    """

    number: str = attrs.field(default="", converter=nfc, metadata=STR)
    title: str = attrs.field(default="", converter=nfc, metadata=STR)
    paragraphs: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_tuple, metadata=checks(tuple_of(is_str))
    )
    subsections: tuple[Section, ...] = attrs.field(
        default=(),
        converter=_section_items,
        metadata=checks(tuple_of(lazy_instance_of(lambda: Section))),
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    def walk(self) -> tuple[Section, ...]:
        """This section and all its subsections, depth first."""
        return (self, *(s for sub in self.subsections for s in sub.walk()))

    def text(self) -> str:
        """The section as plain text: heading, paragraphs, then subsections."""
        heading = " ".join(p for p in (self.number and f"{self.number}.", self.title) if p)
        parts = [heading] if heading else []
        parts.extend(self.paragraphs)
        parts.extend(sub.text() for sub in self.subsections)
        return "\n".join(parts)


resolve_init(Section)  # its fields hold items of itself
