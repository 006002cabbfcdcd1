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
    "AmbiguousNameError",
    "MdpovertyError",
    "NumberFormatError",
    "Problem",
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


class AmbiguousNameError(MdpovertyError, KeyError):
    """A lookup by name found several things; the message lists them with their codes.

    Attributes:
        candidates: What the name could mean, as ``"Phường X (01234, Tỉnh Y)"``.
    """

    def __init__(self, message: str, candidates: Iterable[str] = ()) -> None:
        self.candidates: tuple[str, ...] = tuple(candidates)
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
