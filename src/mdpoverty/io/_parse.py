"""Reading the text of a plan file: YAML or JSON into plain data, with the line of every
location and the problems of its shape (repeated keys, nesting too deep, in YAML also aliases,
tags and keys that are not scalars), bounded.

YAML is read in one pass over the events of PyYAML's parser, and no node graph is composed
(composing one costs four times the parsing); the line table is made only when a problem needs
it."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping

import yaml

from mdpoverty.errors import (
    FileProblem,
    PlanFileError,
    location,
)
from mdpoverty.i18n import Message, _
from mdpoverty.io._dialects import (
    COLLECTION_TAGS,
    SCALAR_TAGS,
    FastLoader,
    json_decimal,
    json_int,
    json_object,
    plain_scalar,
    refuse_constant,
    tag_name,
)
from mdpoverty.io._foreign import parser_says

__all__ = ["MAX_DEPTH", "parse_json", "parse_yaml", "walk_data"]

MAX_DEPTH = 64
"""The deepest nesting a plan file may have: a list or mapping inside 64 others is refused
(real plans nest fewer than 15 levels)."""


# -- reading the text ---------------------------------------------------------------------------


_ALIASES = _("is not valid YAML: anchors and aliases (*name) are not allowed")
_KEY = object()
"""The state of a mapping that waits for its next key."""


class _List:
    """A list whose items are being read, and where it is."""

    __slots__ = ("path", "value")

    def __init__(self, path: str) -> None:
        self.path = path
        self.value: list[object] = []

    def child_path(self) -> str:
        return f"{self.path}/{len(self.value)}" if self.path else str(len(self.value))

    def place(self, item: object) -> None:
        self.value.append(item)


class _Mapping:
    """A mapping whose keys and values are being read, and where it is."""

    __slots__ = ("key", "key_path", "path", "value", "written")

    def __init__(self, path: str) -> None:
        self.path = path
        self.value: dict[object, object] = {}
        self.key: object = _KEY  # the key read last, waiting for its value
        self.key_path = ""
        self.written: set[str] = set()  # the keys, as the file writes them

    def child_path(self) -> str:
        return self.key_path

    def place(self, item: object) -> None:
        self.value[self.key] = item
        self.key = _KEY

    def read_key(self, written: str, key: object, event: yaml.Event) -> FileProblem | None:
        """Take the next key; a key the mapping already has is a problem."""
        path = self.key_path = f"{self.path}/{written}" if self.path else written
        self.key = key
        if written in self.written or key in self.value:  # `yes` and `true` are one key
            return FileProblem(
                path, _("is given more than once"), line=_line(event), code="duplicate-key"
            )
        self.written.add(written)
        return None


def _compose(  # noqa: PLR0912, PLR0915  (one loop over the events, flat: it is hot)
    next_event: Callable[[], yaml.Event], *, with_lines: bool
) -> tuple[object, dict[str, int], list[FileProblem]]:
    """The data of a YAML stream's one document, the line of every path in it, and the
    problems of its shape: repeated keys, aliases, nesting deeper than :data:`MAX_DEPTH`,
    tags other than text, numbers, booleans, null, lists and mappings, and keys that are
    not scalars.  One pass over the parser's events: no node graph is built.

    A path's line is its key's in a mapping, its item's in a list; the table is made only
    ``with_lines`` (the problems found here carry their line anyway)."""
    lines: dict[str, int] = {}
    problems: list[FileProblem] = []
    plain: dict[str, object] = {}  # what each plain scalar means: they repeat, resolved once
    stack: list[_List | _Mapping] = []
    root: object = None
    waiting = _KEY
    scalar_event, end_events = yaml.ScalarEvent, (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    next_event()  # the stream's start
    if type(next_event()) is yaml.StreamEndEvent:
        return None, lines, problems
    while (kind := type(event := next_event())) is not yaml.DocumentEndEvent:
        top = stack[-1] if stack else None
        if kind is scalar_event:
            text: str = event.value  # type: ignore[attr-defined]
            if event.tag is None and event.implicit[0]:  # type: ignore[attr-defined]
                value = plain.get(text, waiting)
                if value is waiting:
                    value = plain[text] = plain_scalar(text)
            else:
                value = _scalar(event, text, top, problems)  # type: ignore[arg-type]
            if type(top) is _Mapping:
                if top.key is waiting:  # the scalar is a key
                    problem = top.read_key(text, value, event)
                    if problem is not None:
                        problems.append(problem)
                    elif with_lines:
                        lines[top.key_path] = _line(event)
                    continue
            elif with_lines:
                lines["" if top is None else top.child_path()] = _line(event)
        elif kind in end_events:
            value = stack.pop().value
            top = stack[-1] if stack else None
        elif type(top) is _Mapping and top.key is waiting:
            reason = _("is a key that is a list or mapping; keys are text")
            problems.append(
                FileProblem(top.path, reason, line=_line(event), code="unsupported-yaml")
            )
            _skip(event, next_event)
            top.key, top.key_path = None, top.path
            continue
        elif kind is yaml.AliasEvent:
            problems.append(FileProblem("", _ALIASES, line=_line(event), code="unsupported-yaml"))
            value = None
        else:  # a list or a mapping starts
            path = "" if top is None else top.child_path()
            tag = event.tag  # type: ignore[attr-defined]
            if tag is not None and tag not in COLLECTION_TAGS:
                problems.append(
                    FileProblem(path, _bad_tag(tag), line=_line(event), code="unsupported-yaml")
                )
            if len(stack) >= MAX_DEPTH:
                problems.append(FileProblem(path, _too_deep(), line=_line(event), code="too-deep"))
                _skip(event, next_event)
                value = None
            else:
                if with_lines and type(top) is not _Mapping:  # a value has its key's line
                    lines[path] = _line(event)
                is_mapping = kind is yaml.MappingStartEvent
                stack.append(_Mapping(path) if is_mapping else _List(path))
                continue
        # the node is read: it takes its place in the list or mapping that holds it
        if top is None:
            root = value
        else:
            top.place(value)
    if type(next_event()) is not yaml.StreamEndEvent:
        reason = _("is not valid YAML: it holds more than one document (---)")
        problems.append(FileProblem("", reason, code="unsupported-yaml"))
    return root, lines, problems


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1  # type: ignore[union-attr]  # the parsers mark every event


def _scalar(
    event: yaml.ScalarEvent, text: str, top: _List | _Mapping | None, problems: list[FileProblem]
) -> object:
    """What a quoted or tagged scalar means."""
    tag = event.tag
    if tag is None or tag == "!":  # quoted, a block of text, or the non-specific tag
        return text
    construct = SCALAR_TAGS.get(tag)
    if construct is None:
        if top is None:
            path = ""
        elif type(top) is _Mapping and top.key is _KEY:  # the scalar is a key
            path = top.path
        else:
            path = top.child_path()
        problems.append(
            FileProblem(path, _bad_tag(tag), line=_line(event), code="unsupported-yaml")
        )
        return None
    return construct(text)


def _bad_tag(tag: str) -> str:
    return _(
        "has the tag {tag}, which a plan file cannot hold: its values are text, "
        "numbers, true or false, lists and mappings",
        tag=tag_name(tag),
    )


def _too_deep() -> str:
    return _("is nested more than {depth} levels deep", depth=MAX_DEPTH)


def _skip(event: yaml.Event, next_event: Callable[[], yaml.Event]) -> None:
    """Pass over the events of the node that ``event`` starts."""
    depth = 1 if isinstance(event, yaml.CollectionStartEvent) else 0
    while depth:
        event = next_event()
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def walk_data(data: object) -> list[FileProblem]:
    """Keys a JSON object repeats, and lists or mappings nested inside :data:`MAX_DEPTH`
    others (as in YAML).  A first pass only looks; paths are made if there is a problem."""
    if not _has_shape_problem(data):
        return []
    problems: list[FileProblem] = []
    stack: list[tuple[str, object, int]] = [("", data, 0)]
    while stack:
        path, current, depth = stack.pop()
        if isinstance(current, dict | list) and depth >= MAX_DEPTH:
            problems.append(FileProblem(path, _too_deep(), code="too-deep"))
        elif isinstance(current, dict):
            problems.extend(
                FileProblem(location(path, key), _("is given more than once"), code="duplicate-key")
                for key in getattr(current, "repeated", ())
            )
            stack.extend((location(path, k), v, depth + 1) for k, v in current.items())
        elif isinstance(current, list):
            stack.extend((location(path, i), v, depth + 1) for i, v in enumerate(current))
    return problems


def _has_shape_problem(data: object) -> bool:
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, list):
            items: Iterable[object] = current
        elif isinstance(current, dict):
            if getattr(current, "repeated", ()):
                return True
            items = current.values()
        else:
            continue
        if depth >= MAX_DEPTH:
            return True
        stack.extend((item, depth + 1) for item in items if isinstance(item, dict | list))
    return False


def mark_line(error: BaseException) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return None if mark is None else int(mark.line) + 1


_LOADER: type[yaml.SafeLoader] = FastLoader
"""The YAML parser plan files are read with (the tests run both: C and pure Python)."""


def parse_yaml(text: str, source: str) -> tuple[object, Mapping[str, int]]:
    """The data of a YAML text in the plan files' dialect, and the line of every path in it.

    The line table is made when it is first read, by reading the text again: a file that loads
    without a problem never needs it, and making it costs a sixth of the reading.

    Raises:
        mdpoverty.errors.PlanFileError: The text is not valid YAML, or breaks the dialect
            (aliases, repeated keys, other tags, nesting deeper than :data:`MAX_DEPTH`).
    """
    parser: yaml.SafeLoader | None = None
    try:
        parser = _LOADER(text)
        data, _lines, problems = _compose(parser.get_event, with_lines=False)
    except yaml.YAMLError as error:
        problem: str
        if isinstance(error, yaml.reader.ReaderError):
            # the character's place as Python counts it: 1024, not 1,024
            position = str(error.position)
            says = parser_says(str(error.reason))
            problem = _("{reason} at character {position}", reason=says, position=position)
        else:
            problem = parser_says(str(getattr(error, "problem", None) or error))
        reason = _("is not valid YAML: {problem}", problem=problem)
        problems = [FileProblem("", reason, line=mark_line(error), code="syntax")]
        raise PlanFileError(source, problems) from error
    finally:
        if parser is not None:
            parser.dispose()
    if problems:
        raise PlanFileError(source, problems)
    return data, _Lines(text)


class _Lines(Mapping[str, int]):
    """The line of every path of a YAML text that reads without a problem, made on first use."""

    def __init__(self, text: str) -> None:
        self._text = text

    @functools.cached_property
    def _table(self) -> dict[str, int]:
        parser = _LOADER(self._text)
        try:
            return _compose(parser.get_event, with_lines=True)[1]
        finally:
            parser.dispose()

    def __getitem__(self, path: str) -> int:
        return self._table[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


def parse_json(text: str, source: str) -> object:
    try:
        return json.loads(
            text,
            parse_float=json_decimal,
            parse_int=json_int,
            parse_constant=refuse_constant,
            object_pairs_hook=json_object,
        )
    except json.JSONDecodeError as error:
        reason = _("is not valid JSON: {problem}", problem=parser_says(error.msg))
        problems = [FileProblem("", reason, line=error.lineno, code="syntax")]
        raise PlanFileError(source, problems) from error
    except (RecursionError, ValueError) as error:
        said: object = error.args[0] if len(error.args) == 1 else None
        if isinstance(error, RecursionError):
            detail: str = _("is nested too deeply")
        elif isinstance(said, str):  # a message of ours (a constant refused), or Python's
            detail = said if isinstance(said, Message) else parser_says(said)
        else:
            detail = parser_says(str(error))
        reason = _("is not valid JSON: {problem}", problem=detail)
        raise PlanFileError(source, [FileProblem("", reason, code="syntax")]) from error
