"""What the interpreter records as it reads: each value's trace and each gap, and the
small readings every part shares (numbers, dates, ids)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

from mdpoverty.reading.blocks import Block, Place
from mdpoverty.reading.draft import Gap, Trace
from mdpoverty.values.numbers import parse_vi

Path_ = tuple[str | int, ...]


def number(text: str) -> int | Decimal:
    return parse_vi(text.rstrip(".,"))


def date_text(day: str, month: str, year: str) -> str:
    if day and month:
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    if month:
        return f"{int(year):04d}-{int(month):02d}"
    return f"{int(year):04d}"


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "unit"


class Recorder:
    """The draft's data as it is read, the traces of its values and its gaps."""

    def __init__(self, blocks: list[Block], file: str, kind: str | None) -> None:
        self.blocks = blocks
        self.file = file
        self.kind = kind
        self.data: dict[str, Any] = {}
        self.sources: list[Trace] = []
        self.gaps: list[Gap] = []
        self._annex_targets: list[dict[str, Any]] = []
        self._annex_traces: list[tuple[Place, str] | None] = []

    def trace(self, path: Path_, place: Place, text: str, context: str = "") -> None:
        self.sources.append(Trace(path, place, text, context))

    def gap(self, path: Path_, reason: str, place: Place | None = None) -> None:
        self.gaps.append(Gap(path, reason, place))

    def source_of(self, path: Path_) -> Trace | None:
        return next((t for t in self.sources if t.path == path), None)

    def source_place(self, path: Path_) -> Place | None:
        return next((t.place for t in self.sources if t.path == path), None)

    # -- Căn cứ ------------------------------------------------------------------------------
