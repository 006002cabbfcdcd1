"""Plan files: loading, saving, and the problems of a bad file, each with its path."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from mdpoverty.errors import NO_VALUE, FileProblem, PlanFileError
from mdpoverty.io._parse import parse_yaml
from mdpoverty.io.files import (
    load_plan,
    plan_from_data,
    plan_to_data,
    read_plan_text,
    save_plan,
    write_plan_text,
)
from mdpoverty.model.targets import Measure
from mdpoverty.reference.datasets import bac_kan_2024, example_path
from mdpoverty.values.dates import PartialDate

BUNDLED = example_path("bac-kan-2024")


def bundled_data() -> dict[str, object]:
    data, _ = parse_yaml(BUNDLED.read_text(encoding="utf-8"), str(BUNDLED))
    assert isinstance(data, dict)
    return data


def problems_of(text: str, fmt: str = "yaml") -> dict[str, FileProblem]:
    with pytest.raises(PlanFileError) as caught:
        read_plan_text(text, fmt, "plan")  # type: ignore[arg-type]
    return {p.path: p for p in caught.value.problems}


# -- the bundled plan, against the source document ----------------------------------------------


def test_the_bundled_plan_loads_with_the_documents_values() -> None:
    plan = load_plan(BUNDLED)
    # "ngày tháng 3 năm 2024": month precision
    assert PartialDate(2024, 3) == plan.header.date
    assert plan.header.date.precision == "month"
    # annex row 1: Phường Sông Cầu 2.347 households, 27 poor
    assert (2347, 27) == (plan.units[0].households, plan.units[0].poor_households)
    assert "Phường Sông Cầu" == plan.units[0].name
    # II.2.a: "tỷ lệ hộ nghèo ... còn 1,86%"
    end_rate = next(t for t in plan.targets if t.measure is Measure.END_RATE)
    assert Decimal("1.86") == end_rate.value.low
    assert plan.annex is not None
    # the total row prints "0,10": the trailing zero is a digit of the document
    assert plan.annex.total is not None
    assert "0.10" == str(plan.annex.total.rate_reduction)


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
def test_saving_then_loading_the_bundled_plan_is_the_identity(tmp_path: Path, suffix: str) -> None:
    plan = bac_kan_2024()
    path = tmp_path / f"plan{suffix}"
    save_plan(plan, path)
    loaded = load_plan(path)
    assert plan == loaded
    assert write_plan_text(plan) == write_plan_text(loaded)  # the digits of every Decimal too
    assert [u.id for u in plan.units] == [u.id for u in loaded.units]
    assert [c.code for c in plan.all_components()] == [c.code for c in loaded.all_components()]


def test_json_keeps_decimals_as_text_with_their_digits() -> None:
    data = json.loads(write_plan_text(bac_kan_2024(), "json"))
    assert "0.10" == data["annex"]["total"]["rate_reduction"]
    assert 12281 == data["annex"]["total"]["households"]


def test_yaml_writes_decimals_as_numbers_dates_as_text_and_vietnamese_unescaped() -> None:
    text = write_plan_text(bac_kan_2024())
    assert "rate_reduction: 0.10" in text
    assert "date: 2024-03\n" in text
    assert "Phường Sông Cầu" in text
    assert "&id" not in text  # no anchors, even for values that occur twice


def test_plan_to_data_omits_defaults_and_writes_enums_by_value() -> None:
    data = plan_to_data(bac_kan_2024())
    unit = data["units"][0]
    assert "ward" == unit["kind"]
    assert "near_poor_households" not in unit
    assert "2024-03" == data["header"]["date"]


# -- every problem at once, with its path -------------------------------------------------------


def test_several_mistakes_in_different_places_are_reported_together() -> None:
    data = bundled_data()
    data["header"]["date"] = "2024-13"  # type: ignore[index]
    data["units"][1]["poor_households"] = -3  # type: ignore[index]
    data["components"][0]["lead_agency"] = "economy"  # type: ignore[index]
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(data, "plan.yaml")
    found = {p.path: p for p in caught.value.problems}
    assert {"header/date", "units/1/poor_households", "components/0/lead_agency"} == set(found)
    assert "2024-13" == found["header/date"].value
    assert -3 == found["units/1/poor_households"].value
    assert "must be >= 0" in found["units/1/poor_households"].reason
    assert "not a field" in found["components/0/lead_agency"].reason
    message = str(caught.value)
    assert message.startswith("plan.yaml: 3 problems:")
    assert "units/1/poor_households = -3: must be >= 0" in message


def test_problems_carry_the_line_of_the_yaml_file() -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace("households: 827,", "households: -827,")
    lines = text.splitlines()
    expected_line = next(i for i, line in enumerate(lines, 1) if "-827" in line)
    found = problems_of(text)
    # the printed annex row and the unit, if the unit is written the same way
    assert any(p.line == expected_line for p in found.values())


def test_an_unknown_field_is_an_error_with_a_suggestion() -> None:
    data = bundled_data()
    data["units"][2]["househods"] = data["units"][2].pop("households")  # type: ignore[index]
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(data)
    found = {p.path: p for p in caught.value.problems}
    assert "did you mean 'households'?" in found["units/2/househods"].reason
    assert ["units/2/househods"] == [path for path in found if path.startswith("units/")]


def test_a_field_of_an_older_format_is_named_with_its_new_name() -> None:
    data = bundled_data()
    targets = data["targets"]
    assert isinstance(targets, list)
    index = next(i for i, t in enumerate(targets) if "about" in t)
    targets[index]["unit"] = targets[index].pop("about")
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(data)
    found = {p.path: p for p in caught.value.problems}
    assert "it is called 'about' now" in found[f"targets/{index}/unit"].reason


def test_a_file_that_does_not_say_its_kind_is_refused_with_how_to_convert_it() -> None:
    data = bundled_data()
    del data["kind"]
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(data)
    (problem,) = caught.value.problems
    assert "kind" == problem.path
    assert problem.value is NO_VALUE
    assert "add 'kind: plan'" in problem.reason


def test_cross_references_are_reported_at_their_place_in_the_document() -> None:
    data = bundled_data()
    targets = data["targets"]
    assert isinstance(targets, list)
    index = next(i for i, t in enumerate(targets) if t.get("about") == "xuat-hoa")
    targets[index]["about"] = "xuat-hao"
    data["components"][2]["children"][0]["lead"] = "nobody"  # type: ignore[index]
    data["responsibilities"][0]["agency"] = "nobody"  # type: ignore[index]
    data["annex"]["rows"][3]["unit"] = "nowhere"  # type: ignore[index]
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(data)
    paths = {p.path for p in caught.value.problems}
    assert {
        f"targets/{index}/about",
        "components/2/children/0/lead",
        "responsibilities/0/agency",
        "annex/rows/3/unit",
    } <= paths


def test_a_count_with_thousands_separators_is_refused_with_a_hint() -> None:
    found = problems_of(
        BUNDLED.read_text(encoding="utf-8").replace("households: 2347", "households: 2.347", 1)
    )
    problem = found["units/0/households"]
    assert Decimal("2.347") == problem.value
    assert "whole number" in problem.reason
    assert "2347" in problem.reason


def test_text_that_yaml_reads_as_a_number_gets_a_quote_hint() -> None:
    found = problems_of(
        BUNDLED.read_text(encoding="utf-8").replace("title: KẾ HOẠCH", "title: 1.5")
    )
    assert "quotes" in found["header/title"].reason


@pytest.mark.parametrize(
    ("written", "reason"),
    [("017", "whole number"), ("0x1F", "whole number"), ("1:30", "whole number")],
)
def test_yaml_11_number_forms_are_refused_not_reinterpreted(written: str, reason: str) -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace(
        "households: 2347, poor_households: 27}", f"households: 2347, poor_households: {written}}}"
    )
    assert f"poor_households: {written}}}" in text
    found = problems_of(text)
    assert written == found["units/0/poor_households"].value
    assert reason in found["units/0/poor_households"].reason


def test_a_range_needs_low_and_high() -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace(
        "value: 13\n", "value: {low: 12, hgih: 14}\n", 1
    )
    found = problems_of(text)
    (path,) = found
    assert path.endswith("/value")
    assert "'low' and 'high'" in found[path].reason


def test_a_string_is_not_taken_for_a_list() -> None:
    data = bundled_data()
    data["closing"] = "one paragraph"
    with pytest.raises(PlanFileError) as caught:
        plan_from_data(data)
    assert ["closing"] == [p.path for p in caught.value.problems]


# -- safe loading -------------------------------------------------------------------------------


def test_yaml_never_constructs_objects(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f'!!python/object/apply:os.system ["touch {marker}"]\n'
    with pytest.raises(
        PlanFileError,
        match=r"has the tag !!python/object/apply:os\.system, which a plan file cannot hold",
    ):
        read_plan_text(text)
    assert not marker.exists()


def test_yaml_aliases_are_refused() -> None:
    found = problems_of("a: &x [1, 2]\nb: *x\n")
    assert "aliases" in found[""].reason
    assert 2 == found[""].line


def test_a_key_given_twice_is_an_error_in_yaml_and_json() -> None:
    assert 2 == problems_of("standard: a\nstandard: b\n")["standard"].line
    assert "standard" in problems_of('{"standard": "a", "standard": "b"}', "json")


@pytest.mark.parametrize("text", ['{"x": NaN}', '{"x": Infinity}', "[1,", ""])
def test_json_that_is_no_plan_data_is_refused(text: str) -> None:
    with pytest.raises(PlanFileError):
        read_plan_text(text, "json")


def test_nesting_too_deep_is_refused() -> None:
    deep = "[" * 2000 + "]" * 2000
    with pytest.raises(PlanFileError):
        read_plan_text(deep, "json")
    with pytest.raises(PlanFileError):
        read_plan_text(f"purpose: {deep}")
    data: dict[str, object] = {"purpose": [{}]}
    node = data["purpose"][0]  # type: ignore[index]
    for _ in range(100):
        node["subsections"] = [{}]
        node = node["subsections"][0]
    with pytest.raises(PlanFileError, match="nested more than"):
        plan_from_data(data)


# -- files --------------------------------------------------------------------------------------


def test_a_byte_order_mark_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BUNDLED.read_bytes())
    assert bac_kan_2024() == load_plan(path)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("plan.txt", b"", "extension '.txt'"),
        ("plan.yaml", b"\xff\xfe\x00", "not UTF-8"),
        ("missing.yaml", None, "does not exist"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes | None, reason: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(PlanFileError, match=reason) as caught:
        load_plan(path)
    assert str(path) == caught.value.source


def test_a_failed_save_leaves_the_existing_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("the old content\n", encoding="utf-8")

    def fail(_: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="disk full"):
        save_plan(bac_kan_2024(), path)
    assert "the old content\n" == path.read_text(encoding="utf-8")
    assert [path] == list(tmp_path.iterdir())  # no temporary file left behind


def test_saving_to_an_unknown_extension_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError):
        save_plan(bac_kan_2024(), tmp_path / "plan.toml")
    assert [] == list(tmp_path.iterdir())


def test_saving_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o640)
    save_plan(bac_kan_2024(), path)
    assert 0o640 == path.stat().st_mode & 0o777
    assert bac_kan_2024() == load_plan(path)


def test_the_error_is_in_the_library_hierarchy_and_a_value_error() -> None:
    from mdpoverty.errors import MdpovertyError  # noqa: PLC0415

    error = PlanFileError("f", [FileProblem("a", "b")])
    assert isinstance(error, MdpovertyError)
    assert isinstance(error, ValueError)
    assert "f: 1 problem:\n  - a: b" == str(error)
