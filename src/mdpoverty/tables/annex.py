"""Tables derived from a plan.  The annex is the first: poverty targets per unit.

Every number in these tables is derived from the plan's counts and targets, never copied from
the printed values the plan also holds; :func:`mdpoverty.check` compares the two.

How the annex is computed (the rules the printed annexes follow):

* start rate = poor households ÷ households × 100, half-up to 2 decimals;
* end rate = (poor households − reduction) ÷ households × 100, half-up to 2 decimals;
* rate reduction (percentage points) = start rate − end rate, both as rounded: the printed
  column is the difference of the printed rates, not the reduction ÷ households;
* the total row sums the counts and recomputes its rates from the sums; it never averages.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

import attrs
import pandas as pd

from mdpoverty.model.plan import Plan
from mdpoverty.model.targets import Measure
from mdpoverty.values.numbers import rate
from mdpoverty.values.quantities import Quantity

__all__ = ["ANNEX_COLUMNS", "TOTAL", "AnnexRow", "annex", "annex_rows", "derive_row"]

Lang = Literal["vi", "en"]

TOTAL = "total"
"""The index label of the total row of :func:`annex`."""


@attrs.frozen
class AnnexRow:
    """One derived row of the annex (a unit, or the total when ``unit`` is ``None``).

    ``reduction`` and the end values are ``None`` when the unit has no reduction target; they
    are ranges (:class:`~mdpoverty.values.quantities.Quantity`) when its target is a range.
    """

    label: str
    unit: str | None
    number: int | None
    households: int
    poor_households: int
    start_rate: Decimal
    reduction: Quantity | None
    rate_reduction: Quantity | None
    end_rate: Quantity | None


def derive_row(
    label: str,
    households: int,
    poor_households: int,
    reduction: Quantity | None,
    *,
    unit: str | None = None,
    number: int | None = None,
) -> AnnexRow:
    """The annex row of these counts, every rate derived as the module describes."""
    start = rate(poor_households, households)
    if reduction is None:
        return AnnexRow(label, unit, number, households, poor_households, start, None, None, None)
    end = reduction.map(lambda r: rate(poor_households - int(r), households))
    points = end.map(lambda e: start - e)
    return AnnexRow(label, unit, number, households, poor_households, start, reduction, points, end)


def _total_reduction(reductions: Sequence[Quantity | None]) -> Quantity | None:
    if not reductions or any(r is None for r in reductions):
        return None
    return Quantity(
        sum(int(r.low) for r in reductions if r is not None),
        sum(int(r.high) for r in reductions if r is not None),
    )


def annex_rows(plan: Plan) -> tuple[AnnexRow, ...]:
    """The derived annex of ``plan``: a row per unit in the plan's order, then the total row.

    A unit's reduction is its plan-year poor-household reduction target.  Labels are the
    annex's printed labels where the plan has a printed annex, else the units' names.
    """
    labels = {row.unit: row.label for row in plan.annex.rows} if plan.annex else {}
    targets = plan.unit_targets(Measure.REDUCTION)
    rows = []
    for number, unit in enumerate(plan.units, start=1):
        target = targets.get(unit.id)
        rows.append(
            derive_row(
                labels.get(unit.id, unit.name),
                unit.households,
                unit.poor_households,
                None if target is None else target.value,
                unit=unit.id,
                number=number,
            )
        )
    total_label = plan.annex.total.label if plan.annex and plan.annex.total else "Tổng số"
    total = derive_row(
        total_label,
        sum(r.households for r in rows),
        sum(r.poor_households for r in rows),
        _total_reduction([r.reduction for r in rows]),
    )
    return (*rows, total)


def _columns(year: int) -> dict[str, dict[Lang, str]]:
    return {
        "number": {"vi": "STT", "en": "No."},
        "label": {"vi": "Tên đơn vị", "en": "Unit"},
        "households": {
            "vi": f"Tổng số hộ dân đầu năm {year} (hộ)",
            "en": f"Households at the start of {year}",
        },
        "poor_households": {
            "vi": f"Số hộ nghèo đầu năm {year}",
            "en": f"Poor households at the start of {year}",
        },
        "start_rate": {
            "vi": f"Tỷ lệ hộ nghèo đầu năm {year}(%)",
            "en": f"Poverty rate at the start of {year} (%)",
        },
        "reduction": {"vi": "Giảm số hộ nghèo (hộ)", "en": "Reduction in poor households"},
        "rate_reduction": {
            "vi": "Giảm tỷ lệ hộ nghèo (%)",
            "en": "Reduction of the poverty rate (points)",
        },
        "end_rate": {
            "vi": f"Tỷ lệ hộ nghèo cuối năm {year} (%)",
            "en": f"Poverty rate at the end of {year} (%)",
        },
    }


ANNEX_COLUMNS = tuple(_columns(0))
"""The fields of :class:`AnnexRow` that :func:`annex` shows, in the printed order."""


def _cell(value: object) -> object:
    if isinstance(value, Quantity):
        return value.low if value.is_exact else value
    return value


def annex(plan: Plan, lang: Lang = "vi") -> pd.DataFrame:
    """The annex of ``plan`` as a DataFrame: a row per unit in printed order, then the total.

    Columns are the printed ones, with Vietnamese (``lang="vi"``) or English headers.  Counts
    are ints, rates Decimals; a ranged target gives a :class:`~mdpoverty.values.quantities.Quantity`.
    The index holds the unit ids and :data:`~mdpoverty.tables.annex.TOTAL` for the total row; the
    title is in ``DataFrame.attrs["title"]``.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> table = annex(bac_kan_2024())
    >>> table.loc["total", "Tỷ lệ hộ nghèo cuối năm 2024 (%)"]
    Decimal('1.86')
    """
    headers = _columns(plan.year)
    rows = annex_rows(plan)
    frame = pd.DataFrame(
        {
            headers[field][lang]: pd.Series(
                [_cell(getattr(row, field)) for row in rows],
                dtype="Int64" if field == "number" else object,
            )
            for field in ANNEX_COLUMNS
        }
    )
    for field in ("households", "poor_households"):
        frame[headers[field][lang]] = frame[headers[field][lang]].astype("int64")
    frame.index = pd.Index([row.unit or TOTAL for row in rows], name="unit")
    if lang == "en" and rows:
        frame.iloc[-1, 1] = "Total"
    frame.attrs["title"] = _title(plan, lang)
    return frame


def _title(plan: Plan, lang: Lang) -> str:
    if lang == "vi":
        if plan.annex is not None:
            return plan.annex.title
        return f"MỤC TIÊU PHẤN ĐẤU GIẢM TỶ LỆ HỘ NGHÈO NĂM {plan.year}"
    return f"Targets for reducing the poverty rate in {plan.year}"
