"""Every documented error of the household functions says itself in Vietnamese and in English.

A Vietnamese message holds no English sentence once the names it quotes are taken out (column
names, the arguments of a function, types, ids: words for programs, the same in every
language); an English one holds no Vietnamese word.  A household table's problems are checked
one by one (their reasons), the other errors as a whole (:meth:`MdpovertyError.text`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from mdpoverty.errors import (
    HouseholdArgumentError,
    HouseholdTableError,
    InexactNumberError,
    MdpovertyError,
    MeasureError,
    UnknownNameError,
)
from mdpoverty.households import (
    administrative_units,
    af_spec,
    alkire_foster,
    classify,
    count_tally,
    counts,
    exact,
    tally_file,
)
from mdpoverty.i18n import localize
from mdpoverty.model.units import UnitKind
from mdpoverty.testing import english_words, vietnamese_words, without

# Words for programs a message may quote: argument and column names, types, ids.
PROGRAM_WORDS = [
    "batch_rows",
    "columns",
    "missing",
    "standard",
    "year",
    "deprivations",
    "income",
    "unit",
    "area",
    "DataFrame",
    "Series",
    "PovertyStandard",
    "Fraction",
    "Decimal",
    "int",
    "float",
    "str",
    "list",
    "review.csv",
    "1e-100",
    "1e100",
]


def _table(**columns: list[object]) -> pd.DataFrame:
    base: dict[str, list[object]] = {
        "unit": [1, 1],
        "area": ["rural", "urban"],
        "income": [100, 200],
        "deprivations": [5, 0],
    }
    return pd.DataFrame(base | columns)


def _assert_in_either_language(text: str, names: list[str] = PROGRAM_WORDS) -> None:
    vi, en = localize(text, "vi"), localize(text, "en")
    assert vi != en, en
    assert set() == english_words(without(vi, names)), vi
    assert set() == vietnamese_words(en), en


def _table_problems(call: Callable[[], object]) -> list[str]:
    with pytest.raises(HouseholdTableError) as raised:
        call()
    return [p.reason for p in raised.value.problems]


def test_a_file_with_a_header_only(tmp_path: Path) -> None:
    path = tmp_path / "review.csv"
    path.write_text("unit,area,income,deprivations\n")
    (reason,) = _table_problems(lambda: tally_file(path, functools.partial(count_tally, year=2024)))
    _assert_in_either_language(reason)
    assert "review.csv" in localize(reason, "vi")


def test_a_file_that_is_not_utf8_or_absent(tmp_path: Path) -> None:
    bad = tmp_path / "review.csv"
    bad.write_bytes("unit,area\n1,nông thôn\n".encode("cp1258"))
    for path in (bad, tmp_path / "none.csv"):
        (reason,) = _table_problems(
            functools.partial(tally_file, path, functools.partial(count_tally, year=2024))
        )
        _assert_in_either_language(reason, [*PROGRAM_WORDS, str(path), "UTF-8"])


@pytest.mark.parametrize(
    "table",
    [
        pd.DataFrame({"household": [1]}),  # no column it needs
        _table(area=["rural", "town"]),  # an area that is none
        _table(income=[-1, 5]),  # a negative income
        _table(income=["100", "200"]),  # incomes as text
        _table(deprivations=[None, 3]),  # a missing value
    ],
    ids=["missing-columns", "area", "negative", "text", "missing-value"],
)
def test_the_problems_of_a_household_table(table: pd.DataFrame) -> None:
    reasons = _table_problems(lambda: classify(table, 2024))
    assert reasons
    for reason in reasons:
        _assert_in_either_language(reason, [*PROGRAM_WORDS, "object", "str", "Int64"])


def test_unknown_unit_codes_and_weights_too_large() -> None:
    table = _table(unit=[5716, 9999], w=[2**61, 2**61])
    reasons = _table_problems(lambda: counts(table, 2024, units=["05716"], weight="w"))
    reasons += _table_problems(lambda: counts(_table(w=[2**53, 1]), 2024, weight="w"))
    assert len(reasons) >= 2
    for reason in reasons:
        _assert_in_either_language(reason)


def test_the_problems_of_a_table_of_deprivations() -> None:
    table = pd.DataFrame({"water": [True, None], "school": [2, 0]})
    for reason in _table_problems(lambda: alkire_foster(table, k="1/2", by="group")):
        _assert_in_either_language(reason, [*PROGRAM_WORDS, "water", "school", "group"])


def _any(value: object) -> Any:
    """``value``, of a type the function refuses (the type checker would refuse it too)."""
    return value


def _error(call: Callable[[], object], kind: type[MdpovertyError]) -> MdpovertyError:
    with pytest.raises(kind) as raised:
        call()
    return raised.value


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (lambda: exact("1/0", "k"), MeasureError),
        (lambda: af_spec(["a"], 0), MeasureError),
        (lambda: af_spec(["a"], _any(1.0)), InexactNumberError),
        (lambda: af_spec(["a"], "2"), MeasureError),
        (lambda: af_spec(["a"], "abc"), MeasureError),
        (lambda: af_spec(["a"], "1e-999999999"), MeasureError),
        (lambda: af_spec([], "1/2"), MeasureError),
        (lambda: af_spec(["a", "b"], "1/2", {"a": 1, "c": 1}), MeasureError),
        (lambda: af_spec(["a", "b"], "1/2", {"a": -1, "b": 0}), MeasureError),
        (lambda: af_spec(["a", "b"], "1/2", {"a": 1, "b": 2**62}), MeasureError),
        (lambda: classify(_any("table.csv"), 2024), HouseholdArgumentError),
        (lambda: classify(_table(), _any("2024")), HouseholdArgumentError),
        (lambda: classify(_table(), standard=_any(7)), HouseholdArgumentError),
        (lambda: classify(_table()), HouseholdArgumentError),
        (lambda: classify(_table(), 2024, missing=_any("drop")), HouseholdArgumentError),
        (lambda: classify(_table(), 2024, columns=_any(["unit"])), HouseholdArgumentError),
        (lambda: alkire_foster(_any([[True]]), k="1/2"), HouseholdArgumentError),
    ],
)
def test_each_documented_error(call: Callable[[], object], kind: type[MdpovertyError]) -> None:
    error = _error(call, kind)
    vi, en = error.text("vi"), error.text("en")
    assert en == str(error)
    names = [*PROGRAM_WORDS, "k", "a", "b", "c", "abc", "drop", "error", "exclude"]
    assert set() == english_words(without(vi, names)), vi
    assert set() == vietnamese_words(en), en
    assert vi != en


def test_counts_without_a_unit_asked_for() -> None:
    table = counts(_table(), 2024)
    names = {9: ("xa-chin", "Xã Chín", UnitKind.COMMUNE)}
    error = _error(lambda: administrative_units(table, names), UnknownNameError)
    vi = error.text("vi")
    assert set() == english_words(without(vi, ["commune"])), vi
    assert set() == vietnamese_words(error.text("en"))
