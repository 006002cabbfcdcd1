"""Only documented errors escape the public API: a walk of every public function and class with
wrong arguments, each call failing with an error of mdpoverty's hierarchy (or succeeding), never
an AttributeError, a bare TypeError or ValueError from deep inside."""

from __future__ import annotations

import enum
import importlib
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

from mdpoverty.errors import MdpovertyError, shorten
from mdpoverty.i18n import Message
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import english_words, vietnamese_words, without

MODULES = (
    "mdpoverty",
    "mdpoverty.tables",
    "mdpoverty.aggregate",
    "mdpoverty.checks",
    "mdpoverty.io.files",
    "mdpoverty.io.schema",
)
WRONG: tuple[object, ...] = (None, 42, "x", object(), [1, 2], 1.5, b"\xff")


def _public() -> list[tuple[str, Callable[..., object]]]:
    found: dict[str, Callable[..., object]] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            # An enum refuses an unknown value with Python's own ValueError, as every enum does.
            if inspect.isfunction(value) or (
                inspect.isclass(value) and not issubclass(value, BaseException | enum.Enum)
            ):
                found.setdefault(f"{value.__module__}.{value.__qualname__}", value)
    return sorted(found.items())


def _required(function: Callable[..., object]) -> tuple[list[str], list[str]]:
    try:
        signature = inspect.signature(function)
    except ValueError:  # pragma: no cover - a builtin without a signature
        return [], []
    positional: list[str] = []
    keyword: list[str] = []
    for p in signature.parameters.values():
        if p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        (keyword if p.kind is p.KEYWORD_ONLY else positional).append(p.name)
    return positional, keyword


PUBLIC = _public()


@pytest.mark.parametrize(("name", "function"), PUBLIC, ids=[n for n, _ in PUBLIC])
def test_wrong_arguments_raise_only_documented_errors(
    name: str, function: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # nothing a call might write lands in the repository
    plan = bac_kan_2024()
    positional, keyword = _required(function)
    keywords = dict.fromkeys(keyword, "x")  # e.g. a rule's title and rationale
    for i in range(len(positional)):
        for wrong in WRONG:
            arguments = [wrong if j == i else plan for j in range(len(positional))]
            try:
                function(*arguments, **keywords)
            except MdpovertyError:
                pass
            except Exception as error:
                pytest.fail(
                    f"{name}: argument {positional[i]!r} = {wrong!r:.20} raised "
                    f"{type(error).__name__}: {error}"
                )


# The functions and classes of the model, its values and plan files: their errors are said in
# Vietnamese as in English (the other layers' messages are checked by their own tests).
SAID = [
    (name, function)
    for name, function in PUBLIC
    if name.startswith(("mdpoverty.model.", "mdpoverty.values.", "mdpoverty.io.files."))
]
# The library's names that a message may state (for programs, as field names are).
CONSTANTS = ("MIN_YEAR", "MAX_YEAR", "MAX_COUNT", "MAX_DECIMAL", "MAX_PLACES", "MAX_FILE_BYTES")


def _names(error: MdpovertyError) -> set[str]:
    """What an error's text holds for programs or quotes: objects, fields, locations, values as
    shown, and every text a message is given as it is."""
    found: set[str] = set(CONSTANTS)

    def walk(value: object) -> None:
        if isinstance(value, Message):
            for argument in value.args.values():
                walk(argument)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and not hasattr(value, "localized"):
            found.add(value)

    for problem in getattr(error, "problems", ()):
        if isinstance(problem.reason, Message):
            walk(problem.reason)
        found.update({problem.path, shorten(problem.value)})
        found.update({getattr(problem, "obj", ""), getattr(problem, "field", "")})
    return found


@pytest.mark.parametrize(("name", "function"), SAID, ids=[n for n, _ in SAID])
def test_the_errors_of_wrong_arguments_are_said_in_vietnamese_and_in_english(
    name: str, function: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plan = bac_kan_2024()
    positional, keyword = _required(function)
    keywords = dict.fromkeys(keyword, "x")
    errors: list[MdpovertyError] = []
    for i in range(len(positional)):
        for wrong in WRONG:
            try:
                function(*[wrong if j == i else plan for j in range(len(positional))], **keywords)
            except MdpovertyError as raised:
                errors.append(raised)
    for error in errors:
        names = _names(error)
        vietnamese, english = error.text("vi"), error.text("en")
        assert english == str(error)
        assert english_words(without(vietnamese, names)) == set(), f"{name}: {vietnamese}"
        assert vietnamese_words(without(english, names)) == set(), f"{name}: {english}"
