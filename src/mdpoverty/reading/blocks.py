"""The one form every reader produces: a document's paragraphs and tables, each with its place.

A reader (plain text, Word, Excel, PDF) turns its file into a list of :class:`Paragraph` and
:class:`Table` blocks in reading order, and the interpreter (``mdpoverty.reading.interpret``)
reads the draft document from that list alone: the interpreter never knows the file format, and
a reader never interprets.  Text is kept as printed (NFC, legacy encodings converted), so that
every value the interpreter takes can show the text it was read from.
"""

from __future__ import annotations

import attrs

from mdpoverty.i18n import Lang, _, localize

__all__ = ["Block", "Cell", "Paragraph", "Place", "Table"]


@attrs.frozen
class Place:
    """Where a text stands in its file: the part (page, sheet or table), and the row and column
    of a table cell, or the paragraph (a line of a text file, a paragraph of a Word file)."""

    file: str
    # A message such as "page 3", "sheet Biểu 1", "table 2" (so that it can be said in either
    # language); "" where the file has no parts.
    part: str = ""
    row: int | None = None  # 1-based, in the table
    column: int | None = None  # 1-based, in the table
    paragraph: int | None = None  # 1-based: line of a text file, paragraph of a Word file

    def __str__(self) -> str:
        return self.localized("en")

    def localized(self, lang: Lang) -> str:
        """The place in ``lang``: ``file: page 3, table 1, row 4, column 2``."""
        steps = [localize(self.part, lang)] if self.part else []
        if self.row is not None:
            steps.append(localize(_("row {n}", n=self.row), lang))
        if self.column is not None:
            steps.append(localize(_("column {n}", n=self.column), lang))
        if self.paragraph is not None:
            steps.append(localize(_("paragraph {n}", n=self.paragraph), lang))
        return f"{self.file}: {', '.join(steps)}" if steps else self.file


@attrs.frozen
class Paragraph:
    """A paragraph as printed, and whether a blank line (an empty paragraph) stands before it."""

    text: str
    place: Place
    after_blank: bool = False


@attrs.frozen
class Cell:
    """A table cell as printed.  A merged cell covers several grid positions: each of them
    holds the same text and names the merge's first position in ``origin`` (row, column)."""

    text: str
    place: Place
    origin: tuple[int, int] | None = None  # the merge's top-left (row, column); None: itself

    @property
    def merged(self) -> bool:
        """Whether this position is covered by a merge that starts elsewhere."""
        return self.origin is not None and self.origin != (self.place.row, self.place.column)


@attrs.frozen
class Table:
    """A table as a grid of cells, every row as long as the widest (short rows padded with
    empty cells), and where it stands."""

    rows: tuple[tuple[Cell, ...], ...]
    place: Place
    landscape: bool = False  # printed in a landscape section (Word) or page (PDF)


Block = Paragraph | Table
"""A block of a document: a paragraph or a table."""
