"""Text PDFs: words with their positions, put back into lines, paragraphs and tables.

pdfplumber gives each word with its box.  Tables are found by their ruling lines; each cell's
text is the words inside its box, and a merged cell (one box over several grid positions) is
one cell over the positions it covers.  The words outside the tables are put into lines by
their height on the page and the lines into paragraphs: a line starts a new paragraph after a
gap wider than the page's usual line pitch, or when it starts with a list mark.  A page
without words is a scan: that is an error saying to run text recognition first.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from mdpoverty.errors import FileProblem, MissingExtraError, PlanFileError
from mdpoverty.i18n import _
from mdpoverty.reading.blocks import Block, Cell, Paragraph, Place, Table
from mdpoverty.reading.legacy import to_unicode

__all__ = ["read_pdf"]

_LINE_TOLERANCE = 3.0  # points: words whose tops differ less are on one line
_PARAGRAPH_GAP = 1.3  # a gap this many times the usual line pitch starts a paragraph


def _inside(word: dict[str, Any], box: Sequence[float]) -> bool:
    x0, top, x1, bottom = box
    mid_x = (word["x0"] + word["x1"]) / 2
    mid_y = (word["top"] + word["bottom"]) / 2
    return bool(x0 <= mid_x <= x1 and top <= mid_y <= bottom)


def _lines(words: list[dict[str, Any]]) -> list[tuple[float, float, str]]:
    """Words grouped into lines: (top, bottom, text), top to bottom, left to right."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [
        (
            min(w["top"] for w in line),
            max(w["bottom"] for w in line),
            " ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])),
        )
        for line in lines
    ]


def _table(found: Any, words: list[dict[str, Any]], file: str, part: str) -> Table:
    rows: list[tuple[Cell, ...]] = []
    xs = sorted({round(v, 1) for c in found.cells for v in (c[0], c[2])})
    columns = list(pairwise(xs))
    for r, row in enumerate(found.rows, start=1):
        ys = (row.bbox[1], row.bbox[3])
        cells: list[Cell] = []
        for c, (x0, x1) in enumerate(columns, start=1):
            mid = ((x0 + x1) / 2, (ys[0] + ys[1]) / 2)
            box = next(
                (b for b in found.cells if b[0] <= mid[0] <= b[2] and b[1] <= mid[1] <= b[3]),
                None,
            )
            if box is None:
                cells.append(Cell("", Place(file, part, row=r, column=c)))
                continue
            inside = [w for w in words if _inside(w, box)]
            text = " ".join(t for _, _, t in _lines(inside))
            origin = _origin(found, box, columns)
            cells.append(
                Cell(
                    _clean(text),
                    Place(file, part, row=r, column=c),
                    origin if origin != (r, c) or _spans(box, columns, found) else None,
                )
            )
        rows.append(tuple(cells))
    return Table(tuple(rows), Place(file, part))


def _origin(
    found: Any, box: Sequence[float], columns: list[tuple[float, float]]
) -> tuple[int, int]:
    row = next(
        i for i, r in enumerate(found.rows, start=1) if abs(r.bbox[1] - box[1]) < _LINE_TOLERANCE
    )
    column = next(i for i, (x0, _) in enumerate(columns, start=1) if abs(x0 - box[0]) < 1)
    return row, column


def _spans(box: Sequence[float], columns: list[tuple[float, float]], found: Any) -> bool:
    covered_columns = sum(1 for x0, x1 in columns if box[0] - 1 <= x0 and x1 <= box[2] + 1)
    covered_rows = sum(1 for r in found.rows if box[1] - 1 <= r.bbox[1] and r.bbox[3] <= box[3] + 1)
    return covered_columns > 1 or covered_rows > 1


def _clean(text: str) -> str:
    return to_unicode(unicodedata.normalize("NFC", " ".join(text.split())))


def _pitch(pages: list[list[tuple[float, float, str]]]) -> float:
    """The line pitch inside a paragraph: the smallest gap between lines of the document
    (paragraphs are spaced wider than their lines; one page of one-line paragraphs alone
    would not show it, so the whole document is measured)."""
    gaps = [
        b[0] - a[0] for lines in pages for a, b in pairwise(lines) if b[0] - a[0] > _LINE_TOLERANCE
    ]
    return min(gaps, default=0.0)


def _paragraphs(
    lines: list[tuple[float, float, str]], pitch: float, where: tuple[str, str, int]
) -> list[tuple[float, Paragraph]]:
    """The lines joined into paragraphs, each with the top of its first line."""
    if not lines:
        return []
    file, part, first = where
    paragraphs: list[tuple[float, Paragraph]] = []
    current: list[str] = []
    start = lines[0][0]
    number = first
    previous_top: float | None = None
    for top, _bottom, text in lines:
        new = (
            previous_top is None
            or top - previous_top > pitch * _PARAGRAPH_GAP
            or text.startswith(("- ", "+ "))
        )
        if new and current:
            place = Place(file, part, paragraph=number)
            paragraphs.append((start, Paragraph(_clean(" ".join(current)), place)))
            number += 1
            current = []
            start = top
        current.append(text)
        previous_top = top
    place = Place(file, part, paragraph=number)
    paragraphs.append((start, Paragraph(_clean(" ".join(current)), place)))
    return paragraphs


def read_pdf(path: Path) -> list[Block]:
    """The paragraphs and tables of the text PDF ``path``, page by page.

    Raises:
        mdpoverty.errors.PlanFileError: A page holds no text (a scanned PDF).
    """
    try:
        import pdfplumber  # noqa: PLC0415  (pdfplumber loads only to read a PDF)
    except ImportError as error:  # pragma: no cover - the read extra is installed in tests
        raise MissingExtraError(
            _("reading .pdf needs pdfplumber: pip install 'mdpoverty[read]'")
        ) from error
    blocks: list[Block] = []
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as error:  # not a PDF pdfplumber can open
        raise PlanFileError(
            str(path), [FileProblem("", _("cannot be read as a PDF: {error}", error=str(error)))]
        ) from error
    with pdf:
        scanned = []
        tables = 0
        paragraph = 1
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            if not words:
                scanned.append(number)
                continue
            found = page.find_tables()
            outside = [w for w in words if not any(_inside(w, t.bbox) for t in found)]
            pages.append((number, page, words, found, _lines(outside)))
        pitch = _pitch([lines for *_, lines in pages])
        for number, page, words, found, lines in pages:
            part = _("page {n}", n=number)
            items: list[tuple[float, Block]] = list(
                _paragraphs(lines, pitch, (path.name, part, paragraph))
            )
            paragraph += len(items)
            for table in found:
                tables += 1
                where = _("page {page}, table {n}", page=number, n=tables)
                read = _table(table, words, path.name, where)
                landscape = page.width > page.height
                items.append((table.bbox[1], Table(read.rows, read.place, landscape=landscape)))
            blocks += [block for _, block in sorted(items, key=lambda item: item[0])]
        if scanned and not blocks:
            raise PlanFileError(
                str(path),
                [
                    FileProblem(
                        "",
                        _(
                            "holds no text (a scanned PDF): run text recognition (OCR) on it "
                            "first, e.g. with ocrmypdf, or import the Word file it was printed "
                            "from"
                        ),
                    )
                ],
            )
    return blocks
