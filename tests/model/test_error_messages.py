"""The exceptions that list problems say them in either language: the head, the count, each
problem and how many more, with the names and values of programs and documents as they are."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from mdpoverty.checks.report import Finding, Report, Severity
from mdpoverty.errors import (
    MAX_LISTED,
    FieldValueError,
    FileProblem,
    HouseholdTableError,
    InconsistentPlanError,
    PlanFileError,
    Problem,
    RollupError,
    TableProblem,
    UnknownNameError,
    ValidationError,
    expect,
    message_of,
    problem_code,
)
from mdpoverty.i18n import _, localize
from mdpoverty.model.targets import Measure, Target
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.quantities import Quantity


def test_a_problem_of_an_object_says_its_reason_in_either_language() -> None:
    problem = Problem(
        "AdministrativeUnit 'xa-mot'", "households", -1, _("must be >= {bound}", bound=0)
    )
    assert problem.text("en") == str(problem)
    assert str(problem) == "AdministrativeUnit 'xa-mot': 'households' must be >= 0: -1"
    assert problem.text("vi") == "AdministrativeUnit 'xa-mot': trường 'households' phải >= 0: -1"
    at = Problem(
        "Plan", "year", 1999, _("must lie in the period {period}", period="2024–2025"), "targets/2"
    )
    assert (
        at.text("vi")
        == "Plan tại targets/2: trường 'year' phải nằm trong giai đoạn 2024–2025: 1999"
    )
    assert (problem.code, at.code) == ("out-of-bounds", "inconsistent")


def test_a_reason_in_plain_text_is_said_as_it_is() -> None:
    # Another layer's reason not yet a message: shown as given, never lost.
    problem = FileProblem("units/0", "is odd", 3, line=2)
    assert problem.text("vi") == "dòng 2, units/0 = 3: is odd"


def test_a_file_problem_names_its_cell_or_its_line_and_the_whole_document() -> None:
    reason = _("is required but missing")
    assert FileProblem("", reason).text("vi") == "(văn bản): là trường bắt buộc nhưng bị thiếu"
    assert (
        FileProblem("a/b", reason, cell="C7").text("vi")
        == "ô C7, a/b: là trường bắt buộc nhưng bị thiếu"
    )
    assert (
        FileProblem("a/b", reason, cell="C7").text("en") == "cell C7, a/b: is required but missing"
    )


def test_the_codes_are_read_from_the_english_reason_whatever_the_language() -> None:
    # A message is its English text: the patterns of the codes read it.
    cases = {
        _("must be >= {bound}", bound=0): "out-of-bounds",
        _("must be an int, not {kind}", kind="str"): "wrong-type",
        _("is required but missing"): "missing-field",
        _("must lie in the period {period}", period="2024"): "inconsistent",
        _("repeats the {what} of item {item}", what=_("unit id"), item="0"): "invalid-value",
        _("is not a field of {cls}", cls="Plan"): "unknown-field",
        _("is given more than once"): "duplicate-key",
    }
    for reason, code in cases.items():
        assert problem_code(reason) == code
        assert Problem("X", "f", 1, reason).code == code
        assert FileProblem("f", reason).code == code


def test_a_validation_error_lists_its_problems_in_either_language() -> None:
    with pytest.raises(ValidationError) as caught:
        Period(2026, 2024)
    assert caught.value.text("vi") == (
        "1 vấn đề:\n  - Period: trường 'end' phải >= năm bắt đầu (2026): 2024"
    )
    assert str(caught.value) == "1 problem:\n  - Period: 'end' must be >= start (2026): 2024"
    with pytest.raises(ValidationError) as caught:
        PartialDate(2024, 2, 30)
    assert "trường 'day' không phải là một ngày của tháng 2024-02: 30" in caught.value.text("vi")


def test_a_range_in_a_message_is_in_the_notation_of_its_language() -> None:
    with pytest.raises(ValidationError) as caught:
        Quantity(Decimal("1021.5"), Decimal("8.2"))
    assert "phải >= cận dưới (1.021,5): 8.2" in caught.value.text("vi")
    assert "must be >= low (1,021.5): 8.2" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        Target(Measure.END_RATE, Quantity(Decimal(101)))
    assert "phải <= 100" in caught.value.text("vi")


def test_expect_names_the_kinds_in_either_language() -> None:
    with pytest.raises(ValidationError) as caught:
        expect("rate", part=("3", (int, Decimal)))
    assert str(caught.value).endswith("rate: 'part' must be int or Decimal, not str: '3'")
    assert caught.value.text("vi").endswith(
        "rate: trường 'part' phải là int hoặc Decimal, không phải str: '3'"
    )
    assert caught.value.problems[0].code == "wrong-type"


def test_more_problems_than_are_listed_are_counted_in_either_language() -> None:
    problems = [FileProblem(f"x{n}", _("is empty")) for n in range(MAX_LISTED + 1)]
    error = PlanFileError("<data>", problems)
    assert error.text("vi").splitlines()[0] == "<data>: 101 vấn đề:"
    assert error.text("vi").splitlines()[-1] == "  … và 1 vấn đề khác"
    assert str(error).splitlines()[-1] == "  … and 1 more problem"
    assert len(error.text("vi").splitlines()) == MAX_LISTED + 2


def test_the_other_listing_errors_say_their_head_in_either_language() -> None:
    rollup = RollupError([Problem("Rollup", "plans", 1, _("must be >= {bound}", bound=2))])
    assert rollup.text("vi").startswith("không tổng hợp được: 1 vấn đề:\n  - Rollup: trường")
    assert str(rollup).startswith("cannot roll up: 1 problem:")
    table = HouseholdTableError(
        [TableProblem("income", _("must be >= {bound}", bound=0), 1234, ("r1", "r2"))]
    )
    assert table.text("vi") == (
        "bảng hộ: 1 vấn đề:\n  - cột 'income': phải >= 0 ở 1.234 dòng (ví dụ 'r1', 'r2', ...)"
    )
    assert str(table) == (
        "household table: 1 problem:\n"
        "  - column 'income': must be >= 0 in 1,234 rows (e.g. 'r1', 'r2', ...)"
    )
    assert TableProblem("", _("is empty")).text("vi") == "bảng: để trống"
    finding = Finding("x.y", Severity.ERROR, "header/date", "wrong", expected=1, actual=2)
    inconsistent = InconsistentPlanError(Report([finding]))
    assert inconsistent.text("vi").startswith("kế hoạch không nhất quán (1 lỗi):\n  - ")
    assert finding.text("vi") in inconsistent.text("vi")
    assert str(inconsistent) == f"the plan is inconsistent (1 error):\n  - {finding}"


def test_a_field_value_error_and_a_lookup_keep_their_message() -> None:
    error = FieldValueError(_("must be a finite number"), Decimal("NaN"))
    assert error.text("vi") == "phải là số hữu hạn: NaN"
    assert error.code == "invalid-value"
    lookup = UnknownNameError(
        _("location {location!r}: the plan has no {part!r}", location="x", part="x")
    )
    assert localize(message_of(lookup), "vi") == "vị trí 'x': kế hoạch không có 'x'"
    assert message_of(ValueError("plain")) == "plain"


def test_a_problem_and_its_error_survive_pickling_with_their_languages() -> None:
    problem = FileProblem("units/0", _("must be >= {bound}", bound=0), -3, line=7)
    again = pickle.loads(pickle.dumps(problem))  # noqa: S301  (our own bytes)
    assert again == problem
    assert again.text("vi") == "dòng 7, units/0 = -3: phải >= 0"
