"""Household tables from bytes and streams, named for their format."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from mdpoverty.errors import HouseholdTableError, ValidationError
from mdpoverty.households.files import iter_households, read_households

CSV = b"id,income,health\n1,1500000,1\n2,,0\n3,900000,1\n"


def test_csv_bytes_and_stream_read_as_the_file(tmp_path: Path) -> None:
    path = tmp_path / "households.csv"
    path.write_bytes(CSV)
    expected = read_households(path)
    pd.testing.assert_frame_equal(expected, read_households(CSV, name="upload.csv"))
    pd.testing.assert_frame_equal(expected, read_households(io.BytesIO(CSV), name="upload.csv"))
    chunks = list(iter_households(io.BytesIO(CSV), name="upload.csv", batch_rows=2))
    assert [2, 1] == [len(c) for c in chunks]


def test_parquet_from_a_stream(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    frame = read_households(CSV, name="h.csv")
    data = io.BytesIO()
    frame.to_parquet(data)
    pd.testing.assert_frame_equal(frame, read_households(data.getvalue(), name="h.parquet"))
    assert 3 == sum(len(c) for c in iter_households(data.getvalue(), name="h.parquet"))


def test_an_unnamed_stream_or_an_unknown_extension_is_refused() -> None:
    with pytest.raises(ValidationError):
        read_households(io.BytesIO(CSV))
    with pytest.raises(ValidationError):
        read_households(CSV, name="households.xls")
    with pytest.raises(ValidationError):
        read_households(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"\xff\xfe\x00", "h.csv", "is not UTF-8 text"),
        (b"", "h.csv", "cannot be read"),
        (b"xx", "h.parquet", "cannot be read"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_household_table_error(
    data: bytes, name: str, reason: str
) -> None:
    with pytest.raises(HouseholdTableError, match=reason):
        read_households(data, name=name)
    with pytest.raises(HouseholdTableError, match=reason):
        list(iter_households(data, name=name))
