"""Rates without a printed total: the whole numbers of households each rate allows.

The intervals of the hand-worked example are DESIGN.md's (§2), worked out by hand: with
``S = 2·10ᵖ`` and the rate ``R/10ᵖ``, N runs from ⌊100·c·S/(2R+1)⌋+1 to ⌊100·c·S/(2R−1)⌋.
The properties take their expected side from the brute-force oracle
(:func:`mdpoverty.testing._oracle.households_fit`), which tries numbers of households one by
one, never from the rule's arithmetic.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.checks import check
from mdpoverty.checks.builtin.denominators import Households, allowed
from mdpoverty.i18n import localize
from mdpoverty.io.files import load_plan, read_plan_text
from mdpoverty.model.document import Document
from mdpoverty.model.figures import Figure, TimePoint
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.testing import documents
from mdpoverty.testing._oracle import households_fit, printed_rate
from mdpoverty.values.quantities import Quantity

DATA = Path(__file__).parent.parent / "data"
RULES = ("figures.rate", "figures.denominator", "figures.denominator-sum")
_ROW = (HouseholdGroup.POOR, HouseholdGroup.NEAR_POOR, HouseholdGroup.POOR_AND_NEAR_POOR)

REVIEW = """\
kind: review
header: {issuer: UBND tỉnh Thử, date: 2024-12, title: Kết quả rà soát năm 2024}
area: {name: Tỉnh Thử, kind: province}
period: {start: 2024}
standard: decree-07-2021
strata:
- {id: urban, name: Thành thị, kind: urban}
- {id: rural, name: Nông thôn, kind: rural}
figures:
# 0-2: the province prints counts and rates, no number of households
- {group: poor, count: 1234, rate: POOR}
- {group: near-poor, count: 2345, rate: 4.69}
- {group: poor-and-near-poor, count: 3579, rate: 7.16}
# 3-4: the poor of each stratum, no number of households either
- {group: poor, about: urban, count: 234, rate: 1.17}
- {group: poor, about: rural, count: 1000, rate: RURAL}
"""


def review(poor: str = "2.47", rural: str = "3.33") -> Document:
    return read_plan_text(REVIEW.replace("POOR", poor).replace("RURAL", rural))


def findings(document: Document) -> list[tuple[str, str, object, object]]:
    return [(f.rule, f.location, f.expected, f.actual) for f in check(document, select=RULES)]


def test_the_intervals_of_the_worked_example() -> None:
    assert Households(49859, 50060) == allowed(1234, Decimal("2.47"))
    assert Households(49947, 50053) == allowed(2345, Decimal("4.69"))
    assert Households(49952, 50020) == allowed(3579, Decimal("7.16"))
    assert Households(49658, 49858) == allowed(1234, Decimal("2.48"))


def test_the_worked_example_holds_and_its_slip_is_found() -> None:
    assert [] == findings(review())
    # 2,48% allows 49.658…49.858, which meets neither 49.947…50.053 nor 49.952…50.020; of
    # the 49.952…50.020 households the other two allow, 1.234 is 2,467…2,470%: printed 2,47
    slipped = check(review(poor="2.48"), select=RULES)
    assert [
        ("figures.denominator", "figures/0/rate", Quantity(Decimal("2.47")), Decimal("2.48"))
    ] == [(f.rule, f.location, f.expected, f.actual) for f in slipped]
    # each interval in the notation of the language the finding is said in
    assert "49,658…49,858" in slipped[0].message
    assert "49,952…50,020" in slipped[0].message
    said = localize(slipped[0].message, "vi")
    assert "1.234 hộ nghèo ở mức 2,48% (49.658…49.858 hộ)" in said
    assert "3.579 hộ nghèo và hộ cận nghèo ở mức 7,16% (49.952…50.020 hộ)" in said


def test_the_parts_households_add_up_to_the_wholes() -> None:
    # urban: 234 at 1,17% allows 19.915…20.085; rural: 1.000 at 3,33% allows 29.986…30.075;
    # their sum 49.901…50.160 meets the province's 49.952…50.020 (above)
    assert [] == findings(review())
    # rural at 3,43% allows 29.113…29.197: the strata sum to 49.028…49.282, below the
    # province's; the row of one rate holds, and the finding is at the province
    assert [
        (
            "figures.denominator-sum",
            "figures/0/rate",
            Quantity(49028, 49282),
            Quantity(49952, 50020),
        )
    ] == findings(review(rural="3.43"))


def test_rate_zero_and_count_zero() -> None:
    assert Households(1, None) == allowed(0, Decimal("0.00"))  # 0 of any number is 0%
    assert allowed(0, Decimal("0.01")).empty  # … and never 0,01%
    assert Households(20001, None) == allowed(1, Decimal("0.00"))  # 1 is < 0,005% of > 20.000
    assert Households(1, 1) == allowed(1, Decimal("100"))
    assert allowed(1, Decimal("33.34")).empty  # 1 of 3 is 33,33%, of 2 50%: no N gives it
    assert allowed(1, Decimal("33.333334")).empty  # six decimals: still none, at once
    assert Households(7, 7) == allowed(7, Decimal("100.000000"))


@given(
    st.integers(1, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 6),
)
def test_every_number_of_households_of_an_interval_prints_its_rate(
    households: int, part: int, places: int
) -> None:
    count = part % (households + 1)
    printed = printed_rate(count, households, places)
    interval = allowed(count, printed)
    assert interval.low <= households
    assert interval.high is None or households <= interval.high
    # the bounds are tight: one household fewer or more prints another rate (or is too few)
    below = interval.low - 1
    assert below < max(1, count) or printed_rate(count, below, places) != printed
    if interval.high is not None:
        assert printed_rate(count, interval.high + 1, places) != printed
        assert printed_rate(count, interval.high, places) == printed
    assert printed_rate(count, interval.low, places) == printed


def _row(document: Document, key: tuple[str | None, TimePoint, int]) -> list[int]:
    """The figures of the row ``key`` that print a count and a rate of a share of all."""
    return [
        i
        for i, f in enumerate(document.figures)
        if (f.about, f.when, f.year or document.year) == key
        and f.group in _ROW
        and f.exact_count is not None
        and f.exact_rate is not None
    ]


def _printed_total(document: Document, key: tuple[str | None, TimePoint, int]) -> int | None:
    for f in document.figures:
        if (f.about, f.time, f.year or document.year) == key and f.group is HouseholdGroup.ALL:
            return f.exact_count
    if key[0] is not None and key[1] is TimePoint.START:
        units = {u.id: u for u in document.units}
        if key[0] in units:
            return units[key[0]].households
    return None


def assert_found_exactly_when_no_households_fit(document: Document, i: int, sign: int) -> None:
    """Move the rate of figure ``i`` by one unit in its last place (``sign``) and expect a
    finding at its row exactly when the oracle finds no number of households for the row."""
    figure = document.figures[i]
    assert figure.exact_rate is not None
    step = Decimal(1).scaleb(-(figure.rate_places or 0)) * sign
    moved_rate = figure.exact_rate + step
    if not 0 <= moved_rate <= 100:
        moved_rate = figure.exact_rate - step
    figures: list[Figure] = list(document.figures)
    figures[i] = attrs.evolve(figure, rate=moved_rate)
    moved = attrs.evolve(document, figures=figures)
    key = (figure.about, figure.time, figure.year or document.year)
    row = _row(moved, key)
    pairs = [(moved.figures[j].exact_count, moved.figures[j].exact_rate) for j in row]
    fit = households_fit(
        [(c, r) for c, r in pairs if c is not None and r is not None], _printed_total(moved, key)
    )
    located = {f.location for f in check(moved, select=("figures.rate", "figures.denominator"))}
    if fit:
        assert set() == located
    else:
        assert located
        assert located <= {f"figures/{j}/rate" for j in row}


def _rated(document: Document) -> list[int]:
    return [
        i
        for i, f in enumerate(document.figures)
        # a flow's rate (of the households escaped, in points for a fall) has no row to share
        if f.group in _ROW
        and f.exact_rate is not None
        and f.exact_count is not None
        and f.flow is None
    ]


@given(documents(), st.data())
def test_a_rate_moved_by_one_unit_is_found_exactly_when_no_households_fit_its_row(
    document: Document, data: st.DataObject
) -> None:
    i = data.draw(st.sampled_from(_rated(document)))
    assert_found_exactly_when_no_households_fit(document, i, data.draw(st.sampled_from((1, -1))))


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yaml")))
def test_every_rate_of_the_test_documents_moved_by_one_unit(name: str) -> None:
    document = load_plan(DATA / name)
    for i in _rated(document):
        for sign in (1, -1):
            assert_found_exactly_when_no_households_fit(document, i, sign)


@given(documents())
def test_a_consistent_document_has_no_finding_of_the_interval_rules(document: Document) -> None:
    assert [] == findings(document)
