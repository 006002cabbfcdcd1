"""A roll-up's tables share what they derive from each plan: derived once, read by every table."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest

from mdpoverty.aggregate import rollup
from mdpoverty.model import _derived
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.tables.annex import annex_rows

# The modules, not the names they export (the package's ``rollup`` is the function).
rollup_module = importlib.import_module("mdpoverty.aggregate.rollup")
units_module = importlib.import_module("mdpoverty.aggregate.units")


def _plans(n: int) -> dict[str, Document]:
    """``n`` copies of the example, each a document of its own with unit ids of its own."""
    plan = bac_kan_2024()
    printed = plan.annex
    assert printed is not None

    def renamed(i: int) -> Document:
        def own(unit: str | None) -> str | None:
            return None if unit is None else f"{unit}-{i}"

        return attrs.evolve(
            plan,
            units=[attrs.evolve(u, id=f"{u.id}-{i}") for u in plan.units],
            targets=[attrs.evolve(t, about=own(t.about)) for t in plan.targets],
            annex=attrs.evolve(
                printed, rows=[attrs.evolve(r, unit=own(r.unit)) for r in printed.rows]
            ),
        )

    return {f"plan {i}": renamed(i) for i in range(n)}


def _counted(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    calls: list[object] = []
    original: Callable[..., Any] = getattr(module, name)

    def counting(plan: Document, *args: object) -> Any:
        calls.append(plan)
        return original(plan, *args)

    monkeypatch.setattr(module, name, counting)
    return calls


@pytest.fixture(autouse=True)
def _cold() -> Iterator[None]:
    _derived.forget()
    yield
    _derived.forget()


def test_every_table_of_units_goes_through_each_plans_units_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counted(monkeypatch, units_module, "unit_reductions")
    plans = _plans(3)
    combined = rollup(plans)
    combined.by_plan()
    combined.by_kind(lang="en")
    combined.units(labels="printed")
    assert 3 * 12_281 == combined.total.households  # the annex's printed total, thrice
    combined.by_plan(total=False)
    combined.by_kind()
    assert len(calls) == len(plans)


def test_the_table_of_units_takes_the_annex_rows_kept_for_a_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plans = _plans(2)
    expected = rollup(_plans(2)).units()
    assert 2 * 8 + 1 == len(expected)
    for plan in plans.values():
        annex_rows(plan)  # as a check derives them

    def refused(plan: Document) -> object:
        raise AssertionError("the kept rows must be taken")

    monkeypatch.setattr(rollup_module, "_annex_rows", refused)
    assert expected.equals(rollup(plans).units())


def test_known_gives_a_kept_fact_and_never_derives_one() -> None:
    plan = attrs.evolve(bac_kan_2024())
    assert _derived.known(plan, "a fact") is None
    assert _derived.known(plan, "a fact") is None
    value = _derived.derived(plan, "a fact", lambda: ("kept",))
    assert _derived.known(plan, "a fact") is value


def test_the_table_of_deficit_targets_looks_up_each_plans_standard_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counted(monkeypatch, units_module, "dimension_names")
    plans = _plans(3)
    table = rollup(plans).deficit_targets()
    assert len(calls) == len(plans)
    assert list(plans) == table.columns.tolist()[1:]
