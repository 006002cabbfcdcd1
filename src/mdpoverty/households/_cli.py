"""The ``mdpoverty households`` commands: counts and Alkire–Foster measures from a file.

Registered by :mod:`mdpoverty.cli`; the handler returns the CSV text and the command line
writes it, so this module needs nothing from the command line's module.
"""

from __future__ import annotations

import argparse
import functools
import io
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd

from mdpoverty.errors import MdpovertyError
from mdpoverty.households.classify import resolve_standard
from mdpoverty.households.counts import count_tally, counts_from_tally
from mdpoverty.households.files import DEFAULT_BATCH_ROWS, tally_file
from mdpoverty.households.measures import af_measures, af_spec, af_tally, exact
from mdpoverty.reference.standards import PovertyStandard

__all__ = ["register", "run"]

_FILE_HELP = "the household table: a .csv or .parquet file (or a folder of Parquet files)"


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_FILE_HELP)
    standard = parser.add_mutually_exclusive_group(required=True)
    standard.add_argument("--year", type=int, help="the review's year: the standard in force")
    standard.add_argument("--standard", metavar="ID", help="a standard's id instead of --year")
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="NAME=COLUMN",
        help="the file's COLUMN for NAME (unit, area, income, deprivations or an indicator id); "
        "repeatable",
    )
    parser.add_argument(
        "--weight",
        metavar="COLUMN",
        help="a column of integer weights (household size: people; a sampling weight: the "
        "population) counted instead of one per household",
    )
    parser.add_argument(
        "--missing",
        choices=("error", "exclude"),
        default="error",
        help="households with a missing value: report them (default) or leave them out",
    )
    parser.add_argument(
        "--batch-rows",
        type=int,
        default=DEFAULT_BATCH_ROWS,
        metavar="N",
        help=f"read N rows at a time (default {DEFAULT_BATCH_ROWS:,}); memory grows with N",
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="a progress bar on standard error (auto: when it is a terminal)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the CSV to FILE instead of standard output"
    )


def register(commands: argparse._SubParsersAction, formatter: type[argparse.HelpFormatter]) -> None:  # type: ignore[type-arg]
    """Add ``households classify`` and ``households measures`` to the command line."""
    households = commands.add_parser(
        "households",
        help="classify households and measure poverty from review data",
        description="Household review data (one row per household: unit, area, income, "
        "deprivations) classified under the standard in force, counted per unit up the "
        "hierarchy, and measured with the Alkire–Foster method.  Large files are read in "
        "batches; the results equal those of the whole table.",
        formatter_class=formatter,
    )
    sub = households.add_subparsers(dest="households_command", required=True, metavar="COMMAND")
    classify = sub.add_parser(
        "classify",
        help="counts of poor and near-poor households per unit",
        description="Classify every household of FILE under the standard in force in the "
        "year and write the counts per unit and area, summed up the hierarchy of --units.",
        epilog="examples:\n"
        "  mdpoverty households classify review.parquet --year 2027 -o counts.csv\n"
        "  mdpoverty households classify review.csv --year 2024 --units communes.csv \\\n"
        "      --column income=thu_nhap --missing exclude",
        formatter_class=formatter,
    )
    _common(classify)
    classify.add_argument(
        "--units",
        metavar="CSV",
        help="the units: a CSV whose first column is the unit code and whose other columns "
        "are the codes of its parents (e.g. district, province)",
    )
    measures = sub.add_parser(
        "measures",
        help="the Alkire–Foster measures (H, A, M0, contributions)",
        description="The Alkire–Foster measures of FILE over the standard's indicators, with "
        "nested equal weights (equal by dimension, equal within), overall and by --by.  "
        "Values are exact fractions (3/8) with a decimal approximation.",
        epilog="examples:\n"
        "  mdpoverty households measures review.parquet --year 2027 --k 1/3 -o measures.csv\n"
        "  mdpoverty households measures review.csv --year 2024 --k 0.25 --by unit\n"
        "  mdpoverty households measures review.csv --year 2024 --k 1/3 --weight size",
        formatter_class=formatter,
    )
    _common(measures)
    measures.add_argument(
        "--k", required=True, help="the cutoff, a share of the total weight: 1/3, 0.25"
    )
    measures.add_argument("--by", metavar="COLUMN", help="also measure each group of COLUMN")
    measures.add_argument(
        "--weights",
        choices=("nested", "equal"),
        default="nested",
        help="nested equal weights by dimension (default) or equal weights per indicator",
    )


def _columns(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or not name or not column:
            raise ValueError(f"--column must be NAME=COLUMN, not {pair!r}")
        mapping[name.strip()] = column.strip()
    return mapping


def _units(path: str | None) -> pd.DataFrame | None:
    if path is None:
        return None
    frame = pd.read_csv(path, dtype_backend="numpy_nullable")
    return frame.set_index(frame.columns[0])


def _progress(choice: str) -> bool:
    return choice == "always" or (choice == "auto" and sys.stderr.isatty())


def _approx(value: object) -> str:
    if isinstance(value, Fraction):
        decimal = Decimal(value.numerator) / Decimal(value.denominator)
        return str(decimal.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP))
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
    combined = tally_file(
        args.file, tally, batch_rows=args.batch_rows, progress=_progress(args.progress)
    )
    return counts_from_tally(combined, units)


def _measures(args: argparse.Namespace, standard: PovertyStandard) -> pd.DataFrame:
    mapping = _columns(args.column)
    indicators = [i.id for i in standard.indicators]
    spec = af_spec(indicators, exact(args.k, "--k"), standard if args.weights == "nested" else None)

    def tally(chunk: pd.DataFrame) -> pd.DataFrame:
        renamed = chunk.rename(columns={v: k for k, v in mapping.items()})
        return af_tally(renamed, spec, by=args.by, population=args.weight)

    combined = tally_file(
        args.file, tally, batch_rows=args.batch_rows, progress=_progress(args.progress)
    )
    result = af_measures(combined, spec, by=args.by or "group")
    result["approx"] = result["value"].map(_approx)
    return result


def run(args: argparse.Namespace) -> str:
    """Run ``mdpoverty households ...``; the CSV text to write."""
    if not Path(args.file).exists():
        raise FileNotFoundError(f"{args.file}: no such file")
    standard = resolve_standard(args.year, args.standard)
    try:
        if args.households_command == "classify":
            frame = _classify(args, standard)
        else:
            frame = _measures(args, standard)
    except MdpovertyError:
        raise
    except (ValueError, TypeError) as error:  # a wrong --k, --column or --units
        raise MdpovertyError(str(error)) from error
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()
