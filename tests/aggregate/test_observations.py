"""The light index of observations: the index the rules read, without a figure per unit count.

Every look-up gives what the full index (:func:`mdpoverty.aggregate.results.index`, a figure
for each unit's count) gives; it is derived once per document, and so are the wholes the sum
rules go through.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.aggregate import _observations
from mdpoverty.aggregate._observations import observations
from mdpoverty.aggregate.results import index
from mdpoverty.checks import check
from mdpoverty.checks.builtin import figures as figure_rules
from mdpoverty.checks.builtin.figures import Whole, wholes
from mdpoverty.model._derived import forget
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Flow, ObservationKey, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.model.units import AdministrativeUnit
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import documents, edge_plans, flow_reviews, ranged_documents

DOCUMENTS = st.one_of(documents(), flow_reviews(), ranged_documents(), edge_plans())


def _keys(document: Document) -> list[ObservationKey]:
    """Every key the index holds, and keys next to them that it may not."""
    subjects = [None, *(u.id for u in document.units), *(s.id for s in document.strata)]
    years = {document.year, document.year - 1}
    whens: list[TimePoint | Flow] = [*TimePoint, *Flow]
    found: set[ObservationKey] = set(index(document))
    found |= {(s, g, w, y) for s in subjects for g in HouseholdGroup for w in whens for y in years}
    return sorted(found, key=str)


@given(DOCUMENTS)
def test_every_look_up_gives_what_the_full_index_gives(document: Document) -> None:
    full = index(document)
    observed = observations(document)
    assert list(full.items()) == list(observed.items())
    for key in _keys(document):
        entry = full.get(key)
        about, group, when, year = key
        assert entry == observed.get(key)
        assert (None if entry is None else entry[1]) == observed.location(key)
        bounds = None if entry is None else entry[0].count_bounds
        assert bounds == observed.count_bounds(about, group, when, year)
        exact = None if entry is None else entry[0].exact_count
        assert exact == observed.exact_count(about, group, when, year)


@given(DOCUMENTS, st.data())
def test_a_sum_is_the_sum_of_the_looked_up_counts(document: Document, data: st.DataObject) -> None:
    full = index(document)
    subjects = [None, *(u.id for u in document.units), *(s.id for s in document.strata)]
    chosen = data.draw(st.lists(st.sampled_from(subjects), min_size=1, max_size=6))
    keys = [(g, w, y) for (_s, g, w, y) in full]
    if not keys:
        return
    group, when, year = data.draw(st.sampled_from(keys))
    entries = [full.get((s, group, when, year)) for s in chosen]
    bounds = [None if e is None else e[0].count_bounds for e in entries]
    expected = (
        None
        if any(b is None for b in bounds)
        else (sum(b[0] for b in bounds if b), sum(b[1] for b in bounds if b))
    )
    assert expected == observations(document).summed(chosen, group, when, year)
    units = {u.id: u for u in document.units}
    if all(s in units for s in chosen):  # the same sum from the units the caller holds
        given_units = [units[s] for s in chosen if s is not None]
        assert expected == observations(document).summed(chosen, group, when, year, given_units)


@given(edge_plans())
def test_the_wholes_of_the_hierarchy_are_the_units_with_their_children(document: Document) -> None:
    expected: list[tuple[str | None, tuple[AdministrativeUnit, ...]]] = []
    if document.children(None):
        expected.append((None, document.children(None)))
    expected += [(u.id, document.children(u.id)) for u in document.units if document.children(u.id)]
    found = [(w.subject, w.units) for w in wholes(document) if w.kind in ("units", "unit")]
    assert ([] if document.excerpt else expected) == found
    for whole in wholes(document):
        assert whole.units is None or tuple(u.id for u in whole.units) == whole.parts


def test_a_check_derives_the_observations_and_the_wholes_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = attrs.evolve(bac_kan_2024())
    made = {"observations": 0, "wholes": 0}
    real_observations, real_wholes = _observations.Observations, figure_rules._wholes

    def counted_observations(document: Document) -> _observations.Observations:
        made["observations"] += 1
        return real_observations(document)

    def counted_wholes(document: Document) -> Iterator[Whole]:
        made["wholes"] += 1
        return real_wholes(document)

    monkeypatch.setattr(_observations, "Observations", counted_observations)
    monkeypatch.setattr(figure_rules, "_wholes", counted_wholes)
    forget()
    check(plan)
    check(plan)
    assert {"observations": 1, "wholes": 1} == made


def test_the_text_a_key_is_ordered_by_is_its_str() -> None:
    for group in HouseholdGroup:
        for when in (*TimePoint, *Flow):
            assert str((group, when, 2024)) == figure_rules.key_text((group, when, 2024))
