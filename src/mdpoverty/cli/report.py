"""The ``mdpoverty report`` and ``mdpoverty chart`` commands.

This module imports neither matplotlib nor Jinja2 until a command runs, so ``mdpoverty --help``
stays fast and works without the ``report`` extra.
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
from mdpoverty.cli.plans import load, plan_arguments
from mdpoverty.i18n import Lang, _

__all__ = ["CHART_NAMES", "COMMANDS", "add_commands"]

CHART_NAMES = ("rates", "funding", "deficits")
"""The charts ``mdpoverty chart --what`` draws (:data:`mdpoverty.plot.CHARTS`)."""

_EXTRA_NOTE = _(
    "Needs the optional dependencies matplotlib and Jinja2: pip install 'mdpoverty[report]'."
)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    """Add ``report`` and ``chart`` to ``commands``, their help in ``lang``."""
    said = say(lang)
    formatter = FORMATTER
    report = commands.add_parser(
        "report",
        help=said(_("write the plan's report as one HTML page that works offline")),
        description=said(
            _(
                "One HTML file with the plan's header, its annex as printed (each cell that "
                "differs from what the counts imply highlighted, the derived value beside it), "
                "charts of the units' rates, of the funding by component and source and of the "
                "deficit targets, the units of 1 July 2025, and the findings of the checks, each "
                "linking to its place. Nothing is fetched from the network: the charts are "
                "inline SVG, the style inline, there is no script.\n\n{note}",
                note=_EXTRA_NOTE,
            )
        ),
        epilog=examples(
            lang,
            "mdpoverty report --example bac-kan-2024 -o report.html",
            "mdpoverty report plan.yaml --lang en -o report-en.html",
        ),
        formatter_class=formatter,
    )
    plan_arguments(report, lang)
    lang_argument(report, lang)
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=said(
            _(
                "write the page to FILE (written whole or not at all; an existing FILE only "
                "with --force) instead of standard output"
            )
        ),
    )
    force_argument(report, lang)

    chart = commands.add_parser(
        "chart",
        help=said(_("write one chart of the plan as PNG or SVG")),
        description=said(
            _(
                "One chart of PLAN, to paste into a document: rates (each unit's rate at the "
                "start and the targeted rate at the end), funding (each component's money by "
                "source, declared totals that do not add up marked) or deficits (the share "
                "targets by deprivation dimension). The format follows FILE's extension (.png "
                "or .svg).\n\n{note}",
                note=_EXTRA_NOTE,
            )
        ),
        epilog=examples(
            lang,
            "mdpoverty chart --example bac-kan-2024 --what rates -o rates.png",
            "mdpoverty chart plan.yaml --what funding --lang en -o funding.svg",
        ),
        formatter_class=formatter,
    )
    plan_arguments(chart, lang)
    chart.add_argument("--what", choices=CHART_NAMES, required=True, help=said(_("which chart")))
    lang_argument(chart, lang)
    chart.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help=said(_("the chart file (.png or .svg)")),
    )
    force_argument(chart, lang)


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
