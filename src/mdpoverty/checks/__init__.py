"""Consistency checks: everything in a plan that does not add up, and nothing else.

:func:`check` runs every registered :class:`Rule` on a plan and returns a :class:`Report` of
:class:`Finding` objects.  A plan whose numbers disagree is well-formed data: its
disagreements are findings, never exceptions (call :meth:`Report.raise_for_errors` for strict
behaviour).

>>> from mdpoverty.reference.datasets import bac_kan_2024
>>> report = check(bac_kan_2024())
>>> report.filter(rule="funding")[0].location
'components/DA3.TDA1/funding'

**Findings.**  Each finding names its rule's id, a severity (error, warning, info), a
location, a one-line message, and the *expected* value (what the rest of the document
implies) beside the *actual* one (what the document prints at the location).

**Locations** are ``/``-separated paths from the plan, which :func:`resolve` turns back into
the object: ``components/DA3.TDA1/funding``, ``annex/rows/xuat-hoa/start_rate``,
``annex/total``, ``units/xuat-hoa``, ``targets/2``, ``header/date``, ``legal_bases/0/date``,
``responsibilities/3``, ``agencies/culture``.

**Rules** live in one registry, in groups: ``funding``, ``annex``, ``headline``,
``figures``, ``targets``, ``results``, ``units``, ``agencies``, ``dates``, ``deficit``,
``programme``.
Each carries its documentation as data (:attr:`Rule.title`, :attr:`Rule.rationale`,
:attr:`Rule.tolerance`), from which the rule catalog is generated.
``check(plan, select=..., ignore=...)`` chooses rules by id or group;
:func:`rule` (a decorator) or :func:`register` adds a district's own.
"""

from __future__ import annotations

from mdpoverty.checks.builtin import (
    agencies,
    annex,
    codes,
    coverage,
    dates,
    denominators,
    figures,
    flows,
    funding,
    headline,
    targets,
)
from mdpoverty.checks.records import FINDING_SCHEMA, FindingValue
from mdpoverty.checks.report import (
    Finding,
    InconsistentPlanError,
    Report,
    Rule,
    RuleFunction,
    Severity,
    _order_groups,
    check,
    get_rule,
    register,
    rule,
    rules,
    unregister,
)
from mdpoverty.model.locations import resolve

__all__ = [
    "FINDING_SCHEMA",
    "Finding",
    "FindingValue",
    "InconsistentPlanError",
    "Report",
    "Rule",
    "RuleFunction",
    "Severity",
    "check",
    "get_rule",
    "register",
    "resolve",
    "rule",
    "rules",
    "unregister",
]

# The built-in rules register themselves on import; the catalog lists them in this order.
_order_groups(
    (
        "funding",
        "annex",
        "headline",
        "figures",
        "flows",
        "targets",
        "results",
        "units",
        "agencies",
        "dates",
        "deficit",
        "programme",
    )
)
del (
    funding,
    annex,
    headline,
    figures,
    flows,
    denominators,
    targets,
    agencies,
    dates,
    coverage,
    codes,
    _order_groups,
)
