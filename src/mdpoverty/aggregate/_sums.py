"""The machinery behind :mod:`mdpoverty.aggregate`: counted funding, sums, shares, frames.

Everything here is linear in the number of units, components and targets it is given: each
input is visited once and looked up through dictionaries, never by scanning a list per item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple, cast

import pandas as pd

from mdpoverty.model._derived import derived
from mdpoverty.model._split_cells import cells_of
from mdpoverty.model.document import Document
from mdpoverty.model.funding import AXES, FUNDING_SOURCES, Cells, FundingKey
from mdpoverty.model.programme import CapitalKind, FundingSplit, ProjectComponent
from mdpoverty.tables.annex import TOTAL, AnnexRow, shown
from mdpoverty.values.numbers import decimal_places, rate

FUNDING_COLUMNS = (
    "declared",
    "central",
    "local",
    "policy_credit",
    "integrated",
    "mobilised",
    "other",
    "sources",
    "amount",
    "share",
    "statements",
)
"""The funding columns shared by the funding tables (see :mod:`mdpoverty.aggregate`)."""

UNIT_COLUMNS = (
    "label",
    "units",
    "households",
    "poor_households",
    "start_rate",
    "reduction",
    "rate_reduction",
    "end_rate",
)
"""The columns of the tables of units (see :mod:`mdpoverty.aggregate`)."""

_ZERO = Decimal(0)


# -- shares ----------------------------------------------------------------------------------


def share(part: Decimal, whole: Decimal) -> Decimal:
    """``part`` as a percentage of ``whole``, half-up to 2 decimals, by :func:`~mdpoverty.rate`.

    Both amounts are scaled to integers first, so the share is exact for any Decimal amounts;
    the share of a zero whole is zero, as :func:`~mdpoverty.values.numbers.rate` defines it.
    """
    places = max(decimal_places(part), decimal_places(whole))
    return rate(int(part.scaleb(places)), int(whole.scaleb(places)))


# -- counted funding -----------------------------------------------------------------------------


class Statement(NamedTuple):
    """One funding statement that counts: the component stating it, with its lead and capital.

    ``lead`` is the component's lead or else its nearest ancestor's; ``capital`` the split's
    kind of capital or else the nearest ancestor's stated one.
    """

    code: str
    name: str
    funding: FundingSplit
    lead: str | None
    capital: CapitalKind | None


def states_funding(component: ProjectComponent) -> bool:
    """Whether the component states an amount (a total or at least one source): whether its
    split states any cell at all (:attr:`FundingSplit.amount`, not worked out)."""
    f = component.funding
    if f is None:
        return False
    return (
        f.total is not None
        or f.central is not None
        or f.local is not None
        or f.other is not None
        or bool(f.allocations)
    )


def plan_statements(plan: Document) -> tuple[Statement, ...]:
    """The :func:`counted_statements` of ``plan``'s components, derived once per plan (every
    funding table of a plan or a roll-up reads them)."""
    return derived(plan, "counted statements", lambda: tuple(counted_statements(plan.components)))


def plan_parts(plan: Document) -> tuple[tuple[Statement, Cells, Part], ...]:
    """Each of :func:`plan_statements` with its split's cells (the plan's own, shared with
    the checks) and the part the whole split is, derived once per plan (every funding table
    of a plan or a roll-up reads them).  Add a part to a sum, never change it."""

    def parts() -> tuple[tuple[Statement, Cells, Part], ...]:
        cells = cells_of(plan)
        out = []
        for statement in plan_statements(plan):
            split = cells[id(statement.funding)]
            out.append((statement, split, part_of(split)))
        return tuple(out)

    return derived(plan, "counted parts", parts)


def plan_funding(plan: Document) -> FundingSum:
    """The sum of ``plan``'s counted statements, derived once per plan: merge it into a sum
    of one's own, never change it."""

    def total() -> FundingSum:
        out = FundingSum()
        for _, _, whole in plan_parts(plan):
            out.add(whole)
        return out

    return derived(plan, "counted funding", total)


def counted_statements(components: Iterable[ProjectComponent]) -> list[Statement]:
    """The funding statements that count, each euro once.

    A component's funding counts when it states an amount and none of its descendants does:
    the finest statements win, and a parent's funding stands in only for a subtree that states
    nothing below it.
    """
    out: list[Statement] = []

    def visit(c: ProjectComponent, lead: str | None, capital: CapitalKind | None) -> bool:
        lead = c.lead if c.lead is not None else lead
        if c.funding is not None and c.funding.capital is not None:
            capital = c.funding.capital
        below = False
        for child in c.children:
            below = visit(child, lead, capital) or below
        if below:
            return True
        if c.funding is not None and states_funding(c):
            out.append(Statement(c.code, c.name, c.funding, lead, capital))
            return True
        return False

    for component in components:
        visit(component, None, None)
    return out


_SOURCE = AXES.index("source")
_KNOWN = frozenset(FUNDING_SOURCES)
_OTHER = _KNOWN - {"other"}  # the known sources the column ``other`` leaves out


class Part(NamedTuple):
    """What one funding statement gives a row: its declared amount, its amount by source (each
    as stated or from its parts) and its amount; a blank is left out, never zero."""

    declared: Decimal | None
    sources: Mapping[str, Decimal]
    amount: Decimal | None


def part_of(cells: Cells, key: FundingKey = FundingKey()) -> Part:  # noqa: B008  (immutable)
    """The part of a split that one cell is: the whole split for the empty key."""
    # The cells' own mapping, not a copy: a roll-up keeps a part of every statement, and the
    # values of the source axis are the sources' ids.
    sources = cast(Mapping[str, Decimal], cells.parts(key, _SOURCE))
    amount = cells.value(key)
    return Part(amount if cells.is_stated(key) else None, sources, amount)


def remainder(whole: Part, parts: Iterable[Part]) -> Part | None:
    """What ``whole`` holds beyond ``parts`` (a blank counts as nothing); ``None`` when
    nothing remains.  Negative where the parts exceed the whole, which the checks report."""
    declared, amount = whole.declared or _ZERO, whole.amount or _ZERO
    sources = dict(whole.sources)
    for p in parts:
        declared -= p.declared or _ZERO
        amount -= p.amount or _ZERO
        for source, value in p.sources.items():
            sources[source] = sources.get(source, _ZERO) - value
    kept = {s: v for s, v in sources.items() if v != _ZERO}
    if declared == _ZERO and amount == _ZERO and not kept:
        return None
    return Part(declared or None, kept, amount)


class FundingSum:
    """A running sum of funding statements (mutable, internal).

    Adding a part only keeps it: the parts kept are summed a column at a time when the sum is
    read or merged (a roll-up's tables add every statement of every plan several times, and
    a column's ``sum`` costs far less than a dictionary update per source of each part).  The
    amounts are added in the order given, as one by one: the same sums to the last digit.
    """

    __slots__ = ("_amount", "_by_source", "_declared", "_kept", "_n", "_n_declared", "_n_source")

    def __init__(self) -> None:
        self._declared = _ZERO
        self._by_source: dict[str, Decimal] = dict.fromkeys(FUNDING_SOURCES, _ZERO)
        self._amount = _ZERO
        self._n = 0
        self._n_declared = 0
        self._n_source: dict[str, int] = dict.fromkeys((*FUNDING_SOURCES, "any"), 0)
        self._kept: list[Part] = []

    def add(self, part: Part) -> None:
        self._kept.append(part)

    def _sum_kept(self) -> None:
        """Add the parts kept to the sums, each column in the parts' order."""
        parts = self._kept
        if not parts:
            return
        self._kept = []
        self._n += len(parts)
        declared = [p.declared for p in parts if p.declared is not None]
        self._declared = sum(declared, self._declared)
        self._n_declared += len(declared)
        self._amount = sum([p.amount for p in parts if p.amount is not None], self._amount)
        by_source, n_source = self._by_source, self._n_source
        sources = [p.sources for p in parts if p.sources]
        n_source["any"] += len(sources)
        for source in FUNDING_SOURCES:
            stated = [v for s in sources if (v := s.get(source)) is not None]
            if stated:
                by_source[source] = sum(stated, by_source[source])
                n_source[source] += len(stated)
        for s in sources:
            if not s.keys() <= _KNOWN:  # sources the programme does not know, in order named
                for source, value in s.items():
                    if source not in _KNOWN:
                        by_source[source] = by_source.get(source, _ZERO) + value
                        n_source[source] = n_source.get(source, 0) + 1

    def merge(self, other: FundingSum) -> None:
        self._sum_kept()
        other._sum_kept()
        self._n += other._n
        self._amount += other._amount
        self._declared += other._declared
        self._n_declared += other._n_declared
        for source, value in other._by_source.items():
            self._by_source[source] = self._by_source.get(source, _ZERO) + value
        for key, count in other._n_source.items():
            self._n_source[key] = self._n_source.get(key, 0) + count

    @property
    def n(self) -> int:
        """How many statements."""
        self._sum_kept()
        return self._n

    @property
    def declared(self) -> Decimal:
        self._sum_kept()
        return self._declared

    @property
    def n_declared(self) -> int:
        """How many statements declare a total."""
        self._sum_kept()
        return self._n_declared

    @property
    def amount(self) -> Decimal:
        self._sum_kept()
        return self._amount

    @property
    def by_source(self) -> Mapping[str, Decimal]:
        """The amount of each source: every known one, then the others as first added."""
        self._sum_kept()
        return self._by_source

    @property
    def n_source(self) -> Mapping[str, int]:
        """How many statements state each source (``any``: state some source)."""
        self._sum_kept()
        return self._n_source

    @property
    def central(self) -> Decimal:
        return self.by_source["central"]

    @property
    def local(self) -> Decimal:
        return self.by_source["local"]

    @property
    def other(self) -> Decimal:
        """The ``other`` source and every source the plans name that is not a known one."""
        return sum((v for s, v in self.by_source.items() if s not in _OTHER), _ZERO)

    @property
    def sources(self) -> Decimal:
        return sum(self.by_source.values(), _ZERO)

    def cells(self, whole: Decimal) -> list[object]:
        """The :data:`FUNDING_COLUMNS` cells of this sum; ``share`` of ``whole``."""
        by = self.by_source
        return [
            self._declared,
            by["central"],
            by["local"],
            by["policy-credit"],
            by["integrated"],
            by["mobilised"],
            self.other,
            self.sources,
            self._amount,
            share(self._amount, whole),
            self._n,
        ]


_SEGMENT = re.compile(r"([A-Z]+)(\d+)")


def code_key(code: str) -> tuple[tuple[str, int], ...]:
    """A sort key that puts ``DA2`` before ``DA10`` and a parent before its children."""
    key = []
    for segment in code.split("."):
        match = _SEGMENT.fullmatch(segment)
        key.append((match.group(1), int(match.group(2))) if match else (segment, 0))
    return tuple(key)


def funding_frame(
    rows: Sequence[tuple[str | int, dict[str, object], FundingSum]],
    extra: Sequence[tuple[str, str]],
    index_name: str,
    *,
    total: bool,
    statements: int | None = None,
) -> pd.DataFrame:
    """A funding table: ``extra`` leading columns (name, dtype), then :data:`FUNDING_COLUMNS`.

    ``share`` is of the sum of the rows' amounts; the total row (with ``total``) sums the rows,
    but counts ``statements`` where given (a statement split over several rows counts once).
    """
    grand = FundingSum()
    for _, _, s in rows:
        grand.merge(s)
    labels = [label for label, _, _ in rows]
    extras = [cols for _, cols, _ in rows]
    cells = [s.cells(grand.amount) for _, _, s in rows]
    if total:
        labels.append(TOTAL)
        extras.append({})
        cells.append(grand.cells(grand.amount))
        if statements is not None:
            cells[-1][-1] = statements
    data: dict[str, pd.Series] = {}
    for name, dtype in extra:
        data[name] = pd.Series([e.get(name) for e in extras], dtype=dtype)
    for i, name in enumerate(FUNDING_COLUMNS):
        dtype = "Int64" if name == "statements" else "object"
        data[name] = pd.Series([c[i] for c in cells], dtype=dtype)
    frame = pd.DataFrame(data)
    frame.index = pd.Index(labels, name=index_name, dtype="object")
    return frame


# -- units -----------------------------------------------------------------------------------


UnitValues = tuple[object, ...]
"""The cells of an annex row a table of units shows (:func:`unit_values`)."""

_UNIT_COUNTS = frozenset({"households", "poor_households"})


def unit_values(row: AnnexRow, label: str | None = None) -> UnitValues:
    """The cells of ``row`` a table of units shows, in the order of :data:`UNIT_COLUMNS` from
    ``label`` on (the row's own label unless ``label`` is given), as a plain tuple.

    For a table of every unit of many plans: a tuple of numbers and text is one object the
    garbage collector soon stops tracking, where the row and its ranges would be three it
    goes through in every pass while the table is built."""
    return (
        row.label if label is None else label,
        row.households,
        row.poor_households,
        shown(row.start_rate),
        shown(row.reduction),
        shown(row.rate_reduction),
        shown(row.end_rate),
    )


def unit_frame(
    rows: Sequence[tuple[str, dict[str, object], int, AnnexRow | UnitValues]],
    extra: Sequence[tuple[str, str]],
    index_name: str,
) -> pd.DataFrame:
    """A table of units: ``extra`` leading columns, then :data:`UNIT_COLUMNS` (of each
    row's :class:`AnnexRow`, or of its :func:`unit_values`)."""
    data: dict[str, pd.Series] = {}
    for name, dtype in extra:
        data[name] = pd.Series([cols.get(name) for _, cols, _, _ in rows], dtype=dtype)
    values = [r if isinstance(r, tuple) else unit_values(r) for *_, r in rows]
    data["label"] = pd.Series([v[0] for v in values], dtype="object")
    data["units"] = pd.Series([n for _, _, n, _ in rows], dtype="Int64")
    for i, name in enumerate(UNIT_COLUMNS[2:], start=1):
        dtype = "Int64" if name in _UNIT_COUNTS else "object"
        data[name] = pd.Series([v[i] for v in values], dtype=dtype)
    frame = pd.DataFrame(data)
    frame.index = pd.Index([label for label, *_ in rows], name=index_name, dtype="object")
    return frame
