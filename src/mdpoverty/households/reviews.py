"""From a household table to a review's figures in one call: counts and AF measures by unit."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from mdpoverty.errors import HouseholdTableError, TableProblem, UnknownNameError
from mdpoverty.households._table import Missing, prepare
from mdpoverty.households.classify import resolve_standard
from mdpoverty.households.counts import (
    counted_attrs,
    counts_from_tally,
    tally_households,
    units_frame,
)
from mdpoverty.households.measures import (
    Weight,
    af_measures,
    af_spec,
    measured_attrs,
    tally_arrays,
)
from mdpoverty.i18n import Message, _
from mdpoverty.model.document import Review as ReviewDocument
from mdpoverty.model.figures import Figure, Stratum, StratumKind
from mdpoverty.model.header import Area, Header
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference.standards import PovertyStandard
from mdpoverty.values.dates import Period
from mdpoverty.values.numbers import rate

__all__ = ["Review", "administrative_units", "review", "review_document"]


class Review(NamedTuple):
    """The figures of a household review: ``counts``, households by group per unit and up the
    hierarchy (as :func:`~mdpoverty.households.counts` gives them), and ``measures``, the
    Alkire–Foster measures per unit and overall (as :func:`~mdpoverty.households.alkire_foster`
    gives them).
    """

    counts: pd.DataFrame
    measures: pd.DataFrame


def review(
    table: pd.DataFrame,
    year: int | None = None,
    *,
    k: Weight,
    standard: PovertyStandard | str | None = None,
    weights: Mapping[str, Weight] | None = None,
    columns: Mapping[str, str] | None = None,
    units: Collection[object] | pd.DataFrame | None = None,
    level: str = "commune",
    missing: Missing = "error",
    measures_by_unit: bool = True,
    weight: str | None = None,
) -> Review:
    """Classify, count per unit and measure (AF, by unit) a household table, validating once.

    The table needs the standard's indicator columns (a count of deprivations is not enough
    for the AF measures).  The measures use the standard's nested equal weights unless
    ``weights`` are given.  ``measures_by_unit=False`` measures the whole table only.  A
    ``weight`` column (household size, integer sampling weight) weights both the counts and
    the measures.  Other arguments as for :func:`~mdpoverty.households.counts`.

    Both tables carry the shared ``attrs`` (as :func:`~mdpoverty.households.counts` and
    :func:`~mdpoverty.households.alkire_foster`; the measures' ``year`` and ``standard`` are
    the review's).

    >>> import pandas as pd
    >>> from mdpoverty.reference.standards import standard_in_force
    >>> ids = [i.id for i in standard_in_force(2024).indicators]
    >>> table = pd.DataFrame({"unit": [1, 1], "area": ["rural", "urban"],
    ...                       "income": [900_000, 2_500_000]})
    >>> for n, i in enumerate(ids):
    ...     table[i] = [n < 4, False]
    >>> figures = review(table, 2024, k="1/3")
    >>> figures.counts.loc[0, ["households", "poor", "near-poor"]].tolist()
    [2, 1, 0]
    >>> m = figures.measures
    >>> m[(m.measure == "M0") & m.commune.isna()].value.item()
    Fraction(1, 6)
    """
    chosen = resolve_standard(year, standard)
    ids = [i.id for i in chosen.indicators]
    spec = af_spec(ids, k, weights if weights is not None else chosen)  # k checked first
    frame = units_frame(units)
    households = prepare(
        table,
        chosen,
        columns=columns,
        units=None if frame is None else frame.index,
        missing=missing,
        weight=weight,
    )
    if not households.deprived:
        raise HouseholdTableError(
            [
                TableProblem(
                    "deprivations",
                    _("the AF measures need the indicator columns {ids}", ids=str(ids)),
                )
            ]
        )
    tally = tally_households(chosen, households)
    tally.attrs["excluded"] = len(households.excluded)
    counts = counts_from_tally(tally, units, level=level)
    columns_ = [households.deprived[i] for i in ids]
    if measures_by_unit:
        codes, labels = households.unit, households.unit_labels
    else:
        codes, labels = np.zeros(len(households), dtype=np.int64), np.array([None], dtype=object)
    af = tally_arrays(
        codes, labels, columns_, spec, households.weight, name=level, packed=households.packed
    )
    return Review(
        counted_attrs(counts, year, chosen, weight),
        measured_attrs(af_measures(af, spec, by=level), year, chosen.id),
    )


def administrative_units(
    counts: pd.DataFrame,
    names: Mapping[Any, tuple[str, str, UnitKind]],
    *,
    level: str = "commune",
) -> tuple[AdministrativeUnit, ...]:
    """The review's units as the model's units: households, poor and near-poor households.

    The units of a plan (and so its annex, :func:`mdpoverty.annex`) start from the counts of
    the previous year's review; this builds them from :func:`~mdpoverty.households.counts`.

    Args:
        counts: The result of :func:`~mdpoverty.households.counts` (or ``Review.counts``).
        names: For each unit code, the unit's id, official name and kind, in the order the
            units should take.
        level: The level of the units in ``counts``.

    Raises:
        UnknownNameError: A code of ``names`` that ``counts`` does not have.

    >>> import pandas as pd
    >>> from mdpoverty import UnitKind
    >>> from mdpoverty.households import counts
    >>> table = pd.DataFrame({"unit": [7, 7, 8], "area": ["rural"] * 3,
    ...                       "income": [900_000, 1_200_000, 3_000_000],
    ...                       "deprivations": [3, 1, 0]})
    >>> names = {7: ("xa-mot", "Xã Một", UnitKind.COMMUNE),
    ...          8: ("phuong-hai", "Phường Hai", UnitKind.WARD)}
    >>> [(u.id, u.households, u.poor_households, u.near_poor_households)
    ...  for u in administrative_units(counts(table, 2024), names)]
    [('xa-mot', 2, 1, 1), ('phuong-hai', 1, 0, 0)]
    """
    rows = counts[(counts["level"] == level) & (counts["area"] == "all")].set_index("unit")
    missing = [code for code in names if code not in rows.index]
    if missing:
        raise UnknownNameError(_no_units(level, missing))
    figures: dict[str, dict[object, int]] = {
        column: {code: int(v) for code, v in rows[column].items()}
        for column in ("households", "poor", "near-poor")
        if column in rows.columns
    }
    near = figures.get("near-poor")
    return tuple(
        AdministrativeUnit(
            id=ident,
            name=name,
            kind=kind,
            households=figures["households"][code],
            poor_households=figures["poor"][code],
            near_poor_households=None if near is None else near[code],
        )
        for code, (ident, name, kind) in names.items()
    )


_GROUPS = {
    "households": HouseholdGroup.ALL,
    "poor": HouseholdGroup.POOR,
    "near-poor": HouseholdGroup.NEAR_POOR,
    "poor-and-near-poor": HouseholdGroup.POOR_AND_NEAR_POOR,
}
"""The columns of the counts that a review prints, with their household groups."""


def review_document(
    counts: pd.DataFrame,
    names: Mapping[Any, tuple[str, str, UnitKind]],
    *,
    header: Header,
    area: Area,
    year: int,
    level: str = "commune",
) -> ReviewDocument:
    """The review result document of these counts: what a review prints, from household data.

    Each unit of ``names`` gets its households, poor, near-poor and poor-and-near-poor
    households at the end of ``year`` as figures with their rates (half-up to 2 decimals, the
    rates a review prints), split urban and rural as strata of the unit; the area gets the
    country level's figures.  The document then checks (:func:`mdpoverty.check`), prints
    (:func:`mdpoverty.annex`) and reports like one encoded from a published review.

    >>> import pandas as pd
    >>> from mdpoverty import Area, Header, PartialDate, UnitKind, check
    >>> from mdpoverty.households import counts
    >>> table = pd.DataFrame({"unit": [7, 7, 8], "area": ["rural", "urban", "rural"],
    ...                       "income": [900_000, 1_200_000, 3_000_000],
    ...                       "deprivations": [3, 1, 0]})
    >>> names = {7: ("xa-mot", "Xã Một", UnitKind.COMMUNE),
    ...          8: ("xa-hai", "Xã Hai", UnitKind.COMMUNE)}
    >>> header = Header(issuer="UBND huyện Mẫu", date=PartialDate(2024, 12), title="QUYẾT ĐỊNH")
    >>> review = review_document(counts(table, 2024), names, header=header,
    ...                          area=Area("huyện Mẫu", UnitKind.DISTRICT), year=2024)
    >>> [(f.group.value, f.count, f.rate) for f in review.figures if f.about == "xa-mot"][:2]
    [('all', 2, None), ('poor', 1, Decimal('50.00'))]
    >>> [s.id for s in review.strata]
    ['xa-mot-rural', 'xa-mot-urban', 'xa-hai-rural']
    >>> len(check(review).errors)
    0
    """
    rows = counts[counts["level"] == level].set_index(["unit", "area"])
    missing = [code for code in names if (code, "all") not in rows.index]
    if missing:
        raise UnknownNameError(_no_units(level, missing))
    # The review's counts are its figures at the end of the year; a unit's own counts are the
    # start of a year's (a plan's), so the units here carry none.
    units = [AdministrativeUnit(ident, name, kind) for ident, name, kind in names.values()]
    strata: list[Stratum] = []
    figures: list[Figure] = []
    for code, unit in zip(names, units, strict=True):
        for part in ("rural", "urban"):
            if (code, part) in rows.index and int(rows.loc[(code, part), "households"]):
                kind = StratumKind(part)
                # Named as a Vietnamese review prints it ("Nông thôn"), as every name of a
                # document is: a document is in Vietnamese whatever the reader's language.
                name = kind.vi.capitalize()
                stratum = Stratum(f"{unit.id}-{part}", name, kind, of=unit.id)
                strata.append(stratum)
                figures += _figures(rows.loc[(code, part)], stratum.id)
        figures += _figures(rows.loc[(code, "all")], unit.id)
    every_unit = len(names) == rows.index.get_level_values(0).nunique()
    country = counts[(counts["level"] == "country") & (counts["area"] == "all")]
    if every_unit and len(country):  # the area's figures, where the document lists every unit
        figures += _figures(country.iloc[0], None)
    return ReviewDocument(
        header=header,
        area=area,
        period=Period(year),
        units=units,
        strata=strata,
        figures=figures,
    )


def _figures(row: pd.Series, about: str | None) -> list[Figure]:
    """The end-of-year figures of one row of the counts: counts, and rates of the households."""
    households = int(row["households"])
    result = [Figure(group=HouseholdGroup.ALL, about=about, count=households)]
    for column, group in _GROUPS.items():
        if column == "households" or column not in row.index:
            continue
        count = int(row[column])
        result.append(Figure(group=group, about=about, count=count, rate=rate(count, households)))
    return result


def _no_units(level: str, missing: list[object]) -> Message:
    """That the counts have no row of the units ``missing`` at ``level``."""
    return _(
        "the counts have no unit {codes} at the level {level!r}", codes=repr(missing), level=level
    )
