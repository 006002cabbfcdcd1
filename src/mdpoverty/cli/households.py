"""The ``mdpoverty households classify|measures`` commands.

Registering the commands must not load pandas, numpy or pyarrow (every ``mdpoverty`` command
builds the whole parser), and any module of :mod:`mdpoverty.households` would, through the
package's ``__init__``: so this module defines the arguments only, and the handler's work,
:mod:`mdpoverty.cli._households_tally`, loads with the command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mdpoverty.cli._common import (
    EXIT_OK,
    FORMATTER,
    examples,
    force_argument,
    lang_argument,
    say,
    write_text,
)
from mdpoverty.i18n import Lang, _

__all__ = ["COMMANDS", "add_commands"]

# The default of --batch-rows: mdpoverty.households.files.DEFAULT_BATCH_ROWS, which this module
# cannot import without loading pandas (a test holds the two equal).
_DEFAULT_BATCH_ROWS = 1 << 20


def _common(parser: argparse.ArgumentParser, lang: Lang) -> None:
    said = say(lang)
    parser.add_argument(
        "file",
        metavar="FILE",
        help=said(_("the household table: a .csv or .parquet file (or a folder of Parquet files)")),
    )
    standard = parser.add_mutually_exclusive_group(required=True)
    standard.add_argument(
        "--year", type=int, help=said(_("the review's year: the standard in force"))
    )
    standard.add_argument(
        "--standard", metavar="ID", help=said(_("a standard's id instead of --year"))
    )
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="NAME=COLUMN",
        help=said(
            _(
                "the file's COLUMN for NAME (unit, area, income, deprivations or an indicator "
                "id); repeatable"
            )
        ),
    )
    parser.add_argument(
        "--weight",
        metavar="COLUMN",
        help=said(
            _(
                "a column of integer weights (household size: people; a sampling weight: the "
                "population) counted instead of one per household"
            )
        ),
    )
    parser.add_argument(
        "--batch-rows",
        type=int,
        default=_DEFAULT_BATCH_ROWS,
        metavar="N",
        help=said(
            _(
                "read N rows at a time (default {rows}); memory grows with N",
                rows=_DEFAULT_BATCH_ROWS,
            )
        ),
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help=said(_("a progress bar on standard error (auto: when it is a terminal)")),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=said(
            _(
                "write the CSV to FILE instead of standard output (an existing FILE only with "
                "--force)"
            )
        ),
    )
    force_argument(parser, lang)
    lang_argument(parser, lang)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    """Add ``households classify`` and ``households measures`` to ``commands``, their help in
    ``lang``."""
    said = say(lang)
    formatter = FORMATTER
    households = commands.add_parser(
        "households",
        help=said(_("classify households and measure poverty from review data")),
        description=said(
            _(
                "Household review data (one row per household: unit, area, income, "
                "deprivations) classified under the standard in force, counted per unit up the "
                "hierarchy, and measured with the Alkire–Foster method.  Large files are read "
                "in batches; the results equal those of the whole table."
            )
        ),
        formatter_class=formatter,
    )
    lang_argument(households, lang)
    sub = households.add_subparsers(dest="households_command", required=True, metavar="COMMAND")
    classify = sub.add_parser(
        "classify",
        help=said(_("counts of poor and near-poor households per unit")),
        description=said(
            _(
                "Classify every household of FILE under the standard in force in the year and "
                "write the counts per unit and area, summed up the hierarchy of --units."
            )
        ),
        epilog=examples(
            lang,
            "mdpoverty households classify review.parquet --year 2027 -o counts.csv",
            "mdpoverty households classify review.csv --year 2024 --units communes.csv \\\n"
            "      --column income=thu_nhap --missing exclude",
        ),
        formatter_class=formatter,
    )
    _common(classify, lang)
    classify.add_argument(
        "--units",
        metavar="CSV",
        help=said(
            _(
                "the units: a CSV whose first column is the unit code and whose other columns "
                "are the codes of its parents (e.g. district, province)"
            )
        ),
    )
    classify.add_argument(
        "--missing",
        choices=("error", "exclude"),
        default="error",
        help=said(_("households with a missing value: report them (default) or leave them out")),
    )
    measures = sub.add_parser(
        "measures",
        help=said(_("the Alkire–Foster measures (H, A, M0, contributions)")),
        description=said(
            _(
                "The Alkire–Foster measures of FILE over the standard's indicators, with nested "
                "equal weights (equal by dimension, equal within), overall and by --by.  Values "
                "are exact fractions (3/8) with a decimal approximation."
            )
        ),
        epilog=examples(
            lang,
            "mdpoverty households measures review.parquet --year 2027 --k 1/3 -o measures.csv",
            "mdpoverty households measures review.csv --year 2024 --k 0.25 --by unit",
            "mdpoverty households measures review.csv --year 2024 --k 1/3 --weight size",
        ),
        formatter_class=formatter,
    )
    _common(measures, lang)
    measures.add_argument(
        "--k",
        required=True,
        help=said(_("the cutoff, a share of the total weight: 1/3, 0.25")),
    )
    measures.add_argument(
        "--by", metavar="COLUMN", help=said(_("also measure each group of COLUMN"))
    )
    measures.add_argument(
        "--weights",
        choices=("nested", "equal"),
        default="nested",
        help=said(_("nested equal weights by dimension (default) or equal weights per indicator")),
    )


def _households(args: argparse.Namespace) -> int:
    from mdpoverty.cli._households_tally import run  # noqa: PLC0415  (pandas loads here)

    write_text(run(args), args.output)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"households": _households}
"""The households command's handler: the exit status."""
