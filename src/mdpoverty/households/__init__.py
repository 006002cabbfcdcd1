"""Household review data: classification under the standard in force, counts, AF measures.

A household table (a pandas DataFrame, or a CSV or Parquet file read with
:func:`read_households`) holds one row per household: its unit code, its area (``rural`` or
``urban``), its income per person per month, and its deprivations (one boolean column per
indicator of the standard, or their count).  From it:

- :func:`classify`: each household's group under the standard in force in the year;
- :func:`counts`: households, poor and near-poor per unit and stratum, up the hierarchy;
- :func:`alkire_foster`: the Alkire–Foster measures (H, A, M0, headcount ratios and
  contributions) as exact fractions, for any set of boolean indicators;
- :func:`~mdpoverty.households.review`: all three in one call, validating the table once.

Tallies (:func:`count_tally`, :func:`af_tally`) are integer sums that add up across chunks, so
a file larger than memory is processed row group by row group (:func:`tally_file`), the row
groups of a Parquet file in parallel on a Dask cluster (:func:`tally_row_groups`), and a Dask
DataFrame partition by partition, with the same functions.

>>> import pandas as pd
>>> from mdpoverty import households
>>> table = pd.DataFrame({
...     "unit": [1, 1, 2],
...     "area": ["rural", "rural", "urban"],
...     "income": [600_000, 950_000, 1_200_000],
...     "deprivations": [0, 3, 1],
... })
>>> households.classify(table, 2019).tolist()
['poor', 'poor', 'near-poor']
"""

from __future__ import annotations

from mdpoverty.households._table import Missing
from mdpoverty.households.classify import classify
from mdpoverty.households.counts import (
    POOR_AND_NEAR_POOR,
    combine_tallies,
    count_tally,
    counts,
    counts_from_tally,
)
from mdpoverty.households.files import read_households, tally_file
from mdpoverty.households.measures import (
    AFSpec,
    af_measures,
    af_spec,
    af_tally,
    alkire_foster,
    exact,
    nested_weights,
)
from mdpoverty.households.reviews import Review, administrative_units, review, review_document
from mdpoverty.households.row_groups import RowGroup, row_groups, tally_row_groups

__all__ = [
    "POOR_AND_NEAR_POOR",
    "AFSpec",
    "Missing",
    "Review",
    "RowGroup",
    "administrative_units",
    "af_measures",
    "af_spec",
    "af_tally",
    "alkire_foster",
    "classify",
    "combine_tallies",
    "count_tally",
    "counts",
    "counts_from_tally",
    "exact",
    "nested_weights",
    "read_households",
    "review",
    "review_document",
    "row_groups",
    "tally_file",
    "tally_row_groups",
]
