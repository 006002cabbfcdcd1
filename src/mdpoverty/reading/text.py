"""Plain text as Word exports it: a paragraph a line, tables as lines of tab-separated cells."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from mdpoverty.i18n import _
from mdpoverty.reading.blocks import Block, Cell, Paragraph, Place, Table
from mdpoverty.reading.legacy import to_unicode

__all__ = ["read_text", "text_blocks"]


def text_blocks(text: str, file: str) -> list[Block]:
    """The blocks of ``text``: each non-empty line a paragraph (its place: the line number),
    each run of lines that hold a tab a table (its rows: the lines; its cells: the fields)."""
    blocks: list[Block] = []
    lines = to_unicode(unicodedata.normalize("NFC", text)).splitlines()
    table_lines: list[tuple[int, str]] = []
    tables = 0

    def flush() -> None:
        nonlocal tables
        if not table_lines:
            return
        tables += 1
        part = _("table {n}", n=tables)
        width = max(line.count("\t") + 1 for _, line in table_lines)
        rows = []
        for r, (_number, line) in enumerate(table_lines, start=1):
            fields = line.split("\t")
            fields += [""] * (width - len(fields))
            rows.append(
                tuple(
                    Cell(f.strip(), Place(file, part, row=r, column=c))
                    for c, f in enumerate(fields, start=1)
                )
            )
        blocks.append(Table(tuple(rows), Place(file, part, paragraph=table_lines[0][0])))
        table_lines.clear()

    blank = False
    for number, line in enumerate(lines, start=1):
        if "\t" in line and line.strip():
            table_lines.append((number, line))
            continue
        flush()
        if not line.strip():
            blank = True
            continue
        blocks.append(Paragraph(line.strip(), Place(file, paragraph=number), after_blank=blank))
        blank = False
    flush()
    return blocks


def read_text(path: Path) -> list[Block]:
    """The blocks of the text file ``path``: UTF-8 (a byte-order mark is dropped), else the
    8-bit bytes of a file typed in TCVN3 or VNI (converted: :mod:`mdpoverty.reading.legacy`)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # each byte its code point: the legacy fonts' codes
    return text_blocks(text, path.name)
