"""The templates of ``mdpoverty new`` for a year other than their own.

Each template is written for one year (a district's plan for 2024, a province's for 2027).
For another year of the same period its own dates move with it: the document's date, its
period, the years in its title, the annex's title and caption, and the dates of the documents
it cites that are of its own year (the province's plan a commune's plan rests on); standing
acts (a decree, the programme) keep their dates.  A year is offered only where the standard and
the programme the template names govern it, and a district's document only while districts
existed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from mdpoverty.i18n import Lang, Message, _, localize

__all__: list[str] = []

_COMMENT = re.compile(r"\s+#.*$")
_STANDARD_LINE = re.compile(r"^standard: (?P<id>\S+).*$", re.MULTILINE)
_DISTRICTS_ENDED = (2025, 7)
"""Districts ceased to exist on 1 July 2025 (Resolution 202/2025/QH15)."""


def _year_patterns(years: tuple[int, ...]) -> re.Pattern[str]:
    alternatives = "|".join(str(y) for y in years)
    return re.compile(
        rf"(?:(?<=năm )|(?<=NĂM )|(?<=start: )|(?<=end: )|(?<=year: )|(?<=/\d/)|(?<=/\d\d/))"
        rf"(?:{alternatives})\b"
        rf"|\b(?:{alternatives})(?=-\d\d)"
    )


def _shift_line(line: str, pattern: re.Pattern[str], shift: Callable[[str], str]) -> str:
    if line.lstrip().startswith("#"):
        return line
    comment = _COMMENT.search(line)
    data, rest = (line[: comment.start()], line[comment.start() :]) if comment else (line, "")
    return pattern.sub(lambda m: shift(m.group(0)), data) + rest


def shift_years(text: str, base: int, year: int) -> str:
    """``text`` with the document's own years (``base`` and the next, where the document is
    dated early in the following year) moved to ``year`` and the next."""
    delta = year - base
    pattern = _year_patterns((base, base + 1))
    lines = text.split("\n")
    return "\n".join(_shift_line(line, pattern, lambda y: str(int(y) + delta)) for line in lines)


def standard_comment(text: str, lang: Lang = "en") -> str:
    """The ``standard:`` line with a comment, in ``lang``, naming the standard and the criteria
    that apply in the year the document serves."""
    from mdpoverty.io.files import read_plan_text  # noqa: PLC0415  (io imports this module)
    from mdpoverty.reference.standards import (  # noqa: PLC0415
        poverty_standard,
        serving_year,
        standard_of,
    )

    document = read_plan_text(text)
    if document.standard is None:
        return text
    named = poverty_standard(document.standard)
    criteria = standard_of(document)
    served = serving_year(document)
    years = named.governed_years
    # Years are text, not numbers: a number would be written 2.027 in Vietnamese.
    comment: Message
    if years[0] < named.period.start:
        comment = _(
            "the poverty standard ({number}, {first}–{last}; its own criteria from {start})",
            number=named.reference.number,
            first=str(years[0]),
            last=str(years[-1]),
            start=str(named.period.start),
        )
    else:
        comment = _(
            "the poverty standard ({number}, {first}–{last})",
            number=named.reference.number,
            first=str(years[0]),
            last=str(years[-1]),
        )
    if criteria.id != named.id:
        comment = _(
            "{standard}: for {year} it keeps the criteria of {number}",
            standard=comment,
            year=str(served),
            number=criteria.reference.number,
        )
    if served > document.period.end:
        comment = _(
            "{standard}; the review at the end of {end} serves {year}",
            standard=comment,
            end=str(document.period.end),
            year=str(served),
        )
    line = f"standard: {named.id}"
    return _STANDARD_LINE.sub(f"{line:<36}# {localize(comment, lang)}", text, count=1)


def for_year(text: str, year: int, lang: Lang = "en") -> str:
    """The template ``text`` moved to ``year``, with its standard's line saying in ``lang``
    which criteria apply; ``text`` itself where ``year`` is its own."""
    from mdpoverty.io.files import read_plan_text  # noqa: PLC0415

    base = read_plan_text(text).period.start
    if year == base:
        return text
    return standard_comment(shift_years(text, base, year), lang)


@functools.cache
def years_for(text: str, first: int = 2016, last: int = 2030) -> tuple[int, ...]:
    """The years between ``first`` and ``last`` the template ``text`` can be moved to: its
    standard governs the year the document serves, its programme (if any) runs that year, the
    acts it cites are issued before it, and a district's document is dated before districts
    ended."""
    from mdpoverty.io.files import read_plan_text  # noqa: PLC0415
    from mdpoverty.model.units import UnitKind  # noqa: PLC0415
    from mdpoverty.reference.programmes import programme_catalog  # noqa: PLC0415
    from mdpoverty.reference.standards import poverty_standard, serving_year  # noqa: PLC0415

    base = read_plan_text(text)
    standard = None if base.standard is None else poverty_standard(base.standard)
    period = None if base.programme is None else programme_catalog(base.programme).period
    years = []
    for year in range(first, last + 1):
        document = read_plan_text(shift_years(text, base.period.start, year))
        date = document.header.date
        if date is None:
            continue  # every template prints its date
        if document.area.kind is UnitKind.DISTRICT and (
            (date.year, date.month or 12) >= _DISTRICTS_ENDED
        ):
            continue
        if any(not ref.date.first_day() < date.last_day() for ref in document.legal_bases):
            continue  # it would cite an act not yet issued
        if standard is not None and not standard.governs(serving_year(document)):
            continue
        if period is not None and year not in period:
            continue
        years.append(year)
    return tuple(years)
