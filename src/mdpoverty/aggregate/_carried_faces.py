"""How the carried tables are shown: their printed headers and shared attrs (both faces of
:func:`~mdpoverty.aggregate.carry_over.carry_over` and its kin), and their text.

:mod:`mdpoverty.aggregate.carry_over` and :mod:`mdpoverty.aggregate.carried_figures` work out
the rows; this module only names and prints them.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping

import pandas as pd

from mdpoverty.aggregate._faces import checked, faced, no_total
from mdpoverty.i18n import Lang, Message, _, localize
from mdpoverty.model.document import Document
from mdpoverty.tables.figure_tables import cell_text
from mdpoverty.tables.shape import HOUSEHOLDS, PERCENT, Labels

__all__ = ["carried_face", "check_carried", "format_carried", "incomplete_note"]

_CARRIED_UNITS = {
    "poverty_rate": PERCENT,
    "near_poor_households": HOUSEHOLDS,
    "near_poverty_rate": PERCENT,
    "rate": PERCENT,
}

_NO_TOTAL = _(
    "a carried table has no total row: an incomplete row has blank counts, and a total over "
    "it would count a blank as 0"
)


def carried_face(
    frame: pd.DataFrame,
    table: str,
    document: Document,
    *,
    headers: Mapping[str, Message],
    labels: Labels,
    lang: Lang,
) -> pd.DataFrame:
    """A carried table with the headers ``labels`` asks for (``headers``: the printed ones of
    its own fields, Vietnamese and English) and the shared attrs."""
    return faced(
        frame,
        table,
        document,
        labels=labels,
        lang=lang,
        total=False,
        headers=headers,
        units=_CARRIED_UNITS,
    )


def check_carried(
    function: str, document: object, *, labels: object, lang: object, total: object
) -> None:
    """Refuse a ``document`` that is not one, switches out of their values, and a total."""
    checked(function, document, labels=labels, lang=lang, total=total)
    no_total(function, total=bool(total), reason=_NO_TOTAL)


_HEADERS = (
    _("code"),
    _("unit"),
    _("total households"),
    _("poor"),
    _("rate (%)"),
    _("reduction"),
    _("end rate (%)"),
)


def incomplete_note(why: str, lang: Lang) -> str:
    """The line under an incomplete row of a carried table: ``* chưa đủ: …`` (the reasons,
    ``why``, are the table's cell, said in its language)."""
    note = localize(_("incomplete: {why}", why=why), lang)
    return f"{'':<6}   * {note}"


def format_carried(frame: pd.DataFrame, lang: Lang = "vi") -> str:
    """A table of :func:`carry_over` (or :func:`carry_back`) as text; incomplete rows marked.

    Numbers are printed as the plans print them in ``vi`` (``12.281``, ``1,15``); a count that
    is missing is ``–``, and each incomplete row is followed by why.
    """

    def cell(value: object) -> str:  # a figure's cell (the rates are below 1000: no grouping)
        if value is None or value is pd.NA:
            return "–"
        return cell_text(int(value) if isinstance(value, numbers.Integral) else value, lang)

    headers = [localize(h, lang) for h in _HEADERS]
    lines = []
    width = max([len(headers[1]), *(len(str(n)) for n in frame["name"])]) + 2
    lines.append(
        f"{headers[0]:<6} {headers[1]:<{width}}" + "".join(f"{h:>13}" for h in headers[2:])
    )
    for code, row in frame.iterrows():
        values = [row[c] for c in ("households", "poor_households", "poverty_rate", "reduction")]
        values.append(row["end_rate"])
        mark = "" if row["complete"] else "*"
        lines.append(
            f"{code!s:<6} {row['name'] + mark:<{width}}" + "".join(f"{cell(v):>13}" for v in values)
        )
        if not row["complete"]:
            lines.append(incomplete_note(row["why"], lang))
    return "\n".join(lines) + "\n"
