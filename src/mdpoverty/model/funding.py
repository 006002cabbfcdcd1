"""Money as a plan allocates it: amounts by source, kind of capital, year and unit.

A component's funding is a set of *cells*, each an amount keyed by where it belongs on four
axes (:data:`AXES`): the source (central budget, local budget, policy credit, …), the kind of
capital (investment or recurrent), the year of a multi-year plan and the unit (a commune's
allocation).  A cell leaves blank every axis it does not split: the cell with no key at all is
the component's total, the cell ``source=central`` is the central budget over every kind, year
and unit, the cell ``source=central, capital=investment, unit=xa-a`` the central investment
money of commune ``xa-a``.  Every cell is optional and a blank is never zero.

The printed forms of the plans before 2026 — a total, the central, local and other amounts and
one kind of capital — are the fields of :class:`FundingSplit` they always were; everything else
is an :class:`Allocation`.  Both are cells of the same lattice, read by :meth:`FundingSplit.cells`
and :meth:`FundingSplit.value`, and every sum rule is one rule over it.
"""

from __future__ import annotations

import enum
import itertools

# Iterable: attrs gives __init__ the annotation of the to_tuple converter, which the docs resolve
from collections.abc import Iterable, Iterator, Mapping  # noqa: F401
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

from mdpoverty.errors import Problem
from mdpoverty.i18n import Message, _
from mdpoverty.values._validation import (
    AMOUNT,
    MONEY,
    OPTIONAL_YEAR,
    checks,
    instance_of,
    is_identifier,
    optional,
    to_tuple,
    tuple_of,
    validate,
)

__all__ = [
    "AXES",
    "FUNDING_SOURCES",
    "SOURCES",
    "SOURCE_NAMES_VI",
    "Allocation",
    "CapitalKind",
    "FundingKey",
    "FundingSplit",
    "source_label",
    "source_name",
]

SOURCES = ("central", "local", "other")
"""The sources that are fields of a :class:`FundingSplit`, in printed order."""

FUNDING_SOURCES = ("central", "local", "policy-credit", "integrated", "mobilised", "other")
"""The sources every programme knows, in printed order; a plan may name others (any id)."""

SOURCE_NAMES_VI: dict[str, str] = {
    "central": "ngân sách trung ương",
    "local": "ngân sách địa phương",
    "policy-credit": "tín dụng chính sách",
    "integrated": "vốn lồng ghép",
    "mobilised": "vốn huy động",
    "other": "khác",
}
"""The names documents give the known sources (NSTW, NSĐP, the Social Policy Bank's credit,
money integrated from other programmes — *lồng ghép* —, money mobilised — *huy động*, *xã hội
hóa* — and other contributions)."""


_SOURCE_LABELS: dict[str, Message] = {
    "central": _("central budget"),
    "local": _("local budget"),
    "policy-credit": _("policy credit"),
    "integrated": _("integrated capital"),
    "mobilised": _("mobilised capital"),
    "other": _("other sources"),
}


def source_label(source: str) -> str:
    """How a message names ``source``, in the reader's language: a :class:`~mdpoverty.i18n.Message`
    for a known source (``central budget``, in Vietnamese ``ngân sách trung ương``), else the
    id the document gives it.

    >>> from mdpoverty.i18n import localize
    >>> str(source_label("central")), localize(source_label("central"), "vi")
    ('central budget', 'ngân sách trung ương')
    >>> source_label("world-bank")
    'world-bank'
    """
    return _SOURCE_LABELS.get(source, source)


def source_name(source: str) -> str:
    """How a document names ``source``: the Vietnamese name of a known source, else its id.

    >>> source_name("policy-credit"), source_name("world-bank")
    ('tín dụng chính sách', 'world-bank')
    """
    return SOURCE_NAMES_VI.get(source, source)


class CapitalKind(enum.StrEnum):
    """Kinds of public capital a component is funded from."""

    RECURRENT = "recurrent"  #: vốn sự nghiệp
    INVESTMENT = "investment"  #: vốn đầu tư phát triển

    @property
    def vi(self) -> str:
        return {"recurrent": "vốn sự nghiệp", "investment": "vốn đầu tư phát triển"}[self.value]

    @property
    def label(self) -> Message:
        """How a message names the kind, in the reader's language (``investment capital``,
        in Vietnamese ``vốn đầu tư phát triển``)."""
        return _CAPITAL_LABELS[self.value]


_CAPITAL_LABELS = {
    "recurrent": _("recurrent capital"),
    "investment": _("investment capital"),
}


# How a message names a kind of capital (the kind's value is for programs).
_CAPITALS = {
    CapitalKind.RECURRENT: _("recurrent"),
    CapitalKind.INVESTMENT: _("investment"),
}

AXES = ("source", "capital", "year", "unit")
"""The axes of a funding cell, in the order a key names them."""


class FundingKey(NamedTuple):
    """Where a cell of funding belongs: ``None`` on an axis means every value of it.

    >>> FundingKey(source="central", year=2027)
    FundingKey(source='central', capital=None, year=2027, unit=None)
    """

    source: str | None = None
    capital: CapitalKind | None = None
    year: int | None = None
    unit: str | None = None

    def along(self, axis: int, value: object) -> FundingKey:
        """This key with ``value`` on ``axis`` (an index of :data:`AXES`).

        >>> FundingKey("central").along(AXES.index("year"), 2027)
        FundingKey(source='central', capital=None, year=2027, unit=None)
        """
        cells: list[Any] = list(self)
        cells[axis] = value
        return _new_key(FundingKey, cells)  # FundingKey(*cells), without its Python __new__

    def describe(self) -> Message:
        """The key in words, as a message names it (``total`` for the empty key), in the
        reader's language: known sources and kinds of capital by their names, the year and the
        unit's id as they are.

        >>> from mdpoverty.i18n import localize
        >>> key = FundingKey("central", CapitalKind.INVESTMENT, 2027, "xa-a")
        >>> str(key.describe())
        'central budget, investment capital, 2027, xa-a'
        >>> localize(key.describe(), "vi")
        'ngân sách trung ương, vốn đầu tư phát triển, 2027, xa-a'
        """
        words = (
            source_label(self.source) if self.source is not None else None,
            self.capital.label if self.capital is not None else None,
            str(self.year) if self.year is not None else None,  # a year, not a number: 2027
            self.unit,
        )
        named = tuple(w for w in words if w is not None)
        return _("{cell}", cell=named) if named else _("total")


_new_key = tuple.__new__
_TOTAL = FundingKey()
_CAPITAL = AXES.index("capital")
# The keys of the source fields, made once: every split's cells name them (and a roll-up
# keeps the cells of every plan, so one key each rather than one per split).
_SOURCE_KEYS = {source: FundingKey(source) for source in SOURCES}


@attrs.frozen(kw_only=True)
class Allocation:
    """One cell of funding: an amount in million VND with the axes it is about.

    An axis left blank (``None``) is every value of it: ``Allocation(source="central",
    year=2027, amount=…)`` is the central budget of 2027 over every kind of capital and every
    unit.

    Attributes:
        source: ``central``, ``local``, ``policy-credit``, ``integrated``, ``mobilised``,
            ``other`` (:data:`~mdpoverty.model.funding.FUNDING_SOURCES`) or the id of another
            source the plan names.
        capital: The kind of capital.
        year: The year of a multi-year plan.
        unit: The ``id`` of the unit it is allocated to (a commune's allocation).
        amount: The amount as printed.
    """

    source: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    capital: CapitalKind | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(CapitalKind)))
    )
    year: int | None = attrs.field(default=None, metadata=OPTIONAL_YEAR)
    unit: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    amount: Decimal = attrs.field(metadata=AMOUNT)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def key(self) -> FundingKey:
        return FundingKey(self.source, self.capital, self.year, self.unit)


@attrs.frozen
class FundingSplit:
    """A funding plan as the document states it, in million VND (triệu đồng).

    Each amount is ``None`` where the document does not state it, which is not the same as
    zero.  The declared total is kept as printed; whether it equals the sum of the sources is
    for the consistency checks to say, not for the model to enforce.

    >>> split = FundingSplit(total=Decimal(517), central=Decimal(502), local=Decimal(15))
    >>> split.sources_sum
    Decimal('517')

    Money split further — by kind of capital within a source, by year, by commune, or from
    policy credit, integrated and mobilised sources — is written as :class:`Allocation` cells:

    >>> split = FundingSplit(total=Decimal(100), central=Decimal(100), allocations=[
    ...     Allocation(source="central", capital=CapitalKind.INVESTMENT, amount=Decimal(70)),
    ...     Allocation(source="central", capital=CapitalKind.RECURRENT, amount=Decimal(30))])
    >>> split.value(capital=CapitalKind.INVESTMENT), split.value(source="local")
    (Decimal('70'), None)

    Attributes:
        total: The declared total.
        central: From the central budget (ngân sách trung ương, NSTW).
        local: From the local budget (ngân sách địa phương, NSĐP).
        other: From other sources (credit, contributions, …).
        capital: The kind of capital of the whole split, where the document states one kind
            for all of it; its allocations then name no kind.
        allocations: The finer cells, each stated once (:class:`Allocation`).
    """

    UNIT = "million VND"
    """The unit of every amount (triệu đồng)."""

    total: Decimal | None = attrs.field(default=None, metadata=MONEY)
    central: Decimal | None = attrs.field(default=None, metadata=MONEY)
    local: Decimal | None = attrs.field(default=None, metadata=MONEY)
    other: Decimal | None = attrs.field(default=None, metadata=MONEY)
    capital: CapitalKind | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(CapitalKind)))
    )
    allocations: tuple[Allocation, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=checks(tuple_of(instance_of(Allocation)))
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        seen = {key for key, _ in self._field_cells()}
        for i, a in enumerate(self.allocations):
            where = f"FundingSplit allocations/{i}"
            key = a.key
            if key == _TOTAL:
                reason = _("names no source, capital, year or unit")
                yield Problem(where, "amount", a.amount, reason)
            elif key in seen:
                reason = _("states the cell ({cell}) twice", cell=key.describe())
                yield Problem(where, "amount", a.amount, reason)
            if self.capital is not None and a.capital is not None:
                yield Problem(
                    where,
                    "capital",
                    a.capital.value,
                    _(
                        "must be left blank: the whole split is {capital}",
                        capital=_CAPITALS[self.capital],
                    ),
                )
            seen.add(key)

    # -- cells ------------------------------------------------------------------------------

    def _field_cells(self) -> Iterator[tuple[FundingKey, str]]:
        if self.total is not None:
            yield _TOTAL, ""
        for source in SOURCES:
            if getattr(self, source) is not None:
                yield _SOURCE_KEYS[source], source

    def cells(self) -> dict[FundingKey, tuple[Decimal, str]]:
        """Every stated cell: its amount and its place in the split (``""`` for the total,
        ``"central"`` for a source field, ``"allocations/3"`` for an allocation)."""
        out = {key: (self._field(key), place) for key, place in self._field_cells()}
        for i, a in enumerate(self.allocations):
            out.setdefault(a.key, (a.amount, f"allocations/{i}"))
        return out

    def _amounts(self) -> dict[FundingKey, Decimal]:
        """The amount of every stated cell, as :meth:`cells` gives them."""
        out = {} if self.total is None else {_TOTAL: self.total}
        for source, key in _SOURCE_KEYS.items():
            amount = getattr(self, source)
            if amount is not None:
                out[key] = amount
        for a in self.allocations:
            out.setdefault(a.key, a.amount)
        return out

    def _field(self, key: FundingKey) -> Decimal:
        value = self.total if key.source is None else getattr(self, key.source)
        assert value is not None  # noqa: S101  (only called for stated fields)
        return value

    def value(
        self,
        source: str | None = None,
        capital: CapitalKind | None = None,
        year: int | None = None,
        unit: str | None = None,
    ) -> Decimal | None:
        """The amount of one cell: as stated, or else the sum of its stated parts.

        Where a cell is not stated, its parts along each axis it leaves blank are summed
        (each part as stated or, again, from its own parts), and the largest of those sums is
        taken: amounts are never negative, so the fullest breakdown gives the most of the
        money the document accounts for.  ``None`` where no stated cell lies inside it.
        """
        return Cells.of(self).value(FundingKey(source, capital, year, unit))

    @property
    def sources(self) -> dict[str, Decimal | None]:
        """The amount of each source field, ``None`` where not stated."""
        return {source: getattr(self, source) for source in SOURCES}

    @property
    def sources_sum(self) -> Decimal | None:
        """The sum of the stated source fields, or ``None`` when no source is stated."""
        stated = [v for v in self.sources.values() if v is not None]
        return sum(stated, Decimal(0)) if stated else None

    @property
    def amount(self) -> Decimal | None:
        """The declared total, or else the sum of the sources (of the finest cells where the
        split states only those)."""
        if self.total is not None:
            return self.total
        if not self.allocations:
            return self.sources_sum
        return self.value()


_SCANNED = 8
"""The most cells a :class:`Cells` scans for the cells inside a key rather than index."""

_NO_PARTS: Mapping[object, Decimal] = MappingProxyType({})
_NAMES_NONE = (False,) * len(AXES)
_SOURCES_NAMED = (True,) + (False,) * (len(AXES) - 1)


class Cells:
    """The stated cells of one split and the amounts they imply (internal, memoised).

    Built once per split by whoever reads many of its cells: the funding rules and the funding
    tables share the one of each split of a document (``model._split_cells.cells_of``).

    Attributes:
        stated: The amount of every stated cell, in the order of :meth:`FundingSplit.cells`.
        capital: The kind of capital of the whole split, if it states one.
        named: For each axis (an index of :data:`AXES`), whether some stated cell names it.
    """

    __slots__ = ("_index", "_memo", "_parts", "capital", "named", "stated")

    def __init__(
        self,
        stated: Mapping[FundingKey, Decimal],
        capital: CapitalKind | None,
        named: tuple[bool, ...] | None = None,
    ) -> None:
        self.stated = dict(stated)
        self.capital = capital
        # Only a cell that names an axis can be a part along it: most splits name sources
        # only, and have no parts to look for along the other axes.
        if named is None:
            columns = zip(*self.stated, strict=True)
            named = tuple(c.count(None) < len(c) for c in columns) or _NAMES_NONE
        self.named = named
        self._memo: dict[FundingKey, Decimal | None] = {}
        self._parts: dict[tuple[FundingKey, int], Mapping[object, Decimal]] = {}
        self._index: dict[FundingKey, list[FundingKey]] | None = None

    @classmethod
    def of(cls, split: FundingSplit) -> Cells:
        stated = split._amounts()
        if split.allocations:
            return cls(stated, split.capital)
        # The fields alone name the source axis only (when a source is stated).
        sources = len(stated) > (split.total is not None)
        return cls(stated, split.capital, _SOURCES_NAMED if sources else _NAMES_NONE)

    def _normal(self, key: FundingKey) -> FundingKey | None:
        """A split of one kind of capital is that kind, whole: its cells name no kind."""
        if self.capital is None or key.capital is None:
            return key
        return key._replace(capital=None) if key.capital == self.capital else None

    def is_stated(self, key: FundingKey) -> bool:
        """Whether the document prints the cell (rather than only parts of it)."""
        normal = self._normal(key)
        return normal is not None and normal in self.stated

    def parts(self, key: FundingKey, axis: int) -> Mapping[object, Decimal]:
        """The amounts of ``key``'s parts along ``axis`` (an index of :data:`AXES`) that the
        stated cells give, by the axis's value; empty when ``key`` names that axis.

        Kept once found: the rules and the tables ask for the same ones (the sources of the
        total, say)."""
        if key[axis] is not None:
            return _NO_PARTS
        if axis == _CAPITAL and self.capital is not None:
            whole = self.value(key)
            return _NO_PARTS if whole is None else {self.capital: whole}
        if not self.named[axis]:
            return _NO_PARTS  # (before the memo: most calls end here, and keep nothing)
        found = self._parts.get((key, axis))
        if found is None:
            found = self._parts[key, axis] = self._find_parts(key, axis)
        return found

    def _find_parts(self, key: FundingKey, axis: int) -> Mapping[object, Decimal]:
        """:meth:`parts` along an axis ``key`` leaves blank and some stated cell names."""
        normal = self._normal(key)
        if normal is None:
            return _NO_PARTS
        found: dict[object, Decimal] = {}
        blank = normal.count(None) - 1  # the axes a part leaves blank
        for cell in self._within(normal):
            v = cell[axis]
            if v is None or v in found:
                continue
            if cell.count(None) == blank:  # the part itself (``key`` along ``axis``), stated
                found[v] = self.stated[cell]
                continue
            amount = self.value(key.along(axis, v))
            if amount is not None:
                found[v] = amount
        return found

    def _within(self, key: FundingKey) -> list[FundingKey]:
        """The stated cells inside ``key``, indexed once: each cell under every key it is
        inside, so that a split's sums cost the cells times the 16 keys above each.  A split
        of a few cells (a total and its sources) is scanned instead: cheaper than its index,
        and nothing kept (a roll-up keeps the cells of every statement of every plan)."""
        if len(self.stated) <= _SCANNED:
            fixed = [(i, v) for i, v in enumerate(key) if v is not None]
            if not fixed:
                return list(self.stated)
            if len(fixed) == 1:
                ((i, v),) = fixed
                return [c for c in self.stated if c[i] == v]
            return [c for c in self.stated if all(c[i] == v for i, v in fixed)]
        if self._index is None:
            self._index = {}
            for cell in self.stated:
                named = [i for i, v in enumerate(cell) if v is not None]
                for size in range(len(named) + 1):
                    for blank in itertools.combinations(named, size):
                        self._index.setdefault(_blanked(cell, blank), []).append(cell)
        return self._index.get(key, [])

    def value(self, key: FundingKey) -> Decimal | None:
        normal = self._normal(key)
        if normal is None:
            return None
        result = self.stated.get(normal)
        if result is not None:  # as printed: nothing to remember
            return result
        if normal in self._memo:
            return self._memo[normal]
        # (the parts of a whole found on the way are not kept: its value is)
        sums = [
            sum(parts.values(), Decimal(0))
            for axis, named in enumerate(self.named)
            if named and normal[axis] is None and (axis != _CAPITAL or self.capital is None)
            if (parts := self._find_parts(normal, axis))
        ]
        result = max(sums) if sums else None
        self._memo[normal] = result
        return result


def _blanked(cell: FundingKey, axes: tuple[int, ...]) -> FundingKey:
    """``cell`` with every axis of ``axes`` left blank (the cell itself for none, the one
    total key for all it names), made without a key per axis on the way."""
    if not axes:
        return cell
    values = list(cell)
    for i in axes:
        values[i] = None
    if values == [None, None, None, None]:
        return _TOTAL
    return _new_key(FundingKey, values)
