"""The :class:`~mdpoverty.model.funding.Cells` of every funding split of a document, made once.

The funding rules read every split's cells along each axis, and the funding tables read the
counted ones again: one Cells per split, derived once per document
(:mod:`mdpoverty.model._derived`), serves them all (a Cells only memoises what its split
implies).
"""

from __future__ import annotations

from collections.abc import Mapping

from mdpoverty.model._derived import derived
from mdpoverty.model.document import Document
from mdpoverty.model.funding import Cells

__all__ = ["cells_of"]


def _every(document: Document) -> dict[int, Cells]:
    out: dict[int, Cells] = {}
    if document.funding_total is not None:
        out[id(document.funding_total)] = Cells.of(document.funding_total)
    for c in document.all_components():
        if c.funding is not None and id(c.funding) not in out:
            out[id(c.funding)] = Cells.of(c.funding)
    return out


def cells_of(document: Document) -> Mapping[int, Cells]:
    """The Cells of each funding split of ``document`` (its total's and its components'), by
    the split's ``id``: the document holds its splits, so an id names one while the facts
    live."""
    return derived(document, "split cells", lambda: _every(document))
