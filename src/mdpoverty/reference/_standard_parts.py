"""The parts of a poverty standard: its indicators, dimensions, income lines, rule clauses, and
the later acts that kept it in force or amended it (re-exported by
:mod:`mdpoverty.reference.standards`)."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Literal, get_args

import attrs

from mdpoverty.errors import UnknownIdError
from mdpoverty.i18n import Message, _
from mdpoverty.model.references import LegalReference
from mdpoverty.values._validation import (
    BOOL,
    IDENTIFIER,
    STR,
    TEXT,
    YEAR,
    Items,
    checks,
    instance_of,
    nfc,
    to_tuple,
    tuple_of,
    unique,
    validate,
)
from mdpoverty.values.dates import PartialDate, Period

if TYPE_CHECKING:  # only its type: the documents do not depend on reference data
    from mdpoverty.model.document import Document

Area = Literal["rural", "urban"]
"""The strata whose income lines differ, ``"rural"`` (nông thôn) and ``"urban"`` (thành thị)."""

AREAS: tuple[Area, ...] = get_args(Area)
"""The areas, rural first as the legal texts list them."""

NOT_POOR = "not-poor"
"""The group of a household that meets none of a standard's rule clauses."""


def _suggest(what: Message, owner: Message, key: str, valid: list[str]) -> UnknownIdError:
    """The error for an unknown id, with the nearest valid ids ("did you mean ...?").

    ``what`` is the kind of id (``_("dimension")``), ``owner`` what was looked in
    (``_("standard {id!r}", id=...)``).
    """
    close = difflib.get_close_matches(key, valid, n=3, cutoff=0.5)
    ids = tuple(valid)
    if close:
        quoted = [repr(c) for c in close]
        near: str = quoted[0]
        if len(quoted) > 1:
            near = _("{some} or {last}", some=", ".join(quoted[:-1]), last=quoted[-1])
        message = _(
            "{owner} has no {what} {key!r}; did you mean {near}? (valid: {ids})",
            owner=owner,
            what=what,
            key=key,
            near=near,
            ids=ids,
        )
    else:
        message = _(
            "{owner} has no {what} {key!r} (valid: {ids})", owner=owner, what=what, key=key, ids=ids
        )
    return UnknownIdError(message, key=key, suggestions=tuple(close))


@attrs.frozen
class Indicator:
    """An indicator of deprivation of the standard, e.g. health insurance."""

    id: str = attrs.field(metadata=IDENTIFIER)
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)

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
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)

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
        note_vi: The note in Vietnamese (a report in Vietnamese shows it).
    """

    id: str = attrs.field(metadata=IDENTIFIER)
    rural: int = attrs.field(metadata=checks(instance_of(int)))
    urban: int = attrs.field(metadata=checks(instance_of(int)))
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def line(self, area: Area) -> int:
        """The line in ``area`` (``"rural"`` or ``"urban"``)."""
        if area == "rural":
            return self.rural
        if area == "urban":
            return self.urban
        raise _suggest(_("area"), _("income line {id!r}", id=self.id), str(area), list(AREAS))


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
        note_vi: The note in Vietnamese (a report in Vietnamese shows it).
    """

    group: str = attrs.field(metadata=IDENTIFIER)
    income_at_most: str = attrs.field(metadata=IDENTIFIER)
    min_deprivations: int = attrs.field(default=0, metadata=checks(instance_of(int)))
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)

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
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


def _income_line_items(value: Items[IncomeLine]) -> tuple[IncomeLine, ...]:
    return to_tuple(value)


def _rule_clause_items(value: Items[RuleClause]) -> tuple[RuleClause, ...]:
    return to_tuple(value)


@attrs.frozen
class Amendment:
    """A later act that amended a standard from a date: the income lines and rule clauses it
    adds (Decree 30/2025/NĐ-CP added the low-income worker to Decree 07/2021).

    Attributes:
        reference: The amending act.
        effective: The day from which the amendment applies.
        income_lines: The lines it adds.
        rule: The clauses it adds, inserted before the clause at position ``insert_at`` of
            the amended rule (its end where ``insert_at`` is past it).
        insert_at: Where its clauses go in the rule.
        article: The article of ``reference`` that amends, where cited.
        verified: ``False`` where the record was not checked against the official text.
        note: What is unverified, or other remarks.
        note_vi: The note in Vietnamese (a report in Vietnamese shows it).
    """

    reference: LegalReference = attrs.field(metadata=checks(instance_of(LegalReference)))
    effective: PartialDate = attrs.field(metadata=checks(instance_of(PartialDate)))
    income_lines: tuple[IncomeLine, ...] = attrs.field(
        default=(),
        converter=_income_line_items,
        metadata=checks(tuple_of(instance_of(IncomeLine)), unique("id", "line id")),
    )
    rule: tuple[RuleClause, ...] = attrs.field(
        default=(), converter=_rule_clause_items, metadata=checks(tuple_of(instance_of(RuleClause)))
    )
    insert_at: int = attrs.field(default=1000, metadata=checks(instance_of(int)))
    article: str = attrs.field(default="", converter=nfc, metadata=STR)
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


@attrs.frozen
class FirstReview:
    """The periodic review that first classified households under a standard, with the act
    that shows it: the review at the end of year N serves the list of year N + 1.

    Attributes:
        year: The year of the review (one before the standard's first year).
        reference: The act that shows the review used the standard.
        verified: ``False`` where the record was not checked against the official text.
        note: What is unverified, or other remarks.
        note_vi: The note in Vietnamese (a report in Vietnamese shows it).
    """

    year: int = attrs.field(metadata=YEAR)
    reference: LegalReference = attrs.field(metadata=checks(instance_of(LegalReference)))
    verified: bool = attrs.field(default=True, metadata=BOOL)
    note: str = attrs.field(default="", converter=nfc, metadata=STR)
    note_vi: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)


_PERIODIC_REVIEW_FROM = 10
"""The month from which a review dated in its own year is taken as the periodic one: the
annual review runs from October to December, as the design notes record it (the calendar of
Decision 24/2021/QĐ-TTg's procedure has not been checked)."""


def serving_year(document: Document) -> int:
    """The year whose poverty standard ``document`` applies.

    A plan or a report applies the standard of its year.  A review applies the standard of
    the year its list serves: the periodic review at the end of year N (October–December,
    approved then or early in N + 1) classifies households for N + 1, so it uses the standard
    of N + 1 (the 2015 review under the 2016–2020 standard, the 2021 review under the
    2022–2025 one, the 2026 review under Decree 351/2025's 2027–2030 criteria).  A review
    dated before October of its own year is taken as a mid-year (thường xuyên) review, which
    uses the standard in force on its date; one whose date is not printed (an excerpt) is
    taken as the periodic review.
    """
    from mdpoverty.model.document import DocumentType  # noqa: PLC0415  (types only above)

    year = document.period.end
    if document.kind is not DocumentType.REVIEW:
        return document.year
    date = document.header.date
    if date is None or date.year > year:
        return year + 1
    if date.year == year and date.month is not None and date.month < _PERIODIC_REVIEW_FROM:
        return year
    return year + 1
