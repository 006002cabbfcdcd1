"""Hypothesis strategies for household tables and deprivation matrices.

Re-exported from :mod:`mdpoverty.testing` (the one public strategies module).  Incomes are
drawn near the standard's lines (at the line, one VND either side) as well as anywhere, so the
boundaries of every rule are exercised.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pandas
from hypothesis import strategies as st

from mdpoverty.reference.standards import AREAS, PovertyStandard, poverty_standards

__all__ = ["cutoffs", "deprivation_frames", "household_tables", "indicator_weights"]


def _incomes(standard: PovertyStandard) -> st.SearchStrategy[int]:
    lines = sorted({v for line in standard.income_lines for v in (line.rural, line.urban)})
    near = st.sampled_from(lines).flatmap(lambda v: st.sampled_from([v - 1, v, v + 1]))
    return st.one_of(near, st.integers(0, 2 * lines[-1]))


@st.composite
def household_tables(
    draw: st.DrawFn,
    standard: PovertyStandard | None = None,
    *,
    min_size: int = 0,
    max_size: int = 30,
    units: tuple[int, ...] | tuple[str, ...] = (101, 102, 201),
    counts_only: bool | None = None,
) -> pandas.DataFrame:
    """A valid household table for ``standard`` (default: any standard the library knows).

    Columns ``unit`` (from ``units``: integers, or text codes such as ``"05716"``, kept as
    text), ``area``, ``income`` (int64, often at a line or one VND
    from it) and either every indicator of the standard (booleans) or ``deprivations`` (a
    count); ``counts_only`` chooses, ``None`` lets Hypothesis choose.  The table's
    ``attrs["standard"]`` is the standard's id.
    """
    chosen = standard if standard is not None else draw(st.sampled_from(poverty_standards()))
    n = draw(st.integers(min_size, max_size))
    indicator_ids = [i.id for i in chosen.indicators]
    data: dict[str, object] = {
        "unit": pandas.array(
            draw(st.lists(st.sampled_from(list[Any](units)), min_size=n, max_size=n)),
            "int64" if all(isinstance(u, int) for u in units) else "string",
        ),
        "area": draw(st.lists(st.sampled_from(AREAS), min_size=n, max_size=n)),
        "income": pandas.array(draw(st.lists(_incomes(chosen), min_size=n, max_size=n)), "int64"),
    }
    use_count = draw(st.booleans()) if counts_only is None else counts_only
    if use_count:
        top = len(indicator_ids)
        data["deprivations"] = pandas.array(
            draw(st.lists(st.integers(0, top), min_size=n, max_size=n)), "int64"
        )
    else:
        for i in indicator_ids:
            data[i] = pandas.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)), "bool")
    frame = pandas.DataFrame(data)
    frame.attrs["standard"] = chosen.id
    return frame


@st.composite
def deprivation_frames(
    draw: st.DrawFn, *, min_rows: int = 1, max_rows: int = 25, max_indicators: int = 6
) -> pandas.DataFrame:
    """A boolean DataFrame: rows are people or households, columns ``i0``, ``i1``, ..."""
    width = draw(st.integers(1, max_indicators))
    rows = draw(st.integers(min_rows, max_rows))
    cells = st.lists(st.booleans(), min_size=rows, max_size=rows)
    return pandas.DataFrame({f"i{j}": pandas.array(draw(cells), "bool") for j in range(width)})


def indicator_weights(indicators: list[str]) -> st.SearchStrategy[dict[str, Fraction]]:
    """Exact positive weights for ``indicators`` (not normalised)."""
    weight = st.builds(Fraction, st.integers(1, 12), st.integers(1, 12))
    return st.fixed_dictionaries(dict.fromkeys(indicators, weight))


def cutoffs() -> st.SearchStrategy[Fraction]:
    """A cutoff ``k`` with ``0 < k <= 1``, exact."""
    return st.integers(1, 24).flatmap(lambda d: st.integers(1, d).map(lambda n: Fraction(n, d)))
