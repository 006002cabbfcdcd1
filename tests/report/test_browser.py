"""The report in a real browser: headless Chromium (Debian's package) with the network blocked.

Driven by Playwright's Python API pointed at the system's Chromium: Playwright's own browser
downloads are never used.  Without Chromium the test skips on a developer's machine and fails
under CI (``CI=true``), where ``.ci/run`` installs it.  Screenshots and the PDF go to pytest's
``tmp_path``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.report import anchor, write_html_report

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

CHROMIUM_NAMES = ("chromium", "chromium-browser")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
A4_PRINTABLE_PX = 703  # 210 mm less the page's 12 mm margins, at 96 px an inch


def _chromium() -> str:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    message = "Chromium is not installed (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}: under CI the browser test must run")
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = _chromium()
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        # Every launch gets a fresh profile of Playwright's making (it refuses --user-data-dir).
        launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "bac-kan-2024.html"
    write_html_report(bac_kan_2024(), path)
    return path


@pytest.fixture
def page(browser: Browser, report_file: Path) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    requested: list[str] = []

    def route(request_route: Route) -> None:
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        else:
            requested.append(url)
            request_route.abort()

    context.route("**/*", route)
    opened = context.new_page()
    opened.goto(report_file.as_uri(), wait_until="load")
    yield opened, requested
    context.close()


def test_every_chart_is_visible_and_nothing_is_fetched(
    page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    opened, requested = page
    charts = opened.locator("figure.chart svg")
    assert 3 == charts.count()
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert chart.is_visible()
        assert box is not None
        assert box["width"] > 100
        assert box["height"] > 100
        chart.screenshot(path=tmp_path / f"chart-{i}.png")
    opened.screenshot(path=tmp_path / "page.png", full_page=True)
    assert [] == requested


def test_a_findings_link_brings_its_place_into_view(
    page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    opened, requested = page
    target = anchor("components/DA3.TDA1/funding")
    opened.evaluate("window.scrollTo(0, 0)")
    assert not _in_view(opened, target)
    opened.locator(f'a.location[href="#{target}"]').click()
    opened.wait_for_function(f"location.hash === '#{target}'")
    assert _in_view(opened, target)
    opened.screenshot(path=tmp_path / "finding-target.png")
    assert [] == requested


def _in_view(opened: Page, element_id: str) -> bool:
    return bool(
        opened.evaluate(
            """id => { const r = document.getElementById(id).getBoundingClientRect();
                       return r.height > 0 && r.top >= -1
                              && r.bottom <= window.innerHeight + 1; }""",
            element_id,
        )
    )


def test_the_page_prints_on_a4_without_cut_tables(
    page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    opened, requested = page
    opened.emulate_media(media="print")
    opened.set_viewport_size({"width": A4_PRINTABLE_PX, "height": 1000})
    too_wide = opened.evaluate(
        """width => [...document.querySelectorAll('table, figure')]
               .filter(e => e.getBoundingClientRect().right > width + 1
                            || e.scrollWidth > e.clientWidth + 1)
               .map(e => e.className || e.tagName)""",
        A4_PRINTABLE_PX,
    )
    assert [] == too_wide
    pdf = tmp_path / "report.pdf"
    opened.pdf(path=pdf, format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2
    assert [] == requested


# Huyện Bắc's poor at the end of the year (figure 45), printed 10 more than its flows give.
_FLOWS = Path(__file__).parents[1] / "data" / "province-review-flows-2024.yaml"
_BAC_POOR_END = "{group: poor, about: huyen-bac, count: 1200,"


@pytest.fixture
def flows_page(browser: Browser, tmp_path: Path) -> Iterator[tuple[Page, list[str]]]:
    from mdpoverty.io.files import read_plan_text  # noqa: PLC0415

    text = _FLOWS.read_text("utf-8").replace(_BAC_POOR_END, _BAC_POOR_END.replace("1200", "1210"))
    path = tmp_path / "review-flows.html"
    write_html_report(read_plan_text(text), path)
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    requested: list[str] = []

    def route(request_route: Route) -> None:
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            requested.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    opened = context.new_page()
    opened.goto(path.as_uri(), wait_until="load")
    yield opened, requested
    context.close()


def test_the_review_form_links_its_cell_and_finding_both_ways(
    flows_page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    opened, requested = flows_page
    cell = anchor("figures/45/count")
    finding = "finding-flows.identity/figures/45/count"
    opened.evaluate("window.scrollTo(0, 0)")
    opened.locator(f'a.finding-link[href="#{finding}"]').click()
    opened.wait_for_function(f"location.hash === '#{finding}'")
    assert _in_view(opened, finding)
    opened.locator(f'#{_css(finding)} a.location[href="#{cell}"]').click()
    opened.wait_for_function(f"location.hash === '#{cell}'")
    assert _in_view(opened, cell)
    opened.screenshot(path=tmp_path / "form-cell.png")
    # printed on A4 the form's 23 columns fit the page's width, as every table of the page
    opened.emulate_media(media="print")
    opened.set_viewport_size({"width": A4_PRINTABLE_PX, "height": 1000})
    too_wide = opened.evaluate(
        """width => [...document.querySelectorAll('table, figure')]
               .filter(e => e.getBoundingClientRect().right > width + 1
                            || e.scrollWidth > e.clientWidth + 1)
               .map(e => (e.className || e.tagName) + ' ' + e.getBoundingClientRect().right)""",
        A4_PRINTABLE_PX,
    )
    assert [] == too_wide
    assert [] == requested


def _css(element_id: str) -> str:
    return "".join(f"\\{c}" if c in "./" else c for c in element_id)
