"""The YAML and JSON dialects of plan files and reference data: exact numbers, dates as text.

YAML is read from the events of PyYAML's parser (no constructor of PyYAML's runs: no object
is built but text, numbers, booleans, null, lists and mappings), in a dialect that keeps
numbers and dates exact: a number with a decimal point is a :class:`~decimal.Decimal` with its
digits, a date stays text, and forms YAML 1.1 would silently reinterpret (``017`` as an octal
15, ``1:30`` as 90) stay text, so that they are reported rather than misread.  Anchors and
aliases are refused.  JSON holds Decimals as strings (``"1.15"``), which keeps their digits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import yaml

from mdpoverty.i18n import _
from mdpoverty.values.bounds import TooLarge, int_or_too_large, number_or_too_large

__all__ = [
    "COLLECTION_TAGS",
    "SCALAR_TAGS",
    "DecimalEncoder",
    "Dumper",
    "FastLoader",
    "JsonObject",
    "Loader",
    "dump_yaml",
    "json_decimal",
    "json_int",
    "json_object",
    "plain_scalar",
    "refuse_constant",
    "tag_name",
]


_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_PLAIN_DECIMAL = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?")


class Loader(yaml.SafeLoader):
    """The pure-Python YAML parser, with YAML 1.1's implicit types but no timestamps.

    Plan files are read from its events (:func:`mdpoverty.io._parse.parse_yaml`), never through
    PyYAML's constructors; the dumper quotes text exactly where these resolvers would read it
    as something else.
    """


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

FastLoader: type[yaml.SafeLoader] = (
    yaml.CSafeLoader  # type: ignore[assignment]  # same interface, parsed by libyaml
    if getattr(yaml, "__with_libyaml__", False) and hasattr(yaml, "CSafeLoader")
    else Loader  # pragma: no cover - PyYAML built without libyaml
)
"""The parser plan files are read with: libyaml's where PyYAML was built with it (an order of
magnitude faster than :class:`Loader`, which serves otherwise and in the tests)."""


# -- scalars -------------------------------------------------------------------------------------

_Y = "tag:yaml.org,2002:"


def _int(text: str) -> int | str:
    if _PLAIN_INT.fullmatch(text):
        return int_or_too_large(text)  # a million digits are refused, not parsed
    return text  # 017, 0x1F, 1:30 …: kept as written, and reported where a number belongs


def _decimal(text: str) -> Decimal | str:
    if _PLAIN_DECIMAL.fullmatch(text) and any(c.isdigit() for c in text):
        # Bounded before Decimal sees it: 1e+99999999999999999999 raises InvalidOperation,
        # and 1e-999999999 makes every later rounding take minutes.
        return number_or_too_large(text)
    return text  # .inf, .nan, 1:30.5: kept as written, and reported where a number belongs


_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}


def _bool(text: str) -> bool | str:
    return _BOOLS.get(text.lower(), text)  # an explicit `!!bool maybe` stays text


def _null(text: str) -> None:
    return None


def _text(text: str) -> str:
    return text


SCALAR_TAGS: dict[str, Callable[[str], object]] = {
    _Y + "str": _text,
    _Y + "int": _int,
    _Y + "float": _decimal,
    _Y + "bool": _bool,
    _Y + "null": _null,
    _Y + "timestamp": _text,  # dates stay text in this dialect
}
"""What a scalar with each tag becomes; a tag not named here is refused."""

COLLECTION_TAGS = frozenset(("!", _Y + "map", _Y + "seq"))
"""The tags a list or mapping may carry (``!!set``, ``!!omap`` and others are refused)."""

_RESOLVERS = {
    first: tuple((SCALAR_TAGS[tag], regexp) for tag, regexp in resolvers if tag in SCALAR_TAGS)
    for first, resolvers in Loader.yaml_implicit_resolvers.items()
}


def plain_scalar(text: str) -> object:
    """What an unquoted, untagged scalar means: YAML 1.1's implicit types (``yes`` is true,
    ``~`` and nothing are null), with exact numbers and dates kept as text."""
    for construct, regexp in _RESOLVERS.get(text[:1], ()):
        if regexp.match(text):
            return construct(text)
    return text


def tag_name(tag: str) -> str:
    """A tag as a file writes it: ``!!binary`` for YAML's own."""
    return "!!" + tag.removeprefix(_Y) if tag.startswith(_Y) else tag


class Dumper(yaml.SafeDumper):
    """The safe dumper: Decimals as plain numbers with their digits, dates unquoted, no aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


Dumper.yaml_implicit_resolvers = Loader.yaml_implicit_resolvers


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = str(value)
    if "E" in text:  # 1E+3 is no YAML number: written as text, which reads back exactly
        return dumper.represent_scalar("tag:yaml.org,2002:str", text)
    if "." not in text:
        return dumper.represent_scalar("tag:yaml.org,2002:int", text)
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


Dumper.add_representer(Decimal, _represent_decimal)

_YAML_BREAKS = re.compile("[\x85\u2028\u2029]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # NEL, LS and PS are line breaks to YAML 1.1: written raw in a plain or single-quoted
    # scalar they come back as a space.  Double quotes write them as escapes.
    style = '"' if _YAML_BREAKS.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _represent_str)


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)


class DecimalEncoder(json.JSONEncoder):
    def default(self, o: object) -> object:
        if isinstance(o, Decimal):
            return str(o)
        return super().default(o)


class JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys its text repeats."""

    repeated: tuple[str, ...] = ()


def json_object(pairs: list[tuple[str, Any]]) -> JsonObject:
    result = JsonObject(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        repeated = []
        for key, _value in pairs:
            if key in seen:
                repeated.append(key)
            seen.add(key)
        result.repeated = tuple(repeated)
    return result


def json_int(text: str) -> int | TooLarge:
    """JSON's whole numbers, a million digits refused before they are parsed."""
    return int_or_too_large(text)


def json_decimal(text: str) -> Decimal | TooLarge:
    """JSON's decimals as exact Decimals, bounded before they are made."""
    return number_or_too_large(text)


def refuse_constant(name: str) -> object:
    raise ValueError(_("{name} is not a number a plan can hold", name=name))
