"""The ``mdpoverty report`` and ``mdpoverty chart`` commands.

Registered on the command line's parser by :func:`add_report_commands`; this module imports
neither matplotlib nor Jinja2 until a command runs, so ``mdpoverty --help`` stays fast and
works without the ``report`` extra.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mdpoverty.model.document import Document

__all__ = ["CHART_NAMES", "add_report_commands", "run_chart", "run_report"]

CHART_NAMES = ("rates", "funding", "deficits")
"""The charts ``mdpoverty chart --what`` draws (:data:`mdpoverty.plot.CHARTS`)."""

_EXTRA_NOTE = (
    "Needs the optional dependencies matplotlib and Jinja2: pip install 'mdpoverty[report]'."
)


def add_report_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    plan_arguments: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``report`` and ``chart`` to ``commands``; ``plan_arguments`` adds PLAN/--example."""
    formatter = argparse.RawDescriptionHelpFormatter
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
        help="write the page to FILE (replaced whole) instead of standard output",
    )

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


def run_report(plan: Document, args: argparse.Namespace) -> str:
    """``mdpoverty report``: the HTML page, for the command line to write."""
    from mdpoverty.report.html import html_report  # noqa: PLC0415

    return html_report(plan, args.lang)


def run_chart(plan: Document, args: argparse.Namespace) -> int:
    """``mdpoverty chart``: the exit status (:func:`~mdpoverty.report.plot.save` refuses an
    output that is neither .png nor .svg)."""
    from mdpoverty.report import plot  # noqa: PLC0415  (matplotlib loads here)

    plot.save(plot.CHARTS[args.what](plan, args.lang), args.output)
    return 0
