"""Tallies of a Parquet file, its row groups in parallel with Dask, every tally in one pass.

A Parquet file is stored as row groups, each readable on its own.  :func:`tally_row_groups`
makes one Dask task per row group: the task reads its row group once and applies every tally
function to it (the counts and the Alkire–Foster sums, say), so the file is read once, by as
many workers as there are.  The tallies add up (:func:`~mdpoverty.households.combine_tallies`),
so the result equals that of the whole table in memory.

The tasks run on whatever Dask scheduler is active: the local threads by default, or a
``dask.distributed`` cluster when a ``Client`` is open.  Dask is needed
(``pip install "mdpoverty[dask]"``) and imported only here.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
import pandas as pd

from mdpoverty.errors import HouseholdTableError, MissingExtraError, TableProblem
from mdpoverty.households.counts import combine_tallies
from mdpoverty.households.files import merge_problems, no_households, table_frame
from mdpoverty.i18n import _

__all__ = ["RowGroup", "row_groups", "tally_row_groups"]

Tally = Callable[[pd.DataFrame], pd.DataFrame]


@attrs.frozen
class RowGroup:
    """One row group of a Parquet file: where it is, and where its rows start in the data.

    Attributes:
        path: The Parquet file that holds it.
        index: Its position among the file's row groups.
        start: The position of its first row among all the rows (of every file, in order).
        rows: Its number of rows.
    """

    path: str
    index: int
    start: int
    rows: int


def row_groups(path: str | os.PathLike[str]) -> list[RowGroup]:
    """The row groups of a Parquet file (or of every file of a folder, in order), from the
    files' metadata: nothing else is read."""
    import pyarrow.dataset as ds  # noqa: PLC0415  (only for Parquet)

    found: list[RowGroup] = []
    start = 0
    for fragment in ds.dataset(Path(path), format="parquet").get_fragments():
        fragment.ensure_complete_metadata()
        for group in fragment.row_groups:
            found.append(RowGroup(str(fragment.path), int(group.id), start, int(group.num_rows)))
            start += int(group.num_rows)
    return found


def _read(group: RowGroup) -> pd.DataFrame:
    import pyarrow.parquet as pq  # noqa: PLC0415

    table = pq.ParquetFile(group.path).read_row_group(group.index)
    return table_frame(table, group.start)


def _tally_group(
    group: RowGroup, tallies: Mapping[str, Tally]
) -> dict[str, pd.DataFrame] | tuple[TableProblem, ...]:
    """Every tally of one row group, read once; or the problems it found."""
    frame = _read(group)
    problems: list[TableProblem] = []
    results: dict[str, pd.DataFrame] = {}
    for name, tally in tallies.items():
        try:
            results[name] = tally(frame)
        except HouseholdTableError as error:
            merge_problems(problems, error.problems)
    return tuple(problems) if problems else results


def tally_row_groups(
    path: str | os.PathLike[str],
    tallies: Mapping[str, Tally],
    *,
    scheduler: Any = None,
) -> dict[str, pd.DataFrame]:
    """Apply each of ``tallies`` to every row group of a Parquet file, in parallel; add them up.

    Args:
        path: A Parquet file or a folder of Parquet files.
        tallies: Named functions from a table to its tally, e.g.
            ``{"counts": functools.partial(count_tally, year=2027), "af": af_of_chunk}``;
            each must be picklable for a cluster of processes (a module-level function or a
            ``functools.partial`` of one).
        scheduler: Passed to ``dask.compute``; ``None`` uses the active scheduler (a
            ``dask.distributed.Client`` when one is open).

    Returns:
        Each tally of the whole file, by name (as :func:`combine_tallies` returns it).

    Raises:
        HouseholdTableError: The problems of every row group, merged (counts added), after
            reading the whole file; a file without a household.
        MissingExtraError: Dask is not installed.
    """
    try:
        dask: Any = importlib.import_module("dask")  # optional: the 'dask' extra
    except ImportError as error:
        raise MissingExtraError(
            _("tally_row_groups needs dask, which is not installed: pip install 'mdpoverty[dask]'")
        ) from error
    groups = [g for g in row_groups(path) if g.rows]
    if not groups:
        raise HouseholdTableError([TableProblem("", no_households(Path(path).name))])
    task = dask.delayed(_tally_group, pure=True)
    parts = dask.compute(*[task(g, dict(tallies)) for g in groups], scheduler=scheduler)
    problems: list[TableProblem] = []
    results: list[dict[str, pd.DataFrame]] = []
    for part in parts:
        if isinstance(part, tuple):
            merge_problems(problems, part)
        else:
            results.append(part)
    if problems:
        raise HouseholdTableError(problems)
    return {name: combine_tallies(part[name] for part in results) for name in tallies}
