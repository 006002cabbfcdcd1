"""Poverty standards and programme catalogs, held as data with their periods of validity.

Standards change (a new period, new income lines, renamed indicators), so they are data files
shipped in the package, each citing its legal source, never constants in code.

>>> standard = poverty_standard("decree-07-2021")
>>> [d.id for d in standard.dimensions]
['employment', 'health', 'education', 'housing', 'water-sanitation', 'information']
>>> str(standard.period)
'2022–2025'
>>> programme_catalog("decision-90-2022").entry("DA4.TDA3").name
'Hỗ trợ việc làm bền vững'
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs

from mdpoverty.errors import UnknownNameError
from mdpoverty.io._convert import converter
from mdpoverty.io._dialects import load_yaml
from mdpoverty.model.references import LegalReference
from mdpoverty.values._validation import (
    IDENTIFIER,
    STR,
    TEXT,
    checks,
    instance_of,
    is_component_code,
    nfc,
    nfc_tuple,
    to_tuple,
    tuple_of,
    unique,
    validate,
)
from mdpoverty.values.dates import Period

__all__ = [
    "CatalogEntry",
    "Dimension",
    "Indicator",
    "PovertyStandard",
    "ProgrammeCatalog",
    "poverty_standard",
    "poverty_standards",
    "programme_catalog",
    "programme_catalogs",
]


@attrs.frozen
class Indicator:
    """An indicator of deprivation of the standard, e.g. health insurance."""

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class Dimension:
    """A dimension of deprivation (a basic social service), with its indicators."""

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    indicators: tuple[Indicator, ...] = attrs.field(
        converter=to_tuple, metadata=checks(tuple_of(instance_of(Indicator)))
    )
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class PovertyStandard:
    """A multidimensional poverty standard: income lines, dimensions, period of validity.

    Attributes:
        id: A stable identifier, e.g. ``decree-07-2021``.
        name: The standard's name.
        reference: The legal document that sets it.
        period: The years it is in force.
        aliases: Other names plans use for it.
        poor_income_rural: The income line in rural areas (VND per person per month).
        poor_income_urban: The income line in urban areas.
        poor_min_deprivations: The number of deprived indicators that, with an income at or
            below the line, makes a household poor (fewer makes it near-poor).
        dimensions: The dimensions in the standard's order.
        name_en: An English name.
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    reference: LegalReference = attrs.field(metadata=checks(instance_of(LegalReference)))
    period: Period = attrs.field(metadata=checks(instance_of(Period)))
    poor_income_rural: int = attrs.field(metadata=checks(instance_of(int)))
    poor_income_urban: int = attrs.field(metadata=checks(instance_of(int)))
    poor_min_deprivations: int = attrs.field(metadata=checks(instance_of(int)))
    dimensions: tuple[Dimension, ...] = attrs.field(
        converter=to_tuple,
        metadata=checks(tuple_of(instance_of(Dimension)), unique("id", "dimension id")),
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_tuple, metadata=checks(tuple_of(instance_of(str)))
    )
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def dimension(self, dimension_id: str) -> Dimension:
        for d in self.dimensions:
            if d.id == dimension_id:
                return d
        raise UnknownNameError(f"standard {self.id!r} has no dimension {dimension_id!r}")

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for d in self.dimensions for i in d.indicators)


@attrs.frozen
class CatalogEntry:
    """A project or sub-project of a programme catalog."""

    code: str = attrs.field(metadata=checks(is_component_code))
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class ProgrammeCatalog:
    """The projects and sub-projects of a national target programme, with its period."""

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    reference: LegalReference = attrs.field(metadata=checks(instance_of(LegalReference)))
    period: Period = attrs.field(metadata=checks(instance_of(Period)))
    entries: tuple[CatalogEntry, ...] = attrs.field(
        converter=to_tuple,
        metadata=checks(tuple_of(instance_of(CatalogEntry)), unique("code", "code")),
    )
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def entry(self, code: str) -> CatalogEntry:
        """The entry with ``code``; an activity's code resolves to its sub-project's entry."""
        key = ".".join(code.split(".")[:2])
        for e in self.entries:
            if e.code == key:
                return e
        raise UnknownNameError(f"catalog {self.id!r} has no project or sub-project {code!r}")

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        try:
            self.entry(code)
        except UnknownNameError:
            return False
        return True


def _load(name: str) -> object:
    text = resources.files("mdpoverty.reference").joinpath("data", name).read_text(encoding="utf-8")
    return load_yaml(text)


@functools.cache
def poverty_standards() -> tuple[PovertyStandard, ...]:
    """Every poverty standard the library knows."""
    return converter.structure(_load("standards.yaml"), tuple[PovertyStandard, ...])


@functools.cache
def programme_catalogs() -> tuple[ProgrammeCatalog, ...]:
    """Every programme catalog the library knows."""
    return converter.structure(_load("programmes.yaml"), tuple[ProgrammeCatalog, ...])


def poverty_standard(key: str) -> PovertyStandard:
    """The standard with id, name or alias ``key``."""
    for s in poverty_standards():
        if key in (s.id, s.name, *s.aliases):
            return s
    raise UnknownNameError(f"no poverty standard {key!r}")


def programme_catalog(key: str) -> ProgrammeCatalog:
    """The programme catalog with id ``key``."""
    for c in programme_catalogs():
        if c.id == key:
            return c
    raise UnknownNameError(f"no programme catalog {key!r}")
