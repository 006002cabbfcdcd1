"""Properties of the flow rules on drawn reviews in the layout of the review form.

A drawn review is consistent (its ends are worked out from the identity, its wholes by summing
parts, its rates and falls by the oracle); each perturbation breaks one law and expects the
finding where it was made.
"""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.checks import check
from mdpoverty.io.files import read_plan_text, write_plan_text
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Flow, TimePoint
from mdpoverty.testing import flow_reviews


def findings(document: Document) -> list[tuple[str, str]]:
    return [(f.rule, f.location) for f in check(document)]


@given(flow_reviews())
def test_a_drawn_review_is_clean(review: Document) -> None:
    assert [] == [str(f) for f in check(review)]


@given(flow_reviews())
def test_the_flow_identity_holds_for_every_group_and_subject(review: Document) -> None:
    ends = [f for f in review.figures if f.flow is None and f.time is TimePoint.END]
    for end in ends:
        if end.group.value == "all":
            continue
        terms = {
            f.when: f
            for f in review.figures
            if f.about == end.about and f.group is end.group and f.flow is not Flow.FALL
        }
        total = 0
        for when, f in terms.items():
            assert f.exact_count is not None
            if isinstance(when, Flow):
                total += when.sign * f.exact_count
            elif when is TimePoint.START:
                total += f.exact_count
        assert end.count == total


@given(flow_reviews(), st.data())
def test_a_flow_moved_is_found_at_the_end_of_its_subject(
    review: Document, data: st.DataObject
) -> None:
    flows = [
        i for i, f in enumerate(review.figures) if f.flow is not None and f.flow is not Flow.FALL
    ]
    i = data.draw(st.sampled_from(flows))
    figure = review.figures[i]
    assert figure.exact_count is not None
    by = data.draw(st.integers(1, 50))
    moved = attrs.evolve(figure, count=figure.exact_count + by)
    figures = list(review.figures)
    figures[i] = moved
    end = next(
        n
        for n, f in enumerate(review.figures)
        if (f.about, f.group, f.flow, f.time) == (figure.about, figure.group, None, TimePoint.END)
    )
    found = [
        where
        for rule, where in findings(attrs.evolve(review, figures=figures))
        if rule == "flows.identity"
    ]
    assert [f"figures/{end}/count"] == found


@given(flow_reviews(), st.data())
def test_a_fall_moved_is_found_where_it_is_printed(review: Document, data: st.DataObject) -> None:
    falls = [i for i, f in enumerate(review.figures) if f.flow is Flow.FALL]
    if not falls:
        return
    i = data.draw(st.sampled_from(falls))
    figure = review.figures[i]
    assert figure.exact_count is not None
    figures = list(review.figures)
    figures[i] = attrs.evolve(figure, count=figure.exact_count + 1)
    found = [
        (r, w) for r, w in findings(attrs.evolve(review, figures=figures)) if r == "flows.change"
    ]
    assert [("flows.change", f"figures/{i}/count")] == found


@given(flow_reviews())
def test_the_order_of_the_figures_does_not_matter(review: Document) -> None:
    assert [] == findings(attrs.evolve(review, figures=review.figures[::-1]))


@given(flow_reviews())
def test_save_then_load_is_the_identity(review: Document) -> None:
    assert review == read_plan_text(write_plan_text(review))
