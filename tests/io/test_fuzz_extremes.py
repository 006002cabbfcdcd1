"""Fuzzing the loaders and ``check`` with extreme numbers and dates in real plan files.

Each case takes the bundled plan's YAML or JSON text, writes one extreme number or year in
the place of one of its numbers (drawn from every number the text holds), and loads it with
libyaml's parser or the pure-Python one.  Only :class:`PlanFileError` may escape; what loads
must check, tabulate, save and load back to itself.

Termination is structural, not timed: every input is bounded (a number's text at most a few
hundred characters, one plan), and the test asserts that whatever loads lies within the
documented bounds (:mod:`mdpoverty.values.bounds`), which is what keeps every rule, table and
formatter finite.  Budget, from the profile's ``max_examples`` (50 by default, 500 in the
thorough profile): the extreme numbers 50 cases by default, the mangled texts 25, generated
plans through both parsers 10; 85 loads in all, each followed by a check, the annex and two
round trips where it loads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdpoverty.checks import check
from mdpoverty.errors import PlanFileError
from mdpoverty.io import _parse  # the module whose YAML parser the tests swap
from mdpoverty.io._dialects import FastLoader, Loader, dump_yaml
from mdpoverty.io.files import plan_to_data, read_plan_text, write_plan_text
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import bac_kan_2024, example_path
from mdpoverty.tables.annex import annex
from mdpoverty.testing import plain_data, plans
from mdpoverty.values.bounds import MAX_COUNT, MAX_DECIMAL, MAX_PLACES, MAX_YEAR, MIN_YEAR

YAML = example_path("bac-kan-2024").read_text(encoding="utf-8")
JSON = write_plan_text(bac_kan_2024(), "json")
# Every number of the texts (after a key), and every date (a year with or without a month).
_NUMBER = re.compile(r'(?<=: )"?-?\d[\d.,]*(?:-\d\d)?"?(?=[,}\s])')
PLACES = {"yaml": [m.span() for m in _NUMBER.finditer(YAML)]}
PLACES["json"] = [m.span() for m in _NUMBER.finditer(JSON)]

T = TypeVar("T")

SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow])
# A mangled text goes through the pure-Python parser half the time (a fifth of a second for
# the bundled plan), and a generated plan is slow to draw: fewer cases for these two.
HALF = settings(SETTINGS, max_examples=max(10, settings().max_examples // 2))
FIFTH = settings(SETTINGS, max_examples=max(10, settings().max_examples // 5))

digits = st.text(alphabet="0123456789", min_size=1, max_size=60)
exponents = st.one_of(
    st.integers(-40, 40), st.integers(-(10**20), 10**20), st.sampled_from([999999999, -999999999])
)
extreme_numbers = st.one_of(
    digits,  # huge counts, 00012, years such as 99999
    st.builds(lambda d: "-" + d, digits),
    st.builds(lambda a, b: f"{a}.{b}", digits, digits),  # many places
    st.builds(lambda a, e: f"{a}.0e{e:+d}", digits, exponents),
    st.builds(lambda e: f"1e{e}", exponents),
    st.integers(-10, 3000).map(str),  # years around the bounds
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(-99, 99999), st.integers(0, 13)),
    st.sampled_from([".inf", "-.nan", "1_000", "0x1F", "017", "1:30", "1,15", "8,00", "2.347"]),
    st.text(alphabet="0123456789.,eE+-_", max_size=300),
)


def _within_bounds(value: Any) -> bool:
    """Every number of plain data within the documented bounds."""
    if isinstance(value, dict):
        return all(_within_bounds(v) for v in value.values())
    if isinstance(value, list):
        return all(_within_bounds(v) for v in value)
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return abs(value) < MAX_COUNT
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return (
            value.is_finite()
            and abs(value) < MAX_DECIMAL
            and isinstance(exponent, int)
            and exponent >= -MAX_PLACES
        )
    return True


def _years(plan: Document) -> list[int]:
    dates = [d for d in (plan.header.date,) if d is not None]
    dates += [r.date for r in plan.legal_bases]
    if plan.annex is not None and plan.annex.date is not None:
        dates.append(plan.annex.date)
    return [plan.period.start, plan.period.end, *(d.year for d in dates)]


def _by_both_parsers(read: Callable[[str], T], text: str) -> list[T]:
    """``read(text)`` with libyaml's parser, then with the pure-Python one."""
    results = []
    for parser in (FastLoader, Loader):
        with mock.patch.object(_parse, "_LOADER", parser):
            results.append(read(text))
    return results


def _load_and_use(text: str, fmt: Any, parser: type[Any]) -> None:
    refused: PlanFileError | None = None
    try:
        with mock.patch.object(_parse, "_LOADER", parser):
            plan = read_plan_text(text, fmt)
    except PlanFileError as error:
        refused = error
    if refused is not None:
        assert refused.problems
        assert str(refused)  # the message can always be made
        return
    data = plan_to_data(plan)
    assert _within_bounds(data)
    assert all(MIN_YEAR <= year <= MAX_YEAR for year in _years(plan))
    report = check(plan)  # never raises: a rule that fails is a finding
    assert not [f for f in report if "could not judge" in f.message]
    str(report)
    report.to_frame()
    annex(plan)
    for out in ("yaml", "json"):
        assert plan == read_plan_text(write_plan_text(plan, out), out)


@SETTINGS
@given(
    fmt=st.sampled_from(["yaml", "json"]),
    parser=st.sampled_from([FastLoader, Loader]),
    place=st.data(),
    number=extreme_numbers,
    quoted=st.booleans(),
)
def test_an_extreme_number_anywhere_gives_only_plan_file_error_or_a_usable_plan(
    fmt: str, parser: type[Any], place: st.DataObject, number: str, *, quoted: bool
) -> None:
    text = YAML if fmt == "yaml" else JSON
    start, end = place.draw(st.sampled_from(PLACES[fmt]))
    written = f'"{number}"' if quoted else number
    _load_and_use(text[:start] + written + text[end:], fmt, parser)


@HALF
@given(
    parser=st.sampled_from([FastLoader, Loader]),
    position=st.integers(0, len(YAML) - 1),
    cut=st.integers(0, 40),
    insert=st.text(alphabet="{}[]:,-&*!|>'\"#\n 0123456789.eE", max_size=40),
)
def test_a_mangled_yaml_plan_gives_only_plan_file_error_or_a_usable_plan(
    parser: type[Any], position: int, cut: int, insert: str
) -> None:
    _load_and_use(YAML[:position] + insert + YAML[position + cut :], "yaml", parser)


def test_both_parsers_read_the_bundled_plan_alike() -> None:
    plans = _by_both_parsers(read_plan_text, YAML)
    assert plans[0] == plans[1]
    # Every digit too: Decimal('1.10') == Decimal('1.1') but their texts differ.
    assert write_plan_text(plans[0]) == write_plan_text(plans[1])


@FIFTH
@given(plan=plans(max_units=4))
def test_both_parsers_read_any_written_plan_alike(plan: Document) -> None:
    read = _by_both_parsers(read_plan_text, write_plan_text(plan))
    assert plan == read[0] == read[1]


@HALF
@given(data=plain_data(writable=True))
def test_what_the_writer_writes_both_parsers_read_back_unchanged(data: dict[str, Any]) -> None:
    # The one-pass reader of the parser's events against the writer: text that looks like a
    # number, a date, a boolean or null ("017", "1:30", "yes", "~") must come back as text.
    read = _by_both_parsers(lambda text: _parse.parse_yaml(text, "<text>")[0], dump_yaml(data))
    assert data == read[0] == read[1]
