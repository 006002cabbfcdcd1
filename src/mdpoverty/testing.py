"""Hypothesis strategies for plans, for mdpoverty's own tests and for tools built on it.

Every strategy builds valid objects constructively (no ``.filter``): counts within their bounds,
references that resolve.  :func:`plans` builds *consistent* plans by default: funding totals
equal the sum of their sources, the printed annex equals the derived one, the headline targets
match the annex totals, every lead agency has its responsibility.  Tests of a consistency rule
start from such a plan and perturb exactly one thing.

Requires Hypothesis (the ``testing`` extra; from a clone: ``pip install ".[testing]"``).

>>> from hypothesis import given
>>> @given(plans())
... def test_rates_in_range(plan):
...     assert all(0 <= u.poverty_rate <= 100 for u in plan.units)
>>> test_rates_in_range()
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from mdpoverty.model.agencies import Agency, Responsibility
from mdpoverty.model.plan import Area, Header, Period, Plan, PrintedAnnex, PrintedRow
from mdpoverty.model.programme import CapitalKind, FundingSplit, ProjectComponent
from mdpoverty.model.references import DocumentKind, LegalReference
from mdpoverty.model.targets import (
    DeficitIndicator,
    HouseholdGroup,
    IndicatorKind,
    Measure,
    Population,
    Subject,
    Target,
)
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference.standards import CatalogEntry, poverty_standards, programme_catalogs
from mdpoverty.tables.annex import AnnexRow, annex_rows
from mdpoverty.values.dates import PartialDate
from mdpoverty.values.quantities import Comparison, Quantity

__all__ = [
    "administrative_units",
    "agencies",
    "components",
    "deficit_indicators",
    "funding_splits",
    "money",
    "partial_dates",
    "plain_data",
    "plan_data_mutations",
    "plan_sets",
    "plans",
    "printed_annex",
    "quantities",
    "shares",
    "unit_lists",
    "with_agreeing_results",
]

_NAMES = st.text(
    alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậ ABCDĐ"),
    min_size=1,
    max_size=20,
).map(lambda s: s.strip() or "x")


@functools.cache
def money(max_value: int = 10_000_000) -> st.SearchStrategy[Decimal]:
    """Amounts in million VND with up to 3 decimals (a thousand VND)."""
    return st.integers(0, max_value * 1000).map(lambda n: Decimal(n).scaleb(-3).normalize())


@functools.cache
def shares() -> st.SearchStrategy[Decimal]:
    """Percentages from 0 to 100 with up to 2 decimals."""
    return st.integers(0, 10_000).map(lambda n: Decimal(n).scaleb(-2))


def partial_dates(min_year: int = 2000, max_year: int = 2035) -> st.SearchStrategy[PartialDate]:
    """Dates known to the year, the month or the day."""
    return st.builds(
        lambda d, precision: PartialDate(
            d.year, d.month if precision > 0 else None, d.day if precision > 1 else None
        ),
        st.dates(
            min_value=PartialDate(min_year).first_day(), max_value=PartialDate(max_year).last_day()
        ),
        st.integers(0, 2),
    )


def quantities(low: int, high: int, *, ranges: bool = True) -> st.SearchStrategy[Quantity]:
    """Exact counts between ``low`` and ``high``, and (with ``ranges``) ranges within them."""
    exact = st.integers(low, high).map(Quantity)
    if not ranges:
        return exact
    ranged = st.tuples(st.integers(low, high), st.integers(low, high)).map(
        lambda ab: Quantity(min(ab), max(ab))
    )
    return st.one_of(exact, ranged)


_PARTS = 10**6  # counts below a whole are drawn as millionths of it: constructive, no filter
_UNIT_DRAW = st.tuples(
    st.integers(0, _PARTS),  # households, as a share of the maximum
    st.integers(0, _PARTS),  # poor households, as a share of the households
    st.none() | st.integers(0, _PARTS),  # near-poor households, as a share of the non-poor
    st.sampled_from(UnitKind),
    _NAMES,
)


def _unit(
    unit_id: str, drawn: tuple[int, int, int | None, UnitKind, str], most: int
) -> AdministrativeUnit:
    households_part, poor_part, near_part, kind, name = drawn
    households = most * households_part // _PARTS
    poor = households * poor_part // _PARTS
    return AdministrativeUnit(
        id=unit_id,
        name=name,
        kind=kind,
        households=households,
        poor_households=poor,
        near_poor_households=None
        if near_part is None
        else (households - poor) * near_part // _PARTS,
    )


_IDS = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)


def administrative_units(
    unit_id: str | None = None, max_households: int = 100_000
) -> st.SearchStrategy[AdministrativeUnit]:
    """A unit with counts that are possible: poor (+ near-poor) <= households."""
    ids = _IDS if unit_id is None else st.just(unit_id)
    return st.tuples(ids, _UNIT_DRAW).map(lambda d: _unit(d[0], d[1], max_households))


def unit_lists(
    min_size: int = 1, max_size: int = 12
) -> st.SearchStrategy[list[AdministrativeUnit]]:
    """Units with distinct ids ``u0``, ``u1``, …"""
    return st.lists(_UNIT_DRAW, min_size=min_size, max_size=max_size).map(
        lambda drawn: [_unit(f"u{i}", d, 100_000) for i, d in enumerate(drawn)]
    )


@functools.cache  # strategies are immutable: build each once (Hypothesis is faster for it)
def funding_splits(*, consistent: bool = True) -> st.SearchStrategy[FundingSplit]:
    """Funding with stated sources; ``consistent`` makes the total their sum."""

    @st.composite
    def build(draw: st.DrawFn) -> FundingSplit:
        central = draw(st.none() | money(100_000))
        local = draw(st.none() | money(10_000))
        other = draw(st.none() | money(10_000))
        stated = [v for v in (central, local, other) if v is not None]
        if consistent:
            total = sum(stated, Decimal(0)) if stated else draw(st.none() | money(100_000))
        else:
            total = draw(st.none() | money(100_000))
        return FundingSplit(
            total=total,
            central=central,
            local=local,
            other=other,
            capital=draw(st.none() | st.sampled_from(CapitalKind)),
        )

    return build()


def agencies(max_size: int = 6) -> st.SearchStrategy[list[Agency]]:
    """Agencies with distinct ids ``a0``, ``a1``, …"""
    return st.integers(1, max_size).flatmap(
        lambda n: st.tuples(
            *(st.builds(Agency, id=st.just(f"a{i}"), name=_NAMES) for i in range(n))
        ).map(list)
    )


@st.composite
def components(
    draw: st.DrawFn, agency_ids: Sequence[str], *, consistent: bool = True
) -> list[ProjectComponent]:
    """Projects of the catalog with sub-projects; a parent's funding, where stated, is the
    sum of its children's when ``consistent``."""
    catalog = programme_catalogs()[0]
    projects = [e.code for e in catalog.entries if "." not in e.code]
    chosen = draw(st.lists(st.sampled_from(projects), min_size=1, max_size=5, unique=True))
    result = []
    leads = st.sampled_from(agency_ids)
    for code in chosen:
        subs = _sub_projects(code)
        children = (
            [
                ProjectComponent(
                    code=e.code,
                    name=e.name,
                    lead=draw(leads),
                    funding=draw(funding_splits(consistent=consistent)),
                )
                for e in draw(subs)
            ]
            if subs is not None
            else []
        )
        parent_funded = draw(st.booleans())
        if children and parent_funded:
            funding = _sum_of(children) if consistent else draw(funding_splits(consistent=False))
        elif children:
            funding = None
        else:
            funding = draw(funding_splits(consistent=consistent))
        result.append(
            ProjectComponent(
                code=code,
                name=catalog.entry(code).name,
                lead=draw(leads),
                funding=funding,
                children=children,
            )
        )
    return result


@functools.cache
def _sub_projects(code: str) -> st.SearchStrategy[list[CatalogEntry]] | None:
    """Lists of distinct sub-projects of project ``code`` in the catalog, or None if it has none."""
    subs = [e for e in programme_catalogs()[0].entries if e.code.startswith(code + ".")]
    if not subs:
        return None
    return st.lists(st.sampled_from(subs), unique_by=lambda e: e.code)


@functools.cache
def _dimension_indicators(dimension: str) -> st.SearchStrategy[str | None]:
    indicators = poverty_standards()[0].dimension(dimension).indicators
    return st.sampled_from([None, *(i.id for i in indicators)])


_GROUPS = st.lists(st.sampled_from(HouseholdGroup), unique=True).map(tuple)


def _sum_of(children: Sequence[ProjectComponent]) -> FundingSplit | None:
    """The funding of a parent whose children are all funded: the sums of each field."""
    splits = [c.funding for c in children if c.funding is not None]
    if len(splits) != len(children):
        return None

    if any(s.amount is None for s in splits):
        return FundingSplit()
    # A source is summed only when every child states the same sources, so that the parent's
    # sources still add up to its total (funding.sources-sum) and to its children's
    # (funding.parent-sum); otherwise the parent states its total alone.
    same_sources = len({tuple(v is None for v in s.sources.values()) for s in splits}) == 1

    def total(field: str) -> Decimal | None:
        values = [getattr(s, field) for s in splits]
        if not same_sources or any(v is None for v in values):
            return None
        return sum((v for v in values if v is not None), Decimal(0))

    amount = sum((s.amount for s in splits if s.amount is not None), Decimal(0))
    return FundingSplit(
        total=amount, central=total("central"), local=total("local"), other=total("other")
    )


@st.composite
def deficit_indicators(draw: st.DrawFn, *, every_dimension: bool = True) -> list[DeficitIndicator]:
    """Targets for the dimensions of the Decree 07 standard (every one, by default)."""
    standard = poverty_standards()[0]
    dims = list(standard.dimensions)
    if not every_dimension:
        dims = draw(st.lists(st.sampled_from(dims), unique_by=lambda d: d.id))
    result = []
    for n, dim in enumerate(dims):
        kind = draw(st.sampled_from(IndicatorKind))
        value = {
            IndicatorKind.SHARE: Quantity(draw(shares())),
            IndicatorKind.COUNT: Quantity(draw(st.integers(0, 10_000))),
            IndicatorKind.QUALITATIVE: None,
        }[kind]
        result.append(
            DeficitIndicator(
                id=f"d{n}",
                dimension=dim.id,
                kind=kind,
                value=value,
                comparison=draw(st.sampled_from(Comparison)),
                population=Population(draw(st.sampled_from(Subject)), draw(_GROUPS)),
                indicator=draw(_dimension_indicators(dim.id)),
                text=f"Chỉ tiêu {dim.name}",
            )
        )
    return result


def printed_annex(title: str, units: Sequence[AdministrativeUnit], plan: Plan) -> PrintedAnnex:
    """The printed annex that agrees with ``plan``'s derived one, cell for cell."""
    rows = annex_rows(plan)

    def printed(row: AnnexRow, label: str, unit: str | None, number: int | None) -> PrintedRow:
        return PrintedRow(
            label=label,
            unit=unit,
            number=number,
            households=row.households,
            poor_households=row.poor_households,
            start_rate=row.start_rate,
            reduction=None if row.reduction is None else int(row.reduction.low),
            rate_reduction=None if row.rate_reduction is None else Decimal(row.rate_reduction.low),
            end_rate=None if row.end_rate is None else Decimal(row.end_rate.low),
        )

    return PrintedAnnex(
        title=title,
        rows=[
            printed(r, u.name, u.id, i)
            for i, (r, u) in enumerate(zip(rows, units, strict=False), 1)
        ],
        total=printed(rows[-1], "Tổng số", None, None),
    )


@st.composite
def plans(draw: st.DrawFn, *, max_units: int = 12) -> Plan:
    """A consistent single-year plan under the Decree 07 standard and the Decision 90 catalog.

    Units have exact reduction targets (0 to their poor households); the area's headline
    targets, the printed annex, the funding and the responsibilities all agree.
    """
    standard = poverty_standards()[0]
    year = draw(st.integers(standard.period.start, standard.period.end))
    units = draw(unit_lists(max_size=max_units))
    unit_targets = [
        Target(Measure.REDUCTION, Quantity(draw(st.integers(0, u.poor_households))), unit=u.id)
        for u in units
    ]
    agency_list = draw(agencies())
    comps = draw(components([a.id for a in agency_list]))
    leads: dict[str, list[str]] = {}
    for component in comps:
        for c in component.walk():
            if c.lead is not None:
                leads.setdefault(c.lead, []).append(c.code)
    plan_date = draw(
        st.dates(
            min_value=PartialDate(year).first_day(), max_value=PartialDate(year).last_day()
        ).map(lambda d: PartialDate(d.year, d.month))
    )
    basis_date = draw(
        st.dates(
            min_value=PartialDate(year - 1).first_day(),
            max_value=plan_date.first_day() - dt.timedelta(days=1),
        ).map(PartialDate.of)
    )
    base = Plan(
        header=Header(issuer="UBND", date=plan_date, title="KẾ HOẠCH", symbol="KH-UBND"),
        area=Area(name=draw(_NAMES), kind=draw(st.sampled_from(UnitKind))),
        period=Period(year),
        standard=standard.id,
        programme=programme_catalogs()[0].id,
        units=units,
        targets=unit_targets,
        deficit_indicators=draw(deficit_indicators()),
        components=comps,
        agencies=agency_list,
        responsibilities=[
            Responsibility(agency=a, section=f"VI.{n}", components=codes)
            for n, (a, codes) in enumerate(leads.items(), start=1)
        ],
        legal_bases=[
            LegalReference(DocumentKind.PLAN, "1/KH-UBND", basis_date, "UBND tỉnh", year=year)
        ],
    )
    return with_agreeing_results(base, f"MỤC TIÊU NĂM {year}")


def with_agreeing_results(plan: Plan, annex_title: str) -> Plan:
    """``plan`` with headline targets and a printed annex that agree with its derived annex.

    The plan's own targets (its units' reduction targets) stay; area-level reduction, end count
    and end rate targets are added from the derived total, and the printed annex is the derived
    one, cell for cell.  Every unit must have an exact reduction target.
    """
    total = annex_rows(plan)[-1]
    if total.reduction is None or total.end_rate is None:
        raise ValueError("every unit of the plan needs a reduction target")
    headline = [
        Target(Measure.REDUCTION, total.reduction, section="II.1"),
        Target(
            Measure.END_COUNT,
            Quantity(total.poor_households - int(total.reduction.low)),
            section="II.2.a",
        ),
        Target(Measure.END_RATE, total.end_rate, section="II.2.a"),
    ]
    with_targets = attrs.evolve(plan, targets=[*headline, *plan.targets])
    return attrs.evolve(with_targets, annex=printed_annex(annex_title, plan.units, with_targets))


def _as_part(plan: Plan, n: int, like: Plan) -> Plan:
    """``plan`` as part ``n`` of a set led by ``like``: its own area name and unit ids, and
    ``like``'s period, date and legal bases."""

    def rename(unit: str) -> str:
        return f"p{n}-{unit}"

    return attrs.evolve(
        plan,
        area=attrs.evolve(plan.area, name=f"{plan.area.name} {n}"),
        period=like.period,
        header=attrs.evolve(plan.header, date=like.header.date),
        legal_bases=like.legal_bases,
        units=[attrs.evolve(u, id=rename(u.id)) for u in plan.units],
        targets=[attrs.evolve(t, unit=t.unit and rename(t.unit)) for t in plan.targets],
        annex=None
        if plan.annex is None
        else attrs.evolve(
            plan.annex,
            rows=[attrs.evolve(r, unit=r.unit and rename(r.unit)) for r in plan.annex.rows],
        ),
    )


@st.composite
def plan_sets(
    draw: st.DrawFn, min_size: int = 1, max_size: int = 4, *, max_units: int = 6
) -> list[Plan]:
    """Consistent plans that can be rolled up together: one period and standard, distinct
    area names (``… 0``, ``… 1``, …) and disjoint unit ids (``p0-u0``, ``p1-u0``, …)."""
    n = draw(st.integers(min_size, max_size))
    drawn = [draw(plans(max_units=max_units)) for _ in range(n)]
    return [_as_part(plan, i, drawn[0]) for i, plan in enumerate(drawn)]


def plain_data(max_leaves: int = 30) -> st.SearchStrategy[object]:
    """Arbitrary plain data as YAML and JSON files hold it (``None``, booleans, ints, exact
    decimals, text, lists, mappings), with some of a plan's field names and values mixed in,
    for fuzzing loaders: they must refuse it with their own error, never crash."""
    words = st.sampled_from(
        [
            "header", "units", "targets", "components", "id", "name", "kind", "households",
            "poor_households", "value", "low", "high", "date", "measure", "ward", "reduction",
            "2024-03", "DA2", "children", "code", "funding", "total", "",
        ]
    )  # fmt: skip
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**12), 10**12),
        st.decimals(allow_nan=False, allow_infinity=False, places=3),
        st.decimals(),  # NaN and infinities too
        st.text(max_size=12),
        words,
    )
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.one_of(words, st.text(max_size=6)), children, max_size=5),
        ),
        max_leaves=max_leaves,
    )


@st.composite
def plan_data_mutations(draw: st.DrawFn, data: object) -> object:
    """``data`` (plain data, e.g. a plan's) with one value somewhere in it replaced by
    :func:`plain_data`, or one key removed or added: near-valid input for fuzzing."""
    import copy  # noqa: PLC0415  (only for this strategy)

    result = copy.deepcopy(data)
    parent: Any = None
    key: Any = None
    node: Any = result
    while isinstance(node, dict | list) and node and draw(st.integers(0, 3)) > 0:
        parent = node
        key = draw(
            st.sampled_from(sorted(node, key=str) if isinstance(node, dict) else range(len(node)))
        )
        node = node[key]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if isinstance(parent, dict) and action == "remove":
        del parent[key]
    elif isinstance(node, dict) and action == "add":
        node[draw(st.text(max_size=6))] = draw(plain_data(5))
    elif isinstance(parent, dict | list):
        parent[key] = draw(plain_data(10))
    else:
        result = draw(plain_data(10))
    return result
