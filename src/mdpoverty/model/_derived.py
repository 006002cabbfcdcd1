"""Facts derived from a document, computed once per document and shared by every caller.

A check runs some twenty rules on one document, and several of them need the same derived
facts: the annex rows, the index of observations, the children of each unit, the targets in
force per subject.  Derived anew by every rule, they cost most of a check; derived here, once.

Why a cache is safe: a document is frozen (``attrs.frozen``, every field a tuple or another
frozen value, checked when it is built), so what is derived from it can never go stale.  The
cache is keyed by the document's identity, not its value (hashing a document hashes all its
units, which is the work the cache saves), and an entry lives exactly as long as its document:
a weak-reference finalizer drops it when the document is collected, before the identity can
be reused by another object.  Callers receive either immutable values (tuples of frozen rows)
or a fresh copy of a mapping, so no caller can change what another one sees.  Two threads
may at worst derive the same fact twice; both results are equal, and either one is kept.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

_FACTS: dict[int, dict[Hashable, Any]] = {}


def derived(document: object, key: Hashable, compute: Callable[[], T]) -> T:
    """The fact ``key`` of ``document``: computed by ``compute()`` the first time, then kept.

    ``key`` names the derivation (and its arguments, if any): two derivations must not share
    a key.
    """
    facts = _FACTS.get(id(document))
    if facts is None:
        facts = _FACTS[id(document)] = {}
        # Nothing to do at exit: the finalizer only drops the entry.
        weakref.finalize(document, _FACTS.pop, id(document), None).atexit = False
    try:
        value: T = facts[key]
    except KeyError:
        value = facts[key] = compute()
    return value


def forget() -> None:
    """Drop every derived fact of every document (the benchmarks time a cold start)."""
    for facts in _FACTS.values():
        facts.clear()
