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

import functools
import itertools
from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs

from mdpoverty.i18n import Message, _
from mdpoverty.model._derived import derived
from mdpoverty.model._split_cells import cells_of
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
_TOTAL = FundingKey()

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
    """What completes a breakdown in one document: its years and its units by parent (each
    derived on first use: most breakdowns are by source, which needs neither)."""

    def __init__(self, plan: Document) -> None:
        self._plan = plan

    @functools.cached_property
    def years(self) -> frozenset[int]:
        return frozenset(range(self._plan.period.start, self._plan.period.end + 1))

    @functools.cached_property
    def order(self) -> dict[str, int]:
        return {u.id: i for i, u in enumerate(self._plan.units)}

    @functools.cached_property
    def parent(self) -> dict[str, str | None]:
        return {u.id: u.parent for u in self._plan.units}

    @functools.cached_property
    def siblings(self) -> dict[str | None, set[str]]:
        siblings: dict[str | None, set[str]] = {}
        for u in self._plan.units:
            siblings.setdefault(u.parent, set()).add(u.id)
        return siblings

    def complete(self, axis: int, key: FundingKey, values: set[object], cells: Cells) -> bool:
        """Whether the parts named by ``values`` are the whole breakdown of ``key`` along
        ``axis`` in the split of ``cells``.

        The sources a document lists under a total are its breakdown ("trong đó"), as they
        always were, and an amount split further (a unit's, a year's) is complete when it
        names every source of the split's total.  The kinds of capital split a source (credit
        and mobilised money have no kind, so a total is more than its kinds): complete when the
        amount is a source's and both kinds are given.  The years are complete when every
        year of the document's period is given; the units when they make up the whole area
        (every unit that shares a parent with one of them is given, and so on up to the
        top-level units).
        """
        if axis == SOURCE:
            return cells.parts(_TOTAL, SOURCE).keys() <= values
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


_Read = tuple[_Context, tuple[bool, ...], tuple[tuple[str, FundingSplit, Cells], ...]]
"""A plan's context, for each axis whether some split's cells name it, and each split with
its location and :class:`Cells`."""


def _read(plan: Document) -> _Read:
    """The plan's context, the axes its cells name and each split's location and
    :class:`Cells` (the plan's own, shared with the tables), made once per plan for the
    rules of every axis."""

    def read() -> _Read:
        cells = cells_of(plan)
        rows = tuple((at, s, cells[id(s)]) for at, s in splits(plan))
        named = tuple(map(any, zip(*(c.named for _, _, c in rows), strict=True)))
        return _Context(plan), named or (False,) * len(AXES), rows

    return derived(plan, "funding-sums", read)


def mismatches(plan: Document, axis: int) -> Iterator[Mismatch]:
    """Every stated whole whose parts along ``axis`` do not add up to it."""
    context, named, read = _read(plan)
    if not named[axis]:
        return  # nothing split along the axis (a split of one kind of capital names none)
    for prefix, split, cells in read:
        if not cells.named[axis]:
            continue
        for key, whole in cells.stated.items():
            if key[axis] is not None:
                continue  # a part along the axis, not a whole
            parts = cells.parts(key, axis)
            if not parts:
                continue
            total = sum(parts.values(), Decimal(0))
            complete = context.complete(axis, key, set(parts), cells)
            if total > whole or (complete and total != whole):
                if _judged_below(cells, key, axis, parts):
                    continue
                ordered = sorted(parts.items(), key=lambda kv: context.sort_key(axis, kv[0]))
                where = at(prefix, split.cells()[key][1])
                yield Mismatch(where, key, whole, tuple(ordered), complete)


def _judged_below(
    cells: Cells, key: FundingKey, axis: int, parts: Mapping[object, Decimal]
) -> bool:
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


def stated(
    component: ProjectComponent, key: FundingKey, cells: Mapping[int, Cells]
) -> Decimal | None:
    """The component's own amount of the cell, else its children's sum when all are known;
    ``cells`` are its document's (:func:`~mdpoverty.model._split_cells.cells_of`)."""
    split = component.funding
    own = None if split is None else cells[id(split)].value(key)
    if own is not None or not component.children:
        return own
    return sum_all([stated(c, key, cells) for c in component.children])


def sum_all(values: list[Decimal | None]) -> Decimal | None:
    if not values or any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def unequal(
    plan: Document, split: FundingSplit, parts: tuple[ProjectComponent, ...]
) -> Iterator[tuple[FundingKey, str, Decimal, Decimal]]:
    """``(key, place, own, parts' sum)`` for the amount and every cell ``split`` (one of
    ``plan``'s) states where the sum of what ``parts`` (``plan``'s components) state of it is
    known and differs; ``place`` is the cell's place in the split (``""`` for the amount)."""
    cells = cells_of(plan)
    whole = cells[id(split)]
    keys = whole.stated if _TOTAL in whole.stated else (_TOTAL, *whole.stated)
    for key in keys:
        own = whole.value(key)
        if own is None:
            continue
        total = sum_all([stated(c, key, cells) for c in parts])
        if total is not None and own != total:
            yield key, "" if key == _TOTAL else split.cells()[key][1], own, total
