"""Household review data at 1 million and 4 million households (pytest-benchmark).

The national figure (27 million households) and the comparison with mpitb and bare NumPy are
scripts in ``benchmarks/households/`` (they take minutes and need a separate environment);
these two sizes show that the cost grows linearly with the households.  Run with
``pytest benchmarks/bench_households.py --benchmark-only``.
"""

from __future__ import annotations

import gc
import sys
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from mdpoverty.households import alkire_foster, review
from mdpoverty.reference.standards import standard_in_force

sys.path.insert(0, str(Path(__file__).parent / "households"))

import synthetic

STANDARD = standard_in_force(2027)


@pytest.fixture(scope="module", params=[1_000_000, 4_000_000], ids=["1M", "4M"])
def table(request: pytest.FixtureRequest) -> pd.DataFrame:
    frame = synthetic.households(request.param, STANDARD)
    gc.collect()
    return frame


def test_review(benchmark: BenchmarkFixture, table: pd.DataFrame) -> None:
    units = synthetic.units()
    benchmark.pedantic(
        lambda: review(table, 2027, k=Fraction(1, 3), units=units), rounds=3, iterations=1
    )


def test_alkire_foster_whole_table(benchmark: BenchmarkFixture, table: pd.DataFrame) -> None:
    indicators = table[[i.id for i in STANDARD.indicators]]
    benchmark.pedantic(
        lambda: alkire_foster(indicators, k=Fraction(1, 3), weights=STANDARD),
        rounds=3,
        iterations=1,
    )
