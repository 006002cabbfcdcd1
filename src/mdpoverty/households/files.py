"""Household tables from CSV and Parquet files, whole or chunk by chunk.

A national table (about 27 million households) fits in memory with compact dtypes, but a
larger one need not: :func:`tally_file` reads a Parquet file batch by batch (row groups) or a
CSV file in chunks, tallies each chunk with the same function used in memory, and adds the
tallies.  Counts and the Alkire–Foster sums compose by addition, so the result is identical to
that of the whole table.  pyarrow is needed for Parquet only and is imported only then.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from mdpoverty.errors import HouseholdArgumentError, HouseholdTableError, TableProblem
from mdpoverty.households._table import EXAMPLES
from mdpoverty.households.counts import combine_tallies

__all__ = ["DEFAULT_BATCH_ROWS", "iter_households", "read_households", "tally_file"]

DEFAULT_BATCH_ROWS = 1 << 20
"""Rows read at a time from a household file (:func:`tally_file`, ``--batch-rows``)."""


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in {".parquet", ".pq"} or path.is_dir():
        return "parquet"
    if suffix in {".csv", ".txt"}:
        return "csv"
    raise ValueError(f"{path}: a household table must be a .csv or .parquet file")


CODES = ("unit",)
"""The columns read as text from a CSV file by default: official codes keep their leading
zeros (``05716``, not 5716)."""


def _csv_types(codes: Collection[str]) -> dict[str, str]:
    return dict.fromkeys(codes, "string")


def read_households(
    path: str | os.PathLike[str], *, codes: Collection[str] = CODES
) -> pd.DataFrame:
    """The household table in a CSV or Parquet file, with types as the file gives them.

    Integer and boolean columns with blanks keep their type (pandas' nullable ``Int64`` and
    ``boolean``) rather than becoming floats, so a missing value is reported as missing.  In
    a CSV file, the columns named in ``codes`` (by default ``unit``) are read as text, so that
    a code keeps its leading zeros; a Parquet file's columns keep the type they were saved
    with.
    """
    file = Path(path)
    if _kind(file) == "parquet":
        return pd.read_parquet(file, dtype_backend="numpy_nullable")
    return pd.read_csv(file, dtype=_csv_types(codes), dtype_backend="numpy_nullable")


def table_frame(batch: Any, offset: int) -> pd.DataFrame:
    """A pyarrow batch or table as a DataFrame whose row labels are positions from ``offset``."""
    frame: pd.DataFrame = batch.to_pandas()
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if column.null_count:  # keep integers and booleans with nulls as what they are
            frame[name] = column.to_pandas(types_mapper=pd.ArrowDtype)
    frame.index = pd.RangeIndex(offset, offset + len(frame))
    return frame


def iter_households(
    path: str | os.PathLike[str],
    *,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    codes: Collection[str] = CODES,
) -> Iterator[pd.DataFrame]:
    """The file's households, ``batch_rows`` at a time; row labels are positions in the file.

    ``codes`` as for :func:`read_households`.
    """
    file = Path(path)
    if _kind(file) == "parquet":
        import pyarrow.dataset as ds  # noqa: PLC0415  (only for Parquet)

        offset = 0
        for batch in ds.dataset(file, format="parquet").to_batches(batch_size=batch_rows):
            if batch.num_rows:
                yield table_frame(batch, offset)
                offset += batch.num_rows
        return
    types = _csv_types(codes)
    with pd.read_csv(
        file, chunksize=batch_rows, dtype=types, dtype_backend="numpy_nullable"
    ) as reader:
        for chunk in reader:
            if len(chunk):
                yield chunk


def count_rows(path: str | os.PathLike[str]) -> int | None:
    """The number of rows of a Parquet file from its metadata; ``None`` for CSV."""
    file = Path(path)
    if _kind(file) != "parquet":
        return None
    import pyarrow.dataset as ds  # noqa: PLC0415

    return int(ds.dataset(file, format="parquet").count_rows())


class _Progress:
    """A progress bar on standard error: tqdm where installed, else a line of counts."""

    def __init__(self, total: int | None, enabled: bool) -> None:  # noqa: FBT001
        self.enabled = enabled
        self.total = total
        self.done = 0
        self.bar: Any = None
        if enabled:
            try:
                from tqdm import tqdm  # noqa: PLC0415  (optional: the 'households' extra)
            except ImportError:
                self.bar = None
            else:
                self.bar = tqdm(total=total, unit=" households", unit_scale=True, file=sys.stderr)

    def update(self, rows: int) -> None:
        self.done += rows
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(rows)
            return
        of = f" of {self.total:,}" if self.total else ""
        sys.stderr.write(f"\r{self.done:,}{of} households")
        sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.enabled:
            sys.stderr.write("\n")


def merge_problems(problems: list[TableProblem], new: tuple[TableProblem, ...]) -> None:
    """Add ``new`` to ``problems``, adding up the counts of the same problem of one column."""
    for problem in new:
        for n, old in enumerate(problems):
            if (old.column, old.reason) == (problem.column, problem.reason):
                examples = (old.examples + problem.examples)[:EXAMPLES]
                problems[n] = TableProblem(
                    old.column, old.reason, old.count + problem.count, examples
                )
                break
        else:
            problems.append(problem)


def tally_file(
    path: str | os.PathLike[str],
    tally: Callable[[pd.DataFrame], pd.DataFrame],
    *,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    progress: bool = False,
    codes: Collection[str] = CODES,
) -> pd.DataFrame:
    """Apply ``tally`` to each chunk of the file and add the tallies up.

    Args:
        path: A CSV file, a Parquet file or a directory of Parquet files.
        tally: A function from a chunk to its tally, e.g.
            ``functools.partial(count_tally, year=2027)`` or a function that calls
            :func:`~mdpoverty.households.af_tally`.
        batch_rows: Rows per chunk: memory use is proportional to it, not to the file.
        progress: Show a progress bar on standard error.
        codes: The columns of a CSV file read as text (see :func:`read_households`).

    Raises:
        HouseholdTableError: The problems of every chunk, merged (counts added, the first
            example rows), after reading the whole file; a file without a household (a
            header only).
    """
    if isinstance(batch_rows, bool) or not isinstance(batch_rows, int) or batch_rows < 1:
        raise HouseholdArgumentError(f"batch_rows must be a positive int, not {batch_rows!r}")
    partials: list[pd.DataFrame] = []
    problems: list[TableProblem] = []
    bar = _Progress(count_rows(path) if progress else None, progress)
    try:
        for chunk in iter_households(path, batch_rows=batch_rows, codes=codes):
            try:
                partials.append(tally(chunk))
            except HouseholdTableError as error:
                merge_problems(problems, error.problems)
            bar.update(len(chunk))
    finally:
        bar.close()
    if problems:
        raise HouseholdTableError(problems)
    if not bar.done:
        raise HouseholdTableError(
            [TableProblem("", f"no households: {Path(path).name} has column names but no rows")]
        )
    return combine_tallies(partials)
