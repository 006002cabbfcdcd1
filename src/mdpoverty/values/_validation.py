"""The one validation mechanism of the model.

A field lists its checks in its metadata (``attrs.field(metadata=checks(...))``); a class may add
checks that involve several fields in a ``_problems`` method.  After construction every check runs
and all problems are raised together in one :class:`~mdpoverty.errors.ValidationError`, so a bad
object is never half-made and the caller sees everything that is wrong at once.

A check is a function from a value to ``None`` (fine) or the reason it is wrong.  Checks never
convert: a string where a count belongs is an error, not a number.
"""

from __future__ import annotations

import re
import sys
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple, Protocol, TypeAlias, TypeVar

import attrs

from mdpoverty.errors import Problem, ValidationError, _alternatives, describe, location
from mdpoverty.i18n import _
from mdpoverty.values.bounds import (
    count_problem,
    decimal_problem,
    signed_count_problem,
    year_problem,
)


class At(NamedTuple):
    """A problem a check finds inside the value of its field: an item of a tuple, say."""

    step: object  # the location of the item inside the field's value, e.g. its index
    field: str  # the item's field that is wrong
    value: object
    reason: str


Reason = str | At | None
"""What a check returns: nothing (fine), why the value is wrong, or a problem inside it."""

Check = Callable[[Any], Reason]
_CHECKS = "mdpoverty.checks"


def checks(*fns: Check) -> dict[str, tuple[Check, ...]]:
    """The metadata that attaches ``fns`` to a field."""
    return {_CHECKS: fns}


class _HasProblems(Protocol):
    def _problems(self) -> Iterator[Problem]: ...


def validate(obj: Any) -> None:
    """Run every check of ``obj``; raise one ValidationError listing all problems."""
    problems: list[Problem] = []
    for name, field_checks in _checks_of(type(obj)):
        value = getattr(obj, name)
        for check in field_checks:
            reason = check(value)
            if reason is None:
                continue
            if isinstance(reason, At):  # a problem inside the value, an item of a tuple, say
                step = location(name, reason.step)
                problem = Problem(describe(obj), reason.field, reason.value, reason.reason, step)
            else:
                problem = Problem(describe(obj), name, value, reason)
            problems.append(problem)
            break  # later checks of a field assume the earlier ones passed
    if not problems and hasattr(obj, "_problems"):
        extra: _HasProblems = obj
        problems.extend(extra._problems())
    if problems:
        raise ValidationError(problems)


_FieldChecks = tuple[tuple[str, tuple[Check, ...]], ...]
_CHECKS_OF: dict[type, _FieldChecks] = {}


def _checks_of(cls: type) -> _FieldChecks:
    """The fields of ``cls`` that have checks, with their checks (read once per class)."""
    try:
        return _CHECKS_OF[cls]
    except KeyError:
        found = tuple(
            (a.name, a.metadata[_CHECKS]) for a in attrs.fields(cls) if a.metadata.get(_CHECKS)
        )
        return _CHECKS_OF.setdefault(cls, found)


_T = TypeVar("_T")
_MAKERS: dict[type, Callable[..., Any]] = {}


def trusted(cls: type[_T], **values: object) -> _T:
    """An instance of the attrs class ``cls`` built from values the library has already
    validated, without running its converters and checks again.

    Only for values taken from validated objects (a unit's count, an id) or computed by the
    library within the bounds (a rate of two counts): a caller's input always goes through
    ``cls(...)``.  Fields not given take their defaults (valid by construction); a field
    without a plain default must be given.
    """
    try:
        make = _MAKERS[cls]
    except KeyError:
        make = _MAKERS.setdefault(cls, _maker(cls))
    made: _T = make(**values)
    return made


def _maker(cls: type) -> Callable[..., Any]:
    """A function that sets every field of ``cls`` on a new instance, as attrs' own generated
    ``__init__`` does, minus the converters and the checks (generated once per class: a loop
    over the fields would cost as much as the checks it saves).  A field in a slot is set
    through the slot itself, a third cheaper than ``object.__setattr__``, which finds it."""
    names: dict[str, object] = {"_new": object.__new__, "_set": object.__setattr__, "cls": cls}
    params, body = [], []
    for a in attrs.fields(cls):
        if a.default is attrs.NOTHING or isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            params.append(a.name)
        else:
            names[f"_default_{a.name}"] = a.default
            params.append(f"{a.name}=_default_{a.name}")
        slot = getattr(cls, a.name, None)
        if isinstance(slot, types.MemberDescriptorType):
            names[f"_set_{a.name}"] = slot.__set__
            body.append(f"    _set_{a.name}(made, {a.name})")
        else:
            body.append(f"    _set(made, {a.name!r}, {a.name})")
    source = "\n".join(
        [f"def make(*, {', '.join(params)}):", "    made = _new(cls)", *body, "    return made"]
    )
    exec(source, names)  # noqa: S102  (code made from the field names of a class of ours)
    maker: Callable[..., Any] = names["make"]  # type: ignore[assignment]
    return maker


# -- conversions that only normalize, never reinterpret ---------------------------------------


T = TypeVar("T")

Items: TypeAlias = list[T] | tuple[T, ...]
"""What a tuple field of the model takes: a list or a tuple of its items (anything else, a
generator or a set, is refused, so that a field's order is always the caller's).

A field's converter is a function of its own, typed by the items (``Items[Target]``), so that
type checkers refuse ``Plan(targets=["x"])`` (attrs' plugin takes a converter's parameter as
the ``__init__`` parameter, and cannot read a generic converter's).
"""


def resolve_init(cls: type) -> None:
    """Resolve the annotations of ``cls.__init__`` in its module, now that ``cls`` exists.

    attrs makes ``__init__`` with a copy of the module's names taken while the class is made; a
    class whose fields hold items of itself (a section's subsections) is not yet among them, and
    ``typing.get_type_hints(cls.__init__)`` could not resolve it afterwards.
    """
    init = vars(cls)["__init__"]
    module = vars(sys.modules[cls.__module__])
    init.__annotations__.update(typing.get_type_hints(init, globalns=module))


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Lists and tuples become tuples; anything else is left for the type check to refuse.

    The body of every typed converter (see :data:`Items`)."""
    if isinstance(value, list | tuple):
        return tuple(value)
    return value  # type: ignore[return-value]  # refused by the field's type check


def nfc(value: str) -> str:
    """Text in Unicode NFC; anything else is left for the type check to refuse."""
    if isinstance(value, str):
        if unicodedata.is_normalized("NFC", value):
            return value  # as it is: a message keeps its words in every language
        return unicodedata.normalize("NFC", value)
    return value  # type: ignore[unreachable]  # refused by the field's type check


def nfc_or_none(value: str | None) -> str | None:
    return None if value is None else nfc(value)


def nfc_tuple(value: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    items = to_tuple(value)
    if isinstance(items, tuple):
        return tuple(nfc(v) for v in items)
    return items  # type: ignore[unreachable]  # refused by the field's type check


# -- checks --------------------------------------------------------------------------------------


def _type_name(value: object) -> str:
    return type(value).__name__


def is_int(value: object) -> str | None:
    if type(value) is not int:
        return _("must be an int, not {kind}", kind=_type_name(value))
    return None


def is_decimal(value: object) -> str | None:
    """A finite Decimal within the bounds of :mod:`mdpoverty.values.bounds`."""
    if not isinstance(value, Decimal):
        return _("must be a Decimal, not {kind}", kind=_type_name(value))
    if not value.is_finite():
        return _("must be a finite Decimal")
    return decimal_problem(value)


def is_number(value: object) -> str | None:
    """An int or a finite Decimal (never a float or a bool), within the bounds."""
    if type(value) is int:
        return signed_count_problem(value)
    if not isinstance(value, Decimal):
        return _("must be an int or a Decimal, not {kind}", kind=_type_name(value))
    return is_decimal(value)


def is_count(value: object) -> str | None:
    """An int from 0 to below :data:`~mdpoverty.values.bounds.MAX_COUNT`."""
    return is_int(value) or count_problem(value)  # type: ignore[arg-type]


def is_year(value: object) -> str | None:
    """An int from :data:`~mdpoverty.values.bounds.MIN_YEAR` to ``MAX_YEAR``."""
    return is_int(value) or year_problem(value)  # type: ignore[arg-type]


_SURROGATES = re.compile("[\ud800-\udfff]")


def is_str(value: object) -> str | None:
    """A string that can be written in UTF-8 (no lone surrogate, U+D800–U+DFFF)."""
    if not isinstance(value, str):
        return _("must be a str, not {kind}", kind=_type_name(value))
    if _SURROGATES.search(value):
        return _("must not hold a lone surrogate (U+D800–U+DFFF), which no file can hold")
    return None


def is_text(value: object) -> str | None:
    """A non-blank string."""
    if not isinstance(value, str):
        return is_str(value)
    if not value or value.isspace():  # what strip() would empty, without making the copy
        return _("must not be blank")
    return is_str(value)


_IDENTIFIER = re.compile(r"[a-z0-9._-]+")


def is_identifier(value: object) -> str | None:
    """A short, stable identifier: lowercase ASCII letters, digits, ``-``, ``.`` and ``_``."""
    if not isinstance(value, str) or not value.strip():
        return is_text(value)
    if not _IDENTIFIER.fullmatch(value):
        return _("must use only lowercase ASCII letters, digits, '-', '.' and '_'")
    return None


COMPONENT_CODE_PATTERN = r"[A-Z]{1,4}[0-9]{1,3}(\.[A-Z]{0,4}[0-9]{1,3}){0,3}"
"""The syntax of a programme component code: up to four dot-separated parts, each a prefix of
capital letters and a number; the first part needs its prefix.  It holds every programme's
numbering — a project (Dự án, ``DA3``) or a component (Hợp phần, ``HP1``) on top, then a
sub-project (Tiểu dự án, ``TDA1``), a content (Nội dung, ``ND2``) or an activity (Hoạt động,
``HD1``) — and a plan's own sub-codes below a catalog entry (``HP1.ND2.1``)."""

_COMPONENT_CODE = re.compile(COMPONENT_CODE_PATTERN)


def is_component_code(value: object) -> str | None:
    """A programme component code: ``DA3``, ``DA3.TDA1``, ``DA3.TDA2.HD1``, ``HP1``,
    ``HP1.ND2.1``.

    >>> is_component_code("HP1.ND2.1") is None, is_component_code("da3")
    (True, "must be a code like 'DA3', 'DA3.TDA1', 'DA3.TDA2.HD1', 'HP1' or 'HP1.ND2.1'")
    """
    if not isinstance(value, str) or not value.strip():
        return is_text(value)
    if not _COMPONENT_CODE.fullmatch(value):
        return _("must be a code like 'DA3', 'DA3.TDA1', 'DA3.TDA2.HD1', 'HP1' or 'HP1.ND2.1'")
    return None


def instance_of(cls: type | tuple[type, ...]) -> Check:
    names = _alternatives([cls.__name__] if isinstance(cls, type) else [c.__name__ for c in cls])

    def check(value: object) -> str | None:
        if not isinstance(value, cls):
            return _("must be {kinds}, not {kind}", kinds=names, kind=_type_name(value))
        return None

    return check


def lazy_instance_of(cls: Callable[[], type]) -> Check:
    """Like :func:`instance_of`, for a class not defined yet (a field of its own class)."""

    def check(value: object) -> Reason:
        return instance_of(cls())(value)

    return check


@attrs.frozen
class _Optional:
    """The check :func:`optional` makes: ``None``, or a value that passes ``inner``."""

    inner: Check

    def __call__(self, value: object) -> Reason:
        return None if value is None else self.inner(value)


@attrs.frozen
class _TupleOf:
    """The check :func:`tuple_of` makes: a tuple whose every item passes ``inner``."""

    inner: Check

    def __call__(self, value: object) -> Reason:
        if not isinstance(value, tuple):
            return _("must be a sequence, not {kind}", kind=_type_name(value))
        for index, item in enumerate(value):
            reason = self.inner(item)
            if isinstance(reason, str):  # the item's place, as a location writes it: 1024
                return _("item {index} {reason}", index=str(index), reason=reason)
        return None


def optional(check: Check) -> Check:
    """``None``, or a value that passes ``check``."""
    return _Optional(check)


def tuple_of(check: Check) -> Check:
    """A tuple whose every item passes ``check``."""
    return _TupleOf(check)


def unwrapped(check: Check) -> Check:
    """The check that :func:`optional` and :func:`tuple_of` (at any depth) apply to a value or
    to its items; ``check`` itself when it wraps none.  The JSON Schema reads it."""
    while isinstance(check, _Optional | _TupleOf):
        check = check.inner
    return check


def at_least(bound: int | Decimal) -> Check:
    def check(value: int | Decimal) -> str | None:
        return None if value >= bound else _("must be >= {bound}", bound=bound)

    return check


def all_of(*fns: Check) -> Check:
    """Checks in order; the first failure is the reason."""

    def check(value: object) -> Reason:
        for fn in fns:
            reason = fn(value)
            if reason is not None:
                return reason
        return None

    return check


def unique(field: str, what: str) -> Check:
    """No two items of a tuple share the value of their ``field``; the repeat is named.

    ``what`` names the field in the reason, a message (``_("unit id")``)."""

    def check(value: tuple[Any, ...]) -> At | None:
        seen: dict[object, int] = {}
        for index, item in enumerate(value):
            k = getattr(item, field)
            if k in seen:
                reason = _("repeats the {what} of item {item}", what=what, item=str(seen[k]))
                return At(index, field, k, reason)
            seen[k] = index
        return None

    return check


COUNT = checks(is_count)
OPTIONAL_COUNT = checks(optional(is_count))
MONEY = checks(optional(all_of(is_decimal, at_least(Decimal(0)))))
AMOUNT = checks(all_of(is_decimal, at_least(Decimal(0))))
YEAR = checks(is_year)
BOOL = checks(instance_of(bool))
OPTIONAL_YEAR = checks(optional(is_year))
TEXT = checks(is_text)
STR = checks(is_str)
IDENTIFIER = checks(is_identifier)
