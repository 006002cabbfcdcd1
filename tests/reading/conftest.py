"""The worked example's published text, shipped with the tests (the source of the bundled plan)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SOURCE_TEXT = DATA / "bac-kan-2024-plan.vi.txt"


@pytest.fixture
def source_text() -> Path:
    return SOURCE_TEXT


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


@pytest.fixture(scope="session")
def word_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worked example as a Word file (built once per session)."""
    pytest.importorskip("docx")
    path = tmp_path_factory.mktemp("docx") / "ke-hoach.docx"
    build_docx(SOURCE_TEXT.read_text(encoding="utf-8"), path)
    return path
