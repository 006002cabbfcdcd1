"""Validating a household table and turning it into compact arrays, reporting all problems.

The caller's DataFrame is only read: every array here is a new one (or a read-only view that is
never written).  Nothing is coerced silently: a float where an integer belongs, a value outside
its domain, a missing value and an unknown unit code are each a :class:`TableProblem` with a
count and example rows, and all of them are raised together.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Literal

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from mdpoverty.errors import HouseholdArgumentError, HouseholdTableError, TableProblem
from mdpoverty.households import _af
from mdpoverty.i18n import Message, _
from mdpoverty.reference.standards import AREAS, PovertyStandard

Missing = Literal["error", "exclude"]
"""What to do with a household whose income or an indicator is missing."""

UNIT = "unit"
AREA = "area"
INCOME = "income"
DEPRIVATIONS = "deprivations"
EXAMPLES = 5

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@attrs.frozen(eq=False)  # holds arrays: identity equality, no hash of their contents
class Households:
    """A validated household table as arrays, one item per kept row.

    Attributes:
        rows: The labels of the kept rows in the caller's table.
        unit: Per row, the position of its unit in ``unit_labels``.
        unit_labels: The unit codes (as the table gives them) by position; a code may be
            that of excluded rows only.
        urban: Per row, whether the household is in an urban area.
        income: Per row, income per person per month (VND).
        deprived: Indicator id -> per-row deprivation; empty when a count was given.
        packed: The deprivations packed eight indicators to a byte (see ``_af.pack``), in
            the standard's order.
        deprivations: Per row, the number of deprived indicators.
        weight: Per row, an integer weight (household size or sampling weight), or ``None``.
        excluded: The labels of the rows left out for a missing value (``missing="exclude"``).
    """

    rows: pd.Index
    unit: IntArray
    unit_labels: np.ndarray
    urban: BoolArray
    income: IntArray
    deprived: Mapping[str, BoolArray]
    packed: tuple[tuple[npt.NDArray[np.uint8], int], ...]
    deprivations: npt.NDArray[np.uint8]
    weight: IntArray | None
    excluded: pd.Index

    def __len__(self) -> int:
        return len(self.rows)


def _examples(frame: pd.DataFrame, mask: BoolArray) -> tuple[object, ...]:
    positions = np.flatnonzero(mask)[:EXAMPLES]
    return tuple(frame.index[positions].tolist())


class _Collector:
    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.problems: list[TableProblem] = []

    def column(self, column: str, reason: str) -> None:
        self.problems.append(TableProblem(column, reason))

    def rows(self, column: str, reason: str, mask: BoolArray) -> None:
        count = int(np.count_nonzero(mask))
        if count:
            examples = _examples(self.frame, mask)
            self.problems.append(TableProblem(column, reason, count, examples))


def duplicate_columns(table: pd.DataFrame, names: Collection[object]) -> list[TableProblem]:
    """A problem for each of ``names`` that more than one column of ``table`` bears."""
    if table.columns.is_unique:
        return []
    repeated = table.columns[table.columns.duplicated()]
    return [
        TableProblem(
            str(name),
            _(
                "duplicate column name ({n} columns bear it)",
                n=int((table.columns == name).sum()),
            ),
        )
        for name in dict.fromkeys(names)
        if name in repeated
    ]


def require_frame(table: object, what: str | None = None) -> None:
    """Refuse anything but a DataFrame before a column of it is looked at; ``what`` names it
    (a message; by default "a household table")."""
    if not isinstance(table, pd.DataFrame):
        raise HouseholdArgumentError(
            _(
                "{what} must be a pandas DataFrame, not {type}",
                what=_("a household table") if what is None else what,
                type=type(table).__name__,
            )
        )


def _is_integer(series: pd.Series) -> bool:
    return pd.api.types.is_integer_dtype(series.dtype) and not pd.api.types.is_bool_dtype(
        series.dtype
    )


def _na(series: pd.Series) -> BoolArray:
    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "biu":  # cannot hold a missing value
        return np.zeros(len(series), dtype=bool)
    if isinstance(dtype, pd.CategoricalDtype):
        return np.asarray(series.cat.codes.to_numpy() < 0, dtype=bool)
    return np.asarray(series.isna().to_numpy(), dtype=bool)


def _integers(series: pd.Series) -> IntArray:
    """The integer values of ``series`` (0 where missing), without a float round trip."""
    if isinstance(series.dtype, np.dtype):  # a numpy integer column has no missing value
        return np.asarray(series.to_numpy(), dtype=np.int64)
    return np.asarray(series.to_numpy(dtype=np.int64, na_value=0), dtype=np.int64)


def _check_unit(
    out: _Collector, name: str, series: pd.Series, units: Collection[object] | None
) -> tuple[IntArray, np.ndarray] | None:
    """The unit positions of the rows (see :func:`unit_positions`), checked against ``units``."""
    dtype = series.dtype
    textual = isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(dtype)
    if not (_is_integer(series) or textual or dtype is np.dtype(object)):
        out.column(name, _("must hold integer or text unit codes, not {dtype}", dtype=str(dtype)))
        return None
    present = ~_na(series)
    if not present.all():
        return None  # reported as missing; positions are taken after rows are excluded
    codes, labels = unit_positions(series)
    if units is not None:
        listed = list(units)
        unknown = ~np.asarray(pd.Index(labels).isin(listed), dtype=bool)
        if unknown.any():  # only then a pass over the rows, to count them and find examples
            out.rows(name, _unknown_reason(series, listed), unknown[codes])
    return codes, labels


def _unknown_reason(series: pd.Series, units: list[object]) -> Message:
    """Why codes are unknown; where the table's codes are numbers and the list's text, that."""
    if _is_integer(series) and units and all(isinstance(u, str) for u in units):
        return _(
            "unknown unit code (the table's codes are numbers, the unit list's are text: "
            "save the codes as text, which keeps their leading zeros)"
        )
    return _("unknown unit code")


def _check_area(out: _Collector, name: str, series: pd.Series) -> None:
    reason = _("must be one of {areas}", areas=tuple(map(repr, AREAS)))
    if isinstance(series.dtype, pd.CategoricalDtype):
        wrong = [n for n, c in enumerate(series.cat.categories) if c not in AREAS]
        if wrong:
            out.rows(name, reason, np.isin(series.cat.codes.to_numpy(), wrong))
        return
    present = ~_na(series)
    good = np.asarray(series.isin(AREAS).to_numpy(), dtype=bool)
    out.rows(name, reason, present & ~good)


def _check_count(  # noqa: PLR0917  (private; the call sites read as a table of checks)
    out: _Collector, name: str, series: pd.Series, low: int, high: int | None, what: Message
) -> IntArray | None:
    if not _is_integer(series):
        reason = _("must hold {what} (integers), not {dtype}", what=what, dtype=str(series.dtype))
        out.column(name, reason)
        return None
    valid = ~_na(series)
    values = _integers(series)
    out.rows(name, _("must be >= {low}", low=low), valid & (values < low))
    if high is not None:
        out.rows(name, _("must be <= {high}", high=high), valid & (values > high))
    return values


MAX_WEIGHT_SUM = 1 << 53
"""The bound of a table's (or a chunk's) total weight: float64 adds integers exactly below it."""


def exact_sum(values: IntArray) -> int:
    """The sum of non-negative int64 ``values``, exactly, as a Python int.

    Summed as two halves of 32 bits each, neither of which can wrap below 2**31 rows (an int64
    sum of weights of 2**61 wraps at the fourth).
    """
    high = int(np.sum(values >> 32, dtype=np.int64))
    low = int(np.sum(values & 0xFFFFFFFF, dtype=np.int64))
    return (high << 32) + low


def check_weights(out: _Collector, name: str, series: pd.Series) -> IntArray | None:
    """Integer weights, >= 0, whose sum is below 2**53: float64 adds them exactly there.

    The weighted sums (:func:`_af.bincount_sums`) are ``bincount`` sums in float64; the total
    is checked in exact integers first.  A missing weight is 0 here; the caller reports it.
    """
    before = len(out.problems)
    values = _check_count(out, name, series, 0, None, _("weights"))
    if values is not None and len(out.problems) == before:
        total = exact_sum(values)
        if total >= MAX_WEIGHT_SUM:
            out.column(name, _("must sum to less than 2**53, not {total}", total=total))
    return values


def weights_of(
    frame: pd.DataFrame, series: pd.Series
) -> tuple[IntArray | None, list[TableProblem]]:
    """:func:`check_weights` of a weight column of ``frame``, missing values reported too."""
    out = _Collector(frame)
    values = check_weights(out, str(series.name), series)
    return values, out.problems + missing_values(frame, series)


def missing_values(frame: pd.DataFrame, series: pd.Series) -> list[TableProblem]:
    """The problem of the rows of ``frame`` whose value in ``series`` is missing, if any."""
    out = _Collector(frame)
    out.rows(str(series.name), _("missing value"), _na(series))
    return out.problems


def _check_indicator(out: _Collector, name: str, series: pd.Series) -> BoolArray | None:
    if series.dtype == np.dtype(bool):  # a numpy column: no copy, no missing value
        return np.asarray(series.to_numpy(), dtype=bool)
    if pd.api.types.is_bool_dtype(series.dtype):
        return np.asarray(series.to_numpy(dtype=bool, na_value=False), dtype=bool)
    if _is_integer(series):
        valid = ~_na(series)
        values = _integers(series)
        wrong = valid & (values != 0) & (values != 1)
        out.rows(name, _("must be 0 or 1 (or True or False)"), wrong)
        return np.asarray(values == 1, dtype=bool)
    out.column(name, _("must hold booleans (or 0 and 1), not {dtype}", dtype=str(series.dtype)))
    return None


def _small_codes(values: npt.NDArray[np.intp]) -> BoolArray | None:
    """Which codes occur, for non-negative codes below a bound; ``None`` for others."""
    if not len(values):
        return None
    try:
        counted = np.bincount(values)  # refuses negative values; finds the largest itself
    except ValueError:
        return None
    if len(counted) > max(4 * len(values), 1 << 20):
        return None
    return np.asarray(counted > 0, dtype=bool)


def unit_positions(series: pd.Series) -> tuple[IntArray, np.ndarray]:
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = np.asarray(series.cat.codes.to_numpy(), dtype=np.int64)
        return codes, np.asarray(series.cat.categories.to_numpy())
    if _is_integer(series):
        values = np.asarray(series.to_numpy(), dtype=np.intp)
        # Small non-negative codes (Vietnam's are five digits) are made dense by a lookup
        # table rather than by hashing: one counting pass and one gather.
        seen = _small_codes(values)
        if seen is not None:
            dense = np.cumsum(seen, dtype=np.int64) - 1
            return dense[values], np.flatnonzero(seen)
    codes, labels = pd.factorize(series, sort=True)
    return np.asarray(codes, dtype=np.int64), np.asarray(labels)


@attrs.define
class _Plan:
    """Which columns a table must have, by their names here and in the table."""

    rename: dict[str, str]
    standard: PovertyStandard
    required: list[str]
    weight: str | None
    use_count: bool = False

    def col(self, key: str) -> str:
        return key if key == self.weight else self.rename.get(key, key)


def _plan_columns(out: _Collector, table: pd.DataFrame, plan: _Plan) -> None:
    """Report mappings and columns that are missing; decide between indicators and a count."""
    indicator_ids = [i.id for i in plan.standard.indicators]
    for key in sorted(set(plan.rename) - {UNIT, AREA, INCOME, DEPRIVATIONS, *indicator_ids}):
        try:
            plan.standard.indicator(key)
        except KeyError as error:
            reason = _(
                "is mapped from {key!r}, not a column name: {error}",
                key=key,
                error=error.args[0] if error.args else str(error),
            )
            out.column(plan.rename[key], reason)
    has_all = all(plan.col(i) in table.columns for i in indicator_ids)
    plan.use_count = not has_all and plan.col(DEPRIVATIONS) in table.columns
    if not has_all and not plan.use_count:
        for i in indicator_ids:
            if plan.col(i) not in table.columns:
                out.column(
                    plan.col(i),
                    _(
                        "missing column: an indicator of {standard} (or give a {column!r} "
                        "column with the count of deprivations)",
                        standard=plan.standard.id,
                        column=plan.col(DEPRIVATIONS),
                    ),
                )
    for key in plan.required:
        if plan.col(key) not in table.columns:
            out.column(plan.col(key), _("missing column"))
    if plan.weight is not None and plan.weight not in table.columns:
        out.column(plan.weight, _("missing column (the weight)"))


@attrs.define
class _Values:
    checked: dict[str, pd.Series] = attrs.Factory(dict)
    income: IntArray | None = None
    deprived: dict[str, BoolArray] = attrs.Factory(dict)
    count: IntArray | None = None
    weight: IntArray | None = None
    positions: tuple[IntArray, np.ndarray] | None = None


def _check_values(
    out: _Collector, table: pd.DataFrame, plan: _Plan, units: Collection[object] | None
) -> _Values:
    found = _Values()
    for key in plan.required:
        if plan.col(key) in table.columns:
            found.checked[key] = table[plan.col(key)]
    if UNIT in found.checked:
        found.positions = _check_unit(out, plan.col(UNIT), found.checked[UNIT], units)
    if AREA in found.checked:
        _check_area(out, plan.col(AREA), found.checked[AREA])
    if INCOME in found.checked:
        found.income = _check_count(out, plan.col(INCOME), found.checked[INCOME], 0, None, _("VND"))
    indicator_ids = [i.id for i in plan.standard.indicators]
    if plan.use_count:
        series = found.checked[DEPRIVATIONS] = table[plan.col(DEPRIVATIONS)]
        high = len(indicator_ids)
        found.count = _check_count(out, plan.col(DEPRIVATIONS), series, 0, high, _("counts"))
    elif all(plan.col(i) in table.columns for i in indicator_ids):
        for i in indicator_ids:
            series = found.checked[i] = table[plan.col(i)]
            values = _check_indicator(out, plan.col(i), series)
            if values is not None:
                found.deprived[i] = values
    if plan.weight is not None and plan.weight in table.columns:
        series = found.checked[plan.weight] = table[plan.weight]
        found.weight = check_weights(out, plan.weight, series)
    return found


def _urban(area: pd.Series) -> BoolArray:
    if isinstance(area.dtype, pd.CategoricalDtype):
        categories = list(area.cat.categories)
        code = categories.index("urban") if "urban" in categories else -2
        return np.asarray(area.cat.codes.to_numpy() == code, dtype=bool)
    return np.asarray((area == "urban").to_numpy(dtype=bool, na_value=False), dtype=bool)


def _check_arguments(  # noqa: PLR0917  (private: prepare's arguments, in its order)
    table: pd.DataFrame,
    standard: PovertyStandard,
    columns: Mapping[str, str] | None,
    required: list[str],
    weight: str | None,
    missing: Missing,
) -> _Plan:
    """Refuse arguments of the wrong kind and names that mean two columns, before any value."""
    if missing not in ("error", "exclude"):
        raise HouseholdArgumentError(
            _("missing must be 'error' or 'exclude', not {missing!r}", missing=missing)
        )
    require_frame(table)
    given: object = columns
    if given is not None and not isinstance(given, Mapping):
        raise HouseholdArgumentError(
            _("columns must be a mapping of names, not {type}", type=type(given).__name__)
        )
    plan = _Plan(dict(columns or {}), standard, required, weight)
    used = [plan.col(k) for k in [*required, DEPRIVATIONS, *(i.id for i in standard.indicators)]]
    repeated = duplicate_columns(table, [*used, *([weight] if weight else [])])
    if repeated:  # a name that means two columns: none of its values can be read
        raise HouseholdTableError(repeated)
    return plan


def prepare(
    table: pd.DataFrame,
    standard: PovertyStandard,
    *,
    columns: Mapping[str, str] | None = None,
    units: Collection[object] | None = None,
    weight: str | None = None,
    missing: Missing = "error",
    need_unit: bool = True,
) -> Households:
    """Validate ``table`` against ``standard`` and return its arrays (see the public docs)."""
    required = [AREA, INCOME] + ([UNIT] if need_unit else [])
    plan = _check_arguments(table, standard, columns, required, weight, missing)
    out = _Collector(table)
    _plan_columns(out, table, plan)
    found = _check_values(out, table, plan, units)
    absent = np.zeros(len(table), dtype=bool)
    for key, series in found.checked.items():
        na = _na(series)  # all False for a column that cannot hold a missing value
        if missing == "error":
            out.rows(plan.col(key), _("missing value"), na)
        absent |= na
    if out.problems:
        raise HouseholdTableError(out.problems)

    keep = ~absent
    everything = bool(keep.all())
    n_kept = int(keep.sum())

    def kept(values: np.ndarray) -> np.ndarray:
        return values if everything else values[keep]

    if need_unit and found.positions is not None:  # checked over every row already
        codes, unit_labels = found.positions
        unit = kept(codes)
    elif need_unit:
        unit, unit_labels = unit_positions(found.checked[UNIT][keep])
        if units is not None:  # rows with a missing value were left out of the check above
            unknown = ~np.asarray(pd.Index(unit_labels).isin(list(units)), dtype=bool)
            rows = np.zeros(len(table), dtype=bool)
            rows[keep] = unknown[unit]
            out.rows(plan.col(UNIT), _("unknown unit code"), rows)
            if out.problems:
                raise HouseholdTableError(out.problems)
    else:
        unit, unit_labels = np.zeros(n_kept, dtype=np.int64), np.array([None])
    deprived = {i: kept(v) for i, v in found.deprived.items()}
    packed = _af.pack(list(deprived.values()), n_kept) if deprived else []
    if found.count is not None:
        counts = kept(found.count).astype(np.uint8)
    else:
        counts = _af.popcount(packed, n_kept)
    return Households(
        rows=table.index if everything else table.index[keep],
        unit=unit,
        unit_labels=unit_labels,
        urban=kept(_urban(found.checked[AREA])),
        income=kept(found.income) if found.income is not None else np.zeros(0, dtype=np.int64),
        deprived=deprived,
        packed=tuple(packed),
        deprivations=counts,
        weight=kept(found.weight) if found.weight is not None else None,
        excluded=table.index[absent],
    )


def deprivation_frame(
    frame: pd.DataFrame, indicators: Sequence[str]
) -> tuple[dict[str, BoolArray], list[TableProblem]]:
    """The boolean indicator columns of ``frame`` for the AF measures, with their problems."""
    out = _Collector(frame)
    out.problems += duplicate_columns(frame, indicators)
    if out.problems:
        return {}, out.problems
    values: dict[str, BoolArray] = {}
    for name in indicators:
        if name not in frame.columns:
            out.column(str(name), _("missing column"))
            continue
        series = frame[name]
        checked = _check_indicator(out, str(name), series)
        out.rows(str(name), _("missing value"), _na(series))
        if checked is not None:
            values[name] = checked
    return values, out.problems
