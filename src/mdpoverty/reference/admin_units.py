"""The administrative units of 1 July 2025 and the crosswalk from the units before them.

From 1 July 2025 local government has two tiers: 34 provinces, and 3,321 communes, wards and
special zones (đặc khu); districts no longer exist.  The crosswalk links every new unit to the old
communes, wards and townships it took in, saying whether each old unit went into it whole
(:attr:`Merge.FULL`) or only in part (:attr:`Merge.PARTIAL`: the old unit was split between
several new units).  It ships with the package (``mdpoverty/reference/data/admin-2025/``, with
its source and licence) and is read on first use, never at ``import mdpoverty``.

Units are looked up by official code or by name, old or new.  Names match as people write them
(:func:`mdpoverty.values.names.name_key`: any case, spacing, Unicode form or tone-mark
placement), with or without the kind prefix, and optionally within a province given by code or name.

>>> unit = new_unit("Xã Lý Bôn", province="Cao Bằng")
>>> unit.code, unit.province
('01294', 'Tỉnh Cao Bằng')
>>> [(link.old.name, link.merge.value) for link in links_into(unit)]
[('Xã Lý Bôn', 'full'), ('Xã Vĩnh Quang', 'full')]
>>> old_unit("P. Thuỵ Khuê", province="Hà Nội").code
'00112'
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import enum
import functools
import gzip
import io
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

import attrs

from mdpoverty.errors import AmbiguousNameError, UnknownNameError
from mdpoverty.i18n import Message, _
from mdpoverty.model.units import unit_kind
from mdpoverty.values.dates import PartialDate
from mdpoverty.values.names import core_key, name_key, split_kind

if TYPE_CHECKING:  # pandas loads with crosswalk() only: the codes rule reads the lists
    import pandas as pd

    from mdpoverty.model.document import Document
else:  # the name resolves annotations at run time, and loads pandas only then
    from mdpoverty.values._lazy import pd

__all__ = [
    "CROSSWALK_COLUMNS",
    "REORGANISATION_DATE",
    "Basis",
    "Link",
    "Merge",
    "NewUnit",
    "OldUnit",
    "Province",
    "Verification",
    "basis_of",
    "crosswalk",
    "crosswalk_rows",
    "links",
    "links_from",
    "links_into",
    "new_province",
    "new_provinces",
    "new_unit",
    "new_units",
    "old_province",
    "old_provinces",
    "old_unit",
    "old_units",
    "unit_kind",
]

CROSSWALK_COLUMNS = (
    "new_province_code",
    "new_province",
    "new_code",
    "new_name",
    "old_province_code",
    "old_province",
    "old_code",
    "old_name",
    "merge",
    "verification",
    "source",
)
"""The columns of the crosswalk, in its order."""


class Merge(enum.StrEnum):
    """How much of an old unit went into a new one."""

    FULL = "full"  #: the whole old unit
    PARTIAL = "partial"  #: part of it; the rest went to other new units


class Verification(enum.StrEnum):
    """How far a link of the crosswalk was checked against the resolutions 1654–1687/NQ-UBTVQH15.

    The source list was built from the resolutions by its authors; the links that the package
    checked one by one against a resolution's clause say so, with the clause as their ``source``.
    """

    UNCHECKED = ""  #: as the source list gives it
    VERIFIED = "verified"  #: read in the clause named by the link's ``source``
    DOUBTFUL = "doubtful"  #: could not be confirmed; ``source`` says why


@attrs.frozen
class Province:
    """A province (tỉnh) or centrally governed city (thành phố), old or new.

    Attributes:
        code: The official two-digit code.
        name: The official name with its kind, e.g. ``Tỉnh Cao Bằng``.
    """

    code: str
    name: str

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


@attrs.frozen
class NewUnit:
    """A commune, ward or special zone from 1 July 2025.

    Attributes:
        code: The official five-digit code (Công văn 1027/CTK-CSCL).
        name: The official name with its kind, e.g. ``Phường Ba Đình``.
        province_code: The code of its province.
        province: The name of its province.
    """

    code: str
    name: str
    province_code: str
    province: str

    def __str__(self) -> str:
        return f"{self.name} ({self.code}, {self.province})"


@attrs.frozen
class OldUnit:
    """A commune, ward or township before 1 July 2025 (or one of five island districts).

    Attributes:
        code: The official code: five digits, three for an island district.
        name: The official name with its kind, e.g. ``Xã Vĩnh Quang``.
        province_code: The code of its province before the reorganisation.
        province: The name of that province.
    """

    code: str
    name: str
    province_code: str
    province: str

    def __str__(self) -> str:
        return f"{self.name} ({self.code}, {self.province})"


@attrs.frozen
class Link:
    """One link of the crosswalk: (part of) an old unit went into a new unit.

    Attributes:
        new: The new unit.
        old: The old unit.
        merge: Whether the whole old unit went into the new one, or a part of it.
        verification: Whether the link was checked against its resolution.
        source: The clause that states it (``1659/NQ-UBTVQH15 Điều 1 khoản 59``), or why it is
            doubtful; empty for a link as the source list gives it.
    """

    new: NewUnit
    old: OldUnit
    merge: Merge
    verification: Verification = Verification.UNCHECKED
    source: str = ""

    @property
    def doubtful(self) -> bool:
        """Whether the link could not be confirmed (a figure must not pass through it silently)."""
        return self.verification is Verification.DOUBTFUL


Unit = TypeVar("Unit", NewUnit, OldUnit)


class _Era(Generic[Unit]):
    """The units and provinces of one side of the crosswalk, with their indexes."""

    def __init__(self, label: str, units: Iterable[Unit], provinces: Iterable[Province]) -> None:
        self.label = label
        self.units: tuple[Unit, ...] = tuple(sorted(units, key=lambda u: u.code))
        self.provinces = tuple(sorted(provinces, key=lambda p: p.code))
        self.by_code: dict[str, Unit] = {u.code: u for u in self.units}
        self.province_by_code = {p.code: p for p in self.provinces}
        self.province_by_name: dict[str, Province] = {}  # the first by code of each name
        for p in self.provinces:
            self.province_by_name.setdefault(core_key(p.name), p)
        # The keys of suggestions for an unknown name, per province (at most twice the
        # provinces, and the country).
        self._near: dict[tuple[str | None, bool], dict[str, Unit]] = {}
        self.by_rest: dict[str, list[Unit]] = {}
        for unit in self.units:
            self.by_rest.setdefault(core_key(unit.name), []).append(unit)

    def province(self, key: str) -> Province:
        if key in self.province_by_code:
            return self.province_by_code[key]
        wanted = core_key(key)
        if wanted in self.province_by_name:
            return self.province_by_name[wanted]
        names = {core_key(p.name): p for p in self.provinces}
        near = tuple(str(names[n]) for n in difflib.get_close_matches(wanted, names, n=3))
        if self.label == "new":
            message = _("no new province has code or name {key!r}", key=key)
        else:
            message = _("no old province has code or name {key!r}", key=key)
        raise UnknownNameError(_suggest(message, near))

    def in_province(self, province: str | None) -> tuple[Unit, ...]:
        if province is None:
            return self.units
        code = self.province(province).code
        return tuple(u for u in self.units if u.province_code == code)

    def unit(self, key: str, province: str | None) -> Unit:
        within = None if province is None else self.province(province)
        code = None if within is None else within.code
        if key.isdigit():
            found = self.by_code.get(key)
            if found is None or code not in (None, found.province_code):
                raise UnknownNameError(self._unknown(key, within, by_code=True))
            return found
        kind, rest = split_kind(key)
        candidates = [
            u
            for u in self.by_rest.get(name_key(rest), ())
            if code in (None, u.province_code) and (not kind or split_kind(u.name)[0] == kind)
        ]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            listed = [str(u) for u in candidates]
            raise AmbiguousNameError(self._ambiguous(key, within, listed), listed)
        keys = self._suggestions(code, by_name=bool(kind))
        wanted = name_key(f"{kind} {rest}" if kind else rest)
        near = tuple(str(keys[n]) for n in difflib.get_close_matches(wanted, keys, n=3))
        raise UnknownNameError(_suggest(self._unknown(key, within, by_code=False), near))

    def _suggestions(self, province_code: str | None, *, by_name: bool) -> dict[str, Unit]:
        """The units an unknown name is compared with, by the key it is compared on (the whole
        name's, or its core's), kept per province: worked out for every unit of the country, a
        suggestion cost half a second, and a document of unknown names asks for many."""
        found = self._near.get((province_code, by_name))
        if found is None:
            pool = [u for u in self.units if province_code in (None, u.province_code)]
            found = {name_key(u.name) if by_name else core_key(u.name): u for u in pool}
            self._near[(province_code, by_name)] = found
        return found

    def _unknown(self, key: str, within: Province | None, *, by_code: bool) -> Message:
        """That no unit of this era (in ``within``) has the code or name ``key``."""
        at = "" if within is None else within.name
        said = {  # (new era, within a province, by code): the sentence
            (True, False, True): _("no new unit has the code {key!r}", key=key),
            (False, False, True): _("no old unit has the code {key!r}", key=key),
            (True, False, False): _("no new unit is named {key!r}", key=key),
            (False, False, False): _("no old unit is named {key!r}", key=key),
            (True, True, True): _(
                "no new unit in {province} has the code {key!r}", province=at, key=key
            ),
            (False, True, True): _(
                "no old unit in {province} has the code {key!r}", province=at, key=key
            ),
            (True, True, False): _(
                "no new unit in {province} is named {key!r}", province=at, key=key
            ),
            (False, True, False): _(
                "no old unit in {province} is named {key!r}", province=at, key=key
            ),
        }
        return said[self.label == "new", within is not None, by_code]

    def _ambiguous(self, key: str, within: Province | None, listed: list[str]) -> Message:
        """That ``key`` names each of ``listed``, units of this era (in ``within``)."""
        units = "; ".join(listed)  # a name holds commas: "Xã X (01234, Tỉnh Y)"
        n = len(listed)
        if within is None:
            if self.label == "new":
                return _(
                    "{key!r} names {n} new units: {units}; give the code, the kind or the province",
                    key=key,
                    n=n,
                    units=units,
                )
            return _(
                "{key!r} names {n} old units: {units}; give the code, the kind or the province",
                key=key,
                n=n,
                units=units,
            )
        if self.label == "new":
            return _(
                "{key!r} names {n} new units in {province}: {units}; give the code or the kind",
                key=key,
                n=n,
                province=within.name,
                units=units,
            )
        return _(
            "{key!r} names {n} old units in {province}: {units}; give the code or the kind",
            key=key,
            n=n,
            province=within.name,
            units=units,
        )


def _suggest(message: Message, near: tuple[str, ...]) -> Message:
    """``message``, with the nearest names asked about, where there are some."""
    if not near:
        return message
    return _("{message}; did you mean {names}?", message=message, names="; ".join(near))


class _Crosswalk:
    """The crosswalk, read once: both eras and the links between them."""

    def __init__(self, rows: Sequence[dict[str, str]]) -> None:
        def province(row: dict[str, str], era: str) -> Province:
            return Province(row[f"{era}_province_code"], row[f"{era}_province"])

        new = {
            r["new_code"]: NewUnit(
                r["new_code"], r["new_name"], r["new_province_code"], r["new_province"]
            )
            for r in rows
        }
        old = {
            r["old_code"]: OldUnit(
                r["old_code"], r["old_name"], r["old_province_code"], r["old_province"]
            )
            for r in rows
        }
        self.new: _Era[NewUnit] = _Era("new", new.values(), {province(r, "new") for r in rows})
        self.old: _Era[OldUnit] = _Era("old", old.values(), {province(r, "old") for r in rows})
        self.links = tuple(
            Link(
                new[r["new_code"]],
                old[r["old_code"]],
                Merge(r["merge"]),
                Verification(r.get("verification", "")),
                r.get("source", ""),
            )
            for r in rows
        )
        self.into: dict[str, list[Link]] = {}
        self.out_of: dict[str, list[Link]] = {}
        for link in self.links:
            self.into.setdefault(link.new.code, []).append(link)
            self.out_of.setdefault(link.old.code, []).append(link)


@functools.cache
def crosswalk_rows() -> tuple[dict[str, str], ...]:
    """The rows of the shipped crosswalk as read, each a mapping of its columns to text."""
    data = resources.files("mdpoverty.reference").joinpath("data", "admin-2025", "crosswalk.csv.gz")
    text = gzip.decompress(data.read_bytes()).decode("utf-8")
    return tuple(csv.DictReader(io.StringIO(text, newline="")))


@functools.cache
def _crosswalk() -> _Crosswalk:
    return _Crosswalk(crosswalk_rows())


Basis = Literal["old", "new"]
"""Whether a document's units are those before 1 July 2025 (``"old"``) or from that day."""

REORGANISATION_DATE = dt.date(2025, 7, 1)
"""The day the two-tier local government and its units took effect."""


def basis_of(document: Document) -> Basis | None:
    """Whether ``document``'s units are those before 1 July 2025 (``"old"``) or from that day
    (``"new"``), from its date; ``None`` where the date could fall on either side (``2025``)
    or is not printed.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> basis_of(bac_kan_2024())
    'old'
    """
    date = document.header.date
    return None if date is None else _basis(date)


@functools.lru_cache(maxsize=256)
def _basis(date: PartialDate) -> Basis | None:
    """:func:`basis_of` a document of ``date``.  Kept: the two code rules ask it of every
    document, and the documents of a year bear few dates."""
    if date.last_day() < REORGANISATION_DATE:
        return "old"
    if date.first_day() >= REORGANISATION_DATE:
        return "new"
    return None


def crosswalk() -> pd.DataFrame:
    """The crosswalk as a table: one row per link, every column text (codes keep their zeros).

    >>> crosswalk().shape
    (10598, 11)
    """
    import pandas as pd  # noqa: PLC0415  (the lists above need no pandas)

    return pd.DataFrame(list(crosswalk_rows()), columns=list(CROSSWALK_COLUMNS), dtype="string")


def links() -> tuple[Link, ...]:
    """Every link of the crosswalk, in its order (by new province, new code, old code)."""
    return _crosswalk().links


def new_provinces() -> tuple[Province, ...]:
    """The 34 provinces from 1 July 2025, by code."""
    return _crosswalk().new.provinces


def old_provinces() -> tuple[Province, ...]:
    """The 63 provinces before 1 July 2025, by code."""
    return _crosswalk().old.provinces


def new_province(key: str) -> Province:
    """The new province with code or name ``key`` (``"04"``, ``"Cao Bằng"``, ``"Tỉnh …"``)."""
    return _crosswalk().new.province(key)


def old_province(key: str) -> Province:
    """The old province with code or name ``key`` (``"04"``, ``"Cao Bằng"``, ``"Tỉnh …"``)."""
    return _crosswalk().old.province(key)


def new_units(province: str | None = None) -> tuple[NewUnit, ...]:
    """The new units, by code; only those of ``province`` (a code or name) if given."""
    return _crosswalk().new.in_province(province)


def old_units(province: str | None = None) -> tuple[OldUnit, ...]:
    """The old units, by code; only those of the old ``province`` (a code or name) if given."""
    return _crosswalk().old.in_province(province)


def new_unit(key: str, *, province: str | None = None) -> NewUnit:
    """The new unit with official code or name ``key``, within ``province`` if given.

    Raises:
        UnknownNameError: No unit has that code or name; the message suggests the nearest names.
        AmbiguousNameError: Several have that name; the message lists them with their codes.

    >>> new_unit("Đặc khu Côn Đảo").province
    'Thành phố Hồ Chí Minh'
    """
    return _crosswalk().new.unit(key, province)


def old_unit(key: str, *, province: str | None = None) -> OldUnit:
    """The old unit with official code or name ``key``, within the old ``province`` if given.

    Raises:
        UnknownNameError: No unit has that code or name; the message suggests the nearest names.
        AmbiguousNameError: Several have that name; the message lists them with their codes.

    >>> old_unit("Xã Tân Lập")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    mdpoverty.errors.AmbiguousNameError: 'Xã Tân Lập' names 22 old units: Xã Tân Lập ...
    """
    return _crosswalk().old.unit(key, province)


def _code(unit: NewUnit | OldUnit | str) -> str:
    return unit if isinstance(unit, str) else unit.code


def links_into(new: NewUnit | str) -> tuple[Link, ...]:
    """The links into a new unit (or its code): the old units it took in, whole or in part."""
    return tuple(_crosswalk().into.get(_code(new), ()))


def links_from(old: OldUnit | str) -> tuple[Link, ...]:
    """The links from an old unit (or its code): the new units it went into."""
    return tuple(_crosswalk().out_of.get(_code(old), ()))
