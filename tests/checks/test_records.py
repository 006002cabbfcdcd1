"""Findings as records: JSON-ready, exact, and valid against the shipped JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.checks import FINDING_SCHEMA, Finding, Report, Severity, check
from mdpoverty.checks.records import json_value
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.quantities import Quantity

VALIDATOR = jsonschema.Draft202012Validator(FINDING_SCHEMA)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(FINDING_SCHEMA)


def test_the_bac_kan_findings_as_records() -> None:
    # The four findings of the printed plan (see tests/checks/test_checks_bac_kan.py), their
    # values as the document gives them: 919 + 30 = 949 against the declared 1.021.
    records = check(bac_kan_2024()).to_records()
    assert [
        ("funding.sources-sum", "error", "components/DA3.TDA1/funding", "949", "1021"),
        (
            "agencies.spelling",
            "info",
            "agencies/culture-information",
            "Phòng Văn hóa và Thông tin",
            ["Phòng Văn hóa - Thông tin"],
        ),
        ("dates.annex", "error", "annex/date", "2024-03", "2024-04"),
        ("dates.basis-year", "warning", "legal_bases/0/date", "in 2023 or later", "2022-12-18"),
    ] == [(r["rule"], r["severity"], r["location"], r["expected"], r["actual"]) for r in records]
    for record in records:
        VALIDATOR.validate(record)
    assert records == json.loads(json.dumps(records))


def test_values_of_every_kind() -> None:
    assert "1000" == json_value(Decimal("1E+3"))
    assert "-0.10" == json_value(Decimal("-0.10"))
    assert "7" == json_value(7)
    assert {"low": "1", "high": "2.5"} == json_value(Quantity(Decimal(1), Decimal("2.5")))
    assert "3" == json_value(Quantity(3))
    assert "2024-03" == json_value(PartialDate(2024, 3))
    assert "2021–2025" == json_value(Period(2021, 2025))
    assert ["a", None] == json_value(("a", None))
    assert json_value(None) is None


numbers = st.decimals(allow_nan=False, allow_infinity=False, places=None) | st.integers()


@given(numbers, numbers)
def test_a_record_keeps_every_digit(low: Decimal | int, high: Decimal | int) -> None:
    finding = Finding("x.y", Severity.ERROR, ".", "m", expected=low, actual=(high, None))
    [record] = Report((finding,)).to_records()
    VALIDATOR.validate(record)
    text = record["expected"]
    assert isinstance(text, str)
    assert Decimal(low) == Decimal(text)
    assert "E" not in text.upper()


def test_the_command_prints_the_findings_as_json_and_jsonl() -> None:
    def run(fmt: str) -> str:
        done = subprocess.run(  # noqa: S603  (a fixed command line)
            [
                sys.executable,
                "-m",
                "mdpoverty",
                "check",
                "--example",
                "bac-kan-2024",
                "--format",
                fmt,
                "--lang",
                "vi",
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert 1 == done.returncode  # error-level findings
        return done.stdout

    expected = check(bac_kan_2024()).to_records("vi")  # the messages in the language asked
    assert expected == json.loads(run("json"))
    assert expected == [json.loads(line) for line in run("jsonl").splitlines()]
