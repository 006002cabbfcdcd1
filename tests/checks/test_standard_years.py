"""Which standard a document applies, and the programme it implements, against its years.

The review-year rule (DESIGN.md §3): the periodic review at the end of year N classifies for
N + 1, with the standard of N + 1 (the 2015 review under the 2016–2020 standard, the 2021
review under 2022–2025, the 2026 review under Decree 351's 2027–2030 criteria); a mid-year
review uses the standard in force on its date.  Golden outcomes are worked out from that rule
and the years of each standard in the design notes, not from the code.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty import check
from mdpoverty.checks.report import Severity
from mdpoverty.cli import template_text
from mdpoverty.io.files import read_plan_text
from mdpoverty.model.document import Document
from mdpoverty.model.header import Header
from mdpoverty.model.programme import ProjectComponent
from mdpoverty.reference.programmes import programme_catalog
from mdpoverty.reference.standards import serving_year, standard_of
from mdpoverty.values.dates import PartialDate, Period


def _document(kind: str, year: int, end: int | None, standard: str | None, date: str) -> Document:
    base = read_plan_text(template_text(kind, "province"))
    header: Header = attrs.evolve(base.header, date=PartialDate.parse(date))
    return attrs.evolve(base, period=Period(year, end or year), standard=standard, header=header)


def _standard_findings(document: Document) -> list[tuple[str, Severity, str]]:
    return [
        (f.location, f.severity, f.rule)
        for f in check(document)
        if f.rule == "dates.standard-period"
    ]


# (kind, start, end, standard, header date, year served, findings expected)
CASES = [
    # the periodic review at the end of N serves N + 1
    ("review", 2026, None, "decree-351-2025", "2027-01-12", 2027, []),
    ("review", 2026, None, "decree-351-2025", "2026-12-25", 2027, []),
    ("review", 2026, None, "decree-351-2025", "2026", 2027, []),
    ("review", 2021, None, "decree-07-2021", "2022-01-20", 2022, []),
    ("review", 2021, None, "decree-07-2021", "2021-12", 2022, []),
    ("review", 2015, None, "decision-59-2015", "2016-08-22", 2016, []),
    ("review", 2026, None, "decree-07-2021", "2027-01-12", 2027, ["period"]),
    ("review", 2021, None, "decision-59-2015", "2022-01-20", 2022, ["period"]),
    # a mid-year review uses the standard in force on its date
    ("review", 2026, None, "decree-07-2021", "2026-06-30", 2026, []),
    ("review", 2021, None, "decision-59-2015", "2021-05", 2021, []),
    ("review", 2021, None, "decree-07-2021", "2021-05", 2021, ["period"]),
    # a plan applies the standard of its years and does not run past its last
    ("plan", 2027, None, "decree-351-2025", "2027-01", 2027, []),
    ("plan", 2027, None, "decree-07-2021", "2027-01", 2027, ["period"]),
    ("plan", 2026, None, "decree-351-2025", "2026-01", 2026, []),
    ("plan", 2026, None, "decree-07-2021", "2026-01", 2026, []),
    # (a multi-year plan's year is its last)
    ("plan", 2026, 2030, "decree-351-2025", "2026-01", 2030, []),
    ("plan", 2026, 2030, "decree-07-2021", "2026-01", 2030, ["period/end"]),
    ("plan", 2021, 2025, "decree-07-2021", "2021-06", 2025, []),
    ("plan", 2027, 2042, "decree-351-2025", "2027-01", 2042, ["period/end"]),
    ("report", 2027, None, "decree-07-2021", "2028-01", 2027, ["period"]),
]


@pytest.mark.parametrize(("kind", "start", "end", "standard", "date", "served", "expected"), CASES)
def test_the_standard_of_a_document(
    kind: str,
    start: int,
    end: int | None,
    standard: str,
    date: str,
    served: int,
    expected: list[str],
) -> None:
    document = _document(kind, start, end, standard, date)
    assert served == serving_year(document)
    findings = _standard_findings(document)
    assert [(where, Severity.ERROR, "dates.standard-period") for where in expected] == findings


def test_a_2026_plan_under_decree_351_applies_decree_07_criteria() -> None:
    # Decree 351/2025 keeps Decree 07/2021 art. 3 for 2026 and applies its own from 2027.
    plan_2026 = _document("plan", 2026, None, "decree-351-2025", "2026-01")
    assert (1_500_000, 2_000_000) == (
        standard_of(plan_2026).poverty_line("rural"),
        standard_of(plan_2026).poverty_line("urban"),
    )
    review_2026 = _document("review", 2026, None, "decree-351-2025", "2027-01-12")
    assert 2_200_000 == standard_of(review_2026).poverty_line("rural")
    unnamed = _document("review", 2026, None, None, "2027-01-12")
    assert "decree-351-2025" == standard_of(unnamed).id


def _with_components(document: Document, programme: str, codes: list[str]) -> Document:
    def build(code: str) -> ProjectComponent:
        children = [build(c) for c in codes if c.rsplit(".", 1)[0] == code and c != code]
        return ProjectComponent(code=code, name=f"Nội dung {code}", children=children)

    roots = [build(c) for c in codes if "." not in c]
    return attrs.evolve(document, programme=programme, components=roots, responsibilities=())


def _catalog_findings(document: Document) -> list[tuple[str, Severity]]:
    return [(f.location, f.severity) for f in check(document) if f.rule == "programme.catalog"]


def test_sub_components_of_the_2026_programme_check_without_alarm() -> None:
    plan = _document("plan", 2027, None, "decree-351-2025", "2027-01")
    codes = ["HP1", "HP1.ND1", "HP1.ND2", "HP1.ND2.1", "HP1.ND2.1.3", "HP2", "HP2.TDA1"]
    document = _with_components(plan, "resolution-257-2025", codes)
    assert [] == _catalog_findings(document)
    assert [] == [f for f in check(document) if f.rule == "dates.programme-period"]


def test_a_code_outside_an_unverified_catalog_is_only_a_warning() -> None:
    plan = _document("plan", 2027, None, "decree-351-2025", "2027-01")
    document = _with_components(plan, "resolution-257-2025", ["HP1", "HP3", "HP3.ND1"])
    assert [
        ("components/HP3", Severity.WARNING),
        ("components/HP3.ND1", Severity.WARNING),
    ] == _catalog_findings(document)


def test_a_code_outside_a_verified_catalog_stays_an_error() -> None:
    plan = _document("plan", 2024, None, "decree-07-2021", "2024-01")
    document = _with_components(plan, "decision-90-2022", ["DA3", "DA3.TDA1", "DA3.TDA5", "DA9"])
    assert [
        ("components/DA3.TDA5", Severity.ERROR),
        ("components/DA9", Severity.ERROR),
    ] == _catalog_findings(document)


@pytest.mark.parametrize(
    ("programme", "start", "end", "expected"),
    [
        ("decision-90-2022", 2021, 2025, []),
        ("decision-90-2022", 2021, 2042, ["period/end"]),
        ("decision-90-2022", 2019, 2022, ["period/start"]),
        ("decision-90-2022", 2027, 2027, ["period"]),
        ("resolution-257-2025", 2026, 2030, []),
        ("resolution-257-2025", 2027, 2042, ["period/end"]),
    ],
)
def test_a_plan_beyond_its_programme(
    programme: str, start: int, end: int, expected: list[str]
) -> None:
    plan = attrs.evolve(_document("plan", start, end, None, f"{start}-01"), programme=programme)
    found = [f.location for f in check(plan) if f.rule == "dates.programme-period"]
    assert expected == found


# -- properties --------------------------------------------------------------------------------

# The years each standard's act governs, from the design notes' table (DESIGN.md §3): Decision
# 59/2015 2016–2020 and kept for 2021; Decree 07/2021 2022–2025 and kept for 2026; Decree
# 351/2025 2026–2030 (Decree 07's criteria in 2026, its own from 2027).
GOVERNS = {
    "decision-59-2015": range(2016, 2022),
    "decree-07-2021": range(2022, 2027),
    "decree-351-2025": range(2026, 2031),
}

_standards = st.sampled_from(sorted(GOVERNS))


@given(st.integers(2014, 2030), _standards, st.sampled_from([(1, 1), (1, 3), (0, 10), (0, 12)]))
def test_a_periodic_review_is_judged_by_the_year_it_serves(
    year: int, standard: str, when: tuple[int, int]
) -> None:
    later, month = when
    review = _document("review", year, None, standard, f"{year + later}-{month:02d}")
    expected = [] if year + 1 in GOVERNS[standard] else ["period"]
    assert expected == [where for where, _, _ in _standard_findings(review)]


@given(st.integers(2014, 2030), _standards, st.integers(1, 9))
def test_a_mid_year_review_is_judged_by_its_own_year(year: int, standard: str, month: int) -> None:
    review = _document("review", year, None, standard, f"{year}-{month:02d}")
    expected = [] if year in GOVERNS[standard] else ["period"]
    assert expected == [where for where, _, _ in _standard_findings(review)]


@given(st.integers(2014, 2035), st.integers(0, 8), _standards)
def test_a_plan_is_judged_by_its_years(start: int, length: int, standard: str) -> None:
    end = start + length
    plan = _document("plan", start, end, standard, f"{start}-02")
    years = GOVERNS[standard]
    if not any(y in years for y in range(start, end + 1)):
        expected = ["period"]
    elif end > years[-1]:
        expected = ["period/end"]
    else:
        expected = []
    assert expected == [where for where, _, _ in _standard_findings(plan)]


_parts = st.tuples(st.sampled_from(["TDA", "ND", "HD", ""]), st.integers(1, 999))


@given(st.sampled_from(["HP1", "HP2"]), st.lists(_parts, max_size=3))
def test_every_code_below_a_2026_component_loads_and_is_in_the_catalog(
    top: str, parts: list[tuple[str, int]]
) -> None:
    code = ".".join([top, *(f"{prefix}{n}" for prefix, n in parts)])
    assert code == ProjectComponent(code=code, name="Nội dung").code
    assert code in programme_catalog("resolution-257-2025")


@pytest.mark.parametrize("standard", ["decree-07-2021", "decree-351-2025"])
def test_a_review_whose_date_is_not_printed_may_apply_either_years_standard(
    standard: str,
) -> None:
    # An excerpt may give a 2026 review with no date: it may be the periodic review (serving
    # 2027, Decree 351's criteria) or a mid-year one (2026, Decree 07's): neither is an error.
    dated = _document("review", 2026, None, standard, "2027-01-12")
    header = attrs.evolve(dated.header, date=None, source="https://example.org/ra-soat-2026")
    undated = attrs.evolve(dated, header=header)
    assert 2027 == serving_year(undated)
    assert [] == _standard_findings(undated)


def test_an_undated_review_under_a_standard_of_neither_year_is_found() -> None:
    dated = _document("review", 2026, None, "decision-59-2015", "2027-01-12")
    header = attrs.evolve(dated.header, date=None, source="https://example.org/ra-soat-2026")
    undated = attrs.evolve(dated, header=header)
    assert [("period", Severity.ERROR, "dates.standard-period")] == _standard_findings(undated)
