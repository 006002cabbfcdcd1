"""The work of ``mdpoverty households``: counts and Alkire–Foster measures from a file.

The arguments are defined in :mod:`mdpoverty.cli.households` (registering them loads no
pandas), which imports this module only to run a command.
"""

from __future__ import annotations

import argparse
import errno
import functools
import io
import os
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd

from mdpoverty.errors import MdpovertyError
from mdpoverty.households.classify import resolve_standard
from mdpoverty.households.counts import count_tally, counts_from_tally
from mdpoverty.households.files import tally_file
from mdpoverty.households.measures import af_measures, af_spec, af_tally, exact
from mdpoverty.i18n import _
from mdpoverty.reference.standards import PovertyStandard
from mdpoverty.values.numbers import round_half_up

__all__ = ["run"]


def _columns(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or not name or not column:
            raise ValueError(_("--column must be NAME=COLUMN, not {pair!r}", pair=pair))
        mapping[name.strip()] = column.strip()
    return mapping


def _units(path: str | None) -> pd.DataFrame | None:
    """The unit list: every column a code, read as text (``05716`` keeps its zero)."""
    if path is None:
        return None
    frame = pd.read_csv(path, dtype="string", keep_default_na=False)
    return frame.set_index(frame.columns[0])


def _progress(choice: str) -> bool:
    return choice == "always" or (choice == "auto" and sys.stderr.isatty())


def _approx(value: object) -> str:
    if isinstance(value, Fraction):
        return str(round_half_up(Decimal(value.numerator) / Decimal(value.denominator), 6))
    return "" if value is None else str(value)


def _classify(args: argparse.Namespace, standard: PovertyStandard) -> pd.DataFrame:
    units = _units(args.units)
    tally = functools.partial(
        count_tally,
        standard=standard,
        columns=_columns(args.column),
        units=units,
        missing=args.missing,
        weight=args.weight,
    )
    codes = [_columns(args.column).get("unit", "unit")]
    combined = tally_file(
        args.file,
        tally,
        batch_rows=args.batch_rows,
        progress=_progress(args.progress),
        codes=codes,
    )
    return counts_from_tally(combined, units)


def _measures(args: argparse.Namespace, standard: PovertyStandard) -> pd.DataFrame:
    mapping = _columns(args.column)
    indicators = [i.id for i in standard.indicators]
    spec = af_spec(indicators, exact(args.k, "--k"), standard if args.weights == "nested" else None)

    def tally(chunk: pd.DataFrame) -> pd.DataFrame:
        renamed = chunk.rename(columns={v: k for k, v in mapping.items()})
        return af_tally(renamed, spec, by=args.by, population=args.weight)

    codes = [mapping.get("unit", "unit"), *([args.by] if args.by else [])]
    combined = tally_file(
        args.file,
        tally,
        batch_rows=args.batch_rows,
        progress=_progress(args.progress),
        codes=codes,
    )
    result = af_measures(combined, spec, by=args.by or "group")
    result["approx"] = result["value"].map(_approx)
    return result


def run(args: argparse.Namespace) -> str:
    """Run ``mdpoverty households ...``; the CSV text to write."""
    if not Path(args.file).exists():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), args.file)
    standard = resolve_standard(args.year, args.standard)
    try:
        if args.households_command == "classify":
            frame = _classify(args, standard)
        else:
            frame = _measures(args, standard)
    except MdpovertyError:
        raise
    except (ValueError, TypeError) as error:  # a wrong --k, --column or --units
        # A message keeps its words in both languages; any other text is shown as it is.
        given = error.args[0] if len(error.args) == 1 and isinstance(error.args[0], str) else None
        raise MdpovertyError(given if given is not None else str(error)) from error
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()
