"""Text cells a spreadsheet cannot run: CSV/formula injection, and its undoing on the way in.

Excel and LibreOffice read a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or a
carriage return, which they skip before one) as a formula, so a unit's name or code such as
``=cmd|' /C calc'!A0`` in an export would run when the file is opened.  Such a text is written
with a leading apostrophe, which both programs show as a text marker; a text that already begins
with an apostrophe gets one more, so that reading strips exactly one and every text reads back
as it was.

>>> guarded("=cmd|' /C calc'!A0")
"'=cmd|' /C calc'!A0"
>>> [unguarded(guarded(t)) for t in ("- Xã A", "'quoted", "Xã B")]
['- Xã A', "'quoted", 'Xã B']
"""

from __future__ import annotations

_RUNS = ("=", "+", "-", "@", "\t", "\r")
_MARK = "'"


def guarded(text: str) -> str:
    """``text`` as a spreadsheet cannot run it."""
    return _MARK + text if text.startswith((*_RUNS, _MARK)) else text


def unguarded(text: str) -> str:
    """The text :func:`guarded` wrote as ``text`` (any other text as it is)."""
    if text.startswith(_MARK) and text[1:].startswith((*_RUNS, _MARK)):
        return text[1:]
    return text
