"""A plan seen from several sides, and many plans rolled up into one view, as tidy tables.

Funding by source, by project, by lead agency, and as it is allocated: by kind of capital, by
year and by unit; deficit targets by
dimension; units grouped by kind; and :func:`rollup`, which combines the plans of the
communes of a district or of the districts of a province.

Conventions shared by every table:

* **Money** is in million VND (triệu đồng), exact :class:`~decimal.Decimal` in ``object``
  columns; never float.
* **Shares** are percentages of the table's total, :class:`~decimal.Decimal` with 2 decimals,
  rounded half-up by :func:`mdpoverty.rate` (so the shares of a table may add up to 99.99 or
  100.01; each is the correctly rounded share of its own part).  The share of a zero total is
  zero.
* **Counts** are nullable integers (``Int64``); **rates** are Decimals with 2 decimals derived by
  :func:`mdpoverty.tables.annex.derive_row`, the one rule the annex uses: rates recomputed from
  summed counts, never averaged.  A reduction or a rate that is a range shows as a
  :class:`~mdpoverty.Quantity`; an exact one as its number.
* A **total row**, labelled ``"total"`` in the index, ends each table unless the caller
  passes ``total=False``.  It sums the rows above it.  (Deficit targets have none: targets
  about different populations do not add up.)

Which funding counts (each amount once): a plan states funding on a project, a sub-project or
an activity, and a parent's funding and its children's describe the same money.  A
component's :class:`~mdpoverty.FundingSplit` **counts when it states an amount and none of its
descendants states any**: the finest statements win, and a parent's funding stands in only
for a subtree that says nothing below it.  A plan-level ``Plan.funding_total`` is a total of
the same money and is not added again.

The funding columns, shared by every funding table except :func:`funding_by_source`:

=================  =========  ===================================================================
column             dtype      meaning
=================  =========  ===================================================================
``declared``       Decimal    sum of the declared totals (``FundingSplit.total``) as printed
``central``        Decimal    sum of the central-budget amounts (NSTW) stated
``local``          Decimal    sum of the local-budget amounts (NSĐP) stated
``policy_credit``  Decimal    sum of the policy-credit amounts stated (the Social Policy Bank)
``integrated``     Decimal    sum of the amounts integrated from other programmes (*lồng ghép*)
``mobilised``      Decimal    sum of the amounts mobilised (*huy động*, *xã hội hóa*)
``other``          Decimal    sum of the other amounts stated, and of every source a plan names
                              that is none of these
``sources``        Decimal    the sum of every source column
``amount``         Decimal    sum of each statement's declared total, or of its sources where it
                              declares none (:attr:`~mdpoverty.FundingSplit.amount`)
``share``          Decimal    ``amount`` as a percentage of the total ``amount``
``statements``     Int64      the number of counted funding statements
=================  =========  ===================================================================

A source a statement leaves blank adds nothing (``None`` is not zero, but a sum of nothing is
zero); ``declared`` and ``sources`` are both kept, so a component whose sources do not add up
to its declared total shows as a difference, never silently fixed.

>>> from mdpoverty.aggregate import funding_by_source
>>> from mdpoverty.reference.datasets import bac_kan_2024
>>> plan = bac_kan_2024()
>>> by_source = funding_by_source(plan)
>>> by_source.loc[["central", "local", "total", "declared"], "amount"].tolist()
[Decimal('4675'), Decimal('134'), Decimal('4809'), Decimal('4881')]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from mdpoverty.errors import RollupError
from mdpoverty.model.programme import SOURCES

if TYPE_CHECKING:  # what type checkers see; at run time, __getattr__ below
    from mdpoverty.aggregate._sums import FUNDING_COLUMNS, UNIT_COLUMNS
    from mdpoverty.aggregate.allocations import (
        NOT_STATED,
        funding_by_capital,
        funding_by_unit,
        funding_by_year,
    )
    from mdpoverty.aggregate.funding import (
        NO_LEAD,
        funding_by_agency,
        funding_by_component,
        funding_by_source,
    )
    from mdpoverty.aggregate.rollup import Rollup, rollup
    from mdpoverty.aggregate.units import DEFICIT_COLUMNS, deficit_targets, units_by_kind
    from mdpoverty.tables.annex import TOTAL

# Each name loads its module when first used (PEP 562): the checks import aggregate.results for
# its index of observations, and importing this package must not load pandas for them.
_HOMES = {
    "FUNDING_COLUMNS": "mdpoverty.aggregate._sums",
    "UNIT_COLUMNS": "mdpoverty.aggregate._sums",
    "NO_LEAD": "mdpoverty.aggregate.funding",
    "NOT_STATED": "mdpoverty.aggregate.allocations",
    "funding_by_capital": "mdpoverty.aggregate.allocations",
    "funding_by_unit": "mdpoverty.aggregate.allocations",
    "funding_by_year": "mdpoverty.aggregate.allocations",
    "funding_by_agency": "mdpoverty.aggregate.funding",
    "funding_by_component": "mdpoverty.aggregate.funding",
    "funding_by_source": "mdpoverty.aggregate.funding",
    "Rollup": "mdpoverty.aggregate.rollup",
    "rollup": "mdpoverty.aggregate.rollup",
    "DEFICIT_COLUMNS": "mdpoverty.aggregate.units",
    "deficit_targets": "mdpoverty.aggregate.units",
    "units_by_kind": "mdpoverty.aggregate.units",
    "TOTAL": "mdpoverty.tables.annex",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'mdpoverty.aggregate' has no attribute {name!r}")
    module = importlib.import_module(home)
    # Bind every name of that module here, once: importing the submodule ``rollup`` has just
    # bound the name ``rollup`` to the module, and the function must win.
    for other, where in _HOMES.items():
        if where == home:
            globals()[other] = getattr(module, other)
    return getattr(module, name)


__all__ = [
    "DEFICIT_COLUMNS",
    "FUNDING_COLUMNS",
    "NOT_STATED",
    "NO_LEAD",
    "SOURCES",
    "TOTAL",
    "UNIT_COLUMNS",
    "Rollup",
    "RollupError",
    "deficit_targets",
    "funding_by_agency",
    "funding_by_capital",
    "funding_by_component",
    "funding_by_source",
    "funding_by_unit",
    "funding_by_year",
    "rollup",
    "units_by_kind",
]
