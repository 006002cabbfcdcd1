"""Agencies and what the plan makes them responsible for (section VI)."""

from __future__ import annotations

import attrs

from mdpoverty.values._validation import (
    IDENTIFIER,
    STR,
    TEXT,
    checks,
    is_component_code,
    is_str,
    nfc,
    nfc_tuple,
    tuple_of,
    validate,
)
from mdpoverty.values.names import name_key

__all__ = ["Agency", "Responsibility", "same_name"]


def same_name(a: str, b: str) -> bool:
    """Whether two names are spellings of one name: any Unicode normalization form, case,
    spacing, or tone-mark placement ("Hóa", "Hoá"); see :func:`mdpoverty.values.names.name_key`."""
    return name_key(a) == name_key(b)


@attrs.frozen
class Agency:
    """An agency (phòng, ban, trung tâm, UBND, …) that leads or takes part in the plan.

    The plan refers to agencies by ``id``; ``name`` is the canonical spelling and ``aliases``
    the other spellings the document uses for the same agency.

    Attributes:
        id: A stable identifier, e.g. ``labour``.
        name: The name as the plan spells it (Unicode NFC).
        aliases: Other spellings in the same document.
        name_en: An English name, or ``""``.
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_tuple, metadata=checks(tuple_of(is_str))
    )
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def is_named(self, name: str) -> bool:
        """Whether ``name`` is this agency's name or one of its aliases (as ``same_name``)."""
        return any(same_name(name, n) for n in (self.name, *self.aliases))


@attrs.frozen
class Responsibility:
    """What section VI assigns to one agency.

    Attributes:
        agency: The agency's ``id``.
        section: The number of the item in section VI, e.g. ``VI.1``.
        heading: The item's heading where it is not just the agency's name (``Đề nghị Mặt trận
            Tổ quốc …`` asks rather than directs), else ``""``.
        duties: The duties in order, as printed.
        components: Codes of the programme components the item assigns to the agency.
    """

    agency: str = attrs.field(metadata=IDENTIFIER)
    section: str = attrs.field(default="", converter=nfc, metadata=STR)
    heading: str = attrs.field(default="", converter=nfc, metadata=STR)
    duties: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_tuple, metadata=checks(tuple_of(is_str))
    )
    components: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_tuple, metadata=checks(tuple_of(is_component_code))
    )

    def __attrs_post_init__(self) -> None:
        validate(self)
