"""The one sum rule of funding, along any axis: the machinery behind :mod:`.funding`.

A stated cell is a whole; along each axis it leaves blank, the cells that name a value of that
axis (and agree with the whole on every other axis) are its parts, each as printed or else the
sum of its own printed parts; a whole is judged along an axis where at least one of its parts
there is printed.  The parts add up to the
whole where the breakdown is complete, and never exceed it (amounts are not negative), so a
breakdown that is partial is judged only when its parts already exceed the whole: the absence
of a figure is never a finding.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

import attrs

from mdpoverty.i18n import Message, _
from mdpoverty.model._derived import derived
from mdpoverty.model.document import Document
from mdpoverty.model.funding import (
    AXES,
    FUNDING_SOURCES,
    CapitalKind,
    Cells,
    FundingKey,
    FundingSplit,
    source_label,
)
from mdpoverty.model.programme import ProjectComponent

SOURCE, CAPITAL, YEAR, UNIT = range(len(AXES))

PARTS_NAME = {
    SOURCE: _("sources"),
    CAPITAL: _("kinds of capital"),
    YEAR: _("years"),
    UNIT: _("units"),
}


def splits(plan: Document) -> Iterator[tuple[str, FundingSplit]]:
    """Every funding split of ``plan`` with its location: the plan's total, then components'."""
    if plan.funding_total is not None:
        yield "funding_total", plan.funding_total
    for c in plan.all_components():
        if c.funding is not None:
            yield f"components/{c.code}/funding", c.funding


def at(prefix: str, place: str) -> str:
    """The location of a cell whose place in its split is ``place``."""
    return f"{prefix}/{place}" if place else prefix


@attrs.frozen
class Mismatch:
    """A whole that its parts along one axis do not add up to."""

    location: str
    key: FundingKey
    whole: Decimal
    parts: tuple[tuple[object, Decimal], ...]
    complete: bool

    @property
    def total(self) -> Decimal:
        return sum((v for _, v in self.parts), Decimal(0))

    def terms(self, axis: int) -> Message:
        """The parts as a sum, each amount with what it is: ``919 (central budget) + 30
        (local budget)``."""
        terms = [_("{amount} ({part})", amount=v, part=label(axis, k)) for k, v in self.parts]
        sum_ = terms[0]
        for term in terms[1:]:
            sum_ = _("{left} + {right}", left=sum_, right=term)
        return sum_


def label(axis: int, value: object) -> str:
    """How a message names a value of ``axis``: a known source or kind of capital by its name
    in the reader's language, a year and a unit's id as they are."""
    if axis == SOURCE:
        return source_label(str(value))
    if axis == CAPITAL and isinstance(value, CapitalKind):
        return value.label
    return str(value)


class _Context:
    """What completes a breakdown in one document: its years and its units by parent."""

    def __init__(self, plan: Document) -> None:
        self.years = frozenset(range(plan.period.start, plan.period.end + 1))
        self.order = {u.id: i for i, u in enumerate(plan.units)}
        self.parent = {u.id: u.parent for u in plan.units}
        self.siblings: dict[str | None, set[str]] = {}
        for u in plan.units:
            self.siblings.setdefault(u.parent, set()).add(u.id)

    def complete(self, axis: int, key: FundingKey, values: set[object], top: set[object]) -> bool:
        """Whether the parts named by ``values`` are the whole breakdown of ``key`` along
        ``axis``; ``top`` are the sources of the split's own total.

        The sources a document lists under a total are its breakdown ("trong đó"), as they
        always were, and an amount split further (a unit's, a year's) is complete when it
        names every source of the total.  The kinds of capital split a source (credit and
        mobilised money have no kind, so a total is more than its kinds): complete when the
        amount is a source's and both kinds are given.  The years are complete when every
        year of the document's period is given; the units when they make up the whole area
        (every unit that shares a parent with one of them is given, and so on up to the
        top-level units).
        """
        if axis == SOURCE:
            return values >= top
        if axis == CAPITAL:
            return key.source is not None and values >= set(CapitalKind)
        if axis == YEAR:
            return values >= self.years
        return self._units_complete({str(v) for v in values})

    def _units_complete(self, units: set[str]) -> bool:
        """Whether ``units`` make up the whole area: each group of siblings complete stands
        for its parent, level by level, until the top-level units are all there."""
        current = set(units)
        for _level in range(len(self.parent) + 1):
            groups: dict[str, set[str]] = {}
            for u in current:
                p = self.parent.get(u)
                if p is not None:
                    groups.setdefault(p, set()).add(u)
            if not groups:
                return self.siblings.get(None, set()) <= current
            if any(not self.siblings.get(p, set()) <= members for p, members in groups.items()):
                return False
            current = {u for u in current if self.parent.get(u) is None} | set(groups)
        return False

    def sort_key(self, axis: int, value: object) -> tuple[int, str]:
        if axis == SOURCE:
            s = str(value)
            return (FUNDING_SOURCES.index(s) if s in FUNDING_SOURCES else len(FUNDING_SOURCES), s)
        if axis == CAPITAL and isinstance(value, CapitalKind):
            return (list(CapitalKind).index(value), "")
        if axis == YEAR and isinstance(value, int):
            return (value, "")
        return (self.order.get(str(value), len(self.order)), str(value))


class _Split:
    """One split as the sum rules read it: its location, its stated cells, their
    :class:`Cells`, the axes some stated cell names and the sources of its total."""

    __slots__ = ("_top", "cells", "named", "prefix", "stated")

    def __init__(self, prefix: str, split: FundingSplit) -> None:
        self.prefix = prefix
        self.stated = split.cells()
        self.cells = Cells({k: v for k, (v, _) in self.stated.items()}, split.capital)
        # Only a cell that names an axis can be a part along it: a split none of whose cells
        # names an axis has no breakdown to judge along it.
        self.named = frozenset(i for key in self.stated for i, v in enumerate(key) if v is not None)
        self._top: set[object] | None = None

    @property
    def top(self) -> set[object]:
        """The sources of the split's own total (what completes a breakdown by source)."""
        if self._top is None:
            self._top = set(self.cells.parts(FundingKey(), SOURCE))
        return self._top


_Read = tuple[_Context, tuple[_Split, ...]]
"""A plan's context and its splits."""


def _read(plan: Document) -> _Read:
    """The plan's context and each split's location, stated cells and :class:`Cells`, made
    once per plan for the rules of every axis (a Cells only memoises what its split implies,
    so one can serve them all)."""

    def read() -> _Read:
        return _Context(plan), tuple(_Split(prefix, split) for prefix, split in splits(plan))

    return derived(plan, "funding-sums", read)


def mismatches(plan: Document, axis: int) -> Iterator[Mismatch]:
    """Every stated whole whose parts along ``axis`` do not add up to it."""
    context, read = _read(plan)
    for split in read:
        cells = split.cells
        if axis not in split.named or (axis == CAPITAL and cells.capital is not None):
            continue  # no parts along the axis (or one kind of capital, whole: none to sum)
        for key, (whole, place) in split.stated.items():
            parts = cells.parts(key, axis)
            if not parts:
                continue
            if _judged_below(cells, key, axis, parts):
                continue
            total = sum(parts.values(), Decimal(0))
            complete = context.complete(axis, key, set(parts), split.top)
            if total > whole or (complete and total != whole):
                ordered = sorted(parts.items(), key=lambda kv: context.sort_key(axis, kv[0]))
                yield Mismatch(at(split.prefix, place), key, whole, tuple(ordered), complete)


def _judged_below(cells: Cells, key: FundingKey, axis: int, parts: dict[object, Decimal]) -> bool:
    """Whether every printed cell behind a breakdown none of whose parts is printed lies
    inside a printed whole below ``key``, which is judged against it: an amount out of place
    is then reported once, at the nearest printed whole that contains it."""
    if any(cells.is_stated(key.along(axis, v)) for v in parts):
        return False
    free = [i for i in range(len(AXES)) if key[i] is None]
    for cell in cells.stated:
        if cell == key or cell[axis] is None or not _inside_key(cell, key):
            continue
        named = [i for i in free if cell[i] is not None]
        covered = False
        for i in named:  # a printed whole between the cell and ``key``: one axis fewer named
            between = cell.along(i, None)
            if between != key and between in cells.stated:
                covered = True
                break
        if not covered and not _covered_further(cells, cell, key, named):
            return False
    return True


def _covered_further(cells: Cells, cell: FundingKey, key: FundingKey, named: list[int]) -> bool:
    """A printed whole strictly between ``cell`` and ``key`` that names two or more fewer
    axes than ``cell`` (the one-axis case is tried first, being the common one)."""
    for size in range(2, len(named)):
        for dropped in itertools.combinations(named, size):
            between = cell
            for i in dropped:
                between = between.along(i, None)
            if between != key and between in cells.stated:
                return True
    return False


def _inside_key(cell: FundingKey, key: FundingKey) -> bool:
    return all(k is None or c == k for c, k in zip(cell, key, strict=True))


# -- children and parents ------------------------------------------------------------------


def _own(component: ProjectComponent, key: FundingKey, memo: dict[int, Cells]) -> Decimal | None:
    split = component.funding
    if split is None:
        return None
    cells = memo.get(id(split))
    if cells is None:
        cells = memo[id(split)] = Cells.of(split)
    return cells.value(key)


def stated(component: ProjectComponent, key: FundingKey, memo: dict[int, Cells]) -> Decimal | None:
    """The component's own amount of the cell, else its children's sum when all are known."""
    own = _own(component, key, memo)
    if own is not None or not component.children:
        return own
    return sum_all([stated(c, key, memo) for c in component.children])


def sum_all(values: list[Decimal | None]) -> Decimal | None:
    if not values or any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def unequal(
    split: FundingSplit, parts: tuple[ProjectComponent, ...]
) -> Iterator[tuple[FundingKey, str, Decimal, Decimal]]:
    """``(key, place, own, parts' sum)`` for the amount and every cell ``split`` states
    where the sum of what ``parts`` state of it is known and differs; ``place`` is the cell's
    place in the split (``""`` for the amount)."""
    memo: dict[int, Cells] = {}
    cells = Cells.of(split)
    places = {FundingKey(): ""} | {key: place for key, (_, place) in split.cells().items()}
    for key, place in places.items():
        own = cells.value(key)
        total = sum_all([stated(c, key, memo) for c in parts])
        if own is not None and total is not None and own != total:
            yield key, place, own, total
