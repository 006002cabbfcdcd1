"""mdpoverty: Vietnamese multidimensional-poverty reduction plans as typed, checkable data.

Start with a plan: build one from the model's classes, load a plan file with
:func:`load_plan`, or take the bundled example :func:`mdpoverty.datasets.bac_kan_2024`.  Then
derive its tables (:func:`annex`, :func:`funding_by_source` and the other views of
:mod:`mdpoverty.aggregate`, :func:`rollup` for many plans) and find what does not add up
(:func:`check`).  Plan files: :func:`load_plan`, :func:`save_plan`, :func:`plan_schema`;
spreadsheets: :mod:`mdpoverty.spreadsheets`; the command line: ``mdpoverty --help``.

>>> import mdpoverty
>>> plan = mdpoverty.datasets.bac_kan_2024()
>>> mdpoverty.annex(plan).shape
(9, 8)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from mdpoverty import aggregate, checks, datasets, schema, spreadsheets, standards
from mdpoverty.agencies import Agency, Responsibility
from mdpoverty.aggregate import (
    Rollup,
    RollupError,
    deficit_targets,
    funding_by_agency,
    funding_by_capital,
    funding_by_component,
    funding_by_source,
    rollup,
    units_by_kind,
)
from mdpoverty.checks import Finding, InconsistentPlanError, Report, Rule, Severity, check
from mdpoverty.dates import PartialDate
from mdpoverty.errors import (
    MdpovertyError,
    NumberFormatError,
    Problem,
    UnknownNameError,
    ValidationError,
)
from mdpoverty.files import FileProblem, PlanFileError, load_plan, save_plan
from mdpoverty.numbers import format_vi, parse_vi, rate
from mdpoverty.plan import (
    Area,
    FundingSource,
    FundingSourceKind,
    Header,
    Period,
    Plan,
    PrintedAnnex,
    PrintedRow,
    Signature,
)
from mdpoverty.programme import CapitalKind, FundingSplit, Level, ProjectComponent
from mdpoverty.quantities import Comparison, Quantity
from mdpoverty.references import DocumentKind, LegalReference
from mdpoverty.schema import plan_schema
from mdpoverty.standards import standard_in_force
from mdpoverty.tables import AnnexRow, annex, annex_rows
from mdpoverty.targets import (
    DeficitIndicator,
    HouseholdGroup,
    IndicatorKind,
    Measure,
    Population,
    Subject,
    Target,
)
from mdpoverty.text import Section
from mdpoverty.units import AdministrativeUnit, UnitKind

try:
    __version__ = version("mdpoverty")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "AdministrativeUnit",
    "Agency",
    "AnnexRow",
    "Area",
    "CapitalKind",
    "Comparison",
    "DeficitIndicator",
    "DocumentKind",
    "FileProblem",
    "Finding",
    "FundingSource",
    "FundingSourceKind",
    "FundingSplit",
    "Header",
    "HouseholdGroup",
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
    "Rollup",
    "RollupError",
    "Rule",
    "Section",
    "Severity",
    "Signature",
    "Subject",
    "Target",
    "UnitKind",
    "UnknownNameError",
    "ValidationError",
    "__version__",
    "aggregate",
    "annex",
    "annex_rows",
    "check",
    "checks",
    "datasets",
    "deficit_targets",
    "format_vi",
    "funding_by_agency",
    "funding_by_capital",
    "funding_by_component",
    "funding_by_source",
    "load_plan",
    "parse_vi",
    "plan_schema",
    "rate",
    "rollup",
    "save_plan",
    "schema",
    "spreadsheets",
    "standard_in_force",
    "standards",
    "units_by_kind",
]
