"""Household tables from CSV and Parquet files, whole or chunk by chunk.

A national table (about 27 million households) fits in memory with compact dtypes, but a
larger one need not: :func:`tally_file` reads a Parquet file batch by batch (row groups) or a
CSV file in chunks, tallies each chunk with the same function used in memory, and adds the
tallies.  Counts and the Alkire–Foster sums compose by addition, so the result is identical to
that of the whole table.  pyarrow is needed for Parquet only and is imported only then.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import IO, Any, TypeAlias

import pandas as pd

from mdpoverty.errors import (
    HouseholdArgumentError,
    HouseholdTableError,
    MdpovertyError,
    Problem,
    TableProblem,
)
from mdpoverty.households._table import EXAMPLES
from mdpoverty.households.counts import combine_tallies
from mdpoverty.i18n import Message, _, language, localize
from mdpoverty.io._sources import check_source, label_of, refuse

__all__ = [
    "CODES",
    "DEFAULT_BATCH_ROWS",
    "HouseholdSource",
    "iter_households",
    "read_households",
    "tally_file",
]

DEFAULT_BATCH_ROWS = 1 << 20
"""Rows read at a time from a household file (:func:`tally_file`, ``--batch-rows``)."""


HouseholdSource: TypeAlias = str | os.PathLike[str] | bytes | IO[bytes]
"""What the household readers take: a path (a Parquet dataset may be a folder), the bytes of
a file, or a binary file object (an upload).  A household table has no size limit: a
national one holds about 27 million rows, read chunk by chunk by :func:`tally_file`."""


CODES = ("unit",)
"""The columns read as text from a CSV file by default: official codes keep their leading
zeros (``05716``, not 5716)."""


def _csv_types(codes: Collection[str]) -> dict[str, str]:
    return dict.fromkeys(codes, "string")


def _kind(source: HouseholdSource, name: str | None) -> str:
    """``"parquet"`` or ``"csv"``, by the extension of ``name`` or of the path."""
    problems = check_source("read_households", source, name)
    if isinstance(source, str | os.PathLike) and name is None:
        file = Path(source)
        if file.is_dir():
            return "parquet"
        suffix = file.suffix.lower()
    else:
        suffix = Path(name or "").suffix.lower()
    if suffix in {".parquet", ".pq"}:
        kind = "parquet"
    elif suffix in {".csv", ".txt"}:
        kind = "csv"
    else:
        label = label_of(source, name) if not problems else _("the table")
        reason = _(
            "must be a .csv or .parquet file (or name= one for bytes or a stream): {label}",
            label=label,
        )
        problems.append(Problem("read_households", "source", suffix, reason))
    refuse(problems)
    return kind


def _opened(source: HouseholdSource) -> str | os.PathLike[str] | IO[bytes]:
    return io.BytesIO(source) if isinstance(source, bytes) else source


def read_households(
    source: HouseholdSource, *, name: str | None = None, codes: Collection[str] = CODES
) -> pd.DataFrame:
    """The household table in a CSV or Parquet file, with types as the file gives them.

    ``source`` is a path, bytes or a binary file object; ``name`` names it (its extension
    tells CSV from Parquet where the source is no path).  Integer and boolean columns with
    blanks keep their type (pandas' nullable ``Int64`` and ``boolean``) rather than becoming
    floats, so a missing value is reported as missing.  In a CSV file, the columns named in
    ``codes`` (by default ``unit``) are read as text, so that a code keeps its leading zeros;
    a Parquet file's columns keep the type they were saved with.

    Raises:
        mdpoverty.errors.ValidationError: The source is of no kind read here, or has no
            extension of a household table.
    """
    kind = _kind(source, name)
    with _unreadable(source, name):
        if kind == "parquet":
            return pd.read_parquet(_opened(source), dtype_backend="numpy_nullable")
        return pd.read_csv(_opened(source), dtype=_csv_types(codes), dtype_backend="numpy_nullable")


@contextlib.contextmanager
def _unreadable(source: HouseholdSource, name: str | None) -> Iterator[None]:
    """A file that pandas or pyarrow cannot read at all (not UTF-8, not CSV, not Parquet) as a
    :class:`HouseholdTableError` naming it, not the reader's own exception."""
    try:
        yield
    except (FileNotFoundError, UnicodeDecodeError, ValueError) as error:
        if isinstance(error, MdpovertyError):
            raise
        label = label_of(source, name)
        if isinstance(error, UnicodeDecodeError):
            reason = _("{file} is not UTF-8 text (byte {n})", file=label, n=error.start)
        elif isinstance(error, FileNotFoundError):
            reason = _("{file} does not exist", file=label)
        else:  # pandas' ParserError and EmptyDataError, pyarrow's ArrowInvalid
            said = " ".join(str(error).split())[:200]  # the reader's words, as it says them
            reason = _("{file} cannot be read: {error}", file=label, error=said)
        raise HouseholdTableError([TableProblem("", reason)]) from error


def table_frame(batch: Any, offset: int) -> pd.DataFrame:
    """A pyarrow batch or table as a DataFrame whose row labels are positions from ``offset``."""
    frame: pd.DataFrame = batch.to_pandas()
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if column.null_count:  # keep integers and booleans with nulls as what they are
            frame[name] = column.to_pandas(types_mapper=pd.ArrowDtype)
    frame.index = pd.RangeIndex(offset, offset + len(frame))
    return frame


def iter_households(
    source: HouseholdSource,
    *,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    name: str | None = None,
    codes: Collection[str] = CODES,
) -> Iterator[pd.DataFrame]:
    """The file's households, ``batch_rows`` at a time; row labels are positions in the file.

    ``source``, ``name`` and ``codes`` as :func:`read_households` takes them."""
    with _unreadable(source, name):
        yield from _batches(source, name, batch_rows, codes)


def _batches(
    source: HouseholdSource, name: str | None, batch_rows: int, codes: Collection[str]
) -> Iterator[pd.DataFrame]:
    if _kind(source, name) == "parquet":
        import pyarrow.dataset as ds  # noqa: PLC0415  (only for Parquet)
        import pyarrow.parquet as pq  # noqa: PLC0415

        offset = 0
        if isinstance(source, str | os.PathLike):
            batches = ds.dataset(source, format="parquet").to_batches(batch_size=batch_rows)
        else:
            batches = pq.ParquetFile(_opened(source)).iter_batches(batch_size=batch_rows)
        for batch in batches:
            if batch.num_rows:
                yield table_frame(batch, offset)
                offset += batch.num_rows
        return
    with pd.read_csv(
        _opened(source),
        chunksize=batch_rows,
        dtype=_csv_types(codes),
        dtype_backend="numpy_nullable",
    ) as reader:
        for chunk in reader:
            if len(chunk):
                yield chunk


def count_rows(path: str | os.PathLike[str]) -> int | None:
    """The number of rows of a Parquet file from its metadata; ``None`` for CSV."""
    file = Path(path)
    if _kind(path, None) != "parquet":
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
                unit = " " + localize(_("households"), language())
                self.bar = tqdm(total=total, unit=unit, unit_scale=True, file=sys.stderr)

    def update(self, rows: int) -> None:
        self.done += rows
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(rows)
            return
        if self.total:
            said = _("{done} of {total} households", done=self.done, total=self.total)
        else:
            said = _("{done} households", done=self.done)
        sys.stderr.write(f"\r{localize(said, language())}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.enabled:
            sys.stderr.write("\n")


def no_households(file: str) -> Message:
    """The reason a file with a header and no row is refused: it has no household to count."""
    return _("no households: {file} has column names but no rows", file=file)


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
        raise HouseholdArgumentError(
            _("batch_rows must be a positive int, not {value}", value=repr(batch_rows))
        )
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
        raise HouseholdTableError([TableProblem("", no_households(Path(path).name))])
    return combine_tallies(partials)
