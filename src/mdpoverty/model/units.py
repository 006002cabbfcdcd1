"""Administrative units: the wards, communes, districts … a plan sets targets for."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal

import attrs

from mdpoverty.errors import Problem, describe
from mdpoverty.i18n import _
from mdpoverty.values._validation import (
    IDENTIFIER,
    OPTIONAL_COUNT,
    STR,
    TEXT,
    checks,
    instance_of,
    is_identifier,
    nfc,
    optional,
    validate,
)
from mdpoverty.values.names import split_kind
from mdpoverty.values.numbers import rate

__all__ = ["AdministrativeUnit", "UnitKind", "unit_kind"]


class UnitKind(enum.StrEnum):
    """Kinds of Vietnamese administrative units."""

    COUNTRY = "country"  #: cả nước
    PROVINCE = "province"  #: tỉnh
    MUNICIPALITY = "municipality"  #: thành phố trực thuộc trung ương (a province-level city)
    CITY = "city"  #: thành phố thuộc tỉnh
    TOWN = "town"  #: thị xã
    URBAN_DISTRICT = "urban-district"  #: quận
    DISTRICT = "district"  #: huyện
    WARD = "ward"  #: phường
    COMMUNE = "commune"  #: xã
    TOWNSHIP = "township"  #: thị trấn
    SPECIAL_ZONE = "special-zone"  #: đặc khu (from 1 July 2025)

    @property
    def vi(self) -> str:
        return _UNIT_KIND_VI[self]


_UNIT_KIND_VI = {
    UnitKind.COUNTRY: "cả nước",
    UnitKind.PROVINCE: "tỉnh",
    UnitKind.MUNICIPALITY: "thành phố",
    UnitKind.CITY: "thành phố",
    UnitKind.TOWN: "thị xã",
    UnitKind.URBAN_DISTRICT: "quận",
    UnitKind.DISTRICT: "huyện",
    UnitKind.WARD: "phường",
    UnitKind.COMMUNE: "xã",
    UnitKind.TOWNSHIP: "thị trấn",
    UnitKind.SPECIAL_ZONE: "đặc khu",
}

_KINDS = {kind.vi: kind for kind in UnitKind}


def unit_kind(name: str) -> UnitKind | None:
    """The kind a unit's name starts with (``Phường``, ``P.``, ``Xã`` …), or ``None``.

    A name that starts with "Thành phố" is a city of a province here; a centrally governed city
    (Hà Nội, …) is a :attr:`~mdpoverty.UnitKind.PROVINCE`.

    >>> unit_kind("Thị Trấn Đông Anh")
    <UnitKind.TOWNSHIP: 'township'>
    """
    return _KINDS.get(split_kind(name)[0])


# Digits of an official code by kind (Decision 124/2004/QĐ-TTg and its successors).
_CODE_DIGITS = {
    UnitKind.PROVINCE: 2,
    UnitKind.MUNICIPALITY: 2,
    UnitKind.CITY: 3,
    UnitKind.TOWN: 3,
    UnitKind.URBAN_DISTRICT: 3,
    UnitKind.DISTRICT: 3,
    UnitKind.WARD: 5,
    UnitKind.COMMUNE: 5,
    UnitKind.TOWNSHIP: 5,
    UnitKind.SPECIAL_ZONE: 5,
}

# How a message names a kind of unit that has a code (the kind's value is for programs).
_CODE_KINDS = {
    UnitKind.PROVINCE: _("province"),
    UnitKind.MUNICIPALITY: _("municipality"),
    UnitKind.CITY: _("city"),
    UnitKind.TOWN: _("town"),
    UnitKind.URBAN_DISTRICT: _("urban district"),
    UnitKind.DISTRICT: _("district"),
    UnitKind.WARD: _("ward"),
    UnitKind.COMMUNE: _("commune"),
    UnitKind.TOWNSHIP: _("township"),
    UnitKind.SPECIAL_ZONE: _("special zone"),
}


def _is_digits(value: object) -> str | None:
    if not isinstance(value, str):
        return _("must be a str, not {kind}", kind=type(value).__name__)
    return None if value.isascii() and value.isdigit() else _("must be digits only")


@attrs.frozen
class AdministrativeUnit:
    """A unit a document is about, at any level, with its household counts where printed.

    A unit may name its ``parent`` (a province's document lists districts and their communes)
    and may carry no counts at all (a provincial plan gives a district only a target).

    >>> unit = AdministrativeUnit("a", "Phường A", UnitKind.WARD, 2347, poor_households=27)
    >>> unit.poverty_rate
    Decimal('1.15')

    Attributes:
        id: A stable identifier, e.g. ``xa-mot``.
        name: The official name (Unicode NFC), e.g. ``Phường Đông Thành``.
        kind: Country, province, district, ward, commune, township, special zone, …
        households: All households at the start of the year, where the document prints them.
        poor_households: Poor households at the start of the year, where printed.
        near_poor_households: Near-poor households at the start of the year, where printed.
        name_en: An English name, or ``""``.
        code: The official code, where known: 2 digits for a province, 3 for a district, town
            or city, 5 for a commune, ward, township or special zone (e.g. ``00004``).
        parent: The ``id`` of the unit of the document that contains this one, if any.
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    kind: UnitKind = attrs.field(metadata=checks(instance_of(UnitKind)))
    households: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    poor_households: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    near_poor_households: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)
    code: str | None = attrs.field(default=None, metadata=checks(optional(_is_digits)))
    parent: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        me = describe(self)
        households, poor, near_poor = (
            self.households,
            self.poor_households,
            self.near_poor_households,
        )
        if households is not None and poor is not None and poor > households:
            reason = _("must be <= households ({households})", households=households)
            yield Problem(me, "poor_households", poor, reason)
        if (
            households is not None
            and near_poor is not None
            and (poor or 0) + near_poor > households
        ):
            yield Problem(
                me,
                "near_poor_households",
                near_poor,
                _(
                    "plus poor_households must be <= households ({households})",
                    households=households,
                ),
            )
        digits = _CODE_DIGITS.get(self.kind)
        if self.code is not None and digits is not None and len(self.code) != digits:
            reason = _(
                "must have {digits} digits for a {kind}", digits=digits, kind=_CODE_KINDS[self.kind]
            )
            yield Problem(me, "code", self.code, reason)
        if self.parent == self.id:
            yield Problem(me, "parent", self.parent, _("must not be the unit itself"))

    @property
    def has_counts(self) -> bool:
        """Whether the document prints the unit's households and poor households."""
        return self.households is not None and self.poor_households is not None

    @property
    def poverty_rate(self) -> Decimal | None:
        """Poor households as a percentage of households, half-up to 2 decimals, where given."""
        if self.households is None or self.poor_households is None:
            return None
        return rate(self.poor_households, self.households)

    @property
    def near_poverty_rate(self) -> Decimal | None:
        """Near-poor households as a percentage of households, where given."""
        if self.near_poor_households is None or self.households is None:
            return None
        return rate(self.near_poor_households, self.households)
