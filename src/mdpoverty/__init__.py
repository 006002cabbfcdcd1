"""mdpoverty: Vietnamese multidimensional-poverty reduction plans as typed, checkable data.

Start with a plan: build one from the model's classes, load a plan file with
:func:`load_plan`, or take the bundled example :func:`mdpoverty.datasets.bac_kan_2024`.  Then
derive its tables (:func:`annex`, :func:`funding_by_source` and the other views of
:mod:`mdpoverty.aggregate`, :func:`rollup` for many plans) and find what does not add up
(:func:`check`).  Plan files: :func:`load_plan`, :func:`save_plan`, :func:`plan_schema`;
spreadsheets: :mod:`mdpoverty.tables`; a report to read and charts to paste:
:func:`html_report`, :mod:`mdpoverty.plot` (with the ``report`` extra); the command line:
``mdpoverty --help``.

Every name here loads its module on first use, so that ``import mdpoverty`` stays light:
pandas loads with the first table, openpyxl with the first spreadsheet.

>>> import mdpoverty
>>> plan = mdpoverty.datasets.bac_kan_2024()
>>> mdpoverty.annex(plan).shape
(9, 8)
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and editors see; at run time, __getattr__ below
    from mdpoverty import (
        aggregate,
        checks,
        errors,
        households,
        io,
        model,
        reference,
        report,
        tables,
        testing,
        values,
    )
    from mdpoverty.aggregate import (
        Rollup,
        deficit_targets,
        funding_by_agency,
        funding_by_capital,
        funding_by_component,
        funding_by_source,
        funding_by_unit,
        funding_by_year,
        rollup,
        units_by_kind,
    )
    from mdpoverty.aggregate.carry_over import carry_back, carry_over, with_codes
    from mdpoverty.aggregate.results import results
    from mdpoverty.checks import Finding, Report, Rule, Severity, check
    from mdpoverty.errors import (
        AmbiguousNameError,
        FieldValueError,
        FileProblem,
        InconsistentPlanError,
        MdpovertyError,
        NumberFormatError,
        PlanFileError,
        Problem,
        RollupError,
        UnknownNameError,
        ValidationError,
        location,
    )
    from mdpoverty.io import schema
    from mdpoverty.io.files import load_plan, save_plan
    from mdpoverty.io.schema import plan_schema
    from mdpoverty.model.agencies import Agency, Responsibility
    from mdpoverty.model.document import Document, DocumentType, ImplementationReport, Plan, Review
    from mdpoverty.model.figures import (
        Figure,
        Flow,
        Stratum,
        StratumKind,
        TimePoint,
        UnitGroup,
    )
    from mdpoverty.model.header import Area, Header, Signature
    from mdpoverty.model.locations import resolve
    from mdpoverty.model.printed import PrintedAnnex, PrintedRow
    from mdpoverty.model.programme import (
        Allocation,
        CapitalKind,
        FundingSource,
        FundingSourceKind,
        FundingSplit,
        Level,
        ProjectComponent,
    )
    from mdpoverty.model.references import DocumentKind, LegalReference
    from mdpoverty.model.sections import Section
    from mdpoverty.model.targets import (
        DeficitIndicator,
        HouseholdGroup,
        IndicatorKind,
        Measure,
        Population,
        Subject,
        Target,
    )
    from mdpoverty.model.units import AdministrativeUnit, UnitKind
    from mdpoverty.reference import admin_units, datasets, standards
    from mdpoverty.reference.standards import standard_in_force
    from mdpoverty.report import plot
    from mdpoverty.report.html import html_report, write_html_report
    from mdpoverty.tables.annex import AnnexRow, annex, annex_rows
    from mdpoverty.values.dates import PartialDate, Period
    from mdpoverty.values.names import name_key
    from mdpoverty.values.numbers import format_vi, parse_vi, rate
    from mdpoverty.values.quantities import Comparison, Quantity

try:
    __version__ = version("mdpoverty")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

_MODULES = {
    "admin_units": "mdpoverty.reference.admin_units",
    "aggregate": "mdpoverty.aggregate",
    "checks": "mdpoverty.checks",
    "datasets": "mdpoverty.reference.datasets",
    "errors": "mdpoverty.errors",
    "households": "mdpoverty.households",
    "io": "mdpoverty.io",
    "model": "mdpoverty.model",
    "plot": "mdpoverty.report.plot",
    "reference": "mdpoverty.reference",
    "report": "mdpoverty.report",
    "schema": "mdpoverty.io.schema",
    "standards": "mdpoverty.reference.standards",
    "tables": "mdpoverty.tables",
    "testing": "mdpoverty.testing",
    "values": "mdpoverty.values",
}
"""The public modules reached as attributes: ``mdpoverty.datasets``, ``mdpoverty.checks`` …"""

_NAMES = {
    "AdministrativeUnit": "mdpoverty.model.units",
    "Agency": "mdpoverty.model.agencies",
    "AmbiguousNameError": "mdpoverty.errors",
    "AnnexRow": "mdpoverty.tables.annex",
    "Area": "mdpoverty.model.header",
    "CapitalKind": "mdpoverty.model.programme",
    "Comparison": "mdpoverty.values.quantities",
    "DeficitIndicator": "mdpoverty.model.targets",
    "Document": "mdpoverty.model.document",
    "DocumentKind": "mdpoverty.model.references",
    "DocumentType": "mdpoverty.model.document",
    "FieldValueError": "mdpoverty.errors",
    "Figure": "mdpoverty.model.figures",
    "Flow": "mdpoverty.model.figures",
    "FileProblem": "mdpoverty.errors",
    "Finding": "mdpoverty.checks",
    "FundingSource": "mdpoverty.model.programme",
    "FundingSourceKind": "mdpoverty.model.programme",
    "FundingSplit": "mdpoverty.model.programme",
    "Allocation": "mdpoverty.model.programme",
    "Header": "mdpoverty.model.header",
    "HouseholdGroup": "mdpoverty.model.targets",
    "ImplementationReport": "mdpoverty.model.document",
    "InconsistentPlanError": "mdpoverty.errors",
    "IndicatorKind": "mdpoverty.model.targets",
    "LegalReference": "mdpoverty.model.references",
    "Level": "mdpoverty.model.programme",
    "MdpovertyError": "mdpoverty.errors",
    "Measure": "mdpoverty.model.targets",
    "NumberFormatError": "mdpoverty.errors",
    "PartialDate": "mdpoverty.values.dates",
    "Period": "mdpoverty.values.dates",
    "Plan": "mdpoverty.model.document",
    "PlanFileError": "mdpoverty.errors",
    "Population": "mdpoverty.model.targets",
    "PrintedAnnex": "mdpoverty.model.printed",
    "PrintedRow": "mdpoverty.model.printed",
    "Problem": "mdpoverty.errors",
    "ProjectComponent": "mdpoverty.model.programme",
    "Quantity": "mdpoverty.values.quantities",
    "Report": "mdpoverty.checks",
    "Responsibility": "mdpoverty.model.agencies",
    "Review": "mdpoverty.model.document",
    "Rollup": "mdpoverty.aggregate",
    "RollupError": "mdpoverty.errors",
    "Rule": "mdpoverty.checks",
    "Section": "mdpoverty.model.sections",
    "Severity": "mdpoverty.checks",
    "Signature": "mdpoverty.model.header",
    "Stratum": "mdpoverty.model.figures",
    "StratumKind": "mdpoverty.model.figures",
    "Subject": "mdpoverty.model.targets",
    "Target": "mdpoverty.model.targets",
    "TimePoint": "mdpoverty.model.figures",
    "UnitGroup": "mdpoverty.model.figures",
    "UnitKind": "mdpoverty.model.units",
    "UnknownNameError": "mdpoverty.errors",
    "ValidationError": "mdpoverty.errors",
    "annex": "mdpoverty.tables.annex",
    "annex_rows": "mdpoverty.tables.annex",
    "carry_back": "mdpoverty.aggregate.carry_over",
    "carry_over": "mdpoverty.aggregate.carry_over",
    "check": "mdpoverty.checks",
    "deficit_targets": "mdpoverty.aggregate",
    "format_vi": "mdpoverty.values.numbers",
    "funding_by_agency": "mdpoverty.aggregate",
    "funding_by_capital": "mdpoverty.aggregate",
    "funding_by_component": "mdpoverty.aggregate",
    "funding_by_source": "mdpoverty.aggregate",
    "funding_by_unit": "mdpoverty.aggregate",
    "funding_by_year": "mdpoverty.aggregate",
    "html_report": "mdpoverty.report.html",
    "load_plan": "mdpoverty.io.files",
    "location": "mdpoverty.errors",
    "name_key": "mdpoverty.values.names",
    "parse_vi": "mdpoverty.values.numbers",
    "plan_schema": "mdpoverty.io.schema",
    "rate": "mdpoverty.values.numbers",
    "resolve": "mdpoverty.model.locations",
    "results": "mdpoverty.aggregate.results",
    "rollup": "mdpoverty.aggregate",
    "save_plan": "mdpoverty.io.files",
    "standard_in_force": "mdpoverty.reference.standards",
    "units_by_kind": "mdpoverty.aggregate",
    "with_codes": "mdpoverty.aggregate.carry_over",
    "write_html_report": "mdpoverty.report.html",
}
"""Each public name, with the module that defines it."""

__all__ = [
    "AdministrativeUnit",
    "Agency",
    "Allocation",
    "AmbiguousNameError",
    "AnnexRow",
    "Area",
    "CapitalKind",
    "Comparison",
    "DeficitIndicator",
    "Document",
    "DocumentKind",
    "DocumentType",
    "FieldValueError",
    "Figure",
    "FileProblem",
    "Finding",
    "Flow",
    "FundingSource",
    "FundingSourceKind",
    "FundingSplit",
    "Header",
    "HouseholdGroup",
    "ImplementationReport",
    "InconsistentPlanError",
    "IndicatorKind",
    "LegalReference",
    "Level",
    "MdpovertyError",
    "Measure",
    "NumberFormatError",
    "PartialDate",
    "Period",
    "Plan",
    "PlanFileError",
    "Population",
    "PrintedAnnex",
    "PrintedRow",
    "Problem",
    "ProjectComponent",
    "Quantity",
    "Report",
    "Responsibility",
    "Review",
    "Rollup",
    "RollupError",
    "Rule",
    "Section",
    "Severity",
    "Signature",
    "Stratum",
    "StratumKind",
    "Subject",
    "Target",
    "TimePoint",
    "UnitGroup",
    "UnitKind",
    "UnknownNameError",
    "ValidationError",
    "__version__",
    "admin_units",
    "aggregate",
    "annex",
    "annex_rows",
    "carry_back",
    "carry_over",
    "check",
    "checks",
    "datasets",
    "deficit_targets",
    "errors",
    "format_vi",
    "funding_by_agency",
    "funding_by_capital",
    "funding_by_component",
    "funding_by_source",
    "funding_by_unit",
    "funding_by_year",
    "households",
    "html_report",
    "io",
    "load_plan",
    "location",
    "model",
    "name_key",
    "parse_vi",
    "plan_schema",
    "plot",
    "rate",
    "reference",
    "report",
    "resolve",
    "results",
    "rollup",
    "save_plan",
    "schema",
    "standard_in_force",
    "standards",
    "tables",
    "testing",
    "units_by_kind",
    "values",
    "with_codes",
    "write_html_report",
]


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    elif name in _NAMES:
        value = getattr(importlib.import_module(_NAMES[name]), name)
    else:
        raise AttributeError(f"module 'mdpoverty' has no attribute {name!r}")
    globals()[name] = value  # loaded once; later lookups do not come here
    return value


def __dir__() -> list[str]:
    return list(__all__)
