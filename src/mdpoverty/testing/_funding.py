"""Strategies for funding as it is allocated (private part of :mod:`mdpoverty.testing`).

A drawn split is a *lattice*: a few values on each axis (sources, kinds of capital, years,
units), an amount for every combination of them (a leaf), and any number of the wholes above
the leaves, each printed as the sum of the leaves inside it — worked out here by plain
addition, never by :mod:`mdpoverty.model.funding`.  So the split is consistent along every axis.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from mdpoverty.model.funding import (
    FUNDING_SOURCES,
    SOURCES,
    Allocation,
    CapitalKind,
    FundingKey,
    FundingSplit,
)

__all__ = ["allocated_splits", "split_of"]

_AMOUNTS = st.integers(0, 10_000_000).map(lambda n: Decimal(n).scaleb(-3).normalize())
_SOURCES = st.lists(
    st.sampled_from([*FUNDING_SOURCES, "world-bank"]), min_size=1, max_size=3, unique=True
)
_KINDS = st.sampled_from([(None,), (CapitalKind.INVESTMENT,), tuple(CapitalKind)])


def _subset(items: Sequence[object], max_size: int) -> st.SearchStrategy[list[object]]:
    if not items:
        return st.just([])
    return st.lists(st.sampled_from(list(items)), max_size=max_size, unique=True).map(
        lambda chosen: sorted(chosen, key=list(items).index)
    )


def split_of(cells: dict[FundingKey, Decimal]) -> FundingSplit:
    """The split that prints ``cells``: the total and a source alone in their fields, every
    other cell an allocation, in the order given."""
    fields: dict[str, Decimal] = {}
    allocations = []
    for key, amount in cells.items():
        if key == FundingKey():
            fields["total"] = amount
        elif key.source in SOURCES and key == FundingKey(key.source):
            fields[str(key.source)] = amount
        else:
            allocations.append(
                Allocation(
                    source=key.source,
                    capital=key.capital,
                    year=key.year,
                    unit=key.unit,
                    amount=amount,
                )
            )
    return FundingSplit(**fields, allocations=allocations)  # type: ignore[arg-type]


@functools.cache
def _generalisations(n_axes: int) -> list[tuple[bool, ...]]:
    """Which axes a whole keeps, for every whole above a leaf (the leaf itself last)."""
    return sorted(itertools.product((False, True), repeat=n_axes), key=sum)


@st.composite
def allocated_splits(
    draw: st.DrawFn,
    units: Sequence[str] = (),
    years: Sequence[int] = (),
    *,
    full: bool = False,
) -> FundingSplit:
    """A split by source, kind of capital, year (of ``years``) and unit (of ``units``),
    consistent along every axis.

    Every leaf is printed; so is every whole with ``full``, else any of them (the total
    always).  Some axes may not be split at all (no year, no unit, no kind).
    """
    values: list[list[Any]] = [
        draw(_SOURCES),
        list(draw(_KINDS)),
        draw(_subset(years, 3)) or [None],
        draw(_subset(units, 3)) or [None],
    ]
    leaves = {FundingKey(*combo): draw(_AMOUNTS) for combo in itertools.product(*values)}
    split_axes = [i for i, v in enumerate(values) if v != [None]]
    wholes: dict[FundingKey, Decimal] = {}
    for leaf, amount in leaves.items():
        for keep in _generalisations(len(split_axes)):
            cells: list[Any] = list(leaf)
            for axis, kept in zip(split_axes, keep, strict=True):
                if not kept:
                    cells[axis] = None
            key = FundingKey(*cells)
            wholes[key] = wholes.get(key, Decimal(0)) + amount
    printed = {
        key: amount
        for key, amount in wholes.items()
        if full or key == FundingKey() or key in leaves or draw(st.booleans())
    }
    return split_of(printed)
