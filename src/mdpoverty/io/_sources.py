"""What every reader takes: a path, bytes, or a file object open for reading, with a name.

One place for the checks every file goes through, whatever it comes in: a name for messages
(the path, or the ``name`` given, never a temporary file's), an extension the reader knows, and
no more than a limit read, so that an upload that never ends cannot fill the memory.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, TypeAlias

from mdpoverty.errors import FileProblem, PlanFileError, Problem, ValidationError
from mdpoverty.i18n import _
from mdpoverty.io._foreign import system_says

__all__ = [
    "Source",
    "check_source",
    "decoded",
    "label_of",
    "read_limited",
    "refuse",
    "suffix_of",
    "too_large",
]

Source: TypeAlias = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes] | IO[str]
"""A path (``str`` or :class:`os.PathLike`), the bytes of a file, or a file object open for
reading (binary or text).  A ``str`` is always a path."""


def check_source(function: str, source: object, name: object) -> list[Problem]:
    """The problems of a ``source`` and ``name`` that are not of the kinds readers take."""
    problems = []
    readable = isinstance(source, str | os.PathLike | bytes | bytearray | memoryview) or callable(
        getattr(source, "read", None)
    )
    if not readable:
        reason = _("must be a path, bytes or a file object open for reading")
        problems.append(Problem(function, "source", source, reason, code="wrong-type"))
    if name is not None and not isinstance(name, str):
        problems.append(Problem(function, "name", name, _("must be text"), code="wrong-type"))
    return problems


def label_of(source: Source, name: str | None) -> str:
    """How messages name ``source``: ``name``, else the path, else ``<bytes>`` or ``<stream>``."""
    if name is not None:
        return name
    if isinstance(source, str | os.PathLike):
        return str(Path(source))
    return "<bytes>" if isinstance(source, bytes | bytearray | memoryview) else "<stream>"


def suffix_of(source: Source, name: str | None) -> str:
    """The extension that tells the format: of ``name``, else of the path (``""`` if none)."""
    if name is not None:
        return Path(name).suffix.lower()
    if isinstance(source, str | os.PathLike):
        return Path(source).suffix.lower()
    return ""


def read_limited(source: Source, label: str, limit: int, what: str) -> bytes | str:
    """The content of ``source``, read no further than ``limit`` bytes (or characters).

    Raises:
        mdpoverty.errors.PlanFileError: It does not exist (``not-found``), cannot be read
            (``unreadable``), gives neither bytes nor text (``wrong-type``), or is larger than
            ``limit`` (``too-large``; ``what`` names what it is too large to be).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        raw: bytes | str = bytes(source[: limit + 1])
    else:
        try:
            if isinstance(source, str | os.PathLike):
                with Path(source).open("rb") as stream:
                    raw = stream.read(limit + 1)
            else:
                raw = _read_stream(source, limit + 1, label)
        except OSError as error:
            if isinstance(error, FileNotFoundError):
                problem = FileProblem("", _("does not exist"), code="not-found")
            else:
                reason = _("cannot be read: {why}", why=system_says(error))
                problem = FileProblem("", reason, code="unreadable")
            raise PlanFileError(label, [problem]) from error
    if len(raw) > limit:
        raise PlanFileError(label, [too_large(what, limit, characters=isinstance(raw, str))])
    return raw


# What a file is too large to be, as the readers name it (a table of messages: the readers
# name it in English, the message says it in either language).
_WHAT = {
    "a plan": _("a plan"),
    "an annex": _("an annex"),
    "a review form": _("a review form"),
    "a figure table": _("a figure table"),
}


def too_large(what: str, limit: int, *, characters: bool = False) -> FileProblem:
    """The problem of a file larger than ``limit`` bytes (or characters), too large to be
    ``what`` (``"a plan"``, ``"an annex"``)."""
    named = _WHAT.get(what, what)
    if characters:
        reason = _(
            "is too large to be {what}: more than {limit} characters (MAX_FILE_BYTES)",
            what=named,
            limit=limit,
        )
    else:
        reason = _(
            "is too large to be {what}: more than {limit} bytes (MAX_FILE_BYTES)",
            what=named,
            limit=limit,
        )
    return FileProblem("", reason, code="too-large")


def _read_stream(stream: IO[bytes] | IO[str], size: int, label: str) -> bytes | str:
    """Up to ``size`` bytes or characters of ``stream``, refusing a read that gives neither."""
    raw: object = stream.read(size)
    if isinstance(raw, bytearray | memoryview):
        return bytes(raw)
    if not isinstance(raw, bytes | str):
        reason = _("must give bytes or text when read, not {kind}", kind=type(raw).__name__)
        raise PlanFileError(label, [FileProblem("", reason, code="wrong-type")])
    return raw


def decoded(raw: bytes | str, label: str) -> str:
    """``raw`` as text: bytes decoded as UTF-8 (a byte-order mark skipped), text as it is."""
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # the byte's place as Python counts it: 1024, not 1,024
        reason = _("is not UTF-8 text (byte {byte})", byte=str(error.start))
        raise PlanFileError(label, [FileProblem("", reason, code="not-utf8")]) from error


def refuse(problems: list[Problem]) -> None:
    """Raise the :class:`ValidationError` of ``problems``, if any."""
    if problems:
        raise ValidationError(problems)
