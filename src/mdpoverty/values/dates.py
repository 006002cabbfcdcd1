"""Dates as documents give them: to the day, the month or only the year.

Plans are often published before the day is filled in ("ngày tháng 3 năm 2024"), and an annex
may cite "ngày /4/2024".  :class:`PartialDate` holds exactly what is known and never invents the
rest; comparisons say what is *certain*.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import Literal

import attrs

from mdpoverty.errors import Problem, ValidationError
from mdpoverty.i18n import _
from mdpoverty.values._validation import YEAR, checks, is_int, optional, validate

__all__ = ["PartialDate", "Period"]

Precision = Literal["year", "month", "day"]
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _month(value: int) -> str | None:
    return is_int(value) or (
        None if 1 <= value <= 12 else _("must be between {low} and {high}", low=1, high=12)
    )


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to the day, the month, or only the year.

    Its text form is ISO 8601 at its precision: ``2024``, ``2024-03``, ``2024-03-15``.

    >>> PartialDate.parse("2024-03")
    PartialDate('2024-03')
    >>> PartialDate(2024, 3).vi()
    'tháng 3 năm 2024'
    >>> PartialDate(2024, 2, 6).is_before(PartialDate(2024, 3))
    True
    """

    year: int = attrs.field(metadata=YEAR)
    month: int | None = attrs.field(default=None, metadata=checks(optional(_month)))
    day: int | None = attrs.field(default=None, metadata=checks(optional(is_int)))

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        if self.day is not None:
            if self.month is None:
                yield Problem("PartialDate", "day", self.day, _("needs a month"))
            elif not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                month = f"{self.year}-{self.month:02d}"  # a date's ISO text
                reason = _("is not a day of {month}", month=month)
                yield Problem("PartialDate", "day", self.day, reason)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """A date from its ISO text form (``2024``, ``2024-03`` or ``2024-03-15``)."""
        match = _ISO.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValidationError(
                [Problem("PartialDate", "text", text, _("must be YYYY, YYYY-MM or YYYY-MM-DD"))]
            )
        year, month, day = (None if g is None else int(g) for g in match.groups())
        assert year is not None  # noqa: S101  (the pattern requires the year)
        return cls(year, month, day)

    @classmethod
    def of(cls, date: dt.date) -> PartialDate:
        """A date known to the day."""
        return cls(date.year, date.month, date.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    def first_day(self) -> dt.date:
        """The earliest day this date can be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest day this date can be."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def is_before(self, other: PartialDate) -> bool:
        """Certainly earlier than ``other``, whatever the unknown parts are."""
        return self.last_day() < other.first_day()

    def may_equal(self, other: PartialDate) -> bool:
        """Could be the same day as ``other`` (their spans overlap)."""
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def vi(self) -> str:
        """The date in Vietnamese: ``ngày 18/12/2022``, ``tháng 3 năm 2024``, ``năm 2024``."""
        if self.day is not None:
            return f"ngày {self.day:02d}/{self.month:02d}/{self.year}"
        if self.month is not None:
            return f"tháng {self.month} năm {self.year}"
        return f"năm {self.year}"


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
            reason = _("must be >= start ({start})", start=str(self.start))  # a year: 2026
            yield Problem("Period", "end", self.end, reason)

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"
