"""What every command group of the command line shares: the exit statuses, checking and
writing the output, and printing to a terminal that may not show Vietnamese."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from pathlib import Path
from typing import TextIO

from mdpoverty.errors import OutputError
from mdpoverty.io._atomic import write_text_atomically

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "FORMATTER",
    "check_output",
    "emit",
    "emit_json",
    "force_argument",
    "format_argument",
    "usage_error",
    "write_text",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 3

FORMATTER = argparse.RawDescriptionHelpFormatter
"""Every parser's formatter: descriptions and examples keep their line breaks."""


def force_argument(parser: argparse.ArgumentParser) -> None:
    """``--force``: without it, a command refuses to replace an existing output file."""
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def check_output(output: str | None, *, force: bool = False) -> None:
    """Refuse an output path that cannot be a file, or that exists without ``force``, before
    reading or computing anything."""
    if output is None:
        return
    if not output.strip():
        raise OutputError("-o needs a file name, not an empty one")
    target = Path(output)
    if target.is_dir() or output.endswith(("/", os.sep)):
        raise OutputError(f"{output} is a folder; -o needs a file name")
    folder = Path(os.path.realpath(target)).parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {output}: the folder {folder} does not exist")
    if not force and os.path.lexists(target):
        raise OutputError(f"{output} exists; use --force to replace it")


def write_text(text: str, output: str | None, *, encoding: str = "utf-8") -> None:
    """``text`` into ``output`` (replaced whole), or to standard output without one."""
    if output is None:
        emit(text, sys.stdout)
        return
    write_text_atomically(output, text, encoding=encoding)


def usage_error(command: str, message: str, stream: TextIO | None = None) -> int:
    """Print ``message`` as argparse prints a usage error; the exit status 2."""
    emit(f"mdpoverty {command}: error: {message}\n", stream or sys.stderr)
    return EXIT_UNREADABLE


def format_argument(
    parser: argparse.ArgumentParser, choices: tuple[str, ...], help_text: str
) -> None:
    """The ``--format`` option of a command: ``choices``, the first the default."""
    parser.add_argument(
        "--format", choices=choices, default=choices[0], help=f"{help_text} (default: %(default)s)"
    )


def emit_json(lines: list[str], stream: TextIO) -> None:
    """Write JSON texts, a line each; on a terminal that cannot show Vietnamese, with its
    letters escaped (``\\u1ea1``), never changed: JSON is for programs, which read both."""
    text = "".join(f"{line}\n" for line in lines)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = "".join(f"{json.dumps(json.loads(line))}\n" for line in lines)
    stream.write(text)


def emit(text: str, stream: TextIO) -> None:
    """Write ``text``; on a terminal that cannot show Vietnamese, without its diacritics."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        text = plain.encode(encoding, "replace").decode(encoding)
    stream.write(text)
