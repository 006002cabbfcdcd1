"""The sections of a report, chosen by what the document holds, and the places findings link to.

A section says which field of a document it shows (``holds``): the report of a document has
every registered section whose field the document has and is not empty, in ``order``.  A plan
holds ``units``, ``components`` and an ``annex``; a review result that holds counts of poor and
near-poor households by unit and stratum, or a report that holds results against a plan's
targets, gets its sections by registering them with :func:`section` under the fields it holds,
with no change to the report itself.

Every element a finding may be about gets its HTML ``id`` from the finding's location through
one function, :func:`anchor`; a section marks such an element with :meth:`Context.place`, and
the findings link to the nearest marked place of their location (the location itself, else the
closest enclosing one: ``legal_bases/0/date`` links to ``legal_bases/0``).  A section that
links back from a place to the finding about it asks :meth:`Context.finding` for the finding's
id.

>>> anchor("components/DA3.TDA1/funding")
'at-components/DA3.TDA1/funding'
>>> anchor("agencies/Phòng Tư pháp")
'at-agencies/Ph%C3%B2ng%20T%C6%B0%20ph%C3%A1p'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

import attrs

from mdpoverty.checks.report import Report
from mdpoverty.errors import parent_location
from mdpoverty.i18n import Lang
from mdpoverty.model.document import Document

__all__ = [
    "SECTIONS",
    "Context",
    "ReportSection",
    "anchor",
    "finding_anchor",
    "section",
    "sections_for",
]


def anchor(location: str) -> str:
    """The HTML id of the place in a report that ``location`` (of a finding) is about.

    The location, percent-encoded but for its slashes: one id for one location (the encoding
    is reversible), no space in it, and a link ``#id`` that matches it as written.
    """
    return "at-" + quote(location, safe="/")


def finding_anchor(rule: str, location: str) -> str:
    """The HTML id of the finding of ``rule`` at ``location`` in a report's list of findings.

    >>> finding_anchor("flows.identity", "figures/6/count")
    'finding-flows.identity/figures/6/count'
    """
    return "finding-" + quote(f"{rule}/{location}", safe="/")


@attrs.define
class Context:
    """What a section renders from: the document, the language, the findings, the places.

    ``places`` collects the locations the sections so far have marked, ``linked`` the
    findings (rule, location) a section links to (both mutable, one report long).
    """

    document: Document
    lang: Lang
    findings: Report
    places: set[str] = attrs.Factory(set)
    linked: set[tuple[str, str]] = attrs.Factory(set)

    def place(self, location: str) -> str:
        """Mark the element about ``location``: the ``id`` to give it."""
        self.places.add(location)
        return anchor(location)

    def finding(self, rule: str, location: str) -> str | None:
        """The id of the finding of ``rule`` at ``location`` for a link to it, or ``None``
        where there is no such finding (the findings section gives the first such finding
        that id)."""
        if not any(f.rule == rule and f.location == location for f in self.findings):
            return None
        self.linked.add((rule, location))
        return finding_anchor(rule, location)

    def target(self, location: str) -> str | None:
        """The id of the nearest marked place of ``location`` (itself or an enclosing one)."""
        where = location
        while where:
            if where in self.places:
                return anchor(where)
            where = parent_location(where)
        return None


Render = Callable[[Context], Mapping[str, Any]]
"""A section's renderer: the values its template needs."""


@attrs.frozen
class ReportSection:
    """A section of the report.

    Attributes:
        key: Its name, the name of its template (``templates/<key>.html.j2``) and of its
            title in :data:`~mdpoverty.report.labels.LABELS`.
        holds: The document's field it shows; ``None`` for a section of every document (the
            findings).
        order: Its place in the page, lowest first.
        render: The values of its template.
        when: A further condition on the document, where holding the field is not enough
            (the annex of targets needs targets for the units, not only units).
    """

    key: str
    holds: str | None
    order: int
    render: Render
    when: Callable[[Document], bool] | None = None

    def applies(self, document: object) -> bool:
        """Whether ``document`` holds what this section shows."""
        if self.when is not None and not (isinstance(document, Document) and self.when(document)):
            return False
        if self.holds is None:
            return True
        value = getattr(document, self.holds, None)
        return value is not None and value != ()


SECTIONS: dict[str, ReportSection] = {}
"""The registered sections by key."""


def section(
    key: str,
    *,
    holds: str | None,
    order: int,
    when: Callable[[Document], bool] | None = None,
) -> Callable[[Render], Render]:
    """Register the decorated renderer as the section ``key`` of documents that hold ``holds``
    (and meet ``when``, where given)."""

    def register(render: Render) -> Render:
        SECTIONS[key] = ReportSection(key, holds, order, render, when)
        return render

    return register


def sections_for(document: object) -> list[ReportSection]:
    """The sections of ``document``'s report, in order."""
    import mdpoverty.report._figure_sections  # noqa: PLC0415  (registers the built-in ones)
    import mdpoverty.report._form_section  # noqa: PLC0415
    import mdpoverty.report._funding_section  # noqa: PLC0415
    import mdpoverty.report._plan_sections  # noqa: F401, PLC0415

    return sorted(
        (s for s in SECTIONS.values() if s.applies(document)), key=lambda s: (s.order, s.key)
    )
