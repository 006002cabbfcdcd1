"""Classifying households as poor, near-poor or not poor under the standard in force."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from mdpoverty.errors import HouseholdArgumentError
from mdpoverty.households._table import Households, Missing, prepare, require_frame
from mdpoverty.i18n import _
from mdpoverty.reference.standards import PovertyStandard, poverty_standard, standard_in_force

__all__ = ["classify", "classify_codes", "resolve_standard"]


def resolve_standard(year: int | None, standard: PovertyStandard | str | None) -> PovertyStandard:
    """The standard ``standard`` (an object or an id; as amended in ``year`` where a year is
    given), else the one in force in ``year``."""
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise HouseholdArgumentError(
            _("year must be an int, not {type} {value}", type=type(year).__name__, value=repr(year))
        )
    if isinstance(standard, PovertyStandard):
        return standard if year is None else standard.as_of(year)
    if isinstance(standard, str):
        named = poverty_standard(standard)
        return named if year is None else named.as_of(year)
    if standard is not None:
        raise HouseholdArgumentError(
            _(
                "standard must be a PovertyStandard or its id, not {type}",
                type=type(standard).__name__,
            )
        )
    if year is None:
        raise HouseholdArgumentError(
            _("give the review's year (year=2024) or a standard (standard=...)")
        )
    return standard_in_force(year)


def classify_codes(
    standard: PovertyStandard,
    urban: npt.NDArray[np.bool_],
    income: npt.NDArray[np.int64],
    deprivations: npt.NDArray[np.uint8],
) -> npt.NDArray[np.uint8]:
    """Each household's group, as its position in ``standard.groups``; vectorised.

    The rule's clauses are tried in order; the first one a household meets gives its group, and
    a household that meets none is ``not-poor`` (the last group).
    """
    groups = standard.groups
    codes = np.full(len(income), len(groups) - 1, dtype=np.uint8)
    below: dict[str, npt.NDArray[np.bool_]] = {}
    # Clauses in reverse order, each overwriting: the first clause a household meets wins,
    # without tracking who is still open (fewer passes over the rows).
    for clause in reversed(standard.rule):
        if clause.income_at_most not in below:
            line = standard.income_line(clause.income_at_most)
            below[clause.income_at_most] = np.where(
                urban, income <= line.urban, income <= line.rural
            )
        meets = below[clause.income_at_most]
        if clause.min_deprivations:
            meets = meets & (deprivations >= clause.min_deprivations)
        codes = np.where(meets, np.uint8(groups.index(clause.group)), codes)
    return codes


def groups_series(
    standard: PovertyStandard, codes: npt.NDArray[np.uint8], index: pd.Index
) -> pd.Series:
    categories = pd.CategoricalDtype(list(standard.groups), ordered=True)
    values = pd.Categorical.from_codes(codes.astype(np.int8), dtype=categories)
    return pd.Series(values, index=index, name="group")


def classify(
    table: pd.DataFrame,
    year: int | None = None,
    *,
    standard: PovertyStandard | str | None = None,
    columns: Mapping[str, str] | None = None,
    units: Collection[object] | None = None,
    missing: Missing = "error",
) -> pd.Series:
    """Each household's group under the standard in force in ``year``.

    Decision 59/2015 for 2016–2021 (poor at or below the poverty line, or at or below the
    near-poverty line with at least 3 deprivations), Decree 07/2021 for 2022–2026 and Decree
    351/2025 for 2027–2030 (at or below the line: poor with at least 3 deprivations, near-poor
    with fewer), with the rural or urban line of each household's area.

    Args:
        table: One row per household, with the columns ``unit`` (optional here), ``area``
            (``"rural"`` or ``"urban"``), ``income`` (VND per person per month, integers) and
            either every indicator of the standard (booleans, or 0 and 1, named by the
            indicator ids) or ``deprivations`` (the count of deprived indicators).  The table
            is only read.
        year: The year whose standard applies: for the periodic review at the end of year
            N, N + 1, the year its list serves; for a mid-year review, its own year.
        standard: A standard, or its id, instead of ``year``.
        columns: The table's name for a column, by its name here, e.g.
            ``{"income": "thu_nhap", "health-insurance": "bhyt"}``.
        units: The valid unit codes; others are reported.
        missing: ``"error"`` (the default) reports every household with a missing income or
            indicator; ``"exclude"`` leaves them out of the result, and
            ``result.attrs["excluded"]`` says how many.

    Returns:
        A categorical Series named ``group`` with the table's index (less excluded rows):
        ``poor``, ``near-poor``, ``not-poor``, and any other band the standard defines: under
        Decree 07/2021 the unverified ``middle-living-standard`` band, and from 2025, as
        Decree 30/2025 amended it, ``low-income`` (neither poor nor near-poor, income at most
        2,250,000 rural / 3,000,000 urban, unverified), tried first: the middle-living band
        has the same lines and is for farming households only, which the table cannot say.

    Raises:
        HouseholdTableError: Missing columns, wrong types, impossible values, unknown unit
            codes or missing values, all of them, with counts and example rows.
        NoStandardInForceError: No standard is in force in ``year``.
        HouseholdArgumentError: ``table`` is not a DataFrame; neither ``year`` nor
            ``standard``, or either of the wrong type; ``missing`` is neither value.

    >>> import pandas as pd
    >>> table = pd.DataFrame({
    ...     "area": ["rural", "rural", "urban", "urban"],
    ...     "income": [2_200_000, 2_200_000, 2_800_001, 1_000_000],
    ...     "deprivations": [3, 2, 5, 0],
    ... })
    >>> classify(table, 2027).tolist()
    ['poor', 'near-poor', 'not-poor', 'near-poor']
    """
    chosen = resolve_standard(year, standard)
    require_frame(table)
    # A mapping that is not one is refused by prepare, with the other arguments.
    unit_column = columns.get("unit", "unit") if isinstance(columns, Mapping) else "unit"
    households = prepare(
        table,
        chosen,
        columns=columns,
        units=units,
        missing=missing,
        need_unit=units is not None or unit_column in table.columns,
    )
    return _classified(chosen, households)


def _classified(standard: PovertyStandard, households: Households) -> pd.Series:
    codes = classify_codes(standard, households.urban, households.income, households.deprivations)
    result = groups_series(standard, codes, households.rows)
    result.attrs["excluded"] = len(households.excluded)
    result.attrs["standard"] = standard.id
    return result
