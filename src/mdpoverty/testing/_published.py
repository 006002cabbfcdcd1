"""Word and PDF files built from a published text, as offices publish them: the annex in a
landscape section or page, its header cells merged across and down.  For the tests of
:mod:`mdpoverty.reading` (python-docx, reportlab and matplotlib's DejaVu Sans font)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def split(text: str) -> tuple[list[str], list[str], list[list[str]]]:
    """The text's body lines, the lines just above its table (title, caption) and the
    table's rows (tab-separated cells)."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if "\t" in line)
    rows = [line.split("\t") for line in lines[first:] if "\t" in line]
    width = max(map(len, rows))
    rows = [row + [""] * (width - len(row)) for row in rows]
    title = next(i for i in range(first - 1, 0, -1) if lines[i].isupper())
    return lines[:title], [x for x in lines[title:first] if x.strip()], rows


def build_docx(text: str, path: Path) -> None:
    import docx  # noqa: PLC0415
    from docx.enum.section import WD_ORIENT, WD_SECTION  # noqa: PLC0415

    body, above, rows = split(text)
    document = docx.Document()
    for line in body:
        if line.strip():
            document.add_paragraph(line.strip())
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for line in above:
        document.add_paragraph(line.strip())
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    # The official layout: the first five headers merged down over two rows, the targets'
    # header merged across its three sub-columns.
    for c in range(5):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 5).merge(table.cell(0, 7))
    document.save(str(path))


def build_pdf(text: str, path: Path) -> None:
    """The text as a PDF: its paragraphs on portrait pages, the annex on a landscape page in a
    ruled table with its headers merged, in matplotlib's DejaVu Sans (covers Vietnamese)."""
    from xml.sax.saxutils import escape  # noqa: PLC0415

    import matplotlib as mpl  # noqa: PLC0415
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4, landscape  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415
    from reportlab.platypus import (  # noqa: PLC0415
        BaseDocTemplate,
        Frame,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
    )
    from reportlab.platypus import Paragraph as Para  # noqa: PLC0415
    from reportlab.platypus import Table as Tab  # noqa: PLC0415

    font = Path(mpl.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(font)))
    style = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13, spaceAfter=9)
    cell = ParagraphStyle("cell", fontName="DejaVuSans", fontSize=8, leading=10)
    body, above, rows = split(text)
    doc = BaseDocTemplate(str(path), pagesize=A4)
    portrait_frame = Frame(50, 50, A4[0] - 100, A4[1] - 100)
    wide = landscape(A4)
    landscape_frame = Frame(40, 40, wide[0] - 80, wide[1] - 80)
    doc.addPageTemplates(
        [
            PageTemplate("portrait", [portrait_frame], pagesize=A4),
            PageTemplate("landscape", [landscape_frame], pagesize=wide),
        ]
    )
    story: list[Any] = [Para(escape(x.strip()), style) for x in body if x.strip()]
    story += [NextPageTemplate("landscape"), PageBreak()]
    story += [Para(escape(x.strip()), style) for x in above]
    data = [[Para(escape(v), cell) if v else "" for v in row] for row in rows]
    widths = [30, 150, 90, 80, 80, 90, 90, 90]
    table = Tab(data, colWidths=widths)
    merges = [("SPAN", (c, 0), (c, 1)) for c in range(5)] + [("SPAN", (5, 0), (7, 0))]
    table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *merges])
    story.append(table)
    doc.build(story)
