"""The bundled Bắc Kạn plan against its source document.

Golden values are transcribed by hand from ``examples/sources/bac-kan-2024-plan.vi.txt`` (section
numbers given with each); the last test checks mechanically that every line of the source is
held by the plan, so that nothing is dropped.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from mdpoverty import (
    CapitalKind,
    DocumentKind,
    FundingSourceKind,
    IndicatorKind,
    Level,
    Measure,
    PartialDate,
    Quantity,
    UnitKind,
)
from mdpoverty.io.files import plan_to_data
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import EXAMPLES, bac_kan_2024, example, example_path
from mdpoverty.reference.standards import standard_of

SOURCE = Path(__file__).parents[2] / "examples" / "sources" / "bac-kan-2024-plan.vi.txt"


@pytest.fixture(scope="module")
def plan() -> Document:
    return bac_kan_2024()


def test_header(plan: Document) -> None:
    # The header prints the number line "Số: /KH-UBND" and "TP. Bắc Kạn, ngày tháng 3 năm 2024".
    assert plan.header.number is None
    assert plan.header.reference == "Số: /KH-UBND"
    assert plan.header.place == "TP. Bắc Kạn"
    assert plan.header.date == PartialDate(2024, 3)
    assert plan.header.date.precision == "month"
    assert plan.header.title == "KẾ HOẠCH"
    assert plan.period.start == plan.period.end == 2024
    assert plan.area.kind is UnitKind.CITY
    assert standard_of(plan).reference.number == "07/2021/NĐ-CP"


def test_legal_bases(plan: Document) -> None:
    # Căn cứ: "Nghị quyết số 366/NQ - HĐND ngày 18/12/2022 …" and
    # "Kế hoạch số 78/KH-UBND ngày 06/02/2024 …"
    expected = [
        (
            DocumentKind.RESOLUTION,
            "366/NQ - HĐND",
            PartialDate(2022, 12, 18),
            "Hội đồng nhân dân thành phố Bắc Kạn",
        ),
        (DocumentKind.PLAN, "78/KH-UBND", PartialDate(2024, 2, 6), "UBND tỉnh Bắc Kạn"),
    ]
    assert expected == [(b.kind, b.number, b.date, b.issuer) for b in plan.legal_bases]


def test_headline_targets(plan: Document) -> None:
    # II.1 "Giảm 13 hộ nghèo, tỷ lệ hộ nghèo còn 1,86%";
    # II.2.a "… còn 1,86%, số hộ nghèo đến cuối năm 2024 còn 228 hộ (giảm 13 hộ)"
    area = sorted((t.section, t.measure.value, t.value) for t in plan.targets if t.about is None)
    assert area == [
        ("II.1", "end-rate", Quantity(Decimal("1.86"))),
        ("II.1", "reduction", Quantity(13)),
        ("II.2.a", "end-count", Quantity(228)),
        ("II.2.a", "end-rate", Quantity(Decimal("1.86"))),
        ("II.2.a", "reduction", Quantity(13)),
    ]


def test_unit_counts_and_reductions(plan: Document) -> None:
    # The annex: households, poor households, reduction per unit.
    expected = [
        ("Phường Sông Cầu", UnitKind.WARD, 2347, 27, 2),
        ("Phường Xuất Hóa", UnitKind.WARD, 827, 34, 2),
        ("Phường Đức Xuân", UnitKind.WARD, 2494, 24, 1),
        ("Phường Nguyễn Thị Minh Khai", UnitKind.WARD, 1416, 8, 1),
        ("Phường Phùng Chí Kiên", UnitKind.WARD, 2036, 12, 1),
        ("Phường Huyền Tụng", UnitKind.WARD, 1382, 73, 3),
        ("Xã Nông Thượng", UnitKind.COMMUNE, 916, 34, 2),
        ("Xã Dương Quang", UnitKind.COMMUNE, 863, 29, 1),
    ]
    actual = []
    for u in plan.units:
        target = plan.unit_target(u.id, Measure.REDUCTION)
        assert target is not None
        actual.append((u.name, u.kind, u.households, u.poor_households, target.value.low))
    assert expected == actual


def test_component_hierarchy(plan: Document) -> None:
    # III.2: Dự án 2; Dự án 3 (TDA 1, TDA 2 with Hoạt động 1 and 3); Dự án 4 (TDA 1, 3);
    # Dự án 6 (TDA 1, 2); Dự án 7 (TDA 1, 2).
    assert [c.code for c in plan.all_components()] == [
        "DA2",
        "DA3",
        "DA3.TDA1",
        "DA3.TDA2",
        "DA3.TDA2.HD1",
        "DA3.TDA2.HD3",
        "DA4",
        "DA4.TDA1",
        "DA4.TDA3",
        "DA6",
        "DA6.TDA1",
        "DA6.TDA2",
        "DA7",
        "DA7.TDA1",
        "DA7.TDA2",
    ]
    levels = [c.level for c in plan.all_components()]
    assert levels.count(Level.PROJECT) == 5
    assert levels.count(Level.SUBPROJECT) == 8
    assert levels.count(Level.ACTIVITY) == 2


# (code, declared total, central, local, lead) as printed in III.2, million VND.
FUNDING = [
    ("DA2", 2332, 2264, 68, "Phòng Kinh tế thành phố"),  # 2.1
    ("DA3.TDA1", 1021, 919, 30, "Phòng Kinh tế thành phố"),  # 2.2.1
    ("DA3.TDA2", 75, 73, 2, "Trung tâm Y tế thành phố"),  # 2.2.2
    ("DA4.TDA1", 262, 262, None, "Phòng Lao động - Thương binh và Xã hội"),  # 2.3.1
    ("DA4.TDA3", 517, 502, 15, "Phòng Lao động - Thương binh và Xã hội"),  # 2.3.2
    ("DA6.TDA1", 62, 60, 2, "Phòng Văn hóa - Thông tin thành phố"),  # 2.4.1
    ("DA6.TDA2", 108, 105, 3, "Phòng Lao động - Thương binh và Xã hội"),  # 2.4.2
    ("DA7.TDA1", 315, 306, 9, "Phòng Lao động - Thương binh và Xã hội"),  # 2.5.1
    ("DA7.TDA2", 189, 184, 5, "Phòng Lao động - Thương binh và Xã hội"),  # 2.5.2
]


@pytest.mark.parametrize(("code", "total", "central", "local", "lead"), FUNDING)
def test_every_amount_and_lead_agency(
    plan: Document, code: str, total: int, central: int, local: int | None, lead: str
) -> None:
    component = plan.component(code)
    assert component.funding is not None
    assert component.funding.total == Decimal(total)
    assert component.funding.central == Decimal(central)
    assert component.funding.local == (None if local is None else Decimal(local))
    assert component.funding.other is None
    assert component.lead is not None
    assert plan.agency(lead).id == component.lead


def test_only_the_printed_components_are_funded(plan: Document) -> None:
    funded = [c.code for c in plan.all_components() if c.funding is not None]
    assert funded == [code for code, *_ in FUNDING]
    # 2.4.1: "62 triệu đồng từ vốn sự nghiệp"
    assert plan.component("DA6.TDA1").funding.capital is CapitalKind.RECURRENT  # type: ignore[union-attr]


def test_deficit_targets(plan: Document) -> None:
    # II.2.b, dimension by dimension, and II.2.a's results: (dimension, kind, value, comparison,
    # subject, groups)
    expected = [
        (None, "qualitative", None, "exactly", "projects", ()),
        (None, "qualitative", None, "exactly", "households", ("poor", "near-poor")),
        (None, "share", Decimal(100), "exactly", "officers", ()),
        (
            "employment",
            "share",
            Decimal(100),
            "exactly",
            "workers",
            ("poor", "near-poor", "newly-escaped"),
        ),
        ("employment", "count", 50, "at-least", "workers", ("poor", "near-poor", "newly-escaped")),
        ("health", "share", Decimal(100), "exactly", "people", ("poor", "near-poor")),
        ("education", "share", Decimal(99), "exactly", "children", ("poor", "near-poor")),
        (
            "education",
            "share",
            Decimal(100),
            "exactly",
            "workers",
            ("poor", "near-poor", "newly-escaped", "low-income"),
        ),
        ("housing", "qualitative", None, "exactly", "households", ("poor",)),
        ("water-sanitation", "share", Decimal(100), "exactly", "households", ("poor", "near-poor")),
        (
            "water-sanitation",
            "share",
            Decimal("63.5"),
            "at-least",
            "households",
            ("poor", "near-poor"),
        ),
        ("information", "share", Decimal(88), "exactly", "households", ("poor", "near-poor")),
        ("information", "share", Decimal(95), "exactly", "households", ("poor",)),
    ]
    actual = [
        (
            d.dimension,
            d.kind.value,
            None if d.value is None else d.value.low,
            d.comparison.value,
            d.population.subject.value,
            tuple(g.value for g in d.population.groups),
        )
        for d in plan.deficit_indicators
    ]
    assert expected == actual
    shares = [d for d in plan.deficit_indicators if d.kind is IndicatorKind.SHARE]
    assert all(isinstance(d.value.low, Decimal) for d in shares if d.value is not None)


def test_deficit_targets_cover_every_dimension_of_the_standard(plan: Document) -> None:
    dimensions = {d.id for d in standard_of(plan).dimensions}
    assert dimensions == {d.dimension for d in plan.deficit_indicators if d.dimension}


def test_responsibilities(plan: Document) -> None:
    # VI: fourteen items; items 1, 3, 5 and 7 assign components of section III.
    assert [r.section for r in plan.responsibilities] == [f"VI.{n}" for n in range(1, 15)]
    assigned = {r.agency: r.components for r in plan.responsibilities if r.components}
    assert assigned == {
        "labour": ("DA4", "DA6.TDA2", "DA7"),
        "economy": ("DA2", "DA3.TDA1"),
        "health-centre": ("DA3.TDA2",),
        "culture-information": ("DA6.TDA1",),
    }
    # VI.7 spells "Phòng Văn hóa và Thông tin", III.2.4.1 "Phòng Văn hóa - Thông tin thành phố".
    assert plan.agency("Phòng Văn hóa và Thông tin").id == plan.component("DA6.TDA1").lead


def test_other_sections(plan: Document) -> None:
    assert [s.title for s in plan.purpose[0].subsections] == ["Mục đích", "Yêu cầu"]
    assert len(plan.purpose[0].subsections[1].paragraphs) == 3
    assert [s.number for s in plan.policies[0].subsections] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert [f.kind for f in plan.funding_sources] == [
        FundingSourceKind.PROGRAMME,
        FundingSourceKind.INTEGRATION,
        FundingSourceKind.POLICY_CREDIT,
        FundingSourceKind.MOBILISED,
    ]
    reference = plan.funding_sources[0].reference
    assert reference is not None
    assert (reference.number, reference.date) == ("3389/QĐ-UBND", PartialDate(2023, 12, 20))
    assert [s.number for s in plan.solutions[0].subsections] == ["1", "2", "3", "4", "5"]
    assert plan.signature is not None
    assert (plan.signature.title, plan.signature.name) == ("CHỦ TỊCH", "Hoàng Hà Bắc")
    assert plan.distribution is not None
    assert len(plan.distribution.subsections[0].paragraphs) == 7


def test_printed_annex(plan: Document) -> None:
    # "(Ban hành kèm theo Kế hoạch số /KH-UBND ngày /4/2024 …)": month precision.
    assert plan.annex is not None
    assert plan.annex.date == PartialDate(2024, 4)
    assert plan.annex.total is not None
    assert plan.annex.total.households == 12281
    assert plan.annex.total.rate_reduction == Decimal("0.10")
    assert [r.unit for r in plan.annex.rows] == [u.id for u in plan.units]
    assert plan.annex.rows[3].label == "P. Nguyễn Thị Minh Khai"


def test_examples_are_listed_and_loadable() -> None:
    assert set(EXAMPLES) == {"bac-kan-2024"}
    assert example_path("bac-kan-2024").is_file()
    assert example("bac-kan-2024") is example("bac-kan-2024")


def _structural_strings(plan: Document) -> list[str]:
    """Lines of the document that the plan holds as structure, written out again."""
    assert plan.header.date is not None
    out = [plan.header.reference, f"{plan.header.place}, ngày {plan.header.date.vi()}"]
    for basis in plan.legal_bases:
        out.append(f"Căn cứ {basis} {basis.title}")
    if plan.legal_bases:  # the last basis runs on into the enacting sentence
        last = plan.legal_bases[-1]
        out.append(f"Căn cứ {last} {last.title}. {plan.preamble}")
    for c in plan.all_components():
        out.append(f"{c.level.vi} {c.number}: {c.name}")
        out.append(f"{c.level.vi} {c.number}: {c.name} {' '.join(c.description)}")
        out.append(f"Đơn vị thực hiện: {c.implementation}")
    agencies = {a.id: a for a in plan.agencies}
    for r in plan.responsibilities:
        heading = r.heading or agencies[r.agency].name
        out.append(heading)
        out.extend(f"{heading}: {duty}" for duty in r.duties[:1])
    for s in plan.outline:
        for section in s.walk():
            out.extend(f"{section.title}: {t.text}" for t in plan.targets)
            out.extend(f"{section.title}: {d.text}" for d in plan.deficit_indicators)
    return out


def _held_strings(plan: Document) -> str:
    strings: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    walk(plan_to_data(plan))
    return _normal("\n".join([*strings, *_structural_strings(plan)]))


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


_NUMBERING = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[a-z]\)|[-+])\s+")


def test_nothing_in_the_source_is_dropped(plan: Document) -> None:
    """Every line of the source, but the annex table, is text the plan holds."""
    held = _held_strings(plan)
    text = SOURCE.read_text(encoding="utf-8")
    body, _, _ = text.partition("STT\tTên đơn vị")  # the annex table: see test_tables.py
    missing: list[str] = []
    for line in body.splitlines():
        content = _normal(_NUMBERING.sub("", line.strip()))
        # A source line holding two targets ("…hợp vệ sinh; ít nhất 63,5% …") is two texts.
        parts = [p for p in re.split(r"; (?=ít nhất)", content) if p]
        missing.extend(p for p in parts if p.rstrip(";.:") not in held)
    assert missing == []
