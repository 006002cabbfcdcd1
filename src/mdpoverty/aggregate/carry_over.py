"""A plan's unit figures re-expressed in the units of 1 July 2025 (and back, where exact).

Plans before the 2025 reorganisation count households in the old communes, wards and
townships; plans from 2026 count them in the new units.  To compare the two, the old figures must
be re-expressed in the new units.  :func:`carry_over` does that exactly where it can and refuses
where it cannot:

* a new unit's row is **complete** when the plan covers every old unit the new unit took in, and
  each of those went into it whole.  Its counts are then the exact sums of the old units' counts,
  and its rates are recomputed from the sums (never averaged), half-up to 2 decimals;
* otherwise the row is **incomplete**: its counts are missing (``<NA>``), never a partial sum
  shown as a whole, and ``missing`` and ``why`` say which old units the plan does not cover and
  which old units were split between several new ones.

The plan's units are matched to the crosswalk (:mod:`mdpoverty.reference.admin_units`) by their
official ``code`` where they have one, else by name within the plan's province (the area's
``province``, or the area itself when it is a province); a name must match exactly one unit.
Whether a plan's units are old or new follows from its date (before or from 1 July 2025) unless
``basis`` says.

A 2024 plan covering three communes of Cao Bằng (made-up counts): two of them became one new
commune whole, the third merged with a commune the plan does not cover.  Two units give their
codes: the province has two communes named Vĩnh Quang, and a code is never ambiguous.

>>> from mdpoverty import AdministrativeUnit as Unit, Area, Header, PartialDate, Period, Plan
>>> from mdpoverty import UnitKind
>>> plan = Plan(
...     header=Header("UBND", PartialDate(2024, 3), "KẾ HOẠCH"),
...     area=Area("Cao Bằng", UnitKind.PROVINCE), period=Period(2024), standard="decree-07-2021",
...     units=[Unit("a", "Xã Lý Bôn", UnitKind.COMMUNE, 1000, 20),
...            Unit("b", "Xã Vĩnh Quang", UnitKind.COMMUNE, 500, 15, code="01300"),
...            Unit("c", "Xã Nam Cao", UnitKind.COMMUNE, 800, 40, code="01296")])
>>> table = carry_over(plan)
>>> table[["name", "households", "poor_households", "poverty_rate", "complete"]]
... # doctest: +NORMALIZE_WHITESPACE
              name  households  poor_households poverty_rate  complete
code
01294    Xã Lý Bôn        1500               35         2.33      True
01297  Xã Nam Quang       <NA>             <NA>         <NA>     False
>>> table.loc["01297", "missing"]
'Xã Nam Quang (01297)'
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from typing import Literal, TypeVar

import attrs
import pandas as pd

from mdpoverty.aggregate._carried_faces import carried_face, check_carried, format_carried
from mdpoverty.errors import MdpovertyError, Problem, ValidationError, expect, location
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model.document import Document
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference import admin_units as au
from mdpoverty.reference.admin_units import Basis, basis_of
from mdpoverty.tables.annex import TOTAL, UnitSum, unit_reductions
from mdpoverty.tables.shape import Labels
from mdpoverty.values.names import core_key
from mdpoverty.values.numbers import rate
from mdpoverty.values.quantities import Quantity

__all__ = [
    "CARRIED_HEADERS",
    "CARRY_OVER_COLUMNS",
    "carry_back",
    "carry_over",
    "format_carried",
    "with_codes",
]

D = TypeVar("D", bound=Document)
"""A kind of document (a function that takes one returns one of the same kind)."""


"""The day the two-tier local government and its units took effect."""

CARRY_OVER_COLUMNS = (
    "name",
    "province",
    "complete",
    "households",
    "poor_households",
    "poverty_rate",
    "near_poor_households",
    "near_poverty_rate",
    "reduction",
    "rate_reduction",
    "end_rate",
    "units",
    "missing",
    "why",
)
"""The columns of :func:`carry_over` and :func:`carry_back` (the index is the unit's code)."""

_COUNTS = ("households", "poor_households", "near_poor_households", "reduction")

CARRIED_HEADERS: dict[str, Message] = {
    "name": _("Unit"),
    "province": _("Province"),
    "complete": _("Complete"),
    "poverty_rate": _("Poverty rate at the start of the year (%)"),
    "near_poor_households": _("Near-poor households at the start of the year"),
    "near_poverty_rate": _("Near-poverty rate at the start of the year (%)"),
    "units": _("Units of the document"),
    "missing": _("Units not covered"),
    "why": _("Why incomplete"),
    "group": _("Household group"),
    "time": _("Time"),
    "year": _("Year"),
    "count": _("Number"),
    "rate": _("Rate (%)"),
}
"""The printed headers of the carried tables' own fields (messages, said in the table's
language); the others (``households``, ``reduction`` …) are printed as in the aggregation's
tables."""

AnyUnit = au.NewUnit | au.OldUnit


def _basis(plan: Document, basis: Basis | None) -> Basis:
    if basis is not None:
        return basis
    found = basis_of(plan)
    if found is not None:
        return found
    raise ValidationError(
        [
            Problem(
                "Plan",
                "header.date",
                None if plan.header.date is None else str(plan.header.date),
                _("may fall before or after 1 July 2025: pass basis='old' or basis='new'"),
            )
        ]
    )


def _province(plan: Document) -> str | None:
    if plan.area.province is not None:
        return plan.area.province
    return plan.area.name if plan.area.kind is UnitKind.PROVINCE else None


def _match(plan: Document, basis: Basis) -> dict[str, AnyUnit]:
    """The crosswalk unit of each of the plan's units, by unit id; every failure at once."""
    lookup: Callable[..., AnyUnit] = au.old_unit if basis == "old" else au.new_unit
    province = _province(plan)
    found: dict[str, AnyUnit] = {}
    codes: set[str] = set()  # of the units found
    problems: list[Problem] = []
    for i, unit in enumerate(plan.units):
        where = f"AdministrativeUnit {unit.id!r}"
        try:
            if unit.code is not None:
                match = lookup(unit.code)
                if core_key(match.name) != core_key(unit.name):
                    problems.append(
                        Problem(
                            where,
                            "code",
                            unit.code,
                            _(
                                "is the code of {unit}, not of {name!r}",
                                unit=str(match),
                                name=unit.name,
                            ),
                            location("units", i),
                        )
                    )
            else:
                match = lookup(unit.name, province=province)
        except MdpovertyError as error:  # unknown or ambiguous: the message says which
            field = "code" if unit.code is not None else "name"
            value = unit.code if unit.code is not None else unit.name
            problems.append(
                Problem(
                    where,
                    field,
                    value,
                    _no_match(basis, error),
                    location("units", i),
                )
            )
            continue
        if match.code in codes:
            problems.append(
                Problem(
                    where,
                    "name",
                    unit.name,
                    _("is a second unit for {unit}", unit=str(match)),
                    location("units", i),
                )
            )
        found[unit.id] = match
        codes.add(match.code)
    if problems:
        raise ValidationError(problems)
    return found


@attrs.frozen
class _Row:
    target: AnyUnit
    sources: tuple[AdministrativeUnit, ...]
    missing: tuple[AnyUnit, ...]
    why: tuple[Message, ...]


def _no_match(basis: Basis, error: MdpovertyError) -> Message:
    """Why a unit matches no unit of the crosswalk, or several (``error`` says which)."""
    said = error.args[0] if len(error.args) == 1 else str(error)  # a message, said as one
    if basis == "old":
        return _("does not match exactly one unit before 1 July 2025: {error}", error=said)
    return _("does not match exactly one unit from 1 July 2025: {error}", error=said)


def _label(unit: AnyUnit) -> str:
    return f"{unit.name} ({unit.code})"


def _doubtful_links() -> dict[frozenset[str], au.Link]:
    """The crosswalk's doubtful links, by the pair of codes they join (new and old)."""
    return {frozenset((k.new.code, k.old.code)): k for k in au.links() if k.doubtful}


def _rows(
    plan: Document,
    matched: dict[str, AnyUnit],
    destinations: Callable[[AnyUnit], Sequence[AnyUnit]],
    sources: Callable[[AnyUnit], Sequence[AnyUnit]],
    spread: Callable[[AnyUnit, Sequence[AnyUnit]], Message],
) -> list[_Row]:
    """One row per unit that the plan's units went into.

    A row is complete when every source of its unit is in the plan, goes into this unit
    only, and through a link the resolutions do not put in doubt: then, and only then, the sum
    of the sources' figures is the unit's figure.
    """
    doubtful = _doubtful_links()
    units = {matched[u.id].code: u for u in plan.units}
    targets = {t.code: t for m in matched.values() for t in destinations(m)}
    rows = []
    for code in sorted(targets):
        target = targets[code]
        covered, missing = [], []
        why: list[Message] = []
        for source in sources(target):
            if source.code not in units:
                missing.append(source)
                continue
            covered.append(units[source.code])
            doubt = doubtful.get(frozenset((code, source.code)))
            if doubt is not None:
                why.append(
                    _(
                        "the link {old} → {new} is doubtful ({source})",
                        old=_label(doubt.old),
                        new=_label(doubt.new),
                        source=doubt.source,
                    )
                )
            elsewhere = [d for d in destinations(source) if d.code != code]
            if elsewhere:
                why.append(spread(source, elsewhere))
        if missing:
            listed = tuple(_label(m) for m in missing)
            why.insert(0, _("the plan does not cover {units}", units=listed))
        rows.append(_Row(target, tuple(covered), tuple(missing), tuple(why)))
    return rows


def _figures(
    units: Sequence[AdministrativeUnit], reductions: Mapping[str, Quantity | None]
) -> dict[str, object]:
    """The summed counts and recomputed rates of ``units`` (a complete row: all counted).

    The sums and rates are the total row's (:class:`~mdpoverty.tables.annex.UnitSum`); the
    reduction counts only when every unit has an exact one.
    """
    sums = UnitSum()
    for u in units:
        sums.add(u.households, u.poor_households, reductions[u.id])
    row = sums.row(TOTAL)
    households, poor = row.households, row.poor_households
    if households is None or poor is None:  # only complete rows come here: all counted
        raise AssertionError("a row without counts is never complete")
    near = [u.near_poor_households for u in units]
    near_poor = None if None in near else sum(n for n in near if n is not None)
    exact = row.reduction is not None and row.reduction.is_exact
    reduction, points, end = (row.reduction, row.rate_reduction, row.end_rate)
    if not exact:
        reduction = points = end = None
    return {
        "households": households,
        "poor_households": poor,
        "poverty_rate": row.start_rate,
        "near_poor_households": near_poor,
        "near_poverty_rate": None if near_poor is None else rate(near_poor, households),
        "reduction": None if reduction is None else int(reduction.low),
        "rate_reduction": None if points is None else points.low,
        "end_rate": None if end is None else end.low,
    }


def said(why: Sequence[Message], lang: Lang) -> str:
    """The reasons a row is incomplete, said in ``lang``: the ``why`` cell of a carried table."""
    return "; ".join(localize(reason, lang) for reason in why)


def _frame(plan: Document, rows: Sequence[_Row], lang: Lang) -> pd.DataFrame:
    reductions = {unit.id: reduction for unit, reduction in unit_reductions(plan)}
    records = []
    for row in rows:
        # A unit that gives no count leaves its row blank: a sum over it would print 0.
        uncounted = tuple(u.name for u in row.sources if not u.has_counts)
        why = (
            [*row.why, _("the plan gives no counts for {units}", units=uncounted)]
            if uncounted
            else row.why
        )
        complete = not why
        record: dict[str, object] = {
            "code": row.target.code,
            "name": row.target.name,
            "province": row.target.province,
            "complete": complete,
            "units": "; ".join(f"{u.name} ({u.code})" if u.code else u.name for u in row.sources),
            "missing": "; ".join(_label(m) for m in row.missing),
            "why": said(why, lang),
        }
        record.update(_figures(row.sources, reductions) if complete else dict.fromkeys(_COUNTS))
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=["code", *CARRY_OVER_COLUMNS])
    for column in _COUNTS:
        frame[column] = frame[column].astype("Int64")
    for column in ("poverty_rate", "near_poverty_rate", "rate_reduction", "end_rate"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), pd.NA)
    frame["complete"] = frame["complete"].astype(bool)
    return frame.set_index("code")


def _identity(plan: Document, matched: dict[str, AnyUnit]) -> list[_Row]:
    return [
        _Row(matched[u.id], (u,), (), ())
        for u in sorted(plan.units, key=lambda u: matched[u.id].code)
    ]


def _spread_old(old: AnyUnit, others: Sequence[AnyUnit]) -> Message:
    listed = tuple(_label(o) for o in others)
    return _("{unit} was split: part of it went to {units}", unit=_label(old), units=listed)


def _spread_new(new: AnyUnit, others: Sequence[AnyUnit]) -> Message:
    listed = tuple(_label(o) for o in others)
    return _(
        "{unit} also took in {units}: its figures cannot be divided",
        unit=_label(new),
        units=listed,
    )


def _layout(document: Document, basis: Basis | None, *, back: bool) -> list[_Row]:
    """The rows of ``document`` carried into the units of 2025 (``back``: into the old ones):
    each with the document's units it sums and, where it cannot be exact, why."""
    chosen = _basis(document, basis)
    matched = _match(document, chosen)
    if (chosen == "old") == back:  # already in the units wanted
        return _identity(document, matched)
    if back:
        return _rows(document, matched, _old_of, _new_of, _spread_new)
    return _rows(document, matched, _new_of, _old_of, _spread_old)


def _new_of(unit: AnyUnit) -> list[AnyUnit]:
    return [link.new for link in au.links_from(unit.code)]


def _old_of(unit: AnyUnit) -> list[AnyUnit]:
    return [link.old for link in au.links_into(unit.code)]


_COMMUNE_LEVEL = frozenset(
    {UnitKind.WARD, UnitKind.COMMUNE, UnitKind.TOWNSHIP, UnitKind.SPECIAL_ZONE}
)
"""The kinds of unit the crosswalk holds (communes, wards, townships, special zones)."""


def with_codes(document: D, *, basis: Basis | None = None) -> D:
    """``document`` with the official code of each commune-level unit that gives none, where
    its name (and the document's province) names exactly one unit of the crosswalk.

    A unit whose name matches no unit, or several, keeps no code: :func:`carry_over` says
    which and why.  The units of a document before 1 July 2025 are the old units, from that
    date the new ones, unless ``basis`` says.

    >>> from mdpoverty import AdministrativeUnit as Unit, Area, Header, PartialDate, Period, Plan
    >>> from mdpoverty import UnitKind
    >>> plan = Plan(
    ...     header=Header(issuer="UBND tỉnh", date=PartialDate(2024, 3), title="KẾ HOẠCH"),
    ...     area=Area("tỉnh Cao Bằng", UnitKind.PROVINCE),
    ...     period=Period(2024),
    ...     units=[Unit("ly-bon", "Xã Lý Bôn", UnitKind.COMMUNE, 500, 50)],
    ... )
    >>> with_codes(plan).units[0].code
    '01294'
    """
    expect("with_codes", document=(document, Document))
    chosen = _basis(document, basis)
    lookup: Callable[..., AnyUnit] = au.old_unit if chosen == "old" else au.new_unit
    province = _province(document)
    codes: dict[str, str] = {}
    for unit in document.units:
        if unit.code is None and unit.kind in _COMMUNE_LEVEL:
            with contextlib.suppress(MdpovertyError):  # unknown or ambiguous: no code
                codes[unit.id] = lookup(unit.name, province=province).code
    units = [attrs.evolve(u, code=codes[u.id]) if u.id in codes else u for u in document.units]
    return attrs.evolve(document, units=units)


def carry_over(
    plan: Document,
    *,
    basis: Literal["old", "new"] | None = None,
    labels: Labels = "fields",
    total: bool = False,
    lang: Lang = "vi",
) -> pd.DataFrame:
    """The plan's unit figures in the units of 1 July 2025, one row per new unit it touches.

    Args:
        plan: A plan whose units are communes, wards or townships (the crosswalk's level).
        basis: Whether the plan's units are the ``"old"`` ones or already the ``"new"`` ones;
            by default, from the plan's date (before 1 July 2025: old).  A plan in new units
            carries over unchanged.
        labels: ``"fields"`` (the default) names the columns as :data:`CARRY_OVER_COLUMNS`;
            ``"printed"`` by :data:`CARRIED_HEADERS` (and the aggregation's headers for the
            annex's figures) in the language ``lang``.  The cells are the same.
        total: Must be ``False`` (taken so that every table function takes the same
            switches): the table has no total row, since an incomplete row's counts are blank
            and a total over it would count them as 0.
        lang: The language of the printed headers and of the reasons in ``why``
            (``"vi"`` or ``"en"``).

    Returns:
        A table indexed by the new unit's ``code``, with the columns of
        :data:`CARRY_OVER_COLUMNS`: its name and province; ``complete``; the summed counts
        (nullable integers) and the rates recomputed from them (:class:`~decimal.Decimal`) of
        the complete rows, ``<NA>`` in the others (and where the plan does not give a count,
        e.g. no near-poor households or no exact reduction target); ``units``, the plan's units
        in the row; ``missing``, the old units the new unit took in that the plan does not
        cover; and ``why`` a row is incomplete.  Its ``attrs`` are the shared ones
        (:func:`~mdpoverty.tables.shape.table_attrs`; ``table`` is ``"carry_over"``).

    Raises:
        ValidationError: Units that match no unit, or several, of the crosswalk (all of them);
            switches out of their values; ``total=True``.
    """
    check_carried("carry_over", plan, labels=labels, lang=lang, total=total)
    frame = _frame(plan, _layout(plan, basis, back=False), lang)
    return carried_face(
        frame, "carry_over", plan, headers=CARRIED_HEADERS, labels=labels, lang=lang
    )


def carry_back(
    plan: Document,
    *,
    basis: Literal["old", "new"] | None = None,
    labels: Labels = "fields",
    total: bool = False,
    lang: Lang = "vi",
) -> pd.DataFrame:
    """The reverse: a plan's figures in new units re-expressed in the units before 1 July 2025.

    Exact only where an old unit's figure is a sum of new units' figures: when every new unit
    that took in (part of) the old unit took in nothing else.  That is so for an old unit that
    became a new unit on its own, whole or split; but a new unit that merged several old ones
    holds no record of how its households were divided among them, so those old units' rows
    are incomplete, never estimated.  The table has the form of :func:`carry_over`'s, indexed
    by old codes, and takes the same switches (``attrs["table"]`` is ``"carry_back"``); a plan
    already in old units carries back unchanged.
    """
    check_carried("carry_back", plan, labels=labels, lang=lang, total=total)
    frame = _frame(plan, _layout(plan, basis, back=True), lang)
    return carried_face(
        frame, "carry_back", plan, headers=CARRIED_HEADERS, labels=labels, lang=lang
    )
