"""Plan files: YAML or JSON documents that hold a whole plan, loaded into the model and saved back.

The format is the model's own fields, by name.  YAML is read with PyYAML's *safe* loader (no
object construction, no code), with two changes that keep numbers and dates exact: a number
with a decimal point is read as a :class:`~decimal.Decimal` with its digits, and a date stays
text (``2024-03`` and ``2024-03-15`` are both :class:`~mdpoverty.dates.PartialDate`).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import cattrs
import yaml

from mdpoverty._convert import converter
from mdpoverty.errors import MdpovertyError, ValidationError
from mdpoverty.plan import Plan

__all__ = [
    "PlanFileError",
    "load_plan",
    "plan_from_data",
    "plan_to_data",
    "read_plan_text",
    "save_plan",
    "write_plan_text",
]


@attrs.frozen
class FileProblem:
    """One problem of a plan file: where in the document, the value, and why."""

    path: str
    reason: str
    value: object = None

    def __str__(self) -> str:
        return f"{self.path or '(document)'}: {self.reason}"


class PlanFileError(MdpovertyError, ValueError):
    """A plan file that cannot be read as a plan; lists every problem found.

    Attributes:
        source: The file (or ``"<data>"`` for in-memory data).
        problems: Each problem, with its path inside the document (``units[3].households``).
    """

    def __init__(self, source: str, problems: list[FileProblem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        count = len(self.problems)
        super().__init__(f"{source}: {count} problem{'s' if count != 1 else ''}:\n{lines}")


# -- YAML with exact numbers and dates as text ------------------------------------------------


class _Loader(yaml.SafeLoader):
    """The safe loader, reading decimals exactly and leaving dates as text."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    if text.lower().lstrip("+-") in {".inf", ".nan"}:
        raise yaml.constructor.ConstructorError(
            None, None, f"not a finite number: {text}", node.start_mark
        )
    return Decimal(text)


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Dumper(yaml.SafeDumper):
    """The safe dumper, writing Decimals as plain numbers with their digits."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = str(value)
    if "." not in text or "E" in text:  # keep it a number and keep its exponent exact
        return (
            dumper.represent_scalar("tag:yaml.org,2002:str", text)
            if "E" in text
            else (dumper.represent_scalar("tag:yaml.org,2002:int", text))
        )
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


_Dumper.add_representer(Decimal, _represent_decimal)


def _dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)


class _DecimalEncoder(json.JSONEncoder):
    def default(self, o: object) -> object:
        if isinstance(o, Decimal):
            return str(o)
        return super().default(o)


# -- plan <-> data ------------------------------------------------------------------------------


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data (the content of a plan file)."""
    data: dict[str, Any] = converter.unstructure(plan)
    return data


def plan_from_data(data: object, source: str = "<data>") -> Plan:
    """A plan from plain data; raises :class:`PlanFileError` listing every problem."""
    if not isinstance(data, dict):
        raise PlanFileError(source, [FileProblem("", "a plan file must hold a mapping", data)])
    try:
        return converter.structure(data, Plan)
    except Exception as error:  # every failure of structuring is reported as a file problem
        problems = list(_problems(error, "")) or [FileProblem("", str(error))]
        raise PlanFileError(source, problems) from error


def _problems(error: BaseException, path: str) -> Iterator[FileProblem]:
    if isinstance(error, cattrs.ClassValidationError | cattrs.IterableValidationError):
        with_notes, others = error.group_exceptions()
        for sub, note in with_notes:
            yield from _problems(sub, path + _step(note))
        for sub in others:
            yield from _problems(sub, path)
    elif isinstance(error, ValidationError):
        for p in error.problems:
            where = f"{path}.{p.field}" if path else p.field
            yield FileProblem(where, f"{p.reason} ({p.obj})", p.value)
    elif isinstance(error, cattrs.ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield FileProblem(f"{path}.{key}" if path else key, "is not a known field")
    elif isinstance(error, KeyError):
        yield FileProblem(path, f"is missing the required field {error.args[0]!r}")
    else:
        yield FileProblem(path, str(error))


def _step(note: object) -> str:
    name = getattr(note, "name", None)
    index = getattr(note, "index", None)
    if index is not None:
        return f"[{index}]"
    return f".{name}" if name is not None else ""


# -- text and files -----------------------------------------------------------------------------

_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def _format_of(path: Path) -> str:
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        raise PlanFileError(
            str(path),
            [
                FileProblem(
                    "", f"unknown plan-file extension {path.suffix!r}; use .yaml, .yml or .json"
                )
            ],
        ) from None


def read_plan_text(text: str, fmt: str = "yaml", source: str = "<text>") -> Plan:
    """A plan from the text of a plan file in ``fmt`` (``"yaml"`` or ``"json"``)."""
    try:
        if fmt == "json":
            data = json.loads(text, parse_float=Decimal)
        else:
            data = yaml.load(text, Loader=_Loader)  # noqa: S506  (_Loader is a SafeLoader)
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        raise PlanFileError(
            source, [FileProblem("", f"not valid {fmt.upper()}: {error}")]
        ) from error
    return plan_from_data(data, source)


def write_plan_text(plan: Plan, fmt: str = "yaml") -> str:
    """The text of a plan file holding ``plan``, in ``fmt`` (``"yaml"`` or ``"json"``)."""
    data = plan_to_data(plan)
    if fmt == "json":
        return json.dumps(data, cls=_DecimalEncoder, ensure_ascii=False, indent=2) + "\n"
    return _dump_yaml(data)


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """The plan in the YAML or JSON file at ``path`` (by its extension).

    Raises:
        PlanFileError: The file cannot be read, or does not hold a valid plan; the error lists
            every problem with its path inside the document.
    """
    file = Path(path)
    fmt = _format_of(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanFileError(str(file), [FileProblem("", f"cannot be read: {error}")]) from error
    return read_plan_text(text, fmt, str(file))


def save_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write ``plan`` to ``path`` as YAML or JSON (by its extension).

    The file is written whole or not at all: the text goes to a temporary file beside the
    target, which then replaces it.
    """
    file = Path(path)
    text = write_plan_text(plan, _format_of(file))
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        Path(temporary).replace(file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
