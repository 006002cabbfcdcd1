"""Poverty standards, held as data with their periods of validity (the programme catalogs are
in :mod:`mdpoverty.reference.programmes`).

Standards change (a new period, new income lines, renamed indicators), so they are data files
shipped in the package, each citing its legal source, never constants in code.

>>> standard = poverty_standard("decree-07-2021")
>>> [d.id for d in standard.dimensions]
['employment', 'health', 'education', 'housing', 'water-sanitation', 'information']
>>> str(standard.period)
'2022–2025'
>>> standard_in_force(2021).id, standard_in_force(2026).id, standard_in_force(2027).id
('decision-59-2015', 'decree-07-2021', 'decree-351-2025')
>>> standard_in_force(2027).poverty_line("urban")
2800000
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from mdpoverty.errors import NoStandardInForceError, Problem, UnknownNameError, expect
from mdpoverty.i18n import _
from mdpoverty.io._convert import converter
from mdpoverty.io._parse import parse_yaml
from mdpoverty.model.references import LegalReference, reference_items
from mdpoverty.reference._standard_parts import (
    AREAS,
    NOT_POOR,
    Amendment,
    Area,
    Dimension,
    Extension,
    FirstReview,
    IncomeLine,
    Indicator,
    RuleClause,
    _income_line_items,
    _rule_clause_items,
    _suggest,
    serving_year,
)
from mdpoverty.values._validation import (
    BOOL,
    IDENTIFIER,
    STR,
    TEXT,
    Items,
    checks,
    instance_of,
    is_identifier,
    nfc,
    nfc_tuple,
    optional,
    to_tuple,
    tuple_of,
    unique,
    validate,
)
from mdpoverty.values.dates import Period

if TYPE_CHECKING:  # only its type: the documents do not depend on reference data
    from mdpoverty.model.document import Document

__all__ = [
    "AREAS",
    "Amendment",
    "Area",
    "Dimension",
    "Extension",
    "FirstReview",
    "IncomeLine",
    "Indicator",
    "PovertyStandard",
    "RuleClause",
    "poverty_standard",
    "poverty_standards",
    "serving_year",
    "standard_in_force",
    "standard_of",
]


def _is_code(value: object) -> str | None:
    if not isinstance(value, str) or not value.isdigit() or len(value) != 2:
        return _("must be a province's official code, two digits")
    return None


def _dimension_items(value: Items[Dimension]) -> tuple[Dimension, ...]:
    return to_tuple(value)


def _extension_items(value: Items[Extension]) -> tuple[Extension, ...]:
    return to_tuple(value)


def _amendment_items(value: Items[Amendment]) -> tuple[Amendment, ...]:
    return to_tuple(value)


# Its hash is kept: a standard is the key of the facts derived from it (below), and its hash
# is that of every line, clause and dimension.
@attrs.frozen(cache_hash=True)
class PovertyStandard:
    """A multidimensional poverty standard: income lines, rule, dimensions, years in force.

    Attributes:
        id: A stable identifier, e.g. ``decree-07-2021``.
        name: The standard's name.
        reference: The legal document that sets it.
        period: The years its own document sets.
        income_lines: Its income lines by area: always ``poverty``; ``near-poverty`` where the
            standard has a second line (Decision 59/2015); bands such as
            ``middle-living-standard``.
        rule: The classification, as clauses tried in order (:class:`RuleClause`); a household
            that meets none is ``not-poor``.
        dimensions: The dimensions in the standard's order.
        article: The article of ``reference`` that sets the standard, where cited.
        extensions: Years a later document kept it in force (:class:`Extension`).
        act_period: The years its legal act governs, where they reach beyond the years of its
            own criteria: Decree 351/2025 governs 2026–2030, keeps Decree 07/2021's criteria
            for 2026 and applies its own from 2027.  ``None``: the same as ``period``.
        amendments: Later acts that amended it from a date (:class:`Amendment`), not yet
            applied; :meth:`as_of` applies those in effect.
        amended_by: The amending acts already applied to this record (by :meth:`as_of`).
        overlays: For a local standard, the id of the national standard it raises (a province
            may set higher lines than the national standard); ``None`` for a national one.
        province: For a local standard, the official code of its province.
        first_review: The periodic review that first used it (:class:`FirstReview`).
        aliases: Other names plans use for it.
        name_en: An English name.
        verified: ``False`` where part of the record (``note`` says which) comes from a source
            not checked against the official text.
        note: What is unverified, or other remarks.
        note_vi: The note in Vietnamese (a report in Vietnamese shows it).
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    reference: LegalReference = attrs.field(metadata=checks(instance_of(LegalReference)))
    period: Period = attrs.field(metadata=checks(instance_of(Period)))
    income_lines: tuple[IncomeLine, ...] = attrs.field(
        converter=_income_line_items,
        metadata=checks(tuple_of(instance_of(IncomeLine)), unique("id", "line id")),
    )
    rule: tuple[RuleClause, ...] = attrs.field(
        converter=_rule_clause_items, metadata=checks(tuple_of(instance_of(RuleClause)))
    )
    dimensions: tuple[Dimension, ...] = attrs.field(
        converter=_dimension_items,
        metadata=checks(tuple_of(instance_of(Dimension)), unique("id", "dimension id")),
    )
    article: str = attrs.field(default="", converter=nfc, metadata=STR)
    extensions: tuple[Extension, ...] = attrs.field(
        default=(), converter=_extension_items, metadata=checks(tuple_of(instance_of(Extension)))
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_tuple, metadata=checks(tuple_of(instance_of(str)))
    )
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)
    act_period: Period | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(Period)))
    )
    amendments: tuple[Amendment, ...] = attrs.field(
        default=(), converter=_amendment_items, metadata=checks(tuple_of(instance_of(Amendment)))
    )
    amended_by: tuple[LegalReference, ...] = attrs.field(
        default=(),
        converter=reference_items,
        metadata=checks(tuple_of(instance_of(LegalReference))),
    )
    overlays: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    province: str | None = attrs.field(default=None, metadata=checks(optional(_is_code)))
    first_review: FirstReview | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(FirstReview)))
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        name = f"PovertyStandard {self.id!r}"
        for n, amendment in enumerate(self.amendments):
            for clause in amendment.rule:
                known = {line.id for line in (*self.income_lines, *amendment.income_lines)}
                if clause.income_at_most not in known:
                    yield Problem(
                        name,
                        "amendments",
                        clause.income_at_most,
                        _(
                            "amendment {n} names an income line neither it nor the standard has",
                            n=n,
                        ),
                    )
        lines = {line.id for line in self.income_lines}
        if "poverty" not in lines:
            yield Problem(name, "income_lines", sorted(lines), _("must have a 'poverty' line"))
        for n, clause in enumerate(self.rule):
            if clause.income_at_most not in lines:
                yield Problem(
                    name,
                    "rule",
                    clause.income_at_most,
                    _(
                        "clause {n} must name one of the income lines {ids}",
                        n=n,
                        ids=tuple(sorted(lines)),
                    ),
                )
            if clause.group == NOT_POOR:
                yield Problem(name, "rule", clause.group, _("clause {n} must not assign it", n=n))
        seen: set[str] = set()
        for i in self.indicators:
            if i.id in seen:
                yield Problem(name, "dimensions", i.id, _("must not repeat an indicator id"))
            seen.add(i.id)

    # -- lookups --------------------------------------------------------------------------

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension ``dimension_id``.

        Raises:
            UnknownIdError: No such dimension; the message suggests the nearest ids.

        >>> poverty_standard("decree-07-2021").dimension("healht")
        Traceback (most recent call last):
        ...
        mdpoverty.errors.UnknownIdError: standard 'decree-07-2021' has no dimension 'healht'; \
did you mean 'health'? (valid: employment, health, education, housing, water-sanitation, \
information)
        """
        for d in self.dimensions:
            if d.id == dimension_id:
                return d
        valid = [d.id for d in self.dimensions]
        raise _suggest(_("dimension"), _("standard {id!r}", id=self.id), dimension_id, valid)

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator ``indicator_id``, of any dimension.

        Raises:
            UnknownIdError: No such indicator; the message suggests the nearest ids.

        >>> poverty_standard("decree-07-2021").indicator("health-insurance").name_en
        'health insurance'
        """
        for i in self.indicators:
            if i.id == indicator_id:
                return i
        valid = [i.id for i in self.indicators]
        raise _suggest(_("indicator"), _("standard {id!r}", id=self.id), indicator_id, valid)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, dimension by dimension."""
        return tuple(i for d in self.dimensions for i in d.indicators)

    # -- years in force ------------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        """Every year the standard is in force, in its period and its extensions."""
        return _years(self)[0]

    def in_force(self, year: int) -> bool:
        """Whether the standard's criteria are in force in ``year`` (its period or an
        extension)."""
        return year in self.years

    @property
    def governed_years(self) -> tuple[int, ...]:
        """Every year the standard's legal act governs (:meth:`governs`)."""
        return _years(self)[1]

    def governs(self, year: int) -> bool:
        """Whether the standard's legal act governs ``year``: its criteria are in force then,
        or its act keeps another standard's criteria for that year (Decree 351/2025 for 2026).

        >>> decree_351 = poverty_standard("decree-351-2025")
        >>> decree_351.in_force(2026), decree_351.governs(2026), decree_351.governs(2025)
        (False, True, False)
        """
        return self.in_force(year) or (self.act_period is not None and year in self.act_period)

    def as_of(self, when: int | dt.date) -> PovertyStandard:
        """The standard as amended on ``when``: a day, or a year (its last day, so that a
        year counts an amendment made during it).

        The amendments in effect by then are applied (their lines added, their clauses
        inserted in the rule) and recorded in ``amended_by``; later ones stay in
        ``amendments``.

        >>> decree_07 = poverty_standard("decree-07-2021")
        >>> decree_07.as_of(2024).groups
        ('poor', 'near-poor', 'middle-living-standard', 'not-poor')
        >>> decree_07.as_of(2025).groups
        ('poor', 'near-poor', 'low-income', 'middle-living-standard', 'not-poor')
        >>> decree_07.as_of(2025).income_line("low-income").urban
        3000000
        """
        day = dt.date(when, 12, 31) if isinstance(when, int) else when
        applied = tuple(i for i, a in enumerate(self.amendments) if a.effective.first_day() <= day)
        return _amended(self, applied) if applied else self

    def overlay(
        self,
        *,
        id: str,
        name: str,
        reference: LegalReference,
        income_lines: Iterable[IncomeLine],
        province: str | None = None,
        period: Period | None = None,
    ) -> PovertyStandard:
        """A local standard over this national one: a province's own, higher income lines
        set by its own act, with the national rule and dimensions.

        A line the local act does not set keeps its national value.

        >>> from mdpoverty.model.references import DocumentKind
        >>> from mdpoverty.values.dates import PartialDate
        >>> national = poverty_standard("decree-351-2025")
        >>> act = LegalReference(
        ...     DocumentKind.RESOLUTION, "01/2027/NQ-HĐND", PartialDate(2027, 1, 10), "HĐND tỉnh"
        ... )
        >>> local = national.overlay(
        ...     id="tinh-mau-2027", name="Chuẩn nghèo tỉnh Mẫu", reference=act,
        ...     income_lines=[IncomeLine("poverty", 2_500_000, 3_100_000)], province="99",
        ... )
        >>> local.poverty_line("rural"), local.overlays, local.groups == national.groups
        (2500000, 'decree-351-2025', True)
        """
        own = {line.id: line for line in income_lines}
        lines = [own.pop(line.id, line) for line in self.income_lines] + list(own.values())
        return attrs.evolve(
            self,
            id=id,
            name=name,
            name_en="",
            reference=reference,
            article="",
            period=period or self.period,
            extensions=() if period else self.extensions,
            income_lines=lines,
            aliases=(),
            overlays=self.id,
            province=province,
        )

    # -- income lines and groups -----------------------------------------------------------------

    def income_line(self, line_id: str) -> IncomeLine:
        """The income line ``line_id`` (``poverty``, ``near-poverty``, ...)."""
        for line in self.income_lines:
            if line.id == line_id:
                return line
        valid = [line.id for line in self.income_lines]
        raise _suggest(_("income line"), _("standard {id!r}", id=self.id), line_id, valid)

    def poverty_line(self, area: Area) -> int:
        """The poverty line in ``area``, VND per person per month.

        >>> poverty_standard("decision-59-2015").poverty_line("rural")
        700000
        """
        return self.income_line("poverty").line(area)

    def near_poverty_line(self, area: Area) -> int | None:
        """The near-poverty line in ``area``; ``None`` where the standard has none.

        Only Decision 59/2015 has a second line; under Decree 07/2021 and Decree 351/2025 a
        near-poor household has an income at most the poverty line and fewer deprivations.

        >>> poverty_standard("decision-59-2015").near_poverty_line("urban")
        1300000
        >>> poverty_standard("decree-07-2021").near_poverty_line("urban") is None
        True
        """
        for line in self.income_lines:
            if line.id == "near-poverty":
                return line.line(area)
        if area not in AREAS:
            raise _suggest(_("area"), _("standard {id!r}", id=self.id), str(area), list(AREAS))
        return None

    @property
    def groups(self) -> tuple[str, ...]:
        """The groups the rule assigns, in the rule's order, then ``not-poor``."""
        return (*dict.fromkeys(c.group for c in self.rule), NOT_POOR)

    # -- the names of the 2022–2025 record, kept for existing callers ---------------------------

    @property
    def poor_income_rural(self) -> int:
        """The poverty line in rural areas (``poverty_line("rural")``)."""
        return self.poverty_line("rural")

    @property
    def poor_income_urban(self) -> int:
        """The poverty line in urban areas (``poverty_line("urban")``)."""
        return self.poverty_line("urban")

    @property
    def poor_min_deprivations(self) -> int:
        """The fewest deprivations that, with an income at most a line, make a household poor."""
        return max(c.min_deprivations for c in self.rule if c.group == "poor")


@functools.lru_cache(maxsize=64)
def _years(standard: PovertyStandard) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The years ``standard`` is in force, and the years its act governs.  Kept for the few
    standards in use: a check asks for them in every document."""
    spans = (standard.period, *(e.period for e in standard.extensions))
    years = {y for p in spans for y in range(p.start, p.end + 1)}
    governed = set(years)
    if standard.act_period is not None:
        governed |= set(range(standard.act_period.start, standard.act_period.end + 1))
    return tuple(sorted(years)), tuple(sorted(governed))


@functools.lru_cache(maxsize=64)
def _amended(standard: PovertyStandard, applied: tuple[int, ...]) -> PovertyStandard:
    """``standard`` with its amendments at the positions ``applied`` applied (see
    :meth:`PovertyStandard.as_of`).  Kept: the amended record is validated anew when it is
    made, and every document of a year asks for the same one."""
    amendments = [standard.amendments[i] for i in applied]
    lines, rule = list(standard.income_lines), list(standard.rule)
    for amendment in amendments:
        lines += amendment.income_lines
        at = min(amendment.insert_at, len(rule))
        rule[at:at] = amendment.rule
    return attrs.evolve(
        standard,
        income_lines=lines,
        rule=rule,
        amendments=[a for a in standard.amendments if a not in amendments],
        amended_by=[*standard.amended_by, *(a.reference for a in amendments)],
    )


def load_data(name: str) -> object:
    text = resources.files("mdpoverty.reference").joinpath("data", name).read_text(encoding="utf-8")
    return parse_yaml(text, name)[0]


@functools.cache
def poverty_standards() -> tuple[PovertyStandard, ...]:
    """Every poverty standard the library knows."""
    return converter.structure(load_data("standards.yaml"), tuple[PovertyStandard, ...])


def poverty_standard(key: str) -> PovertyStandard:
    """The standard with id, name or alias ``key``."""
    for s in poverty_standards():
        if key in (s.id, s.name) or key in s.aliases:
            return s
    raise UnknownNameError(_("no poverty standard {key!r}", key=key))


def standard_in_force(when: int | dt.date, *, province: str | None = None) -> PovertyStandard:
    """The poverty standard in force in a year or on a day, as amended by then.

    A year counts an amendment made during it (:meth:`PovertyStandard.as_of`).  In 2026 the
    criteria in force are Decree 07/2021's, which Decree 351/2025 keeps for that year.  With
    ``province`` (its official code), a local standard of that province in force then (a
    record with ``overlays`` and ``province`` in the data) is taken over the national one.

    Raises:
        NoStandardInForceError: No standard the library knows is in force that year.

    >>> standard_in_force(2021).reference.number
    '59/2015/QĐ-TTg'
    >>> import datetime
    >>> standard_in_force(datetime.date(2025, 1, 15)).groups[2]
    'middle-living-standard'
    >>> standard_in_force(datetime.date(2025, 3, 1)).groups[2]
    'low-income'
    >>> standard_in_force(2015)
    Traceback (most recent call last):
    ...
    mdpoverty.errors.NoStandardInForceError: no poverty standard is in force in 2015 (known: \
decision-59-2015 2016–2021, decree-07-2021 2022–2026, decree-351-2025 2027–2030)
    """
    expect("standard_in_force", when=(when, (int, dt.date)))
    year = when if isinstance(when, int) else when.year
    if province is not None:
        local = [s for s in poverty_standards() if s.province == province and s.in_force(year)]
        if len(local) == 1:
            return local[0].as_of(when)
    national = [s for s in poverty_standards() if s.overlays is None]
    found = [s for s in national if s.in_force(year)]
    if len(found) == 1:
        return found[0].as_of(when)
    ordered = sorted(national, key=lambda s: s.years[0])
    known = ", ".join(f"{s.id} {s.years[0]}–{s.years[-1]}" for s in ordered)
    if not found:
        raise NoStandardInForceError(
            _(
                "no poverty standard is in force in {year} (known: {known})",
                year=str(year),  # a year, not a quantity: no thousands separator
                known=known,
            ),
            year=year,
        )
    raise NoStandardInForceError(  # pragma: no cover - the shipped data has no overlap
        _(
            "{n} poverty standards claim {year}: {ids}",
            n=len(found),
            year=str(year),
            ids=tuple(s.id for s in found),
        ),
        year=year,
    )


def standard_of(document: Document) -> PovertyStandard:
    """The poverty standard ``document`` applies, as amended in the year it serves
    (:func:`serving_year`): the one it names, or else the one in force.

    A standard named for a year its act governs but whose own criteria start later is the
    criteria it keeps for that year: a 2026 plan citing Decree 351/2025 applies Decree
    07/2021's criteria, which Decree 351 keeps for 2026.

    Raises:
        UnknownNameError: The document names a standard the library does not know, or names
            none and none is in force in the year it serves.
    """
    year = serving_year(document)
    if document.standard is None:
        return standard_in_force(year)
    named = poverty_standard(document.standard)
    if not named.in_force(year) and named.governs(year):
        return standard_in_force(year)
    return named.as_of(year)
