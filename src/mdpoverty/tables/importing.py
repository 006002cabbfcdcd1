"""An annex read from a spreadsheet, put into a plan: counts, reduction targets, printed rows."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import attrs

from mdpoverty.errors import FileProblem, PlanFileError, ValidationError, location
from mdpoverty.i18n import _
from mdpoverty.io._sources import Source, check_source, label_of, read_limited, refuse
from mdpoverty.model.document import Document
from mdpoverty.model.printed import PrintedRow
from mdpoverty.model.targets import HouseholdGroup, Measure, Target
from mdpoverty.model.units import AdministrativeUnit, UnitKind, unit_kind
from mdpoverty.tables.annex import has_target_annex
from mdpoverty.tables.figure_import import import_figures, is_figure_table
from mdpoverty.tables.read import ReadRow, _model_problem, read_annex_rows
from mdpoverty.tables.review_form import has_flows
from mdpoverty.values.bounds import MAX_FILE_BYTES
from mdpoverty.values.names import core_key, name_key, split_kind
from mdpoverty.values.quantities import Comparison, Quantity

__all__ = ["import_annex"]


def _split_kind(label: str) -> tuple[UnitKind | None, str]:
    """The kind a unit's printed name starts with (``Phường``, ``P.``, ``Xã`` …) and the key
    of the rest (:func:`~mdpoverty.values.names.core_key`)."""
    return unit_kind(label), core_key(label)


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "unit"


class _Units:
    """The plan's units indexed once, so that matching n rows costs n lookups, not n × units.

    Names match as :meth:`~mdpoverty.Document.unit` matches them
    (:func:`~mdpoverty.values.names.name_key`: either tone-mark placement, any Unicode form,
    case or spacing), and then without their
    kind prefix (``P. Xuất Hoá`` for ``Phường Xuất Hóa``) where the kinds do not disagree.
    """

    def __init__(self, units: Sequence[AdministrativeUnit]) -> None:
        self.by_id: dict[str, AdministrativeUnit] = {}
        self.by_name: dict[str, AdministrativeUnit] = {}
        self.by_core: dict[str, list[tuple[UnitKind | None, AdministrativeUnit]]] = {}
        for unit in units:
            self.by_id.setdefault(unit.id, unit)
            self.by_name.setdefault(name_key(unit.name), unit)
            kind, core = _split_kind(unit.name)
            self.by_core.setdefault(core, []).append((kind, unit))

    def match(self, row: PrintedRow) -> AdministrativeUnit | None:
        if row.unit is not None:
            return self.by_id.get(row.unit)
        unit = self.by_name.get(name_key(row.label))
        if unit is not None:
            return unit
        kind, core = _split_kind(row.label)
        for candidate_kind, candidate in self.by_core.get(core, ()):
            if kind is None or candidate_kind in (None, kind):
                return candidate
        return None


def import_annex(
    plan: Document, source: Source, *, add_units: bool = False, name: str | None = None
) -> Document:
    """``plan`` with the annex in an ``.xlsx`` or ``.csv`` file put into it (``source`` and
    ``name`` as :func:`~mdpoverty.tables.read.read_annex` takes them).

    Each row of the annex is matched to a unit of the plan by its ``id`` column, else by its
    name as :meth:`~mdpoverty.Document.unit` matches names (either tone-mark placement,
    any Unicode form, case or spacing: ``phường xuất hoá`` matches ``Phường Xuất Hóa``), else
    by its name without the kind prefix (``P. Nguyễn Thị Minh Khai`` matches ``Phường Nguyễn
    Thị Minh Khai``).  A row that matches no unit is an error, since a misspelt name would
    otherwise add a second unit and grow the totals; with ``add_units`` it adds one, its kind
    read from its name (``Phường …``, ``Xã …``, ``Thị trấn …``) and its id made from the name.
    The units take the annex's counts and order (units the annex does not list stay, after
    them; a blank cell leaves the unit's count as it was, and a near-poor column, where the
    annex has one, gives the near-poor households); each row's reduction, a number or a range
    ("90–100"), becomes the unit's reduction target for the plan year (a target of that value
    is kept as it is, another is replaced in its place); the printed annex becomes the file's,
    cell for cell.  A figure table (the ``.csv`` that :func:`~mdpoverty.tables.annex` gives a
    review) goes back to the document's figures
    (:func:`~mdpoverty.tables.figure_import.import_figures`).  A text cell a spreadsheet would
    run as a formula, written after an apostrophe by :func:`~mdpoverty.tables.annex_csv`, is
    read without it.  A review that prints flows of the year and has no annex of targets
    reads the review form instead
    (:func:`~mdpoverty.tables.review_form_import.import_review_form`).

    Raises:
        mdpoverty.errors.PlanFileError: Every cell that cannot be read or does not fit the plan, by
            its location in the annex (``annex/rows/0/households``) and its cell (``D7``).

    >>> import tempfile, pathlib
    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty.tables import annex, write_annex_xlsx
    >>> plan = bac_kan_2024()
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_annex_xlsx(annex(plan), pathlib.Path(folder, "annex.xlsx"))
    ...     import_annex(plan, pathlib.Path(folder, "annex.xlsx")) == plan
    True
    """
    # Read once, with every reader's checks (a stream can be read only once), then given to
    # the reader of the table annex() prints: an annex of targets first, else the review form
    # where the document prints flows (a report may have both: its sheet is then the annex),
    # else, for a CSV whose header names figures, the figure table.
    refuse(check_source("import_annex", source, name))
    label = label_of(source, name)
    raw = read_limited(source, label, MAX_FILE_BYTES, _("an annex"))
    if has_flows(plan) and not has_target_annex(plan):
        from mdpoverty.tables.review_form_import import import_review_form  # noqa: PLC0415

        return import_review_form(plan, raw, name=label)
    if is_figure_table(raw, name=label):  # a review's figure table: its cells to its figures
        return import_figures(plan, raw, name=label)
    read_file = read_annex_rows(raw, name=label)
    printed, rows, source = read_file.annex, read_file.rows, read_file.source
    problems = list(read_file.problems)
    unreadable = {p.cell for p in problems if p.cell is not None}
    units: list[AdministrativeUnit] = []
    reductions: dict[str, Quantity] = {}
    taken_ids = {u.id for u in plan.units}
    index = _Units(plan.units)
    listed_ids: set[str] = set()
    for read in rows:
        unit = _unit_of(read, index, taken_ids, problems, unreadable, add_units=add_units)
        if unit is None:
            continue
        if unit.id in listed_ids:
            problems.append(
                FileProblem(
                    location(read.where, "label"),
                    _("repeats the unit {unit!r}", unit=unit.id),
                    read.row.label,
                    cell=read.refs.get("label"),
                )
            )
            continue
        units.append(unit)
        listed_ids.add(unit.id)
        reduction = read.row.reduction
        if reduction is not None:
            reductions[unit.id] = (
                reduction if isinstance(reduction, Quantity) else Quantity(reduction)
            )
    if problems:
        raise PlanFileError(source, problems)
    listed = {u.id for u in units}
    all_units = [*units, *(u for u in plan.units if u.id not in listed)]
    targets = _targets(plan, reductions)
    printed = attrs.evolve(
        printed,
        rows=[attrs.evolve(r.row, unit=u.id) for r, u in zip(rows, units, strict=True)],
        title=printed.title if printed.title != "?" or plan.annex is None else plan.annex.title,
        caption=printed.caption or (plan.annex.caption if plan.annex is not None else ""),
        date=plan.annex.date if plan.annex is not None else None,
    )
    try:
        return attrs.evolve(plan, units=all_units, targets=targets, annex=printed)
    except ValidationError as error:
        raise PlanFileError(
            source,
            [_model_problem(p) for p in error.problems],
        ) from error


def _unit_of(
    read: ReadRow,
    index: _Units,
    taken_ids: set[str],
    problems: list[FileProblem],
    unreadable: set[str],
    *,
    add_units: bool,
) -> AdministrativeUnit | None:
    """The unit a row describes: a unit of ``plan`` with the row's counts (a blank cell leaves
    the unit's), or a new one."""
    row = read.row
    ref = read.refs.get("label", "")
    fields = ("households", "poor_households", "near_poor_households")
    if any(read.refs.get(f) in unreadable for f in fields if f in read.refs):
        return None  # its problem is reported: the blank it reads as is not the unit's
    unit = index.match(row)
    counts = {f: getattr(row, f) for f in fields if getattr(row, f) is not None}
    households, poor = row.households, row.poor_households
    try:
        if unit is not None:
            return attrs.evolve(unit, **counts)
        if not add_units:
            problems.append(
                FileProblem(
                    location(read.where, "unit" if row.unit is not None else "label"),
                    _(
                        "matches no unit of the plan (check its spelling, or pass --add-units, "
                        "add_units=True, to add it as a new unit)"
                    ),
                    row.unit if row.unit is not None else row.label,
                    cell=read.refs.get("id", ref) if row.unit is not None else ref,
                )
            )
            return None
        kind = _split_kind(row.label)[0]
        core = split_kind(row.label)[1]
        if kind is None:
            problems.append(
                FileProblem(
                    location(read.where, "label"),
                    _(
                        "matches no unit of the plan, and its name does not say its kind "
                        "(begin it with {kinds} …, or add the unit to the plan)",
                        kinds=("'Phường'", "'Xã'", "'Thị trấn'"),  # words of the document
                    ),
                    row.label,
                    cell=ref,
                )
            )
            return None
        unit_id = row.unit or _slug(core)
        while unit_id in taken_ids:
            unit_id += "-2"
        taken_ids.add(unit_id)
        return AdministrativeUnit(
            unit_id, row.label, kind, households, poor, row.near_poor_households
        )
    except ValidationError as error:
        for p in error.problems:
            problems.append(
                FileProblem(
                    location(read.where, p.field),
                    p.reason,
                    p.value,
                    cell=read.refs.get(p.field, ref),
                )
            )
        return None


def _targets(plan: Document, reductions: dict[str, Quantity]) -> list[Target]:
    """The plan's targets with each unit's plan-year reduction target the annex's: kept where
    it has the annex's value, else replaced in its place; added where the unit had none."""
    targets: list[Target] = []
    placed: set[str] = set()
    for target in plan.targets:
        about = target.about
        if (
            about is None
            or about not in reductions
            or target.measure is not Measure.REDUCTION
            or target.group is not HouseholdGroup.POOR
            or target.year not in (None, plan.year)
        ):
            targets.append(target)
        elif about not in placed:
            placed.add(about)
            value = reductions[about]
            same = target.value == value and target.comparison is Comparison.EXACTLY
            targets.append(target if same else _annex_target(about, value))
    targets += [_annex_target(u, v) for u, v in reductions.items() if u not in placed]
    return targets


def _annex_target(unit_id: str, value: Quantity) -> Target:
    return Target(Measure.REDUCTION, value, about=unit_id, section="annex")
