"""Deficit targets by dimension and units grouped by kind, for one plan."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import pandas as pd

from mdpoverty.aggregate import _sums as _ag
from mdpoverty.aggregate._faces import checked as _checked
from mdpoverty.aggregate._faces import faced
from mdpoverty.errors import Problem, UnknownNameError, ValidationError
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model._derived import derived
from mdpoverty.model.document import Document
from mdpoverty.model.targets import DeficitIndicator, IndicatorKind
from mdpoverty.model.units import UnitKind
from mdpoverty.reference.standards import poverty_standard, standard_of
from mdpoverty.tables.annex import TOTAL, TOTAL_MESSAGE, AnnexRow, UnitSum, shown, unit_reductions
from mdpoverty.tables.shape import Labels

DEFICIT_COLUMNS = (
    "dimension",
    "dimension_name",
    "indicator",
    "kind",
    "subject",
    "groups",
    "condition",
    "comparison",
    "value",
    "section",
    "text",
)
"""The columns of :func:`deficit_targets`."""


# -- targets and units of one plan -----------------------------------------------------------


def dimension_names(plan: Document) -> tuple[Mapping[str | None, int], Mapping[str, str]]:
    try:
        standard = standard_of(plan)
    except UnknownNameError:
        return MappingProxyType({None: 0}), MappingProxyType({})
    return _standard_dimensions(standard.id)


@functools.cache
def _standard_dimensions(standard_id: str) -> tuple[Mapping[str | None, int], Mapping[str, str]]:
    """The rank of each dimension of the standard (general results first) and its name."""
    standard = poverty_standard(standard_id)
    ranks: dict[str | None, int] = {None: 0}
    ranks.update({d.id: n for n, d in enumerate(standard.dimensions, start=1)})
    return MappingProxyType(ranks), MappingProxyType({d.id: d.name for d in standard.dimensions})


def deficit_rows(plan: Document) -> list[DeficitIndicator]:
    """The plan's deficit indicators: general results first, then by the order of the
    dimensions in its standard, each in the plan's order."""
    return [d for d, _rank in ranked_deficits(plan)]


def ranked_deficits(plan: Document) -> list[tuple[DeficitIndicator, int]]:
    """:func:`deficit_rows`, each with the rank of its dimension in the plan's standard: one
    look-up of the standard (the cost, for a roll-up that reads every plan's)."""
    ranks, _names = dimension_names(plan)
    last = len(ranks)
    found = [(d, ranks.get(d.dimension, last)) for d in plan.deficit_indicators]
    found.sort(key=_second)  # stable: the plan's order within a dimension
    return found


def _second(pair: tuple[DeficitIndicator, int]) -> int:
    return pair[1]


_QUALITATIVE = IndicatorKind.QUALITATIVE


def deficit_cell(indicator: DeficitIndicator) -> object:
    """How a table of targets side by side shows ``indicator``'s value: as
    :func:`deficit_targets` shows it, or ``"qualitative"`` for a qualitative target."""
    return _QUALITATIVE.value if indicator.kind is _QUALITATIVE else shown(indicator.value)


def deficit_targets(
    plan: Document, *, total: bool = False, labels: Labels = "fields", lang: Lang = "vi"
) -> pd.DataFrame:
    """The plan's deficit-indicator targets (II.2), by dimension of its poverty standard.

    One row per :class:`~mdpoverty.DeficitIndicator`: general results (no dimension) first,
    then by the order of the dimensions in the plan's standard, each in the plan's order.
    There is no total row: targets about different populations do not add up (``total``
    must be ``False``; it is taken so that every table function takes the same switches).

    Index ``id``; columns (:data:`DEFICIT_COLUMNS`): ``dimension`` and ``indicator`` (ids in
    the standard, or ``None``), ``dimension_name`` (the standard's name, ``""`` if none),
    ``kind`` (``share``, ``count`` or ``qualitative``), ``subject`` (whom it counts),
    ``groups`` (household groups, comma-separated), ``condition``, ``comparison``
    (``at-least``, ``exactly``, ``at-most``), ``value`` (a share in percent as a Decimal, a
    count as an int, a :class:`~mdpoverty.Quantity` for a range, ``None`` if qualitative),
    ``section`` and ``text`` as printed.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> table = deficit_targets(bac_kan_2024())
    >>> sorted(set(table["dimension"].dropna()))
    ['education', 'employment', 'health', 'housing', 'information', 'water-sanitation']
    >>> table.loc[table["kind"] == "count", ["comparison", "value"]].to_dict("records")
    [{'comparison': 'at-least', 'value': 50}]
    """
    _checked("deficit_targets", plan, labels=labels, lang=lang, total=total)
    if total:
        reason = _("must be False: deficit targets about different populations do not add up")
        raise ValidationError([Problem("deficit_targets", "total", total, reason)])
    _kinds, names = dimension_names(plan)
    rows = deficit_rows(plan)
    data = {
        "dimension": [d.dimension for d in rows],
        "dimension_name": [names.get(d.dimension or "", "") for d in rows],
        "indicator": [d.indicator for d in rows],
        "kind": [d.kind.value for d in rows],
        "subject": [d.population.subject.value for d in rows],
        "groups": [",".join(g.value for g in d.population.groups) for d in rows],
        "condition": [d.population.condition for d in rows],
        "comparison": [d.comparison.value for d in rows],
        "value": [shown(d.value) for d in rows],
        "section": [d.section for d in rows],
        "text": [d.text for d in rows],
    }
    frame = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in data.items()})
    frame.index = pd.Index([d.id for d in rows], name="id", dtype=object)
    return faced(frame, "deficit_targets", plan, labels=labels, lang=lang, total=False)


def kind_sums(plans: Iterable[Document]) -> dict[UnitKind, UnitSum]:
    """The units of ``plans`` summed by kind (a sum of one's own, to change at will)."""
    sums: dict[UnitKind, UnitSum] = {}
    for plan in plans:
        for kind, part in plan_kind_sums(plan).items():
            sums.setdefault(kind, UnitSum()).merge(part)
    return sums


def plan_kind_sums(plan: Document) -> Mapping[UnitKind, UnitSum]:
    """The plan's units summed by kind (near-poor households too), in one pass over its units,
    derived once per plan: every table of units of a roll-up (by plan, by kind, the total)
    merges these rather than going through the units again.  Merge a sum into one of your
    own, never change it."""

    def by_kind() -> Mapping[UnitKind, UnitSum]:
        sums: dict[UnitKind, UnitSum] = {}
        for unit, reduction in unit_reductions(plan):
            part = sums.get(unit.kind)
            if part is None:
                part = sums[unit.kind] = UnitSum()
            part.add(unit.households, unit.poor_households, reduction, unit.near_poor_households)
        return MappingProxyType(sums)

    return derived(plan, "unit sums by kind", by_kind)


def plan_sum(plan: Document) -> UnitSum:
    """The sum of every unit of ``plan`` (a sum of one's own, to change at will)."""
    whole = UnitSum()
    for part in plan_kind_sums(plan).values():
        whole.merge(part)
    return whole


_KIND_LABEL: dict[UnitKind, Message] = {
    UnitKind.COUNTRY: _("the whole country"),
    UnitKind.PROVINCE: _("province"),
    UnitKind.MUNICIPALITY: _("centrally governed city"),
    UnitKind.CITY: _("provincial city"),
    UnitKind.TOWN: _("district-level town"),
    UnitKind.URBAN_DISTRICT: _("urban district"),
    UnitKind.DISTRICT: _("rural district"),
    UnitKind.WARD: _("ward"),
    UnitKind.COMMUNE: _("commune"),
    UnitKind.TOWNSHIP: _("township"),
    UnitKind.SPECIAL_ZONE: _("special zone"),
}
"""The label of a kind of unit in a table of kinds (said in the table's language)."""


def kind_frame(sums: Mapping[UnitKind, UnitSum], *, total: bool, lang: Lang = "vi") -> pd.DataFrame:
    kinds = [k for k in UnitKind if k in sums]
    rows: list[tuple[str, dict[str, object], int, AnnexRow]] = [
        (kind.value, {}, sums[kind].n, sums[kind].row(localize(_KIND_LABEL[kind], lang)))
        for kind in kinds
    ]
    if total:
        grand = UnitSum()
        for s in sums.values():
            grand.merge(s)
        rows.append((TOTAL, {}, grand.n, grand.row(localize(TOTAL_MESSAGE, lang))))
    return _ag.unit_frame(rows, [], "kind")


def units_by_kind(
    plan: Document, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
) -> pd.DataFrame:
    """The plan's units grouped by kind (phường, xã, thị trấn, …), counts summed.

    Each group's rates are derived from its summed counts and summed reduction targets by the
    annex's rule (:func:`mdpoverty.tables.annex.derive_row`); a group has a reduction only when each
    of its units has one.  The total row is the annex's total row.  One row per kind present,
    in the order of :class:`~mdpoverty.UnitKind`.

    Index ``kind`` (the kind's value); columns (:data:`UNIT_COLUMNS`): ``label`` (the kind, in
    ``lang``), ``units``, ``households``, ``poor_households`` (Int64), ``start_rate``,
    ``reduction``, ``rate_reduction``, ``end_rate`` (object: Decimal rates, an int reduction,
    a Quantity where a target is a range, ``None`` where there is no target).

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> table = units_by_kind(bac_kan_2024())
    >>> columns = ["units", "households", "poor_households", "start_rate", "reduction", "end_rate"]
    >>> table[columns]  # doctest: +NORMALIZE_WHITESPACE
             units  households  poor_households start_rate reduction end_rate
    kind
    ward         6       10502              178       1.69        10     1.60
    commune      2        1779               63       3.54         3     3.37
    total        8       12281              241       1.96        13     1.86
    """
    _checked("units_by_kind", plan, labels=labels, lang=lang, total=total)
    frame = kind_frame(kind_sums([plan]), total=total, lang=lang)
    return faced(frame, "units_by_kind", plan, labels=labels, lang=lang, total=total)
