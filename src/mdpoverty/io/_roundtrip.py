"""Rewriting a YAML plan file in place: new content, the old comments, key order and layout.

ruamel.yaml's round-trip mode reads the old text into maps and lists that remember their
comments, flow or block style and quotes.  The new plan's data is merged into them: a value
that did not change keeps its node (and so its spelling: ``0.10`` stays ``0.10``), changed
values are replaced, new keys go after the old ones, removed keys go with their comments.  New
items of a list of ``{…}`` rows are written as ``{…}`` rows too.

The merged text is then read back with the plan-file loader; if it does not give the same
plan (a construct the merge cannot express), the caller writes the plain text instead.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from mdpoverty.io._dialects import _represent_decimal

__all__ = ["merges_into_yaml"]


def _yaml() -> Any:
    from ruamel.yaml import YAML  # noqa: PLC0415  (loaded only to rewrite a file)

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # lines are never folded: they stay as the old file wrote them
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout `mdpoverty new` writes
    yaml.allow_unicode = True

    def represent_none(representer: Any, _: None) -> Any:
        return representer.represent_scalar("tag:yaml.org,2002:null", "null")  # not ""

    # Decimals as the plan-file dumper writes them (1E+3 is no YAML number, so text); ruamel's
    # representer has PyYAML's represent_scalar(tag, value).
    yaml.representer.add_representer(Decimal, _represent_decimal)
    yaml.representer.add_representer(type(None), represent_none)
    return yaml


def _same(old: Any, new: Any) -> bool:
    """Whether an old scalar node already says ``new`` (then it is kept as written)."""
    if isinstance(old, dict | list) or isinstance(new, dict | list):
        return False
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, dt.date) and isinstance(new, str):  # ruamel reads 2024-03-15 as a date
        return old.isoformat() == new
    if isinstance(old, str) or isinstance(new, str):
        return isinstance(old, str) and isinstance(new, str) and str(old) == new
    # Numbers by their digits: 0.10 is not rewritten as 0.1, nor 0.1 kept for 0.10.
    return (old is None and new is None) or str(old) == str(new)


def _fresh(new: Any, *, flow: bool) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # noqa: PLC0415

    if isinstance(new, dict):
        result = CommentedMap((k, _fresh(v, flow=False)) for k, v in new.items())
        if flow:
            result.fa.set_flow_style()
        return result
    if isinstance(new, list):
        return CommentedSeq(_fresh(v, flow=False) for v in new)
    return new


def _is_flow(node: Any) -> bool:
    fa = getattr(node, "fa", None)
    return bool(fa is not None and fa.flow_style())


def _merge(old: Any, new: Any, *, drop: bool) -> Any:
    """``old`` (round-trip nodes) made to hold ``new`` (plain data), keeping what is equal.

    The new data leaves out fields at their default (``end: 2024`` of a one-year period); with
    ``drop`` false such keys of the old file stay as written.
    """
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [k for k in old if k not in new] if drop else ():
            del old[key]
        for key, value in new.items():
            if key in old:
                old[key] = _merge(old[key], value, drop=drop)
            else:
                old[key] = _fresh(value, flow=False)
        return old
    if isinstance(old, list) and isinstance(new, list):
        flow_rows = any(_is_flow(item) for item in old)
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value, drop=drop)
            else:
                old.append(_fresh(value, flow=flow_rows and isinstance(value, dict)))
        del old[len(new) :]
        return old
    return old if _same(old, new) else _fresh(new, flow=False)


def merges_into_yaml(old_text: str, new_data: dict[str, Any]) -> Iterator[str]:
    """The YAML text ``old_text`` changed to hold ``new_data``, with its comments and layout:
    first keeping the keys the new data leaves out, then without them (``drop``, see
    :func:`_merge`).  Each text is made when it is asked for."""
    yaml = _yaml()
    for drop in (False, True):
        document = yaml.load(old_text)  # anew: the merge changes it
        if not isinstance(document, dict):
            document = {}
        merged = _merge(document, new_data, drop=drop)
        out = io.StringIO()
        yaml.dump(merged, out)
        yield out.getvalue()
