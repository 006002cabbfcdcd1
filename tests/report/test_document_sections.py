"""The report of a review and of an implementation report: their figures and results."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from mdpoverty import html_report, load_plan

DATA = Path(__file__).parents[1] / "data"


def _sections(page: str) -> list[str]:
    return re.findall(r'<section id="section-([a-z_-]+)"', page)


def _text(page: str, key: str) -> str:
    start = page.index(f'<section id="section-{key}"')
    body = page[start : page.index("</section>", start)]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


# Each figure's count and rate as the review prints it (Vietnamese: 1.050 and 10,42), written
# out here rather than formatted by the formatter the section uses.  Rates by their text: 2,0
# and 2,00 are different prints of equal numbers.
# fmt: off
_PRINTED: dict[str, dict[int | str, str]] = {
    "province-review-2024": {
        700: "700", 900: "900", 1050: "1.050", 1200: "1.200", 1500: "1.500",
        1750: "1.750", 1800: "1.800", 2000: "2.000", 2500: "2.500", 2700: "2.700",
        2900: "2.900", 3200: "3.200", 3600: "3.600", 4000: "4.000", 5250: "5.250",
        6300: "6.300", 8150: "8.150", 9900: "9.900", 25000: "25.000", 30000: "30.000",
        35000: "35.000", 40000: "40.000", 60000: "60.000", 95000: "95.000",
        "2.0": "2,0", "3.0": "3,0", "3.00": "3,00", "3.79": "3,79", "4.8": "4,8",
        "5.0": "5,0", "5.00": "5,00", "6.00": "6,00", "6.63": "6,63", "8.00": "8,00",
        "8.8": "8,8", "9.00": "9,00", "10.00": "10,00", "10.42": "10,42", "13.6": "13,6",
        "16.00": "16,00",
    },
    "national-review-2023": {
        1000: "1.000", 1100: "1.100", 1500: "1.500", 3600: "3.600", 4000: "4.000",
        4700: "4.700", 5500: "5.500", 7600: "7.600", 11200: "11.200", 15000: "15.000",
        18000: "18.000", 20000: "20.000", 22000: "22.000", 35000: "35.000",
        38000: "38.000", 40000: "40.000", 50000: "50.000", 125000: "125.000",
        "2.00": "2,00", "5.00": "5,00", "8.96": "8,96", "10.00": "10,00", "11.75": "11,75",
        "15.71": "15,71", "20.00": "20,00",
    },
}
# fmt: on


@pytest.mark.parametrize("name", ["province-review-2024", "national-review-2023"])
def test_a_review_shows_its_figures_and_no_annex_of_targets(name: str) -> None:
    review = load_plan(DATA / f"{name}.yaml")
    page = html_report(review)
    assert "figures" in _sections(page)
    assert not {"annex", "rates"} & set(_sections(page))
    shown = _text(page, "figures")
    printed = _PRINTED[name]
    for figure in review.figures:  # every printed count and rate, as printed
        if figure.exact_count is not None:
            assert printed[figure.exact_count] in shown
        if figure.exact_rate is not None:
            assert printed[str(figure.exact_rate)] in shown


def test_a_report_shows_each_target_met_or_not() -> None:
    report = load_plan(DATA / "report-2024.yaml")
    page = html_report(report, "en")
    assert "results" in _sections(page)
    rows = re.findall(r'<tr id="at-targets/\d+"', page)
    assert len(report.targets) == len(rows)
    assert "Results against the targets" in page


def test_a_plan_with_figures_and_targets_shows_no_results() -> None:
    # A plan's figures are where it starts from, not results against its targets: the page is
    # written (it failed, asking for the outcome the results are read from) without them.
    plan = load_plan(DATA / "province-plan-2024.yaml")
    assert plan.figures
    assert plan.targets
    page = html_report(plan)
    assert "results" not in _sections(page)
    assert "annex" in _sections(page)
