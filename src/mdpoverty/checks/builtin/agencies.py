"""Agency rules: who leads each component against what section VI assigns to whom."""

from __future__ import annotations

from collections.abc import Iterator

from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.i18n import _, _n
from mdpoverty.model.document import Document
from mdpoverty.model.programme import ancestor, code_level


def _ancestry(code: str, start: int = 1) -> list[str]:
    """``DA3.TDA2.HD1`` → ``['DA3', 'DA3.TDA2', 'DA3.TDA2.HD1']``: the code's ancestors from
    level ``start`` down, and the code itself."""
    return [ancestor(code, level) for level in range(start, code_level(code) + 1)]


def _assigned(plan: Document) -> dict[str, set[str]]:
    """For each component code, the agencies section VI assigns it to."""
    result: dict[str, set[str]] = {}
    for r in plan.responsibilities:
        for code in r.components:
            result.setdefault(code, set()).add(r.agency)
    return result


@rule(
    "agencies.lead-assigned",
    Severity.ERROR,
    title=_("Every component's lead agency is assigned that component in section VI"),
    rationale=_(
        "Section III names the lead ('X chủ trì') of each component and section VI lists what "
        "each agency must do; an agency that leads a component has it among its duties, "
        "directly or through a parent (section VI may assign a whole project, 'dự án 4', "
        "whose sub-projects the agency leads)."
    ),
    tolerance=_(
        "A component with no lead (a project whose sub-projects name their own) is not "
        "checked itself; its sub-projects are.  Agencies are compared by id, so the "
        "document's spellings of one agency (its aliases) are the same agency."
    ),
)
def lead_assigned(plan: Document) -> Iterator[Finding]:
    assigned = _assigned(plan)
    for c in plan.all_components():
        if c.lead is None:
            continue
        holders = {a for code in _ancestry(c.code) for a in assigned.get(code, ())}
        if c.lead not in holders:
            yield lead_assigned.finding(
                f"components/{c.code}/lead",
                _(
                    "{code} is led by {lead!r}, but section VI does not assign it (or a parent) "
                    "to that agency",
                    code=c.code,
                    lead=c.lead,
                ),
                expected=tuple(sorted(holders)) or None,
                actual=c.lead,
            )


@rule(
    "agencies.assigned-led",
    Severity.ERROR,
    title=_("Every component section VI assigns to an agency is led by that agency"),
    rationale=_(
        "Section VI says which agency carries out which components; the component, where it "
        "names a lead, and its sub-components that name one are led by that agency, or the "
        "two sections disagree about who is in charge."
    ),
    tolerance=_(
        "A sub-component that section VI assigns more specifically to its own lead (itself "
        "or a parent below the assigned component) is an exception the document states, "
        "not a disagreement.  Components without a lead are not compared."
    ),
)
def assigned_led(plan: Document) -> Iterator[Finding]:
    assigned = _assigned(plan)
    for i, responsibility in enumerate(plan.responsibilities):
        agency = responsibility.agency
        for code in responsibility.components:
            for c in plan.component(code).walk():
                if c.lead is None or c.lead == agency:
                    continue
                between = _ancestry(c.code, start=code_level(code) + 1)
                if any(c.lead in assigned.get(b, ()) for b in between):
                    continue
                section = responsibility.section or _("responsibility {i}", i=i)
                yield assigned_led.finding(
                    f"responsibilities/{i}",
                    _(
                        "{section} assigns {code} to {agency!r}, but {child} is led by {lead!r}",
                        section=section,
                        code=code,
                        agency=agency,
                        child=c.code,
                        lead=c.lead,
                    ),
                    expected=agency,
                    actual=c.lead,
                )


def _core_name(name: str, qualifiers: tuple[str, ...]) -> str:
    """``name`` without a trailing qualifier of the area ("… thành phố"), casefolded."""
    core = " ".join(name.split()).casefold()
    stripped = True
    while stripped:
        stripped = False
        for q in qualifiers:
            if core.endswith(" " + q) and len(core) > len(q) + 1:
                core = core[: -len(q) - 1].rstrip()
                stripped = True
    return core


@rule(
    "agencies.spelling",
    Severity.INFO,
    title=_("Each agency is named one way throughout the document"),
    rationale=_(
        "A plan file records every other spelling of an agency that the document uses as an "
        "alias; two different names for one agency (e.g. 'Phòng Văn hóa - Thông tin' and "
        "'Phòng Văn hóa và Thông tin') are an editorial inconsistency a reader should see, "
        "though they change no number."
    ),
    tolerance=_(
        "Names are compared after Unicode NFC normalization, ignoring case, spacing, and a "
        "trailing qualifier naming the area or its kind: 'Phòng Kinh tế thành phố' (the "
        "city's Office of Economy) and 'Phòng Kinh tế' are one spelling."
    ),
)
def spelling(plan: Document) -> Iterator[Finding]:
    qualifiers = tuple(
        q.casefold() for q in (plan.area.name, plan.area.kind.vi, plan.area.province or "") if q
    )
    for agency in plan.agencies:
        seen = {_core_name(agency.name, qualifiers)}
        others = []
        for alias in agency.aliases:
            core = _core_name(alias, qualifiers)
            if core not in seen:
                seen.add(core)
                others.append(alias)
        if others:
            yield spelling.finding(
                f"agencies/{agency.id}",
                _n(
                    "agency {agency!r} is named {n} way: {names}",
                    "agency {agency!r} is named {n} ways: {names}",
                    len(others) + 1,
                    agency=agency.id,
                    names=tuple(repr(n) for n in (agency.name, *others)),
                ),
                expected=agency.name,
                actual=tuple(others),
            )
