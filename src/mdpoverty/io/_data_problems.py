"""The problems of plan data that does not convert to a document, each at its place.

cattrs reports what it could not structure as a tree of exceptions; these functions turn that
tree into :class:`~mdpoverty.errors.FileProblem` s with the path inside the file (and its line,
where the file's text is at hand), a suggestion for a misspelt field, and ids that name nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping

import attrs
import cattrs
from cattrs.errors import IterableValidationNote

from mdpoverty.errors import (
    MAX_LISTED,
    FieldValueError,
    FileProblem,
    MdpovertyError,
    UnknownNameError,
    ValidationError,
    location,
    message_of,
    parent_location,
)
from mdpoverty.i18n import _
from mdpoverty.io._convert import DECIMAL_COMMA
from mdpoverty.model.document import Document


def unknown_ids(document: Document) -> list[FileProblem]:
    """Dimension and indicator ids that the document's poverty standard does not define.

    The ids belong to the standard the document applies (Decree 07/2021 has 'health', Decree
    351/2025 others), so they are checked once the document says which standard that is.
    """
    # The reference data is consulted when a file is read, not when this module is imported.
    from mdpoverty.reference.standards import standard_of  # noqa: PLC0415

    try:
        standard = standard_of(document)
    except UnknownNameError:
        return []  # an unknown standard is a finding of dates.standard-period
    problems = []
    for i, target in enumerate(document.deficit_indicators):
        for field, lookup in (("dimension", standard.dimension), ("indicator", standard.indicator)):
            value = getattr(target, field)
            if value is None:
                continue
            try:
                lookup(value)
            except UnknownNameError as error:
                where = location("deficit_indicators", i, field)
                problems.append(FileProblem(where, message_of(error), value, code="unknown-id"))
    return problems


_RENAMED = {("Target", "unit"): "about"}
"""Fields of mdpoverty 0.1's plan files that have another name now."""


def with_lines(problems: list[FileProblem], lines: Mapping[str, int]) -> list[FileProblem]:
    """``problems`` with the line of each path (or of its nearest parent) in ``lines``."""
    if not lines:
        return problems

    def line_of(path: str) -> int | None:
        while path:
            if path in lines:
                return lines[path]
            path = parent_location(path)
        return None

    placed = [
        # evolve keeps every field, the problem's code among them
        p if p.line is not None else attrs.evolve(p, line=line_of(p.path))
        for p in problems
    ]
    return sorted(placed, key=lambda p: p.line or 0)


def conversion_problems(error: BaseException, path: str, data: object) -> Iterator[FileProblem]:
    if isinstance(error, cattrs.ClassValidationError | cattrs.IterableValidationError):
        yield from _group_problems(error, path, data)
    elif isinstance(error, cattrs.ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(error.cl)]
        commas = _decimal_commas(_at(data, path), error.extra_fields)
        for field, written, _key in commas:
            yield FileProblem(location(path, field), DECIMAL_COMMA, written, code="wrong-type")
        explained = {key for _field, _written, key in commas}
        mapping = _at(data, path)
        extra = error.extra_fields - explained
        # In the file's order (its lines' order), so that the keys a message lists come first;
        # a suggestion costs a comparison with every field, so only they get one.
        keys = [k for k in mapping if k in extra] if isinstance(mapping, dict) else []
        keys += sorted(extra - set(keys), key=str)
        for n, key in enumerate(keys):
            reason = _unknown_field(error.cl.__name__, str(key), known, suggest=n < MAX_LISTED)
            yield FileProblem(location(path, key), reason, code="unknown-field")
    elif isinstance(error, FieldValueError):
        yield FileProblem(path, error.reason, error.value, code=error.code)
    elif isinstance(error, ValidationError):
        for p in error.problems:
            base = location(path, p.path) if p.path else path
            where = location(base, p.field) if p.field else base
            reason = _("{reason} ({obj})", reason=p.reason, obj=p.obj)
            yield FileProblem(where, reason, p.value, code=p.code)
    elif isinstance(error, RecursionError):
        yield FileProblem(path, _("is nested too deeply"), code="too-deep")
    else:
        yield FileProblem(path, message_of(error) or type(error).__name__)


def _unknown_field(cls: str, key: str, known: list[str], *, suggest: bool) -> str:
    """Why ``key`` is refused in a mapping of ``cls``, with the field meant where it is clear."""
    renamed = _RENAMED.get((cls, key))
    if renamed is not None:
        return _("is not a field of {cls}; it is called {renamed!r} now", cls=cls, renamed=renamed)
    close = difflib.get_close_matches(key, known, n=1) if suggest else []
    if close:
        return _("is not a field of {cls}; did you mean {close!r}?", cls=cls, close=close[0])
    return _("is not a field of {cls}", cls=cls)


def _at(data: object, path: str) -> object:
    """The value at ``path`` in plain data (``None`` where there is none)."""
    for step in path.split("/") if path else ():
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and step.isdigit() and int(step) < len(data):
            data = data[int(step)]
        else:
            return None
    return data


def _decimal_commas(mapping: object, extra: set[str]) -> list[tuple[str, str, object]]:
    """Decimal commas in a flow mapping (``{start_rate: 8,00}``), which YAML reads as two
    entries (``start_rate: 8`` and ``00: null``): each field, its number as written, and the
    extra key that is the number's decimals, so that it is not reported as a field too."""
    found: list[tuple[str, str, object]] = []
    if not isinstance(mapping, dict):
        return found
    previous: tuple[object, object] | None = None
    for key, value in mapping.items():
        if key in extra and value is None and str(key).isdigit() and previous is not None:
            field, number = previous
            if type(number) is int and field not in extra:
                found.append((str(field), f"{number},{key}", key))
        previous = (key, value)
    return found


def _group_problems(
    error: cattrs.ClassValidationError | cattrs.IterableValidationError, path: str, data: object
) -> Iterator[FileProblem]:
    with_notes, others = error.group_exceptions()
    for sub, note in with_notes:
        if isinstance(note, IterableValidationNote):
            step = location(path, note.index)
        else:
            step = location(path, note.name)
        if isinstance(sub, KeyError) and not isinstance(sub, MdpovertyError):
            # cattrs: o['field'] failed
            yield FileProblem(step, _("is required but missing"), code="missing-field")
        else:
            yield from conversion_problems(sub, step, data)
    for sub in others:
        yield from conversion_problems(sub, path, data)
