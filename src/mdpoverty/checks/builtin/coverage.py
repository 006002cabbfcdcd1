"""Coverage rules: the standard's dimensions and the programme's catalog."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import Lang, _
from mdpoverty.model.document import Document, DocumentType
from mdpoverty.reference.programmes import programme_of
from mdpoverty.reference.standards import standard_of


@attrs.frozen
class _Named:
    """A name that reference data gives in both languages, as a message's value."""

    vi: str
    en: str

    def localized(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en

    def __str__(self) -> str:
        return self.en


@rule(
    "deficit.coverage",
    Severity.WARNING,
    title=_("Each dimension of the standard has at least one deficit target"),
    rationale=_(
        "A plan addresses the deprivations of the standard it applies (section II.2.b, 'các "
        "chỉ tiêu giải quyết mức độ thiếu hụt các dịch vụ xã hội cơ bản'); a dimension without "
        "any target is a gap a reader should see, not an inconsistency of numbers."
    ),
    tolerance=_(
        "Any target counts, qualitative ones included (a housing commitment without a "
        "number).  Not checked when the standard is unknown (dates.standard-period says so), "
        "nor on reviews and reports, which set no targets of their own."
    ),
)
def coverage(plan: Document) -> Iterator[Finding]:
    if plan.kind is not DocumentType.PLAN or not plan.deficit_indicators:
        return  # deficit targets are a plan's; a plan that states none has nothing to cover
    try:
        standard = standard_of(plan)
    except UnknownNameError:
        return
    covered = {d.dimension for d in plan.deficit_indicators}
    for dimension in standard.dimensions:
        if dimension.id not in covered:
            yield coverage.finding(
                "deficit_indicators",
                _(
                    "no target for the dimension {name!r} of the standard {standard}",
                    name=_Named(dimension.name, dimension.name_en or dimension.name),
                    standard=standard.id,
                ),
                expected=dimension.id,
                actual=None,
            )


@rule(
    "programme.catalog",
    Severity.ERROR,
    title=_("Each component is a project or sub-project of the programme's catalog"),
    rationale=_(
        "Components implement the programme (Decision 90/QĐ-TTg lists its projects and "
        "sub-projects; the 2026–2035 programme its components); a code outside the catalog "
        "is misnumbered.  A code below the catalog's deepest level (an activity, a plan's own "
        "sub-code such as HP1.ND2.1) is checked through its ancestor at that level, and an "
        "unknown programme is reported too.  A catalog marked unverified may be incomplete, "
        "so a code outside it is a warning: not in the catalog as we know it."
    ),
    tolerance=_(
        "Codes are compared exactly.  Plans without a programme are not checked.  Outside a "
        "catalog marked unverified: a warning, never an error."
    ),
)
def catalog(plan: Document) -> Iterator[Finding]:
    try:
        programme = programme_of(plan)
    except UnknownNameError:
        yield catalog.finding(
            "programme",
            _("the programme {programme!r} is not one the library knows", programme=plan.programme),
            expected=_(
                "a catalog of {function}",
                function="mdpoverty.reference.programmes.programme_catalogs()",
            ),
            actual=plan.programme,
        )
        return
    if programme is None:  # no programme named, and none the library knows for the year
        return
    for c in plan.all_components():
        if c.code in programme:
            continue
        if programme.verified:
            yield catalog.finding(
                f"components/{c.code}",
                _(
                    "{code} ({name}) is not in the catalog of {programme}",
                    code=c.code,
                    name=c.name,
                    programme=programme.id,
                ),
                expected=_("a code of {programme}", programme=programme.id),
                actual=c.code,
            )
        else:
            found = catalog.finding(
                f"components/{c.code}",
                _(
                    "{code} ({name}) is not in the catalog of {programme} as we know it "
                    "(the catalog is unverified: check the code against the programme's texts)",
                    code=c.code,
                    name=c.name,
                    programme=programme.id,
                ),
                expected=_("a code of {programme}", programme=programme.id),
                actual=c.code,
            )
            yield attrs.evolve(found, severity=Severity.WARNING)
