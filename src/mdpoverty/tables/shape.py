"""The two faces of every table, and the ``attrs`` every table carries.

Every table function of mdpoverty (:func:`mdpoverty.annex`, the figure tables, the funding,
deficit, unit and roll-up tables of :mod:`mdpoverty.aggregate`) takes the same switches:

* ``labels="printed"`` (the default where a document prints the table) names the columns as the
  document does, in its language and with its year ("Tổng số hộ dân đầu năm 2024 (hộ)");
  ``labels="fields"`` names them by stable field names, the same in every year and language
  (``households``, ``start_rate``): the face for programs;
* ``total=True`` ends the table with its total row (index
  :data:`~mdpoverty.tables.annex.TOTAL`); ``total=False`` leaves
  it out, so that ``frame[column].mean()`` is a mean of units.

and fills the same ``DataFrame.attrs`` (:func:`table_attrs`): ``table`` (the kind of table),
``document`` (what it is of), ``year``, ``lang``, ``labels``, ``total`` and ``units`` (the unit
of each column, by field name).  :doc:`/explanation/tables` describes the shape of every table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from mdpoverty.errors import Problem, ValidationError
from mdpoverty.i18n import LANGS, Lang, Message, _, localize

if TYPE_CHECKING:
    from mdpoverty.model.document import Document

__all__ = [
    "HOUSEHOLDS",
    "MILLION_VND",
    "PERCENT",
    "POINTS",
    "Labels",
    "check_switches",
    "each_language",
    "table_attrs",
]

Labels = Literal["printed", "fields"]
"""How a table names its columns (as the document prints them, or by stable field names)."""

HOUSEHOLDS = "households"
"""The unit of a column of household counts."""
PERCENT = "percent"
"""The unit of a column of rates (per hundred households) and shares."""
POINTS = "percentage points"
"""The unit of a column of changes of a rate."""
MILLION_VND = "million VND"
"""The unit of a column of money (triệu đồng)."""


def check_switches(
    function: str, *, labels: object = "fields", total: object = True, lang: object = "vi"
) -> None:
    """Refuse, all at once, switches that are none of the documented values."""
    problems = []
    if labels not in ("printed", "fields"):
        problems.append(Problem(function, "labels", labels, _("must be 'printed' or 'fields'")))
    if not isinstance(total, bool):
        reason = _("must be True or False, not a bool")
        problems.append(Problem(function, "total", total, reason))
    if lang not in ("vi", "en"):
        problems.append(Problem(function, "lang", lang, _("must be 'vi' or 'en'")))
    if problems:
        raise ValidationError(problems)


def each_language(message: Message) -> dict[Lang, str]:
    """``message`` said in each language: the texts a reader of tables recognises, whichever
    language the table was written in."""
    return {lang: localize(message, lang) for lang in LANGS}


def document_name(document: Document) -> str:
    """How a table's ``attrs["document"]`` names a document: its kind, area and year."""
    return f"{document.kind.value} {document.area.name} {document.year}"


def table_attrs(
    table: str,
    document: Document | str,
    year: int | None,
    *,
    lang: str = "vi",
    labels: Labels = "fields",
    total: bool = True,
    units: Mapping[str, str] | None = None,
    **more: Any,
) -> dict[str, Any]:
    """The ``attrs`` of a table: the same keys on every table and on both faces of one.

    Args:
        table: The kind of table (``"annex"``, ``"figures"``, ``"funding_by_source"`` …).
        document: The document it is of, or a text naming what it is of (a roll-up).
        year: The year of its figures (``None`` where it has none: a household table
            measured without a year).
        lang: The language of its labels.
        labels: The switch it was made with.
        total: Whether it ends with a total row.
        units: The unit of each column that has one, by field name.
        more: Keys of a kind of table (an annex's ``title`` and ``caption``).
    """
    name = document if isinstance(document, str) else document_name(document)
    return {
        "table": table,
        "document": name,
        "year": year,
        "lang": lang,
        "labels": labels,
        "total": total,
        "units": dict(units or {}),
        **more,
    }
