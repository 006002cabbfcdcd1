"""A plan seen from several sides, and many plans rolled up into one view, as tidy tables.

Funding by source, by project, by lead agency and by kind of capital; deficit targets by
dimension; units grouped by kind; and :func:`rollup`, which combines the plans of the
communes of a district or of the districts of a province.

Conventions shared by every table:

* **Money** is in million VND (triệu đồng), exact :class:`~decimal.Decimal` in ``object``
  columns; never float.
* **Shares** are percentages of the table's total, :class:`~decimal.Decimal` with 2 decimals,
  rounded half-up by :func:`mdpoverty.rate` (so the shares of a table may add up to 99.99 or
  100.01; each is the correctly rounded share of its own part).  The share of a zero total is
  zero.
* **Counts** are ``int64``; **rates** are Decimals with 2 decimals derived by
  :func:`mdpoverty.tables.annex.derive_row`, the one rule the annex uses: rates recomputed from
  summed counts, never averaged.  A reduction or a rate that is a range shows as a
  :class:`~mdpoverty.Quantity`; an exact one as its number.
* A **total row**, labelled ``"total"`` in the index, ends each table unless the caller
  passes ``total=False``.  It sums the rows above it.  (Deficit targets have none: targets
  about different populations do not add up.)

Which funding counts (each amount once): a plan states funding on a project, a sub-project or
an activity, and a parent's funding and its children's describe the same money.  A
component's :class:`~mdpoverty.FundingSplit` **counts when it states an amount and none of its
descendants states any**: the finest statements win, and a parent's funding stands in only
for a subtree that says nothing below it.  A plan-level ``Plan.funding_total`` is a total of
the same money and is not added again.

The funding columns, shared by every funding table except :func:`funding_by_source`:

==============  =========  ===================================================================
column          dtype      meaning
==============  =========  ===================================================================
``declared``    Decimal    sum of the declared totals (``FundingSplit.total``) as printed
``central``     Decimal    sum of the central-budget amounts (NSTW) stated
``local``       Decimal    sum of the local-budget amounts (NSĐP) stated
``other``       Decimal    sum of the other amounts stated
``sources``     Decimal    ``central + local + other``
``amount``      Decimal    sum of each statement's declared total, or of its sources where it
                           declares none (:attr:`~mdpoverty.FundingSplit.amount`)
``share``       Decimal    ``amount`` as a percentage of the total ``amount``
``statements``  int64      the number of counted funding statements
==============  =========  ===================================================================

A source a statement leaves blank adds nothing (``None`` is not zero, but a sum of nothing is
zero); ``declared`` and ``sources`` are both kept, so a component whose sources do not add up
to its declared total shows as a difference, never silently fixed.

>>> from mdpoverty.reference.datasets import bac_kan_2024
>>> plan = bac_kan_2024()
>>> by_source = funding_by_source(plan)
>>> by_source.loc[["central", "local", "total", "declared"], "amount"].tolist()
[Decimal('4675'), Decimal('134'), Decimal('4809'), Decimal('4881')]
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs
import pandas as pd

from mdpoverty.aggregate import _sums as _ag
from mdpoverty.aggregate._sums import FUNDING_COLUMNS, SOURCES, TOTAL, UNIT_COLUMNS
from mdpoverty.errors import MdpovertyError, Problem, UnknownNameError
from mdpoverty.model.plan import Plan
from mdpoverty.model.programme import CapitalKind, Level
from mdpoverty.model.targets import DeficitIndicator, IndicatorKind
from mdpoverty.model.units import UnitKind
from mdpoverty.reference.standards import poverty_standard
from mdpoverty.tables.annex import AnnexRow, derive_row
from mdpoverty.values._validation import to_tuple

__all__ = [
    "DEFICIT_COLUMNS",
    "FUNDING_COLUMNS",
    "NOT_STATED",
    "NO_LEAD",
    "SOURCES",
    "TOTAL",
    "UNIT_COLUMNS",
    "Rollup",
    "RollupError",
    "deficit_targets",
    "funding_by_agency",
    "funding_by_capital",
    "funding_by_component",
    "funding_by_source",
    "rollup",
    "units_by_kind",
]

NO_LEAD = "(no lead)"
"""The index label of funding whose component (and its ancestors) name no lead agency."""

NOT_STATED = "(not stated)"
"""The index label of funding whose kind of capital is not stated."""

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


# -- funding of one plan ---------------------------------------------------------------------


def funding_by_source(plan: Plan, *, total: bool = True) -> pd.DataFrame:
    """The plan's counted funding by source: central budget, local budget, other.

    One row per source (index ``source``: ``central``, ``local``, ``other``), then, with
    ``total``, two rows of totals that are kept apart because documents do not always agree
    with themselves:

    * ``total``: the sum of the source rows (the sum of every source stated);
    * ``declared``: the sum of the declared totals (``FundingSplit.total``) as printed.

    Columns: ``amount`` (Decimal, million VND), ``share`` (Decimal percent of the ``total``
    row's amount; ``None`` in the ``declared`` row) and ``statements`` (int64: how many
    counted funding statements state that source; in the ``total`` row, state any source;
    in the ``declared`` row, declare a total).

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> table = funding_by_source(bac_kan_2024())
    >>> table[["amount", "share"]]  # doctest: +NORMALIZE_WHITESPACE
             amount   share
    source
    central    4675   97.21
    local       134    2.79
    other         0    0.00
    total      4809  100.00
    declared   4881    None
    """
    s = _ag.summed(st.funding for st in _ag.counted_statements(plan.components))
    return _source_frame(s, total=total)


def _source_frame(s: _ag.FundingSum, *, total: bool) -> pd.DataFrame:
    whole = s.sources
    labels: list[str] = list(SOURCES)
    amounts: list[Decimal] = [s.central, s.local, s.other]
    shares: list[Decimal | None] = [_ag.share(a, whole) for a in amounts]
    counts = [s.n_source[source] for source in SOURCES]
    if total:
        labels += [TOTAL, "declared"]
        amounts += [whole, s.declared]
        shares += [_ag.share(whole, whole), None]
        counts += [s.n_source["any"], s.n_declared]
    frame = pd.DataFrame(
        {
            "amount": pd.Series(amounts, dtype=object),
            "share": pd.Series(shares, dtype=object),
            "statements": pd.Series(counts, dtype="int64"),
        }
    )
    frame.index = pd.Index(labels, name="source", dtype=object)
    return frame


def _by_code(
    plans: Iterable[Plan], level: Level | int | None
) -> tuple[dict[str, _ag.FundingSum], dict[str, set[str]]]:
    depth = int(level) if level is not None else max(Level)
    sums: dict[str, _ag.FundingSum] = {}
    names: dict[str, set[str]] = defaultdict(set)
    for plan in plans:
        plan_names = {c.code: c.name for c in plan.all_components()}
        for statement in _ag.counted_statements(plan.components):
            code = _ag.ancestor(statement.code, depth)
            sums.setdefault(code, _ag.FundingSum()).add(statement.funding)
            names[code].add(plan_names[code])
    return sums, names


def _component_frame(
    sums: Mapping[str, _ag.FundingSum], names: Mapping[str, set[str]], *, total: bool
) -> pd.DataFrame:
    codes = sorted(sums, key=_ag.code_key)
    rows: list[tuple[str, dict[str, object], _ag.FundingSum]] = [
        (code, {"level": code.count(".") + 1, "name": min(names[code])}, sums[code])
        for code in codes
    ]
    return _ag.funding_frame(
        rows, [("level", "Int64"), ("name", "object")], "code", total=total, total_extra={}
    )


def funding_by_component(
    plan: Plan, level: Level | int | None = None, *, total: bool = True
) -> pd.DataFrame:
    """The plan's counted funding by project (Dự án), sub-project or activity.

    ``level`` cuts the programme tree: ``Level.PROJECT`` (1) gives a row per project,
    ``Level.SUBPROJECT`` (2) a row per sub-project, and so on; funding stated above the cut
    (a project without sub-projects) keeps its own row.  By default (``None``) every counted
    funding statement has its own row, the figures as the document prints them.  Components
    whose subtree states no funding have no row.  Rows are in programme order (``DA2`` before
    ``DA10``), whatever the order of the plan, so every cut has the same total.

    Index ``code``; columns ``level`` (Int64, ``<NA>`` in the total row), ``name`` (the
    component's name as printed), then the funding columns of :mod:`mdpoverty.aggregate`.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty import Level
    >>> table = funding_by_component(bac_kan_2024(), Level.PROJECT)
    >>> table[["declared", "central", "local", "share"]]  # doctest: +NORMALIZE_WHITESPACE
          declared central local   share
    code
    DA2       2332    2264    68   47.78
    DA3       1096     992    32   22.45
    DA4        779     764    15   15.96
    DA6        170     165     5    3.48
    DA7        504     490    14   10.33
    total     4881    4675   134  100.00
    """
    sums, names = _by_code([plan], level)
    return _component_frame(sums, names, total=total)


def funding_by_agency(plan: Plan, *, total: bool = True) -> pd.DataFrame:
    """The plan's counted funding by the agency that leads (chủ trì) each funded component.

    A statement belongs to its component's lead, or to its nearest ancestor's where the
    component names none; funding without any lead is under :data:`NO_LEAD`.  One row per
    agency that leads counted funding, in the order of ``plan.agencies`` (``NO_LEAD`` last).

    Index ``agency`` (the agency id); columns ``name`` (the agency's name) then the funding
    columns of :mod:`mdpoverty.aggregate`.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> table = funding_by_agency(bac_kan_2024())
    >>> table[["amount", "statements"]]  # doctest: +NORMALIZE_WHITESPACE
                        amount  statements
    agency
    labour                1391           5
    economy               3353           2
    health-centre           75           1
    culture-information     62           1
    total                 4881           9
    """
    sums: dict[str | None, _ag.FundingSum] = {}
    for statement in _ag.counted_statements(plan.components):
        sums.setdefault(statement.lead, _ag.FundingSum()).add(statement.funding)
    order = [a.id for a in plan.agencies if a.id in sums]
    names = {a.id: a.name for a in plan.agencies}
    rows: list[tuple[str, dict[str, object], _ag.FundingSum]] = [
        (agency, {"name": names[agency]}, sums[agency]) for agency in order
    ]
    if None in sums:
        rows.append((NO_LEAD, {"name": ""}, sums[None]))
    return _ag.funding_frame(rows, [("name", "object")], "agency", total=total)


def _capital_sums(plans: Iterable[Plan]) -> dict[CapitalKind | None, _ag.FundingSum]:
    sums: dict[CapitalKind | None, _ag.FundingSum] = {
        kind: _ag.FundingSum() for kind in (*CapitalKind, None)
    }
    for plan in plans:
        for statement in _ag.counted_statements(plan.components):
            sums[statement.capital].add(statement.funding)
    return sums


def _capital_frame(
    sums: Mapping[CapitalKind | None, _ag.FundingSum], *, total: bool
) -> pd.DataFrame:
    rows: list[tuple[str, dict[str, object], _ag.FundingSum]] = [
        (
            NOT_STATED if kind is None else kind.value,
            {"name": "" if kind is None else kind.vi},
            sums[kind],
        )
        for kind in (*CapitalKind, None)
    ]
    return _ag.funding_frame(rows, [("name", "object")], "capital", total=total)


def funding_by_capital(plan: Plan, *, total: bool = True) -> pd.DataFrame:
    """The plan's counted funding by kind of capital (vốn sự nghiệp, vốn đầu tư phát triển).

    A statement's kind is the one its split states, or else the nearest ancestor's; funding
    of no stated kind is under :data:`NOT_STATED`.  One row per kind of
    :class:`~mdpoverty.CapitalKind`, then ``NOT_STATED``, always (a kind with no funding has a
    row of zeros).

    Index ``capital`` (the kind's value); columns ``name`` (the kind in Vietnamese) then the
    funding columns of :mod:`mdpoverty.aggregate`.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> funding_by_capital(bac_kan_2024())["amount"].to_dict()
    {'recurrent': Decimal('62'), 'investment': Decimal('0'), '(not stated)': Decimal('4819'), 'total': Decimal('4881')}
    """  # noqa: E501  (a doctest's output is one line)
    return _capital_frame(_capital_sums([plan]), total=total)


# -- targets and units of one plan -----------------------------------------------------------


def _dimension_names(plan: Plan) -> tuple[Mapping[str | None, int], Mapping[str, str]]:
    return _standard_dimensions(plan.standard)


@functools.cache
def _standard_dimensions(standard_id: str) -> tuple[Mapping[str | None, int], Mapping[str, str]]:
    """The rank of each dimension of the standard (general results first) and its name."""
    try:
        standard = poverty_standard(standard_id)
    except UnknownNameError:
        return MappingProxyType({None: 0}), MappingProxyType({})
    ranks: dict[str | None, int] = {None: 0}
    ranks.update({d.id: n for n, d in enumerate(standard.dimensions, start=1)})
    return MappingProxyType(ranks), MappingProxyType({d.id: d.name for d in standard.dimensions})


def _deficit_rows(plan: Plan) -> list[DeficitIndicator]:
    ranks, _ = _dimension_names(plan)
    last = len(ranks)
    return sorted(plan.deficit_indicators, key=lambda d: ranks.get(d.dimension, last))


def deficit_targets(plan: Plan) -> pd.DataFrame:
    """The plan's deficit-indicator targets (II.2), by dimension of its poverty standard.

    One row per :class:`~mdpoverty.DeficitIndicator`: general results (no dimension) first,
    then by the order of the dimensions in the plan's standard, each in the plan's order.
    There is no total row: targets about different populations do not add up.

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
    _, names = _dimension_names(plan)
    rows = _deficit_rows(plan)
    data = {
        "dimension": [d.dimension for d in rows],
        "dimension_name": [names.get(d.dimension or "", "") for d in rows],
        "indicator": [d.indicator for d in rows],
        "kind": [d.kind.value for d in rows],
        "subject": [d.population.subject.value for d in rows],
        "groups": [",".join(g.value for g in d.population.groups) for d in rows],
        "condition": [d.population.condition for d in rows],
        "comparison": [d.comparison.value for d in rows],
        "value": [_ag.cell(d.value) for d in rows],
        "section": [d.section for d in rows],
        "text": [d.text for d in rows],
    }
    frame = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in data.items()})
    frame.index = pd.Index([d.id for d in rows], name="id", dtype=object)
    return frame


def _kind_sums(plans: Iterable[Plan]) -> dict[UnitKind, _ag.UnitSum]:
    sums: dict[UnitKind, _ag.UnitSum] = {}
    for plan in plans:
        for unit, reduction in _ag.unit_reductions(plan):
            sums.setdefault(unit.kind, _ag.UnitSum()).add(unit, reduction)
    return sums


def _kind_frame(sums: Mapping[UnitKind, _ag.UnitSum], *, total: bool) -> pd.DataFrame:
    kinds = [k for k in UnitKind if k in sums]
    rows: list[tuple[str, dict[str, object], int, AnnexRow]] = [
        (kind.value, {}, sums[kind].n, sums[kind].row(kind.vi)) for kind in kinds
    ]
    if total:
        grand = _ag.UnitSum()
        for s in sums.values():
            grand.merge(s)
        rows.append((TOTAL, {}, grand.n, grand.row("Tổng số")))
    return _ag.unit_frame(rows, [], "kind")


def units_by_kind(plan: Plan, *, total: bool = True) -> pd.DataFrame:
    """The plan's units grouped by kind (phường, xã, thị trấn, …), counts summed.

    Each group's rates are derived from its summed counts and summed reduction targets by the
    annex's rule (:func:`mdpoverty.tables.annex.derive_row`); a group has a reduction only when each
    of its units has one.  The total row is the annex's total row.  One row per kind present,
    in the order of :class:`~mdpoverty.UnitKind`.

    Index ``kind`` (the kind's value); columns (:data:`UNIT_COLUMNS`): ``label`` (the kind in
    Vietnamese), ``units``, ``households``, ``poor_households`` (int64), ``start_rate``,
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
    return _kind_frame(_kind_sums([plan]), total=total)


# -- roll-ups ----------------------------------------------------------------------------------


class RollupError(MdpovertyError, ValueError):
    """Plans that cannot be combined; lists every problem, each naming both plans.

    Attributes:
        problems: Each problem with the plans, the field, the value and the rule.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = "cannot roll up: " + ("1 problem" if count == 1 else f"{count} problems")
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))


def _rollup_problems(keys: tuple[str, ...], plans: tuple[Plan, ...]) -> Iterator[Problem]:
    if not plans:
        yield Problem("Rollup", "plans", (), "must hold at least one plan")
        return
    if len(keys) != len(plans):
        yield Problem("Rollup", "keys", len(keys), f"must name each plan ({len(plans)})")
        return
    seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in seen:
            yield Problem(
                f"Plans {seen[key]} and {i}",
                "key",
                key,
                "must differ (pass a mapping of names to plans to name them apart)",
            )
        seen.setdefault(key, i)
    first, head = keys[0], plans[0]
    for key, plan in zip(keys[1:], plans[1:], strict=True):
        pair = f"Plan {first!r} and plan {key!r}"
        if plan.period != head.period:
            yield Problem(pair, "period", f"{head.period} vs {plan.period}", "must be the same")
        if plan.standard != head.standard:
            yield Problem(
                pair, "standard", f"{head.standard} vs {plan.standard}", "must be the same"
            )
    owner: dict[str, str] = {}
    for key, plan in zip(keys, plans, strict=True):
        for unit in plan.units:
            if unit.id in owner:
                yield Problem(
                    f"Plan {owner[unit.id]!r} and plan {key!r}",
                    "units",
                    unit.id,
                    "must not both hold the unit",
                )
            else:
                owner[unit.id] = key


@attrs.frozen
class Rollup:
    """Several plans of one year and standard combined: counts summed, rates recomputed.

    Build one with :func:`rollup`.  Each table is computed on demand from the plans (a Rollup
    holds no DataFrame) and has the columns of the single-plan function of the same name; a
    roll-up of one plan gives that plan's own tables.

    Attributes:
        keys: The name of each plan (by default its area's name), in the order given.
        plans: The plans.
    """

    keys: tuple[str, ...] = attrs.field(converter=to_tuple)
    plans: tuple[Plan, ...] = attrs.field(converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        problems = list(_rollup_problems(self.keys, self.plans))
        if problems:
            raise RollupError(problems)

    def _pairs(self) -> Iterator[tuple[str, Plan]]:
        return zip(self.keys, self.plans, strict=True)

    # -- units --

    @property
    def total(self) -> AnnexRow:
        """The total row of every unit of every plan (the annex's total of the union)."""
        grand = _ag.UnitSum()
        for plan in self.plans:
            for unit, reduction in _ag.unit_reductions(plan):
                grand.add(unit, reduction)
        return grand.row("Tổng số")

    def units(self, *, total: bool = True) -> pd.DataFrame:
        """Every unit of every plan, as in the plans' annexes, and their total.

        Index ``unit`` (the unit id); columns ``plan`` (the plan's key), ``kind``, then
        :data:`UNIT_COLUMNS` (``units`` is 1 for a unit).
        """
        rows: list[tuple[str, dict[str, object], int, AnnexRow]] = []
        grand = _ag.UnitSum()
        for key, plan in self._pairs():
            for unit, reduction in _ag.unit_reductions(plan):
                grand.add(unit, reduction)
                row = derive_row(unit.name, unit.households, unit.poor_households, reduction)
                rows.append((unit.id, {"plan": key, "kind": unit.kind.value}, 1, row))
        if total:
            rows.append((TOTAL, {}, grand.n, grand.row("Tổng số")))
        return _ag.unit_frame(rows, [("plan", "object"), ("kind", "object")], "unit")

    def by_plan(self, *, total: bool = True) -> pd.DataFrame:
        """A row per plan (its units summed, its rates recomputed) and the total.

        The rows of districts in a province's annex.  Index ``plan`` (the plan's key);
        columns :data:`UNIT_COLUMNS`.
        """
        rows: list[tuple[str, dict[str, object], int, AnnexRow]] = []
        grand = _ag.UnitSum()
        for key, plan in self._pairs():
            s = _ag.UnitSum()
            for unit, reduction in _ag.unit_reductions(plan):
                s.add(unit, reduction)
            grand.merge(s)
            rows.append((key, {}, s.n, s.row(key)))
        if total:
            rows.append((TOTAL, {}, grand.n, grand.row("Tổng số")))
        return _ag.unit_frame(rows, [], "plan")

    def by_kind(self, *, total: bool = True) -> pd.DataFrame:
        """Every unit grouped by kind, as :func:`units_by_kind`."""
        return _kind_frame(_kind_sums(self.plans), total=total)

    # -- funding --

    def funding_by_source(self, *, total: bool = True) -> pd.DataFrame:
        """Funding of every plan by source, as :func:`funding_by_source`."""
        s = _ag.FundingSum()
        for plan in self.plans:
            for statement in _ag.counted_statements(plan.components):
                s.add(statement.funding)
        return _source_frame(s, total=total)

    def funding_by_component(
        self, level: Level | int | None = None, *, total: bool = True
    ) -> pd.DataFrame:
        """Funding of every plan by project code, as :func:`funding_by_component`.

        Components of the same code in several plans share a row; where plans name it
        differently, the row shows the alphabetically first name.
        """
        sums, names = _by_code(self.plans, level)
        return _component_frame(sums, names, total=total)

    def funding_by_capital(self, *, total: bool = True) -> pd.DataFrame:
        """Funding of every plan by kind of capital, as :func:`funding_by_capital`."""
        return _capital_frame(_capital_sums(self.plans), total=total)

    def funding_by_plan(self, *, total: bool = True) -> pd.DataFrame:
        """A row per plan with its counted funding; index ``plan``, the funding columns."""
        rows: list[tuple[str, dict[str, object], _ag.FundingSum]] = [
            (key, {}, _ag.summed(st.funding for st in _ag.counted_statements(plan.components)))
            for key, plan in self._pairs()
        ]
        return _ag.funding_frame(rows, [], "plan", total=total)

    # -- deficit targets --

    def deficit_targets(self) -> pd.DataFrame:
        """The plans' deficit targets side by side: a row per indicator id, a column per plan.

        Rows are indicator ids (plans drawn from one template share them) in the order of
        their dimensions in the standard, then first appearance.  Column ``dimension`` gives
        each row's dimension id (``None`` for a general result; the first plan's where plans
        differ), then one column per plan key whose cell is the target's value as in
        :func:`deficit_targets` (a number, or a Quantity for a range), the string
        ``"qualitative"`` for a qualitative target, or ``None`` where the plan has no target
        of that id.  :meth:`deficit_target_rows` has every detail.
        """
        cells: dict[str, dict[str, object]] = {}
        dims: dict[str, str | None] = {}
        rank: dict[str, int] = {}
        for key, plan in self._pairs():
            ranks, _ = _dimension_names(plan)
            for d in _deficit_rows(plan):
                dims.setdefault(d.id, d.dimension)
                rank.setdefault(d.id, ranks.get(d.dimension, len(ranks)))
                value = (
                    IndicatorKind.QUALITATIVE.value
                    if d.kind is IndicatorKind.QUALITATIVE
                    else _ag.cell(d.value)
                )
                cells.setdefault(d.id, {})[key] = value
        ids = sorted(cells, key=lambda i: rank[i])  # stable: first appearance within a rank
        frame = pd.DataFrame(
            [[dims[i], *(cells[i].get(key) for key in self.keys)] for i in ids],
            columns=pd.Index(["dimension", *self.keys], dtype=object),
            dtype=object,
        )
        frame.index = pd.Index(ids, name="id", dtype=object)
        return frame

    def deficit_target_rows(self) -> pd.DataFrame:
        """Every plan's :func:`deficit_targets`, stacked: index (``plan``, ``id``)."""
        frames = [deficit_targets(plan) for plan in self.plans]
        return pd.concat(frames, keys=list(self.keys), names=["plan", "id"])


def rollup(plans: Iterable[Plan] | Mapping[str, Plan]) -> Rollup:
    """Several plans combined into one view: the communes of a district, the districts of a
    province.

    ``plans`` is a sequence of plans, each named by its area's name, or a mapping from names to
    plans.  All plans must cover the same period under the same poverty standard, and no unit
    id may appear in two plans; otherwise :class:`RollupError` lists every problem, naming
    both plans of each.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> plan = bac_kan_2024()
    >>> combined = rollup([plan])
    >>> combined.total.end_rate
    Quantity(Decimal('1.86'))
    >>> combined.funding_by_source().equals(funding_by_source(plan))
    True
    >>> rollup({"a": plan, "b": plan})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mdpoverty.aggregate.RollupError: cannot roll up: 8 problems:
      - Plan 'a' and plan 'b': 'units' must not both hold the unit: 'song-cau'
    ...
    """
    if isinstance(plans, Mapping):
        return Rollup(tuple(plans.keys()), tuple(plans.values()))
    plan_tuple = tuple(plans)
    return Rollup(tuple(p.area.name for p in plan_tuple), plan_tuple)
