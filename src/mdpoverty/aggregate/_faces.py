"""The printed face and the ``attrs`` of the aggregation's tables (see
:mod:`mdpoverty.tables.shape`).

The aggregation's tables are made with field names; ``labels="printed"`` gives them headers in
the reader's language, for a table pasted into a report.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping, Sequence
from decimal import Decimal

import pandas as pd

from mdpoverty.errors import Problem, ValidationError
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model.document import Document
from mdpoverty.tables.shape import (
    HOUSEHOLDS,
    MILLION_VND,
    PERCENT,
    POINTS,
    Labels,
    check_switches,
    document_name,
    table_attrs,
)

_HEADERS: dict[str, Message] = {
    "declared": _("Declared total"),
    "central": _("Central budget"),
    "local": _("Local budget"),
    "policy_credit": _("Policy credit"),
    "integrated": _("Integrated"),
    "mobilised": _("Mobilised"),
    "other": _("Other sources"),
    "sources": _("Sum of sources"),
    "amount": _("Amount"),
    "share": _("Share (%)"),
    "statements": _("Funding statements"),
    "name": _("Name"),
    "level": _("Level"),
    "plan": _("Plan"),
    "kind": _("Kind"),
    "label": _("Unit"),
    "units": _("Units"),
    "households": _("Households at the start of the year"),
    "poor_households": _("Poor households at the start of the year"),
    "start_rate": _("Poverty rate at the start of the year (%)"),
    "reduction": _("Reduction in poor households"),
    "rate_reduction": _("Reduction of the poverty rate (points)"),
    "end_rate": _("Poverty rate at the end of the year (%)"),
    "dimension": _("Dimension"),
    "dimension_name": _("Dimension name"),
    "indicator": _("Indicator"),
    "subject": _("Subject"),
    "groups": _("Household groups"),
    "condition": _("Condition"),
    "comparison": _("Comparison"),
    "value": _("Target value"),
    "section": _("Section"),
    "text": _("Text"),
}
"""The printed header of each field of the aggregation's tables (said in the table's language)."""

_UNITS = {
    "declared": MILLION_VND,
    "central": MILLION_VND,
    "local": MILLION_VND,
    "policy_credit": MILLION_VND,
    "integrated": MILLION_VND,
    "mobilised": MILLION_VND,
    "other": MILLION_VND,
    "sources": MILLION_VND,
    "amount": MILLION_VND,
    "share": PERCENT,
    "households": HOUSEHOLDS,
    "poor_households": HOUSEHOLDS,
    "start_rate": PERCENT,
    "reduction": HOUSEHOLDS,
    "rate_reduction": POINTS,
    "end_rate": PERCENT,
}


def faced(
    frame: pd.DataFrame,
    table: str,
    of: Document | Sequence[Document],
    *,
    labels: Labels,
    lang: Lang,
    total: bool,
    headers: Mapping[str, Message] | None = None,
    units: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """``frame`` (made with field names) with the headers ``labels`` asks for, and its attrs.

    ``headers`` and ``units`` add to (and take precedence over) the shared ones, for a table
    whose field means something else than in the funding and unit tables (a carried table's
    ``units`` lists the document's units; it is not a number of units).
    """
    names = {**_HEADERS, **(headers or {})}
    measures = {**_UNITS, **(units or {})}
    if isinstance(of, Document):
        document: str = document_name(of)
        year = of.year
    else:
        document = "roll-up of " + "; ".join(document_name(p) for p in of)
        year = of[0].year
    found = {c: measures[c] for c in frame.columns if isinstance(c, str) and c in measures}
    money = [c for c, unit in found.items() if unit == MILLION_VND]
    if money:
        frame = frame.assign(**{c: one_scale(frame[c]) for c in money})
    if labels == "printed":
        frame = frame.rename(
            columns=lambda c: localize(names[c], lang) if isinstance(c, str) and c in names else c
        )
    frame.attrs.update(
        table_attrs(table, document, year, lang=lang, labels=labels, total=total, units=found)
    )
    return frame


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def one_scale(column: pd.Series) -> pd.Series:
    """``column``'s Decimals written with one number of decimals: the most any of them has.

    A sum of Decimals keeps the most decimals of its addends (``7765.5 + 0.5`` is ``7766.0``),
    so in a column of sums the largest number of decimals is the largest printed in the
    column's inputs.  Every Decimal is written with that many (``284`` becomes ``284.0``
    beside ``7766.0``): the value is the same, only trailing zeros are added, never a digit
    rounded away (the context traps any rounding).  Other cells (blanks, a range) are kept.
    """
    values = column.tolist()
    decimals = [_decimals(v) for v in values if isinstance(v, Decimal) and v.is_finite()]
    if not decimals:
        return column
    most = max(decimals)
    scale = Decimal(1).scaleb(-most)
    out = []
    for value in values:
        if isinstance(value, Decimal) and value.is_finite():
            digits = len(value.as_tuple().digits) + most + max(value.adjusted(), 0)
            exact = decimal.Context(
                prec=max(digits, 28), traps=[decimal.Inexact, decimal.InvalidOperation]
            )
            out.append(value.quantize(scale, context=exact))
        else:
            out.append(value)
    return pd.Series(out, index=column.index, name=column.name, dtype=column.dtype)


def checked(function: str, plan: object, *, labels: object, lang: object, total: object) -> None:
    """Refuse, all at once, a ``plan`` that is not a document and switches out of their values."""
    problems = []
    if not isinstance(plan, Document):
        problems.append(Problem(function, "plan", plan, _("must be a Document")))
    try:
        check_switches(function, labels=labels, total=total, lang=lang)
    except ValidationError as error:
        problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)


def no_total(function: str, *, total: bool, reason: Message) -> None:
    """Refuse ``total=True`` on a table that has no total row, saying why (``reason``)."""
    if total:
        why = _("must be False: {reason}", reason=reason)
        raise ValidationError([Problem(function, "total", total, why)])
