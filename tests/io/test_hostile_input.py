"""Hostile plan files from the fuzzing report: each is refused with a PlanFileError at its
place, or loads and then checks, tabulates, saves and reloads without any other exception."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from mdpoverty.checks import check
from mdpoverty.errors import MAX_LISTED, FileProblem, PlanFileError
from mdpoverty.io import _parse  # the module whose YAML parser the tests swap
from mdpoverty.io._dialects import FastLoader, Loader
from mdpoverty.io._parse import parse_yaml
from mdpoverty.io.files import load_plan, read_plan_text, save_plan, write_plan_text
from mdpoverty.reference.datasets import example_path
from mdpoverty.tables.annex import annex
from mdpoverty.values.bounds import MAX_FILE_BYTES

BUNDLED = example_path("bac-kan-2024").read_text(encoding="utf-8")
ROW = "start_rate: 1.15,"  # the first printed annex row's rate
assert ROW in BUNDLED


@pytest.fixture(params=["c", "python"], autouse=True)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test here runs with libyaml's parser and with the pure-Python one."""
    chosen: type[yaml.SafeLoader] = FastLoader if request.param == "c" else Loader
    monkeypatch.setattr(_parse, "_LOADER", chosen)
    return str(request.param)


def problems_of(text: str, fmt: str = "yaml") -> dict[str, FileProblem]:
    with pytest.raises(PlanFileError) as caught:
        read_plan_text(text, fmt, "plan")  # type: ignore[arg-type]
    return {p.path: p for p in caught.value.problems}


RATE = "annex/rows/0/start_rate"


@pytest.mark.parametrize(
    ("value", "bound"),
    [
        ("1.0e-999999999", "MAX_NUMBER_CHARS"),  # check ran for more than a minute
        ("1.0e+99999999999999999999", "MAX_NUMBER_CHARS"),  # decimal.InvalidOperation
        ("1.0e+10000000", "MAX_NUMBER_CHARS"),  # decimal.Overflow inside a rule
        ("1.0e+999999999999999999", "MAX_NUMBER_CHARS"),  # MemoryError formatting a finding
        ("1." + "1" * 1_000_000, "MAX_NUMBER_CHARS"),  # a million digits: 14 s
        ("1.0e+20", "MAX_DECIMAL"),
        ("1.1234567", "MAX_PLACES"),
    ],
)
def test_an_extreme_rate_is_refused_at_its_place_naming_the_bound(value: str, bound: str) -> None:
    found = problems_of(BUNDLED.replace(ROW, f"start_rate: {value},", 1))
    assert bound in found[RATE].reason


@pytest.mark.parametrize("value", ["1.0e+99999999999999999999", "1.0e-999999999", "1e400"])
def test_an_extreme_json_number_is_refused_at_its_place(value: str) -> None:
    data = json.loads(write_plan_text(read_plan_text(BUNDLED), "json"))
    data["annex"]["rows"][0]["start_rate"] = "@@"
    text = json.dumps(data, ensure_ascii=False).replace('"@@"', value)
    assert "MAX_NUMBER_CHARS" in problems_of(text, "json")[RATE].reason
    data["annex"]["rows"][0]["start_rate"] = value  # as a string, as JSON files write Decimals
    text = json.dumps(data, ensure_ascii=False)
    assert "MAX_NUMBER_CHARS" in problems_of(text, "json")[RATE].reason


@pytest.mark.parametrize("value", ["10000000000000000000", "1" * 5000])
def test_a_count_too_large_is_refused_at_its_place(value: str) -> None:
    text = BUNDLED.replace("households: 2347,", f"households: {value},")
    found = problems_of(text)
    assert {"units/0/households", "annex/rows/0/households"} <= set(found)
    assert all("MAX" in found[p].reason for p in ("units/0/households", "annex/rows/0/households"))


def test_a_negative_count_in_a_printed_row_is_refused_at_its_place() -> None:
    text = BUNDLED.replace(
        "reduction: 2, rate_reduction: 0.08", "reduction: -2, rate_reduction: 0.08"
    )
    assert "must be >= 0" in problems_of(text)["annex/rows/0/reduction"].reason


@pytest.mark.parametrize("year", ["99999", "10000000000000000000", "-5", "1200", "2101"])
def test_a_year_out_of_bounds_is_refused_where_it_is_written(year: str) -> None:
    found = problems_of(BUNDLED.replace("date: 2024-03 ", f"date: {year} ", 1))
    assert "header/date" in found
    found = problems_of(
        BUNDLED.replace("{start: 2024, end: 2024}", f"{{start: {year}, end: 2024}}")
    )
    assert "period/start" in found


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("households: 2347,", "households: !!bool maybe,", "units/0/households"),  # KeyError
        ("date: 2024-03 ", "date: !!timestamp garbage ", "header/date"),  # AttributeError
    ],
)
def test_pyyamls_own_constructors_do_not_leak_their_exceptions(
    old: str, new: str, path: str
) -> None:
    assert path in problems_of(BUNDLED.replace(old, new, 1))


@pytest.mark.parametrize("text", ["a: !!binary 'not base64!'", "a: !!set {[1]: 2}", "? [1]\n: 2"])
def test_any_other_tag_or_key_failure_is_a_plan_file_error(text: str) -> None:
    with pytest.raises(PlanFileError):
        read_plan_text(text)


@pytest.mark.parametrize(
    ("text", "path", "reason"),
    [
        ("a: !!binary 'eA=='\n", "a", "has the tag !!binary, which a plan file cannot hold"),
        ("a: !!set {x: null}\n", "a", "has the tag !!set"),
        ("a:\n  - !local 5\n", "a/0", "has the tag !local"),
        ("a: 1\n? [1]\n: 2\n", "", "is a key that is a list or mapping"),
        ("yes: 1\ntrue: 2\n", "true", "is given more than once"),  # both read as True
        ("a: 1\n---\nb: 2\n", "", "more than one document"),
    ],
)
def test_the_dialect_refuses_what_a_plan_cannot_hold_at_its_place(
    text: str, path: str, reason: str
) -> None:
    found = problems_of(text)
    assert reason in found[path].reason


def test_yaml_values_keep_their_meaning_in_the_dialect() -> None:
    text = (
        "quoted: '1.15'\nplain: 1.15\ncount: 017\ntime: 1:30\ndate: 2024-03-05\n"
        "flag: yes\nnothing: ~\nempty:\ntext: !!str 12\nnumber: !!int '12'\n"
        "merge: {<<: {a: 1}}\nblock: |\n  x\n"
        "items:\n  - a: 1\n    b: 2\n  - a: 3\n    b:\n      - 4\n"
    )
    data, lines = parse_yaml(text, "<text>")
    assert {
        "quoted": "1.15",
        "plain": Decimal("1.15"),
        "count": "017",  # not YAML 1.1's octal 15
        "time": "1:30",  # not YAML 1.1's 90
        "date": "2024-03-05",
        "flag": True,
        "nothing": None,
        "empty": None,
        "text": "12",
        "number": 12,
        "merge": {"<<": {"a": 1}},  # a key like any other: merging needs aliases
        "block": "x\n",
        "items": [{"a": 1, "b": 2}, {"a": 3, "b": [4]}],
    } == data
    assert (1, 5, 11, 11) == (lines["quoted"], lines["date"], lines["merge"], lines["merge/<<"])
    # a list's item has its own line, a mapping's value its key's
    assert (14, 15, 15, 17, 18, 19) == tuple(
        lines[p] for p in ("items", "items/0", "items/0/a", "items/1", "items/1/b", "items/1/b/0")
    )


def test_a_recursive_alias_is_refused_not_walked() -> None:
    assert "aliases" in problems_of("a: &x [1, *x]\n")[""].reason


def test_a_file_above_the_size_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    with pytest.raises(PlanFileError, match="MAX_FILE_BYTES"):
        load_plan(path)
    with pytest.raises(PlanFileError, match="MAX_FILE_BYTES"):
        read_plan_text("#" * (MAX_FILE_BYTES + 1))


@pytest.mark.parametrize(("char", "escape"), [("\x85", "N"), ("\u2028", "L"), ("\u2029", "P")])
def test_a_yaml_line_break_character_in_a_name_survives_a_round_trip(
    tmp_path: Path, char: str, escape: str
) -> None:
    written = f'name: "Phường Sông\\{escape}Cầu"'
    plan = read_plan_text(BUNDLED.replace("name: Phường Sông Cầu", written))
    assert f"Phường Sông{char}Cầu" == plan.units[0].name
    path = tmp_path / "plan.yaml"
    save_plan(plan, path)
    assert plan == load_plan(path)


def test_a_lone_surrogate_in_a_json_name_is_refused_at_its_place() -> None:
    data = json.loads(write_plan_text(read_plan_text(BUNDLED), "json"))
    data["units"][0]["name"] = "Phường \ud800"
    found = problems_of(json.dumps(data), "json")
    assert "surrogate" in found["units/0/name"].reason


def test_what_loads_checks_tabulates_and_saves_back_to_the_same_plan(tmp_path: Path) -> None:
    # 99999 households: large but within the bounds; everything downstream copes.
    plan = read_plan_text(BUNDLED.replace("households: 2347,", "households: 999999999999,"))
    check(plan)
    annex(plan)
    for suffix in (".yaml", ".json"):
        path = tmp_path / f"plan{suffix}"
        save_plan(plan, path)
        assert plan == load_plan(path)


@pytest.mark.parametrize("written", ["1,15", "8,00"])
def test_a_decimal_comma_in_a_flow_row_gets_the_block_style_message(written: str) -> None:
    flow = problems_of(BUNDLED.replace(ROW, f"start_rate: {written},", 1))
    # In block style `start_rate: 1,15` is the text '1,15', as quoting makes it in a flow row.
    block = problems_of(BUNDLED.replace(ROW, f"start_rate: '{written}',", 1))
    assert [RATE] == list(flow)
    assert (written, block[RATE].reason) == (flow[RATE].value, flow[RATE].reason)


@pytest.mark.parametrize("period", ["{start: 2100}", "{start: 1945, end: 1950}"])
def test_a_period_outside_the_standard_and_programme_is_a_finding_not_a_crash(
    period: str,
) -> None:
    plan = read_plan_text(BUNDLED.replace("{start: 2024, end: 2024}", period))
    report = check(plan)
    assert {"dates.standard-period", "dates.programme-period"} <= {
        f.rule for f in report.filter(location="period")
    }


def test_thousands_of_unknown_keys_list_the_first_hundred_and_how_many_more() -> None:
    # A sheet pasted into the wrong place: every key is a problem of its own; the exception
    # holds them all, its message the first MAX_LISTED in the file's order and a count.
    keys = ["purpse"] + [f"heading_{n}" for n in range(1_000)]
    text = BUNDLED + "".join(f"{key}: {n}\n" for n, key in enumerate(keys))
    with pytest.raises(PlanFileError) as caught:
        read_plan_text(text, "yaml", "plan")
    problems = caught.value.problems
    assert keys == [p.path for p in problems]
    lines = str(caught.value).splitlines()
    assert "plan: 1,001 problems:" == lines[0]  # in English notation
    assert MAX_LISTED + 2 == len(lines)
    assert lines[1].endswith("purpse: is not a field of Plan; did you mean 'purpose'?")
    assert lines[MAX_LISTED].endswith(f"heading_{MAX_LISTED - 2}: is not a field of Plan")
    assert f"  … and {1001 - MAX_LISTED} more problems" == lines[-1]
