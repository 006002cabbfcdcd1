"""Word ``.docx`` files: paragraphs and tables in body order, merges read from the cell XML.

python-docx gives the body's XML; the grid of a table is rebuilt from each row's cells, their
horizontal span (``w:gridSpan``) and vertical merge (``w:vMerge``: ``restart`` opens a merge,
an empty value continues the one above), so a merged header cell is one cell over the
positions it covers, as Word shows it.  Sections printed landscape (``w:pgSz w:orient``) mark
their tables.  Runs in a legacy font (``.VnTime``, ``VNI-Times``) are converted to Unicode.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from mdpoverty.errors import FileProblem, MissingExtraError, PlanFileError
from mdpoverty.i18n import _
from mdpoverty.reading.blocks import Block, Cell, Paragraph, Place, Table
from mdpoverty.reading.legacy import to_unicode

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(path: Path) -> Any:
    try:
        import docx  # noqa: PLC0415  (python-docx loads only to read a Word file)
    except ImportError as error:  # pragma: no cover - the read extra is installed in tests
        raise MissingExtraError(
            _("reading .docx needs python-docx: pip install 'mdpoverty[read]'")
        ) from error
    try:
        return docx.Document(str(path))
    except Exception as error:  # a file python-docx cannot open at all
        raise PlanFileError(
            str(path),
            [FileProblem("", _("cannot be read as a Word .docx file: {error}", error=str(error)))],
        ) from error


def _text(paragraph: Any) -> str:
    """A paragraph's text, each run converted from the legacy encoding its font names."""
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_W}r":
            font = ""
            fonts = node.find(f"{_W}rPr/{_W}rFonts")
            if fonts is not None:
                font = fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi") or ""
            text = "".join(
                "\t" if t.tag == f"{_W}tab" else (t.text or "")
                for t in node
                if t.tag in (f"{_W}t", f"{_W}tab")
            )
            parts.append(to_unicode(text, font))
        elif node.tag == f"{_W}br":
            parts.append(" ")
    return unicodedata.normalize("NFC", "".join(parts)).strip()


def _cell_text(tc: Any) -> str:
    return " ".join(t for p in tc.iter(f"{_W}p") if (t := _text(p)))


def _table(tbl: Any, file: str, part: str, paragraph: int) -> Table:
    grid: list[list[Cell]] = []
    for r, tr in enumerate(tbl.iter(f"{_W}tr"), start=1):
        row: list[Cell] = []
        for tc in tr.findall(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span = 1
            merge: str | None = None
            if props is not None:
                grid_span = props.find(f"{_W}gridSpan")
                if grid_span is not None:
                    span = int(grid_span.get(f"{_W}val", "1"))
                v_merge = props.find(f"{_W}vMerge")
                if v_merge is not None:
                    merge = v_merge.get(f"{_W}val", "continue")
            first_column = len(row) + 1
            text = _cell_text(tc)
            origin: tuple[int, int] | None = (r, first_column) if span > 1 else None
            if merge == "continue" and len(grid) >= 1 and first_column <= len(grid[-1]):
                above = grid[-1][first_column - 1]
                origin = above.origin or (above.place.row or r - 1, first_column)
                text = above.text
            elif merge == "restart":
                origin = (r, first_column)
            for offset in range(span):
                place = Place(file, part, row=r, column=first_column + offset)
                row.append(Cell(text, place, origin))
        grid.append(row)
    width = max((len(row) for row in grid), default=0)
    rows = tuple(
        tuple(row)
        + tuple(
            Cell("", Place(file, part, row=r, column=c)) for c in range(len(row) + 1, width + 1)
        )
        for r, row in enumerate(grid, start=1)
    )
    return Table(rows, Place(file, part, paragraph=paragraph))


def _landscape(sect_pr: Any) -> bool:
    size = sect_pr.find(f"{_W}pgSz")
    if size is None:
        return False
    if size.get(f"{_W}orient") == "landscape":
        return True
    width, height = size.get(f"{_W}w"), size.get(f"{_W}h")
    return bool(width and height and int(width) > int(height))


def read_docx(path: Path) -> list[Block]:
    """The paragraphs (numbered in body order) and tables of the Word file ``path``."""
    document = _open(path)
    body = document.element.body
    blocks: list[Block] = []
    section: list[int] = []  # indexes in blocks of the tables of the current section
    paragraphs = 0
    tables = 0
    blank = False
    for node in body.iterchildren():
        if node.tag == f"{_W}p":
            paragraphs += 1
            text = _text(node)
            if text:
                place = Place(path.name, paragraph=paragraphs)
                blocks.append(Paragraph(text, place, after_blank=blank))
            blank = not text
            sect_pr = node.find(f"{_W}pPr/{_W}sectPr")
            if sect_pr is not None:
                _mark(blocks, section, _landscape(sect_pr))
                section = []
        elif node.tag == f"{_W}tbl":
            tables += 1
            blocks.append(_table(node, path.name, _("table {n}", n=tables), paragraphs + 1))
            section.append(len(blocks) - 1)
            blank = False
        elif node.tag == f"{_W}sectPr":
            _mark(blocks, section, _landscape(node))
    return blocks


def _mark(blocks: list[Block], indexes: list[int], landscape: bool) -> None:  # noqa: FBT001
    if not landscape:
        return
    for index in indexes:
        table = blocks[index]
        if isinstance(table, Table):
            blocks[index] = Table(table.rows, table.place, landscape=True)
