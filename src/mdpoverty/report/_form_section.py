"""The section of a review that prints flows of the year: the review form as printed.

The form is :func:`mdpoverty.tables.review_form.review_form`, shown as the official form prints
it: the poor and the near-poor households at the start, the flows of the year and at the end,
each with its ethnic-minority households, in an urban, a rural and a together section.  A blank
cell stays blank.  A printed cell that a ``flows.identity`` finding is about is highlighted with
the value the identity gives, and links to that finding (which links back to it).

The generic figure table stays as it is beside the form: it is the one view of every printed
figure (the households of every group, the rates) and the form shows only the flows' columns.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pandas as pd

from mdpoverty.checks.report import Finding
from mdpoverty.i18n import Lang
from mdpoverty.report.labels import number, said
from mdpoverty.report.sections import Context, section
from mdpoverty.tables.annex import TOTAL
from mdpoverty.tables.review_form import FORM_COLUMNS, SECTION_PREFIX, has_flows

__all__: list[str] = []

_RULE = "flows.identity"


def _spans(labels: Sequence[str]) -> list[dict[str, Any]]:
    """Consecutive equal labels of a header level as one cell spanning them."""
    spans: list[dict[str, Any]] = []
    for text in labels:
        if spans and spans[-1]["text"] == text:
            spans[-1]["span"] += 1
        else:
            spans.append({"text": text, "span": 1})
    return spans


def _header(frame: pd.DataFrame, lang: Lang) -> dict[str, Any]:
    """The form's three header rows: the label's column spans them, groups and the start,
    flows and end span their columns."""
    columns = [tuple(said(level, lang) for level in column) for column in frame.columns]
    label, cells = columns[0], columns[1:]
    return {
        "label": label[-1],
        "depth": len(label),
        "levels": [_spans([c[i] for c in cells]) for i in range(len(label))],
    }


def _locations(ctx: Context) -> dict[tuple[Any, ...], str]:
    """Where each cell of the form is printed: (subject, group, when, field) to the location
    of the figure's field (``figures/<i>/count``), the form's key as the rules index it."""
    from mdpoverty.aggregate.results import index  # noqa: PLC0415

    year = ctx.document.year
    found: dict[tuple[Any, ...], str] = {}
    for (about, group, when, at_year), (_, where) in index(ctx.document).items():
        # a unit's own start-of-year count is not a figure of the form
        if at_year == year and where.startswith("figures/"):
            for field in ("count", "ethnic_minority"):
                found[(about, group, when, field)] = f"{where}/{field}"
    return found


def _cells(
    ctx: Context,
    subject: str | None,
    values: Sequence[object],
    locations: Mapping[Any, str],
    wrong: Mapping[str, Finding],
) -> Iterator[dict[str, Any]]:
    """A row's cells: the printed value (blank where not printed), the id of its place, and
    where a ``flows.identity`` finding is about it, the value the identity gives and the id
    of the finding."""
    for (group, when, field), value in zip(FORM_COLUMNS, values, strict=True):
        where = locations.get((subject, group, when, field)) if value is not None else None
        finding = wrong.get(where) if where is not None else None
        expected = finding.expected if finding is not None else None
        yield {
            "text": "" if value is None else number(value, ctx.lang),  # type: ignore[arg-type]
            "id": ctx.place(where) if where is not None else None,
            "expected": None if expected is None else number(expected, ctx.lang),  # type: ignore[arg-type]
            "finding": None if where is None else ctx.finding(_RULE, where),
        }


@section("review_form", holds="figures", order=24, when=has_flows)
def review_form_section(ctx: Context) -> Mapping[str, Any]:
    from mdpoverty.tables.review_form import review_form  # noqa: PLC0415

    frame = review_form(ctx.document, ctx.lang)
    locations = _locations(ctx)
    wrong = {f.location: f for f in ctx.findings if f.rule == _RULE}
    rows = []
    for key, record in zip(frame.index, frame.itertuples(index=False), strict=True):
        label = said(record[0], ctx.lang)
        if str(key).startswith(SECTION_PREFIX):
            rows.append({"heading": True, "label": label})
            continue
        subject = None if key == TOTAL else str(key)
        rows.append(
            {
                "heading": False,
                "total": subject is None,
                "label": label,
                "cells": list(_cells(ctx, subject, record[1:], locations, wrong)),
            }
        )
    return {
        "title": said(frame.attrs.get("title", ""), ctx.lang),
        "header": _header(frame, ctx.lang),
        "width": len(frame.columns),
        "rows": rows,
    }
