"""The AF measures of 1 million households: mdpoverty against PyPI's mpitb and bare NumPy.

Run in a virtual environment with mdpoverty and mpitb (``pip install mpitb``; mpitb is not a
dependency of mdpoverty, only of this comparison)::

    python benchmarks/households/versus.py [HOUSEHOLDS]

The task: the 12 indicators of Decree 07/2021 with nested equal weights (1/6 a dimension, 1/12
an indicator), k = 33 %, over the whole table: H, A, M0 and each indicator's censored
headcount ratio and contributions.  mpitb gets its table in the form it takes (float 0/1
indicator columns; k in percent); mdpoverty and the NumPy pass get the same boolean columns.
The bare NumPy pass is the least any exact implementation must do: integer scores, one
comparison, a count per indicator.  The measures of the three are compared (mdpoverty's
fractions as floats against mpitb's floats), then each is timed, best of three.
"""

from __future__ import annotations

import platform
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

import synthetic

from mdpoverty.households import alkire_foster, nested_weights
from mdpoverty.reference.standards import poverty_standard

ROUNDS = 3
T = TypeVar("T")
K = Fraction(33, 100)


def _best(fn: Callable[[], T]) -> tuple[float, T]:
    times = []
    for _ in range(ROUNDS - 1):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    result = fn()
    times.append(time.perf_counter() - start)
    return min(times), result


def bare_numpy(columns: list[np.ndarray], weights: list[Fraction]) -> dict[str, Any]:
    denominator = int(np.lcm.reduce([w.denominator for w in weights]))
    integer = [int(w * denominator) for w in weights]
    scores = np.zeros(len(columns[0]), dtype=np.int64)
    for column, weight in zip(columns, integer, strict=True):
        scores += column * np.int64(weight)
    poor = scores * K.denominator >= K.numerator * denominator
    n, q = len(poor), int(np.count_nonzero(poor))
    return {
        "H": Fraction(q, n),
        "M0": Fraction(int(scores[poor].sum()), denominator * n),
        "hdk": [Fraction(int(np.count_nonzero(c & poor)), n) for c in columns],
    }


def main(n: int) -> None:
    from mpitb.core import MPIToolbox  # noqa: PLC0415  (only in the comparison's environment)

    standard = poverty_standard("decree-07-2021")
    ids = [i.id for i in standard.indicators]
    weights = nested_weights(standard)
    frame = synthetic.households(n, standard)[ids]
    as_float = frame.astype(np.float64)
    print(f"# Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}")
    print(f"# {n:,} households, {len(ids)} indicators, k = {K}")

    toolbox = MPIToolbox()
    toolbox.set(
        name="vn",
        dimensions=[([i.id for i in d.indicators], d.id) for d in standard.dimensions],
        replace=True,
    )

    def run_mpitb() -> list[dict[str, object]]:
        # est() writes score and poor columns into the frame it is given: give it a copy.
        return toolbox.est(df=as_float.copy(), name="vn", klist=[33], aux=[])

    def run_ours() -> pd.DataFrame:
        return alkire_foster(frame, k=K, weights=weights)

    columns = [frame[i].to_numpy() for i in ids]
    t_mpitb, theirs = _best(run_mpitb)
    t_ours, ours = _best(run_ours)
    t_numpy, bare = _best(lambda: bare_numpy(columns, [weights[i] for i in ids]))

    mine = {
        (m, i if isinstance(i, str) else None): v
        for m, i, v in zip(ours.measure, ours.indicator, ours.value, strict=True)
    }
    their = {(r["measure"], r.get("indicator")): r["b"] for r in theirs}
    checks = [("H", None), ("A", None), ("M0", None)]
    checks += [(m, i) for i in ids for m in ("hdk", "actb", "pctb")]
    worst = 0.0
    for measure, indicator in checks:
        mine_value = mine[measure, indicator]
        if measure == "pctb":  # mdpoverty: percent; mpitb: a share
            mine_value = mine_value / 100
        worst = max(worst, abs(float(mine_value) - float(their[measure, indicator])))
    same_as_numpy = (
        bare["H"] == mine["H", None]
        and bare["M0"] == mine["M0", None]
        and bare["hdk"] == [mine["hdk", i] for i in ids]
    )
    print(f"mpitb 0.2:      {t_mpitb:.3f} s")
    print(f"mdpoverty:      {t_ours:.3f} s  ({t_mpitb / t_ours:.1f}x faster than mpitb)")
    print(f"bare NumPy:     {t_numpy:.3f} s  (mdpoverty / NumPy = {t_ours / t_numpy:.2f})")
    print(f"largest |mdpoverty - mpitb| over {len(checks)} measures: {worst:.2e}")
    print(f"mdpoverty equals the NumPy pass exactly (H, M0, hdk): {same_as_numpy}")
    print(f"H = {mine['H', None]}, M0 = {mine['M0', None]}")


if __name__ == "__main__":
    main(int(sys.argv[1].replace(",", "")) if len(sys.argv) > 1 else 1_000_000)
