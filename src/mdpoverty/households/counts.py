"""Counts of households by group, per unit and stratum, summed up the administrative hierarchy.

Counts compose by addition: the tally of a table is the sum of the tallies of its parts, so a
file larger than memory is counted chunk by chunk (:mod:`mdpoverty.households.files`) and a Dask
DataFrame partition by partition, with the same per-chunk function.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import cast

import numpy as np
import pandas as pd

from mdpoverty.errors import HouseholdTableError, TableProblem
from mdpoverty.households import _af
from mdpoverty.households._table import Households, Missing, exact_sum, prepare
from mdpoverty.households.classify import classify_codes, resolve_standard
from mdpoverty.i18n import _
from mdpoverty.reference.standards import AREAS, PovertyStandard
from mdpoverty.tables.shape import HOUSEHOLDS as HOUSEHOLDS_UNIT
from mdpoverty.tables.shape import table_attrs

__all__ = ["POOR_AND_NEAR_POOR", "combine_tallies", "count_tally", "counts", "counts_from_tally"]

POOR_AND_NEAR_POOR = "poor-and-near-poor"
"""The column of poor and near-poor households together, as review documents print it."""

HOUSEHOLDS = "households"
ALL = "all"


HOUSEHOLD_TABLE = "household table"
"""What the ``attrs["document"]`` of a table derived from a household table names."""


def counted_attrs(
    result: pd.DataFrame, year: int | None, standard: PovertyStandard, weight: str | None
) -> pd.DataFrame:
    """``result`` (counts) with the shared attrs: every count column counts households, or
    sums the ``weight`` column; the ``country`` rows are its totals."""
    counted = [c for c in result.columns if c not in ("level", "unit", "area")]
    unit = HOUSEHOLDS_UNIT if weight is None else f"sum of {weight}"
    result.attrs.update(
        table_attrs(
            "household_counts",
            HOUSEHOLD_TABLE,
            year,
            labels="fields",
            total=True,
            units=dict.fromkeys(counted, unit),
            standard=standard.id,
            excluded=int(result.attrs.get("excluded", 0)),
        )
    )
    return result


def units_frame(units: Collection[object] | pd.DataFrame | None) -> pd.DataFrame | None:
    if units is None or isinstance(units, pd.DataFrame):
        return units
    return pd.DataFrame(index=pd.Index(list(units), name="unit"))


def tally_households(standard: PovertyStandard, households: Households) -> pd.DataFrame:
    """Households (or their weights) per (unit, area) and group: the tally that chunks add up."""
    groups = standard.groups
    codes = classify_codes(standard, households.urban, households.income, households.deprivations)
    n_groups = len(groups)
    n_units = len(households.unit_labels)
    # key = (unit × 2 + urban) × groups + group, in place in one buffer.
    key = np.multiply(households.unit, 2 * n_groups, dtype=np.int64)
    key += np.multiply(households.urban.view(np.uint8), n_groups, dtype=np.uint8)
    key += codes
    size = n_units * 2 * n_groups
    tally = _af.bincount_sums(key, households.weight, size)
    cube = tally.reshape(n_units, 2, n_groups)
    present = cube.sum(axis=(1, 2)) > 0
    labels = households.unit_labels[present]
    flat = cube[present].reshape(-1, n_groups)
    index = pd.MultiIndex.from_product([labels, list(AREAS)], names=["unit", "area"])
    frame = pd.DataFrame(flat, index=index, columns=list(groups))
    frame.insert(0, HOUSEHOLDS, frame.sum(axis=1))
    return frame


def count_tally(
    table: pd.DataFrame,
    year: int | None = None,
    *,
    standard: PovertyStandard | str | None = None,
    columns: Mapping[str, str] | None = None,
    units: Collection[object] | pd.DataFrame | None = None,
    missing: Missing = "error",
    weight: str | None = None,
) -> pd.DataFrame:
    """The integer tally of ``table``: households of each group per unit and area.

    The tally of a whole table equals the sum of the tallies of any split of its rows
    (:func:`combine_tallies`); :func:`counts_from_tally` turns it into the counts up the
    hierarchy.  Arguments as for :func:`counts`.
    """
    chosen = resolve_standard(year, standard)
    frame = units_frame(units)
    households = prepare(
        table,
        chosen,
        columns=columns,
        units=None if frame is None else frame.index,
        missing=missing,
        weight=weight,
    )
    tally = tally_households(chosen, households)
    tally.attrs["excluded"] = len(households.excluded)
    return tally


def combine_tallies(tallies: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """The sum of tallies of parts of one table (chunks, partitions), key by key.

    Works for both kinds of tally: counts (:func:`count_tally`) and the Alkire–Foster sums
    (:func:`~mdpoverty.households.af_tally`).
    """
    parts = list(tallies)
    if not parts:
        raise ValueError(_("no tally to combine"))
    stacked = pd.concat(parts)
    # Every sum is of non-negative integers: when a column's exact total fits int64, no group's
    # sum can wrap.  Beyond, the counts cannot be held exactly, and that is an error.
    too_large = [
        TableProblem(
            str(column), _("sums to {total}, beyond 2**63 - 1: too large to count", total=total)
        )
        for column in stacked.columns
        if (total := _total(stacked[column])) >= 1 << 63
    ]
    if too_large:
        raise HouseholdTableError(too_large)
    combined = stacked.groupby(
        level=list(range(parts[0].index.nlevels)), sort=True, dropna=False
    ).sum()
    combined.attrs["excluded"] = sum(int(p.attrs.get("excluded", 0)) for p in parts)
    return combined.astype(np.int64)


def _total(column: pd.Series) -> int:
    """The exact sum of a tally's column of non-negative integers."""
    values = column.to_numpy()
    if values.dtype == np.dtype(np.int64):
        return exact_sum(values)
    return sum(int(v) for v in values)


def counts_from_tally(
    tally: pd.DataFrame,
    units: Collection[object] | pd.DataFrame | None = None,
    *,
    level: str = "commune",
) -> pd.DataFrame:
    """Counts per unit and up the hierarchy, from a tally (see :func:`counts`)."""
    frame = units_frame(units)
    groups = [c for c in tally.columns if c != HOUSEHOLDS]
    base = tally.copy()
    if frame is not None:  # every listed unit appears, with zeros where it has no household
        full = pd.MultiIndex.from_product([frame.index, list(AREAS)], names=["unit", "area"])
        base = base.reindex(full.union(cast("pd.MultiIndex", base.index)), fill_value=0)
    base = base.reset_index()
    with_all = pd.concat(
        [base, base.groupby("unit", sort=False, as_index=False)[[HOUSEHOLDS, *groups]].sum()]
    ).fillna({"area": ALL})
    parents = [] if frame is None else [str(c) for c in frame.columns]
    pieces = [with_all.assign(level=level)]
    if frame is not None and parents:
        linked = with_all.merge(frame, left_on="unit", right_index=True, how="left")
        for parent in parents:
            summed = linked.groupby([parent, "area"], as_index=False)[[HOUSEHOLDS, *groups]].sum()
            pieces.append(summed.rename(columns={parent: "unit"}).assign(level=parent))
    country = with_all.groupby("area", as_index=False)[[HOUSEHOLDS, *groups]].sum()
    pieces.append(country.assign(unit="", level="country"))
    result = pd.concat(pieces, ignore_index=True)
    if "poor" in groups and "near-poor" in groups:
        result[POOR_AND_NEAR_POOR] = result["poor"] + result["near-poor"]
    order = [g for g in groups if g != "not-poor"]
    extra = [POOR_AND_NEAR_POOR] if POOR_AND_NEAR_POOR in result else []
    result = result[["level", "unit", "area", HOUSEHOLDS, *order, *extra, "not-poor"]]
    area_rank: dict[str, int] = {ALL: 0, **{a: n for n, a in enumerate(AREAS, start=1)}}
    level_rank = {lv: n for n, lv in enumerate([level, *parents, "country"])}
    result = result.sort_values(
        ["level", "unit", "area"],
        key=lambda s: (
            s.map(level_rank)
            if s.name == "level"
            else (s.map(area_rank) if s.name == "area" else s)
        ),
        kind="stable",
    ).reset_index(drop=True)
    counted = [HOUSEHOLDS, *order, *extra, "not-poor"]
    result[counted] = result[counted].astype(np.int64)
    result.attrs["excluded"] = int(tally.attrs.get("excluded", 0))
    return result


def counts(
    table: pd.DataFrame,
    year: int | None = None,
    *,
    standard: PovertyStandard | str | None = None,
    columns: Mapping[str, str] | None = None,
    units: Collection[object] | pd.DataFrame | None = None,
    level: str = "commune",
    missing: Missing = "error",
    weight: str | None = None,
) -> pd.DataFrame:
    """Households, poor, near-poor and both together, per unit and up the hierarchy.

    Args:
        table: The household table (see :func:`~mdpoverty.households.classify`), with a
            ``unit`` column: each household's unit code.
        year: The year of the review; chooses the standard in force.
        standard: A standard, or its id, instead of ``year``.
        columns: The table's name for a column, by its name here.
        units: The valid unit codes, or a DataFrame indexed by unit code whose columns are the
            codes of the unit's parents from the lowest up (e.g. ``district``, ``province``):
            the counts are summed to each.  Codes not listed are reported; listed units without
            a household have zero counts.
        level: The name of the units' level in the result (``commune``).
        missing: ``"error"`` or ``"exclude"`` (see :func:`~mdpoverty.households.classify`);
            ``result.attrs["excluded"]`` is the number of households left out.
        weight: A column of integer weights to sum instead of counting households: the
            household size gives people, an integer sampling weight the population.

    Raises:
        HouseholdTableError: As for :func:`~mdpoverty.households.classify`, and weights that
            sum to 2**53 or more (summed exactly, never wrapped).
        HouseholdArgumentError: As for :func:`~mdpoverty.households.classify`.

    Returns:
        A tidy DataFrame: ``level`` (``level``, each parent column, ``country``), ``unit``,
        ``area`` (``all``, ``rural``, ``urban``), then integer columns ``households``, one per
        group of the standard and ``poor-and-near-poor``.
        Its ``attrs`` are those of every table (:func:`~mdpoverty.tables.shape.table_attrs`):
        ``table`` ``"household_counts"``, ``document`` ``"household table"``, ``year`` (``None``
        where only a standard is given), ``labels`` ``"fields"`` (the only face: the columns
        are the standard's group ids), ``total`` ``True`` (the ``country`` rows sum every
        unit), ``units`` (``households``, or ``sum of <weight>``), and ``standard`` and
        ``excluded``.

    >>> import pandas as pd
    >>> table = pd.DataFrame({
    ...     "unit": [101, 101, 102],
    ...     "area": ["rural", "urban", "rural"],
    ...     "income": [1_000_000, 1_900_000, 2_500_000],
    ...     "deprivations": [4, 1, 0],
    ... })
    >>> units = pd.DataFrame({"province": [1, 1]}, index=[101, 102])
    >>> result = counts(table, 2024, units=units)
    >>> result[result.area == "all"][["level", "unit", "households", "poor", "near-poor"]]
          level unit  households  poor  near-poor
    0   commune  101           2     1          1
    3   commune  102           1     0          0
    6  province    1           3     1          1
    9   country                3     1          1
    """
    chosen = resolve_standard(year, standard)
    tally = count_tally(
        table, standard=chosen, columns=columns, units=units, missing=missing, weight=weight
    )
    return counted_attrs(counts_from_tally(tally, units, level=level), year, chosen, weight)
