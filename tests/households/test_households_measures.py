"""The Alkire–Foster measures: published examples, hand-computed examples and the method's laws
as properties.

Two published examples are reproduced exactly.  The worked example of the R package mpindex's
test suite (a 4 × 4 deprivation matrix with its printed H, A and M0), and the worked cases of
the global MPI's nested weights (the weights, each person's score, who is poor), quoted below
with their sources.  The examples of the papers of Alkire and Foster (2011) and Alkire et al.
(2015) could not be read while writing these tests (only their title pages are stored), so the
other small examples are computed by hand, with the arithmetic shown.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.errors import HouseholdTableError, InexactNumberError, MeasureError
from mdpoverty.households import (
    af_measures,
    af_spec,
    af_tally,
    alkire_foster,
    combine_tallies,
    nested_weights,
)
from mdpoverty.reference.standards import poverty_standard
from mdpoverty.testing import cutoffs, deprivation_frames, indicator_weights

F = Fraction

# Four people, four indicators (1 = deprived).
MATRIX = pd.DataFrame(
    {
        "i1": [True, True, False, False],
        "i2": [False, True, False, False],
        "i3": [True, True, False, False],
        "i4": [True, False, True, False],
    }
)


def _measures(result: pd.DataFrame, group: object = None) -> dict[tuple[str, str | None], Any]:
    extra = [c for c in result.columns if c not in ("measure", "indicator", "k", "value")]
    if extra:
        [by] = extra
        result = result[result[by].map(lambda g: g is None if group is None else g == group)]
    return {
        (m, None if pd.isna(i) else i): v
        for m, i, v in zip(result.measure, result.indicator, result.value, strict=True)
    }


def test_published_example_of_the_mpindex_test_suite() -> None:
    # The R package mpindex (github.com/yng-me/mpindex, also on CRAN), its test suite:
    # tests/deprivation-profile-simple.R (commit 25d96384) defines indicators A1, A2 (dimension
    # A) and B1, B2 (dimension B), each weight 1/4, poverty cutoff 1/2, and the data
    #   a1 = c(0, 1, 1, 0), a2 = c(0, 0, 1, 1), b1 = c(0, 0, 1, 0), b2 = c(0, 1, 1, 0)
    # (deprived where 1); tests/testthat/test-compute-mpi.R (commit 01c7871e) expects
    #   H = 0.5, A = 0.75, M0 = 0.375, and contributions summing to 100.
    deprived = pd.DataFrame(
        {
            "a1": [0, 1, 1, 0],
            "a2": [0, 0, 1, 1],
            "b1": [0, 0, 1, 0],
            "b2": [0, 1, 1, 0],
        }
    ).astype(bool)
    weights = {"a1": F(1, 4), "a2": F(1, 4), "b1": F(1, 4), "b2": F(1, 4)}
    m = _measures(alkire_foster(deprived, k="1/2", weights=weights))
    assert (F("0.5"), F("0.75"), F("0.375")) == (m["H", None], m["A", None], m["M0", None])
    assert 100 == sum(m["pctb", i] for i in weights)
    # nested equal weights over the two dimensions are the same weights
    assert weights == nested_weights({"A": ["a1", "a2"], "B": ["b1", "b2"]})


# The global MPI (2010): health, education and living standards, each a third, equal within.
# The six living-standard indicators are not named in the source quoted below: living_1..6.
GLOBAL_MPI = {
    "health": ["nutrition", "child_mortality"],
    "education": ["years_of_schooling", "school_attendance"],
    "living_standards": [f"living_{i}" for i in range(1, 7)],
}
"""The source of the published examples, retrieved as text (a copy of a description of the global
MPI; its original publication not verified): https://th4.ilovetranslation.com/fZxXVSwiiphOKr321e1o5W==d
— "individuals in a family are then identified as “multidimensionally poor” when deprived by a
“weighted sum” of 0.3 or more (3 out of 10 points as calculated in practice).  For concreteness,
a person would get a value of 33% and thus be considered poor by having a child in the family
who is malnourished while at the same time the most educated person in the family received only
three years of schooling.  Or a multidimensionally poor person might live in a household that
has experienced a child death and is also deprived in at least three of the six living standards
indicators, which also sums to 1/6 + 1/18 + 1/18 + 1/18 = 1/3, or 33%.  Or they could live in a
household that is deprived in the other three living standard indicators and in which there is a
school-age child not attending school.  But if there were no health or education deprivations, a
person would have to be deprived in all six standard-of-living indicators to be deemed poor."
The cutoffs, from UNDP (http://hdr.undp.org/en/content/what-makes-individual-multidimensionally-poor):
poor when "deprived in one third or more of the weighted indicators", vulnerable "in one fifth or
more but less than one third", severe poverty "in one half or more"."""

PUBLISHED_PROFILES = {
    "malnourished child, three years of schooling": ["nutrition", "years_of_schooling"],
    "child death, three living standards": ["child_mortality", "living_1", "living_2", "living_3"],
    "the other three, a child not in school": [
        "school_attendance",
        "living_4",
        "living_5",
        "living_6",
    ],
    "all six living standards": [f"living_{i}" for i in range(1, 7)],
    "five living standards": [f"living_{i}" for i in range(1, 6)],  # "would have to be ... all six"
}


def _profiles() -> pd.DataFrame:
    indicators = [i for inds in GLOBAL_MPI.values() for i in inds]
    return pd.DataFrame(
        {i: [i in deprived for deprived in PUBLISHED_PROFILES.values()] for i in indicators}
    )


def test_published_global_mpi_weights_and_scores() -> None:
    weights = nested_weights(GLOBAL_MPI)
    # "1/6 + 1/18 + 1/18 + 1/18 = 1/3": a health indicator weighs 1/6, a living standard 1/18
    assert (F(1, 6), F(1, 6), F(1, 18)) == (
        weights["nutrition"],
        weights["years_of_schooling"],
        weights["living_1"],
    )
    scores = [sum(weights[i] for i in deprived) for deprived in PUBLISHED_PROFILES.values()]
    # each of the four published profiles sums to exactly 1/3; five living standards to 5/18
    assert [F(1, 3), F(1, 3), F(1, 3), F(1, 3), F(5, 18)] == scores


def test_published_global_mpi_identification() -> None:
    # Poor at k = 1/3: the four published profiles, each scoring exactly k (poor when score >= k),
    # and not the fifth.  From there by hand: q = 4 of N = 5, H = 4/5, A = 1/3, M0 = 4/15.
    weights = nested_weights(GLOBAL_MPI)
    m = _measures(alkire_foster(_profiles(), k="1/3", weights=weights))
    assert (5, 4) == (m["N", None], m["q", None])
    assert (F(4, 5), F(1, 3), F(4, 15)) == (m["H", None], m["A", None], m["M0", None])
    # the fifth person (5/18) is vulnerable: poor at k = 1/5, as UNDP's "one fifth or more"
    assert 5 == _measures(alkire_foster(_profiles(), k="1/5", weights=weights))["q", None]
    # nobody is in severe poverty ("one half or more")
    assert 0 == _measures(alkire_foster(_profiles(), k="1/2", weights=weights))["q", None]


def test_hand_computed_example_equal_weights() -> None:
    # Equal weights 1/4.  Scores: person 1: 3/4, person 2: 3/4, person 3: 1/4, person 4: 0.
    # k = 1/2: persons 1 and 2 are poor: q = 2, N = 4, H = 2/4 = 1/2.
    # A = (3/4 + 3/4) / 2 = 3/4; M0 = H × A = 3/8 (= (3/4 + 3/4) / 4).
    # Uncensored hd: i1 2/4, i2 1/4, i3 2/4, i4 2/4 (persons 1 and 3).
    # Censored hdk (person 3 censored): i1 1/2, i2 1/4, i3 1/2, i4 1/4.
    # actb = 1/4 × hdk: 1/8, 1/16, 1/8, 1/16 (sum 3/8 = M0).
    # pctb = 100 × actb / M0: 100/3, 50/3, 100/3, 50/3 (sum 100).
    m = _measures(alkire_foster(MATRIX, k=Decimal("0.5")))
    assert (4, 2) == (m["N", None], m["q", None])
    assert (F(1, 2), F(3, 4), F(3, 8)) == (m["H", None], m["A", None], m["M0", None])
    assert [F(1, 2), F(1, 4), F(1, 2), F(1, 2)] == [m["hd", f"i{j}"] for j in range(1, 5)]
    assert [F(1, 2), F(1, 4), F(1, 2), F(1, 4)] == [m["hdk", f"i{j}"] for j in range(1, 5)]
    assert [F(1, 8), F(1, 16), F(1, 8), F(1, 16)] == [m["actb", f"i{j}"] for j in range(1, 5)]
    assert [F(100, 3), F(50, 3), F(100, 3), F(50, 3)] == [m["pctb", f"i{j}"] for j in range(1, 5)]


def test_hand_computed_example_nested_weights() -> None:
    # Dimensions a = {i1, i2}, b = {i3}, c = {i4}: weights 1/6, 1/6, 1/3, 1/3.
    # Scores: person 1: 1/6 + 1/3 + 1/3 = 5/6; person 2: 1/6 + 1/6 + 1/3 = 2/3;
    # person 3: 1/3; person 4: 0.
    weights = nested_weights({"a": ["i1", "i2"], "b": ["i3"], "c": ["i4"]})
    assert {"i1": F(1, 6), "i2": F(1, 6), "i3": F(1, 3), "i4": F(1, 3)} == weights
    # k = 1/3: persons 1-3 poor; H = 3/4, A = (5/6 + 2/3 + 1/3) / 3 = 11/18, M0 = 11/24.
    m = _measures(alkire_foster(MATRIX, k="1/3", weights=weights))
    assert (F(3, 4), F(11, 18), F(11, 24)) == (m["H", None], m["A", None], m["M0", None])
    # k = 2/3 exactly: person 2's score equals k, so person 2 is poor (score >= k).
    # H = 1/2, A = (5/6 + 2/3) / 2 = 3/4, M0 = 3/8.
    m = _measures(alkire_foster(MATRIX, k="2/3", weights=weights))
    assert (F(1, 2), F(3, 4), F(3, 8)) == (m["H", None], m["A", None], m["M0", None])


def test_by_group_and_overall() -> None:
    frame = MATRIX.assign(unit=[7, 7, 8, 8])
    result = alkire_foster(frame, k=F(1, 2), by="unit")
    # unit 7: persons 1, 2 (both poor, scores 3/4): H = 1, A = 3/4, M0 = 3/4.
    # unit 8: persons 3, 4: nobody poor: H = A = M0 = 0, pctb undefined (None).
    seven, eight, whole = _measures(result, 7), _measures(result, 8), _measures(result)
    assert (F(1), F(3, 4), F(3, 4)) == (seven["H", None], seven["A", None], seven["M0", None])
    assert (F(0), F(0), F(0)) == (eight["H", None], eight["A", None], eight["M0", None])
    assert eight["pctb", "i1"] is None
    assert (F(1, 2), F(3, 4), F(3, 8)) == (whole["H", None], whole["A", None], whole["M0", None])


def test_floats_are_refused() -> None:
    with pytest.raises(InexactNumberError, match="float"):
        alkire_foster(MATRIX, k=0.5)  # type: ignore[arg-type]
    with pytest.raises(InexactNumberError, match="float"):
        alkire_foster(MATRIX, k="1/2", weights={"i1": 0.25, "i2": 1, "i3": 1, "i4": 1})  # type: ignore[dict-item]


@pytest.mark.parametrize("k", [0, F(3, 2), -1])
def test_k_must_be_a_share(k: Fraction) -> None:
    with pytest.raises(MeasureError, match="k must be"):
        alkire_foster(MATRIX, k=k)


def test_missing_deprivations_are_an_error() -> None:
    frame = MATRIX.astype("boolean")
    frame.loc[2, "i3"] = pd.NA
    with pytest.raises(HouseholdTableError, match="'i3': missing value in 1 row"):
        alkire_foster(frame, k="1/2")


def test_the_callers_frame_is_not_modified() -> None:
    before = MATRIX.copy()
    alkire_foster(MATRIX, k="1/4", by=pd.Series([1, 1, 2, 2]))
    pd.testing.assert_frame_equal(before, MATRIX)


def test_the_standards_nested_weights() -> None:
    weights = nested_weights(poverty_standard("decree-07-2021"))
    assert F(1, 12) == weights["nutrition"]
    assert F(1) == sum(weights.values())


def _core(frame: pd.DataFrame, k: Fraction, **kwargs: Any) -> tuple[Any, ...]:
    m = _measures(alkire_foster(frame, k=k, **kwargs))
    return m["H", None], m["A", None], m["M0", None]


@given(deprivation_frames(), cutoffs(), st.data())
def test_m0_is_h_times_a(frame: pd.DataFrame, k: Fraction, data: st.DataObject) -> None:
    weights = data.draw(indicator_weights(list(frame.columns)))
    h, a, m0 = _core(frame, k, weights=weights)
    assert m0 == h * a


@given(deprivation_frames(), cutoffs(), cutoffs())
def test_m0_and_h_do_not_increase_with_k(frame: pd.DataFrame, k1: Fraction, k2: Fraction) -> None:
    low, high = sorted((k1, k2))
    h_low, _, m0_low = _core(frame, low)
    h_high, _, m0_high = _core(frame, high)
    assert h_high <= h_low
    assert m0_high <= m0_low


@given(deprivation_frames(min_rows=1), cutoffs(), st.data())
def test_subgroup_decomposability(frame: pd.DataFrame, k: Fraction, data: st.DataObject) -> None:
    labels = data.draw(st.lists(st.sampled_from("abc"), min_size=len(frame), max_size=len(frame)))
    groups = pd.Series(labels, name="group")
    result = alkire_foster(frame, k=k, by=groups)
    whole = _measures(result)
    shares = groups.value_counts()
    decomposed = sum(
        (F(int(n), len(frame)) * _measures(result, g)["M0", None] for g, n in shares.items()),
        F(0),
    )
    assert whole["M0", None] == decomposed
    assert _core(frame, k)[2] == whole["M0", None]


@given(deprivation_frames(), cutoffs(), st.integers(2, 4))
def test_replication_invariance(frame: pd.DataFrame, k: Fraction, copies: int) -> None:
    replicated = pd.concat([frame] * copies, ignore_index=True)
    original = alkire_foster(frame, k=k)
    again = alkire_foster(replicated, k=k)
    keep = ~original.measure.isin(["N", "q"])
    assert original[keep].value.tolist() == again[keep].value.tolist()


@given(deprivation_frames(), cutoffs(), st.randoms(use_true_random=False))
def test_symmetry_under_row_order(frame: pd.DataFrame, k: Fraction, random: object) -> None:
    order = list(frame.index)
    random.shuffle(order)  # type: ignore[attr-defined]
    assert alkire_foster(frame, k=k).equals(alkire_foster(frame.loc[order], k=k))


@given(deprivation_frames(), cutoffs(), st.data())
def test_contributions_sum_to_100_percent(
    frame: pd.DataFrame, k: Fraction, data: st.DataObject
) -> None:
    weights = data.draw(indicator_weights(list(frame.columns)))
    m = _measures(alkire_foster(frame, k=k, weights=weights))
    actb = [v for (measure, _), v in m.items() if measure == "actb"]
    pctb = [v for (measure, _), v in m.items() if measure == "pctb"]
    assert m["M0", None] == sum(actb, F(0))
    if m["M0", None]:
        assert F(100) == sum(pctb, F(0))
    else:
        assert all(p is None for p in pctb)


@given(deprivation_frames(max_rows=10), cutoffs(), st.data())
def test_population_weights_equal_replicated_rows(
    frame: pd.DataFrame, k: Fraction, data: st.DataObject
) -> None:
    sizes = data.draw(st.lists(st.integers(0, 4), min_size=len(frame), max_size=len(frame)))
    weighted = alkire_foster(frame, k=k, population=pd.Series(sizes, dtype="int64"))
    replicated = frame.loc[frame.index.repeat(sizes)].reset_index(drop=True)
    if len(replicated):
        assert alkire_foster(replicated, k=k).value.tolist() == weighted.value.tolist()


@given(deprivation_frames(max_rows=30), cutoffs(), st.integers(1, 4), st.data())
def test_chunked_tallies_give_the_same_measures(
    frame: pd.DataFrame, k: Fraction, parts: int, data: st.DataObject
) -> None:
    labels = data.draw(st.lists(st.sampled_from([1, 2]), min_size=len(frame), max_size=len(frame)))
    frame = frame.assign(unit=labels)
    spec = af_spec([c for c in frame.columns if c != "unit"], k)
    size = -(-len(frame) // parts)
    chunks = [frame.iloc[i : i + size] for i in range(0, len(frame), size)]
    combined = combine_tallies(af_tally(c, spec, by="unit") for c in chunks)
    whole = af_tally(frame, spec, by="unit")
    assert af_measures(whole, spec, by="unit").equals(af_measures(combined, spec, by="unit"))


def test_weights_must_name_the_indicators() -> None:
    with pytest.raises(MeasureError, match=r"without a weight \['i4'\], not an indicator \['i5'\]"):
        alkire_foster(MATRIX, k="1/2", weights={"i1": 1, "i2": 1, "i3": 1, "i5": 1})
    with pytest.raises(MeasureError, match="positive sum"):
        alkire_foster(MATRIX, k="1/2", weights=dict.fromkeys(["i1", "i2", "i3", "i4"], 0))
