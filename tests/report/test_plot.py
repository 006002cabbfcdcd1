"""The charts: one mark per unit or component, heights read back equal to the values, and the
Bắc Kạn charts compared with reference images.

Reference images: ``baseline/<chart>-<lang>.png``, compared with
:func:`matplotlib.testing.compare.compare_images` at a tolerance of 2 (the RMS difference of
the pixels on a 0–255 scale).  That absorbs the anti-aliasing differences between
FreeType builds and matplotlib releases, while a bar of another height, a moved label or a
changed text fails.  compare_images rather than pytest-mpl: the same comparison without a
plugin and its command-line options, and the baselines are plain files made by
``MDPOVERTY_UPDATE_BASELINES=1 pytest tests/report/test_plot.py``.
"""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from matplotlib.patches import Rectangle
from matplotlib.testing.compare import compare_images

from mdpoverty.cli import main
from mdpoverty.cli.plans import template_text
from mdpoverty.errors import EmptyChartError
from mdpoverty.io.files import read_plan_text
from mdpoverty.model.document import Plan
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.report import MissingExtraError, plot

BASELINE = Path(__file__).parent / "baseline"
TOLERANCE = 2

# From the annex of the Bắc Kạn plan as printed: unit, start rate, end rate.
RATES = {
    "song-cau": ("1.15", "1.07"),
    "xuat-hoa": ("4.11", "3.87"),
    "duc-xuan": ("0.96", "0.92"),
    "nguyen-thi-minh-khai": ("0.56", "0.49"),
    "phung-chi-kien": ("0.59", "0.54"),
    "huyen-tung": ("5.28", "5.07"),
    "nong-thuong": ("3.71", "3.49"),
    "duong-quang": ("3.36", "3.24"),
}
# From section III.2 of the plan as printed: central, local (million VND); declared totals.
FUNDING = {
    "DA2": ("2264", "68"),
    "DA3.TDA1": ("919", "30"),
    "DA3.TDA2": ("73", "2"),
    "DA4.TDA1": ("262", "0"),
    "DA4.TDA3": ("502", "15"),
    "DA6.TDA1": ("60", "2"),
    "DA6.TDA2": ("105", "3"),
    "DA7.TDA1": ("306", "9"),
    "DA7.TDA2": ("184", "5"),
}
# Section II.2.b and II.2.a: the share targets, in percent.
SHARES = {
    "officer-training": "100",
    "employment-counselling": "100",
    "health-insurance": "100",
    "education-school-attendance": "99",
    "education-vocational-training": "100",
    "water-domestic": "100",
    "water-latrine": "63.5",
    "information-telecom": "88",
    "information-means": "95",
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return bac_kan_2024()


def _read(drawn: float) -> Decimal:
    """A drawn value read back: the shortest decimal that is that float (1.15, not 1.1499…)."""
    return Decimal(str(float(drawn)))


def _bars(figure: object, prefix: str) -> dict[str, Rectangle]:
    axes = figure.axes[0]  # type: ignore[attr-defined]
    return {
        (p.get_gid() or "").removeprefix(prefix): p
        for p in axes.patches
        if isinstance(p, Rectangle) and (p.get_gid() or "").startswith(prefix)
    }


def test_rates_has_one_bar_per_unit_and_series_at_its_rate(plan: Plan) -> None:
    figure = plot.rates(plan)
    start, end = _bars(figure, "rates/start/"), _bars(figure, "rates/end/")
    assert {u: Decimal(s) for u, (s, _) in RATES.items()} == {
        u: _read(p.get_height()) for u, p in start.items()
    }
    assert {u: Decimal(e) for u, (_, e) in RATES.items()} == {
        u: _read(p.get_height()) for u, p in end.items()
    }
    # sorted by the start rate, highest first
    order = sorted(start, key=lambda u: start[u].get_x())
    assert sorted(RATES, key=lambda u: -Decimal(RATES[u][0])) == order


def test_funding_has_one_stack_per_component_at_its_amounts(plan: Plan) -> None:
    figure = plot.funding(plan)
    central, local = _bars(figure, "funding/central/"), _bars(figure, "funding/local/")
    assert {c: Decimal(v) for c, (v, _) in FUNDING.items()} == {
        c: _read(p.get_height()) for c, p in central.items()
    }
    assert {c: Decimal(v) for c, (_, v) in FUNDING.items()} == {
        c: _read(p.get_height()) for c, p in local.items()
    }
    for code, bar in local.items():  # stacked on the central budget
        assert bar.get_y() == central[code].get_y() + central[code].get_height()
    marks = {
        line.get_gid(): np.asarray(line.get_ydata(), dtype=float).tolist()
        for line in figure.axes[0].lines
        if line.get_gid()
    }
    assert ["funding/declared/DA3.TDA1"] == list(marks)
    assert [1021.0, 1021.0] == marks["funding/declared/DA3.TDA1"]


def test_deficits_has_one_bar_per_share_target_at_its_value(plan: Plan) -> None:
    figure = plot.deficits(plan)
    bars = _bars(figure, "deficits/")
    assert {k: Decimal(v) for k, v in SHARES.items()} == {
        k: _read(p.get_width()) for k, p in bars.items()
    }
    labels = [t.get_text() for t in figure.axes[0].texts]
    assert "≥ 63,5%" in labels


@pytest.mark.parametrize("name", sorted(plot.CHARTS))
def test_english_charts_have_english_titles_and_legends(plan: Plan, name: str) -> None:
    axes = plot.CHARTS[name](plan, "en").axes[0]
    legend = axes.get_legend()
    texts = [axes.get_title(), axes.get_xlabel(), axes.get_ylabel()]
    texts += [t.get_text() for t in legend.get_texts()] if legend else []
    assert [] == [t for t in texts if any(c.isalpha() and ord(c) > 127 for c in t)]


def test_an_svg_is_the_same_on_every_run(plan: Plan) -> None:
    assert plot.to_svg(plot.rates(plan)) == plot.to_svg(plot.rates(plan))
    assert "<dc:date>" not in plot.to_svg(plot.rates(plan))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(plot.CHARTS))
def test_the_bac_kan_charts_match_their_reference_images(
    plan: Plan, name: str, lang: str, tmp_path: Path
) -> None:
    actual = tmp_path / f"{name}-{lang}.png"
    plot.save(plot.CHARTS[name](plan, lang), actual)  # type: ignore[arg-type]
    expected = BASELINE / actual.name
    if os.environ.get("MDPOVERTY_UPDATE_BASELINES") == "1":
        expected.write_bytes(actual.read_bytes())
    assert compare_images(str(expected), str(actual), tol=TOLERANCE) is None


def test_the_chart_command_writes_png_and_svg(tmp_path: Path) -> None:
    png, svg = tmp_path / "rates.png", tmp_path / "funding.svg"
    assert 0 == main(["chart", "--example", "bac-kan-2024", "--what", "rates", "-o", str(png)])
    assert 0 == main(
        ["chart", "--example", "bac-kan-2024", "--what", "funding", "--lang", "en", "-o", str(svg)]
    )
    assert png.read_bytes().startswith(b"\x89PNG")
    assert "<svg" in svg.read_text("utf-8")


def test_the_chart_command_refuses_another_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rates.pdf"
    assert 2 == main(
        ["chart", "--example", "bac-kan-2024", "--what", "rates", "--lang", "en", "-o", str(out)]
    )
    assert ".png or .svg" in capsys.readouterr().err
    assert not out.exists()


def test_the_report_command_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert 0 == main(["report", "--example", "bac-kan-2024", "-o", str(out)])
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_a_missing_extra_is_named(
    plan: Plan, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'mdpoverty\[report\]'"):
        __import__("mdpoverty").report.html_report(plan)
    assert 2 == main(["report", "--example", "bac-kan-2024", "-o", str(tmp_path / "r.html")])
    assert "mdpoverty[report]" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match="matplotlib"):
        plot.rates(plan)


DOCS_IMAGES = Path(__file__).parents[2] / "docs" / "images"


@pytest.mark.parametrize("image", sorted(p.name for p in DOCS_IMAGES.glob("*.png")))
def test_the_charts_the_docs_and_readme_show_are_current(
    plan: Plan, image: str, tmp_path: Path
) -> None:
    name, lang = image.removesuffix(".png").split("-")
    actual = tmp_path / image
    plot.save(plot.CHARTS[name](plan, lang), actual)  # type: ignore[arg-type]
    assert compare_images(str(DOCS_IMAGES / image), str(actual), tol=TOLERANCE) is None


def test_a_chart_with_nothing_to_draw_is_refused_by_the_library() -> None:
    review = read_plan_text(template_text("review", "province"))  # no unit counts, no funding
    for what in ("rates", "funding"):
        with pytest.raises(EmptyChartError, match="nothing to draw"):
            plot.require_drawn(plot.CHARTS[what](review, "vi"), what)
    plot.require_drawn(plot.rates(bac_kan_2024()), "rates")  # eight units' bars: drawn
