"""The reading command: ``import``, a published document (Word, Excel, PDF, text) into a draft.

The readers (:mod:`mdpoverty.reading`, the ``read`` extra for Word and PDF) load only when the
command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from mdpoverty.cli._common import (
    EXIT_OK,
    FORMATTER,
    emit,
    examples,
    force_argument,
    lang_argument,
    say,
)
from mdpoverty.cli.plans import KINDS
from mdpoverty.i18n import Lang, _, _n, localize

__all__ = ["COMMANDS", "add_commands"]


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    """Add ``import`` to ``commands``, its help in ``lang``."""
    said = say(lang)
    published = commands.add_parser(
        "import",
        help=said(_("read a published document (Word, Excel, PDF, text) into a draft")),
        description=said(
            _(
                "Read FILE as it is published (.docx, .xlsx, text .pdf, or .txt as Word exports "
                "it) into a draft document: the header, legal bases, annex, components' funding "
                "and stated targets, every value with its source (file, table or page, row, "
                "column or paragraph, and the text as printed) as a comment on its line and in "
                "OUTPUT's .sources.csv sidecar.  What cannot be read is listed as a gap, never "
                "filled in.  Needs the `read` extra for .docx and .pdf."
            )
        ),
        epilog=examples(
            lang,
            "mdpoverty import ke-hoach.docx -o draft.yaml",
            "mdpoverty import ke-hoach.txt -o draft.yaml --kind plan && mdpoverty check draft.yaml",
        ),
        formatter_class=FORMATTER,
    )
    published.add_argument("file", metavar="FILE", help=said(_("the published document")))
    published.add_argument(
        "-o", "--output", metavar="DRAFT", required=True, help=said(_("the draft to write (.yaml)"))
    )
    published.add_argument(
        "--kind",
        choices=KINDS,
        default=None,
        help=said(_("the kind of document (default: its title)")),
    )
    force_argument(published, lang)
    lang_argument(published, lang)


def _import_published(args: argparse.Namespace) -> int:
    from mdpoverty.reading import read_published, write_draft  # noqa: PLC0415

    draft = read_published(args.file, args.kind)
    sidecar = write_draft(draft, args.output)
    read = _(
        "{draft}: {values}, {gaps}; sources in {sidecar}",
        draft=args.output,
        values=_n("{n} value read", "{n} values read", len(draft.sources)),
        gaps=_n("{n} gap", "{n} gaps", len(draft.gaps)),
        sidecar=str(sidecar),
    )
    emit(f"{localize(read, args.lang)}\n", sys.stderr)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"import": _import_published}
"""The reading command's handler: the exit status."""
