"""Reading documents as they are published (plain text, Word, Excel, PDF) into a draft.

Each reader turns its file into one intermediate form, a list of paragraphs and tables with
their places (:mod:`mdpoverty.reading.blocks`); one interpreter reads the draft document from
that form (``mdpoverty.reading.interpret``), every value traced to the words it was read from
and every value it could not read listed as a gap (:class:`Draft`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mdpoverty.errors import FileProblem, PlanFileError
from mdpoverty.i18n import Lang, _, language
from mdpoverty.reading.blocks import Block, Cell, Paragraph, Place, Table
from mdpoverty.reading.draft import Draft, Gap, Trace, draft_yaml, sources_csv, sources_path

__all__ = [
    "Block",
    "Cell",
    "Draft",
    "Gap",
    "Paragraph",
    "Place",
    "Table",
    "Trace",
    "draft_yaml",
    "read_blocks",
    "read_published",
    "sources_csv",
    "sources_path",
    "write_draft",
]

_OLD_FORMATS = {
    ".doc": _(
        "is an old Word (.doc) file: open it in Word or LibreOffice, save it as .docx, "
        "and import that"
    ),
    ".xls": _(
        "is an old Excel (.xls) file: open it in Excel or LibreOffice, save it as .xlsx, "
        "and import that"
    ),
    ".rtf": _(
        "is a Rich Text file: open it in Word or LibreOffice, save it as .docx, and import that"
    ),
}


def read_blocks(path: str | os.PathLike[str]) -> list[Block]:
    """The paragraphs and tables of the published file ``path`` (``.txt``, ``.docx``,
    ``.xlsx`` or ``.pdf``), each with its place.

    Raises:
        mdpoverty.errors.PlanFileError: The file is of a format that cannot be read (an old
            ``.doc`` or ``.xls``, a scanned PDF), saying what to do.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix in _OLD_FORMATS:
        raise PlanFileError(str(file), [FileProblem("", _OLD_FORMATS[suffix])])
    if suffix in (".txt", ".text", ".md"):
        from mdpoverty.reading.text import read_text  # noqa: PLC0415

        return read_text(file)
    if suffix == ".docx":
        from mdpoverty.reading.docx import read_docx  # noqa: PLC0415  (python-docx on use)

        return read_docx(file)
    if suffix == ".xlsx":
        from mdpoverty.reading.xlsx import read_xlsx  # noqa: PLC0415  (openpyxl on use)

        return read_xlsx(file)
    if suffix == ".pdf":
        from mdpoverty.reading.pdf import read_pdf  # noqa: PLC0415  (pdfplumber on use)

        return read_pdf(file)
    raise PlanFileError(
        str(file),
        [
            FileProblem(
                "",
                _("has the extension {suffix!r}; use .docx, .xlsx, .pdf or .txt", suffix=suffix),
                code="bad-extension",
            )
        ],
    )


def read_published(path: str | os.PathLike[str], kind: str | None = None) -> Draft:
    """The draft document that the published file ``path`` prints: its plan-file data, the
    source of every value (``Draft.sources``) and what could not be read
    (``Draft.gaps``).  The data always loads as a document
    (:func:`mdpoverty.io.files.plan_from_data`): a value the model refuses is taken out and
    listed as a gap.

    ``kind`` (``plan``, ``review``, ``report``) overrides the kind read from the title.
    """
    from mdpoverty.reading.interpret import interpret  # noqa: PLC0415

    draft = interpret(read_blocks(path), Path(path).name, kind)
    return _loadable(draft)


def _loadable(draft: Draft) -> Draft:
    from mdpoverty.io.files import plan_from_data  # noqa: PLC0415

    data = draft.data
    gaps = list(draft.gaps)
    for _round in range(20):  # each round takes out every value refused; a few rounds at most
        try:
            plan_from_data(data, draft.file)
        except PlanFileError as error:
            refused = [p for p in error.problems if p.path]
            if not refused:
                raise
            dropped = False
            for problem in refused:
                steps: list[str | int] = [
                    int(s) if s.isdigit() else s for s in problem.path.split("/")
                ]
                if _drop(data, steps):
                    dropped = True
                    reason = _("read but refused: {reason}", reason=problem.reason)
                    gaps.append(Gap(tuple(steps), reason))
            if not dropped:
                raise
            continue
        break
    keep = {g.path for g in gaps}
    sources = tuple(t for t in draft.sources if not any(t.path[: len(k)] == k for k in keep))
    return Draft(data, sources, tuple(gaps), draft.file)


def _drop(data: Any, steps: list[str | int]) -> bool:
    node = data
    for step in steps[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return False
    try:
        del node[steps[-1]]
    except (KeyError, IndexError, TypeError):
        return False
    return True


def write_draft(draft: Draft, output: str | os.PathLike[str], lang: Lang | None = None) -> Path:
    """Write ``draft`` to ``output`` (YAML, each value's source on its line) and its sources
    beside it (``<name>.sources.csv``), what a person reads in them in ``lang`` (by default
    :func:`~mdpoverty.i18n.language`); returns the sidecar's path."""
    from mdpoverty.io._atomic import write_text_atomically  # noqa: PLC0415

    lang = language(lang)
    sidecar = sources_path(output)
    write_text_atomically(Path(output), draft_yaml(draft, lang))
    write_text_atomically(sidecar, sources_csv(draft, lang))
    return sidecar
