"""Components' funding printed as a table: a row a project (*Dự án*) or sub-project (*Tiểu dự
án*), columns of the total and of each source, in million VND (*triệu đồng*)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from mdpoverty.errors import NumberFormatError
from mdpoverty.i18n import _
from mdpoverty.reading.blocks import Place, Table
from mdpoverty.tables.read import normalized
from mdpoverty.values.numbers import parse_vi

__all__ = ["FundingRow", "read_funding_table"]

_ROW = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?P<kind>Dự án|Tiểu dự án|Hợp phần)\s+(?P<n>\d+)"
    r"\s*[:.\-–]?\s*(?P<name>.*)$",
    re.IGNORECASE,
)
_SOURCES = (
    ("central", ("trung ương", "nstw")),
    ("local", ("địa phương", "nsđp")),
    ("other", ("khác", "huy động")),
    ("total", ("tổng",)),
)
FundingRow = tuple[str, int, str, dict[str, Decimal], dict[str, Place], Place]
"""A row read: kind (``DA``, ``TDA``, ``HP``), number, name, amounts and their cells, and the
label's cell."""


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for key, words in _SOURCES:
        for index, text in enumerate(header):
            if (
                key not in columns
                and index not in columns.values()
                and any(w in text for w in words)
            ):
                columns[key] = index
    return columns


def read_funding_table(
    table: Table, caption: str, gap: Callable[[tuple[str | int, ...], str, Place | None], None]
) -> list[FundingRow] | None:
    """The rows of a funding table, or ``None`` if ``table`` is none.  Only a table that
    states its amounts in million VND (in its header or the caption above it) is read."""
    first = next(
        (r for r, row in enumerate(table.rows) if any(_ROW.match(c.text) for c in row)), None
    )
    if first is None or first == 0:
        return None
    width = len(table.rows[0])
    header = [
        " ".join(dict.fromkeys(normalized(table.rows[r][c].text) for r in range(first))).strip()
        for c in range(width)
    ]
    columns = _columns(header)
    if "total" not in columns and not {"central", "local"} & columns.keys():
        return None
    if "triệu" not in " ".join(header) + " " + normalized(caption):
        gap(
            ("components",),
            _("a funding table that does not state its amounts in 'triệu đồng'"),
            table.place,
        )
        return None
    rows: list[FundingRow] = []
    for row in table.rows[first:]:
        label = next((c for c in row if _ROW.match(c.text)), None)
        if label is None:
            continue
        m = _ROW.match(label.text)
        if m is None:  # pragma: no cover - found by the same pattern just above
            continue
        prefix = {"dự án": "DA", "tiểu dự án": "TDA", "hợp phần": "HP"}[m["kind"].lower()]
        amounts: dict[str, Decimal] = {}
        places: dict[str, Place] = {}
        for key, index in columns.items():
            cell = row[index]
            text = cell.text.strip()
            if not text or text in {"-", "–"}:
                continue  # a blank is never 0
            try:
                amounts[key] = Decimal(parse_vi(text))
            except NumberFormatError:
                gap(("components",), _("not an amount: {text!r}", text=text), cell.place)
                continue
            places[key] = cell.place
        rows.append((prefix, int(m["n"]), m["name"].strip(), amounts, places, label.place))
    return rows or None
