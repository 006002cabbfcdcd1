"""Documents: plans, household review results and implementation reports, as typed data.

Every kind shares the header, the area, the period, the legal bases, the units with their
counts, the strata and groups of units, the printed figures and tables.  A plan states
targets; a review states results (its figures); a report states results against a plan's
targets.  The kind is the class: :class:`Plan`, :class:`Review` or
:class:`ImplementationReport`, all
:class:`Document`; a plan file says which it holds (``kind: plan``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import ClassVar

import attrs

from mdpoverty.errors import Problem, UnknownNameError
from mdpoverty.i18n import _
from mdpoverty.model._derived import derived
from mdpoverty.model._integrity import problems
from mdpoverty.model.agencies import Agency, Responsibility, same_name
from mdpoverty.model.figures import Figure, Stratum, TimePoint, UnitGroup
from mdpoverty.model.header import Area, Header, Signature
from mdpoverty.model.printed import PrintedAnnex
from mdpoverty.model.programme import FundingSource, FundingSplit, ProjectComponent
from mdpoverty.model.references import LegalReference, reference_items
from mdpoverty.model.sections import Section
from mdpoverty.model.targets import (
    UNIT_COUNT_FIELDS,
    DeficitIndicator,
    HouseholdGroup,
    Measure,
    Target,
)
from mdpoverty.model.units import AdministrativeUnit
from mdpoverty.values._validation import (
    STR,
    Items,
    checks,
    instance_of,
    is_identifier,
    is_str,
    nfc,
    nfc_tuple,
    optional,
    to_tuple,
    tuple_of,
    unique,
    validate,
)
from mdpoverty.values.dates import Period

__all__ = ["DOCUMENT_CLASSES", "Document", "DocumentType", "ImplementationReport", "Plan", "Review"]


class DocumentType(enum.StrEnum):
    """The kinds of poverty document."""

    PLAN = "plan"  #: kế hoạch thực hiện công tác giảm nghèo
    REVIEW = "review"  #: kết quả rà soát hộ nghèo, hộ cận nghèo
    REPORT = "report"  #: báo cáo kết quả thực hiện

    @property
    def vi(self) -> str:
        return {"plan": "kế hoạch", "review": "kết quả rà soát", "report": "báo cáo"}[self.value]


_SECTIONS = checks(tuple_of(instance_of(Section)))


def _administrative_unit_items(value: Items[AdministrativeUnit]) -> tuple[AdministrativeUnit, ...]:
    return to_tuple(value)


def _stratum_items(value: Items[Stratum]) -> tuple[Stratum, ...]:
    return to_tuple(value)


def _unit_group_items(value: Items[UnitGroup]) -> tuple[UnitGroup, ...]:
    return to_tuple(value)


def _figure_items(value: Items[Figure]) -> tuple[Figure, ...]:
    return to_tuple(value)


def _target_items(value: Items[Target]) -> tuple[Target, ...]:
    return to_tuple(value)


def _deficit_indicator_items(value: Items[DeficitIndicator]) -> tuple[DeficitIndicator, ...]:
    return to_tuple(value)


def _project_component_items(value: Items[ProjectComponent]) -> tuple[ProjectComponent, ...]:
    return to_tuple(value)


def _agency_items(value: Items[Agency]) -> tuple[Agency, ...]:
    return to_tuple(value)


def _responsibility_items(value: Items[Responsibility]) -> tuple[Responsibility, ...]:
    return to_tuple(value)


def _section_items(value: Items[Section]) -> tuple[Section, ...]:
    return to_tuple(value)


def _funding_source_items(value: Items[FundingSource]) -> tuple[FundingSource, ...]:
    return to_tuple(value)


@attrs.frozen(kw_only=True)
class Document:
    """A poverty document: everything it says, as typed data.  Build a :class:`Plan`, a
    :class:`Review` or an :class:`ImplementationReport`; this class holds what they share.

    Units, strata, groups, agencies and components are referred to by identifier; every
    reference must resolve, every count must be possible (poor households no more than
    households, a reduction no more than the poor households), and no target may be stated
    twice with different values, or construction raises a
    :class:`~mdpoverty.errors.ValidationError` listing every problem.  Numbers that are possible
    but disagree with each other are for :func:`mdpoverty.check` to report.

    Attributes:
        header: Issuer, number, place, date and title.
        area: The area the document covers.
        period: The years it covers.
        standard: The id of the poverty standard it applies (see
            :mod:`mdpoverty.reference.standards`); ``None`` where the document does not name
            one: the standard in force in its year applies.
        programme: The id of the programme catalog its components belong to, if any.
        excerpt: Whether the document prints a selection of a longer table's rows (one
            province of a national table, the communes a release names): its units are then
            not all the parts of the area, nor a unit's children all of its parts, and no sum
            over them is judged.  What it does not print is never a finding.
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
        units: The units the document is about, in printed order, at any level (each may
            name its parent).
        strata: Parts of the area or of a unit that add up to it (urban and rural, …).
        groups: Named groups of units with figures of their own (the poor districts, …).
        figures: Every printed count and rate, each about the area, a unit, a stratum or a
            group, for a group of households at a point in time.
        annex: The annex as printed, where there is one.
        closing: The closing paragraphs.
        distribution: The "Nơi nhận" block.
        signature: Who signs.
    """

    header: Header = attrs.field(metadata=checks(instance_of(Header)))
    area: Area = attrs.field(metadata=checks(instance_of(Area)))
    period: Period = attrs.field(metadata=checks(instance_of(Period)))
    standard: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    programme: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    kind: ClassVar[DocumentType]
    excerpt: bool = attrs.field(default=False, metadata=checks(instance_of(bool)))

    units: tuple[AdministrativeUnit, ...] = attrs.field(
        default=(),
        converter=_administrative_unit_items,
        metadata=checks(tuple_of(instance_of(AdministrativeUnit)), unique("id", _("unit id"))),
    )
    strata: tuple[Stratum, ...] = attrs.field(
        default=(),
        converter=_stratum_items,
        metadata=checks(tuple_of(instance_of(Stratum)), unique("id", _("stratum id"))),
    )
    groups: tuple[UnitGroup, ...] = attrs.field(
        default=(),
        converter=_unit_group_items,
        metadata=checks(tuple_of(instance_of(UnitGroup)), unique("id", _("group id"))),
    )
    figures: tuple[Figure, ...] = attrs.field(
        default=(), converter=_figure_items, metadata=checks(tuple_of(instance_of(Figure)))
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(), converter=_target_items, metadata=checks(tuple_of(instance_of(Target)))
    )
    deficit_indicators: tuple[DeficitIndicator, ...] = attrs.field(
        default=(),
        converter=_deficit_indicator_items,
        metadata=checks(tuple_of(instance_of(DeficitIndicator)), unique("id", _("indicator id"))),
    )
    components: tuple[ProjectComponent, ...] = attrs.field(
        default=(),
        converter=_project_component_items,
        metadata=checks(tuple_of(instance_of(ProjectComponent))),
    )
    agencies: tuple[Agency, ...] = attrs.field(
        default=(),
        converter=_agency_items,
        metadata=checks(tuple_of(instance_of(Agency)), unique("id", _("agency id"))),
    )
    responsibilities: tuple[Responsibility, ...] = attrs.field(
        default=(),
        converter=_responsibility_items,
        metadata=checks(tuple_of(instance_of(Responsibility))),
    )
    legal_bases: tuple[LegalReference, ...] = attrs.field(
        default=(),
        converter=reference_items,
        metadata=checks(tuple_of(instance_of(LegalReference))),
    )
    preamble: str = attrs.field(default="", converter=nfc, metadata=STR)
    outline: tuple[Section, ...] = attrs.field(
        default=(), converter=_section_items, metadata=_SECTIONS
    )
    purpose: tuple[Section, ...] = attrs.field(
        default=(), converter=_section_items, metadata=_SECTIONS
    )
    policies: tuple[Section, ...] = attrs.field(
        default=(), converter=_section_items, metadata=_SECTIONS
    )
    funding_total: FundingSplit | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(FundingSplit)))
    )
    funding_sources: tuple[FundingSource, ...] = attrs.field(
        default=(),
        converter=_funding_source_items,
        metadata=checks(tuple_of(instance_of(FundingSource))),
    )
    solutions: tuple[Section, ...] = attrs.field(
        default=(), converter=_section_items, metadata=_SECTIONS
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
        yield from problems(self)

    # -- lookups --------------------------------------------------------------------------------

    @property
    def year(self) -> int:
        """The document's year (the last year of a multi-year plan)."""
        return self.period.end

    def all_components(self) -> Iterator[ProjectComponent]:
        """Every component at every level, depth first in printed order."""
        return iter(derived(self, "components", self._all_components))

    def _all_components(self) -> tuple[ProjectComponent, ...]:
        return tuple(c for component in self.components for c in component.walk())

    def component(self, code: str) -> ProjectComponent:
        """The component with ``code`` (e.g. ``DA3.TDA1``)."""
        found = derived(self, "components by code", self._components_by_code).get(code)
        if found is not None:
            return found
        raise UnknownNameError(
            _(
                "{document} has no component with code {code!r}",
                document=type(self).__name__,
                code=code,
            )
        )

    def _components_by_code(self) -> dict[str, ProjectComponent]:
        found: dict[str, ProjectComponent] = {}
        for c in self.all_components():
            found.setdefault(c.code, c)  # the first in printed order, as a scan would find
        return found

    def unit(self, key: str) -> AdministrativeUnit:
        """The unit with id or name ``key`` (names match in any Unicode normalization form)."""
        for u in self.units:
            if u.id == key or same_name(u.name, key):
                return u
        raise UnknownNameError(
            _(
                "{document} has no unit with id or name {key!r}",
                document=type(self).__name__,
                key=key,
            )
        )

    def agency(self, key: str) -> Agency:
        """The agency with id, name or alias ``key`` (in any Unicode normalization form)."""
        for a in self.agencies:
            if a.id == key or a.is_named(key):
                return a
        raise UnknownNameError(
            _(
                "{document} has no agency with id, name or alias {key!r}",
                document=type(self).__name__,
                key=key,
            )
        )

    def unit_targets(
        self, measure: Measure, group: HouseholdGroup = HouseholdGroup.POOR
    ) -> dict[str | None, Target]:
        """The plan-year targets of ``measure`` for ``group``, by subject id (``None``: the area).

        A target is stated once (a second statement with another value is refused when the
        document is built), so each subject has at most one.  One pass over the targets: use it
        rather than :meth:`unit_target` in a loop over many units.
        """
        return dict(self._in_force_by().get((measure, group), {}))

    def _in_force_by(self) -> dict[tuple[Measure, HouseholdGroup], dict[str | None, Target]]:
        return derived(self, "targets in force", self._in_force)

    def _in_force(self) -> dict[tuple[Measure, HouseholdGroup], dict[str | None, Target]]:
        """The plan-year targets of every measure and group, by subject: one pass for all."""
        found: dict[tuple[Measure, HouseholdGroup], dict[str | None, Target]] = {}
        year = self.year
        for t in self.targets:
            if t.year is None or t.year == year:
                key = (t.measure, t.group)
                subjects = found.get(key)
                if subjects is None:
                    subjects = found[key] = {}
                if t.about not in subjects:  # the first statement, as a scan finds it
                    subjects[t.about] = t
        return found

    def children(self, unit: str | None) -> tuple[AdministrativeUnit, ...]:
        """The units whose parent is ``unit`` (``None``: the units that name no parent)."""
        return derived(self, "children", self._children).get(unit, ())

    def _children(self) -> dict[str | None, tuple[AdministrativeUnit, ...]]:
        """The children of every unit, in printed order: one pass over the units for all."""
        found: dict[str | None, list[AdministrativeUnit]] = {}
        for u in self.units:
            found.setdefault(u.parent, []).append(u)
        return {parent: tuple(units) for parent, units in found.items()}

    def observations(self) -> tuple[Figure, ...]:
        """Every printed figure, the units' counts among them.

        A unit's ``households``, ``poor_households`` and ``near_poor_households`` are its
        figures at the start of the document's year; with :attr:`figures` they are every
        observation the sum and rate rules judge.
        """
        return derived(self, "observations", self._observations)

    def _observations(self) -> tuple[Figure, ...]:
        from_units = [
            Figure._of_unit_count(group, unit, TimePoint.START, count)
            for unit, group, count in self.unit_counts()
        ]
        return (*from_units, *self.figures)

    def unit_counts(self) -> Iterator[tuple[str, HouseholdGroup, int]]:
        """Each count the units give, as (unit id, household group, count): their figures at
        the start of the document's year."""
        for u in self.units:
            for group, field in UNIT_COUNT_FIELDS.items():
                count = getattr(u, field)
                if count is not None:
                    yield u.id, group, count

    def unit_target(
        self, unit: str | None, measure: Measure, group: HouseholdGroup = HouseholdGroup.POOR
    ) -> Target | None:
        """The plan-year target for ``unit`` (``None``: the area) of ``measure``, if any."""
        return self._in_force_by().get((measure, group), {}).get(unit)


@attrs.frozen(kw_only=True)
class Plan(Document):
    """A plan (kế hoạch): targets per unit and for the area, deficit targets, programme
    components with their funding, and who leads what.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> plan = bac_kan_2024()
    >>> plan.kind, plan.year, len(plan.units)
    (<DocumentType.PLAN: 'plan'>, 2024, 8)
    """

    kind: ClassVar[DocumentType] = DocumentType.PLAN


@attrs.frozen(kw_only=True)
class Review(Document):
    """A review result (kết quả rà soát hộ nghèo, hộ cận nghèo): counts and rates of poor,
    near-poor and together at the end of the review, by unit and stratum (its figures)."""

    kind: ClassVar[DocumentType] = DocumentType.REVIEW


@attrs.frozen(kw_only=True)
class ImplementationReport(Document):
    """An implementation report (báo cáo kết quả thực hiện): results (its figures) against
    the targets of a plan, which it may cite (``plan``) and restate (``targets``)."""

    kind: ClassVar[DocumentType] = DocumentType.REPORT

    plan: LegalReference | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(LegalReference)))
    )


DOCUMENT_CLASSES: dict[DocumentType, type[Document]] = {
    DocumentType.PLAN: Plan,
    DocumentType.REVIEW: Review,
    DocumentType.REPORT: ImplementationReport,
}
"""The class of each kind of document."""
