"""Programme catalogs, held as data with their periods of validity: the projects, sub-projects
and components of each National Target Program, each catalog citing its legal source.

>>> programme_catalog("decision-90-2022").entry("DA4.TDA3").name
'Hỗ trợ việc làm bền vững'
>>> programme_in_force(2024).id, programme_in_force(2027).id
('decision-90-2022', 'resolution-257-2025')
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import _
from mdpoverty.io._convert import converter
from mdpoverty.model.programme import ancestor, code_level
from mdpoverty.model.references import LegalReference, reference_items
from mdpoverty.reference.standards import load_data
from mdpoverty.values._validation import (
    BOOL,
    IDENTIFIER,
    STR,
    TEXT,
    Items,
    checks,
    instance_of,
    is_component_code,
    nfc,
    to_tuple,
    tuple_of,
    unique,
    validate,
)
from mdpoverty.values.dates import Period

if TYPE_CHECKING:  # only its type: the documents do not depend on reference data
    from mdpoverty.model.document import Document

__all__ = [
    "CatalogEntry",
    "ProgrammeCatalog",
    "programme_catalog",
    "programme_catalogs",
    "programme_in_force",
    "programme_of",
]


@attrs.frozen
class CatalogEntry:
    """A project or sub-project (or a component and its parts) of a programme catalog.

    ``verified`` is false, with a ``note``, where the entry could not be checked against the
    legal text; ``source`` names the text it was read from, where it is not the catalog's own
    reference.
    """

    code: str = attrs.field(metadata=checks(is_component_code))
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)
    source: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


def _catalog_entry_items(value: Items[CatalogEntry]) -> tuple[CatalogEntry, ...]:
    return to_tuple(value)


# Its hash is kept: the catalog is the key of its own index (below), and a catalog's hash is
# every entry's.
@attrs.frozen(cache_hash=True)
class ProgrammeCatalog:
    """The projects and sub-projects of a national target programme, with its period.

    ``reference`` is the act that sets the programme, ``implementing`` the texts that detail
    it (the Government's plan, the ministry's approval); ``verified`` is false where the
    entries could not all be checked against them.
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    reference: LegalReference = attrs.field(metadata=checks(instance_of(LegalReference)))
    period: Period = attrs.field(metadata=checks(instance_of(Period)))
    entries: tuple[CatalogEntry, ...] = attrs.field(
        converter=_catalog_entry_items,
        metadata=checks(tuple_of(instance_of(CatalogEntry)), unique("code", "code")),
    )
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)
    implementing: tuple[LegalReference, ...] = attrs.field(
        default=(),
        converter=reference_items,
        metadata=checks(tuple_of(instance_of(LegalReference))),
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def depth(self) -> int:
        """The deepest level the catalog lists (its sub-projects, under Decision 90/QĐ-TTg)."""
        return _index(self)[0]

    def entry(self, code: str) -> CatalogEntry:
        """The entry with ``code``; a code below the catalog's deepest level (an activity, a
        plan's own sub-code) resolves to its ancestor at that level.

        >>> programme_catalog("resolution-257-2025").entry("HP1.ND2.1").code
        'HP1'
        """
        found = _entry(self, code)
        if found is not None:
            return found
        raise UnknownNameError(_("catalog {id!r} has no entry for {code!r}", id=self.id, code=code))

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        depth, by_code = _index(self)
        return code in by_code or ancestor(code, depth) in by_code


@functools.lru_cache(maxsize=16)
def _index(catalog: ProgrammeCatalog) -> tuple[int, dict[str, CatalogEntry]]:
    """The catalog's depth and its entries by code, kept for the few catalogs in use: a check
    looks up every component of every plan."""
    depth = max((code_level(e.code) for e in catalog.entries), default=1)
    return depth, {e.code: e for e in catalog.entries}


def _entry(catalog: ProgrammeCatalog, code: str) -> CatalogEntry | None:
    """The entry of ``code`` or of its ancestor at the catalog's depth, if there is one."""
    depth, by_code = _index(catalog)
    # A code the catalog lists is at its depth or above, and is its own ancestor there.
    found = by_code.get(code)
    return found if found is not None else by_code.get(ancestor(code, depth))


@functools.cache
def programme_catalogs() -> tuple[ProgrammeCatalog, ...]:
    """Every programme catalog the library knows."""
    return converter.structure(load_data("programmes.yaml"), tuple[ProgrammeCatalog, ...])


def programme_catalog(key: str) -> ProgrammeCatalog:
    """The programme catalog with id ``key``."""
    for c in programme_catalogs():
        if c.id == key:
            return c
    raise UnknownNameError(_("no programme catalog {key!r}", key=key))


def programme_in_force(year: int) -> ProgrammeCatalog | None:
    """The programme catalog whose period holds ``year``, or ``None`` (none the library knows)."""
    found = [c for c in programme_catalogs() if year in c.period]
    return found[0] if found else None


def programme_of(document: Document) -> ProgrammeCatalog | None:
    """The programme catalog ``document``'s components belong to: the one it names, or else
    the one in force in its year (``None`` where there is none)."""
    if document.programme is not None:
        return programme_catalog(document.programme)
    return programme_in_force(document.year)
