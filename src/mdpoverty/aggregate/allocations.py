"""Funding as it is allocated: by kind of capital, by year and by unit (a commune's money).

Each table splits the counted funding (see :mod:`mdpoverty.aggregate`) along one axis of the
plan's funding cells (:mod:`mdpoverty.model.funding`): a statement gives each value it states
on the axis its cell — as printed, or else the sum of its printed parts — and what its whole
holds beyond those cells goes to the row :data:`NOT_STATED`.  So every table has the total of
:func:`~mdpoverty.aggregate.funding_by_source`; the ``NOT_STATED`` row is negative only where a
document's parts exceed their whole, which :func:`mdpoverty.check` reports.

A statement split over several rows counts once in the total row's ``statements``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from mdpoverty.aggregate import _sums as _ag
from mdpoverty.aggregate._faces import checked as _checked
from mdpoverty.aggregate._faces import faced
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model.document import Document
from mdpoverty.model.funding import AXES, CapitalKind, FundingKey
from mdpoverty.tables.shape import Labels

__all__ = ["NOT_STATED", "funding_by_capital", "funding_by_unit", "funding_by_year"]

NOT_STATED = "(not stated)"
"""The index label of funding that no cell places on the table's axis (no kind of capital,
year or unit stated)."""

_TOTAL = FundingKey()

_Rows = list[tuple[str | int, dict[str, object], _ag.FundingSum]]


def axis_sums(plans: Iterable[Document], axis: str) -> tuple[dict[object, _ag.FundingSum], int]:
    """The counted funding of ``plans`` split along ``axis`` (``capital``, ``year`` or
    ``unit``), by the axis's value, ``None`` for what no cell places on it; and the number of
    counted statements (one split over several rows counts once).

    A statement gives each value it states on the axis its cell (each as stated or from its
    parts), and what its whole holds beyond them to ``None``.  A statement of one kind of
    capital — its own or its nearest ancestor's — is wholly that kind.
    """
    index = AXES.index(axis)
    sums: defaultdict[object, _ag.FundingSum] = defaultdict(_ag.FundingSum)
    n = 0
    for plan in plans:
        for statement, cells, whole in _ag.plan_parts(plan):
            n += 1
            values = cells.parts(_TOTAL, index)
            if not values:
                sums[statement.capital if axis == "capital" else None].add(whole)
                continue
            parts = []
            for value in values:
                part = _ag.part_of(cells, _TOTAL.along(index, value))
                sums[value].add(part)
                parts.append(part)
            rest = _ag.remainder(whole, parts)
            if rest is not None:
                sums[None].add(rest)
    return dict(sums), n


def _frame(
    rows: _Rows, extra: Sequence[tuple[str, str]], index: str, n: int, *, total: bool
) -> pd.DataFrame:
    return _ag.funding_frame(rows, extra, index, total=total, statements=n)


_CAPITAL_NAME: dict[CapitalKind, Message] = {
    CapitalKind.RECURRENT: _("recurrent capital"),
    CapitalKind.INVESTMENT: _("investment capital"),
}


def capital_frame(
    sums: Mapping[object, _ag.FundingSum], n: int, *, total: bool, lang: Lang = "vi"
) -> pd.DataFrame:
    rows: _Rows = [
        (
            NOT_STATED if kind is None else kind.value,
            {"name": "" if kind is None else localize(_CAPITAL_NAME[kind], lang)},
            sums.get(kind, _ag.FundingSum()),
        )
        for kind in (*CapitalKind, None)
    ]
    return _frame(rows, [("name", "object")], "capital", n, total=total)


def funding_by_capital(
    plan: Document, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
) -> pd.DataFrame:
    """The plan's counted funding by kind of capital (vốn sự nghiệp, vốn đầu tư phát triển).

    A statement's kinds are the ones its cells state; a statement of one kind — its split's
    or else its nearest ancestor's — is wholly that kind; funding of no stated kind is under
    :data:`NOT_STATED`.  One row per kind of :class:`~mdpoverty.CapitalKind`, then
    ``NOT_STATED``, always (a kind with no funding has a row of zeros).

    Index ``capital`` (the kind's value); columns ``name`` (the kind, in ``lang``) then the
    funding columns of :mod:`mdpoverty.aggregate`.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> funding_by_capital(bac_kan_2024())["amount"].to_dict()
    {'recurrent': Decimal('62'), 'investment': Decimal('0'), '(not stated)': Decimal('4819'), 'total': Decimal('4881')}
    """  # noqa: E501  (a doctest's output is one line)
    _checked("funding_by_capital", plan, labels=labels, lang=lang, total=total)
    frame = capital_frame(*axis_sums([plan], "capital"), total=total, lang=lang)
    return faced(frame, "funding_by_capital", plan, labels=labels, lang=lang, total=total)


def year_frame(sums: Mapping[object, _ag.FundingSum], n: int, *, total: bool) -> pd.DataFrame:
    years = sorted(y for y in sums if isinstance(y, int))
    rows: _Rows = [(y, {}, sums[y]) for y in years]
    if None in sums:
        rows.append((NOT_STATED, {}, sums[None]))
    return _frame(rows, [], "year", n, total=total)


def funding_by_year(
    plan: Document, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
) -> pd.DataFrame:
    """The plan's counted funding by year of a multi-year plan, as its cells allocate it.

    One row per year some cell states (index ``year``, an int), in order, then
    :data:`NOT_STATED` where some funding is placed in no year; the funding columns of
    :mod:`mdpoverty.aggregate`.  A plan that allocates no year has the one row
    ``NOT_STATED``.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> funding_by_year(bac_kan_2024())["amount"].to_dict()
    {'(not stated)': Decimal('4881'), 'total': Decimal('4881')}
    """
    _checked("funding_by_year", plan, labels=labels, lang=lang, total=total)
    frame = year_frame(*axis_sums([plan], "year"), total=total)
    return faced(frame, "funding_by_year", plan, labels=labels, lang=lang, total=total)


def unit_frame(
    sums: Mapping[object, _ag.FundingSum],
    n: int,
    names: Mapping[str, str],
    *,
    total: bool,
) -> pd.DataFrame:
    order = {u: i for i, u in enumerate(names)}
    units = sorted((u for u in sums if isinstance(u, str)), key=lambda u: order.get(u, len(order)))
    rows: _Rows = [(u, {"name": names.get(u, "")}, sums[u]) for u in units]
    if None in sums:
        rows.append((NOT_STATED, {"name": ""}, sums[None]))
    return _frame(rows, [("name", "object")], "unit", n, total=total)


def unit_names(plans: Iterable[Document]) -> dict[str, str]:
    """Every unit's name by id, in the order of the plans' units (the first plan's name)."""
    names: dict[str, str] = {}
    for plan in plans:
        for u in plan.units:
            names.setdefault(u.id, u.name)
    return names


def funding_by_unit(
    plan: Document, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
) -> pd.DataFrame:
    """The plan's counted funding by the unit it is allocated to (a commune's allocation).

    One row per unit some cell allocates to (index ``unit``, the unit's id), in the order of
    ``plan.units``, then :data:`NOT_STATED` for funding allocated to no unit; columns ``name``
    (the unit's name) then the funding columns of :mod:`mdpoverty.aggregate`.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> funding_by_unit(bac_kan_2024())["amount"].to_dict()
    {'(not stated)': Decimal('4881'), 'total': Decimal('4881')}
    """
    _checked("funding_by_unit", plan, labels=labels, lang=lang, total=total)
    frame = unit_frame(*axis_sums([plan], "unit"), unit_names([plan]), total=total)
    return faced(frame, "funding_by_unit", plan, labels=labels, lang=lang, total=total)
