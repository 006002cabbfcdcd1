"""The sections of a review's and a report's figures and results.

A document that prints figures (a review result, a report, a plan's start-of-year figures) gets
its figure table as printed, a row per unit, stratum and group of units with the area last; a
document with targets and results (a report) gets each target met or not, and by how much.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pandas as pd

from mdpoverty.model.document import ImplementationReport
from mdpoverty.model.targets import HouseholdGroup
from mdpoverty.report.labels import label, number, said
from mdpoverty.report.sections import Context, section
from mdpoverty.tables.annex import TOTAL, has_target_annex
from mdpoverty.values.quantities import Quantity

__all__: list[str] = []


def _subject_location(ctx: Context, subject: object) -> str:
    """The location of a figure table's row: the unit, stratum or group, or the area."""
    document = ctx.document
    if subject == TOTAL:
        return "figures"
    for name, items in (("units", document.units), ("strata", document.strata)):
        if any(item.id == subject for item in items):
            return f"{name}/{subject}"
    return f"groups/{subject}"


@section(
    "figures",
    holds="figures",
    order=25,
    when=lambda document: not has_target_annex(document),
)
def figures_section(ctx: Context) -> Mapping[str, Any]:
    from mdpoverty.tables.figure_tables import cell_text, figure_table  # noqa: PLC0415

    frame = figure_table(ctx.document, ctx.lang)
    columns: list[Any] = list(frame.columns)[1:]  # the first holds the labels
    header = [
        [said(level, ctx.lang) for level in column]
        if isinstance(column, tuple)
        else [said(column, ctx.lang)]
        for column in columns
    ]
    depth = max((len(h) for h in header), default=0)
    rows = []
    for subject, record in frame.iterrows():
        cells = [cell_text(None if pd.isna(v) else v, ctx.lang) for v in record.iloc[1:]]
        rows.append(
            {
                "id": ctx.place(_subject_location(ctx, subject)),
                "label": said(record.iloc[0], ctx.lang),
                "cells": cells,
            }
        )
    return {
        "title": said(frame.attrs.get("title", ""), ctx.lang),
        "header": [[h[i] if i < len(h) else "" for h in header] for i in range(depth)],
        "rows": rows,
    }


def _judges_results(document: object) -> bool:
    # Only an implementation report prints results against targets: a plan's figures are its
    # starting point, a review's have no targets to meet.
    return isinstance(document, ImplementationReport) and bool(document.targets)


@section("results", holds="figures", order=28, when=_judges_results)
def results_section(ctx: Context) -> Mapping[str, Any]:
    from mdpoverty.aggregate.results import results  # noqa: PLC0415

    table = results(ctx.document)
    rows = []
    for i, record in enumerate(table.to_dict("records")):
        met = record.get("met")
        rows.append(
            {
                "id": ctx.place(f"targets/{i}"),
                "subject": _subject_name(ctx, record.get("subject")),
                "measure": _measure(record.get("measure"), record.get("group"), ctx),
                "target": _text(record.get("target"), ctx),
                "achieved": _text(record.get("achieved"), ctx),
                "met": ""
                if met is None or pd.isna(met)
                else label("yes" if met else "no", ctx.lang),
                "by": _text(record.get("by"), ctx),
                "missed": met is False,
            }
        )
    return {"rows": rows}


def _subject_name(ctx: Context, subject: object) -> str:
    """The name as printed of the unit, stratum or group a target is about; the area's
    label for the area."""
    if subject is None or subject is pd.NA or subject == "":
        return label("area", ctx.lang)
    document = ctx.document
    names = {
        **{group.id: group.name for group in document.groups},
        **{stratum.id: stratum.name for stratum in document.strata},
        **{unit.id: unit.name for unit in document.units},
    }
    return names.get(str(subject), str(subject))


def _measure(measure: object, group: object, ctx: Context) -> str:
    """What a target is about, in the page's language: the measure, and the household group
    where it is not the poor households."""
    if measure is None or measure is pd.NA:
        return ""
    words = label(f"measure-{measure}", ctx.lang)
    if group is None or group is pd.NA or group == HouseholdGroup.POOR:
        return words
    return label(
        "measure_of_group",
        ctx.lang,
        measure=words,
        group=label(f"group-{HouseholdGroup(str(group)).value}", ctx.lang),
    )


def _text(value: object, ctx: Context) -> str:
    """A target's or a result's value as the page shows it (a range as ``low–high``)."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, int | Decimal | Quantity):
        return number(value, ctx.lang)
    return str(value)
