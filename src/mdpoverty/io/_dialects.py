"""The YAML and JSON dialects of plan files and reference data: exact numbers, dates as text.

YAML is read with PyYAML's *safe* loader (no object construction, no code), changed so that
numbers and dates stay exact: a number with a decimal point is a :class:`~decimal.Decimal` with
its digits, a date stays text, and forms YAML 1.1 would silently reinterpret (``017`` as an
octal 15, ``1:30`` as 90) stay text, so that they are reported rather than misread.  Anchors
and aliases are refused.  JSON holds Decimals as strings (``"1.15"``), which keeps their digits.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import yaml

from mdpoverty.values.bounds import TooLarge, int_or_too_large, number_or_too_large

__all__ = [
    "DecimalEncoder",
    "Dumper",
    "FastLoader",
    "JsonObject",
    "Loader",
    "dump_yaml",
    "json_decimal",
    "json_int",
    "json_object",
    "load_yaml",
    "refuse_constant",
]


_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_PLAIN_DECIMAL = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?")


class Loader(yaml.SafeLoader):
    """The safe loader, reading decimals exactly and leaving dates as text (pure Python).

    Aliases are refused by the plan-file reader, which sees them as one node reached twice;
    :data:`FastLoader` composes nodes in C and has no hook for them.
    """


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> int | str:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if _PLAIN_INT.fullmatch(text):
        return int_or_too_large(text)  # a million digits are refused, not parsed
    return text  # 017, 0x1F, 1:30 …: kept as written, and reported where a number belongs


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal | str:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if _PLAIN_DECIMAL.fullmatch(text) and any(c.isdigit() for c in text):
        # Bounded before Decimal sees it: 1e+99999999999999999999 raises InvalidOperation,
        # and 1e-999999999 makes every later rounding take minutes.
        return number_or_too_large(text)
    return text  # .inf, .nan, 1:30.5: kept as written, and reported where a number belongs


def _construct_bool(loader: yaml.SafeLoader, node: yaml.Node) -> bool | str:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    # PyYAML's own constructor raises KeyError for an explicit `!!bool maybe`.
    return _BOOLS.get(text.lower(), text)


def _construct_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    # An explicit `!!timestamp garbage` makes PyYAML's constructor raise AttributeError;
    # dates stay text in this dialect anyway.
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}


_CONSTRUCTORS = {
    "tag:yaml.org,2002:int": _construct_int,
    "tag:yaml.org,2002:float": _construct_decimal,
    "tag:yaml.org,2002:bool": _construct_bool,
    "tag:yaml.org,2002:timestamp": _construct_text,
}
for _tag, _constructor in _CONSTRUCTORS.items():
    Loader.add_constructor(_tag, _constructor)
Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _c_loader() -> type[yaml.SafeLoader]:
    """The same dialect on libyaml's parser, where PyYAML was built with it (about ten times
    faster, and a fraction of the memory); else the pure-Python :class:`Loader`."""
    base = getattr(yaml, "CSafeLoader", None)
    if not getattr(yaml, "__with_libyaml__", False) or base is None:  # pragma: no cover
        return Loader

    class CLoader(base):  # type: ignore[valid-type, misc]
        """:class:`Loader`'s dialect, parsed by libyaml; constructing stays in Python."""

    for tag, constructor in _CONSTRUCTORS.items():
        CLoader.add_constructor(tag, constructor)
    CLoader.yaml_implicit_resolvers = Loader.yaml_implicit_resolvers
    return CLoader


FastLoader: type[yaml.SafeLoader] = _c_loader()
"""The loader plan files are read with: libyaml's parser if available, else :class:`Loader`."""


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
        for key, _ in pairs:
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
    raise ValueError(f"{name} is not a number a plan can hold")


def load_yaml(text: str) -> object:
    """The data of a YAML text in this dialect (for the package's own, trusted data files)."""
    return yaml.load(text, Loader=Loader)  # noqa: S506  (Loader is a SafeLoader)
