"""The observations of one document by key, its units' counts read from the units themselves.

Every observation rule (rates, sums, flows, targets against results) looks observations up by
key: (subject, household group, time point or flow, year).  The printed figures are few; the
units' counts are most of a large document's observations (three a unit, tens of thousands in a
province).  Made into a :class:`~mdpoverty.Figure` with its key and its entry each, they were
some six objects a count, kept for the whole check: making them cost more than the rules, and
every full pass of the garbage collector during the check went through all of them.  Here a
count stays in its unit until a rule asks for it; a rule that needs a figure of one (a row of
rates, a flow's start) gets one made for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import cast

from mdpoverty.model._derived import derived
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure, Flow, ObservationKey, TimePoint
from mdpoverty.model.targets import UNIT_COUNT_FIELDS, HouseholdGroup
from mdpoverty.model.units import AdministrativeUnit

Entry = tuple[Figure, str]
"""An observation and its location in the document (``figures/<i>``, ``units/<id>/<field>``)."""

Bounds = tuple[int, int]

_START = TimePoint.START

# Each group's count of a unit, read by one getter made once.
_COUNT_OF = {group: attrgetter(field) for group, field in UNIT_COUNT_FIELDS.items()}
_ID = attrgetter("id")


def observations(document: Document) -> Observations:
    """The observations of ``document``: derived once per document, shared by every rule."""
    return derived(document, "observations by key, light", lambda: Observations(document))


class Observations:
    """The observations of a document by key, as :func:`mdpoverty.aggregate.results.index`
    gives them, without a figure made per unit count.

    A key printed as a figure is that figure (the first printed, where a key is printed twice);
    else a unit's count at the start of the document's year (its ``households``,
    ``poor_households``, ``near_poor_households``) is the observation of that unit, group and
    time.
    """

    __slots__ = ("_printed_keys", "printed", "units", "year")

    printed: dict[ObservationKey, Entry]
    """The printed figures by key, the first of each key, with their locations."""
    units: dict[str, AdministrativeUnit]
    year: int

    def __init__(self, document: Document) -> None:
        year = document.year
        printed: dict[ObservationKey, Entry] = {}
        for i, figure in enumerate(document.figures):
            printed.setdefault(figure.key_in(year), (figure, f"figures/{i}"))
        self.printed, self.year = printed, year
        # Made in C (a province has tens of thousands); the ids are unique (checked when built).
        self.units = dict(zip(map(_ID, document.units), document.units, strict=True))
        # The group, time and year of each printed key: a sum of another's is the units'.
        self._printed_keys = {(g, t, y) for (_about, g, t, y) in printed}

    def _unit_count(
        self, about: str | None, group: HouseholdGroup, time: TimePoint | Flow, year: int
    ) -> int | None:
        """A unit's count of ``group`` where the key is one (not looking at printed figures)."""
        if time is not _START or year != self.year:
            return None
        count = _COUNT_OF.get(group)
        unit = None if about is None else self.units.get(about)
        return None if count is None or unit is None else count(unit)

    def get(self, key: ObservationKey) -> Entry | None:
        """The observation of ``key`` with its location, or ``None`` where there is none (a
        unit's count is made a figure, anew at each call)."""
        entry = self.printed.get(key)
        if entry is not None:
            return entry
        about, group, time, year = key
        count = self._unit_count(about, group, time, year)
        if count is None:
            return None
        assert about is not None  # noqa: S101  (a unit's count has its unit)
        assert isinstance(time, TimePoint)  # noqa: S101  (at the start of the year)
        figure = Figure._of_unit_count(group, about, time, count)
        return figure, f"units/{about}/{UNIT_COUNT_FIELDS[group]}"

    def location(self, key: ObservationKey) -> str | None:
        """Where the observation of ``key`` is, without making a figure of a unit's count."""
        entry = self.printed.get(key)
        if entry is not None:
            return entry[1]
        about, group, time, year = key
        if self._unit_count(about, group, time, year) is None:
            return None
        return f"units/{about}/{UNIT_COUNT_FIELDS[group]}"

    def count_bounds(
        self, about: str | None, group: HouseholdGroup, time: TimePoint | Flow, year: int
    ) -> Bounds | None:
        """The count of the observation, bound by bound (:attr:`Figure.count_bounds`), or
        ``None`` where it is not observed or prints no count."""
        printed = self.printed
        if printed:
            entry = printed.get((about, group, time, year))
            if entry is not None:
                return entry[0].count_bounds
        count = self._unit_count(about, group, time, year)
        return None if count is None else (count, count)

    def exact_count(
        self, about: str | None, group: HouseholdGroup, time: TimePoint | Flow, year: int
    ) -> int | None:
        """The count of the observation where it is one number (:attr:`Figure.exact_count`)."""
        printed = self.printed
        if printed:
            entry = printed.get((about, group, time, year))
            if entry is not None:
                return entry[0].exact_count
        return self._unit_count(about, group, time, year)

    def summed(
        self,
        subjects: Iterable[str | None],
        group: HouseholdGroup,
        time: TimePoint | Flow,
        year: int,
        units: Sequence[AdministrativeUnit] | None = None,
    ) -> Bounds | None:
        """The sum of the counts of ``subjects``, bound by bound, or ``None`` where one of them
        prints no count of ``group`` at ``time`` in ``year``.

        ``units`` are the subjects' units, where the caller has them (each is then not looked
        up again).
        """
        printed, printed_keys = self.printed, self._printed_keys
        field = UNIT_COUNT_FIELDS.get(group) if time is _START and year == self.year else None
        if not printed_keys or (group, time, year) not in printed_keys:
            # No figure prints a count of this key: the sum is of the units' counts.
            return None if field is None else self._units_summed(subjects, group, units)
        units_by_id = self.units
        low = high = 0
        # One loop for the many parts of a large whole (the same look-ups as count_bounds).
        for about in subjects:
            if printed:
                entry = printed.get((about, group, time, year))
                if entry is not None:
                    bounds = entry[0].count_bounds
                    if bounds is None:
                        return None
                    low += bounds[0]
                    high += bounds[1]
                    continue
            unit = None if field is None or about is None else units_by_id.get(about)
            count = None if unit is None else getattr(unit, field)  # type: ignore[arg-type]
            if count is None:
                return None
            low += count
            high += count
        return low, high

    def _units_summed(
        self,
        subjects: Iterable[str | None],
        group: HouseholdGroup,
        units: Sequence[AdministrativeUnit] | None,
    ) -> Bounds | None:
        """The sum of the units' counts of ``group``, if every subject is a unit that counts
        it.

        Added by loops in C (``map``, ``sum``): a whole may have a thousand parts, and a
        check sums the parts of each whole several times.
        """
        if units is None:
            get: Callable[[str | None], AdministrativeUnit | None] = self.units.get  # type: ignore[assignment]
            found = list(map(get, subjects))
            if not all(found):  # a subject that is not a unit (a unit is never false)
                return None
            units = cast(list[AdministrativeUnit], found)
        try:
            total: int = sum(map(_COUNT_OF[group], units))
        except TypeError:  # a unit without the count (None)
            return None
        return total, total

    def unit_keys(self) -> Iterator[ObservationKey]:
        """The keys of the units' counts, not printed as figures, in the order of the units."""
        printed, year = self.printed, self.year
        fields = tuple(UNIT_COUNT_FIELDS.items())
        for unit in self.units.values():
            about = unit.id
            for group, field in fields:
                if getattr(unit, field) is not None:
                    key = (about, group, _START, year)
                    if key not in printed:
                        yield key

    def unit_groups(self) -> tuple[HouseholdGroup, ...]:
        """The groups a unit may count (at the start of the year): those of
        :data:`~mdpoverty.model.targets.UNIT_COUNT_FIELDS` where the document has units.
        Not all may be counted (finding out would go through every unit once more); a key
        that nothing counts finds nothing."""
        return tuple(UNIT_COUNT_FIELDS) if self.units else ()

    def items(self) -> Iterator[tuple[ObservationKey, Entry]]:
        """Every observation with its key, the printed figures first, then the units' counts
        (a figure made for each): the index :func:`~mdpoverty.aggregate.results.index` gives."""
        yield from self.printed.items()
        for key in self.unit_keys():
            entry = self.get(key)
            assert entry is not None  # noqa: S101  (the key is a unit's count)
            yield key, entry
