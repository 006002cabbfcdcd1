"""A strategy for documents whose figures print ranges: exact figures widened around themselves.

:func:`ranged_documents` draws a document and widens some of its printed figures, each into a
range that contains its exact value ("1.234" → "1.200–1.350", "2,47" → "2,40–2,70"): the count,
the rate or both, a rate keeping its printed decimals.  A range that contains the truth can
never make a consistent document inconsistent, so a rule run on the widened document must find
no error that it did not find before (where only one figure of an equation is widened; the sum
rules judge two ranges bound by bound).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import strategies as st

from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure
from mdpoverty.model.targets import UNIT_COUNT_FIELDS, HouseholdGroup
from mdpoverty.testing._documents import documents
from mdpoverty.testing._oracle import printed_rate
from mdpoverty.values.numbers import decimal_places
from mdpoverty.values.quantities import Quantity

__all__ = ["ranged_documents"]


def _widened_count(draw: st.DrawFn, count: int) -> Quantity:
    below = draw(st.integers(0, count))
    above = draw(st.integers(0 if below else 1, 500))
    return Quantity(count - below, count + above)


def _widened_rate(draw: st.DrawFn, rate: Decimal) -> Quantity | Decimal:
    places = decimal_places(rate)
    unit = Decimal(1).scaleb(-places)
    low = max(Decimal(0), rate - draw(st.integers(0, 50)) * unit)
    high = min(Decimal(100), rate + draw(st.integers(0, 50)) * unit)
    if low == high:
        return rate  # at 0 and at 100 with no room: left exact
    # Both bounds keep the printed decimals (a rate of 0 has no places of its own).
    return Quantity(low.quantize(unit), high.quantize(unit))


def _widened(draw: st.DrawFn, figure: Figure, households: int | None) -> Figure:
    """``figure`` with its count, its rate or both widened into a range that contains them.

    Where both are widened and the subject's ``households`` are printed, each rate bound is
    its count bound's rate (by the oracle): a document prints them together."""
    which = draw(st.sampled_from(("count", "rate", "both")))
    count, rate, printed = figure.count, figure.rate, figure.exact_rate
    if which != "rate" and isinstance(figure.count, int):
        count = _widened_count(draw, figure.count)
    if which != "count" and printed is not None:
        rate = _widened_rate(draw, printed)
    if (
        isinstance(count, Quantity)
        and isinstance(rate, Quantity)
        and printed is not None
        and households
    ):
        places = decimal_places(printed)
        low, high = (printed_rate(int(c), households, places) for c in (count.low, count.high))
        rate = Quantity(low, high) if low != high and high <= 100 else printed
    return attrs.evolve(figure, count=count, rate=rate)


def _row(figure: Figure, year: int) -> tuple[object, ...]:
    about, _, when, year = figure.key_in(year)
    return about, when, year


def _unit_keys(document: Document) -> set[object]:
    keys: set[object] = set()
    for unit in document.units:
        for group, field in UNIT_COUNT_FIELDS.items():
            if getattr(unit, field) is not None:
                keys.add((unit.id, group))
    return keys


@st.composite
def _ranged(draw: st.DrawFn, base: st.SearchStrategy[Document], at_most: int | None) -> Document:
    document = draw(base)
    # A figure that repeats a unit's own count must stay equal to it: it is not widened.
    units = _unit_keys(document)
    open_ = [
        i for i, f in enumerate(document.figures) if f.is_exact and (f.about, f.group) not in units
    ]
    if not open_:
        return document
    chosen = draw(
        st.lists(st.sampled_from(open_), min_size=1, max_size=at_most or len(open_), unique=True)
    )
    figures = list(document.figures)
    totals = {
        _row(f, document.year): f.exact_count
        for f in document.observations()
        if f.group is HouseholdGroup.ALL
    }
    for i in chosen:
        figure = figures[i]
        figures[i] = _widened(draw, figure, totals.get(_row(figure, document.year)))
    return attrs.evolve(document, figures=figures)


def ranged_documents(
    base: st.SearchStrategy[Document] | None = None, *, at_most: int | None = None
) -> st.SearchStrategy[Document]:
    """Documents of ``base`` (by default :func:`~mdpoverty.testing.documents`) with some of
    their exact figures widened into ranges that contain them; at most ``at_most`` (``None``:
    any number) of them."""
    return _ranged(base if base is not None else documents(), at_most)
