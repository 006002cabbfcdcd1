"""The plan: a whole sustainable poverty-reduction plan, from its header to its annex."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from mdpoverty.errors import Problem, UnknownNameError, location
from mdpoverty.model.agencies import Agency, Responsibility, same_name
from mdpoverty.model.programme import FundingSplit, ProjectComponent
from mdpoverty.model.references import LegalReference
from mdpoverty.model.sections import Section
from mdpoverty.model.targets import DeficitIndicator, HouseholdGroup, Measure, Target
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.values._validation import (
    OPTIONAL_COUNT,
    STR,
    TEXT,
    YEAR,
    Check,
    checks,
    instance_of,
    is_decimal,
    is_identifier,
    is_str,
    nfc,
    nfc_or_none,
    nfc_tuple,
    optional,
    to_tuple,
    tuple_of,
    unique,
    validate,
)
from mdpoverty.values.dates import PartialDate

__all__ = [
    "Area",
    "FundingSource",
    "FundingSourceKind",
    "Header",
    "Period",
    "Plan",
    "PrintedAnnex",
    "PrintedRow",
    "Signature",
]

_OPTIONAL_TEXT = checks(optional(is_str))
_OPTIONAL_INT = OPTIONAL_COUNT
_OPTIONAL_DECIMAL = checks(optional(is_decimal))


@attrs.frozen
class Header:
    """The heading of the document: who issues it, its number, place, date and title.

    Attributes:
        issuer: The issuing body, e.g. ``UBND thành phố Bắc Kạn``.
        number: The document's number, or ``None`` where the copy leaves it blank
            ("Số: /KH-UBND").
        symbol: The symbol after the number, e.g. ``KH-UBND``.
        place: The place line, e.g. ``TP. Bắc Kạn``.
        date: The date, at the precision printed ("ngày tháng 3 năm 2024" is month precision).
        title: The kind of document as printed, e.g. ``KẾ HOẠCH``.
        subtitle: What the plan is, as printed under the title.
    """

    issuer: str = attrs.field(converter=nfc, metadata=TEXT)
    date: PartialDate = attrs.field(metadata=checks(instance_of(PartialDate)))
    title: str = attrs.field(converter=nfc, metadata=TEXT)
    subtitle: str = attrs.field(default="", converter=nfc, metadata=STR)
    number: str | None = attrs.field(default=None, converter=nfc_or_none, metadata=_OPTIONAL_TEXT)
    symbol: str = attrs.field(default="", converter=nfc, metadata=STR)
    place: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def reference(self) -> str:
        """The number line as printed, e.g. ``Số: /KH-UBND``."""
        return f"Số: {self.number or ''}/{self.symbol}"


@attrs.frozen
class Signature:
    """Who signs: on whose behalf, the signer's title and name."""

    title: str = attrs.field(converter=nfc, metadata=TEXT)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    on_behalf_of: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class Area:
    """The area the plan covers: a province, a district, a city or a commune."""

    name: str = attrs.field(converter=nfc, metadata=TEXT)
    kind: UnitKind = attrs.field(metadata=checks(instance_of(UnitKind)))
    province: str | None = attrs.field(default=None, converter=nfc_or_none, metadata=_OPTIONAL_TEXT)
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class Period:
    """The years a plan covers, both included: ``Period(2024, 2024)`` or ``Period(2021, 2025)``."""

    start: int = attrs.field(metadata=YEAR)
    end: int = attrs.field(
        default=attrs.Factory(lambda self: self.start, takes_self=True), metadata=YEAR
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        if self.end < self.start:
            yield Problem("Period", "end", self.end, f"must be >= start ({self.start})")

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"


class FundingSourceKind(enum.StrEnum):
    """Kinds of funding a plan draws on (section IV)."""

    PROGRAMME = "programme"  #: the programme's own allocation
    INTEGRATION = "integration"  #: lồng ghép with other national target programmes
    POLICY_CREDIT = "policy-credit"  #: tín dụng chính sách xã hội
    MOBILISED = "mobilised"  #: xã hội hóa (contributions of people and organisations)
    OTHER = "other"


@attrs.frozen
class FundingSource:
    """One source of funds named in section IV, with the decision it rests on, if cited."""

    kind: FundingSourceKind = attrs.field(metadata=checks(instance_of(FundingSourceKind)))
    text: str = attrs.field(converter=nfc, metadata=TEXT)
    number: str = attrs.field(default="", converter=nfc, metadata=STR)
    reference: LegalReference | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(LegalReference)))
    )

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class PrintedRow:
    """One row of the annex exactly as printed; a blank cell is ``None``.

    These values are what the document *says*.  The library derives its own values from the
    units' counts and targets; the consistency checks compare the two.

    Attributes:
        label: The name column as printed (it may abbreviate: ``P. Nguyễn Thị Minh Khai``).
        unit: The ``id`` of the unit the row is about; ``None`` for the total row.
        number: The STT column.
        households: Households at the start of the year.
        poor_households: Poor households at the start of the year.
        start_rate: The poverty rate at the start of the year (%).
        reduction: The planned reduction in poor households.
        rate_reduction: The planned fall of the rate (percentage points).
        end_rate: The rate at the end of the year (%).
    """

    label: str = attrs.field(converter=nfc, metadata=TEXT)
    unit: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    number: int | None = attrs.field(default=None, metadata=_OPTIONAL_INT)
    households: int | None = attrs.field(default=None, metadata=_OPTIONAL_INT)
    poor_households: int | None = attrs.field(default=None, metadata=_OPTIONAL_INT)
    start_rate: Decimal | None = attrs.field(default=None, metadata=_OPTIONAL_DECIMAL)
    reduction: int | None = attrs.field(default=None, metadata=_OPTIONAL_INT)
    rate_reduction: Decimal | None = attrs.field(default=None, metadata=_OPTIONAL_DECIMAL)
    end_rate: Decimal | None = attrs.field(default=None, metadata=_OPTIONAL_DECIMAL)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class PrintedAnnex:
    """The annex table as printed: its title, caption, date, unit rows and total row."""

    title: str = attrs.field(converter=nfc, metadata=TEXT)
    rows: tuple[PrintedRow, ...] = attrs.field(
        converter=to_tuple, metadata=checks(tuple_of(instance_of(PrintedRow)))
    )
    total: PrintedRow | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(PrintedRow)))
    )
    caption: str = attrs.field(default="", converter=nfc, metadata=STR)
    date: PartialDate | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(PartialDate)))
    )

    def __attrs_post_init__(self) -> None:
        validate(self)


def _sections() -> dict[str, tuple[Check, ...]]:
    return checks(tuple_of(instance_of(Section)))


@attrs.frozen(kw_only=True)
class Plan:
    """A sustainable poverty-reduction plan: everything the document says, as typed data.

    Units, agencies and components are referred to by identifier; every reference must
    resolve, and every count must be possible (poor households no more than households, a
    reduction no more than the poor households), or construction raises a
    :class:`~mdpoverty.errors.ValidationError` listing every problem.  Numbers that are possible
    but disagree with each other are for :func:`mdpoverty.check` to report.

    Attributes:
        header: Issuer, number, place, date and title.
        area: The area the plan covers.
        period: The years it covers.
        standard: The id of the poverty standard it applies (see
            :mod:`mdpoverty.reference.standards`).
        programme: The id of the programme catalog its components belong to, if any.
        legal_bases: The documents it cites as its bases (căn cứ), in order.
        preamble: The enacting sentence after the bases ("… ban hành kế hoạch … như sau:").
        outline: The document's headings (I–VI and their numbered parts) as printed, without
            content: the typed fields hold the content, the outline how the document titles it.
        purpose: Section I, purpose and requirements.
        targets: Poverty targets, for the area and per unit (II.1, II.2.a, the annex).
        deficit_indicators: Targets by deprivation dimension and other results (II.2).
        policies: Section III.1, the general policies.
        components: Section III.2, the programme components in printed order.
        funding_total: A plan-level funding total, where the plan states one.
        funding_sources: Section IV.
        solutions: Section V.
        agencies: Every agency the plan names.
        responsibilities: Section VI, in order.
        units: The units of the area, in the annex's order.
        annex: The annex as printed, where there is one.
        closing: The closing paragraphs.
        distribution: The "Nơi nhận" block.
        signature: Who signs.
    """

    header: Header = attrs.field(metadata=checks(instance_of(Header)))
    area: Area = attrs.field(metadata=checks(instance_of(Area)))
    period: Period = attrs.field(metadata=checks(instance_of(Period)))
    standard: str = attrs.field(metadata=checks(is_identifier))
    programme: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    units: tuple[AdministrativeUnit, ...] = attrs.field(
        converter=to_tuple,
        metadata=checks(tuple_of(instance_of(AdministrativeUnit)), unique("id", "unit id")),
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=checks(tuple_of(instance_of(Target)))
    )
    deficit_indicators: tuple[DeficitIndicator, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=checks(tuple_of(instance_of(DeficitIndicator)), unique("id", "indicator id")),
    )
    components: tuple[ProjectComponent, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=checks(tuple_of(instance_of(ProjectComponent))),
    )
    agencies: tuple[Agency, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=checks(tuple_of(instance_of(Agency)), unique("id", "agency id")),
    )
    responsibilities: tuple[Responsibility, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=checks(tuple_of(instance_of(Responsibility)))
    )
    legal_bases: tuple[LegalReference, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=checks(tuple_of(instance_of(LegalReference)))
    )
    preamble: str = attrs.field(default="", converter=nfc, metadata=STR)
    outline: tuple[Section, ...] = attrs.field(default=(), converter=to_tuple, metadata=_sections())
    purpose: tuple[Section, ...] = attrs.field(default=(), converter=to_tuple, metadata=_sections())
    policies: tuple[Section, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=_sections()
    )
    funding_total: FundingSplit | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(FundingSplit)))
    )
    funding_sources: tuple[FundingSource, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=checks(tuple_of(instance_of(FundingSource)))
    )
    solutions: tuple[Section, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=_sections()
    )
    annex: PrintedAnnex | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(PrintedAnnex)))
    )
    closing: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_tuple, metadata=checks(tuple_of(is_str))
    )
    distribution: Section | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(Section)))
    )
    signature: Signature | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(Signature)))
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    # -- invariants across fields -------------------------------------------------------------

    def _problems(self) -> Iterator[Problem]:
        yield from self._component_problems()
        yield from self._reference_problems()
        yield from self._target_problems()

    def _component_paths(self) -> Iterator[tuple[str, ProjectComponent]]:
        """Every component with its location in the plan: ``components/1/children/0``, …"""

        def walk(
            items: tuple[ProjectComponent, ...], path: str
        ) -> Iterator[tuple[str, ProjectComponent]]:
            for i, component in enumerate(items):
                here = location(path, i)
                yield here, component
                yield from walk(component.children, location(here, "children"))

        return walk(self.components, "components")

    def _component_problems(self) -> Iterator[Problem]:
        seen: set[str] = set()
        for path, component in self._component_paths():
            if component.code in seen:
                yield Problem(
                    f"ProjectComponent {component.code!r}",
                    "code",
                    component.code,
                    "must not repeat a code of the plan",
                    path,
                )
            seen.add(component.code)
        for i, component in enumerate(self.components):
            if "." in component.code:
                yield Problem(
                    f"ProjectComponent {component.code!r}",
                    "code",
                    component.code,
                    "must be a project (DA…) at the top level; sub-projects go in 'children'",
                    location("components", i),
                )

    def _reference_problems(self) -> Iterator[Problem]:
        unit_ids = {u.id for u in self.units}
        agency_ids = {a.id for a in self.agencies}
        codes = {c.code for c in self.all_components()}
        for path, c in self._component_paths():
            if c.lead is not None and c.lead not in agency_ids:
                yield Problem(
                    f"ProjectComponent {c.code!r}", "lead", c.lead, "is not a known agency id", path
                )
        for i, r in enumerate(self.responsibilities):
            where, path = f"Responsibility {r.section or r.agency}", location("responsibilities", i)
            if r.agency not in agency_ids:
                yield Problem(where, "agency", r.agency, "is not a known agency id", path)
            for code in r.components:
                if code not in codes:
                    yield Problem(
                        where, "components", code, "is not a component code of the plan", path
                    )
        for i, t in enumerate(self.targets):
            if t.unit is not None and t.unit not in unit_ids:
                yield Problem(
                    f"Target {t.measure.value}",
                    "unit",
                    t.unit,
                    "is not a known unit id",
                    location("targets", i),
                )
        if self.annex is not None:
            for i, row in enumerate(self.annex.rows):
                if row.unit is None or row.unit not in unit_ids:
                    yield Problem(
                        f"PrintedRow {row.label!r}",
                        "unit",
                        row.unit,
                        "is not a known unit id",
                        location("annex/rows", i),
                    )

    def _target_problems(self) -> Iterator[Problem]:
        units = {u.id: u for u in self.units}
        for i, t in enumerate(self.targets):
            where, path = (
                f"Target {t.measure.value} of {t.unit or 'the area'}",
                location("targets", i),
            )
            if t.year is not None and t.year not in self.period:
                yield Problem(where, "year", t.year, f"must lie in the period {self.period}", path)
            if t.measure is not Measure.REDUCTION:
                continue
            if t.unit is None:
                start = _group_total(self.units, t.group) if self.units else None
            else:
                start = _group_total([units[t.unit]], t.group) if t.unit in units else None
            if start is not None and t.value.high > start:
                yield Problem(
                    where,
                    "value",
                    t.value,
                    f"must not exceed the {t.group.vi} at the start ({start})",
                    path,
                )

    # -- lookups --------------------------------------------------------------------------------

    @property
    def year(self) -> int:
        """The plan's year (the last year of a multi-year plan)."""
        return self.period.end

    def all_components(self) -> Iterator[ProjectComponent]:
        """Every component at every level, depth first in printed order."""
        for component in self.components:
            yield from component.walk()

    def component(self, code: str) -> ProjectComponent:
        """The component with ``code`` (e.g. ``DA3.TDA1``)."""
        for c in self.all_components():
            if c.code == code:
                return c
        raise UnknownNameError(f"Plan has no component with code {code!r}")

    def unit(self, key: str) -> AdministrativeUnit:
        """The unit with id or name ``key`` (names match in any Unicode normalization form)."""
        for u in self.units:
            if u.id == key or same_name(u.name, key):
                return u
        raise UnknownNameError(f"Plan has no unit with id or name {key!r}")

    def agency(self, key: str) -> Agency:
        """The agency with id, name or alias ``key`` (in any Unicode normalization form)."""
        for a in self.agencies:
            if a.id == key or a.is_named(key):
                return a
        raise UnknownNameError(f"Plan has no agency with id, name or alias {key!r}")

    def unit_targets(
        self, measure: Measure, group: HouseholdGroup = HouseholdGroup.POOR
    ) -> dict[str | None, Target]:
        """The plan-year targets of ``measure`` for ``group``, by unit id (``None``: the area).

        Where several apply to one unit, the first in the plan's order is taken.  One pass over
        the targets: use it rather than :meth:`unit_target` in a loop over many units.
        """
        found: dict[str | None, Target] = {}
        for t in self.targets:
            if t.measure is measure and t.group is group and t.year in (None, self.year):
                found.setdefault(t.unit, t)
        return found

    def unit_target(
        self, unit: str | None, measure: Measure, group: HouseholdGroup = HouseholdGroup.POOR
    ) -> Target | None:
        """The plan-year target for ``unit`` (``None``: the area) of ``measure``, if any."""
        return self.unit_targets(measure, group).get(unit)


def _group_total(units: Iterable[AdministrativeUnit], group: HouseholdGroup) -> int | None:
    if group is HouseholdGroup.POOR:
        return sum(u.poor_households for u in units)
    if group is HouseholdGroup.NEAR_POOR:
        values = [u.near_poor_households for u in units]
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)
    return None
