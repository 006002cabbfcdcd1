"""load_plan reads paths, bytes and streams alike, and every problem carries a stable code."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import mdpoverty
from mdpoverty.errors import (
    PROBLEM_CODES,
    FileProblem,
    PlanFileError,
    ValidationError,
    problem_code,
)
from mdpoverty.io.files import PlanSource, load_plan, read_plan_text, save_plan
from mdpoverty.model.document import Plan, Review
from mdpoverty.reference.datasets import bac_kan_2024, example_path
from mdpoverty.values.bounds import MAX_FILE_BYTES

EXAMPLE = example_path("bac-kan-2024")


def codes(error: PlanFileError) -> list[str]:
    return [p.code for p in error.problems]


@pytest.mark.parametrize(
    "source",
    [
        EXAMPLE.read_bytes(),
        bytearray(EXAMPLE.read_bytes()),
        io.BytesIO(EXAMPLE.read_bytes()),
        io.StringIO(EXAMPLE.read_text(encoding="utf-8")),
    ],
    ids=["bytes", "bytearray", "BytesIO", "StringIO"],
)
def test_a_stream_or_bytes_give_the_same_document_as_the_file(source: PlanSource) -> None:
    assert load_plan(EXAMPLE) == load_plan(source, name="upload.yaml")


def test_json_bytes_without_a_name_are_read_as_json() -> None:
    stream = io.BytesIO()
    save_plan(bac_kan_2024(), stream, fmt="json")
    data = stream.getvalue()
    assert data.startswith(b"{")
    assert bac_kan_2024() == load_plan(data)


def test_the_name_is_the_one_messages_give() -> None:
    with pytest.raises(PlanFileError) as raised:
        load_plan(io.BytesIO(b"kind: plan\ncolour: blue\n"), name="upload.yaml")
    assert raised.value.source == "upload.yaml"
    assert str(raised.value).startswith("upload.yaml: ")


def test_an_oversized_stream_is_too_large_and_not_read_to_its_end() -> None:
    class Endless(io.RawIOBase):
        read_so_far = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            self.read_so_far += len(buffer)
            return len(buffer)

    endless = Endless()
    with pytest.raises(PlanFileError) as raised:
        load_plan(io.BufferedReader(endless), name="upload.yaml")
    assert ["too-large"] == codes(raised.value)
    assert MAX_FILE_BYTES + 1 <= endless.read_so_far < 2 * MAX_FILE_BYTES


def test_oversized_bytes_are_too_large() -> None:
    with pytest.raises(PlanFileError) as raised:
        load_plan(b" " * (MAX_FILE_BYTES + 1))
    assert ["too-large"] == codes(raised.value)


def test_bytes_that_are_not_utf8() -> None:
    with pytest.raises(PlanFileError) as raised:
        load_plan(b"kind: plan\nheader: \xff\n", name="upload.yaml")
    assert ["not-utf8"] == codes(raised.value)


def test_a_missing_file_and_a_bad_extension(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as raised:
        load_plan(tmp_path / "absent.yaml")
    assert ["not-found"] == codes(raised.value)
    with pytest.raises(PlanFileError) as raised:
        load_plan(tmp_path / "plan.xml")
    assert ["bad-extension"] == codes(raised.value)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("kind: plan\nkind: plan\n", "duplicate-key"),
        ("kind: [plan\n", "syntax"),
        ("a: &x 1\nb: *x\n", "unsupported-yaml"),
        ("", "empty"),
        ("- 1\n", "wrong-type"),
        ("standard: decree-07-2021\n", "missing-field"),
        ("kind: plan\ncolour: blue\n", "unknown-field"),
        ("kind: plan\nstandard: 2022\n", "wrong-type"),
        ("kind: plan\nunits: [{households: 1.0e+999999999999}]\n", "out-of-bounds"),
        ("kind: novel\n", "invalid-value"),
    ],
)
def test_each_kind_of_problem_has_its_code(text: str, code: str) -> None:
    with pytest.raises(PlanFileError) as raised:
        read_plan_text(text)
    assert code in codes(raised.value)
    assert set(codes(raised.value)) <= set(PROBLEM_CODES)


def test_a_reference_to_an_unknown_unit_is_unknown_id() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("about: song-cau", "about: xa-nowhere")
    assert "xa-nowhere" in text
    with pytest.raises(PlanFileError) as raised:
        read_plan_text(text)
    assert "unknown-id" in codes(raised.value)


def test_a_count_below_zero_is_out_of_bounds() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("households: 2347", "households: -2347", 1)
    with pytest.raises(PlanFileError) as raised:
        read_plan_text(text)
    assert ["out-of-bounds"] == codes(raised.value)


def test_kind_narrows_and_refuses_another_kind() -> None:
    plan: Plan = load_plan(EXAMPLE, kind=Plan)
    assert 2024 == plan.year
    with pytest.raises(PlanFileError) as raised:
        load_plan(EXAMPLE, kind=Review)
    assert ["wrong-kind"] == codes(raised.value)


def test_wrong_arguments_are_validation_errors_listing_each() -> None:
    with pytest.raises(ValidationError) as raised:
        load_plan(42, fmt="xml", kind=str)  # type: ignore[call-overload]
    assert ["source", "fmt", "kind"] == [p.field for p in raised.value.problems]
    with pytest.raises(ValidationError) as raised:
        read_plan_text("kind: plan", "xml")  # type: ignore[arg-type]
    assert ["fmt"] == [p.field for p in raised.value.problems]


def test_save_plan_writes_to_a_binary_stream() -> None:
    stream = io.BytesIO()
    save_plan(bac_kan_2024(), stream, fmt="yaml")
    assert bac_kan_2024() == mdpoverty.load_plan(io.BytesIO(stream.getvalue()), fmt="yaml")


def test_a_problem_s_code_read_from_its_reason_is_the_code_its_loader_names() -> None:
    # Problems made by the loaders name their code; the same reason without one (a problem a
    # caller makes, or a test compares with) reads the same code from its text.
    texts = [
        "kind: plan\nkind: plan\n",
        "kind: [plan\n",
        "a: &x 1\nb: *x\n",
        "",
        "- 1\n",
        "standard: decree-07-2021\n",
        "kind: plan\ncolour: blue\nstandard: 2022\n",
        "kind: plan\nunits: [{households: 1.0e+999999999999}]\n",
        "x: !!python/object foo\n",
        "a: 1\n---\nb: 2\n",
    ]
    for text in texts:
        with pytest.raises(PlanFileError) as raised:
            read_plan_text(text)
        for p in raised.value.problems:
            assert p.code == problem_code(p.reason), p


def test_a_code_outside_the_list_is_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        FileProblem("units/0", "is odd", code="odd")
    assert ["code"] == [p.field for p in raised.value.problems]
