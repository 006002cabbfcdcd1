"""Agency rules: who leads each component against what section VI assigns to whom."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from mdpoverty.checks.report import Finding, Severity, rule
from mdpoverty.i18n import _, _n
from mdpoverty.model._derived import derived
from mdpoverty.model.document import Document
from mdpoverty.model.programme import ProjectComponent, ancestor, code_level


@functools.lru_cache(maxsize=1024)
def _ancestry(code: str, start: int = 1) -> tuple[str, ...]:
    """``DA3.TDA2.HD1`` → ``('DA3', 'DA3.TDA2', 'DA3.TDA2.HD1')``: the code's ancestors from
    level ``start`` down, and the code itself.  Kept: every plan of a programme has the same
    few codes, and the rules ask for them component by component."""
    return tuple(ancestor(code, level) for level in range(start, code_level(code) + 1))


def _assigned(plan: Document) -> frozenset[tuple[str, str]]:
    """The (agency, component code) pairs section VI assigns in ``plan`` (derived once for
    both rules of the document)."""
    return derived(plan, "agencies assigned", lambda: _assignments(plan))


def _assignments(plan: Document) -> frozenset[tuple[str, str]]:
    return frozenset((r.agency, code) for r in plan.responsibilities for code in r.components)


def _holds(assigned: frozenset[tuple[str, str]], agency: str, codes: tuple[str, ...]) -> bool:
    """Whether any of ``codes`` is assigned to ``agency``."""
    for code in codes:  # noqa: SIM110  (a loop: any() of a generator costs four times more)
        if (agency, code) in assigned:
            return True
    return False


def _subtree(component: ProjectComponent) -> Iterator[ProjectComponent]:
    """``component.walk()``, in its order, from a stack rather than a generator a level: the
    rule walks the subtree of every component section VI assigns, in every plan."""
    stack = [component]
    while stack:
        found = stack.pop()
        yield found
        stack.extend(reversed(found.children))


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
        ancestry = _ancestry(c.code)
        if c.lead is None or _holds(assigned, c.lead, ancestry):
            continue
        holders = {agency for agency, code in assigned if code in ancestry}
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
            for c in _subtree(plan.component(code)):
                if c.lead is None or c.lead == agency:
                    continue
                between = _ancestry(c.code, start=code_level(code) + 1)
                if _holds(assigned, c.lead, between):
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


@functools.lru_cache(maxsize=1024)
def _folded(name: str) -> str:
    """``name`` with its spacing normalized, casefolded.  Kept: the plans of a province name
    the same agencies, while each plan's own area changes the qualifiers stripped below."""
    return " ".join(name.split()).casefold()


def _core_name(name: str, suffixes: tuple[str, ...]) -> str:
    """``name`` without a trailing qualifier of the area ("… thành phố"), casefolded;
    ``suffixes`` are the casefolded qualifiers, each after a space."""
    core = _folded(name)
    if not core.endswith(suffixes):  # most names: no qualifier to strip
        return core
    stripped = True
    while stripped:
        stripped = False
        for suffix in suffixes:
            if core.endswith(suffix) and len(core) > len(suffix):
                core = core[: -len(suffix)].rstrip()
                stripped = True
    return core


def _other_spellings(
    name: str, aliases: tuple[str, ...], suffixes: tuple[str, ...]
) -> tuple[str, ...]:
    """The aliases of an agency named ``name`` that spell it another way, the first of each."""
    seen = {_core_name(name, suffixes)}
    others = []
    for alias in aliases:
        core = _core_name(alias, suffixes)
        if core not in seen:
            seen.add(core)
            others.append(alias)
    return tuple(others)


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
    suffixes = tuple(
        " " + q.casefold()
        for q in (plan.area.name, plan.area.kind.vi, plan.area.province or "")
        if q
    )
    for agency in plan.agencies:
        if not agency.aliases:
            continue  # one name: one spelling
        others = _other_spellings(agency.name, agency.aliases, suffixes)
        if others:
            yield _named_ways(agency.id, agency.name, others)


@functools.lru_cache(maxsize=256)
def _named_ways(agency: str, name: str, others: tuple[str, ...]) -> Finding:
    """The finding of ``spelling`` on the agency ``agency`` named ``name`` and ``others``.
    Kept (a finding is a frozen value, a function of these): the plans of a province name
    their agencies alike."""
    return spelling.finding(
        f"agencies/{agency}",
        _n(
            "agency {agency!r} is named {n} way: {names}",
            "agency {agency!r} is named {n} ways: {names}",
            len(others) + 1,
            agency=agency,
            names=tuple(repr(n) for n in (name, *others)),
        ),
        expected=name,
        actual=others,
    )
