"""The cattrs converter between the model and plain data (dicts, lists, str, int, Decimal).

Plain data is what YAML and JSON files hold: field names as keys, defaults left out, enums by
value, a :class:`~mdpoverty.values.dates.PartialDate` as ISO text at its precision, a
:class:`~mdpoverty.values.quantities.Quantity` as a number when exact or ``{low, high}`` when a
range, a :class:`~decimal.Decimal` as itself (the file formats decide how to write it).

Structuring is strict and collects every problem: an unknown key is an error, a string is never
read as a number (except where a Decimal belongs: JSON files write Decimals as strings to keep
their digits), a float is refused (it cannot hold a rate or an amount exactly), a string or a
mapping is never taken for a list.  An int is accepted where a Decimal belongs, since that is
exact.  A value that cannot become its field raises :class:`FieldValueError`; cattrs gathers them
with the model's own :class:`~mdpoverty.errors.ValidationError` into one exception group, which
:mod:`mdpoverty.io.files` turns into a list of problems with their paths.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from types import UnionType
from typing import Any

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from mdpoverty.errors import FieldValueError, OutOfBounds, ValidationError
from mdpoverty.i18n import _
from mdpoverty.model.targets import DeficitIndicator, IndicatorKind, Measure, Target
from mdpoverty.values.bounds import TooLarge, number_from_text
from mdpoverty.values.dates import PartialDate
from mdpoverty.values.quantities import Quantity

__all__ = ["FieldValueError", "converter", "make_converter"]


_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, _("true/false")),
    ((Decimal, float), _("a decimal number")),
    (int, _("a number")),
    (str, _("text")),
    (dict, _("a mapping")),
    ((list, tuple), _("a list")),
)


def _kind(value: object) -> str:
    """How a message names the kind of a value of plain data."""
    if value is None:
        return _("nothing (null)")
    if isinstance(value, TooLarge):
        return _("a number")
    for types, name in _KINDS:
        if isinstance(value, types):
            return name
    return _("a {kind}", kind=type(value).__name__)


_NUMERIC = re.compile(r"\s*[-+]?[\d.,\s]*\d[\d.,\s]*")
DECIMAL_COMMA = _("must be a decimal number written with a point (1.15, not 1,15)")
"""The reason of a decimal number written with a comma (``1,15``), in any place of a file."""
_QUOTE_HINT = _(" (put it in quotes to make it text)")


def _structure_int(value: object, _cls: type) -> int:
    if type(value) is int:
        return value
    if isinstance(value, TooLarge):
        raise FieldValueError(value.reason, value, code="out-of-bounds")
    hint: str = ""
    if isinstance(value, Decimal) and value.as_tuple().exponent == -3:
        # the digits as the file should write them: 2347, never 2,347
        written = str(value).replace(".", "")
        hint = _(" (a count has no thousands separator: write {written})", written=written)
    elif isinstance(value, Decimal) and value == value.to_integral_value():
        hint = _(" (without a decimal point)")
    elif isinstance(value, Decimal) or (isinstance(value, str) and _NUMERIC.fullmatch(value)):
        hint = _(" (without thousands separators: 2347, not 2.347 or 2,347)")
    raise FieldValueError(
        _("must be a whole number, not {kind}{hint}", kind=_kind(value), hint=hint), value
    )


def _structure_str(value: object, _cls: type) -> str:
    if isinstance(value, str) and not isinstance(value, TooLarge):
        return value
    hint = _QUOTE_HINT if isinstance(value, int | Decimal | bool | dt.date | TooLarge) else ""
    raise FieldValueError(_("must be text, not {kind}{hint}", kind=_kind(value), hint=hint), value)


def _structure_bool(value: object, _cls: type) -> bool:
    if isinstance(value, bool):
        return value
    raise FieldValueError(_("must be true or false, not {kind}", kind=_kind(value)), value)


def to_decimal(value: object) -> Decimal:
    """``value`` as an exact Decimal: a Decimal, an int, or the text of a decimal number."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        reason = _("must be an exact decimal number, not {kind}", kind=_kind(value))
        raise FieldValueError(reason, value)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, TooLarge):
        raise FieldValueError(value.reason, value, code="out-of-bounds")
    else:
        try:
            result = number_from_text(value.strip())
        except OutOfBounds:
            raise FieldValueError(TooLarge(value).reason, value, code="out-of-bounds") from None
        except (InvalidOperation, ValueError):
            raise FieldValueError(DECIMAL_COMMA, value, code="wrong-type") from None
    if not result.is_finite():
        raise FieldValueError(_("must be a finite number"), value)
    return result


def _structure_number(value: object) -> int | Decimal:
    return value if type(value) is int else to_decimal(value)


def _model_problem(error: ValidationError, value: object) -> FieldValueError:
    """A value type's own validation error, reported at the field that holds it."""
    reasons: list[str] = [
        _("{field} {reason}", field=p.field, reason=p.reason) for p in error.problems
    ]

    def joined(first: str, then: str) -> str:
        return _("{first}; {then}", first=first, then=then)

    reason = functools.reduce(joined, reasons) if reasons else ""
    return FieldValueError(reason, value, code=error.problems[0].code if error.problems else None)


def _structure_date(value: object, _cls: type) -> PartialDate:
    try:
        if isinstance(value, PartialDate):
            return value
        if type(value) is int:
            return PartialDate(value)
        if isinstance(value, dt.datetime):
            raise FieldValueError(_("must be a date, not a date and time"), value)
        if isinstance(value, dt.date):
            return PartialDate.of(value)
        if isinstance(value, str):
            return PartialDate.parse(value)
    except ValidationError as error:
        if isinstance(value, str):
            raise FieldValueError(
                _("must be a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-03)"), value
            ) from None
        raise _model_problem(error, value) from None
    raise FieldValueError(
        _(
            "must be a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-03), not {kind}",
            kind=_kind(value),
        ),
        value,
    )


def _structure_quantity(value: object, _cls: type) -> Quantity:
    try:
        if isinstance(value, dict):
            if set(value) != {"low", "high"}:
                # the file's keys, quoted: they are its words, not the message's
                keys = tuple(repr(k) for k in sorted(map(str, value))) or _("none")
                raise FieldValueError(
                    _("a range needs exactly the keys 'low' and 'high', not {keys}", keys=keys),
                    value,
                )
            return Quantity(_structure_number(value["low"]), _structure_number(value["high"]))
        if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
            raise FieldValueError(
                _("must be a number or a range {{low: …, high: …}}, not {kind}", kind=_kind(value)),
                value,
            )
        return Quantity(_structure_number(value))
    except ValidationError as error:
        raise _model_problem(error, value) from None


def _unstructure_quantity(value: Quantity) -> object:
    if value.is_exact:
        return value.low
    return {"low": value.low, "high": value.high}


def _structure_cell(
    number: Callable[[object, type], int | Decimal],
) -> Callable[[object, Any], Any]:
    """The hook of a printed cell that holds a number or a range ``{low, high}``: a range's
    bounds are read as the number is (counts as ints, rates as Decimals)."""

    def structure(value: object, _cls: Any) -> int | Decimal | Quantity | None:
        if value is None:
            return None
        if isinstance(value, dict) and set(value) == {"low", "high"}:
            try:
                return Quantity(number(value["low"], object), number(value["high"], object))
            except ValidationError as error:
                raise _model_problem(error, value) from None
        if isinstance(value, dict):
            return _structure_quantity(value, Quantity)  # its message names the keys
        return number(value, object)

    return structure


# Printed cells that may be ranges (model.printed): a count or a rate, or a range of either.
_CELLS: dict[Any, Callable[[object, Any], Any]] = {
    int | Quantity | None: _structure_cell(_structure_int),
    Decimal | Quantity | None: _structure_cell(lambda v, _cls: to_decimal(v)),
}


_ENUM_VALUES: dict[type[enum.Enum], dict[object, enum.Enum]] = {}


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    by_value = _ENUM_VALUES.get(cls)
    if by_value is None:
        by_value = _ENUM_VALUES[cls] = {m.value: m for m in cls}
    if type(value) in (str, int) and value in by_value:  # exact: true/false are not 1/0
        return by_value[value]
    choices = ", ".join(repr(v) for v in by_value)  # the values a file writes, quoted
    raise FieldValueError(_("must be one of {choices}", choices=choices), value)


def _is_optional(t: Any) -> bool:
    """``X | None`` for one type X."""
    args = typing.get_args(t)
    return (
        typing.get_origin(t) in (typing.Union, UnionType) and len(args) == 2 and type(None) in args
    )


def _optional_hook(conv: cattrs.Converter, t: Any) -> Callable[[object, type], Any]:
    """The hook of ``X | None``.  cattrs's own dispatches on X at every call; a plan has
    hundreds of thousands of optional fields, so the hook of X is found once, on first use."""
    [item_type] = [a for a in typing.get_args(t) if a is not type(None)]
    found: list[Callable[[object, type], Any]] = []

    def structure(value: object, _cls: type) -> Any:
        if value is None:
            return None
        if not found:  # looked up on first use, not now: the model has recursive types
            found.append(conv.get_structure_hook(item_type))
        return found[0](value, item_type)

    return structure


def _is_homogeneous_tuple(t: object) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _decimal_raw(value: object) -> object:
    """Whole numbers in raw data as Decimals, for a field that holds a rate or a share."""
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, dict):
        return {k: _decimal_raw(v) for k, v in value.items()}
    return value


def _with_decimal_value(data: object, kind_field: str, rate_kinds: set[str]) -> object:
    if isinstance(data, dict):
        kind = data.get(kind_field)
        if isinstance(kind, str) and kind in rate_kinds and "value" in data:
            return {**data, "value": _decimal_raw(data["value"])}
    return data


_RATE_MEASURES = {m.value for m in Measure if not m.is_count}


def make_converter() -> cattrs.Converter:
    """A new converter for plan data (strict, every problem collected, defaults omitted)."""
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)
    # By class (cattrs' dispatch by class comes before its predicates, and str and int have
    # built-in hooks): StrEnum and IntEnum come before str and int in an enum's MRO.
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_structure_hook(base, _structure_enum)
    conv.register_structure_hook(Decimal, lambda v, _cls: to_decimal(v))
    conv.register_unstructure_hook(Decimal, lambda v: v)
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(Quantity, _structure_quantity)
    conv.register_unstructure_hook(Quantity, _unstructure_quantity)
    # By class, not by predicate: a StrEnum is also a str, and str's hook would win.
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_unstructure_hook(base, lambda v: v.value)

    def sequence_factory(t: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = typing.get_args(t)[0]

        def structure(value: object, _cls: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise FieldValueError(_("must be a list, not {kind}", kind=_kind(value)), value)
            # Looked up per call, not when the hook is made: the model has recursive types.
            item_hook = conv.get_structure_hook(item_type)
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as error:  # every item's problem is collected
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        IterableValidationNote(f"@ index {index}", index, item_type),
                    ]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(items)

        return structure

    conv.register_structure_hook_factory(_is_homogeneous_tuple, sequence_factory)

    conv.register_structure_hook_factory(_is_optional, functools.partial(_optional_hook, conv))
    conv.register_structure_hook_factory(lambda t: t in _CELLS, lambda t: _CELLS[t])

    def unstructure_sequence_factory(t: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        item_type = typing.get_args(t)[0]
        return lambda value: [conv.unstructure(item, unstructure_as=item_type) for item in value]

    conv.register_unstructure_hook_factory(_is_homogeneous_tuple, unstructure_sequence_factory)

    # The model's modules use postponed annotations: resolve them before generating hooks.
    def structure_factory(cls: type) -> Callable[[object, type], Any]:
        attrs.resolve_types(cls)
        generated: Any = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

        def structure(value: object, t: type) -> Any:
            if not isinstance(value, dict):
                reason = _(
                    "must be a mapping of {cls} fields (name: value), not {kind}",
                    cls=cls.__name__,
                    kind=_kind(value),
                )
                raise FieldValueError(reason, value)
            return generated(value, t)

        return structure

    def unstructure_factory(cls: type) -> Any:
        attrs.resolve_types(cls)
        return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)

    conv.register_structure_hook_factory(attrs.has, structure_factory)
    conv.register_unstructure_hook_factory(attrs.has, unstructure_factory)

    # A rate target or a share may be written as a whole number ("100"); it holds a Decimal.
    structure_target = structure_factory(Target)
    structure_indicator = structure_factory(DeficitIndicator)
    conv.register_structure_hook(
        Target,
        lambda v, cls: structure_target(_with_decimal_value(v, "measure", _RATE_MEASURES), cls),
    )
    conv.register_structure_hook(
        DeficitIndicator,
        lambda v, cls: structure_indicator(
            _with_decimal_value(v, "kind", {IndicatorKind.SHARE.value}), cls
        ),
    )
    return conv


converter = make_converter()
"""The converter every plan file goes through."""
