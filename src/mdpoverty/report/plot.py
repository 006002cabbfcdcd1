"""Charts of a plan as matplotlib figures, for notebooks, documents and the HTML report.

Each function takes a document and a language and returns a new
``matplotlib.figure.Figure`` (made without ``matplotlib.pyplot``, so no global state and no
window):

* :func:`rates`: each unit's poverty rate at the start of the year and its targeted rate at
  the end, units sorted by the start rate, highest first;
* :func:`funding`: each funded component's money stacked by source (central, local, credit, …),
  with a mark at the declared total where it is not the sum of its sources;
* :func:`deficits`: the share targets of the deprivation dimensions.

:data:`CHARTS` names them for ``mdpoverty chart --what``; :func:`save` writes a figure as PNG
or SVG, byte for byte the same on every run (fixed SVG hash salt, no date in the metadata),
and :func:`to_svg` gives the SVG text the report inlines.  Text is DejaVu Sans, which
matplotlib ships and which has the Vietnamese diacritics; in SVG it is drawn as paths, so the
picture needs no font on the reader's machine.

Values are exact (``int``, :class:`~decimal.Decimal`) up to the drawing: bar heights are
converted to float only where matplotlib takes them, and every number written on a chart is
formatted from the exact value (:func:`mdpoverty.report.labels.number`).  Each bar carries a
``gid`` naming what it shows (``rates/start/<unit>``, ``funding/central/<code>``,
``deficits/<indicator id>``), which becomes its ``id`` in SVG.

matplotlib is an optional dependency: ``pip install 'mdpoverty[report]'``.

>>> from mdpoverty.reference.datasets import bac_kan_2024
>>> figure = rates(bac_kan_2024())
>>> [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
['Đầu năm 2024', 'Mục tiêu cuối năm 2024']
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdpoverty.errors import ChartFormatError, EmptyChartError
from mdpoverty.i18n import Lang, _
from mdpoverty.io._atomic import write_atomically
from mdpoverty.model.document import Document
from mdpoverty.model.targets import IndicatorKind
from mdpoverty.report._extra import require
from mdpoverty.report.labels import label, number, standard_names
from mdpoverty.values.quantities import Comparison

if TYPE_CHECKING:
    import matplotlib.axes
    import matplotlib.figure

__all__ = ["CHARTS", "STYLE", "deficits", "funding", "rates", "require_drawn", "save", "to_svg"]

STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",  # shipped by matplotlib; has every Vietnamese diacritic
    "font.size": 9,
    "svg.fonttype": "path",  # text as outlines: the SVG needs no font where it is opened
    "svg.hashsalt": "mdpoverty",  # fixed ids in the SVG, so that the same chart is the same file
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
}
"""The matplotlib settings every chart is drawn and saved with."""

_COLOURS = {
    "start": "#9e9ac8",
    "end": "#54278f",
    "central": "#2171b5",
    "local": "#6baed6",
    "policy_credit": "#fd8d3c",
    "integrated": "#fdbe85",
    "mobilised": "#a1d99b",
    "other": "#c6dbef",
    "declared": "#cb181d",
    "share": "#238b45",
}
_METADATA = {"svg": {"Date": None}, "png": {"Software": None}}


@contextmanager
def _style() -> Iterator[None]:
    mpl = require("matplotlib", _("Charts"))
    with mpl.rc_context(STYLE):
        yield


def _figure(width: float, height: float) -> tuple[matplotlib.figure.Figure, matplotlib.axes.Axes]:
    figure_module = require("matplotlib.figure", _("Charts"))
    figure: matplotlib.figure.Figure = figure_module.Figure(
        figsize=(width, height), layout="constrained"
    )
    return figure, figure.add_subplot()


def _draw(value: int | Decimal) -> float:
    """The one conversion to float: matplotlib draws floats; labels use the exact value."""
    return float(value)


def rates(document: Document, lang: Lang = "vi") -> matplotlib.figure.Figure:
    """Each unit's poverty rate at the start of the year and the targeted rate at its end.

    Units are sorted by their start rate, highest first (the printed order breaks ties).  A
    unit without a reduction target has no end bar; a ranged target draws the end bar at the
    higher end rate (the smaller reduction) with a line down to the lower one.
    """
    from mdpoverty.tables.annex import annex_rows  # noqa: PLC0415  (pandas with the chart)

    counted = [r for r in annex_rows(document)[:-1] if r.start_rate is not None]
    rows = sorted(counted, key=lambda r: -(r.start_rate or 0))  # units without counts: no bars
    with _style():
        figure, axes = _figure(max(6.0, 0.75 * len(rows) + 2), 4.2)
        width = 0.38
        for x, row in enumerate(rows):
            start = axes.bar(
                x - width / 2,
                _draw(row.start_rate or 0),
                width,
                color=_COLOURS["start"],
                label=label("start_rate", lang, year=str(document.year)) if x == 0 else "_",
            )
            start.patches[0].set_gid(f"rates/start/{row.unit}")
            axes.annotate(
                number(row.start_rate, lang, 2),
                (x - width / 2, _draw(row.start_rate or 0)),
                ha="center",
                va="bottom",
                fontsize=7,
                xytext=(0, 2),
                textcoords="offset points",
            )
            if row.end_rate is None:
                continue
            end = axes.bar(
                x + width / 2,
                _draw(row.end_rate.high),
                width,
                color=_COLOURS["end"],
                label=label("end_rate", lang, year=str(document.year)) if x == 0 else "_",
            )
            end.patches[0].set_gid(f"rates/end/{row.unit}")
            if not row.end_rate.is_exact:
                axes.vlines(
                    x + width / 2, _draw(row.end_rate.low), _draw(row.end_rate.high), "black"
                )
            axes.annotate(
                number(row.end_rate, lang, 2),
                (x + width / 2, _draw(row.end_rate.high)),
                ha="center",
                va="bottom",
                fontsize=7,
                xytext=(0, 2),
                textcoords="offset points",
            )
        axes.set_xticks(range(len(rows)), [row.label for row in rows], rotation=30, ha="right")
        axes.set_ylabel(label("rate_axis", lang))
        axes.set_title(label("rates", lang))
        _legend(axes)
        axes.yaxis.set_major_formatter(_tick_formatter(lang))
        axes.margins(y=0.12)
    return figure


def funding(document: Document, lang: Lang = "vi") -> matplotlib.figure.Figure:
    """Each funded component's money stacked by source, in programme order.

    The bars are the amounts each source is stated to give (central, local, policy credit,
    integrated, mobilised, other; a source no component states has no bar), from
    :func:`mdpoverty.aggregate.funding_by_component`; where a component's declared total is
    not the sum of its sources, a red line marks the declared total.
    """
    from mdpoverty.aggregate import funding_by_component  # noqa: PLC0415

    frame = funding_by_component(document, total=False)
    with _style():
        figure, axes = _figure(max(6.0, 0.7 * len(frame) + 2), 4.2)
        bottom = [Decimal(0)] * len(frame)
        for source in ("central", "local", "policy_credit", "integrated", "mobilised", "other"):
            amounts = [Decimal(v) for v in frame[source]]
            if not any(amounts):
                continue
            bars = axes.bar(
                range(len(frame)),
                [_draw(v) for v in amounts],
                0.6,
                bottom=[_draw(v) for v in bottom],
                color=_COLOURS[source],
                label=label(source.replace("_", "-"), lang),
            )
            for patch, code in zip(bars.patches, frame.index, strict=True):
                patch.set_gid(f"funding/{source}/{code}")
            bottom = [b + a for b, a in zip(bottom, amounts, strict=True)]
        marked = False
        for x, (code, row) in enumerate(frame.iterrows()):
            declared, sources = row["declared"], row["sources"]
            top = sources
            if declared is not None and declared != sources:
                (line,) = axes.plot(
                    [x - 0.38, x + 0.38],
                    [_draw(declared)] * 2,
                    color=_COLOURS["declared"],
                    linewidth=2.5,
                    label=label("declared", lang) if not marked else "_",
                )
                line.set_gid(f"funding/declared/{code}")
                marked = True
                top = max(declared, sources)
                axes.annotate(
                    f"{number(declared, lang)} ≠ {number(sources, lang)}",
                    (x, _draw(top)),
                    ha="center",
                    va="bottom",
                    fontsize=7,
                    color=_COLOURS["declared"],
                    xytext=(0, 2),
                    textcoords="offset points",
                )
                continue
            axes.annotate(
                number(top, lang),
                (x, _draw(top)),
                ha="center",
                va="bottom",
                fontsize=7,
                xytext=(0, 2),
                textcoords="offset points",
            )
        axes.set_xticks(range(len(frame)), list(frame.index), rotation=30, ha="right")
        axes.set_ylabel(label("money_axis", lang))
        axes.set_title(label("funding", lang))
        _legend(axes)
        axes.yaxis.set_major_formatter(_tick_formatter(lang))
        axes.margins(y=0.12)
    return figure


def deficits(document: Document, lang: Lang = "vi") -> matplotlib.figure.Figure:
    """The plan's share targets by deprivation dimension, in the order of its standard.

    Only targets stated as a share of a population (percent) are drawn, one bar each; counts
    and qualitative targets are in the report's table.  ``≥`` marks an "at least" target.
    """
    from mdpoverty.aggregate.units import deficit_rows  # noqa: PLC0415

    names = _indicator_names(document, lang)
    rows = [
        (d, value)
        for d in deficit_rows(document)
        if d.kind is IndicatorKind.SHARE and (value := d.value) is not None
    ]
    with _style():
        figure, axes = _figure(7.5, max(2.5, 0.38 * len(rows) + 1.2))
        for y, (indicator, value) in enumerate(rows):
            (bar,) = axes.barh(y, _draw(value.low), 0.6, color=_COLOURS["share"]).patches
            bar.set_gid(f"deficits/{indicator.id}")
            sign = {Comparison.AT_LEAST: "≥ ", Comparison.AT_MOST: "≤ "}.get(
                indicator.comparison, ""
            )
            axes.annotate(
                f"{sign}{number(value, lang)}%",
                (_draw(value.low), y),
                va="center",
                fontsize=7,
                xytext=(3, 0),
                textcoords="offset points",
            )
        axes.set_yticks(range(len(rows)), [names(d.dimension, d.indicator, d.id) for d, _ in rows])
        axes.invert_yaxis()
        axes.set_xlim(0, 112)
        axes.set_xlabel(label("share_axis", lang))
        axes.set_title(label("deficits", lang))
    return figure


def _legend(axes: matplotlib.axes.Axes) -> None:
    if axes.get_legend_handles_labels()[0]:  # a chart with nothing to draw has no legend
        axes.legend(loc="upper right", frameon=False)


def _indicator_names(
    document: Document, lang: Lang
) -> Callable[[str | None, str | None, str], str]:
    dimensions, indicators = standard_names(document, lang)
    if not dimensions:  # a standard the library does not know
        return lambda dimension, indicator, ident: ident

    def name(dimension: str | None, indicator: str | None, ident: str) -> str:
        head = dimensions.get(dimension or "", label("general", lang))
        tail = indicators.get(indicator or "", ident)
        return f"{head}: {tail}"

    return name


def _tick_formatter(lang: Lang) -> Any:
    ticker = require("matplotlib.ticker", _("Charts"))

    def tick(value: float, _position: object) -> str:
        # A tick is a float of matplotlib's choosing, read back to the digits it needs.
        exact = Decimal(f"{float(value):.6g}").normalize()
        return number(exact if exact != exact.to_integral() else int(exact), lang)

    return ticker.FuncFormatter(tick)


CHARTS: dict[str, Callable[[Document, Lang], matplotlib.figure.Figure]] = {
    "rates": rates,
    "funding": funding,
    "deficits": deficits,
}
"""The charts by name, as ``mdpoverty chart --what`` takes them."""

_NOTHING = {
    "rates": _(
        "no unit of the document has its households and poor households counted, so it "
        "has no poverty rate"
    ),
    "funding": _("the document states no funding of a programme component by source"),
    "deficits": _("the document has no target for a deprivation indicator stated as a share (%)"),
}


def require_drawn(figure: matplotlib.figure.Figure, what: str) -> None:
    """Refuse a chart of :data:`CHARTS` (``what`` is its name) that draws nothing: empty axes
    say nothing a reader could not take for "no poverty".

    Raises:
        mdpoverty.errors.EmptyChartError: No bar, line or marker on any axes; the message
            says what the document lacks for that chart.
    """
    if not any(axes.patches or axes.lines or axes.collections for axes in figure.axes):
        why = _NOTHING.get(what) or _("the {chart} chart has no bar", chart=what)
        raise EmptyChartError(_("nothing to draw: {why}", why=why))


def to_svg(figure: matplotlib.figure.Figure) -> str:
    """``figure`` as SVG text, the same text for the same chart on every run."""
    out = io.StringIO()
    with _style():
        figure.savefig(out, format="svg", metadata=_METADATA["svg"])
    return out.getvalue()


def save(figure: matplotlib.figure.Figure, path: str | os.PathLike[str]) -> None:
    """Write ``figure`` to ``path`` as PNG or SVG, by the extension (``.png``, ``.svg``).

    Written whole or not at all; the same chart gives the same bytes on every run.

    Raises:
        mdpoverty.errors.ChartFormatError: ``path`` ends in neither ``.png`` nor ``.svg``.
    """
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in _METADATA:
        raise ChartFormatError(
            _("a chart is written as .png or .svg, not {name!r}", name=Path(path).name)
        )

    def write(file: Path) -> None:
        with _style(), file.open("xb") as out:
            figure.savefig(out, format=fmt, metadata=_METADATA[fmt])

    write_atomically(path, write)
