"""Laws of the report over generated plans: every place a finding is about is in the page, and
every chart draws the plan's own values, one mark each."""

from __future__ import annotations

from decimal import Decimal
from unittest import mock

from hypothesis import HealthCheck, given, settings
from matplotlib.patches import Rectangle

from mdpoverty import check
from mdpoverty.model.document import Plan
from mdpoverty.report import _plan_sections, html_report, plot
from mdpoverty.testing import plans

from ._page import Page

# A report draws three charts: a few plans per run keep the suite quick, every run draws anew.
_FEW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(plans(max_units=6))
def test_every_finding_links_to_a_place_in_the_page(plan: Plan) -> None:
    # The links, not the charts, are under test (the chart properties below draw them): a
    # placeholder in each chart's place lets the property see as many plans as the others.
    with mock.patch.object(_plan_sections, "_chart", return_value="<svg></svg>"):
        page = Page(html_report(plan, "en"))
    assert [] == page.duplicate_ids
    links = [
        e.attributes.get("href", "")
        for e in page.elements
        if e.tag == "a" and "location" in e.attributes.get("class", "")
    ]
    findings = [e for e in page.elements if "finding" in e.attributes.get("class", "").split()]
    assert len(check(plan)) == len(findings)
    assert [] == [link for link in links if link[1:] not in page.ids]
    for unit in plan.units:
        assert f"at-annex/rows/{unit.id}" in page.ids or f"at-units/{unit.id}" in page.ids


@_FEW
@given(plans(max_units=6))
def test_the_rates_chart_draws_each_units_derived_start_rate_once(plan: Plan) -> None:
    figure = plot.rates(plan)
    drawn = {
        (p.get_gid() or "").removeprefix("rates/start/"): Decimal(str(float(p.get_height())))
        for p in figure.axes[0].patches
        if isinstance(p, Rectangle) and (p.get_gid() or "").startswith("rates/start/")
    }
    # Expected: the annex as printed, which the plans' independent oracle wrote (the chart
    # draws the library's derived rates; a consistent plan prints the same).
    assert plan.annex is not None
    assert {r.unit: r.start_rate for r in plan.annex.rows} == drawn
