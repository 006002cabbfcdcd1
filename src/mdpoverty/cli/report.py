"""The ``mdpoverty report`` and ``mdpoverty chart`` commands.

This module imports neither matplotlib nor Jinja2 until a command runs, so ``mdpoverty --help``
stays fast and works without the ``report`` extra.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mdpoverty.cli._common import EXIT_OK, FORMATTER, force_argument, write_text
from mdpoverty.cli.plans import load, plan_arguments

__all__ = ["CHART_NAMES", "COMMANDS", "add_commands"]

CHART_NAMES = ("rates", "funding", "deficits")
"""The charts ``mdpoverty chart --what`` draws (:data:`mdpoverty.plot.CHARTS`)."""

_EXTRA_NOTE = (
    "Needs the optional dependencies matplotlib and Jinja2: pip install 'mdpoverty[report]'."
)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``report`` and ``chart`` to ``commands``."""
    formatter = FORMATTER
    report = commands.add_parser(
        "report",
        help="write the plan's report as one HTML page that works offline",
        description="One HTML file with the plan's header, its annex as printed (each cell "
        "that differs from what the counts imply highlighted, the derived value beside it), "
        "charts of the units' rates, of the funding by component and source and of the "
        "deficit targets, the units of 1 July 2025, and the findings of the checks, each "
        "linking to its place. Nothing is fetched from the network: the charts are inline "
        "SVG, the style inline, there is no script.\n\n" + _EXTRA_NOTE,
        epilog="examples:\n"
        "  mdpoverty report --example bac-kan-2024 -o report.html\n"
        "  mdpoverty report plan.yaml --lang en -o report-en.html",
        formatter_class=formatter,
    )
    plan_arguments(report)
    report.add_argument("--lang", choices=("vi", "en"), default="vi", help="default: vi")
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the page to FILE (written whole or not at all; an existing FILE only "
        "with --force) instead of standard output",
    )
    force_argument(report)

    chart = commands.add_parser(
        "chart",
        help="write one chart of the plan as PNG or SVG",
        description="One chart of PLAN, to paste into a document: rates (each unit's rate at "
        "the start and the targeted rate at the end), funding (each component's money by "
        "source, declared totals that do not add up marked) or deficits (the share targets "
        "by deprivation dimension). The format follows FILE's extension (.png or .svg).\n\n"
        + _EXTRA_NOTE,
        epilog="examples:\n"
        "  mdpoverty chart --example bac-kan-2024 --what rates -o rates.png\n"
        "  mdpoverty chart plan.yaml --what funding --lang en -o funding.svg",
        formatter_class=formatter,
    )
    plan_arguments(chart)
    chart.add_argument("--what", choices=CHART_NAMES, required=True, help="which chart")
    chart.add_argument("--lang", choices=("vi", "en"), default="vi", help="default: vi")
    chart.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the chart file (.png or .svg)"
    )
    force_argument(chart)


def _report(args: argparse.Namespace) -> int:
    from mdpoverty.report.html import html_report  # noqa: PLC0415  (Jinja2 loads here)

    write_text(html_report(load(args), args.lang), args.output)
    return EXIT_OK


def _chart(args: argparse.Namespace) -> int:
    # plot.save refuses an output that is neither .png nor .svg.
    from mdpoverty.report import plot  # noqa: PLC0415  (matplotlib loads here)

    figure = plot.CHARTS[args.what](load(args), args.lang)
    plot.require_drawn(figure, args.what)  # an empty chart is refused: no file written
    plot.save(figure, args.output)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "report": _report,
    "chart": _chart,
}
"""Each report command's handler: the exit status."""
