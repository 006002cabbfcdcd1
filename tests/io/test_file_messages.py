"""A plan file's problems in the reader's language: wholly Vietnamese or wholly English, apart
from what is for programs (locations, field and object names, the library's constants) and the
values quoted from the file; the same problems and codes in both."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdpoverty.cli import template_text
from mdpoverty.errors import (
    MAX_LISTED,
    FileProblem,
    PlanFileError,
    Problem,
    ValidationError,
    shorten,
)
from mdpoverty.i18n import ENV_VAR, Message
from mdpoverty.io.files import load_plan, plan_from_data, plan_to_data, read_plan_text
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import (
    english_words,
    plain_data,
    plan_data_mutations,
    vietnamese_words,
    without,
)

# The library's names that a message may state (for programs, as field names are).
CONSTANTS = (
    "MAX_FILE_BYTES",
    "MAX_NUMBER_CHARS",
    "MAX_COUNT",
    "MAX_DECIMAL",
    "MAX_PLACES",
    "MIN_YEAR",
    "MAX_YEAR",
    "PROBLEM_CODES",
)


def _names(error: PlanFileError | ValidationError) -> set[str]:
    """What an error's text may hold in any language: every text a message is given as it is
    (a location, a field's or an object's name, a value as the file writes it), each problem's
    location and its steps, its value as shown, the file, and the library's constants."""
    found: set[str] = {*CONSTANTS, getattr(error, "source", "")}

    def walk(value: object) -> None:
        if isinstance(value, Message):
            for argument in value.args.values():
                walk(argument)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and not hasattr(value, "localized"):
            found.add(value)  # a text given as it is; a parser's words are said, not given

    for problem in error.problems:
        if isinstance(problem.reason, Message):  # a reason in plain text is said in no language
            walk(problem.reason)
        path = problem.path
        found.update({path, *path.split("/"), shorten(problem.value)})
        if isinstance(problem, Problem):
            found.update({problem.obj, problem.field})
    return found


def assert_in_one_language(error: PlanFileError | ValidationError) -> None:
    """The error's Vietnamese text has no English word, its English text no Vietnamese one,
    once the names and quoted values are taken out; and each says every problem."""
    names = _names(error)
    vietnamese, english = error.text("vi"), error.text("en")
    assert english == str(error)
    assert english_words(without(vietnamese, names)) == set(), vietnamese
    assert vietnamese_words(without(english, names)) == set(), english
    assert len(vietnamese.splitlines()) == len(english.splitlines())
    for problem in error.problems[:MAX_LISTED]:
        assert problem.text("vi") in vietnamese
        assert problem.text("en") in english


PLANTED = """\
kind: plan
header:
  issuer: UBND xã Một
  date: 2024-13
  title: KẾ HOẠCH
area: {name: Xã Một, kind: commune}
period: {start: 2024, end: 2024}
standard: 2021
colour: blue
units:
  - id: xa-mot
    name: Xã Một
    kind: commune
    households: "nhiều"
  - id: xa-hai
    name: Xã Hai
    kind: village
    households: 1.200
  - id: xa-ba
    name: Xã Ba
    kind: commune
    households: 800
    poor_households: -3
"""


def test_a_plan_file_with_planted_problems_says_each_in_vietnamese_and_in_english() -> None:
    with pytest.raises(PlanFileError) as caught:
        read_plan_text(PLANTED, "yaml", "plan.yaml")
    error = caught.value
    assert [(p.line, p.path, p.code) for p in error.problems] == [
        (4, "header/date", "invalid-value"),
        (8, "standard", "wrong-type"),
        (9, "colour", "unknown-field"),
        (14, "units/0/households", "wrong-type"),
        (17, "units/1/kind", "invalid-value"),
        (18, "units/1/households", "wrong-type"),
        (23, "units/2/poor_households", "out-of-bounds"),
    ]
    # Written by hand: what an official reads.
    assert error.text("vi").splitlines()[:5] + error.text("vi").splitlines()[6:] == [
        "tệp plan.yaml: 7 vấn đề:",
        (
            "  - dòng 4, header/date = '2024-13': phải là ngày tháng ghi dạng YYYY, YYYY-MM hoặc "
            "YYYY-MM-DD (ví dụ 2024-03)"
        ),
        (
            "  - dòng 8, standard = 2021: phải là văn bản, không phải số (đặt trong dấu nháy để "
            "thành văn bản)"
        ),
        "  - dòng 9, colour: không phải là trường của Plan",
        "  - dòng 14, units/0/households = 'nhiều': phải là số nguyên, không phải văn bản",
        (
            "  - dòng 18, units/1/households = 1.200: phải là số nguyên, không phải số thập phân "
            "(số đếm không có dấu phân cách hàng nghìn: hãy ghi 1200)"
        ),
        "  - dòng 23, units/2/poor_households = -3: phải >= 0 (AdministrativeUnit 'xa-ba')",
    ]
    assert error.text("en").splitlines()[0] == "plan.yaml: 7 problems:"
    assert error.text("en").splitlines()[-1] == (
        "  - line 23, units/2/poor_households = -3: must be >= 0 (AdministrativeUnit 'xa-ba')"
    )
    assert_in_one_language(error)


def _load_error(content: bytes | str, name: str = "plan.yaml") -> PlanFileError:
    raw = content.encode() if isinstance(content, str) else content
    with pytest.raises(PlanFileError) as caught:
        load_plan(raw, name=name)
    return caught.value


@pytest.mark.parametrize(
    ("content", "name", "code", "vietnamese"),
    [
        (
            b"kind: plan\nx: \xff\xfe",
            "plan.yaml",
            "not-utf8",
            "không phải văn bản UTF-8 (byte thứ 14)",
        ),
        (
            '{"kind": "plan", "x": ' + "[" * 70 + "]" * 70 + "}",
            "plan.json",
            "too-deep",
            "lồng nhau sâu quá 64 cấp",
        ),
        ("kind: plan\na: b: c\n", "plan.yaml", "syntax", "không phải YAML hợp lệ: không được đặt"),
        ("kind: plan\nx: 'abc\n", "plan.yaml", "syntax", "văn bản kết thúc quá sớm"),
        ('{"kind": "plan",}', "plan.json", "syntax", "không phải JSON hợp lệ: thiếu khóa"),
        ('{"kind": "plan", "x": NaN}', "plan.json", "syntax", "NaN không phải là số"),
        ("kind: plan\nkind: plan\n", "plan.yaml", "duplicate-key", "được ghi nhiều hơn một lần"),
        ("kind: plan\nx: &a 1\ny: *a\n", "plan.yaml", "unsupported-yaml", "neo và bí danh"),
        ("kind: plan\nx: !!set {a}\n", "plan.yaml", "unsupported-yaml", "có thẻ !!set"),
        ("kind: plan\n---\nkind: plan\n", "plan.yaml", "unsupported-yaml", "nhiều hơn một văn bản"),
        ("", "plan.yaml", "empty", "(văn bản): để trống"),
        ("- 1\n- 2\n", "plan.yaml", "wrong-type", "phải chứa bảng các trường, không phải [1, 2]"),
        ("kind: plann\n", "plan.yaml", "invalid-value", "phải là 'plan' (kế hoạch)"),
        ("header: {}\n", "plan.yaml", "missing-field", "kind: là trường bắt buộc"),
        ("kind: plan\nunits: 3\n", "plan.yaml", "wrong-type", "phải là danh sách, không phải số"),
        ("kind: plan\nperiod: {start: 1800}\n", "plan.yaml", "out-of-bounds", "từ 1945 đến 2100"),
    ],
)
def test_each_kind_of_load_problem_is_said_in_vietnamese(
    content: bytes | str, name: str, code: str, vietnamese: str
) -> None:
    error = _load_error(content, name)
    assert code in [p.code for p in error.problems]
    assert vietnamese in error.text("vi")
    assert_in_one_language(error)


def test_a_file_too_large_and_one_missing_are_said_in_vietnamese(tmp_path: Path) -> None:
    big = _load_error(b"#" * (8 * 1024 * 1024 + 1))
    assert big.text("vi") == (
        "tệp plan.yaml: 1 vấn đề:\n"
        "  - (văn bản): quá lớn đối với kế hoạch: vượt quá 8.388.608 byte (MAX_FILE_BYTES)"
    )
    assert "more than 8,388,608 bytes (MAX_FILE_BYTES)" in str(big)
    with pytest.raises(PlanFileError) as caught:
        load_plan(tmp_path / "none.yaml")
    assert caught.value.text("vi").endswith("(văn bản): không tồn tại")
    assert_in_one_language(big)
    assert_in_one_language(caught.value)


def test_a_file_of_more_problems_than_are_listed_says_how_many_more_in_vietnamese() -> None:
    text = "kind: plan\n" + "".join(f"cot_{n}: {n}\n" for n in range(MAX_LISTED + 2))
    error = _load_error(text)
    assert error.text("vi").splitlines()[-1] == "  … và 5 vấn đề khác"  # 3 missing fields
    assert error.text("en").splitlines()[-1] == "  … and 5 more problems"
    assert_in_one_language(error)


def test_a_models_validation_error_is_said_in_vietnamese() -> None:
    with pytest.raises(ValidationError) as caught:
        AdministrativeUnit("xa-mot", "Xã Một", UnitKind.COMMUNE, 10, poor_households=12, code="1")
    assert caught.value.text("vi") == (
        "2 vấn đề:\n"
        "  - AdministrativeUnit 'xa-mot': trường 'poor_households' phải <= số hộ (10): 12\n"
        "  - AdministrativeUnit 'xa-mot': trường 'code' phải có 5 chữ số đối với xã: '1'"
    )
    assert str(caught.value).splitlines()[2] == (
        "  - AdministrativeUnit 'xa-mot': 'code' must have 5 digits for a commune: '1'"
    )
    assert_in_one_language(caught.value)


def test_a_number_in_a_message_is_in_the_notation_of_its_language() -> None:
    problem = FileProblem("units/0/households", "must be <= households", 12345, line=1234)
    assert problem.text("en") == "line 1234, units/0/households = 12345: must be <= households"
    with pytest.raises(ValidationError) as caught:
        AdministrativeUnit("a", "Xã A", UnitKind.COMMUNE, 1500, poor_households=1600)
    assert "phải <= số hộ (1.500): 1600" in caught.value.text("vi")
    assert "must be <= households (1,500): 1600" in str(caught.value)


# Real plans to mutate, as the fuzzing tests of plan files do.
_BASES = [plan_to_data(bac_kan_2024()), plan_to_data(read_plan_text(template_text()))]


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_every_problem_of_near_valid_plan_data_is_said_in_one_language(
    data: st.DataObject,
) -> None:
    mutated = data.draw(plan_data_mutations(data.draw(st.sampled_from(_BASES))))
    through_json = isinstance(mutated, dict) and data.draw(st.booleans())
    codes: dict[str, list[str]] = {}
    for lang in ("vi", "en"):  # the language chosen changes the words, never the problems
        error = _error_of(mutated, lang, through_json=through_json)
        if error is None:
            return
        codes[lang] = [p.code for p in error.problems]
        names = _names(error)
        if not isinstance(mutated, dict):  # the whole data is quoted, cut short
            names.add(shorten(mutated, 40))
        _assert_said(error, names)
    assert codes["vi"] == codes["en"]


def _error_of(data: object, lang: str, *, through_json: bool) -> PlanFileError | None:
    before = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = lang
    try:
        if through_json:
            read_plan_text(json.dumps(data, default=str), "json", "plan.json")
        else:
            plan_from_data(data)
    except PlanFileError as error:
        return error
    finally:
        if before is None:
            del os.environ[ENV_VAR]
        else:
            os.environ[ENV_VAR] = before
    return None


def _assert_said(error: PlanFileError, names: Iterable[str]) -> None:
    vietnamese, english = error.text("vi"), error.text("en")
    assert english_words(without(vietnamese, names)) == set(), vietnamese
    assert vietnamese_words(without(english, names)) == set(), english
    for problem in error.problems[:MAX_LISTED]:
        # The location is for programs: the same in both languages.
        assert problem.path in problem.text("vi")
        assert problem.path in problem.text("en")


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=plain_data())
def test_every_problem_of_arbitrary_data_is_said_in_one_language(data: object) -> None:
    try:
        plan_from_data(data)
    except PlanFileError as error:
        names = _names(error)
        names.add(shorten(data, 40))  # a value that is no mapping is quoted whole
        _assert_said(error, names)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(
        st.text(max_size=120), st.text(alphabet="{}[]:,-&*!|>'\"#\n\t ab1.", max_size=60)
    ),
    fmt=st.sampled_from(["yaml", "json"]),
)
def test_every_problem_of_arbitrary_text_is_said_in_one_language(text: str, fmt: str) -> None:
    try:
        read_plan_text(text, fmt, "plan")  # type: ignore[arg-type]
    except PlanFileError as error:
        names = _names(error)
        if error.problems and error.problems[0].path == "" and text.strip():
            names.add(shorten(text, 40))
        _assert_said(error, names)


def test_a_reason_left_in_english_is_found() -> None:
    # The checks above can fail: a reason written as plain text stays English in Vietnamese.
    error = PlanFileError("plan.yaml", [FileProblem("units/0", "is not what a unit holds")])
    with pytest.raises(AssertionError):
        assert_in_one_language(error)
