"""Administrative units: the wards, communes, districts … a plan sets targets for."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal

import attrs

from mdpoverty.errors import Problem
from mdpoverty.values._validation import (
    COUNT,
    IDENTIFIER,
    OPTIONAL_COUNT,
    STR,
    TEXT,
    checks,
    instance_of,
    nfc,
    validate,
)
from mdpoverty.values.numbers import rate

__all__ = ["AdministrativeUnit", "UnitKind"]


class UnitKind(enum.StrEnum):
    """Kinds of Vietnamese administrative units."""

    PROVINCE = "province"  #: tỉnh, or thành phố trực thuộc trung ương
    CITY = "city"  #: thành phố thuộc tỉnh
    TOWN = "town"  #: thị xã
    URBAN_DISTRICT = "urban-district"  #: quận
    DISTRICT = "district"  #: huyện
    WARD = "ward"  #: phường
    COMMUNE = "commune"  #: xã
    TOWNSHIP = "township"  #: thị trấn

    @property
    def vi(self) -> str:
        return _UNIT_KIND_VI[self]


_UNIT_KIND_VI = {
    UnitKind.PROVINCE: "tỉnh",
    UnitKind.CITY: "thành phố",
    UnitKind.TOWN: "thị xã",
    UnitKind.URBAN_DISTRICT: "quận",
    UnitKind.DISTRICT: "huyện",
    UnitKind.WARD: "phường",
    UnitKind.COMMUNE: "xã",
    UnitKind.TOWNSHIP: "thị trấn",
}


@attrs.frozen
class AdministrativeUnit:
    """A unit of the plan's area with its household counts at the start of the plan year.

    >>> unit = AdministrativeUnit("a", "Phường A", UnitKind.WARD, 2347, poor_households=27)
    >>> unit.poverty_rate
    Decimal('1.15')

    Attributes:
        id: A stable identifier, e.g. ``song-cau``.
        name: The official name (Unicode NFC), e.g. ``Phường Đông Thành``.
        kind: Ward, commune, township, district, …
        households: All households at the start of the year.
        poor_households: Poor households at the start of the year.
        near_poor_households: Near-poor households at the start of the year, where the plan
            gives them.
        name_en: An English name, or ``""``.
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    kind: UnitKind = attrs.field(metadata=checks(instance_of(UnitKind)))
    households: int = attrs.field(metadata=COUNT)
    poor_households: int = attrs.field(metadata=COUNT)
    near_poor_households: int | None = attrs.field(default=None, metadata=OPTIONAL_COUNT)
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        me = f"AdministrativeUnit {self.id!r}"
        if self.poor_households > self.households:
            yield Problem(
                me,
                "poor_households",
                self.poor_households,
                f"must be <= households ({self.households})",
            )
        near_poor = self.near_poor_households
        if near_poor is not None and self.poor_households + near_poor > self.households:
            yield Problem(
                me,
                "near_poor_households",
                near_poor,
                f"plus poor_households must be <= households ({self.households})",
            )

    @property
    def poverty_rate(self) -> Decimal:
        """Poor households as a percentage of households, half-up to 2 decimals."""
        return rate(self.poor_households, self.households)

    @property
    def near_poverty_rate(self) -> Decimal | None:
        """Near-poor households as a percentage of households, or ``None`` if not given."""
        if self.near_poor_households is None:
            return None
        return rate(self.near_poor_households, self.households)
