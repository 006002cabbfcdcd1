"""The worked example's published text, imported, gives the bundled plan's header, annex and
funding exactly, every value traced to its place; the draft loads and its checks find the
document's real defects."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from mdpoverty.checks import check
from mdpoverty.cli import main
from mdpoverty.errors import PlanFileError
from mdpoverty.io.files import load_plan, plan_from_data
from mdpoverty.reading import Draft, draft_yaml, read_published, sources_csv
from mdpoverty.reference.datasets import example
from mdpoverty.values.quantities import Quantity

ANNEX_NUMBERS = (
    "households",
    "poor_households",
    "start_rate",
    "reduction",
    "rate_reduction",
    "end_rate",
)


@pytest.fixture(scope="module")
def draft() -> Draft:
    return read_published(Path(__file__).parent / "data" / "bac-kan-2024-plan.vi.txt")


def test_header_is_the_bundled_plans(draft: Draft) -> None:
    read = plan_from_data(draft.data).header
    assert read == example("bac-kan-2024").header


def test_legal_bases_are_the_bundled_plans(draft: Draft) -> None:
    read = plan_from_data(draft.data).legal_bases
    shipped = example("bac-kan-2024").legal_bases
    assert [(b.kind, b.number, b.date, b.issuer, b.title) for b in read] == [
        (b.kind, b.number, b.date, b.issuer, b.title) for b in shipped
    ]


def test_annex_is_the_bundled_plans_54_printed_cells(draft: Draft) -> None:
    annex = plan_from_data(draft.data).annex
    assert annex == example("bac-kan-2024").annex
    assert annex is not None
    assert annex.total is not None
    places: list[tuple[tuple[str | int, ...], object]] = [
        *((("annex", "rows", i), r) for i, r in enumerate(annex.rows)),
        (("annex", "total"), annex.total),
    ]
    cells = [
        (where, field)
        for where, row in places
        for field in ANNEX_NUMBERS
        if getattr(row, field) is not None
    ]
    assert len(cells) == 54
    for where, field in cells:  # each traced to its cell, with the text as printed
        trace = draft.source_of((*where, field))
        assert trace is not None
        assert trace.place.row is not None
        assert trace.place.column is not None
    assert draft.source_of(("annex", "rows", 0, "households")).text == "2.347"  # type: ignore[union-attr]


def test_every_amount_the_text_states(draft: Draft) -> None:
    read = plan_from_data(draft.data)
    shipped = example("bac-kan-2024")
    for component in shipped.all_components():
        if component.funding is None:  # activities (Hoạt động) state no amounts
            continue
        assert read.component(component.code).funding == component.funding, component.code
    funded = [c.code for c in read.all_components() if c.funding is not None]
    assert len(funded) == 9
    trace = draft.source_of(("components", 1, "children", 0, "funding", "central"))
    assert trace is not None
    assert trace.text == "Ngân sách trung ương 919 triệu đồng"
    assert trace.place.paragraph == 117  # the line of the published text


def test_stated_targets_and_units(draft: Draft) -> None:
    read = plan_from_data(draft.data)
    shipped = example("bac-kan-2024")
    key = lambda t: (t.measure, t.about, t.value, t.section)  # noqa: E731
    assert sorted(map(key, read.targets), key=str) == sorted(map(key, shipped.targets), key=str)
    assert [
        (u.id, u.name, u.kind, u.code, u.households, u.poor_households) for u in read.units
    ] == [(u.id, u.name, u.kind, u.code, u.households, u.poor_households) for u in shipped.units]


def test_nothing_is_a_gap_and_the_checks_find_the_real_defects(draft: Draft) -> None:
    assert draft.gaps == ()
    rules = {f.rule for f in check(plan_from_data(draft.data)).findings}
    assert {"funding.sources-sum", "dates.annex"} <= rules


def test_the_yaml_carries_each_source_on_its_line_and_loads(draft: Draft, tmp_path: Path) -> None:
    text = draft_yaml(draft)
    line = next(x for x in text.splitlines() if x.strip().startswith("central: 919"))
    assert '"Ngân sách trung ương 919 triệu đồng"' in line
    assert "đoạn 117" in line  # the place, in the language of the draft (here vi)
    assert "paragraph 117" in draft_yaml(draft, "en")
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_plan(path) == plan_from_data(draft.data)


def test_sources_csv_has_a_row_per_value(draft: Draft) -> None:
    rows = list(csv.DictReader(io.StringIO(sources_csv(draft))))
    assert len(rows) == len(draft.sources)
    total = next(r for r in rows if r["path"] == "components/1/children/0/funding/total")
    assert total["text"] == "Kế hoạch vốn thực hiện: 1.021 triệu đồng"
    assert total["paragraph"] == "117"


def test_command_writes_draft_and_sidecar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft.yaml"
    source = Path(__file__).parent / "data" / "bac-kan-2024-plan.vi.txt"
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert (tmp_path / "draft.sources.csv").exists()
    assert main(["check", str(out)]) == 1
    assert "funding.sources-sum" in capsys.readouterr().out


@pytest.mark.parametrize("suffix", [".doc", ".xls"])
def test_old_formats_say_what_to_do(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"old{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(PlanFileError, match="save it as"):
        read_published(path)


def test_a_value_missing_from_the_text_is_a_gap_not_a_value(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "KẾ HOẠCH\nGiảm nghèo năm 2024 trên địa bàn huyện Na Rì\n\n"
        "I. MỤC TIÊU\n\n1. Mục tiêu: Giảm 5 hộ nghèo.\n",
        encoding="utf-8",
    )
    draft = read_published(path)
    gaps = {"/".join(map(str, g.path)) for g in draft.gaps}
    assert {"header/date", "header/issuer"} <= gaps
    assert "date" not in draft.data["header"]
    document = plan_from_data(draft.data)
    assert [t.value for t in document.targets] == [Quantity(5)]


def test_unit_kind_abbreviations_are_written_out(tmp_path: Path) -> None:
    header = "STT\tTên đơn vị\tTổng số hộ\tSố hộ nghèo\tGiảm số hộ nghèo (hộ)"
    rows = ["1\tX. Cao Sơn\t1.200\t150\t10", "2\tTT. Phủ Thông\t2.000\t40\t2"]
    rows += ["3\tTP. Bắc Kạn\t12.281\t241\t13", "4\tP. Sông Cầu\t2.347\t27\t2"]
    path = tmp_path / "bieu.txt"
    path.write_text(
        "KẾ HOẠCH\nGiảm nghèo năm 2024 trên địa bàn tỉnh Bắc Kạn\n\n"
        "BIỂU MỤC TIÊU\n" + "\n".join([header, *rows]) + "\n",
        encoding="utf-8",
    )
    document = plan_from_data(read_published(path).data)
    assert [
        ("Xã Cao Sơn", "commune"),
        ("Thị trấn Phủ Thông", "township"),
        ("Thành phố Bắc Kạn", "city"),
        ("Phường Sông Cầu", "ward"),
    ] == [(u.name, u.kind.value) for u in document.units]
    assert [1200, 2000, 12281, 2347] == [u.households for u in document.units]
