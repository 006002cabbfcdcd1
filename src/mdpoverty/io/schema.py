"""The JSON Schema of plan files, generated from the model.

The schema is derived from the attrs classes themselves (their fields, types, defaults and
docstrings), so it cannot drift from what :func:`mdpoverty.load_plan` accepts; the package
ships it as ``mdpoverty/data/plan.schema.json`` (:func:`shipped_schema`) and a test checks that
the shipped file equals the generated one.  Editors use it for completion, hover help and
validation of plan files: in VS Code with the YAML extension, put this first line in the file::

    # yaml-language-server: $schema=plan.schema.json

The schema says what a plan file may *look like* (names, types, enums, patterns, bounds); the
model's validation says more (poor households no more than households, references that
resolve), and :func:`mdpoverty.check` says whether the numbers agree.

>>> schema = plan_schema()
>>> schema["required"]
['kind', 'header', 'area', 'period']
>>> schema["$defs"]["UnitKind"]["enum"][:3]
['country', 'province', 'municipality']
"""

from __future__ import annotations

import enum
import inspect
import json
import re
import types
import typing
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from mdpoverty.model.document import DocumentType, ImplementationReport
from mdpoverty.values._validation import (
    _CHECKS,
    _IDENTIFIER,
    AMOUNT,
    COMPONENT_CODE_PATTERN,
    MONEY,
    is_component_code,
    is_count,
    is_identifier,
    is_year,
    unwrapped,
)
from mdpoverty.values._validation import is_text as _is_text
from mdpoverty.values.bounds import (
    MAX_COUNT,
    MAX_DECIMAL,
    MAX_NUMBER_CHARS,
    MAX_PLACES,
    MAX_YEAR,
    MIN_YEAR,
)
from mdpoverty.values.dates import PartialDate
from mdpoverty.values.quantities import Quantity

__all__ = ["SCHEMA_DIALECT", "plan_schema", "schema_text", "shipped_schema"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the schema (draft 2020-12)."""

_DECIMAL_TEXT = r"^\s*[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$"
_NON_NEGATIVE_TEXT = r"^\s*\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$"
_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


_IDENTIFIER_PATTERN = f"^{_IDENTIFIER.pattern}$"
_COMPONENT_CODE = f"^{COMPONENT_CODE_PATTERN}$"

_BOUNDED = {"exclusiveMinimum": -MAX_DECIMAL, "exclusiveMaximum": MAX_DECIMAL}
_BOUNDED_TEXT = {"type": "string", "maxLength": MAX_NUMBER_CHARS}
_COUNT = {"minimum": 0, "exclusiveMaximum": MAX_COUNT}
_SIGNED_COUNT = {"type": "integer", "exclusiveMinimum": -MAX_COUNT, "exclusiveMaximum": MAX_COUNT}
_YEAR = {"minimum": MIN_YEAR, "maximum": MAX_YEAR}

_VALUE_TYPES: dict[str, dict[str, Any]] = {
    "Decimal": {
        "description": "An exact decimal number: a number with its digits (1.15) or, as JSON "
        f'files write it to keep the digits, its text ("1.15"); at most {MAX_PLACES} '
        "decimal places, between -10^15 and 10^15.",
        "anyOf": [
            {"type": "number", **_BOUNDED},
            {**_BOUNDED_TEXT, "pattern": _DECIMAL_TEXT},
        ],
    },
    "Money": {
        "description": 'An amount in million VND (triệu đồng), exact: 2332 or "2332"; at '
        f"most {MAX_PLACES} decimal places, below 10^15.",
        "anyOf": [
            {"type": "number", "minimum": 0, "exclusiveMaximum": MAX_DECIMAL},
            {**_BOUNDED_TEXT, "pattern": _NON_NEGATIVE_TEXT},
        ],
    },
    "PartialDate": {
        "description": "A date at the precision the document gives: 2024, 2024-03 or "
        f'2024-03-15 ("ngày tháng 3 năm 2024" is 2024-03), in the years {MIN_YEAR}–{MAX_YEAR}.',
        "anyOf": [{"type": "string", "pattern": _DATE}, {"type": "integer", **_YEAR}],
    },
    "Quantity": {
        "description": "A target's value: a number, or a range {low, high} "
        '("840–930 hộ" is {low: 840, high: 930}).',
        "anyOf": [
            _SIGNED_COUNT,
            {"$ref": "#/$defs/Decimal"},
            {
                "type": "object",
                "properties": {
                    "low": {"anyOf": [_SIGNED_COUNT, {"$ref": "#/$defs/Decimal"}]},
                    "high": {"anyOf": [_SIGNED_COUNT, {"$ref": "#/$defs/Decimal"}]},
                },
                "required": ["low", "high"],
                "additionalProperties": False,
            },
        ],
    },
}


def _docs(cls: type) -> tuple[str, dict[str, str]]:
    """A class's summary and the descriptions of its attributes (Google style)."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    summary = " ".join(doc.split("\n\n", 1)[0].split())
    fields: dict[str, str] = {}
    match = re.search(r"^Attributes:\n((?:[ \t]+.*\n?|\n)*)", doc, re.MULTILINE)
    if match:
        current = None
        for line in match.group(1).splitlines():
            entry = re.match(r"^    (\w+):\s*(.*)$", line)
            if entry:
                current = entry.group(1)
                fields[current] = entry.group(2)
            elif current and line.startswith("        "):
                fields[current] += " " + line.strip()
    return _plain(summary), {k: _plain(v) for k, v in fields.items()}


def _plain(text: str) -> str:
    """Docstring markup as plain text for editors: ``:mod:`x``` and ````x```` become ``x``."""
    text = re.sub(r":\w+:`~?([^`]+)`", r"\1", text)
    return " ".join(text.replace("``", "").split())


def _constraints(field: attrs.Attribute[Any]) -> dict[str, Any]:
    """What a field's checks say of its value, or of its items for a tuple (the checks inside
    ``optional(...)`` and ``tuple_of(...)`` are read)."""
    checks = [unwrapped(check) for check in field.metadata.get(_CHECKS, ())]
    if is_count in checks:
        return dict(_COUNT)
    if is_year in checks:
        return dict(_YEAR)
    if is_identifier in checks:
        return {"pattern": _IDENTIFIER_PATTERN}
    if is_component_code in checks:
        return {"pattern": _COMPONENT_CODE}
    if _is_text in checks:
        return {"minLength": 1, "pattern": r"\S"}
    return {}


def _standard_ids() -> dict[tuple[str, str], list[str]]:
    """The dimension and indicator ids a deficit target may name: those of every standard the
    library knows (the loader then checks them against the document's own standard)."""
    from mdpoverty.reference.standards import poverty_standards  # noqa: PLC0415  (data, lazily)

    dimensions = {d.id: None for s in poverty_standards() for d in s.dimensions}
    indicators = {i.id: None for s in poverty_standards() for i in s.indicators}
    return {
        ("DeficitIndicator", "dimension"): list(dimensions),
        ("DeficitIndicator", "indicator"): list(indicators),
    }


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.standard_ids = _standard_ids()

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def of(  # noqa: PLR0911  (one return per kind of type)
        self, tp: Any, constraints: dict[str, Any], *, money: bool = False
    ) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            schemas = [self.of(a, constraints, money=money) for a in options]
            if type(None) in args:
                schemas.append({"type": "null"})
            return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of(args[0], constraints)}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer", **constraints}
        if tp is str:
            return {"type": "string", **constraints}
        if tp is Decimal:
            name = "Money" if money else "Decimal"
            self.defs.setdefault(name, _VALUE_TYPES[name])
            return self.ref(name)
        if tp in (PartialDate, Quantity):
            self.defs.setdefault("Decimal", _VALUE_TYPES["Decimal"])
            self.defs.setdefault(tp.__name__, _VALUE_TYPES[tp.__name__])
            return self.ref(tp.__name__)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            if tp.__name__ not in self.defs:
                summary = _plain(inspect.cleandoc(tp.__doc__ or ""))
                self.defs[tp.__name__] = {
                    "description": summary,
                    "enum": [m.value for m in tp],
                }
            return self.ref(tp.__name__)
        if isinstance(tp, type) and attrs.has(tp):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {}  # placeholder: the model has recursive classes
                self.defs[tp.__name__] = self.object(tp)
            return self.ref(tp.__name__)
        raise TypeError(f"no JSON Schema for the type {tp!r}")

    def object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        summary, described = _docs(cls)
        properties: dict[str, Any] = {}
        required = []
        for field in attrs.fields(cls):
            money = field.metadata.get(_CHECKS) in (MONEY[_CHECKS], AMOUNT[_CHECKS])
            schema = dict(self.of(hints[field.name], _constraints(field), money=money))
            ids = self.standard_ids.get((cls.__name__, field.name))
            if ids is not None:
                schema = {"anyOf": [{"type": "string", "enum": ids}, {"type": "null"}]}
            if field.name in described:
                schema["description"] = described[field.name]
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                default = field.default
                if isinstance(default, enum.Enum):
                    default = default.value
                if isinstance(default, tuple):
                    default = list(default)
                if default is None or isinstance(default, str | int | bool | list):
                    schema["default"] = default
            properties[field.name] = schema
        result: dict[str, Any] = {"type": "object"}
        if summary:
            result["description"] = summary
        result["properties"] = properties
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return result


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan file, generated from the document classes.

    A plan file holds one document, a plan, a review or a report, as its ``kind`` says; the
    fields are those of :class:`~mdpoverty.model.document.Document` (a report may also cite
    its ``plan``).
    Objects list their fields with their types and descriptions, the fields without a
    default as ``required``, and allow no other field; enums list their values; a Decimal is
    a number or its text, a date ISO text at its precision, a target's value a number or
    ``{low, high}``.

    >>> plan_schema()["properties"]["units"]["items"]
    {'$ref': '#/$defs/AdministrativeUnit'}
    >>> plan_schema()["properties"]["kind"]["enum"]
    ['plan', 'review', 'report']
    """
    builder = _Builder()
    attrs.resolve_types(ImplementationReport)
    root = builder.object(ImplementationReport)
    kind = {
        "description": "What the document is: a plan, a review result or a report.",
        "enum": [k.value for k in DocumentType],
    }
    root["properties"] = {"kind": kind, **root["properties"]}
    root["required"] = ["kind", *root.get("required", [])]
    root["description"] = "One poverty document: a plan, a review result or a report."
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "mdpoverty plan file",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """:func:`plan_schema` as the JSON text the package ships (2-space indent, UTF-8).

    >>> schema_text().splitlines()[1]
    '  "$schema": "https://json-schema.org/draft/2020-12/schema",'
    """
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"


def shipped_schema() -> dict[str, Any]:
    """The schema shipped in the package (``mdpoverty/data/plan.schema.json``).

    >>> shipped_schema() == plan_schema()
    True
    """
    text = resources.files("mdpoverty.io").joinpath("data", "plan.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
