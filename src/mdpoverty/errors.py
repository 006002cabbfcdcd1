"""The exceptions mdpoverty raises.

Every exception derives from :class:`MdpovertyError`; concrete ones also derive from the fitting
builtin (``ValueError``, ``KeyError``) so that callers may catch either.  An exception is for
*malformed* input: a plan whose numbers merely disagree is well-formed, and its disagreements are
findings in a report, not exceptions.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "HouseholdTableError",
    "InexactNumberError",
    "MdpovertyError",
    "MeasureError",
    "NoStandardInForceError",
    "NumberFormatError",
    "Problem",
    "TableProblem",
    "UnknownIdError",
    "UnknownNameError",
    "ValidationError",
]


class MdpovertyError(Exception):
    """The base of every exception raised by mdpoverty."""


@attrs.frozen
class Problem:
    """One thing wrong with one field of one object.

    Attributes:
        obj: The object, as the message should name it, e.g. ``AdministrativeUnit 'xuat-hoa'``.
        field: The field's name.
        value: The offending value.
        reason: What rule the value breaks, e.g. ``must be >= 0``.
        path: Where the object sits inside the object that was validated, as a path such as
            ``targets[3]`` or ``components[1].children[0]``; ``""`` for that object itself.
            A plan's cross-field problems carry it, so that a plan file's error can point
            into the file.
    """

    obj: str
    field: str
    value: object
    reason: str
    path: str = ""

    def __str__(self) -> str:
        return f"{self.obj}: {self.field!r} {self.reason}: {self.value!r}"


class ValidationError(MdpovertyError, ValueError):
    """Values that the model cannot hold; lists every problem found, not only the first.

    Attributes:
        problems: Each problem with the object, field, value and reason.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))


class UnknownNameError(MdpovertyError, KeyError):
    """A lookup by identifier or name found nothing."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class NumberFormatError(MdpovertyError, ValueError):
    """Text that is not a number in Vietnamese notation (``12.345``, ``1,25``)."""


# -- standards by period and household tables (issues 11 and 12) -------------------------------


class UnknownIdError(UnknownNameError):
    """An id that the object looked in does not hold; suggests the nearest valid ids.

    Attributes:
        key: The id asked for.
        suggestions: The nearest valid ids (``difflib.get_close_matches``), best first.
    """

    def __init__(self, message: str, *, key: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.key = key
        self.suggestions = suggestions


class NoStandardInForceError(UnknownNameError):
    """No poverty standard the library knows is in force in the year asked for.

    Attributes:
        year: The year asked for.
    """

    def __init__(self, message: str, *, year: int) -> None:
        super().__init__(message)
        self.year = year


@attrs.frozen
class TableProblem:
    """One thing wrong with a household table: a column, a rule, how many rows, examples.

    Attributes:
        column: The column, as the table names it (``""`` for the table as a whole).
        reason: What is wrong, e.g. ``missing value`` or ``must be >= 0``.
        count: How many rows have the problem (0 for a problem of the column itself).
        examples: Up to five row labels of such rows, in the table's order.
    """

    column: str
    reason: str
    count: int = 0
    examples: tuple[object, ...] = ()

    def __str__(self) -> str:
        where = f"column {self.column!r}" if self.column else "the table"
        if not self.count:
            return f"{where}: {self.reason}"
        rows = "row" if self.count == 1 else "rows"
        shown = ", ".join(repr(e) for e in self.examples)
        more = ", ..." if self.count > len(self.examples) else ""
        return f"{where}: {self.reason} in {self.count:,} {rows} (e.g. {shown}{more})"


class HouseholdTableError(MdpovertyError, ValueError):
    """A household table that cannot be classified or measured; lists every problem at once.

    Attributes:
        problems: Each problem with its column, count and example rows.
    """

    def __init__(self, problems: Iterable[TableProblem]) -> None:
        self.problems: tuple[TableProblem, ...] = tuple(problems)
        count = len(self.problems)
        head = "household table: 1 problem" if count == 1 else f"household table: {count} problems"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))


class MeasureError(MdpovertyError, ValueError):
    """An Alkire–Foster measurement that cannot be made: a cutoff outside (0, 1], weights that
    do not name the indicators or do not sum to a positive number."""


class InexactNumberError(MdpovertyError, TypeError):
    """A float (or another inexact value) where an exact number belongs: a cutoff or a weight.

    ``0.1`` is not one tenth; a cutoff or a weight that is not what it says would move
    households across the cutoff.  Give an int, a Fraction, a Decimal or text such as "1/3".
    """
