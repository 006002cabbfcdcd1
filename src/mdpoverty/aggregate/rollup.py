"""Many plans rolled up into one view: the communes of a district, the districts of a province."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import attrs
import pandas as pd

from mdpoverty.aggregate import _sums as _ag
from mdpoverty.aggregate._faces import faced
from mdpoverty.aggregate.allocations import (
    axis_sums,
    capital_frame,
    unit_frame,
    unit_names,
    year_frame,
)
from mdpoverty.aggregate.funding import by_code, component_frame, source_frame, source_sums
from mdpoverty.aggregate.units import (
    deficit_cell,
    deficit_targets,
    kind_frame,
    kind_sums,
    plan_kind_sums,
    plan_sum,
    ranked_deficits,
)
from mdpoverty.errors import Problem, RollupError, ValidationError, expect
from mdpoverty.i18n import Lang, _, localize
from mdpoverty.model._derived import hold
from mdpoverty.model.document import Document
from mdpoverty.model.programme import Level
from mdpoverty.model.units import UnitKind
from mdpoverty.tables.annex import (
    TOTAL,
    TOTAL_LABEL,
    TOTAL_MESSAGE,
    AnnexRow,
    UnitSum,
    _annex_rows,
    _kept_annex_rows,
)
from mdpoverty.tables.shape import Labels, check_switches
from mdpoverty.values._validation import Items, to_tuple

# -- roll-ups ----------------------------------------------------------------------------------


def _shape_problems(keys: tuple[str, ...], plans: tuple[Document, ...]) -> list[Problem]:
    """Plans that are not documents, none at all, or keys that do not name each plan."""
    shapes = [
        Problem("Rollup", name, value, _("must be a list or tuple"), code="wrong-type")
        for name, value in (("keys", keys), ("plans", plans))
        if not isinstance(value, tuple)
    ]
    if shapes:
        return shapes
    if not plans:
        return [Problem("Rollup", "plans", (), _("must hold at least one plan"))]
    wrong = [
        Problem("Rollup", "plans", p, _("must be a Document"), path=str(i), code="wrong-type")
        for i, p in enumerate(plans)
        if not isinstance(p, Document)
    ]
    if not wrong and len(keys) != len(plans):
        reason = _("must name each plan ({n})", n=len(plans))
        wrong.append(Problem("Rollup", "keys", len(keys), reason))
    return wrong


def _rollup_problems(keys: tuple[str, ...], plans: tuple[Document, ...]) -> Iterator[Problem]:
    shape = _shape_problems(keys, plans)
    if shape:
        yield from shape
        return
    seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        if not isinstance(key, str) or key == TOTAL:
            yield Problem(
                _("Plan {n}", n=i),
                "key",
                key,
                _(
                    "must be text other than {total!r}, the label of the total row (pass a "
                    "mapping of names to plans to name them apart)",
                    total=TOTAL,
                ),
            )
        if key in seen:
            yield Problem(
                _("Plans {first} and {second}", first=seen[key], second=i),
                "key",
                key,
                _("must differ (pass a mapping of names to plans to name them apart)"),
            )
        seen.setdefault(key, i)
    first, head = keys[0], plans[0]
    for key, plan in zip(keys[1:], plans[1:], strict=True):
        if plan.period == head.period and plan.standard == head.standard:
            continue  # (the message naming the pair is made only for a problem)
        pair = _("Plan {first!r} and plan {second!r}", first=first, second=key)
        if plan.period != head.period:
            same = _("must be the same")
            yield Problem(pair, "period", f"{head.period} vs {plan.period}", same)
        if plan.standard != head.standard:
            same = _("must be the same")
            yield Problem(pair, "standard", f"{head.standard} vs {plan.standard}", same)
    owner: dict[str, str] = {}
    for key, plan in zip(keys, plans, strict=True):
        for unit in plan.units:
            if unit.id in owner:
                yield Problem(
                    _("Plan {first!r} and plan {second!r}", first=owner[unit.id], second=key),
                    "units",
                    unit.id,
                    _("must not both hold the unit"),
                )
            else:
                owner[unit.id] = key


def _text_items(value: Items[str]) -> tuple[str, ...]:
    return to_tuple(value)


def _document_items(value: Items[Document]) -> tuple[Document, ...]:
    return to_tuple(value)


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

    keys: tuple[str, ...] = attrs.field(converter=_text_items)
    plans: tuple[Document, ...] = attrs.field(converter=_document_items)

    def __attrs_post_init__(self) -> None:
        problems = list(_rollup_problems(self.keys, self.plans))
        if problems:
            raise RollupError(problems)
        # Every table goes through every plan: their derived facts are kept while the
        # roll-up lives, rather than derived anew by each table beyond the latest few plans.
        hold(self, self.plans)

    def _pairs(self) -> Iterator[tuple[str, Document]]:
        return zip(self.keys, self.plans, strict=True)

    def _check(self, labels: object, lang: object, *, total: object = True) -> None:
        check_switches("Rollup", labels=labels, total=total, lang=lang)

    def _faced(
        self, frame: pd.DataFrame, table: str, labels: Labels, lang: Lang, *, total: bool
    ) -> pd.DataFrame:
        return faced(frame, table, self.plans, labels=labels, lang=lang, total=total)

    # -- units --

    @property
    def total(self) -> AnnexRow:
        """The total row of every unit of every plan (the annex's total of the union)."""
        return self._grand().row(TOTAL_LABEL["vi"])

    def _grand(self) -> UnitSum:
        grand = UnitSum()
        for plan in self.plans:
            for part in plan_kind_sums(plan).values():
                grand.merge(part)
        return grand

    def units(
        self, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
    ) -> pd.DataFrame:
        """Every unit of every plan, as in the plans' annexes, and their total.

        Index ``unit`` (the unit id); columns ``plan`` (the plan's key), ``kind``, then
        :data:`UNIT_COLUMNS` (``units`` is 1 for a unit).
        """
        self._check(labels, lang, total=total)
        rows: list[tuple[str, dict[str, object], int, AnnexRow | _ag.UnitValues]] = []
        for key, plan in self._pairs():
            extras: dict[UnitKind, dict[str, object]] = {}  # one for the units of a kind
            for unit, row in zip(plan.units, _unit_rows(plan), strict=False):
                columns = extras.get(unit.kind)
                if columns is None:
                    columns = extras[unit.kind] = {"plan": key, "kind": unit.kind.value}
                # (its cells only: see unit_values; labelled with the unit's name)
                rows.append((unit.id, columns, 1, _ag.unit_values(row, unit.name)))
        if total:
            grand = self._grand()
            rows.append((TOTAL, {}, grand.n, grand.row(localize(TOTAL_MESSAGE, lang))))
        frame = _ag.unit_frame(rows, [("plan", "object"), ("kind", "object")], "unit")
        return self._faced(frame, "rollup.units", labels, lang, total=total)

    def by_plan(
        self, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
    ) -> pd.DataFrame:
        """A row per plan (its units summed, its rates recomputed) and the total.

        The rows of districts in a province's annex.  Index ``plan`` (the plan's key);
        columns :data:`UNIT_COLUMNS`.
        """
        self._check(labels, lang, total=total)
        rows: list[tuple[str, dict[str, object], int, AnnexRow]] = []
        grand = UnitSum()
        for key, plan in self._pairs():
            s = plan_sum(plan)
            grand.merge(s)
            rows.append((key, {}, s.n, s.row(key)))
        if total:
            rows.append((TOTAL, {}, grand.n, grand.row(localize(TOTAL_MESSAGE, lang))))
        frame = _ag.unit_frame(rows, [], "plan")
        return self._faced(frame, "rollup.by_plan", labels, lang, total=total)

    def by_kind(
        self, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
    ) -> pd.DataFrame:
        """Every unit grouped by kind, as :func:`units_by_kind`."""
        self._check(labels, lang, total=total)
        frame = kind_frame(kind_sums(self.plans), total=total, lang=lang)
        return self._faced(frame, "units_by_kind", labels, lang, total=total)

    # -- funding --

    def funding_by_source(
        self, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
    ) -> pd.DataFrame:
        """Funding of every plan by source, as :func:`funding_by_source`."""
        self._check(labels, lang, total=total)
        frame = source_frame(source_sums(self.plans), total=total)
        return self._faced(frame, "funding_by_source", labels, lang, total=total)

    def funding_by_component(
        self,
        level: Level | int | None = None,
        *,
        total: bool = True,
        labels: Labels = "fields",
        lang: Lang = "vi",
    ) -> pd.DataFrame:
        """Funding of every plan by project code, as :func:`funding_by_component`.

        Components of the same code in several plans share a row; where plans name it
        differently, the row shows the alphabetically first name.
        """
        self._check(labels, lang, total=total)
        sums, names = by_code(self.plans, level)
        frame = component_frame(sums, names, total=total)
        return self._faced(frame, "funding_by_component", labels, lang, total=total)

    def funding_by_capital(
        self, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
    ) -> pd.DataFrame:
        """Funding of every plan by kind of capital, as :func:`funding_by_capital`."""
        self._check(labels, lang, total=total)
        frame = capital_frame(*axis_sums(self.plans, "capital"), total=total, lang=lang)
        return self._faced(frame, "funding_by_capital", labels, lang, total=total)

    def funding_by_year(
        self, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
    ) -> pd.DataFrame:
        """Funding of every plan by year, as :func:`funding_by_year`."""
        self._check(labels, lang, total=total)
        frame = year_frame(*axis_sums(self.plans, "year"), total=total)
        return self._faced(frame, "funding_by_year", labels, lang, total=total)

    def funding_by_unit(
        self, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
    ) -> pd.DataFrame:
        """Funding of every plan by the unit it is allocated to, as :func:`funding_by_unit`.

        Units of the same id in several plans share a row, named as the first plan names it.
        """
        self._check(labels, lang, total=total)
        sums, n = axis_sums(self.plans, "unit")
        frame = unit_frame(sums, n, unit_names(self.plans), total=total)
        return self._faced(frame, "funding_by_unit", labels, lang, total=total)

    def funding_by_plan(
        self, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
    ) -> pd.DataFrame:
        """A row per plan with its counted funding; index ``plan``, the funding columns."""
        self._check(labels, lang, total=total)
        rows: list[tuple[str, dict[str, object], _ag.FundingSum]] = [
            (key, {}, source_sums([plan])) for key, plan in self._pairs()
        ]
        frame = _ag.funding_frame(rows, [], "plan", total=total)
        return self._faced(frame, "rollup.funding_by_plan", labels, lang, total=total)

    # -- deficit targets --

    def deficit_targets(self, *, labels: Labels = "fields", lang: Lang = "vi") -> pd.DataFrame:
        """The plans' deficit targets side by side: a row per indicator id, a column per plan.

        Rows are indicator ids (plans drawn from one template share them) in the order of
        their dimensions in the standard, then first appearance.  Column ``dimension`` gives
        each row's dimension id (``None`` for a general result; the first plan's where plans
        differ), then one column per plan key whose cell is the target's value as in
        :func:`deficit_targets` (a number, or a Quantity for a range), the string
        ``"qualitative"`` for a qualitative target, or ``None`` where the plan has no target
        of that id.  :meth:`deficit_target_rows` has every detail.
        """
        self._check(labels, lang)
        cells: dict[str, dict[str, object]] = {}
        dims: dict[str, str | None] = {}
        rank: dict[str, int] = {}
        for key, plan in self._pairs():
            for d, rank_of in ranked_deficits(plan):
                if d.id not in cells:
                    cells[d.id], dims[d.id], rank[d.id] = {}, d.dimension, rank_of
                cells[d.id][key] = deficit_cell(d)
        ids = sorted(cells, key=lambda i: rank[i])  # stable: first appearance within a rank
        frame = pd.DataFrame(
            [[dims[i], *(cells[i].get(key) for key in self.keys)] for i in ids],
            columns=pd.Index(["dimension", *self.keys], dtype=object),
            dtype=object,
        )
        frame.index = pd.Index(ids, name="id", dtype=object)
        return self._faced(frame, "rollup.deficit_targets", labels, lang, total=False)

    def deficit_target_rows(
        self, *, total: bool = False, labels: Labels = "fields", lang: Lang = "vi"
    ) -> pd.DataFrame:
        """Every plan's :func:`deficit_targets`, stacked: index (``plan``, ``id``).

        The switches are :func:`deficit_targets`' (``total`` must be ``False``: targets about
        different populations do not add up), and so are the columns' printed headers.
        """
        self._check(labels, lang, total=total)
        if total:
            reason = _("must be False: deficit targets about different populations do not add up")
            raise ValidationError([Problem("deficit_target_rows", "total", total, reason)])
        frames = [deficit_targets(plan) for plan in self.plans]
        frame = pd.concat(frames, keys=list(self.keys), names=["plan", "id"])
        return self._faced(frame, "rollup.deficit_target_rows", labels, lang, total=False)


def _unit_rows(plan: Document) -> tuple[AnnexRow, ...]:
    """The plan's annex rows (a row per unit, then the total): the kept ones where a check or
    a table has just derived them, else derived here and not kept.

    Not kept, because the table of units reads them once: kept for every plan of a national
    set (beyond the facts a roll-up holds) they would be a third of the objects each pass of
    the garbage collector goes through.
    """
    rows = _kept_annex_rows(plan)
    return _annex_rows(plan) if rows is None else rows


def rollup(plans: Iterable[Document] | Mapping[str, Document]) -> Rollup:
    """Several plans combined into one view: the communes of a district, the districts of a
    province.

    ``plans`` is a sequence of plans, each named by its area's name, or a mapping from names to
    plans.  All plans must cover the same period under the same poverty standard, and no unit
    id may appear in two plans; otherwise :class:`RollupError` lists every problem, naming
    both plans of each.

    >>> from mdpoverty.aggregate import funding_by_source
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
    mdpoverty.errors.RollupError: cannot roll up: 8 problems:
      - Plan 'a' and plan 'b': 'units' must not both hold the unit: 'song-cau'
    ...
    """
    if isinstance(plans, Mapping):
        return Rollup(tuple(plans.keys()), tuple(plans.values()))
    given: object = plans
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        expect("rollup", plans=(given, (list, tuple, Mapping)))
    plan_tuple = tuple(plans)
    keys = tuple(p.area.name if isinstance(p, Document) else str(i) for i, p in enumerate(plans))
    return Rollup(keys, plan_tuple)
