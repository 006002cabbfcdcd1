"""An annex read from a spreadsheet, put into a plan: counts, reduction targets, printed rows."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import attrs

from mdpoverty.errors import FileProblem, PlanFileError, ValidationError, location
from mdpoverty.io._sources import Source
from mdpoverty.model.document import Document
from mdpoverty.model.printed import PrintedRow
from mdpoverty.model.targets import HouseholdGroup, Measure, Target
from mdpoverty.model.units import AdministrativeUnit, UnitKind, unit_kind
from mdpoverty.tables.read import ReadRow, read_annex_rows
from mdpoverty.values.names import core_key, name_key, split_kind
from mdpoverty.values.quantities import Quantity

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
    them); each row's reduction becomes the unit's reduction target for the plan year; the
    printed annex becomes the file's, cell for cell.

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
    read_file = read_annex_rows(source, name=name)
    printed, rows, source = read_file.annex, read_file.rows, read_file.source
    problems = list(read_file.problems)
    unreadable = {p.cell for p in problems if p.cell is not None}
    units: list[AdministrativeUnit] = []
    reductions: dict[str, int] = {}
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
                    f"repeats the unit {unit.id!r}",
                    read.row.label,
                    cell=read.refs.get("label"),
                )
            )
            continue
        units.append(unit)
        listed_ids.add(unit.id)
        if read.row.reduction is not None:
            reductions[unit.id] = read.row.reduction
    if problems:
        raise PlanFileError(source, problems)
    listed = {u.id for u in units}
    all_units = [*units, *(u for u in plan.units if u.id not in listed)]
    targets = [t for t in plan.targets if not _replaced(t, reductions, plan.year)]
    targets += [
        Target(Measure.REDUCTION, Quantity(r), about=unit_id, section="annex")
        for unit_id, r in reductions.items()
    ]
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
            [FileProblem("", f"{p.obj}: {p.field} {p.reason}", p.value) for p in error.problems],
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
    """The unit a row describes: a unit of ``plan`` with the row's counts, or a new one."""
    row = read.row
    households, poor = row.households, row.poor_households
    ref = read.refs.get("label", "")
    if households is None or poor is None:
        field = "households" if households is None else "poor_households"
        cell = read.refs.get(field, ref)
        if cell not in unreadable:
            problems.append(
                FileProblem(location(read.where, field), "is blank; a unit needs it", cell=cell)
            )
        return None
    unit = index.match(row)
    try:
        if unit is not None:
            return attrs.evolve(unit, households=households, poor_households=poor)
        if not add_units:
            problems.append(
                FileProblem(
                    location(read.where, "unit" if row.unit is not None else "label"),
                    "matches no unit of the plan (check its spelling, or pass --add-units, "
                    "add_units=True, to add it as a new unit)",
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
                    "matches no unit of the plan, and its name does not say its kind "
                    "(begin it with Phường, Xã, Thị trấn …, or add the unit to the plan)",
                    row.label,
                    cell=ref,
                )
            )
            return None
        unit_id = row.unit or _slug(core)
        while unit_id in taken_ids:
            unit_id += "-2"
        taken_ids.add(unit_id)
        return AdministrativeUnit(unit_id, row.label, kind, households, poor)
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


def _replaced(target: Target, reductions: dict[str, int], year: int) -> bool:
    return (
        target.about in reductions
        and target.measure is Measure.REDUCTION
        and target.group is HouseholdGroup.POOR
        and target.year in (None, year)
    )
