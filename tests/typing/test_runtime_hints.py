"""The annotations of every public class and function resolve at run time.

Tools that introspect types (cattrs, pydantic, FastAPI, documentation generators) call
``typing.get_type_hints``; an annotation written for the type checker alone (a name imported
under ``TYPE_CHECKING``, a converter's ``Iterable[Any]`` in a module that does not import
``Iterable``) makes it raise ``NameError``.
"""

from __future__ import annotations

import importlib
import inspect
import typing

import attrs
import pytest

import mdpoverty
from mdpoverty.model.units import AdministrativeUnit

PUBLIC = [name for name in mdpoverty.__all__ if not name.startswith("_")]


def _objects() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for name in PUBLIC:
        value = getattr(mdpoverty, name)
        if inspect.ismodule(value):
            continue
        if inspect.isclass(value) or inspect.isfunction(value):
            found.append((name, value))
    return found


@pytest.mark.parametrize(("name", "obj"), _objects(), ids=[n for n, _ in _objects()])
def test_hints_resolve(name: str, obj: object) -> None:
    typing.get_type_hints(obj)
    if inspect.isclass(obj):
        typing.get_type_hints(obj.__init__)


def test_plan_init_names_its_element_classes() -> None:
    hints = typing.get_type_hints(mdpoverty.Plan.__init__)
    assert list[AdministrativeUnit] | tuple[AdministrativeUnit, ...] == hints["units"]
    assert "AdministrativeUnit" in str(hints["units"])


def test_every_attrs_class_of_the_model_resolves() -> None:
    for module_name in (
        "mdpoverty.model.document",
        "mdpoverty.model.units",
        "mdpoverty.model.targets",
        "mdpoverty.model.programme",
        "mdpoverty.model.figures",
        "mdpoverty.model.header",
        "mdpoverty.model.agencies",
        "mdpoverty.model.sections",
        "mdpoverty.model.printed",
        "mdpoverty.model.references",
        "mdpoverty.checks.report",
        "mdpoverty.aggregate.rollup",
        "mdpoverty.reference.standards",
        "mdpoverty.reference.programmes",
        "mdpoverty.errors",
    ):
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if inspect.isclass(value) and attrs.has(value) and value.__module__ == module_name:
                typing.get_type_hints(value)
                typing.get_type_hints(value.__init__)
