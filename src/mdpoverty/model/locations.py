"""Locations: paths from a plan to the object (or field) a finding is about."""

from __future__ import annotations

import attrs

from mdpoverty.errors import UnknownNameError, expect
from mdpoverty.i18n import _
from mdpoverty.model.document import Document
from mdpoverty.model.programme import ProjectComponent

__all__ = ["resolve"]

# The attribute that names an item of each keyed collection; other tuples are indexed from 0.
_KEYS = {
    "units": "id",
    "strata": "id",
    "groups": "id",
    "agencies": "id",
    "deficit_indicators": "id",
    "rows": "unit",
    "children": "code",
}


def _find_component(components: tuple[ProjectComponent, ...], code: str) -> ProjectComponent:
    for top in components:
        for c in top.walk():
            if c.code == code:
                return c
    raise KeyError(code)


def _step(obj: object, parent: str, part: str) -> object:
    if isinstance(obj, tuple):
        if parent == "components":
            return _find_component(obj, part)
        key = _KEYS.get(parent)
        if key is not None:
            for item in obj:
                if getattr(item, key, None) == part:
                    return item
            raise KeyError(part)
        if not part.isdigit():
            raise KeyError(part)
        return obj[int(part)]
    cls = type(obj)
    if attrs.has(cls) and part in attrs.fields_dict(cls):
        return getattr(obj, part)
    raise KeyError(part)


def resolve(plan: Document, location: str) -> object:
    """The object, or the field's value, at ``location`` in ``plan``.

    A location is a path of ``/``-separated steps from the plan: a field name steps into that
    field; in a collection, a step is the item's key:

    * ``units/<unit id>``, ``strata/<stratum id>``, ``groups/<group id>``,
      ``agencies/<agency id>``, ``deficit_indicators/<indicator id>``;
    * ``components/<code>`` at any depth (``components/DA3.TDA1``);
    * ``annex/rows/<unit id>`` for a unit's printed row, ``annex/total`` for the total row;
    * ``targets/<i>``, ``figures/<i>``, ``legal_bases/<i>``, ``responsibilities/<i>``,
      ``funding_sources/<i>``, a funding's ``allocations/<i>``: the item's index, from 0;
    * a field after any of these: ``components/DA3.TDA1/funding``, ``annex/total/end_rate``,
      ``header/date``, ``legal_bases/0/date``.

    A location that names a collection (``deficit_indicators``) is about the collection as a
    whole, e.g. something missing from it; ``.`` is the plan itself (where a rule could not
    judge the plan).

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> plan = bac_kan_2024()
    >>> resolve(plan, "annex/rows/xuat-hoa/households")
    827
    >>> resolve(plan, "components/DA3.TDA1/funding").total
    Decimal('1021')

    Raises:
        UnknownNameError: if a step names nothing in the plan.
    """
    expect("resolve", plan=(plan, Document), location=(location, str))
    obj: object = plan
    parent = ""
    if location == ".":
        return plan
    for part in location.split("/"):
        try:
            obj = _step(obj, parent, part)
        except (KeyError, IndexError):
            if parent:
                said = _(
                    "location {location!r}: {parent} has no {part!r}",
                    location=location,
                    parent=parent,
                    part=part,
                )
            else:
                said = _(
                    "location {location!r}: the plan has no {part!r}", location=location, part=part
                )
            raise UnknownNameError(said) from None
        parent = part
    return obj
