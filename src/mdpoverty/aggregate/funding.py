"""Funding of one plan by source, by component and by lead agency (by kind of capital, year and
unit: :mod:`mdpoverty.aggregate.allocations`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

import pandas as pd

from mdpoverty.aggregate import _sums as _ag
from mdpoverty.aggregate._faces import checked as _checked
from mdpoverty.aggregate._faces import faced
from mdpoverty.i18n import Lang
from mdpoverty.model.document import Document
from mdpoverty.model.funding import FUNDING_SOURCES
from mdpoverty.model.programme import SOURCES, Level, ancestor, code_level
from mdpoverty.tables.annex import TOTAL
from mdpoverty.tables.shape import Labels

NO_LEAD = "(no lead)"
"""The index label of funding whose component (and its ancestors) name no lead agency."""


# -- funding of one plan ---------------------------------------------------------------------


def funding_by_source(
    plan: Document, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
) -> pd.DataFrame:
    """The plan's counted funding by source: central budget, local budget, other, and policy
    credit, integrated and mobilised money and every named source where the plan states them.

    One row per source (index ``source``: ``central``, ``local``, ``other`` always, the
    sources of :data:`~mdpoverty.model.funding.FUNDING_SOURCES` in their order where stated,
    then any other source the plan names, by id), then, with
    ``total``, two rows of totals that are kept apart because documents do not always agree
    with themselves:

    * ``total``: the sum of the source rows (the sum of every source stated);
    * ``declared``: the sum of the declared totals (``FundingSplit.total``) as printed.

    Columns: ``amount`` (Decimal, million VND), ``share`` (Decimal percent of the ``total``
    row's amount; ``None`` in the ``declared`` row) and ``statements`` (Int64: how many
    counted funding statements state that source; in the ``total`` row, state any source;
    in the ``declared`` row, declare a total).

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> table = funding_by_source(bac_kan_2024())
    >>> table[["amount", "share"]]  # doctest: +NORMALIZE_WHITESPACE
             amount   share
    source
    central    4675   97.21
    local       134    2.79
    other         0    0.00
    total      4809  100.00
    declared   4881    None
    """
    _checked("funding_by_source", plan, labels=labels, lang=lang, total=total)
    frame = source_frame(source_sums([plan]), total=total)
    return faced(frame, "funding_by_source", plan, labels=labels, lang=lang, total=total)


def source_sums(plans: Iterable[Document]) -> _ag.FundingSum:
    """The counted funding (:func:`~mdpoverty.aggregate._sums.counted_statements`) of
    ``plans``, summed."""
    total = _ag.FundingSum()
    for plan in plans:
        total.merge(_ag.plan_funding(plan))
    return total


def source_frame(s: _ag.FundingSum, *, total: bool) -> pd.DataFrame:
    whole = s.sources
    labels = [src for src in FUNDING_SOURCES if src in SOURCES or s.n_source.get(src)]
    labels += sorted(src for src in s.by_source if src not in FUNDING_SOURCES)
    amounts: list[Decimal] = [s.by_source[src] for src in labels]
    shares: list[Decimal | None] = [_ag.share(a, whole) for a in amounts]
    counts = [s.n_source.get(src, 0) for src in labels]
    if total:
        labels += [TOTAL, "declared"]
        amounts += [whole, s.declared]
        shares += [_ag.share(whole, whole), None]
        counts += [s.n_source["any"], s.n_declared]
    frame = pd.DataFrame(
        {
            "amount": pd.Series(amounts, dtype=object),
            "share": pd.Series(shares, dtype=object),
            "statements": pd.Series(counts, dtype="Int64"),
        }
    )
    frame.index = pd.Index(labels, name="source", dtype=object)
    return frame


def by_code(
    plans: Iterable[Document], level: Level | int | None
) -> tuple[dict[str, _ag.FundingSum], dict[str, set[str]]]:
    depth = int(level) if level is not None else max(Level)
    sums: defaultdict[str, _ag.FundingSum] = defaultdict(_ag.FundingSum)
    names: dict[str, set[str]] = defaultdict(set)
    for plan in plans:
        plan_names = {c.code: c.name for c in plan.all_components()}
        for statement, _, whole in _ag.plan_parts(plan):
            code = ancestor(statement.code, depth)
            sums[code].add(whole)
            names[code].add(plan_names[code])
    return dict(sums), names


def component_frame(
    sums: Mapping[str, _ag.FundingSum], names: Mapping[str, set[str]], *, total: bool
) -> pd.DataFrame:
    codes = sorted(sums, key=_ag.code_key)
    rows: list[tuple[str, dict[str, object], _ag.FundingSum]] = [
        (code, {"level": int(code_level(code)), "name": min(names[code])}, sums[code])
        for code in codes
    ]
    return _ag.funding_frame(rows, [("level", "Int64"), ("name", "object")], "code", total=total)


def funding_by_component(
    plan: Document,
    level: Level | int | None = None,
    *,
    total: bool = True,
    labels: Labels = "fields",
    lang: Lang = "vi",
) -> pd.DataFrame:
    """The plan's counted funding by project (Dự án), sub-project or activity.

    ``level`` cuts the programme tree: ``Level.PROJECT`` (1) gives a row per project,
    ``Level.SUBPROJECT`` (2) a row per sub-project, and so on; funding stated above the cut
    (a project without sub-projects) keeps its own row.  By default (``None``) every counted
    funding statement has its own row, the figures as the document prints them.  Components
    whose subtree states no funding have no row.  Rows are in programme order (``DA2`` before
    ``DA10``), whatever the order of the plan, so every cut has the same total.

    Index ``code``; columns ``level`` (Int64, ``<NA>`` in the total row), ``name`` (the
    component's name as printed), then the funding columns of :mod:`mdpoverty.aggregate`.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> from mdpoverty import Level
    >>> table = funding_by_component(bac_kan_2024(), Level.PROJECT)
    >>> table[["declared", "central", "local", "share"]]  # doctest: +NORMALIZE_WHITESPACE
          declared central local   share
    code
    DA2       2332    2264    68   47.78
    DA3       1096     992    32   22.45
    DA4        779     764    15   15.96
    DA6        170     165     5    3.48
    DA7        504     490    14   10.33
    total     4881    4675   134  100.00
    """
    _checked("funding_by_component", plan, labels=labels, lang=lang, total=total)
    sums, names = by_code([plan], level)
    frame = component_frame(sums, names, total=total)
    return faced(frame, "funding_by_component", plan, labels=labels, lang=lang, total=total)


def funding_by_agency(
    plan: Document, *, total: bool = True, labels: Labels = "fields", lang: Lang = "vi"
) -> pd.DataFrame:
    """The plan's counted funding by the agency that leads (chủ trì) each funded component.

    A statement belongs to its component's lead, or to its nearest ancestor's where the
    component names none; funding without any lead is under :data:`NO_LEAD`.  One row per
    agency that leads counted funding, in the order of ``plan.agencies`` (``NO_LEAD`` last).

    Index ``agency`` (the agency id); columns ``name`` (the agency's name) then the funding
    columns of :mod:`mdpoverty.aggregate`.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> table = funding_by_agency(bac_kan_2024())
    >>> table[["amount", "statements"]]  # doctest: +NORMALIZE_WHITESPACE
                        amount  statements
    agency
    labour                1391           5
    economy               3353           2
    health-centre           75           1
    culture-information     62           1
    total                 4881           9
    """
    _checked("funding_by_agency", plan, labels=labels, lang=lang, total=total)
    sums: defaultdict[str | None, _ag.FundingSum] = defaultdict(_ag.FundingSum)
    for statement, _, whole in _ag.plan_parts(plan):
        sums[statement.lead].add(whole)
    order = [a.id for a in plan.agencies if a.id in sums]
    names = {a.id: a.name for a in plan.agencies}
    rows: list[tuple[str, dict[str, object], _ag.FundingSum]] = [
        (agency, {"name": names[agency]}, sums[agency]) for agency in order
    ]
    if None in sums:
        rows.append((NO_LEAD, {"name": ""}, sums[None]))
    frame = _ag.funding_frame(rows, [("name", "object")], "agency", total=total)
    return faced(frame, "funding_by_agency", plan, labels=labels, lang=lang, total=total)
