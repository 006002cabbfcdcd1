"""The report of a review and of an implementation report: their figures and results."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from mdpoverty import html_report, load_plan
from mdpoverty.tables.figure_tables import cell_text

DATA = Path(__file__).parents[1] / "data"


def _sections(page: str) -> list[str]:
    return re.findall(r'<section id="section-([a-z_-]+)"', page)


def _text(page: str, key: str) -> str:
    start = page.index(f'<section id="section-{key}"')
    body = page[start : page.index("</section>", start)]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.mark.parametrize("name", ["province-review-2024", "national-review-2023"])
def test_a_review_shows_its_figures_and_no_annex_of_targets(name: str) -> None:
    review = load_plan(DATA / f"{name}.yaml")
    page = html_report(review)
    assert "figures" in _sections(page)
    assert not {"annex", "rates"} & set(_sections(page))
    shown = _text(page, "figures")
    for figure in review.figures:  # every printed count and rate, as printed
        if figure.count is not None:
            assert cell_text(figure.count, "vi") in shown
        if figure.rate is not None:
            assert cell_text(figure.rate, "vi") in shown


def test_a_report_shows_each_target_met_or_not() -> None:
    report = load_plan(DATA / "report-2024.yaml")
    page = html_report(report, "en")
    assert "results" in _sections(page)
    rows = re.findall(r'<tr id="at-targets/\d+"', page)
    assert len(report.targets) == len(rows)
    assert "Results against the targets" in page
