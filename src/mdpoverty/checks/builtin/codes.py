"""Official codes: a unit's code is in the list in force at the document's date, and is its own.

Two lists are known (:mod:`mdpoverty.reference.admin_units`): the units from 1 July 2025, whose
codes and names agree with the Statistics Office's list (Công văn 1027/CTK-CSCL) and the 34
provinces (Công văn 915/CTK-CSCL); and the units of 30 June 2025, the old side of the
reorganisation's crosswalk.  A document dated before 1 July 2025 is judged against the old list,
one dated from that day against the new one; a document whose date could fall on either side
(``2025``, ``2025-07`` is after) is not judged.

The new list is the list in force, checked against the official one: a code outside it, or the
code of another unit, is an error.  The old list is a snapshot of its last day: units were
merged and renamed through 2019–2025, so a code of an earlier document that it does not hold,
or holds under another name, may have been right at the document's date — a warning, never an
error.  Districts and towns are in neither list and are not judged.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Literal

import attrs

from mdpoverty.checks.records import FindingValue
from mdpoverty.checks.report import Finding, Rule, Severity, rule
from mdpoverty.errors import MdpovertyError
from mdpoverty.i18n import Message, _
from mdpoverty.model.document import Document
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.values.names import core_key

Era = Literal["old", "new"]

_COMMUNE_LEVEL = frozenset(
    {UnitKind.WARD, UnitKind.COMMUNE, UnitKind.TOWNSHIP, UnitKind.SPECIAL_ZONE}
)
_PROVINCE_LEVEL = frozenset({UnitKind.PROVINCE, UnitKind.MUNICIPALITY})
_LIST = {
    "old": _("the list of units of 30 June 2025"),
    "new": _("the list of units from 1 July 2025 (Official letter 1027/CTK-CSCL)"),
}
# How a finding names a kind of unit.
_KINDS: dict[UnitKind, Message] = {
    UnitKind.COUNTRY: _("country"),
    UnitKind.PROVINCE: _("province"),
    UnitKind.MUNICIPALITY: _("centrally governed city"),
    UnitKind.CITY: _("provincial city"),
    UnitKind.TOWN: _("district-level town"),
    UnitKind.URBAN_DISTRICT: _("urban district"),
    UnitKind.DISTRICT: _("district"),
    UnitKind.WARD: _("ward"),
    UnitKind.COMMUNE: _("commune"),
    UnitKind.TOWNSHIP: _("township"),
    UnitKind.SPECIAL_ZONE: _("special zone"),
}


def _era(document: Document) -> Era | None:
    from mdpoverty.reference.admin_units import basis_of  # noqa: PLC0415  (the lists load here)

    return basis_of(document)


@attrs.frozen
class _Listed:
    """A unit or province of a list, as a code check needs it."""

    code: str
    name: str
    kind: UnitKind | None
    province_code: str | None
    province: str | None


def _listed(code: str, kind: UnitKind, era: Era) -> _Listed | None:
    from mdpoverty.reference import admin_units as au  # noqa: PLC0415  (the crosswalk loads here)

    try:  # by code, from the lists' indexes
        if kind in _PROVINCE_LEVEL:
            found = (au.new_province if era == "new" else au.old_province)(code)
            return _Listed(found.code, found.name, None, None, None)
        unit = (au.new_unit if era == "new" else au.old_unit)(code)
    except MdpovertyError:  # not in the list
        return None
    return _Listed(unit.code, unit.name, au.unit_kind(unit.name), unit.province_code, unit.province)


def _province_code(document: Document, era: Era) -> str | None:
    """The code of the document's province in ``era``, where the document names one we know."""
    area = document.area
    name = area.province if area.province is not None else None
    if name is None and area.kind in _PROVINCE_LEVEL:
        name = area.name
    return None if name is None else _province_code_named(name, era)


@functools.lru_cache(maxsize=256)
def _province_code_named(name: str, era: Era) -> str | None:
    """The code of the province named ``name`` in ``era``.  Kept: the lists are fixed, and a
    set of district plans names the same few provinces, while a name the list does not hold
    costs a close-match search of every province (the hint of the error swallowed here)."""
    from mdpoverty.reference import admin_units as au  # noqa: PLC0415

    try:
        return (au.new_province if era == "new" else au.old_province)(name).code
    except MdpovertyError:  # a province we cannot name: no judgement on where units lie
        return None


def _problem(
    unit: AdministrativeUnit, listed: _Listed | None, era: Era, province: str | None
) -> tuple[str, FindingValue] | None:
    """What is wrong with ``unit``'s code (the message and the expected value), if anything."""
    code = unit.code
    if listed is None:
        return (
            _(
                "the code {code} of {name!r} is not in {list}",
                code=code,
                name=unit.name,
                list=_LIST[era],
            ),
            _("a code of {list}", list=_LIST[era]),
        )
    if core_key(listed.name) != core_key(unit.name):
        return (
            _(
                "{code} is the code of {listed}, not of {name!r}",
                code=code,
                listed=listed.name,
                name=unit.name,
            ),
            listed.name,
        )
    if listed.kind is not None and listed.kind is not unit.kind:
        return (
            _(
                "{code} is the code of {listed}, a {kind}, not of a {own}",
                code=code,
                listed=listed.name,
                kind=_KINDS[listed.kind],
                own=_KINDS[unit.kind],
            ),
            listed.kind.value,
        )
    if province is not None and listed.province_code not in (None, province):
        return (
            _(
                "{code} ({listed}) lies in {province}, not in the document's province",
                code=code,
                listed=listed.name,
                province=listed.province,
            ),
            province,
        )
    return None


def _findings(document: Document, era: Era, check: Rule) -> Iterator[Finding]:
    province = _province_code(document, era)
    for unit in document.units:
        if unit.code is None or unit.kind not in _COMMUNE_LEVEL | _PROVINCE_LEVEL:
            continue  # districts and towns are in neither list
        problem = _problem(unit, _listed(unit.code, unit.kind, era), era, province)
        if problem is not None:
            message, expected = problem
            yield check.finding(
                f"units/{unit.id}/code", message, expected=expected, actual=unit.code
            )


@rule(
    "units.code",
    Severity.ERROR,
    title=_("A unit's official code is its own in the list of units from 1 July 2025"),
    rationale=_(
        "From 1 July 2025 the official codes of communes, wards and special zones are those of "
        "the Statistics Office's list (Công văn 1027/CTK-CSCL), and of provinces those of Công "
        "văn 915/CTK-CSCL.  A code outside the list, the code of another unit (names compared "
        "as people write them), of a unit of another kind, or of a unit of another province "
        "than the document's, joins the document's figures to the wrong unit."
    ),
    tolerance=_(
        "Documents dated from 1 July 2025 only (units.code-old judges the earlier ones); one "
        "finding a unit.  Units without a code, districts and towns are not judged, nor the "
        "province of a unit when the document names no province the library knows."
    ),
)
def new_codes(document: Document) -> Iterator[Finding]:
    if _era(document) == "new":
        yield from _findings(document, "new", new_codes)


@rule(
    "units.code-old",
    Severity.WARNING,
    title=_("A unit's official code is its own in the list of units of 30 June 2025"),
    rationale=_(
        "Before 1 July 2025 the codes are those of the units the reorganisation started from. "
        "The library holds that list on its last day only, not the lists of earlier years: a "
        "code it does not hold, or holds for another name, is most likely a slip, but may be "
        "the code of a unit merged or renamed between the document's date and 30 June 2025."
    ),
    tolerance=_(
        "Documents dated before 1 July 2025 only; a warning, never an error, because the list "
        "may be later than the document.  Otherwise as units.code."
    ),
)
def old_codes(document: Document) -> Iterator[Finding]:
    if _era(document) == "old":
        yield from _findings(document, "old", old_codes)
