"""Properties of the figure, target and result rules on drawn documents of every kind.

A drawn document is consistent: its parts add up along every hierarchy and partition, its rates
are its counts' rates, its ranges add up bound by bound.  Each perturbation breaks one of these
and expects the finding where it was made.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from mdpoverty.aggregate.results import index
from mdpoverty.checks import check
from mdpoverty.io.files import read_plan_text, write_plan_text
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure
from mdpoverty.model.targets import HouseholdGroup, Measure
from mdpoverty.testing import documents
from mdpoverty.values.quantities import Quantity

NEW_RULES = ("figures", "targets", "results")
INTERVAL_RULES = ("figures.denominator", "figures.denominator-sum")


def found(document: Document, rule_id: str, location: str) -> bool:
    return any(f.rule == rule_id and f.location == location for f in check(document))


def with_figure(document: Document, i: int, figure: Figure) -> Document:
    figures = list(document.figures)
    figures[i] = figure
    return attrs.evolve(document, figures=figures)


def whole_of(document: Document, about: str | None) -> tuple[str | None, list[str]] | None:
    """The whole ``about`` is a part of, and its parts; ``None`` for the area itself."""
    strata = {s.id: s for s in document.strata}
    if about in strata:
        of = strata[about].of
        return of, [s.id for s in document.strata if s.of == of]
    if about is None or about in {g.id for g in document.groups}:
        return None
    parent = document.unit(about).parent
    return parent, [u.id for u in document.children(parent)]


def summed_counts(document: Document) -> list[tuple[int, str]]:
    """The figures whose count is judged by a sum: (index, the whole's location)."""
    observed = index(document)
    judged = []
    for i, figure in enumerate(document.figures):
        whole = whole_of(document, figure.about)
        if figure.exact_count is None or whole is None:
            continue
        key = (figure.group, figure.time, figure.year or document.year)
        entry = observed.get((whole[0], *key))
        parts = [observed.get((part, *key)) for part in whole[1]]
        if entry is None or any(p is None or p[0].count is None for p in parts):
            continue
        where = entry[1]
        judged.append((i, where if where.startswith("units/") else f"{where}/count"))
    return judged


@given(documents())
def test_a_consistent_document_has_no_finding_of_the_figure_rules(document: Document) -> None:
    assert [] == [str(f) for f in check(document, select=NEW_RULES)]


@given(documents())
def test_sums_hold_along_every_hierarchy_and_partition(document: Document) -> None:
    observed = index(document)
    wholes: list[tuple[str | None, list[str]]] = [
        (u, [c.id for c in document.children(u)]) for u in (None, *(u.id for u in document.units))
    ]
    for of in {s.of for s in document.strata}:
        wholes.append((of, [s.id for s in document.strata if s.of == of]))
    wholes += [(g.id, list(g.members)) for g in document.groups]
    judged = 0
    for (about, group, time, year), (figure, _) in observed.items():
        for whole, parts in wholes:
            counts = [observed.get((p, group, time, year)) for p in parts]
            if (
                whole != about
                or not parts
                or any(c is None or c[0].exact_count is None for c in counts)
            ):
                continue
            judged += 1
            assert figure.exact_count == sum(c[0].exact_count or 0 for c in counts if c is not None)
    assert judged  # the area's strata always print their counts


@given(documents())
def test_reduction_ranges_add_up_bound_by_bound(document: Document) -> None:
    targets = {t.about: t.value for t in document.targets if t.measure is Measure.REDUCTION}
    for about, value in targets.items():
        children = document.children(about)
        if children:
            parts = [targets[c.id] for c in children]
            assert value.low == sum(int(q.low) for q in parts)
            assert value.high == sum(int(q.high) for q in parts)


@given(documents(), st.data())
def test_a_perturbed_count_is_found_at_its_whole(document: Document, data: st.DataObject) -> None:
    i, where = data.draw(st.sampled_from(summed_counts(document)))
    figure = document.figures[i]
    assert figure.exact_count is not None
    changed = attrs.evolve(figure, count=figure.exact_count + data.draw(st.integers(1, 50)))
    assert found(with_figure(document, i, changed), "figures.parts-sum", where)


@given(documents(), st.data())
def test_a_perturbed_rate_is_found_at_its_place(document: Document, data: st.DataObject) -> None:
    observed = index(document)
    judged = [
        i
        for i, f in enumerate(document.figures)
        if f.exact_rate is not None
        and f.group is not HouseholdGroup.ALL
        and (f.about, HouseholdGroup.ALL, f.time, document.year) in observed
    ]
    i = data.draw(st.sampled_from(judged))
    figure = document.figures[i]
    assert figure.exact_rate is not None
    step = Decimal(1).scaleb(-(figure.rate_places or 0))
    rate = figure.exact_rate + step if figure.exact_rate + step <= 100 else figure.exact_rate - step
    broken = with_figure(document, i, attrs.evolve(figure, rate=rate))
    assert found(broken, "figures.rate", f"figures/{i}/rate")


@given(documents())
def test_a_perturbed_lower_bound_is_found_on_its_own(document: Document) -> None:
    i = len(document.targets) - 1  # the area's reduction target, last
    target = document.targets[i]
    assert target.about is None
    low, high = int(target.value.low), int(target.value.high)
    assume(high > 0)
    moved = low + 1 if low < high else low - 1
    broken = attrs.evolve(
        document,
        targets=[*document.targets[:i], attrs.evolve(target, value=Quantity(moved, high))],
    )
    report = check(broken, select=("targets.ranges", "headline"))
    if report.filter(rule="headline"):  # a flat list of units with counts: the headline's
        assert [f"targets/{i}"] == [f.location for f in report]
    else:
        assert [(f"targets/{i}/value", low, moved)] == [
            (f.location, f.expected, f.actual) for f in report
        ]


@given(documents(), st.data())
def test_removing_a_figure_never_adds_a_finding(document: Document, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(document.figures) - 1))
    fewer = attrs.evolve(document, figures=document.figures[:i] + document.figures[i + 1 :])
    assert [] == list(check(fewer, select=NEW_RULES))


@given(documents())
def test_save_then_load_is_the_identity(document: Document) -> None:
    assert document == read_plan_text(write_plan_text(document))


@given(documents(), st.data())
def test_removing_a_figure_from_a_broken_document_adds_no_finding(
    document: Document, data: st.DataObject
) -> None:
    i, _ = data.draw(st.sampled_from(summed_counts(document)))
    figure = document.figures[i]
    assert figure.exact_count is not None
    broken = with_figure(document, i, attrs.evolve(figure, count=figure.exact_count + 1))
    before = {(f.rule, f.message) for f in check(broken, select=NEW_RULES)}
    j = data.draw(st.integers(0, len(broken.figures) - 1))
    fewer = attrs.evolve(broken, figures=broken.figures[:j] + broken.figures[j + 1 :])
    after = {(f.rule, f.message) for f in check(fewer, select=NEW_RULES)}
    # A removed number of households hands the broken rate from figures.rate to the rules
    # of the households rates allow: the same mistake, found by what is left.
    assert {a for a in after if a[0] not in INTERVAL_RULES} <= before
    assert before or not after
