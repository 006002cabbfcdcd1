"""Facts derived once per document: shared by every caller, never stale, never leaked."""

from __future__ import annotations

import gc

import attrs
from hypothesis import given

from mdpoverty.aggregate.results import index
from mdpoverty.model import _derived
from mdpoverty.model.document import Plan
from mdpoverty.model.targets import Measure
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.tables.annex import annex_rows
from mdpoverty.testing import edge_plans


def test_the_annex_rows_are_derived_once_and_shared() -> None:
    plan = attrs.evolve(bac_kan_2024())
    assert annex_rows(plan) is annex_rows(plan)


def test_every_caller_gets_its_own_copy_of_a_mapping() -> None:
    plan = attrs.evolve(bac_kan_2024())
    first = index(plan)
    first.clear()
    assert {} != index(plan)
    targets = plan.unit_targets(Measure.REDUCTION)
    targets.clear()
    assert {} != plan.unit_targets(Measure.REDUCTION)


def test_a_changed_copy_derives_its_own_facts() -> None:
    plan = bac_kan_2024()
    before = annex_rows(plan)
    first = plan.units[0]
    assert first.households is not None
    more = attrs.evolve(first, households=first.households + 100)
    changed = attrs.evolve(plan, units=[more, *plan.units[1:]])
    assert first.households + 100 == annex_rows(changed)[0].households
    assert before == annex_rows(plan)


def test_the_facts_of_a_collected_document_are_dropped() -> None:
    plan = attrs.evolve(bac_kan_2024())
    annex_rows(plan)
    key = id(plan)
    assert key in _derived._FACTS
    del plan
    gc.collect()
    assert key not in _derived._FACTS


@given(edge_plans())
def test_the_children_index_is_what_a_scan_of_the_units_finds(plan: Plan) -> None:
    for parent in [None, *(u.id for u in plan.units), "no-such-unit"]:
        assert tuple(u for u in plan.units if u.parent == parent) == plan.children(parent)


def test_only_the_facts_of_the_latest_documents_are_kept() -> None:
    first = attrs.evolve(bac_kan_2024())
    rows = annex_rows(first)
    others = [attrs.evolve(bac_kan_2024()) for _ in range(_derived.KEPT)]
    for plan in others:
        annex_rows(plan)
    assert id(first) not in _derived._FACTS  # the oldest made way for the latest
    assert all(id(plan) in _derived._FACTS for plan in others)
    assert rows == annex_rows(first)  # derived again, the same


def test_a_holder_keeps_its_documents_facts_beyond_the_latest_and_drops_them_when_collected() -> (
    None
):
    class Holder:
        pass

    held = [attrs.evolve(bac_kan_2024()) for _ in range(2)]
    holder = Holder()
    _derived.hold(holder, held)
    rows = [annex_rows(plan) for plan in held]
    for _ in range(_derived.KEPT + 1):  # more than the latest kept pass through
        annex_rows(attrs.evolve(bac_kan_2024()))
    assert [annex_rows(plan) for plan in held] == rows
    assert all(annex_rows(plan) is row for plan, row in zip(held, rows, strict=True))  # kept
    idents = [id(plan) for plan in held]
    del holder
    gc.collect()
    assert not any(i in _derived._HELD or i in _derived._HOLDERS for i in idents)
    assert rows == [annex_rows(plan) for plan in held]  # derived again, the same


def test_a_document_held_twice_is_kept_until_its_last_holder_goes() -> None:
    class Holder:
        pass

    plan = attrs.evolve(bac_kan_2024())
    first, second = Holder(), Holder()
    _derived.hold(first, [plan, plan])
    _derived.hold(second, [plan])
    rows = annex_rows(plan)
    del first
    gc.collect()
    assert id(plan) in _derived._HELD
    assert annex_rows(plan) is rows
    del second
    gc.collect()
    assert id(plan) not in _derived._HELD
