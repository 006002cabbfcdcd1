"""Every label of the report and the charts, in Vietnamese and English, and numbers as shown.

Each label is a message (:mod:`mdpoverty.i18n`): written here once, in English, with its
Vietnamese text in the gettext catalog, so that a label without its Vietnamese text fails the
catalog's test rather than leave an English word in a Vietnamese page.  :func:`label` says a
label in a language, with its values filled in; :func:`number` shows a number from its exact
value (``int`` or :class:`~decimal.Decimal`) in the notation of the language, as
:func:`mdpoverty.i18n.number` does (``12.281``, ``1,15`` in Vietnamese; ``12,281``, ``1.15``
in English), and a range as ``low–high``.

>>> number(Decimal("1021"), "vi"), number(Decimal("1021"), "en")
('1.021', '1,021')
>>> number(Decimal("63.5"), "vi", places=2)
'63,50'
>>> label("findings", "en"), label("findings", "vi")
('Findings', 'Những điểm chưa khớp')
>>> label("start_rate", "vi", year="2024")
'Đầu năm 2024'
"""

from __future__ import annotations

import numbers
from decimal import Decimal

from mdpoverty import i18n
from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model.document import Document
from mdpoverty.reference.standards import standard_of
from mdpoverty.values.quantities import Quantity

__all__ = ["LABELS", "label", "number", "said", "standard_names"]

LABELS: dict[str, Message] = {
    "report": _("Report"),
    "contents": _("Contents"),
    "header": _("The document"),
    "issuer": _("Issued by"),
    "number": _("Number and symbol"),
    "number_blank": _("{reference} (number left blank)"),
    "date": _("Date of issue"),
    "place": _("Place of issue"),
    "figures_source": _("Figures read from"),
    "period": _("Period"),
    "area": _("Area"),
    "standard": _("Poverty standard in force"),
    "programme": _("Programme"),
    "standard_name": _("{name} ({act})"),
    "standard_phase": _("its own criteria from {start}"),
    "standard_kept": _("kept for {year} by {act}"),
    "standard_amended": _("as amended by {acts}"),
    "standard_review": _("the periodic review at the end of {review} serves {year}"),
    "legal_bases": _("Legal bases"),
    "none": _("None"),
    "annex": _("Annex"),
    "figures": _("Figures by unit"),
    "review_form": _("The review form: flows of the year"),
    "form_note": _(
        "The form as the document prints it; a blank cell is one the document leaves "
        "blank. An end-of-year count that differs from start − escaped + fell back + new "
        "(near-poor: + from poor) is highlighted, with the value the identity gives and a "
        "link to its finding."
    ),
    "identity_value": _("by the identity"),
    "unit": _("Unit"),
    "results": _("Results against the targets"),
    "subject": _("Subject"),
    "measure": _("Measure"),
    "measure_of_group": _("{measure} ({group})"),
    "achieved": _("Achieved"),
    "met": _("Met"),
    "by": _("Margin"),
    "annex_note": _(
        "Figures as printed. A highlighted cell is printed differently from what the "
        "counts imply; the derived value is shown beside it."
    ),
    "derived": _("derived from the counts"),
    "annex_date": _("Date of the annex"),
    "no_printed_annex": _(
        "The document prints no annex; the table below is derived from the counts."
    ),
    "rates": _("Poverty rate by unit"),
    "rate_axis": _("Poverty rate (%)"),
    "start_rate": _("Start of {year}"),
    "end_rate": _("Target for the end of {year}"),
    "end_rate_column": _("Target for the end of the year (%)"),
    "funding": _("Funding by component and source"),
    "money_axis": _("Million VND"),
    "central": _("Central budget"),
    "local": _("Local budget"),
    "other": _("Other sources"),
    "policy-credit": _("Policy credit"),
    "integrated": _("Integrated capital"),
    "mobilised": _("Mobilised capital"),
    "by_capital": _("By kind of capital"),
    "capital": _("Kind of capital"),
    "investment": _("Investment capital"),
    "recurrent": _("Recurrent capital"),
    "by_year": _("By year"),
    "year": _("Year"),
    "by_unit": _("By unit allocated to"),
    "not_stated": _("Not stated"),
    "declared": _("Declared total"),
    "sources": _("Sum of the sources"),
    "does_not_add_up": _("does not add up to the sum of the sources"),
    "component": _("Component"),
    "name": _("Name"),
    "total": _("Total"),
    "by_source": _("By source of funds"),
    "source": _("Source of funds"),
    "amount": _("Amount (million VND)"),
    "share": _("Share (%)"),
    "deficits": _("Targets by deprivation dimension"),
    "share_axis": _("Target (%)"),
    "dimension": _("Dimension"),
    "general": _("General results"),
    "target": _("Target"),
    "text": _("As printed"),
    "at-least": _("at least {value}"),
    "at-most": _("at most {value}"),
    "percent": _("{value}%"),
    "qualitative": _("qualitative"),
    "agencies": _("Agencies"),
    "agency": _("Agency"),
    "also_named": _("Also named"),
    "findings": _("Findings"),
    "no_findings": _("Nothing found."),
    "expected": _("Expected"),
    "actual": _("Printed"),
    "unverified": _("Unverified facts the checks rely on"),
    "unverified_note": _(
        "The checks of this document rest on these facts of the library's data, not "
        "checked against the official texts (the data's notes as written).  None of them "
        "makes an error."
    ),
    "fact": _("Fact"),
    "fact_source": _("Source"),
    "fact_note": _("Note"),
    "fact-standard": _("poverty standard"),
    "fact-extension": _("kept in force"),
    "fact-amendment": _("amendment"),
    "fact-first-review": _("first review"),
    "fact-dimension": _("dimension or indicator"),
    "fact-catalog": _("programme catalog"),
    "fact-catalog-entry": _("programme component"),
    "carry_over": _("Carried into the units of 1 July 2025"),
    "carry_note": _(
        "An incomplete row: the document does not cover every old unit of the new unit, "
        "or gives no figure for one of them; a blank cell has no figure."
    ),
    "carry_group": _("Group"),
    "carry_time": _("Time"),
    "carry_count": _("Count"),
    "carry_rate": _("Rate (%)"),
    "carry_unavailable": _("Cannot be carried over: {reason}"),
    "old_units": _("Old units"),
    "new_unit": _("New unit"),
    "households": _("Households"),
    "poor_households": _("Poor households"),
    "poverty_rate": _("Poverty rate (%)"),
    "complete": _("Complete"),
    "yes": _("yes"),
    "no": _("no"),
    # household groups, points in time and flows of a year, as a table's cell names them
    "group-poor": _("poor households"),
    "group-near-poor": _("near-poor households"),
    "group-poor-and-near-poor": _("poor and near-poor households"),
    "group-newly-escaped": _("households newly escaped from poverty"),
    "group-newly-poor": _("newly poor households"),
    "group-low-income": _("low-income workers"),
    "group-all": _("all households"),
    "time-start": _("start of {year}"),
    "time-end": _("end of {year}"),
    "time-review": _("at the review of {year}"),
    "time-escaped": _("escaped in {year}"),
    "time-fell-back": _("fell back in {year}"),
    "time-new": _("new in {year}"),
    "time-from-poor": _("from poor households in {year}"),
    "time-fall": _("fall in {year}"),
    "time-rise": _("rise in {year}"),
    # what a target is about
    "measure-reduction": _("households leaving the group"),
    "measure-end-count": _("households at the end"),
    "measure-end-rate": _("rate at the end (%)"),
    "measure-rate-reduction": _("rate reduction (percentage points)"),
    "generated": _("Made by mdpoverty {version}. This page loads nothing from the network."),
}
"""Each key's label, a message in English with its Vietnamese text in the catalog; ``{year}``
and the like are filled in by :func:`label`."""


def label(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``values`` filled in.

    A value is shown as a message shows it (:class:`~mdpoverty.i18n.Message`): a number in the
    notation of ``lang``, a message in ``lang``, text as it is; so a year is given as text.
    """
    message = LABELS[key]
    if values:
        message = Message(message.template, None, None, **values)
    return localize(message, lang)


def said(value: object, lang: Lang) -> str:
    """A text another layer gives the report (a table's label, a reason), in ``lang``: a
    message said in it, a name or other text as it is, ``""`` for none.

    >>> said(_("Total"), "vi"), said("Xã Ba Bể", "en"), said(None, "vi")
    ('Tổng số', 'Xã Ba Bể', '')
    """
    if value is None:
        return ""
    return localize(value, lang) if isinstance(value, str) else str(value)


def standard_names(document: Document, lang: Lang) -> tuple[dict[str, str], dict[str, str]]:
    """The names in ``lang`` of the dimensions and of the indicators of ``document``'s poverty
    standard, by id (Vietnamese where the standard has no English name); both empty for a
    standard the library does not know."""
    try:
        standard = standard_of(document)
    except UnknownNameError:
        return {}, {}

    def pick(vi: str, en: str) -> str:
        return localize(en if lang == "en" and en else vi, lang)

    return (
        {d.id: pick(d.name, d.name_en) for d in standard.dimensions},
        {i.id: pick(i.name, i.name_en) for i in standard.indicators},
    )


def number(value: int | Decimal | Quantity | None, lang: Lang, places: int | None = None) -> str:
    """``value`` as the page shows it: in the notation of ``lang`` (:func:`mdpoverty.i18n.number`);
    a range as ``low–high``; ``""`` for a missing value.  ``places`` fixes the decimals
    (half-up)."""
    if value is None:
        return ""
    if isinstance(value, Quantity):
        low = number(value.low, lang, places)
        return low if value.is_exact else f"{low}–{number(value.high, lang, places)}"
    given: object = value
    if not isinstance(given, int | Decimal) and isinstance(given, numbers.Integral):
        return i18n.number(int(given), lang, places)  # a NumPy integer, as a table's cell
    return i18n.number(value, lang, places)
