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

__all__ = [
    "DecimalEncoder",
    "Dumper",
    "JsonObject",
    "Loader",
    "dump_yaml",
    "json_object",
    "load_yaml",
    "refuse_constant",
]


_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_PLAIN_DECIMAL = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?")


class Loader(yaml.SafeLoader):
    """The safe loader, reading decimals exactly, leaving dates as text, refusing aliases."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (*name) are not allowed", event.start_mark
            )
        node: yaml.Node | None = super().compose_node(parent, index)
        return node


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> int | str:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if _PLAIN_INT.fullmatch(text):
        return int(text.replace("_", ""))
    return text  # 017, 0x1F, 1:30 …: kept as written, and reported where a number belongs


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal | str:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if _PLAIN_DECIMAL.fullmatch(text) and any(c.isdigit() for c in text):
        return Decimal(text.replace("_", ""))
    return text  # .inf, .nan, 1:30.5: kept as written, and reported where a number belongs


Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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


def refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number a plan can hold")


def load_yaml(text: str) -> object:
    """The data of a YAML text in this dialect (for the package's own, trusted data files)."""
    return yaml.load(text, Loader=Loader)  # noqa: S506  (Loader is a SafeLoader)
