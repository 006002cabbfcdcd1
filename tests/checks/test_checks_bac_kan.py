"""The consistency report of the Bắc Kạn 2024 plan: every real inconsistency, and nothing else.

The expected findings were found by reading the source document
(``bac-kan-2024-plan.vi.txt``) and redoing its arithmetic by hand; each is pinned below with
where it is in the document.  What was checked and found consistent:

* funding (III.2): DA2 2.264 + 68 = 2.332; DA3 TDA2 73 + 2 = 75; DA4 TDA1 262 (central only);
  DA4 TDA3 502 + 15 = 517; DA6 TDA1 60 + 02 = 62; DA6 TDA2 105 + 3 = 108; DA7 TDA1
  306 + 09 = 315; DA7 TDA2 184 + 05 = 189.  Only DA3 TDA1 fails.  Parents (DA3, DA4, DA6,
  DA7) and the plan state no total of their own, so nothing else can be compared.
* the annex: households 2.347 + 827 + 2.494 + 1.416 + 2.036 + 1.382 + 916 + 863 = 12.281;
  poor 27 + 34 + 24 + 8 + 12 + 73 + 34 + 29 = 241; reduction 2 + 2 + 1 + 1 + 1 + 3 + 2 + 1 =
  13; every start and end rate is its counts' rate half-up to 2 decimals (e.g. 34/827 =
  4,111 % → 4,11; 32/827 = 3,869 % → 3,87; 241/12.281 = 1,962 % → 1,96; 228/12.281 = 1,856 %
  → 1,86), and every fall is start − end (Sông Cầu 1,15 − 1,07 = 0,08; total 0,10).
* headline (II.1, II.2.a): "Giảm 13 hộ nghèo, tỷ lệ hộ nghèo còn 1,86%", "còn 228 hộ (giảm 13
  hộ)": 241 − 13 = 228, as the annex total.
* agencies: III.2 names Phòng Kinh tế for DA2 and DA3 TDA1 (VI.3 "dự án 2; tiểu dự án 1
  thuộc dự án 3"), Trung tâm Y tế for DA3 TDA2 (VI.5 "tiểu dự án 2, dự án 3"), Phòng Văn
  hóa for DA6 TDA1 (VI.7 "tiểu dự án 1 thuộc dự án 6"), Phòng Lao động - TB&XH for DA4 TDA1,
  DA4 TDA3, DA6 TDA2, DA7 TDA1, DA7 TDA2 (VI.1 "dự án 4, tiểu dự án 2 thuộc dự án 6 và dự án
  7"): they agree.
* dates: Kế hoạch 78/KH-UBND of 06/02/2024 and Quyết định 3389/QĐ-UBND of 20/12/2023 (IV.1,
  the 2024 budget estimate) precede the plan of March 2024; 2024 lies in 2022–2025 (Decree
  07) and 2021–2025 (Decision 90).
* II.2.b has targets for all six dimensions (housing is qualitative); every component of
  III.2 is in Decision 90's catalog.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from mdpoverty.checks import InconsistentPlanError, Report, Severity, check, resolve
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.values.dates import PartialDate


@pytest.fixture(scope="module")
def report() -> Report:
    return check(bac_kan_2024())


def test_the_report_holds_exactly_the_inconsistencies_of_the_document(report: Report) -> None:
    assert [
        # III.2.2.1 (Dự án 3, Tiểu dự án 1): "Kế hoạch vốn thực hiện: 1.021 triệu đồng, trong
        # đó: Ngân sách trung ương 919 triệu đồng; ngân sách địa phương: 30 triệu đồng."
        # 919 + 30 = 949, not 1.021.
        (
            "funding.sources-sum",
            Severity.ERROR,
            "components/DA3.TDA1/funding",
            Decimal(949),
            Decimal(1021),
        ),
        # III.2.4.1 "Phòng Văn hóa - Thông tin thành phố chủ trì" and VI.7 "Phòng Văn hóa và
        # Thông tin": one agency spelt two ways (checked in detail below).
        ("agencies.spelling", Severity.INFO, "agencies/culture-information", None, None),
        # The header "TP. Bắc Kạn, ngày tháng 3 năm 2024" and the annex's caption "(Ban hành
        # kèm theo Kế hoạch số /KH-UBND ngày /4/2024 ...)": March and April cannot be one day.
        ("dates.annex", Severity.ERROR, "annex/date", PartialDate(2024, 3), PartialDate(2024, 4)),
        # The first basis: "Căn cứ Nghị quyết số 366/NQ - HĐND ngày 18/12/2022 của Hội đồng
        # nhân dân thành phố Bắc Kạn về nhiệm vụ và giải pháp chủ yếu phát triển kinh tế - xã
        # hội ... năm 2024": a resolution on 2024 dated December 2022, a year before the
        # council passes its resolution on the next year (most likely 18/12/2023).
        (
            "dates.basis-year",
            Severity.WARNING,
            "legal_bases/0/date",
            "in 2023 or later",
            PartialDate(2022, 12, 18),
        ),
    ] == [
        (
            f.rule,
            f.severity,
            f.location,
            None if f.rule == "agencies.spelling" else f.expected,
            None if f.rule == "agencies.spelling" else f.actual,
        )
        for f in report
    ]


def test_the_agency_spelt_two_ways_is_named_with_both_spellings(report: Report) -> None:
    (finding,) = report.filter(rule="agencies.spelling")
    assert isinstance(finding.actual, tuple)
    assert {"Phòng Văn hóa - Thông tin", "Phòng Văn hóa và Thông tin"} == {
        finding.expected,
        *finding.actual,
    }


def test_the_findings_point_at_the_printed_values() -> None:
    plan = bac_kan_2024()
    funding = resolve(plan, "components/DA3.TDA1/funding")
    assert (Decimal(1021), Decimal(919), Decimal(30)) == (
        getattr(funding, "total", None),
        getattr(funding, "central", None),
        getattr(funding, "local", None),
    )
    assert PartialDate(2024, 4) == resolve(plan, "annex/date")
    assert PartialDate(2022, 12, 18) == resolve(plan, "legal_bases/0/date")


def test_the_report_reads_as_text_and_as_a_table(report: Report) -> None:
    lines = str(report).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("error funding.sources-sum components/DA3.TDA1/funding: ")
    assert lines[0].endswith("(expected 949, actual 1,021)")
    frame = report.to_frame()
    assert frame["severity"].tolist() == ["error", "info", "error", "warning"]
    assert report.summary() == "2 errors, 1 warning, 1 info"


def test_strict_callers_get_an_exception_with_the_two_errors(report: Report) -> None:
    with pytest.raises(InconsistentPlanError, match="2 errors") as caught:
        report.raise_for_errors()
    assert report.errors == caught.value.report.errors
