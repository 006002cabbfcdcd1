"""The vectorised core of the Alkire–Foster tally: integer sums per group, in few passes.

Eight indicators at a time are packed into one byte per row (a deprivation *profile*).  Whether
a row is poor is one lookup of its joint profile in a table of every profile's score.  Then one
``bincount`` of ``(group, poor, profile)`` per byte counts, per group, the rows of every
profile, poor and not; the count of rows deprived in an indicator is a small integer matrix
product of that table with the profiles' bits.  A table with J indicators thus costs about
``J / 8`` counting passes over the rows instead of ``2 J``.  Every sum is an integer: counts
from ``bincount`` without weights, or weighted sums of integers that float64 holds exactly
below 2**53 (``_table.check_weights`` checks the total).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
ByteArray = npt.NDArray[np.uint8]

_WIDTH = 8
_PROFILES = 1 << _WIDTH
_BITS = ((np.arange(_PROFILES)[:, None] >> np.arange(_WIDTH)) & 1).astype(np.int64)
"""Row p, column b: bit b of profile p."""


def pack(columns: Sequence[BoolArray], n: int) -> list[tuple[ByteArray, int]]:
    """The columns as bytes, eight at a time: (profile per row, number of columns in it)."""
    packed = []
    for start in range(0, len(columns), _WIDTH):
        chunk = columns[start : start + _WIDTH]
        profile = np.zeros(n, dtype=np.uint8)
        for bit, column in enumerate(chunk):
            profile |= column.view(np.uint8) << np.uint8(bit)
        packed.append((profile, len(chunk)))
    return packed


_POPCOUNT = _BITS.sum(axis=1).astype(np.uint8)


def popcount(packed: Sequence[tuple[ByteArray, int]], n: int) -> ByteArray:
    """Each row's number of deprivations, from its profiles."""
    total = np.zeros(n, dtype=np.uint8)
    for profile, _ in packed:
        total += _POPCOUNT[profile]
    return total


def _lookup(width: int, weights: Sequence[int]) -> IntArray:
    """The integer score of every profile of ``width`` bits."""
    return np.asarray(_BITS[:, :width] @ np.asarray(weights, dtype=np.int64), dtype=np.int64)


def poor_rows(
    packed: Sequence[tuple[ByteArray, int]], weights: Sequence[int], threshold: int
) -> BoolArray:
    """Whether each row's integer score (sum of its deprivations' weights) is >= threshold.

    With up to 16 indicators, the answer is one lookup per row in a table of every joint
    profile (65,536 at most); beyond, the scores are summed chunk by chunk.
    """
    n = len(packed[0][0])
    if len(packed) == 1:
        profile, width = packed[0]
        return (_lookup(width, weights) >= threshold)[profile]
    if len(packed) == 2:  # two bytes: one 16-bit lookup
        (low, _), (high, width) = packed
        joint = low.astype(np.uint16) | (high.astype(np.uint16) << np.uint16(_WIDTH))
        low_scores = _lookup(_WIDTH, weights[:_WIDTH])
        high_scores = _lookup(width, weights[_WIDTH:])
        every = (high_scores[:, None] + low_scores[None, :]).ravel()  # index: high << 8 | low
        return (every >= threshold)[joint]
    total = np.zeros(n, dtype=np.int64)
    for index, (profile, width) in enumerate(packed):
        total += _lookup(width, weights[index * _WIDTH : index * _WIDTH + width])[profile]
    return np.asarray(total >= threshold, dtype=bool)


def bincount_sums(keys: IntArray, population: IntArray | None, size: int) -> IntArray:
    """Per key below ``size``: its rows, or the sum of their integer weights (exact below 2**53)."""
    if population is None:
        return np.bincount(keys, minlength=size).astype(np.int64)
    sums = np.bincount(keys, weights=population, minlength=size)
    return np.rint(sums).astype(np.int64)


def tally(
    codes: IntArray,
    size: int,
    packed: Sequence[tuple[ByteArray, int]],
    poor: BoolArray,
    population: IntArray | None,
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Per group: population, poor, deprived per indicator, poor and deprived per indicator.

    One ``bincount`` per byte of profiles, over ``(group, poor, profile)``: it counts the
    rows of every profile, poor and not, of every group at once.
    """
    if size == 1 and population is None:
        return _tally_whole(packed, poor)
    # Preallocated buffers and in-place arithmetic: fresh arrays of this size cost page faults.
    base = np.multiply(codes, 2 * _PROFILES, dtype=np.int64)
    key = np.empty_like(base)
    np.multiply(poor.view(np.uint8), _PROFILES, out=key, dtype=np.int64)
    base += key
    deprived, censored = [], []
    population_by_group = poor_by_group = np.zeros(size, dtype=np.int64)
    for index, (profile, width) in enumerate(packed):
        np.add(base, profile, out=key)
        counted = bincount_sums(key, population, size * 2 * _PROFILES)
        cube = counted.reshape(size, 2, _PROFILES)
        full = cube.sum(axis=1)
        cut = cube[:, 1, :]
        if index == 0:
            population_by_group = full.sum(axis=1)
            poor_by_group = cut.sum(axis=1)
        deprived.append(full @ _BITS[:, :width])
        censored.append(cut @ _BITS[:, :width])
    return (
        population_by_group,
        poor_by_group,
        np.concatenate(deprived, axis=1),
        np.concatenate(censored, axis=1),
    )


def _tally_whole(
    packed: Sequence[tuple[ByteArray, int]], poor: BoolArray
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """:func:`tally` of one group, with 16-bit keys (poor, profile) and a 512-bin count."""
    key = np.empty(len(poor), dtype=np.uint16)
    high = np.left_shift(poor.view(np.uint8), _WIDTH, dtype=np.uint16)
    deprived, censored = [], []
    population = poor_count = np.zeros(1, dtype=np.int64)
    for index, (profile, width) in enumerate(packed):
        np.bitwise_or(high, profile, out=key)
        cube = np.bincount(key, minlength=2 * _PROFILES).astype(np.int64).reshape(2, _PROFILES)
        if index == 0:
            population = np.array([cube.sum()], dtype=np.int64)
            poor_count = np.array([cube[1].sum()], dtype=np.int64)
        deprived.append(cube.sum(axis=0)[None, :] @ _BITS[:, :width])
        censored.append(cube[1][None, :] @ _BITS[:, :width])
    return (
        population,
        poor_count,
        np.concatenate(deprived, axis=1),
        np.concatenate(censored, axis=1),
    )
