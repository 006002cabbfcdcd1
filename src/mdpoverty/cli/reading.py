"""The reading command: ``import``, a published document (Word, Excel, PDF, text) into a draft.

The readers (:mod:`mdpoverty.reading`, the ``read`` extra for Word and PDF) load only when the
command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from mdpoverty.cli._common import EXIT_OK, FORMATTER, emit, force_argument
from mdpoverty.cli.plans import KINDS

__all__ = ["COMMANDS", "add_commands"]


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import`` to ``commands``."""
    published = commands.add_parser(
        "import",
        help="read a published document (Word, Excel, PDF, text) into a draft",
        description="Read FILE as it is published (.docx, .xlsx, text .pdf, or .txt as Word "
        "exports it) into a draft document: the header, legal bases, annex, components' "
        "funding and stated targets, every value with its source (file, table or page, row, "
        "column or paragraph, and the text as printed) as a comment on its line and in "
        "OUTPUT's .sources.csv sidecar.  What cannot be read is listed as a gap, never filled "
        "in.  Needs the `read` extra for .docx and .pdf.",
        epilog="examples:\n"
        "  mdpoverty import ke-hoach.docx -o draft.yaml\n"
        "  mdpoverty import ke-hoach.txt -o draft.yaml --kind plan && mdpoverty check draft.yaml",
        formatter_class=FORMATTER,
    )
    published.add_argument("file", metavar="FILE", help="the published document")
    published.add_argument(
        "-o", "--output", metavar="DRAFT", required=True, help="the draft to write (.yaml)"
    )
    published.add_argument(
        "--kind", choices=KINDS, default=None, help="the kind of document (default: its title)"
    )
    force_argument(published)


def _import_published(args: argparse.Namespace) -> int:
    from mdpoverty.reading import read_published, write_draft  # noqa: PLC0415

    draft = read_published(args.file, args.kind)
    sidecar = write_draft(draft, args.output)
    emit(
        f"{args.output}: {len(draft.sources)} values read, {len(draft.gaps)} gaps; "
        f"sources in {sidecar}\n",
        sys.stderr,
    )
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"import": _import_published}
"""The reading command's handler: the exit status."""
