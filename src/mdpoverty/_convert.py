"""The cattrs converter between the model and plain data (dicts, lists, str, int, Decimal).

Plain data is what YAML and JSON files hold.  Structuring is strict: an unknown key is an error,
a string is never read as a number, a float is refused (it cannot hold a rate or an amount
exactly).  An int is accepted where a Decimal belongs, since that is exact.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from mdpoverty.dates import PartialDate
from mdpoverty.quantities import Quantity
from mdpoverty.targets import DeficitIndicator, IndicatorKind, Measure, Target

__all__ = ["converter"]


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected a whole number, not {type(value).__name__} {value!r}")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, not {type(value).__name__} {value!r}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, not {type(value).__name__} {value!r}")
    return value


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, Decimal):
        result = value
    elif type(value) is int:
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a decimal number: {value!r}") from None
    else:
        raise TypeError(f"expected an exact decimal number, not {type(value).__name__} {value!r}")
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def _structure_number(value: object) -> int | Decimal:
    return value if type(value) is int else _to_decimal(value)


def _structure_date(value: object, _: type) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if type(value) is int:
        return PartialDate(value)
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date, not a date and time {value!r}")
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise TypeError(f"expected a date such as '2024-03' or '2024-03-15', not {value!r}")


def _structure_quantity(value: object, _: type) -> Quantity:
    if isinstance(value, dict):
        unknown = set(value) - {"low", "high"}
        if unknown or "low" not in value or "high" not in value:
            raise ValueError(
                f"a range needs exactly the keys 'low' and 'high', not {sorted(value)}"
            )
        return Quantity(_structure_number(value["low"]), _structure_number(value["high"]))
    return Quantity(_structure_number(value))


def _unstructure_quantity(value: Quantity) -> object:
    if value.is_exact:
        return value.low
    return {"low": value.low, "high": value.high}


def _decimal_raw(value: object) -> object:
    """Whole numbers in raw data as Decimals, for a field that holds a rate or a share."""
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, dict):
        return {k: _decimal_raw(v) for k, v in value.items()}
    return value


def _with_decimal_value(data: Any, rate_field: str, rate_values: set[str]) -> Any:
    if isinstance(data, dict) and data.get(rate_field) in rate_values and "value" in data:
        return {**data, "value": _decimal_raw(data["value"])}
    return data


_RATE_MEASURES = {m.value for m in Measure if not m.is_count}


def make_converter() -> cattrs.Converter:
    """A new converter for plan data (strict, with defaults omitted when unstructuring)."""
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    # Exact-type predicates: a StrEnum is a str subclass and must keep the Enum hook.
    conv.register_structure_hook_func(lambda t: t is int, _structure_int)
    conv.register_structure_hook_func(lambda t: t is str, _structure_str)
    conv.register_structure_hook_func(lambda t: t is bool, _structure_bool)
    conv.register_structure_hook(Decimal, lambda v, _: _to_decimal(v))
    conv.register_unstructure_hook(Decimal, lambda v: v)
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(Quantity, _structure_quantity)
    conv.register_unstructure_hook(Quantity, _unstructure_quantity)

    # The model's modules use postponed annotations: resolve them before generating hooks.
    def structure_factory(cls: type) -> Any:
        attrs.resolve_types(cls)
        return make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

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
