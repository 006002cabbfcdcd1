"""Properties of excerpts: a document whose units are a selection is never summed over them."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.checks import check
from mdpoverty.io.files import read_plan_text, write_plan_text
from mdpoverty.model.document import Document
from mdpoverty.testing import documents

SUMS = ("figures.parts-sum", "targets.ranges", "headline.annex-total", "annex.total")


def excerpt_of(document: Document) -> Document:
    groups = [attrs.evolve(g, complete=False, members=()) for g in document.groups]
    return attrs.evolve(document, excerpt=True, groups=groups)


@given(documents(), st.data())
def test_a_unit_figure_moved_in_an_excerpt_is_no_sum_finding(
    document: Document, data: st.DataObject
) -> None:
    # a unit split into strata is still their whole: a partition is complete by definition
    units = {u.id for u in document.units} - {s.of for s in document.strata}
    about_units = [
        i for i, f in enumerate(document.figures) if f.about in units and f.exact_count is not None
    ]
    if not about_units:
        return
    i = data.draw(st.sampled_from(about_units))
    figures = list(document.figures)
    count = figures[i].exact_count
    assert count is not None
    figures[i] = attrs.evolve(figures[i], count=count + data.draw(st.integers(1, 9)))
    moved = excerpt_of(attrs.evolve(document, figures=figures))
    assert [] == [str(f) for f in check(moved, select=SUMS)]


@given(documents())
def test_an_excerpt_of_a_consistent_document_is_clean(document: Document) -> None:
    assert [] == [str(f) for f in check(excerpt_of(document), select=("figures", "flows"))]


@given(documents())
def test_an_excerpt_saved_then_loaded_is_itself(document: Document) -> None:
    excerpt = excerpt_of(document)
    assert excerpt == read_plan_text(write_plan_text(excerpt))
