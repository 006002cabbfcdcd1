"""Findings as data for programs: JSON-ready records and the JSON Schema they follow.

A finding's ``expected`` and ``actual`` are Python values (a :class:`~decimal.Decimal`, a
:class:`~mdpoverty.values.dates.PartialDate`, a :class:`~mdpoverty.values.quantities.Quantity`
range, a tuple of names …).  A record holds them as JSON can, without losing a digit:

* a number is a string of its digits, without exponent or thousands separators (``"949"``,
  ``"1.86"``, ``"-0.10"``): JSON numbers are binary floats in most readers, and a string keeps
  the document's exact value and its trailing zeros;
* a date is ISO text at the precision the document gives (``"2024-03"``);
* a range is ``{"low": …, "high": …}``, an exact quantity its number;
* a tuple is a list; text stays text; no value is ``null``.

>>> from decimal import Decimal
>>> from mdpoverty.values.quantities import Quantity
>>> json_value((Decimal("1E+3"), Quantity(1, 2), None))
['1000', {'low': '1', 'high': '2'}, None]
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

from mdpoverty.i18n import Lang, localize
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.quantities import Quantity

if TYPE_CHECKING:
    from mdpoverty.checks.report import Finding

__all__ = [
    "FINDING_SCHEMA",
    "FindingValue",
    "JSONValue",
    "ScalarValue",
    "finding_record",
    "json_value",
]

ScalarValue: TypeAlias = Decimal | int | str | PartialDate | Period | Quantity | None
"""One value a finding compares (a number, a text, a date, a span of years or a range)."""

FindingValue: TypeAlias = ScalarValue | tuple[ScalarValue, ...]
"""What a finding's ``expected`` and ``actual`` hold (one value, or a tuple of them)."""

JSONValue: TypeAlias = str | bool | dict[str, str] | list[Any] | None
"""A finding's value in a record (see the module's documentation)."""


def _number(value: Decimal | int) -> str:
    """The digits of ``value``, never in scientific notation (``1E+3`` is ``1000``)."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def json_value(value: object) -> JSONValue:  # noqa: PLR0911  (a return a kind of value)
    """``value`` (a finding's ``expected`` or ``actual``) as a record holds it."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, Decimal | int):
        return _number(value)
    if isinstance(value, Quantity):
        if value.is_exact:
            return _number(value.low)
        return {"low": _number(value.low), "high": _number(value.high)}
    if isinstance(value, PartialDate | Period):
        return str(value)
    if isinstance(value, tuple | list):
        return [json_value(item) for item in value]
    return str(value)  # another value a user's own rule gave: its text


def finding_record(finding: Finding, lang: Lang = "en") -> dict[str, JSONValue]:
    """``finding`` as a JSON-ready mapping that follows :data:`FINDING_SCHEMA`, its message in
    ``lang`` (its rule, severity and location are the same in every language)."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "location": finding.location,
        "message": localize(finding.message, lang),
        "expected": json_value(finding.expected),
        "actual": json_value(finding.actual),
    }


_VALUE: dict[str, Any] = {
    "oneOf": [
        {"type": "null"},
        {"type": "boolean"},
        {"type": "string", "description": "text, a number's digits, or an ISO date"},
        {
            "type": "object",
            "description": "a range of numbers",
            "properties": {
                "low": {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"},
                "high": {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"},
            },
            "required": ["low", "high"],
            "additionalProperties": False,
        },
        {"type": "array", "items": {"$ref": "#/$defs/value"}},
    ]
}

FINDING_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://mdpoverty.readthedocs.io/schema/finding.json",
    "title": "mdpoverty finding",
    "description": (
        "One finding of mdpoverty's consistency check, as Report.to_records() and "
        "`mdpoverty check --format json` give it."
    ),
    "type": "object",
    "properties": {
        "rule": {"type": "string", "pattern": r"^[a-z0-9_-]+(\.[a-z0-9_-]+)+$"},
        "severity": {"enum": ["error", "warning", "info"]},
        "location": {
            "type": "string",
            "description": "where in the document: /-separated fields and ids; '.' the root",
        },
        "message": {"type": "string"},
        "expected": {"$ref": "#/$defs/value"},
        "actual": {"$ref": "#/$defs/value"},
    },
    "required": ["rule", "severity", "location", "message", "expected", "actual"],
    "additionalProperties": False,
    "$defs": {"value": _VALUE},
}
"""The JSON Schema (draft 2020-12) of one finding's record (:func:`finding_record`)."""
