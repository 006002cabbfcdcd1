"""Hypothesis strategies for plain data and mutated plan files, re-exported by
:mod:`mdpoverty.testing`: what a plan file's loader must survive."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

__all__ = ["plain_data", "plan_data_mutations"]


def plain_data(max_leaves: int = 30, *, writable: bool = False) -> st.SearchStrategy[object]:
    """Arbitrary plain data as YAML and JSON files hold it (``None``, booleans, ints, exact
    decimals, text, lists, mappings), with some of a plan's field names and values mixed in,
    for fuzzing loaders: they must refuse it with their own error, never crash.

    ``writable``: only what a file can hold and give back, so that writing then reading it is
    the identity: finite decimals and ints within the bounds of
    :mod:`mdpoverty.values.bounds`, text keys, a mapping at the top."""
    words = st.sampled_from(
        [
            "header", "units", "targets", "components", "id", "name", "kind", "households",
            "poor_households", "value", "low", "high", "date", "measure", "ward", "reduction",
            "2024-03", "DA2", "children", "code", "funding", "total", "",
        ]
    )  # fmt: skip
    keys = st.one_of(words, st.text(max_size=6))
    numbers = (
        [st.integers(-(10**11), 10**11), st.decimals(-(10**11), 10**11, places=3)]
        if writable
        else [
            st.integers(-(10**12), 10**12),
            st.decimals(allow_nan=False, allow_infinity=False, places=3),
            st.decimals(),  # NaN and infinities too
        ]
    )
    leaves = st.one_of(st.none(), st.booleans(), *numbers, st.text(max_size=12), words)
    data = st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(keys, children, max_size=5),
        ),
        max_leaves=max_leaves,
    )
    return st.dictionaries(keys, data, max_size=5) if writable else data


@st.composite
def plan_data_mutations(draw: st.DrawFn, data: object) -> object:
    """``data`` (plain data, e.g. a plan's) with one value somewhere in it replaced by
    :func:`plain_data`, or one key removed or added: near-valid input for fuzzing."""
    import copy  # noqa: PLC0415  (only for this strategy)

    result = copy.deepcopy(data)
    parent: Any = None
    key: Any = None
    node: Any = result
    while isinstance(node, dict | list) and node and draw(st.integers(0, 3)) > 0:
        parent = node
        key = draw(
            st.sampled_from(sorted(node, key=str) if isinstance(node, dict) else range(len(node)))
        )
        node = node[key]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if isinstance(parent, dict) and action == "remove":
        del parent[key]
    elif isinstance(node, dict) and action == "add":
        node[draw(st.text(max_size=6))] = draw(plain_data(5))
    elif isinstance(parent, dict | list):
        parent[key] = draw(plain_data(10))
    else:
        result = draw(plain_data(10))
    return result
