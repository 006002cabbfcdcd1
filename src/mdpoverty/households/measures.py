"""The Alkire–Foster measures of multidimensional poverty, exactly.

A person (or household) is *deprived* in an indicator when the table says so; its
*deprivation score* is the sum of the weights of its deprivations, the weights summing to 1;
it is *poor* when its score is at least the cutoff ``k``.  Then, over a population of ``N``
with ``q`` poor:

- ``H = q / N``, the headcount ratio;
- ``A``, the mean score of the poor (the intensity; 0 when nobody is poor);
- ``M0 = H × A``, the adjusted headcount ratio: the sum of the scores of the poor over ``N``;
- ``hd`` of an indicator: the share deprived in it (uncensored headcount ratio);
- ``hdk`` of an indicator: the share poor *and* deprived in it (censored headcount ratio);
- ``actb``: its absolute contribution, ``weight × hdk`` (they sum to ``M0``);
- ``pctb``: its percentage contribution, ``100 × actb / M0`` (they sum to 100).

Every measure is a :class:`fractions.Fraction`.  The weights are scaled to integers over their
common denominator ``D``, so scores are integer sums of boolean columns and "score ≥ k" is the
exact integer comparison ``score × k.denominator ≥ k.numerator × D``.  The sums that make the
measures are integers, and they compose by addition: the tally of a table is the sum of the
tallies of its parts (:func:`af_tally`, :func:`combine_tallies`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from mdpoverty.errors import HouseholdTableError, MeasureError, TableProblem
from mdpoverty.households import _af
from mdpoverty.households._exact import exact
from mdpoverty.households._table import (
    IntArray,
    deprivation_frame,
    duplicate_columns,
    missing_values,
    require_frame,
    unit_positions,
    weights_of,
)
from mdpoverty.households.counts import HOUSEHOLD_TABLE
from mdpoverty.i18n import _, _n
from mdpoverty.reference.standards import PovertyStandard
from mdpoverty.tables.shape import table_attrs

__all__ = [
    "AFSpec",
    "af_measures",
    "af_spec",
    "af_tally",
    "alkire_foster",
    "exact",
    "nested_weights",
]

Weight = int | Fraction | Decimal | str
_POPULATION = "N"
_POOR = "q"
_SCORES = "S"


_MAX_DENOMINATOR = 1 << 62
"""The bound of the weights' common denominator: integer scores stay within int64."""


def nested_weights(
    dimensions: Mapping[str, Sequence[str]] | PovertyStandard,
) -> dict[str, Fraction]:
    """Nested equal weights: each dimension an equal share, split equally among its indicators.

    >>> nested_weights({"health": ["nutrition", "insurance"], "education": ["schooling"]})
    {'nutrition': Fraction(1, 4), 'insurance': Fraction(1, 4), 'schooling': Fraction(1, 2)}
    """
    if isinstance(dimensions, PovertyStandard):
        dimensions = {d.id: [i.id for i in d.indicators] for d in dimensions.dimensions}
    share = Fraction(1, len(dimensions))
    return {i: share / len(inds) for inds in dimensions.values() for i in inds}


@attrs.frozen
class AFSpec:
    """Indicators, their weights (summing to 1) and the cutoff ``k`` of an AF measurement.

    Attributes:
        indicators: The indicator columns, in order.
        weights: Each indicator's weight, exact, summing to 1.
        k: The poverty cutoff, a share of the total weight (``0 < k <= 1``).
    """

    indicators: tuple[str, ...]
    weights: tuple[Fraction, ...]
    k: Fraction

    @property
    def denominator(self) -> int:
        """The common denominator ``D`` of the weights."""
        return math.lcm(*(w.denominator for w in self.weights))

    @property
    def integer_weights(self) -> tuple[int, ...]:
        """The weights times ``D``, integers summing to ``D``."""
        d = self.denominator
        return tuple(int(w * d) for w in self.weights)

    @property
    def threshold(self) -> int:
        """The least integer score (in units of ``1/D``) that is at least ``k``, exactly.

        ``score / D >= k`` if and only if ``score >= ceil(k × D)``, as scores are integers.
        """
        return math.ceil(self.k * self.denominator)

    def is_poor(self, scores: IntArray) -> npt.NDArray[np.bool_]:
        """Whether each integer score (in units of ``1/D``) is at least ``k``."""
        return np.asarray(scores >= self.threshold, dtype=bool)


def af_spec(
    indicators: Sequence[str],
    k: Weight,
    weights: Mapping[str, Weight] | PovertyStandard | None = None,
) -> AFSpec:
    """The measurement's spec: equal weights by default, given ones normalised to sum to 1.

    Args:
        indicators: The indicator columns.
        k: The cutoff as a share of the total weight (``"1/3"``, ``Fraction(1, 3)``,
            ``Decimal("0.33")``); floats are refused (see :func:`exact`).
        weights: ``None`` for equal weights; a mapping from indicator to weight (exact
            numbers, normalised by their sum); or a standard, for nested equal weights
            (:func:`nested_weights`).
    """
    cutoff = exact(k, "k")
    if not 0 < cutoff <= 1:
        raise MeasureError(
            _(
                "k must be > 0 and <= 1 (a share of the total weight): {k}",
                k=str(cutoff),  # a fraction, as Python writes it: 3/2
            )
        )
    if not indicators:
        raise MeasureError(_("an AF measurement needs at least one indicator"))
    if weights is None:
        raw = [Fraction(1)] * len(indicators)
    else:
        given = nested_weights(weights) if isinstance(weights, PovertyStandard) else weights
        unknown = sorted(set(given) - set(indicators))
        lacking = [i for i in indicators if i not in given]
        if unknown or lacking:
            raise MeasureError(
                _(
                    "weights must name exactly the indicators: without a weight {lacking}, "
                    "not an indicator {unknown}",
                    lacking=str(lacking),
                    unknown=str(unknown),
                )
            )
        raw = [exact(given[i], _("the weight of {id!r}", id=i)) for i in indicators]
        if any(w < 0 for w in raw) or sum(raw) <= 0:
            raise MeasureError(
                _(
                    "weights must be >= 0 with a positive sum: {weights}",
                    weights=tuple(str(w) for w in raw),
                )
            )
    total = sum(raw, Fraction(0))
    spec = AFSpec(tuple(indicators), tuple(w / total for w in raw), cutoff)
    if spec.denominator >= _MAX_DENOMINATOR:
        raise MeasureError(
            _(
                "the weights' common denominator, {n}, must be below 2**62: households are "
                "scored in integers of 1/denominator",
                n=spec.denominator,
            )
        )
    return spec


def af_tally(
    deprivations: pd.DataFrame,
    spec: AFSpec,
    by: str | pd.Series | None = None,
    population: str | pd.Series | None = None,
) -> pd.DataFrame:
    """The integer sums the measures are made of, per group: they add up across chunks.

    Columns ``N`` (population), ``q`` (poor), ``S`` (the scores of the poor, in units of
    ``1/D``), ``hd:<indicator>`` (deprived) and ``hdk:<indicator>`` (poor and deprived); one
    row per group of ``by`` (one row labelled ``None`` without it).
    """
    require_frame(deprivations, _("a table of deprivations"))
    values, problems = deprivation_frame(deprivations, spec.indicators)
    groups = _series(deprivations, by, "by", problems)
    pop = _population(deprivations, population, problems)
    if groups is not None:
        problems += missing_values(deprivations, groups)
    if problems:
        raise HouseholdTableError(problems)
    if groups is None:
        codes = np.zeros(len(deprivations), dtype=np.int64)
        labels: np.ndarray = np.array([None], dtype=object)
        name = None
    else:
        codes, labels = unit_positions(groups)
        name = groups.name
    return tally_arrays(codes, labels, [values[x] for x in spec.indicators], spec, pop, name=name)


def tally_arrays(
    codes: IntArray,
    labels: np.ndarray,
    columns: Sequence[npt.NDArray[np.bool_]],
    spec: AFSpec,
    population: IntArray | None = None,
    *,
    name: object = None,
    packed: Sequence[tuple[npt.NDArray[np.uint8], int]] | None = None,
) -> pd.DataFrame:
    """:func:`af_tally` of validated arrays: group positions, their labels, the indicators.

    ``packed``, where given, is ``columns`` already packed (``_af.pack``).
    """
    n = len(codes)
    size = len(labels)
    weights = spec.integer_weights
    if packed is None:
        packed = _af.pack(columns, n)
    poor = _af.poor_rows(packed, weights, spec.threshold)
    population_, poor_, deprived, censored = _af.tally(codes, size, packed, poor, population)
    rows = population_ if population is None else np.bincount(codes, minlength=size)
    present = rows > 0
    if size == 1 and labels[0] is None:
        present[:] = True
    # S = sum over indicators of weight × censored count, exact: an int64 matrix product where
    # it cannot wrap (each score is at most D, so S <= D × N), Python integers elsewhere.
    kept_censored = censored[present]
    kept_population = population_[present]
    if int(kept_population.sum()) * spec.denominator < 1 << 62:
        scores_of_poor = kept_censored @ np.asarray(weights, dtype=np.int64)
    else:
        exact = [
            sum(int(w) * int(c) for w, c in zip(weights, r, strict=True)) for r in kept_censored
        ]
        if max(exact, default=0) >= 1 << 63:
            raise HouseholdTableError(
                [
                    TableProblem(
                        "",
                        _(
                            "the scores of the poor sum to 2**63 or more (population x "
                            "the weights' common denominator): too large to add exactly"
                        ),
                    )
                ]
            )
        scores_of_poor = np.asarray(exact, dtype=np.int64)
    index = pd.Index(labels[present], name=name, dtype=object)
    block = np.column_stack(
        [kept_population, poor_[present], scores_of_poor, deprived[present], kept_censored]
    ).astype(np.int64, copy=False)
    names = spec.indicators
    column_names = [_POPULATION, _POOR, _SCORES, *(f"hd:{x}" for x in names)]
    column_names += [f"hdk:{x}" for x in names]
    return pd.DataFrame(block, index=index, columns=column_names)


def _population(
    frame: pd.DataFrame, population: str | pd.Series | None, problems: list[TableProblem]
) -> IntArray | None:
    weights = _series(frame, population, "population", problems)
    if weights is None:
        return None
    values, found = weights_of(frame, weights)
    problems += found
    return values


def _series(
    frame: pd.DataFrame, key: str | pd.Series | None, what: str, problems: list[TableProblem]
) -> pd.Series | None:
    given: object = key
    found: pd.Series | None = None
    said = _("population") if what == "population" else _("grouping")  # by= groups the rows
    if isinstance(given, str):
        if given not in frame.columns:
            reason = _("missing column (the {what} column)", what=said)
            problems.append(TableProblem(given, reason))
        elif repeated := duplicate_columns(frame, [given]):
            problems += repeated
        else:
            found = frame[given]
    elif isinstance(given, pd.Series):
        if len(given) != len(frame):
            reason = _n("the {what} has {n} row", "the {what} has {n} rows", len(given), what=said)
            problems.append(TableProblem(str(given.name), reason))
        else:
            found = pd.Series(given.to_numpy(), index=frame.index, name=given.name or what)
    elif given is not None:
        reason = _("the {what} must be a column name or a Series", what=said)
        problems.append(TableProblem("", reason))
    return found


def _is_whole(label: object) -> bool:
    """Whether a tally's row label is that of a whole table (``None``; NaN once combined)."""
    return label is None or (isinstance(label, float) and math.isnan(label))


def af_measures(tally: pd.DataFrame, spec: AFSpec, *, by: str = "group") -> pd.DataFrame:
    """The tidy table of measures from a tally (see :func:`alkire_foster`)."""
    d = spec.denominator
    weights = spec.integer_weights
    whole_only = len(tally) == 1 and _is_whole(tally.index[0])
    labels: list[object] = [None if _is_whole(g) else g for g in tally.index]
    names = spec.indicators
    position = {c: n for n, c in enumerate(tally.columns)}
    # One conversion of the whole tally to Python integers, row by row.
    rows = [[int(v) for v in row] for row in tally.to_numpy(dtype=object).tolist()]
    if not whole_only:
        labels.append(None)
        rows.append(
            [sum(column) for column in zip(*rows, strict=True)] if rows else [0] * len(position)
        )
    at_n, at_q, at_s = position[_POPULATION], position[_POOR], position[_SCORES]
    hd_at = [position[f"hd:{x}"] for x in names]
    hdk_at = [position[f"hdk:{x}"] for x in names]
    core = ["N", "q", "H", "A", "M0"]
    per_indicator = ["hd", "hdk", "actb", "pctb"]
    measure_names = core + per_indicator * len(names)
    indicator_names: list[str | None] = [None] * len(core)
    for name in names:
        indicator_names += [name] * len(per_indicator)
    zero = Fraction(0)
    out_group: list[object] = []
    out_measure: list[str] = []
    out_indicator: list[str | None] = []
    out_value: list[object] = []
    for row, group in zip(rows, labels, strict=True):
        n, q, s = row[at_n], row[at_q], row[at_s]
        out_value += [
            n,
            q,
            Fraction(q, n) if n else zero,
            Fraction(s, d * q) if q else zero,
            Fraction(s, d * n) if n else zero,
        ]
        for w, deprived_at, censored_at in zip(weights, hd_at, hdk_at, strict=True):
            deprived, censored = row[deprived_at], row[censored_at]
            # actb = weight × hdk = (w/D)(c/n); pctb = 100 actb / M0 = 100 w c / S.
            out_value += [
                Fraction(deprived, n) if n else zero,
                Fraction(censored, n) if n else zero,
                Fraction(w * censored, d * n) if n else zero,
                Fraction(100 * w * censored, s) if s else None,
            ]
        out_measure += measure_names
        out_indicator += indicator_names
        out_group += [group] * len(measure_names)
    columns: dict[str, object] = {} if whole_only else {by: _objects(out_group)}
    columns |= {
        "measure": out_measure,
        "indicator": _objects(out_indicator),
        "k": _objects([spec.k] * len(out_value)),
        "value": _objects(out_value),
    }
    return pd.DataFrame(columns)


def _objects(values: list[Any]) -> pd.Series:
    """``values`` as a column of objects as they are (no inference of text or NaN for None)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return pd.Series(array, dtype=object, copy=False)


def alkire_foster(
    deprivations: pd.DataFrame,
    k: Weight,
    weights: Mapping[str, Weight] | PovertyStandard | None = None,
    by: str | pd.Series | None = None,
    *,
    indicators: Sequence[str] | None = None,
    population: str | pd.Series | None = None,
) -> pd.DataFrame:
    """The Alkire–Foster measures H, A, M0, headcount ratios and contributions, exactly.

    Args:
        deprivations: One row per person or household; boolean columns (or 0 and 1), one per
            indicator.  Only read.  A missing value is an error: a person whose deprivation
            is unknown is neither counted poor nor silently not poor.
        k: The poverty cutoff as a share of the total weight: poor when the weighted score is
            at least ``k``.  Exact: an int, Fraction, Decimal or text like ``"1/3"``.
        weights: ``None`` (equal weights), a mapping from indicator to exact weight
            (normalised), or a :class:`~mdpoverty.reference.standards.PovertyStandard` for
            nested equal weights (equal by dimension, equal within).
        by: A column of ``deprivations`` (or a Series of the same length) whose values are the
            groups (units, strata) to measure each of, as well as the whole.
        indicators: The indicator columns; default every column but ``by`` and ``population``.
        population: A column (or Series) of integer weights: household size for measures over
            people, or integer sampling weights.  Default: each row counts 1.

    Returns:
        A tidy DataFrame with columns ``measure``, ``indicator``, ``k`` and ``value`` (and
        first the ``by`` column, where ``None`` marks the whole population): ``N`` and ``q``
        (ints), ``H``, ``A``, ``M0`` and, per indicator, ``hd``, ``hdk``, ``actb`` and
        ``pctb`` (Fractions; ``pctb`` is ``None`` when ``M0`` is 0).
        Its ``attrs`` are those of every table
        (:func:`~mdpoverty.tables.shape.table_attrs`): ``table`` ``"af_measures"``,
        ``document`` ``"household table"``, ``year`` ``None``, ``labels`` ``"fields"``,
        ``total`` ``True`` (the whole population's rows), ``units`` empty (``value`` holds
        counts and shares), and ``standard`` (the id of ``weights`` when it is a standard,
        else ``None``).

    Raises:
        HouseholdTableError: Missing or non-boolean indicator columns, missing values, a name
            borne by two columns, population weights summing to 2**53 or more.
        HouseholdArgumentError: ``deprivations`` is not a DataFrame.
        MeasureError: A cutoff or weights out of bounds (see :func:`exact`, :func:`af_spec`).
        InexactNumberError: A float cutoff or weight.

    >>> import pandas as pd
    >>> table = pd.DataFrame({
    ...     "water": [True, True, False, False],
    ...     "school": [True, False, False, True],
    ...     "health": [True, True, False, False],
    ... })
    >>> result = alkire_foster(table, k="1/2")
    >>> result.set_index(["measure", "indicator"]).loc[("M0", None), "value"]
    Fraction(5, 12)
    >>> [str(v) for v in result[result.indicator.isna()].value]
    ['4', '2', '1/2', '5/6', '5/12']
    """
    require_frame(deprivations, _("a table of deprivations"))
    names = (
        list(indicators)
        if indicators is not None
        else [
            str(c)
            for c in deprivations.columns
            if not (isinstance(by, str) and c == by)
            and not (isinstance(population, str) and c == population)
        ]
    )
    spec = af_spec(names, k, weights)
    tally = af_tally(deprivations, spec, by=by, population=population)
    label = by if isinstance(by, str) else (str(by.name) if by is not None and by.name else "group")
    standard = weights.id if isinstance(weights, PovertyStandard) else None
    return measured_attrs(af_measures(tally, spec, by=label), None, standard)


def measured_attrs(result: pd.DataFrame, year: int | None, standard: str | None) -> pd.DataFrame:
    """``result`` (AF measures) with the shared attrs.

    No column has one unit (``value`` holds counts ``N``, ``q`` and shares); the rows of the
    whole population (``by`` blank) are its totals.
    """
    result.attrs.update(
        table_attrs(
            "af_measures",
            HOUSEHOLD_TABLE,
            year,
            labels="fields",
            total=True,
            units={},
            standard=standard,
        )
    )
    return result
