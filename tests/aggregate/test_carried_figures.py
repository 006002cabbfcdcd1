"""Every figure about a document's units carried into the units of 2025: printed or blank.

The reviews below are written by hand; the expected cells are their printed figures, sums of
them worked out by hand, or blanks.  Resolution 1683/NQ-UBTVQH15 clause 64 forms xã Phong Quang
of Dương Quang and Đôn Phong; clause 90 forms phường Bắc Kạn of Sông Cầu, Phùng Chí Kiên, Xuất
Hóa and Nông Thượng (tests/reference/test_admin_units.py checks both against the text).
"""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from mdpoverty import html_report
from mdpoverty.aggregate.carried_figures import carry_everything, carry_figures, carry_figures_back
from mdpoverty.aggregate.carry_over import carry_over
from mdpoverty.cli import main
from mdpoverty.io.files import read_plan_text
from mdpoverty.model.document import Document
from mdpoverty.reference.admin_units import basis_of
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.values.quantities import Quantity

REVIEW_2026 = """\
kind: review
header: {issuer: UBND tỉnh Thái Nguyên, date: 2026-12-20, title: KẾT QUẢ RÀ SOÁT NĂM 2026}
area: {name: Thái Nguyên, kind: province}
period: {start: 2026, end: 2026}
units:
  - {id: ba-be, name: Xã Ba Bể, kind: commune, code: "01906"}
  - {id: cho-ra, name: Xã Chợ Rã, kind: commune, code: "01912"}
figures:
  - {group: all, about: ba-be, count: 4000}
  - {group: poor, about: ba-be, count: 400, rate: 10.00}
  - {group: near-poor, about: ba-be, count: 300, rate: 7.50}
  - {group: all, about: cho-ra, count: 3000}
  - {group: poor, about: cho-ra, count: 150, rate: 5.00}
"""

REVIEW_2024 = """\
kind: review
header: {issuer: UBND tỉnh Bắc Kạn, date: 2024-12-20, title: KẾT QUẢ RÀ SOÁT NĂM 2024}
area: {name: Bắc Kạn, kind: province}
period: {start: 2024, end: 2024}
units:
  - {id: duong-quang, name: Xã Dương Quang, kind: commune, code: "01849"}
  - {id: don-phong, name: Xã Đôn Phong, kind: commune, code: "01984"}
  - {id: song-cau, name: Phường Sông Cầu, kind: ward, code: "01837"}
figures:
  - {group: all, about: duong-quang, count: 860}
  - {group: poor, about: duong-quang, count: 30}
  - {group: all, about: don-phong, count: 500}
  - {group: poor, about: don-phong, count: 50}
  - {group: all, about: song-cau, count: 2350}
"""


@pytest.fixture
def review_2026() -> Document:
    return read_plan_text(REVIEW_2026)


@pytest.fixture
def review_2024() -> Document:
    return read_plan_text(REVIEW_2024)


def cell(frame: pd.DataFrame, code: str, group: str, column: str) -> Any:
    rows = frame.loc[[code]]
    return rows[rows["group"] == group][column].iloc[0]


def test_a_review_in_the_new_units_shows_its_printed_figures_or_blanks(
    review_2026: Document,
) -> None:
    table = carry_figures(review_2026)
    assert 4000 == cell(table, "01906", "all", "count")
    assert (400, Decimal("10.00")) == (
        cell(table, "01906", "poor", "count"),
        cell(table, "01906", "poor", "rate"),
    )
    assert 150 == cell(table, "01912", "poor", "count")
    # Chợ Rã prints no near-poor figure: blank and incomplete, never 0.
    assert pd.isna(cell(table, "01912", "near-poor", "count"))
    assert not cell(table, "01912", "near-poor", "complete")


def test_the_start_of_year_table_of_units_without_counts_is_blank_not_zero(
    review_2026: Document,
) -> None:
    table = carry_over(review_2026)
    assert table["households"].isna().all()
    assert table["poor_households"].isna().all()
    assert not table["complete"].any()


def test_the_annex_in_2025_units_prints_the_review_figures_never_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "review-2026.yaml"
    path.write_text(REVIEW_2026, encoding="utf-8")
    assert 0 == main(["annex", str(path), "--units", "2025"])
    out = capsys.readouterr().out
    lines = {tuple(line.split()[:1] + line.split()[-2:]) for line in out.splitlines()}
    assert ("01906", "4.000", "–") in lines
    assert ("01906", "400", "10,00") in lines
    assert ("01912", "–", "–") in lines  # the near-poor figure Chợ Rã does not print
    assert not re.search(r"\s0\s", out)


def test_old_figures_sum_where_the_new_unit_is_whole_and_are_blank_elsewhere(
    review_2024: Document,
) -> None:
    table = carry_figures(review_2024)
    # Phong Quang = Dương Quang + Đôn Phong: 860 + 500 households, 30 + 50 poor, 80/1360.
    assert 1360 == cell(table, "01849", "all", "count")
    assert (80, Decimal("5.88")) == (
        cell(table, "01849", "poor", "count"),
        cell(table, "01849", "poor", "rate"),
    )
    # Bắc Kạn takes in three units the review does not cover: every figure blank.
    assert table.loc[["01843"], "count"].isna().all()
    assert "kế hoạch không bao gồm" in cell(table, "01843", "all", "why")  # said in Vietnamese
    english = carry_figures(review_2024, lang="en")
    assert "does not cover" in cell(english, "01843", "all", "why")


def test_carrying_back_a_merged_unit_divides_nothing(review_2026: Document) -> None:
    table = carry_figures_back(review_2026)
    assert table["count"].isna().all()
    assert not table["complete"].any()


def report_sections(document: Document) -> list[str]:
    return re.findall(r'<section id="section-([a-z_-]+)"', html_report(document))


def carry_text(document: Document) -> str:
    page = html_report(document)
    start = page.index('<section id="section-carry_over"')
    body = page[start : page.index("</section>", start)]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_the_2025_units_section_is_only_for_documents_in_the_former_units(
    review_2024: Document, review_2026: Document
) -> None:
    assert "new" == basis_of(review_2026)
    assert "carry_over" not in report_sections(review_2026)
    assert "carry_over" in report_sections(review_2024)
    text = carry_text(review_2024)
    assert "Xã Dương Quang (01849); Xã Đôn Phong (01984) → Xã Phong Quang (01849)" in text
    assert "1.360" in text


def test_the_incomplete_note_only_when_a_row_is_incomplete(review_2024: Document) -> None:
    note = "Dòng chưa đủ"
    assert note in carry_text(review_2024)  # phường Bắc Kạn is incomplete
    whole = review_2024.__class__(
        **{
            **{f: getattr(review_2024, f) for f in ("header", "area", "period")},
            "units": review_2024.units[:2],
            "figures": review_2024.figures[:4],
        }
    )
    assert note not in carry_text(whole)


def test_the_bac_kan_plan_still_carries_its_annex() -> None:
    table = carry_over(bac_kan_2024())
    assert [5292, 6126] == [int(h) for h in table["households"].dropna()]


def test_the_annex_in_2025_units_as_csv_gives_the_figures_where_units_give_no_counts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "review-2026.yaml"
    path.write_text(REVIEW_2026, encoding="utf-8")
    assert 0 == main(["annex", str(path), "--units", "2025", "--format", "csv"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("code,name,province,group,time,year,count,rate,complete")
    assert any(
        line.startswith("01906,Xã Ba Bể,Tỉnh Thái Nguyên,poor,end,2026,400,10.00,True")
        for line in lines
    )
    assert any(
        line.startswith("01912,Xã Chợ Rã,Tỉnh Thái Nguyên,near-poor,end,2026,,,False")
        for line in lines
    )


def test_the_2025_units_section_shows_the_flows_a_review_prints_about_its_units() -> None:
    # A review of 2024 that prints, for Dương Quang and Đôn Phong (both whole in Phong Quang),
    # the poor who escaped and the fall of the year: 12 + 8 = 20 escaped, 15 + 10 = 25 fewer.
    review = read_plan_text(
        REVIEW_2024
        + """\
  - {group: poor, about: duong-quang, flow: escaped, count: 12}
  - {group: poor, about: don-phong, flow: escaped, count: 8}
  - {group: poor, about: duong-quang, flow: fall, count: 15}
  - {group: poor, about: don-phong, flow: fall, count: 10}
"""
    )
    table = carry_figures(review)
    rows = table.loc[["01849"]]
    flows = rows[rows["time"].isin(["escaped", "fall"])]
    assert [("escaped", 20), ("fall", 25)] == list(zip(flows["time"], flows["count"], strict=True))
    text = carry_text(review)
    assert "hộ nghèo thoát trong năm 2024 20" in text
    assert "hộ nghèo giảm trong năm 2024 25" in text


def test_carry_everything_gives_the_counts_where_units_give_them_and_the_figures_where_any(
    review_2026: Document,
) -> None:
    counts, figures = carry_everything(review_2026)  # figures, no counts: no table of blanks
    assert counts is None
    assert figures is not None
    assert 4000 == cell(figures, "01906", "all", "count")
    counts, figures = carry_everything(bac_kan_2024())  # a plan's annex: counts, no figures
    assert figures is None
    assert counts is not None
    assert [5292, 6126] == [int(h) for h in counts["households"].dropna()]


def test_a_ranged_figure_carried_through_a_merge_sums_bound_by_bound(
    review_2024: Document,
) -> None:
    # Dương Quang prints 25–35 poor households, Đôn Phong 50: Phong Quang has 75–85, the lower
    # bounds summed and the upper bounds summed.  A sum of a range has no one rate: blank.
    text = REVIEW_2024.replace(
        "{group: poor, about: duong-quang, count: 30}",
        "{group: poor, about: duong-quang, count: {low: 25, high: 35}}",
    )
    table = carry_figures(read_plan_text(text))
    assert Quantity(75, 85) == cell(table, "01849", "poor", "count")
    assert cell(table, "01849", "poor", "rate") is pd.NA
    assert 1360 == cell(table, "01849", "all", "count")
    # The exact review still has a column of integers.
    assert carry_figures(review_2024)["count"].dtype == "Int64"
