"""Reading the text of a plan file: YAML or JSON into plain data, with the line of every
location and the problems of its shape (repeated keys, nesting too deep), bounded."""

from __future__ import annotations

import json

import yaml

from mdpoverty.errors import (
    FileProblem,
    PlanFileError,
    location,
)
from mdpoverty.io._dialects import (
    FastLoader,
    json_decimal,
    json_int,
    json_object,
    refuse_constant,
)

__all__ = ["MAX_DEPTH", "mark_line", "parse_json", "parse_yaml", "walk_data", "walk_yaml"]

MAX_DEPTH = 64
"""The deepest nesting a plan file may have (real plans nest fewer than 15 levels)."""


# -- reading the text ---------------------------------------------------------------------------


_ALIASES = "is not valid YAML: anchors and aliases (*name) are not allowed"


def walk_yaml(node: yaml.Node) -> tuple[dict[str, int], list[FileProblem]]:
    """The line of every path in the document, the keys a mapping repeats, and aliases."""
    lines: dict[str, int] = {"": node.start_mark.line + 1}
    problems: list[FileProblem] = []
    stack: list[tuple[str, yaml.Node, int]] = [("", node, 0)]
    seen_nodes: set[int] = set()
    while stack:
        path, current, depth = stack.pop()
        # An alias is the node of its anchor reached again (both parsers compose it so):
        # refused, and never walked twice, so `a: &x [*x]` and billion laughs stay finite.
        if id(current) in seen_nodes:
            problems.append(FileProblem("", _ALIASES, line=lines.get(path)))
            continue
        seen_nodes.add(id(current))
        if depth > MAX_DEPTH:
            problems.append(
                FileProblem(path, f"is nested more than {MAX_DEPTH} levels deep", line=lines[path])
            )
            continue
        children: list[tuple[str, yaml.Node, int]] = []
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in current.value:
                key = str(key_node.value)
                child = f"{path}/{key}" if path else key  # location(), inlined: hot
                line = key_node.start_mark.line + 1
                if key in seen:
                    problems.append(FileProblem(child, "is given more than once", line=line))
                seen.add(key)
                lines.setdefault(child, line)
                children.append((child, value_node, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                child = f"{path}/{index}" if path else str(index)
                lines[child] = item.start_mark.line + 1
                children.append((child, item, depth + 1))
        stack.extend(reversed(children))  # in document order: an anchor before its aliases
    return lines, problems


def walk_data(data: object) -> list[FileProblem]:
    """Keys a JSON object repeats, and nesting too deep to be a plan."""
    problems: list[FileProblem] = []
    stack: list[tuple[str, object, int]] = [("", data, 0)]
    while stack:
        path, current, depth = stack.pop()
        if depth > MAX_DEPTH:
            problems.append(FileProblem(path, f"is nested more than {MAX_DEPTH} levels deep"))
        elif isinstance(current, dict):
            problems.extend(
                FileProblem(location(path, key), "is given more than once")
                for key in getattr(current, "repeated", ())
            )
            stack.extend((location(path, k), v, depth + 1) for k, v in current.items())
        elif isinstance(current, list):
            stack.extend((location(path, i), v, depth + 1) for i, v in enumerate(current))
    return problems


def mark_line(error: BaseException) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return None if mark is None else int(mark.line) + 1


_LOADER: type[yaml.SafeLoader] = FastLoader
"""The YAML loader plan files are read with (the tests run both: C and pure Python)."""


def parse_yaml(text: str, source: str) -> tuple[object, dict[str, int]]:
    loader: yaml.SafeLoader | None = None
    try:
        loader = _LOADER(text)
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines, problems = walk_yaml(node)
        data = None if problems else loader.construct_document(node)
    except yaml.YAMLError as error:
        if isinstance(error, yaml.reader.ReaderError):
            problem = f"{error.reason} at character {error.position}"
        else:
            problem = str(getattr(error, "problem", None) or error)
        raise PlanFileError(
            source, [FileProblem("", f"is not valid YAML: {problem}", line=mark_line(error))]
        ) from error
    except (RecursionError, ValueError) as error:
        reason = "is nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise PlanFileError(source, [FileProblem("", reason)]) from error
    except Exception as error:
        reason = f"is not valid YAML: {type(error).__name__}: {error}"
        raise PlanFileError(source, [FileProblem("", reason)]) from error
    finally:
        if loader is not None:
            loader.dispose()
    if problems:
        raise PlanFileError(source, problems)
    return data, lines


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
        raise PlanFileError(
            source, [FileProblem("", f"is not valid JSON: {error.msg}", line=error.lineno)]
        ) from error
    except (RecursionError, ValueError) as error:
        reason = "is nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise PlanFileError(source, [FileProblem("", f"is not valid JSON: {reason}")]) from error
