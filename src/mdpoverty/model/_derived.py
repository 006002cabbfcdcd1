"""Facts derived from a document, computed once per document and shared by every caller.

A check runs some twenty rules on one document, and several of them need the same derived
facts: the annex rows, the index of observations, the children of each unit, the targets in
force per subject.  Derived anew by every rule, they cost most of a check; derived here, once.

Why a cache is safe: a document is frozen (``attrs.frozen``, every field a tuple or another
frozen value, checked when it is built), so what is derived from it can never go stale.  The
cache is keyed by the document's identity, not its value (hashing a document hashes all its
units, which is the work the cache saves), and an entry lives no longer than its document: a
weak-reference finalizer drops it when the document is collected, before the identity can be
reused by another object.  Only the facts of the latest :data:`KEPT` documents are kept, so a
program that goes through thousands of documents holds no more than these: kept for every
document, the facts made the garbage collector's full passes grow with the number of documents
(at 7,000 plans they took a sixth of a check's and roll-up's time).  Callers receive either
immutable values (tuples of frozen rows) or a fresh copy of a mapping, so no caller can change
what another one sees.  Two threads may at worst derive the same fact twice; both results are
equal, and either one is kept.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")

KEPT = 64
"""The documents whose facts are kept, the latest first derived: a check, a table or a report
reads one document's facts many times in a row, and a program that goes through thousands of
documents keeps no more than these alive (so the garbage collector's passes, and memory, do
not grow with the number of documents)."""

_FACTS: dict[int, dict[Hashable, Any]] = {}  # in the order first derived
_WATCHED: set[int] = set()  # documents with a finalizer
_HELD: dict[int, dict[Hashable, Any]] = {}  # the facts of documents a holder keeps (below)
_HOLDERS: dict[int, int] = {}  # how many holders keep each of those documents


def _drop(ident: int) -> None:
    _FACTS.pop(ident, None)
    _WATCHED.discard(ident)


def derived(document: object, key: Hashable, compute: Callable[[], T]) -> T:
    """The fact ``key`` of ``document``: computed by ``compute()`` the first time, then kept
    (while the document is among the :data:`KEPT` latest).

    ``key`` names the derivation (and its arguments, if any): two derivations must not share
    a key.
    """
    ident = id(document)
    facts = _HELD.get(ident)
    if facts is None:
        facts = _FACTS.get(ident)
    if facts is None:
        facts = _FACTS[ident] = {}
        if ident not in _WATCHED:
            _WATCHED.add(ident)
            # Nothing to do at exit: the finalizer only drops the entry.
            weakref.finalize(document, _drop, ident).atexit = False
        if len(_FACTS) > KEPT:
            _FACTS.pop(next(iter(_FACTS)), None)
    try:
        value: T = facts[key]
    except KeyError:
        value = facts[key] = compute()
    return value


def known(document: object, key: Hashable) -> Any:
    """The fact ``key`` of ``document`` if it is kept, else ``None``; never derives it.

    For a caller that goes through many documents and needs a fact it would rather not keep
    for each (see :func:`hold`): it takes the kept one where there is one.
    """
    ident = id(document)
    facts = _HELD.get(ident)
    if facts is None:
        facts = _FACTS.get(ident)
    return None if facts is None else facts.get(key)


def hold(holder: object, documents: Iterable[object]) -> None:
    """Keep the facts of ``documents`` for as long as ``holder`` lives, beyond the
    :data:`KEPT` latest.

    For an object that reads the facts of many documents again and again (a roll-up: every
    table goes through every plan), which would otherwise derive them anew in each pass once
    there are more than :data:`KEPT`.  The holder must keep the documents alive itself (their
    identities are the keys); the facts go when the holder is collected.
    """
    idents = tuple({id(d): None for d in documents})
    for ident in idents:
        _HOLDERS[ident] = _HOLDERS.get(ident, 0) + 1
        if ident not in _HELD:
            _HELD[ident] = _FACTS.pop(ident, {})
    weakref.finalize(holder, _release, idents).atexit = False


def _release(idents: tuple[int, ...]) -> None:
    for ident in idents:
        left = _HOLDERS.get(ident, 1) - 1
        if left:
            _HOLDERS[ident] = left
        else:
            _HOLDERS.pop(ident, None)
            _HELD.pop(ident, None)


def forget() -> None:
    """Drop every derived fact of every document (the benchmarks time a cold start)."""
    _FACTS.clear()
    for facts in _HELD.values():
        facts.clear()
