"""Date rules: the annex's date, the bases' dates, the plan's year against its standard."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import Message, _
from mdpoverty.model.document import Document, DocumentType
from mdpoverty.model.references import DocumentKind, LegalReference
from mdpoverty.reference.programmes import programme_catalog
from mdpoverty.reference.standards import poverty_standard, serving_year
from mdpoverty.values._validation import trusted
from mdpoverty.values.dates import PartialDate, Period

# How a finding names the kind of a cited document, as a citation begins ("Resolution 366/…").
_KINDS = {
    DocumentKind.LAW: _("Law"),
    DocumentKind.RESOLUTION: _("Resolution"),
    DocumentKind.DECREE: _("Decree"),
    DocumentKind.DECISION: _("Decision"),
    DocumentKind.CIRCULAR: _("Circular"),
    DocumentKind.PLAN: _("Plan"),
    DocumentKind.DIRECTIVE: _("Directive"),
    DocumentKind.OFFICIAL_LETTER: _("Official letter"),
    DocumentKind.OTHER: _("Document"),
}


def _cited(ref: LegalReference) -> Message:
    """The cited document as a finding names it: its kind and its number as printed."""
    return _("{kind} {number}", kind=_KINDS[ref.kind], number=ref.number)


def _date(date: PartialDate) -> Message:
    """A date at the precision printed: ISO in English, as documents write it in Vietnamese
    (``ngày 18/12/2022``, ``tháng 3 năm 2024``, ``năm 2024``).  Years and days are text, so
    that no thousands separator enters them."""
    year = str(date.year)
    if date.month is None:
        return _("year {year}", year=year)
    if date.day is None:
        return _("{year}-{month:0>2}", year=year, month=str(date.month))
    return _("{year}-{month:0>2}-{day:0>2}", year=year, month=str(date.month), day=str(date.day))


def _references(plan: Document) -> Iterator[tuple[str, LegalReference]]:
    for i, ref in enumerate(plan.legal_bases):
        yield f"legal_bases/{i}", ref
    for i, source in enumerate(plan.funding_sources):
        if source.reference is not None:
            yield f"funding_sources/{i}/reference", source.reference


@rule(
    "dates.annex",
    Severity.ERROR,
    title=_("The annex is dated as the plan it is issued with"),
    rationale=_(
        "An annex 'ban hành kèm theo Kế hoạch số … ngày …' cites the plan it belongs to, with "
        "the plan's date; a different date means one of the two is wrong."
    ),
    tolerance=_(
        "Dates are compared at the precision printed: they disagree only when they cannot be "
        "the same day ('tháng 3 năm 2024' and '/4/2024' cannot; 'năm 2024' and "
        "'tháng 3 năm 2024' can)."
    ),
)
def annex_date(plan: Document) -> Iterator[Finding]:
    if plan.annex is None or plan.annex.date is None:
        return
    date, plan_date = plan.annex.date, plan.header.date
    if plan_date is None:  # the source gives no date: nothing to compare with
        return
    if not date.may_equal(plan_date):
        yield annex_date.finding(
            "annex/date",
            _(
                "the annex is dated {annex}, the plan {plan}",
                annex=_date(date),
                plan=_date(plan_date),
            ),
            expected=plan_date,
            actual=date,
        )


@rule(
    "dates.bases-before-plan",
    Severity.ERROR,
    title=_("The documents a plan cites are dated before it"),
    rationale=_(
        "A plan rests on resolutions, plans and decisions already issued (its căn cứ, and the "
        "decisions its funding cites); a cited document dated after the plan has a wrong "
        "date, or the plan has."
    ),
    tolerance=_(
        "Flagged only when the document cannot have been issued before the plan: a document "
        "of 06/02/2024 may precede a plan of 'tháng 3 năm 2024', and so may one of "
        "15/03/2024 (the plan's day is unknown).  A document of the plan's own day is flagged."
    ),
)
def bases_before_plan(plan: Document) -> Iterator[Finding]:
    plan_date = plan.header.date
    if plan_date is None:  # the source gives no date: nothing to compare with
        return
    last_day = plan_date.last_day()
    for location, ref in _references(plan):
        if not ref.date.first_day() < last_day:
            yield bases_before_plan.finding(
                f"{location}/date",
                _(
                    "{document} is dated {date}, not before the plan ({plan})",
                    document=_cited(ref),
                    date=_date(ref.date),
                    plan=_date(plan_date),
                ),
                expected=_("before {date}", date=str(plan_date)),
                actual=ref.date,
            )


@rule(
    "dates.basis-year",
    Severity.WARNING,
    title=_("A document about a year is not dated two or more years before it"),
    rationale=_(
        "Annual documents about year Y (the socio-economic resolution 'năm 2024', the budget "
        "estimate, the province's plan for Y) are adopted in year Y, or at the end of year "
        "Y − 1 (councils pass the next year's resolution in December).  One dated in Y − 2 or "
        "earlier most likely has a mistyped date or number: check the source."
    ),
    tolerance=_(
        "Any date in year Y − 1 or later passes.  A warning, not an error: a long-range "
        "document may name a year far ahead, which the plan file should then not record as "
        "the year the document is about."
    ),
)
def basis_year(plan: Document) -> Iterator[Finding]:
    for location, ref in _references(plan):
        if ref.year is not None and ref.date.year < ref.year - 1:
            yield _dated_early(location, ref, ref.year)


@functools.lru_cache(maxsize=256)
def _dated_early(location: str, ref: LegalReference, year: int) -> Finding:
    """The finding of ``basis_year`` on ``ref`` (about ``year``), cited at ``location``.
    Kept (a finding is a frozen value, a function of these): the plans of a province cite
    the same documents of its council and committee, in the same places."""
    return basis_year.finding(
        f"{location}/date",
        _(
            "{document} is about {year} but dated {date}: annual documents on {year} "
            "are adopted from {previous} on",
            document=_cited(ref),
            year=str(year),
            date=_date(ref.date),
            previous=str(year - 1),
        ),
        expected=_("in {year} or later", year=str(year - 1)),
        actual=ref.date,
    )


def _overlaps(a: Period, b: Period) -> bool:
    return a.start <= b.end and b.start <= a.end


def _span(years: tuple[int, ...]) -> Period | Message:
    """The years a standard governs, first to last (a value for programs and for messages)."""
    return trusted(Period, start=years[0], end=years[-1]) if years else _("no year")


@rule(
    "dates.standard-period",
    Severity.ERROR,
    title=_("The document's years lie in the years of the poverty standard it names"),
    rationale=_(
        "Each poverty standard governs some years (Decision 59/2015/QĐ-TTg 2016–2021, "
        "Decree 07/2021/NĐ-CP 2022–2026, Decree 351/2025/NĐ-CP 2026–2030 with its own "
        "criteria from 2027); a plan or report counts poor households by the standard of its "
        "years.  The periodic review at the end of year N classifies households for the list "
        "of N + 1, so it uses the standard of N + 1 (the 2015 review under the 2016–2020 "
        "standard, the 2021 review under the 2022–2025 one, the 2026 review under Decree "
        "351's 2027–2030 criteria); a mid-year review uses the standard in force on its date.  "
        "A document that names no standard applies the one in force.  An unknown standard "
        "cannot be checked at all and is reported too."
    ),
    tolerance=_(
        "A plan's or report's years must share a year with the standard and must not run "
        "past its last year (a 2021–2025 plan applies Decree 07 from 2022; a 2026–2030 plan "
        "under Decree 07 runs past 2026).  A review dated in its own year before October is "
        "taken as a mid-year review (the standard of that year); any other review serves the "
        "next year.  A review whose date is not printed may apply either."
    ),
)
def standard_period(plan: Document) -> Iterator[Finding]:
    if plan.standard is None:
        return  # the standard in force in the document's year applies
    review = plan.kind is DocumentType.REVIEW
    undated = plan.header.date is None
    yield from _standard_period(
        plan.standard, plan.period, serving_year(plan), review=review, undated=undated
    )


@functools.lru_cache(maxsize=256)
def _standard_period(
    name: str, period: Period, year: int, *, review: bool, undated: bool
) -> tuple[Finding, ...]:
    """The findings of ``standard_period`` on a document that names the standard ``name``, is
    a review or not, covers ``period``, serves ``year`` and is dated or not.  Kept: they
    depend on these alone, and the documents of a year name the same few standards."""
    return tuple(_standard_period_findings(name, period, year, review=review, dated=not undated))


def _standard_period_findings(
    name: str, period: Period, year: int, *, review: bool, dated: bool
) -> Iterator[Finding]:
    try:
        standard = poverty_standard(name)
    except UnknownNameError:
        yield standard_period.finding(
            "standard",
            _(
                "the poverty standard {standard!r} is not one the library knows",
                standard=name,
            ),
            expected=_(
                "a standard of {function}",
                function="mdpoverty.reference.standards.poverty_standards()",
            ),
            actual=name,
        )
        return
    governed = standard.governed_years
    span = _span(governed)
    if review:
        # Without a date, a mid-year review of the document's own year cannot be ruled out.
        undated = not dated and standard.governs(period.end)
        if not standard.governs(year) and not undated:
            served = (
                _(
                    "the periodic review of {end} classifies households for {year}",
                    end=str(period.end),
                    year=str(year),
                )
                if year > period.end
                else _(
                    "the mid-year review of {year} uses the standard in force on its date",
                    year=str(year),
                )
            )
            yield standard_period.finding(
                "period",
                _(
                    "{served}; the standard {standard} governs {span}",
                    served=served,
                    standard=standard.id,
                    span=span,
                ),
                expected=span,
                actual=Period(year, year),
            )
        return
    years = range(period.start, period.end + 1)
    if not any(standard.governs(y) for y in years):
        yield standard_period.finding(
            "period",
            _(
                "the document is for {period}, the standard {standard} governs {span}",
                period=str(period),
                standard=standard.id,
                span=span,
            ),
            expected=span,
            actual=period,
        )
    elif period.end > governed[-1]:
        yield standard_period.finding(
            "period/end",
            _(
                "the document runs to {end}, past the last year of the standard "
                "{standard} ({span})",
                end=str(period.end),
                standard=standard.id,
                span=span,
            ),
            expected=_("{year} or earlier", year=str(governed[-1])),
            actual=Period(period.end, period.end),
        )


@rule(
    "dates.programme-period",
    Severity.ERROR,
    title=_("The plan's years lie in the period of the programme it implements"),
    rationale=_(
        "A national target programme runs for a period (Decision 90/QĐ-TTg: 2021–2025; "
        "Decision 417/QĐ-BNNMT: phase I of the 2026–2035 programme, 2026–2030); a plan funds "
        "the programme's components only within it."
    ),
    tolerance=_("Every year of the plan must lie in the programme's period."),
)
def programme_period(plan: Document) -> Iterator[Finding]:
    if plan.programme is None:
        return
    try:
        catalog = programme_catalog(plan.programme)
    except UnknownNameError:
        return  # programme.catalog reports it
    period = catalog.period
    if plan.period.start in period and plan.period.end in period:
        return
    where, what = (
        "period",
        _(
            "the plan is for {period}, the programme {programme} runs {programme_period}",
            period=str(plan.period),
            programme=catalog.id,
            programme_period=str(period),
        ),
    )
    if _overlaps(plan.period, period):
        where = "period/end" if plan.period.end > period.end else "period/start"
        what = _(
            "the plan is for {period}, beyond the period {programme_period} of {programme}",
            period=str(plan.period),
            programme=catalog.id,
            programme_period=str(period),
        )
    yield programme_period.finding(where, what, expected=period, actual=plan.period)
