"""Hypothesis strategies for plans, for mdpoverty's own tests and for tools built on it.

Every strategy builds valid objects constructively (no ``.filter``): counts within their bounds,
references that resolve.  :func:`plans` builds *consistent* plans by default: funding totals
equal the sum of their sources, the printed annex equals the derived one, the headline targets
match the annex totals, every lead agency has its responsibility.  Tests of a consistency rule
start from such a plan and perturb exactly one thing.

The printed annex and the headline results of a consistent plan are worked out by a small oracle
of their own (exact fractions, half-up rounding), never by the library's tables, rates or
aggregation: a bug there makes the rules report a consistent plan, rather than agree with it.

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
import itertools
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from mdpoverty.model.agencies import Agency, Responsibility
from mdpoverty.model.document import Plan
from mdpoverty.model.header import Area, Header
from mdpoverty.model.printed import PrintedAnnex
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
from mdpoverty.reference.programmes import programme_catalogs
from mdpoverty.reference.standards import Dimension, poverty_standards
from mdpoverty.testing import _oracle as oracle
from mdpoverty.testing._documents import documents
from mdpoverty.testing._edges import edge_plans, period_years
from mdpoverty.testing._files import plain_data, plan_data_mutations
from mdpoverty.testing._flows import flow_reviews
from mdpoverty.testing._funding import allocated_splits
from mdpoverty.testing._households import (
    cutoffs,
    deprivation_frames,
    household_tables,
    indicator_weights,
)
from mdpoverty.testing._language import english_words, vietnamese_words, without
from mdpoverty.testing._ranges import ranged_documents
from mdpoverty.testing._units import (
    new_unit_documents,
    new_unit_plans,
    old_unit_documents,
    old_unit_plans,
)
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.quantities import Comparison, Quantity

__all__ = [
    "administrative_units",
    "agencies",
    "allocated_splits",
    "components",
    "cutoffs",
    "deficit_indicators",
    "deprivation_frames",
    "documents",
    "edge_plans",
    "english_words",
    "flow_reviews",
    "funding_splits",
    "household_tables",
    "indicator_weights",
    "money",
    "new_unit_documents",
    "new_unit_plans",
    "old_unit_documents",
    "old_unit_plans",
    "partial_dates",
    "period_years",
    "plain_data",
    "plan_data_mutations",
    "plan_sets",
    "plans",
    "printed_annex",
    "quantities",
    "ranged_documents",
    "shares",
    "unit_lists",
    "vietnamese_words",
    "with_agreeing_results",
    "without",
]

# A drawn plan costs a Hypothesis choice per number, name or option, and a new strategy object
# costs more than a draw.  So strategies are built once (at import, or cached), a set of options
# is one choice (a bit mask, or one of all the arrangements), and each model object is built once
# from its drawn parts, never rebuilt through ``attrs.evolve`` (which validates it all again).

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


_UnitDraw = tuple[int, int, int | None, UnitKind, str]
_PARTS = 10**6  # counts below a whole are drawn as millionths of it: constructive, no filter
_PART = st.integers(0, _PARTS)
_KINDS = st.sampled_from(UnitKind)
_UNIT_SHAPES = st.sampled_from(list(itertools.product(UnitKind, (False, True))))  # near-poor?


@st.composite
def _unit_parts(draw: st.DrawFn) -> _UnitDraw:
    """Households as a share of the maximum, poor households as a share of the households,
    near-poor households (where stated) as a share of the others, kind and name."""
    kind, near_poor = draw(_UNIT_SHAPES)
    households, poor = draw(_PART), draw(_PART)
    return households, poor, draw(_PART) if near_poor else None, kind, draw(_NAMES)


_UNIT_DRAW = _unit_parts()


def _unit(unit_id: str, drawn: _UnitDraw, most: int) -> AdministrativeUnit:
    households_part, poor_part, near_part, kind, name = drawn
    households = most * households_part // _PARTS
    poor = households * poor_part // _PARTS
    near = None if near_part is None else (households - poor) * near_part // _PARTS
    return AdministrativeUnit(unit_id, name, kind, households, poor, near)


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


# which of the central, local and other sources are stated (a bit each), and the capital kind
_FUNDING_SHAPES = st.sampled_from(list(itertools.product(range(8), [None, *CapitalKind])))
_CENTRAL = money(100_000)
_LOCAL_OR_OTHER = money(10_000)
_MAYBE_TOTAL = st.none() | money(100_000)
_BOOLEANS = st.booleans()


_ALLOCATED = allocated_splits(full=True)


def _draw_funding(draw: st.DrawFn, *, consistent: bool) -> FundingSplit:
    if consistent and draw(st.integers(0, 5)) == 0:  # money split by source and kind, from 2026
        return draw(_ALLOCATED)
    sources, capital = draw(_FUNDING_SHAPES)
    central = draw(_CENTRAL) if sources & 0b001 else None
    local = draw(_LOCAL_OR_OTHER) if sources & 0b010 else None
    other = draw(_LOCAL_OR_OTHER) if sources & 0b100 else None
    stated = [v for v in (central, local, other) if v is not None]
    if consistent and stated:
        total: Decimal | None = sum(stated, Decimal(0))
    else:
        total = draw(_MAYBE_TOTAL)
    return FundingSplit(total=total, central=central, local=local, other=other, capital=capital)


@functools.cache  # strategies are immutable: build each once (Hypothesis is faster for it)
@st.composite
def funding_splits(draw: st.DrawFn, *, consistent: bool = True) -> FundingSplit:
    """Funding with stated sources; ``consistent`` makes the total their sum."""
    return _draw_funding(draw, consistent=consistent)


@functools.cache
@st.composite
def agencies(draw: st.DrawFn, max_size: int = 6) -> list[Agency]:
    """Agencies with distinct ids ``a0``, ``a1``, …"""
    return [Agency(f"a{i}", draw(_NAMES)) for i in range(1 + draw(_indices(max_size)))]


_Codes = st.SearchStrategy[tuple[str, ...]]


def _permutations(items: Sequence[str], sizes: Iterable[int]) -> list[tuple[str, ...]]:
    return [p for k in sizes for p in itertools.permutations(items, k)]


def _arrangements(items: Sequence[str], sizes: range) -> _Codes:
    """Distinct ``items`` in any order, as many as one of ``sizes`` (each as likely): two
    choices, where a list of unique items costs two for each item."""
    by_size = {k: st.sampled_from(_permutations(items, [k])) for k in sizes}
    return st.sampled_from(sizes).flatmap(by_size.__getitem__)


@functools.cache
def _catalog() -> tuple[dict[str, str], _Codes, dict[str, _Codes]]:
    """The catalog's names by code, and strategies for its projects and their sub-projects."""
    entries = programme_catalogs()[0].entries
    projects = [e.code for e in entries if "." not in e.code]
    subs = {p: [e.code for e in entries if e.code.startswith(p + ".")] for p in projects}
    # every arrangement of a project's few sub-projects, equally likely: most have some
    return (
        {e.code: e.name for e in entries},
        _arrangements(projects, range(1, 6)),
        {p: st.sampled_from(_permutations(s, range(len(s) + 1))) for p, s in subs.items() if s},
    )


@functools.cache
def _indices(n: int) -> st.SearchStrategy[int]:
    return st.integers(0, n - 1)


def _draw_components(
    draw: st.DrawFn, agency_ids: Sequence[str], *, consistent: bool
) -> list[ProjectComponent]:
    names, projects, subs = _catalog()
    leads = _indices(len(agency_ids))
    result = []
    for code in draw(projects):
        children = [
            ProjectComponent(
                code=sub,
                name=names[sub],
                lead=agency_ids[draw(leads)],
                funding=_draw_funding(draw, consistent=consistent),
            )
            for sub in (draw(subs[code]) if code in subs else ())
        ]
        if not children:
            funding = _draw_funding(draw, consistent=consistent)
        elif not draw(_BOOLEANS):  # a parent that states no funding of its own
            funding = None
        elif consistent:
            funding = oracle.parent_funding(children)
        else:
            funding = _draw_funding(draw, consistent=False)
        result.append(
            ProjectComponent(
                code=code,
                name=names[code],
                lead=agency_ids[draw(leads)],
                funding=funding,
                children=children,
            )
        )
    return result


@st.composite
def components(
    draw: st.DrawFn, agency_ids: Sequence[str], *, consistent: bool = True
) -> list[ProjectComponent]:
    """Projects of the catalog with sub-projects; a parent's funding, where stated, is the
    sum of its children's when ``consistent``."""
    return _draw_components(draw, agency_ids, consistent=consistent)


@functools.cache
def _deficit_shapes(
    dimension: str,
) -> st.SearchStrategy[tuple[IndicatorKind, Comparison, Subject, str | None, int]]:
    """A dimension's target's kind, comparison, subject, indicator and number of household
    groups: one choice, not five."""
    indicators = [None, *(i.id for i in poverty_standards()[0].dimension(dimension).indicators)]
    sizes = range(len(HouseholdGroup) + 1)
    return st.sampled_from(
        list(itertools.product(IndicatorKind, Comparison, Subject, indicators, sizes))
    )


def _first(k: int) -> Callable[[list[HouseholdGroup]], tuple[HouseholdGroup, ...]]:
    return lambda groups: tuple(groups[:k])


_GROUPS = [
    st.permutations(list(HouseholdGroup)).map(_first(k)) for k in range(len(HouseholdGroup) + 1)
]
_DEFICIT_VALUES = st.integers(0, 10_000)  # a count, or a share in hundredths of a percent


def _draw_deficits(draw: st.DrawFn, dimensions: Sequence[Dimension]) -> list[DeficitIndicator]:
    result = []
    for n, dim in enumerate(dimensions):
        kind, comparison, subject, indicator, groups = draw(_deficit_shapes(dim.id))
        value = None
        if kind is IndicatorKind.SHARE:
            value = Quantity(Decimal(draw(_DEFICIT_VALUES)).scaleb(-2))
        elif kind is IndicatorKind.COUNT:
            value = Quantity(draw(_DEFICIT_VALUES))
        result.append(
            DeficitIndicator(
                id=f"d{n}",
                dimension=dim.id,
                kind=kind,
                value=value,
                comparison=comparison,
                population=Population(subject, draw(_GROUPS[groups])),
                indicator=indicator,
                text=f"Chỉ tiêu {dim.name}",
            )
        )
    return result


@st.composite
def deficit_indicators(draw: st.DrawFn, *, every_dimension: bool = True) -> list[DeficitIndicator]:
    """Targets for the dimensions of the Decree 07 standard (every one, by default)."""
    dims = list(poverty_standards()[0].dimensions)
    if not every_dimension:
        dims = draw(st.lists(st.sampled_from(dims), unique_by=lambda d: d.id))
    return _draw_deficits(draw, dims)


# -- the printed results of a consistent plan, from the oracle ----------------------------------


def printed_annex(title: str, units: Sequence[AdministrativeUnit], plan: Plan) -> PrintedAnnex:
    """The printed annex of ``units`` (normally ``plan.units``) that agrees with ``plan``'s
    derived one, cell for cell.  Each unit needs an exact reduction target in ``plan``."""
    return oracle.results(units, oracle.reductions(plan, units), title)[1]


def with_agreeing_results(plan: Plan, annex_title: str) -> Plan:
    """``plan`` with headline targets and a printed annex that agree with its derived annex.

    The plan's own targets (its units' reduction targets) stay; area-level reduction, end count
    and end rate targets are added from the total, and the printed annex agrees with the
    derived one, cell for cell.  Every unit must have an exact reduction target.
    """
    headline, annex = oracle.results(plan.units, oracle.reductions(plan, plan.units), annex_title)
    return attrs.evolve(plan, targets=[*headline, *plan.targets], annex=annex)


# -- plans ------------------------------------------------------------------------------------

_PLAN_UNIT = st.tuples(_UNIT_DRAW, _PART)  # and its reduction, as a share of its poor
_MONTHS = st.integers(1, 12)


@functools.cache
def _plan_units(max_units: int) -> st.SearchStrategy[list[tuple[_UnitDraw, int]]]:
    return st.lists(_PLAN_UNIT, min_size=1, max_size=max_units)


@functools.cache
def _years() -> st.SearchStrategy[int]:
    period = poverty_standards()[0].period
    return st.integers(period.start, period.end)


def _draw_plan(draw: st.DrawFn, max_units: int, part: int | None, like: Plan | None) -> Plan:
    """A consistent plan; as ``part`` of a set led by ``like``, with ``like``'s period, date and
    legal bases, and its own area name (``… part``) and unit ids (``p{part}-u0``, …)."""
    if like is None:
        year = draw(_years())
        plan_date = PartialDate(year, draw(_MONTHS))
        # a basis from the start of the year before up to the day before the plan's month
        first = dt.date(year - 1, 1, 1)
        days = (plan_date.first_day() - first).days - 1
        basis = PartialDate.of(first + dt.timedelta(days=days * draw(_PART) // _PARTS))
        header = Header(issuer="UBND", date=plan_date, title="KẾ HOẠCH", symbol="KH-UBND")
        period = Period(year)
        bases: Sequence[LegalReference] = [
            LegalReference(DocumentKind.PLAN, "1/KH-UBND", basis, "UBND tỉnh", year=year)
        ]
    else:
        header, period, bases = like.header, like.period, like.legal_bases
    prefix, suffix = ("", "") if part is None else (f"p{part}-", f" {part}")
    drawn = draw(_plan_units(max_units))
    units = [_unit(f"{prefix}u{i}", d, 100_000) for i, (d, _) in enumerate(drawn)]
    reductions = [
        (u.poor_households or 0) * p // _PARTS for u, (_, p) in zip(units, drawn, strict=True)
    ]
    agency_list = draw(agencies())
    comps = _draw_components(draw, [a.id for a in agency_list], consistent=True)
    leads: dict[str, list[str]] = {}
    for c in itertools.chain.from_iterable(component.walk() for component in comps):
        if c.lead is not None:
            leads.setdefault(c.lead, []).append(c.code)
    headline, annex = oracle.results(units, reductions, f"MỤC TIÊU NĂM {period.end}")
    own = [
        Target(Measure.REDUCTION, Quantity(r), about=u.id)
        for u, r in zip(units, reductions, strict=True)
    ]
    return Plan(
        header=header,
        area=Area(name=draw(_NAMES) + suffix, kind=draw(_KINDS)),
        period=period,
        standard=poverty_standards()[0].id,
        programme=programme_catalogs()[0].id,
        units=units,
        targets=[*headline, *own],
        deficit_indicators=_draw_deficits(draw, poverty_standards()[0].dimensions),
        components=comps,
        agencies=agency_list,
        responsibilities=[
            Responsibility(agency=a, section=f"VI.{n}", components=codes)
            for n, (a, codes) in enumerate(leads.items(), start=1)
        ],
        legal_bases=tuple(bases),
        annex=annex,
    )


@st.composite
def plans(draw: st.DrawFn, *, max_units: int = 12) -> Plan:
    """A consistent single-year plan under the Decree 07 standard and the Decision 90 catalog.

    Units have exact reduction targets (0 to their poor households); the area's headline
    targets, the printed annex, the funding and the responsibilities all agree.
    """
    return _draw_plan(draw, max_units, None, None)


@st.composite
def plan_sets(
    draw: st.DrawFn, min_size: int = 1, max_size: int = 4, *, max_units: int = 6
) -> list[Plan]:
    """Consistent plans that can be rolled up together: one period and standard, distinct
    area names (``… 0``, ``… 1``, …) and disjoint unit ids (``p0-u0``, ``p1-u0``, …)."""
    n = draw(st.integers(min_size, max_size))
    if n == 0:
        return []
    first = _draw_plan(draw, max_units, 0, None)
    return [first, *(_draw_plan(draw, max_units, i, first) for i in range(1, n))]
