"""A blank is never 0: removing a figure from a document of any kind, carried into the units of
2025 or back, never turns a blank cell into a number and never marks a row complete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.aggregate.carried_figures import carry_figures, carry_figures_back
from mdpoverty.aggregate.carry_over import carry_back, carry_over
from mdpoverty.model.document import Document
from mdpoverty.model.targets import UNIT_COUNT_FIELDS
from mdpoverty.testing import new_unit_documents, old_unit_documents, ranged_documents
from mdpoverty.values.quantities import Quantity

Carry = Callable[[Document], pd.DataFrame]


Removed = tuple[str, str, str, int]  # the unit's id, and the group, time and year of its figure


def _without_one_figure(document: Document, data: st.DataObject) -> tuple[Document, Removed]:
    """``document`` with one figure about a unit removed (a unit's count or a printed
    figure), and which."""
    choices: list[tuple[str, int | str]] = [
        ("figure", i) for i, f in enumerate(document.figures) if f.about is not None
    ]
    choices += [
        (field, u.id)
        for u in document.units
        for field in UNIT_COUNT_FIELDS.values()
        if getattr(u, field) is not None
    ]
    kind, which = data.draw(st.sampled_from(choices))
    if kind == "figure":
        assert isinstance(which, int)
        about, group, time, year = document.figures[which].key_in(document.year)
        figures = [f for i, f in enumerate(document.figures) if i != which]
        return attrs.evolve(document, figures=figures), (str(about), group.value, time.value, year)
    blank: dict[str, Any] = {kind: None}
    units = [attrs.evolve(u, **blank) if u.id == which else u for u in document.units]
    group = next(g for g, field in UNIT_COUNT_FIELDS.items() if field == kind)
    return attrs.evolve(document, units=units), (str(which), group.value, "start", document.year)


def _cells(frame: pd.DataFrame, key: list[str], values: list[str]) -> dict[tuple[object, ...], Any]:
    table = frame.reset_index()
    return {(*(row[k] for k in key), v): row[v] for _, row in table.iterrows() for v in values}


def _never_filled(
    before: pd.DataFrame, after: pd.DataFrame, key: list[str], values: list[str]
) -> None:
    old, new = _cells(before, key, values), _cells(after, key, values)
    for cell, value in old.items():
        if pd.isna(value):
            assert pd.isna(new.get(cell, pd.NA)), f"{cell} was blank and became {new[cell]!r}"
    done_before = _cells(before, key, ["complete"])
    done_after = _cells(after, key, ["complete"])
    for cell, complete in done_after.items():
        if complete:
            assert done_before.get(cell), f"{cell} became complete when a figure was removed"


def _check(document: Document, data: st.DataObject, over: Carry, figures: Carry) -> None:
    if not any(f.about is not None for f in document.figures) and not any(
        u.has_counts or u.near_poor_households is not None for u in document.units
    ):
        return
    smaller, (unit, group, time, year) = _without_one_figure(document, data)
    counts = ["households", "poor_households", "near_poor_households", "reduction"]
    _never_filled(over(document), over(smaller), ["code"], counts)
    before, after = figures(document), figures(smaller)
    key = ["code", "group", "time", "year"]
    _never_filled(before, after, key, ["count", "rate"])
    # In the rows that hold the unit whose figure went, that figure is blank and incomplete.
    code = smaller.units[[u.id for u in smaller.units].index(unit)].code
    name = next(u.name for u in smaller.units if u.id == unit)
    label = f"{name} ({code})" if code else name
    same = (after["group"] == group) & (after["time"] == time) & (after["year"] == year)
    holding = after[same & after["units"].str.split("; ").map(lambda us: label in us)]
    assert holding["count"].isna().all()
    assert not holding["complete"].any()
    if time == "start" and group in ("all", "poor"):  # a count of the annex: its row is blank
        table = over(smaller)
        rows = table[table["units"].str.split("; ").map(lambda us: label in us)]
        assert rows["households"].isna().all()
        assert not rows["complete"].any()


@given(old_unit_documents(), st.data())
def test_removing_a_figure_of_a_document_in_old_units_never_fills_a_blank(
    document: Document, data: st.DataObject
) -> None:
    _check(document, data, carry_over, carry_figures)


@given(new_unit_documents(), st.data())
def test_removing_a_figure_of_a_document_in_new_units_never_fills_a_blank(
    document: Document, data: st.DataObject
) -> None:
    _check(document, data, carry_over, carry_figures)
    _check(document, data, carry_back, carry_figures_back)


@given(old_unit_documents())
def test_a_unit_without_a_figure_is_blank_and_its_row_incomplete(document: Document) -> None:
    figures = carry_figures(document)
    assert (figures["count"].isna() == ~figures["complete"]).all()
    table = carry_over(document)
    assert (table["households"].isna() == ~table["complete"]).all()
    assert (table[~table["complete"]]["why"] != "").all()
    # A complete row sums the counts its units print, every one of them.
    by_label = {f"{u.name} ({u.code})" if u.code else u.name: u for u in document.units}
    for code, row in table[table["complete"]].iterrows():
        units = [by_label[name] for name in row["units"].split("; ")]
        assert all(u.households is not None for u in units), code
        assert sum(u.households or 0 for u in units) == row["households"]
    # Never a 0 that stands for nothing: a carried 0 is a sum of printed counts.
    for code, row in figures[figures["count"] == 0].iterrows():
        assert row["complete"], code


@given(old_unit_documents(), st.data())
def test_ranged_figures_carry_over_bound_by_bound(document: Document, data: st.DataObject) -> None:
    # Widening figures around their values widens each carried sum around the exact one: a
    # row's bounds are the sums of its units' bounds, and contain the exact sum.
    ranged = data.draw(ranged_documents(st.just(document)))
    exact, wide = carry_figures(document), carry_figures(ranged)
    assert list(exact.index) == list(wide.index)
    for (_, before), (_, after) in zip(exact.iterrows(), wide.iterrows(), strict=True):
        if pd.isna(before["count"]):
            assert pd.isna(after["count"])
            continue
        low, high = (
            (after["count"].low, after["count"].high)
            if isinstance(after["count"], Quantity)
            else (after["count"], after["count"])
        )
        assert low <= before["count"] <= high
