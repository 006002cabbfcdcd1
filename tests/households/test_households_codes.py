"""Official codes are text: a table whose unit codes have leading zeros keeps them, in every
result, and counts the same as with the codes as numbers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from hypothesis import given

from mdpoverty.households import counts, read_households
from mdpoverty.reference.standards import standard_in_force
from mdpoverty.testing import household_tables

CODES = ("05716", "00102", "10000")
STANDARD = standard_in_force(2027)


@given(household_tables(STANDARD, units=CODES, min_size=1))
def test_text_codes_count_as_their_numbers_and_keep_their_zeros(table: pd.DataFrame) -> None:
    as_text = counts(table, 2027)
    numbers = table.assign(unit=table["unit"].astype("int64"))
    as_numbers = counts(numbers, 2027)
    communes = as_text.level == "commune"
    assert set(as_text.unit[communes]) <= set(CODES)
    assert [f"{int(u):05d}" if u != "" else "" for u in as_numbers.unit] == list(as_text.unit)
    columns = [c for c in as_text.columns if c not in ("unit",)]
    assert as_numbers[columns].equals(as_text[columns])


def test_a_csv_file_keeps_the_zeros_of_its_unit_codes(tmp_path: Path) -> None:
    path = tmp_path / "review.csv"
    path.write_text("unit,area,income,deprivations\n05716,rural,100,4\n00102,urban,100,0\n")
    table = read_households(path)
    assert ["05716", "00102"] == table["unit"].tolist()
    assert 100 == table["income"].iloc[0]  # other columns keep their types
    result = counts(table, 2027)
    assert ["00102", "05716"] == sorted(set(result.unit[result.level == "commune"]))
