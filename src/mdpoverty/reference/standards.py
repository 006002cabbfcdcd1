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

import difflib
import functools
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING, Literal, get_args

import attrs

from mdpoverty.errors import NoStandardInForceError, Problem, UnknownIdError, UnknownNameError
from mdpoverty.io._convert import converter
from mdpoverty.io._parse import parse_yaml
from mdpoverty.model.references import LegalReference
from mdpoverty.values._validation import (
    BOOL,
    IDENTIFIER,
    STR,
    TEXT,
    Items,
    checks,
    instance_of,
    nfc,
    nfc_tuple,
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
    "Area",
    "Dimension",
    "Extension",
    "IncomeLine",
    "Indicator",
    "PovertyStandard",
    "RuleClause",
    "poverty_standard",
    "poverty_standards",
    "standard_in_force",
    "standard_of",
]


Area = Literal["rural", "urban"]
"""The strata whose income lines differ, ``"rural"`` (nông thôn) and ``"urban"`` (thành thị)."""

AREAS: tuple[Area, ...] = get_args(Area)
"""The areas, rural first as the legal texts list them."""

NOT_POOR = "not-poor"
"""The group of a household that meets none of a standard's rule clauses."""


def _suggest(what: str, owner: str, key: str, valid: list[str]) -> UnknownIdError:
    """The error for an unknown id, with the nearest valid ids ("did you mean ...?")."""
    close = difflib.get_close_matches(key, valid, n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    message = f"{owner} has no {what} {key!r}{hint} (valid: {', '.join(valid)})"
    return UnknownIdError(message, key=key, suggestions=tuple(close))


@attrs.frozen
class Indicator:
    """An indicator of deprivation of the standard, e.g. health insurance."""

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


def _indicator_items(value: Items[Indicator]) -> tuple[Indicator, ...]:
    return to_tuple(value)


@attrs.frozen
class Dimension:
    """A dimension of deprivation (a basic social service), with its indicators."""

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    indicators: tuple[Indicator, ...] = attrs.field(
        converter=_indicator_items, metadata=checks(tuple_of(instance_of(Indicator)))
    )
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class IncomeLine:
    """An income line of a standard, by area (VND per person per month).

    Attributes:
        id: ``poverty``, ``near-poverty`` or ``middle-living-standard``.
        rural: The line in rural areas.
        urban: The line in urban areas.
        verified: ``False`` where the figures come from a source not checked against the
            official text; ``note`` says what to check.
        note: Why it is unverified, or other remarks.
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    rural: int = attrs.field(metadata=checks(instance_of(int)))
    urban: int = attrs.field(metadata=checks(instance_of(int)))
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def line(self, area: Area) -> int:
        """The line in ``area`` (``"rural"`` or ``"urban"``)."""
        if area == "rural":
            return self.rural
        if area == "urban":
            return self.urban
        raise _suggest("area", f"income line {self.id!r}", str(area), list(AREAS))


@attrs.frozen
class RuleClause:
    """One clause of a standard's classification rule.

    A household meets the clause when its income is at most the line ``income_at_most`` (of
    its area) and it is deprived in at least ``min_deprivations`` indicators.  The rule tries
    its clauses in order and the first one met gives the household's group.

    Attributes:
        group: The group the clause assigns: ``poor``, ``near-poor``, ...
        income_at_most: The id of the standard's income line the income must not exceed.
        min_deprivations: The fewest deprived indicators (0: any number).
        verified: ``False`` where the clause comes from a source not checked against the
            official text.
        note: Why it is unverified, or other remarks.
    """

    group: str = attrs.field(metadata=IDENTIFIER)
    income_at_most: str = attrs.field(metadata=IDENTIFIER)
    min_deprivations: int = attrs.field(default=0, metadata=checks(instance_of(int)))
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class Extension:
    """Years for which a later document kept a standard in force beyond its own period."""

    period: Period = attrs.field(metadata=checks(instance_of(Period)))
    reference: LegalReference = attrs.field(metadata=checks(instance_of(LegalReference)))
    article: str = attrs.field(default="", converter=nfc, metadata=STR)
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


def _income_line_items(value: Items[IncomeLine]) -> tuple[IncomeLine, ...]:
    return to_tuple(value)


def _rule_clause_items(value: Items[RuleClause]) -> tuple[RuleClause, ...]:
    return to_tuple(value)


def _dimension_items(value: Items[Dimension]) -> tuple[Dimension, ...]:
    return to_tuple(value)


def _extension_items(value: Items[Extension]) -> tuple[Extension, ...]:
    return to_tuple(value)


@attrs.frozen
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
        aliases: Other names plans use for it.
        name_en: An English name.
        verified: ``False`` where part of the record (``note`` says which) comes from a source
            not checked against the official text.
        note: What is unverified, or other remarks.
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

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        name = f"PovertyStandard {self.id!r}"
        lines = {line.id for line in self.income_lines}
        if "poverty" not in lines:
            yield Problem(name, "income_lines", sorted(lines), "must have a 'poverty' line")
        for n, clause in enumerate(self.rule):
            if clause.income_at_most not in lines:
                yield Problem(
                    name,
                    "rule",
                    clause.income_at_most,
                    f"clause {n} must name one of the income lines {sorted(lines)}",
                )
            if clause.group == NOT_POOR:
                yield Problem(name, "rule", clause.group, f"clause {n} must not assign it")
        seen: set[str] = set()
        for i in self.indicators:
            if i.id in seen:
                yield Problem(name, "dimensions", i.id, "must not repeat an indicator id")
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
        raise _suggest("dimension", f"standard {self.id!r}", dimension_id, valid)

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
        raise _suggest("indicator", f"standard {self.id!r}", indicator_id, valid)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, dimension by dimension."""
        return tuple(i for d in self.dimensions for i in d.indicators)

    # -- years in force ------------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        """Every year the standard is in force, in its period and its extensions."""
        spans = (self.period, *(e.period for e in self.extensions))
        return tuple(sorted({y for p in spans for y in range(p.start, p.end + 1)}))

    def in_force(self, year: int) -> bool:
        """Whether the standard is in force in ``year`` (its period or an extension)."""
        return year in self.years

    # -- income lines and groups -----------------------------------------------------------------

    def income_line(self, line_id: str) -> IncomeLine:
        """The income line ``line_id`` (``poverty``, ``near-poverty``, ...)."""
        for line in self.income_lines:
            if line.id == line_id:
                return line
        valid = [line.id for line in self.income_lines]
        raise _suggest("income line", f"standard {self.id!r}", line_id, valid)

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
            raise _suggest("area", f"standard {self.id!r}", str(area), list(AREAS))
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
        if key in (s.id, s.name, *s.aliases):
            return s
    raise UnknownNameError(f"no poverty standard {key!r}")


def standard_in_force(year: int) -> PovertyStandard:
    """The poverty standard in force in ``year`` (its own period or a later extension).

    Raises:
        NoStandardInForceError: No standard the library knows is in force that year.

    >>> standard_in_force(2021).reference.number
    '59/2015/QĐ-TTg'
    >>> standard_in_force(2015)
    Traceback (most recent call last):
    ...
    mdpoverty.errors.NoStandardInForceError: no poverty standard is in force in 2015 (known: \
decision-59-2015 2016–2021, decree-07-2021 2022–2026, decree-351-2025 2027–2030)
    """
    found = [s for s in poverty_standards() if s.in_force(year)]
    if len(found) == 1:
        return found[0]
    ordered = sorted(poverty_standards(), key=lambda s: s.years[0])
    known = ", ".join(f"{s.id} {s.years[0]}–{s.years[-1]}" for s in ordered)
    if not found:
        raise NoStandardInForceError(
            f"no poverty standard is in force in {year} (known: {known})", year=year
        )
    raise NoStandardInForceError(  # pragma: no cover - the shipped data has no overlap
        f"{len(found)} poverty standards claim {year}: {', '.join(s.id for s in found)}", year=year
    )


def standard_of(document: Document) -> PovertyStandard:
    """The poverty standard ``document`` applies: the one it names, or else the one in force in
    its year.

    Raises:
        UnknownNameError: The document names a standard the library does not know, or names
            none and none is in force in its year.
    """
    if document.standard is not None:
        return poverty_standard(document.standard)
    return standard_in_force(document.year)
