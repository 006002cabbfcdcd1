"""A draft document: the data read, where each value was read, and what could not be read.

The draft is written as a plan file whose every read value carries its source as a comment on
its line, beside a ``.sources.csv`` sidecar with one row a value (and one a gap).  Gaps are
listed at the head of the file: a value that could not be read is left out, never filled in.
"""

from __future__ import annotations

import csv
import io
import json
import os
import textwrap
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from mdpoverty.i18n import Lang, _, language, localize
from mdpoverty.reading.blocks import Place

__all__ = ["Draft", "Gap", "Trace", "draft_yaml", "sources_csv"]

Path_ = tuple[str | int, ...]
"""A value's place in the draft's data: keys and list indexes."""


def data_path(path: Path_) -> str:
    """The draft path as the plan file's locations write it: ``components/0/funding/total``."""
    return "/".join(str(step) for step in path)


@attrs.frozen
class Trace:
    """Where a value of the draft was read: its place in the file, the text as printed (the
    words the value was read from) and the paragraph or cell it stands in."""

    path: Path_
    place: Place
    text: str
    context: str = ""


@attrs.frozen
class Gap:
    """What could not be read, at its place in the draft, and why (a message, said in the
    language of the draft it is written into)."""

    path: Path_
    reason: str
    place: Place | None = None


@attrs.frozen
class Draft:
    """A document read from a published file: its plan-file data, their sources, its gaps.

    Attributes:
        data: The plan-file data (as a plan file holds it), which always loads.
        sources: Where each value was read, by its path in ``data``.
        gaps: What could not be read, by its path in ``data``.
        file: The name of the file read.
    """

    data: dict[str, Any]
    sources: tuple[Trace, ...]
    gaps: tuple[Gap, ...]
    file: str

    def source_of(self, path: Sequence[str | int]) -> Trace | None:
        """The trace of the value at ``path`` (keys and indexes), or ``None``."""
        wanted = tuple(path)
        return next((t for t in self.sources if t.path == wanted), None)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    # A JSON string is a YAML double-quoted scalar: every character kept, nothing re-typed.
    return json.dumps(str(value), ensure_ascii=False)


def _comment(trace: Trace | None, lang: Lang) -> str:
    if trace is None:
        return ""
    text = " ".join(trace.text.split())
    return f"  # {trace.place.localized(lang)}: {json.dumps(text, ensure_ascii=False)}"


def _gap_line(gap: Gap) -> str:
    where = data_path(gap.path) or _("(document)")
    if gap.place is None:
        return _("{where}: {reason}", where=where, reason=gap.reason)
    return _("{where}: {reason} ({place})", where=where, reason=gap.reason, place=gap.place)


def draft_yaml(draft: Draft, lang: Lang | None = None) -> str:
    """The draft as a YAML plan file, every read value's source as a comment on its line; the
    comments a person reads are in ``lang`` (by default :func:`~mdpoverty.i18n.language`)."""
    lang = language(lang)
    traces = {t.path: t for t in draft.sources}
    head = _(
        "Draft read from {file} by mdpoverty import.  Every value says where it was read "
        "(file: part, row, column or paragraph: the text as printed); the same in the "
        ".sources.csv beside this file.  Check it, then run `mdpoverty check` on it.",
        file=draft.file,
    )
    lines = [f"# {line}" for line in _wrapped(localize(head, lang))]
    if draft.gaps:
        lines.append("#")
        heading = _("GAPS: what could not be read (left out, never filled in):")
        lines.append(f"# {localize(heading, lang)}")
        lines += [f"# - {localize(_gap_line(gap), lang)}" for gap in draft.gaps]
    lines.append("")
    _emit_mapping(draft.data, (), 0, traces, lines, lang=lang)
    return "\n".join(lines) + "\n"


def _wrapped(text: str) -> list[str]:
    """``text`` in lines of at most 94 characters (a comment of a plan file stays readable)."""
    return textwrap.wrap(text, width=94, break_long_words=False, break_on_hyphens=False)


def _emit_mapping(
    data: Mapping[str, Any],
    path: Path_,
    indent: int,
    traces: Mapping[Path_, Trace],
    lines: list[str],
    *,
    lang: Lang,
    first_prefix: str | None = None,
) -> None:
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        lead = first_prefix if (n == 0 and first_prefix is not None) else pad
        here = (*path, key)
        if isinstance(value, Mapping):
            lines.append(f"{lead}{key}:{_comment(traces.get(here), lang)}")
            _emit_mapping(value, here, indent + 2, traces, lines, lang=lang)
        elif isinstance(value, list | tuple):
            lines.append(f"{lead}{key}:{_comment(traces.get(here), lang)}")
            _emit_list(value, here, indent + 2, traces, lines, lang=lang)
        else:
            comment = _comment(traces.get(here), lang)
            lines.append(f"{lead}{key}: {_scalar(value)}{comment}")


def _emit_list(
    items: Sequence[Any],
    path: Path_,
    indent: int,
    traces: Mapping[Path_, Trace],
    lines: list[str],
    *,
    lang: Lang,
) -> None:
    pad = " " * indent
    for index, item in enumerate(items):
        here = (*path, index)
        if isinstance(item, Mapping) and item:
            _emit_mapping(item, here, indent + 2, traces, lines, lang=lang, first_prefix=f"{pad}- ")
        else:
            lines.append(f"{pad}- {_scalar(item)}{_comment(traces.get(here), lang)}")


SOURCE_COLUMNS = ("path", "status", "file", "part", "row", "column", "paragraph", "text", "context")


def sources_csv(draft: Draft, lang: Lang | None = None) -> str:
    """The sidecar: one row a value read (status ``read``) and one a gap (status ``gap``).

    Its column names and statuses are for programs and stay as they are; the parts of the
    file (``page 3``), the reasons of the gaps and the contexts the library wrote are in
    ``lang`` (by default :func:`~mdpoverty.i18n.language`); the text as printed as it is.
    """
    lang = language(lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SOURCE_COLUMNS)

    def place_fields(place: Place | None) -> list[object]:
        if place is None:
            return ["", "", "", "", ""]
        part = localize(place.part, lang)
        return [place.file, part, place.row or "", place.column or "", place.paragraph or ""]

    for trace in draft.sources:
        context = localize(trace.context, lang)
        writer.writerow(
            [data_path(trace.path), "read", *place_fields(trace.place), trace.text, context]
        )
    for gap in draft.gaps:
        reason = localize(gap.reason, lang)
        writer.writerow([data_path(gap.path), "gap", *place_fields(gap.place), "", reason])
    return out.getvalue()


def sources_path(output: str | os.PathLike[str]) -> Path:
    """The sidecar's path beside the draft ``draft.yaml``: ``draft.sources.csv``."""
    path = Path(output)
    return path.with_name(f"{path.stem}.sources.csv")
