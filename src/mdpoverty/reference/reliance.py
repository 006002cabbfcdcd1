"""The facts of the library's reference data a document relies on that are marked unverified.

A fact marked ``verified: false`` (a standard's phase read only in a press summary, a
programme component as reported) never makes an error finding; but a reader of the checks
should know which of them the verdict on a document leans on.  :func:`unverified_facts` lists
them as data, and the report shows them.

>>> from mdpoverty.reference.datasets import bac_kan_2024
>>> unverified_facts(bac_kan_2024())
()
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, cast

import attrs

from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import Lang, Message
from mdpoverty.reference.programmes import programme_of
from mdpoverty.reference.standards import (
    PovertyStandard,
    poverty_standard,
    serving_year,
    standard_of,
)

if TYPE_CHECKING:  # only its type: the documents do not depend on reference data
    from mdpoverty.model.document import Document

__all__ = ["FactKind", "UnverifiedFact", "unverified_facts"]

_COUNTED_GROUPS = ("poor", "near-poor")


class FactKind(enum.StrEnum):
    """What an unverified fact is."""

    STANDARD = "standard"  #: a standard's record (lines, rule, phases)
    EXTENSION = "extension"  #: a later act keeping a standard in force for the year
    AMENDMENT = "amendment"  #: a later act amending a standard
    FIRST_REVIEW = "first-review"  #: which standard the review of the year used
    DIMENSION = "dimension"  #: a dimension or indicator a deficit target names
    CATALOG = "catalog"  #: a programme catalog as a whole
    CATALOG_ENTRY = "catalog-entry"  #: a project or component of a catalog


@attrs.frozen
class UnverifiedFact:
    """A fact of the reference data, marked unverified, that a document relies on.

    Attributes:
        kind: What it is.
        key: Its id or code (``decree-351-2025``, ``HP1``).
        source: The act it comes from, as cited.
        note: What is unverified, as the data says: a message, in English as text, that
            :func:`~mdpoverty.i18n.localize` says in Vietnamese (the data's ``note_vi``).
        location: Where the document relies on it (a field of the document).
    """

    kind: FactKind
    key: str
    source: str
    note: str
    location: str


class _Noted(Protocol):
    """A record of the reference data with a note in both languages."""

    @property
    def note(self) -> str: ...
    @property
    def note_vi(self) -> str: ...


class _Note(Message):
    """A note of the reference data: its English text, and its Vietnamese from the data (not
    from the catalog: the data holds both)."""

    vi: str

    def __new__(cls, en: str, vi: str) -> _Note:
        self = cast("_Note", super().__new__(cls, en))
        self.vi = vi
        return self

    def render(self, lang: Lang) -> str:
        return self.vi if lang == "vi" and self.vi else str.__str__(self)

    def __reduce__(self) -> tuple[object, ...]:
        return (_Note, (str.__str__(self), self.vi))


def _note(record: _Noted) -> str:
    return _Note(record.note, record.note_vi)


def _standard_facts(document: Document, standard: PovertyStandard) -> Iterator[UnverifiedFact]:
    year = serving_year(document)
    ref = str(standard.reference)
    if not standard.verified:
        yield UnverifiedFact(FactKind.STANDARD, standard.id, ref, _note(standard), "standard")
    # The lines that draw the document's groups; a band such as the middle-living standard
    # does not count the poor a document reports.
    counted = {c.income_at_most for c in standard.rule if c.group in _COUNTED_GROUPS}
    for line in standard.income_lines:
        if not line.verified and line.id in counted:
            key = f"{standard.id}/{line.id}"
            yield UnverifiedFact(FactKind.STANDARD, key, ref, _note(line), "standard")
    for extension in standard.extensions:
        if not extension.verified and year in extension.period:
            source = str(extension.reference)
            yield UnverifiedFact(
                FactKind.EXTENSION, standard.id, source, _note(extension), "period"
            )
    if document.standard is not None:
        named = poverty_standard(document.standard)
        if named.id != standard.id and not named.verified:  # its act keeps another's criteria
            yield UnverifiedFact(
                FactKind.STANDARD, named.id, str(named.reference), _note(named), "standard"
            )
    review = standard.first_review
    if review is not None and not review.verified and review.year == document.period.end:
        source = str(review.reference)
        yield UnverifiedFact(FactKind.FIRST_REVIEW, standard.id, source, _note(review), "period")


def _dimension_facts(document: Document, standard: PovertyStandard) -> Iterator[UnverifiedFact]:
    ref = str(standard.reference)
    for i, target in enumerate(document.deficit_indicators):
        if target.indicator is None:
            continue
        try:
            indicator = standard.indicator(target.indicator)
        except UnknownNameError:
            continue  # the loader and the checks report it
        if not indicator.verified:
            key = f"{standard.id}/{indicator.id}"
            where = f"deficit_indicators/{i}"
            yield UnverifiedFact(FactKind.DIMENSION, key, ref, _note(indicator), where)
    named = {d.dimension for d in document.deficit_indicators}
    for dimension in standard.dimensions:
        if dimension.id in named and not dimension.verified:
            key = f"{standard.id}/{dimension.id}"
            yield UnverifiedFact(
                FactKind.DIMENSION, key, ref, _note(dimension), "deficit_indicators"
            )


def _amendment_facts(standard: PovertyStandard) -> Iterator[UnverifiedFact]:
    # An applied amendment is no longer in ``amendments``: find its record on the unamended
    # standard by the reference ``as_of`` recorded.
    base = poverty_standard(standard.id)
    for amendment in base.amendments:
        if amendment.reference in standard.amended_by and not amendment.verified:
            source = str(amendment.reference)
            yield UnverifiedFact(
                FactKind.AMENDMENT, standard.id, source, _note(amendment), "standard"
            )


def _programme_facts(document: Document) -> Iterator[UnverifiedFact]:
    if not document.components:
        return
    try:
        catalog = programme_of(document)
    except UnknownNameError:
        return  # programme.catalog reports it
    if catalog is None:
        return
    ref = str(catalog.reference)
    if not catalog.verified:
        yield UnverifiedFact(FactKind.CATALOG, catalog.id, ref, _note(catalog), "programme")
    seen: set[str] = set()
    for component in document.all_components():
        try:
            entry = catalog.entry(component.code)
        except UnknownNameError:
            continue  # programme.catalog reports it
        if not entry.verified and entry.code not in seen:
            seen.add(entry.code)
            source = entry.source or ref
            where = f"components/{component.code}"
            yield UnverifiedFact(FactKind.CATALOG_ENTRY, entry.code, source, _note(entry), where)


def unverified_facts(document: Document) -> tuple[UnverifiedFact, ...]:
    """The unverified facts of the reference data that ``document``'s checks rely on: its
    standard (record, income lines the rule uses, the extension or amendment in force for
    its year, the review-year record of a first review, the dimensions its deficit targets
    name) and its programme (the catalog, the entries its components resolve to).

    A standard or programme the library does not know relies on nothing here (the checks
    report it).
    """
    facts: list[UnverifiedFact] = []
    try:
        standard = standard_of(document)
    except UnknownNameError:
        pass
    else:
        facts += _standard_facts(document, standard)
        facts += _dimension_facts(document, standard)
        facts += _amendment_facts(standard)
    facts += _programme_facts(document)
    return tuple(dict.fromkeys(facts))
