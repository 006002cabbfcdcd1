"""A seeded synthetic national household table, in the compact dtypes a review file should use.

About 27 million households in 3,321 communes (Vietnam after the 2025 reorganisation), 34
provinces; five-digit integer commune codes; area as a categorical; income as int64 VND; the
12 indicators of Decree 07/2021 (and of the 2027–2030 list, by id) as booleans, drawn with
probabilities that fall with income so that every group is well populated.  The same seed
gives the same table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mdpoverty.reference.standards import PovertyStandard

NATIONAL_HOUSEHOLDS = 27_000_000
COMMUNES = 3_321
PROVINCES = 34


def units(seed: int = 0) -> pd.DataFrame:
    """The communes (five-digit codes) and their provinces."""
    rng = np.random.default_rng(seed)
    codes = np.sort(rng.choice(np.arange(10_000, 33_000), size=COMMUNES, replace=False))
    provinces = np.sort(rng.integers(1, PROVINCES + 1, size=COMMUNES))
    return pd.DataFrame({"province": provinces}, index=pd.Index(codes, name="commune"))


def households(
    n: int, standard: PovertyStandard, seed: int = 0, *, counts_only: bool = False
) -> pd.DataFrame:
    """``n`` households for ``standard``'s indicators (or their count, with ``counts_only``)."""
    rng = np.random.default_rng(seed)
    codes = units(seed).index.to_numpy().astype(np.int32)
    unit = codes[rng.integers(0, COMMUNES, size=n)]
    urban = rng.random(n, dtype=np.float32) < 0.35
    area = pd.Categorical.from_codes(urban.astype(np.int8), categories=["rural", "urban"])
    income = (rng.lognormal(14.9, 0.6, size=n)).astype(np.int64)
    frame = pd.DataFrame({"unit": unit, "area": area, "income": income}, copy=False)
    poorer = income < 2_500_000
    indicators = [i.id for i in standard.indicators]
    if counts_only:
        frame["deprivations"] = rng.binomial(len(indicators), np.where(poorer, 0.3, 0.08)).astype(
            np.uint8
        )
        return frame
    threshold = np.where(poorer, np.float32(0.3), np.float32(0.08))
    for name in indicators:
        frame[name] = rng.random(n, dtype=np.float32) < threshold
    return frame
