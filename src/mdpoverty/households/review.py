"""From a household table to a review's figures in one call: counts and AF measures by unit."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import NamedTuple

import numpy as np
import pandas as pd

from mdpoverty.errors import HouseholdTableError, TableProblem
from mdpoverty.households._table import Missing, prepare
from mdpoverty.households.classify import resolve_standard
from mdpoverty.households.counts import counts_from_tally, tally_households
from mdpoverty.households.measures import Weight, af_measures, af_spec, tally_arrays
from mdpoverty.standards import PovertyStandard

__all__ = ["Review", "review"]


class Review(NamedTuple):
    """The figures of a household review: ``counts``, households by group per unit and up the
    hierarchy (as :func:`~mdpoverty.households.counts` gives them), and ``measures``, the
    Alkire–Foster measures per unit and overall (as :func:`~mdpoverty.households.alkire_foster`
    gives them).
    """

    counts: pd.DataFrame
    measures: pd.DataFrame


def review(
    table: pd.DataFrame,
    year: int | None = None,
    *,
    k: Weight,
    standard: PovertyStandard | str | None = None,
    weights: Mapping[str, Weight] | None = None,
    columns: Mapping[str, str] | None = None,
    units: Collection[object] | pd.DataFrame | None = None,
    level: str = "commune",
    missing: Missing = "error",
    measures_by_unit: bool = True,
) -> Review:
    """Classify, count per unit and measure (AF, by unit) a household table, validating once.

    The table needs the standard's indicator columns (a count of deprivations is not enough
    for the AF measures).  The measures use the standard's nested equal weights unless
    ``weights`` are given.  ``measures_by_unit=False`` measures the whole table only.  Other
    arguments as for :func:`~mdpoverty.households.counts`.

    >>> import pandas as pd
    >>> from mdpoverty.standards import standard_in_force
    >>> ids = [i.id for i in standard_in_force(2024).indicators]
    >>> table = pd.DataFrame({"unit": [1, 1], "area": ["rural", "urban"],
    ...                       "income": [900_000, 2_500_000]})
    >>> for n, i in enumerate(ids):
    ...     table[i] = [n < 4, False]
    >>> figures = review(table, 2024, k="1/3")
    >>> figures.counts.loc[0, ["households", "poor", "near-poor"]].tolist()
    [2, 1, 0]
    >>> m = figures.measures
    >>> m[(m.measure == "M0") & m.commune.isna()].value.item()
    Fraction(1, 6)
    """
    chosen = resolve_standard(year, standard)
    frame = units if isinstance(units, pd.DataFrame) or units is None else None
    listed = None if units is None else (units.index if isinstance(units, pd.DataFrame) else units)
    households = prepare(table, chosen, columns=columns, units=listed, missing=missing)
    ids = [i.id for i in chosen.indicators]
    if not households.deprived:
        raise HouseholdTableError(
            [TableProblem("deprivations", f"the AF measures need the indicator columns {ids}")]
        )
    tally = tally_households(chosen, households)
    tally.attrs["excluded"] = len(households.excluded)
    counts = counts_from_tally(tally, frame if frame is not None else units, level=level)
    spec = af_spec(ids, k, weights if weights is not None else chosen)
    columns_ = [households.deprived[i] for i in ids]
    if measures_by_unit:
        codes, labels = households.unit, households.unit_labels
    else:
        codes, labels = np.zeros(len(households), dtype=np.int64), np.array([None], dtype=object)
    af = tally_arrays(codes, labels, columns_, spec, name=level, packed=households.packed)
    return Review(counts, af_measures(af, spec, by=level))
