"""What every command group of the command line shares: the exit statuses, the language of
the command (``--lang``), checking and writing the output, and printing to a terminal that may
not show Vietnamese."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from mdpoverty.errors import OutputError
from mdpoverty.i18n import ENV_VAR, LANGS, Lang, _, localize
from mdpoverty.io._atomic import write_text_atomically

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "FORMATTER",
    "asked_language",
    "check_output",
    "emit",
    "emit_json",
    "error_line",
    "examples",
    "force_argument",
    "format_argument",
    "lang_argument",
    "say",
    "usage_error",
    "without_diacritics",
    "write_text",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 3

FORMATTER = argparse.RawDescriptionHelpFormatter
"""Every parser's formatter: descriptions and examples keep their line breaks."""


def say(lang: Lang) -> Callable[[str], str]:
    """A function that says a message in ``lang``: the parsers are built with its texts."""

    def said(text: str) -> str:
        return localize(text, lang)

    return said


def asked_language(argv: Sequence[str]) -> str | None:
    """The language ``argv`` asks for with ``--lang LANG`` or ``--lang=LANG``, read before the
    parser is built, so that its help is in that language; None without one (or with a value
    that is not a language: the parser then says so).

    >>> asked_language(["check", "plan.yaml", "--lang", "en"]), asked_language(["--lang=vi"])
    ('en', 'vi')
    >>> asked_language(["check", "--", "--lang", "en"]) is None
    True
    """
    asked: str | None = None
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            asked = argv[index + 1]
        elif word.startswith("--lang="):
            asked = word.partition("=")[2]
    return asked if asked in LANGS else None


def lang_argument(parser: argparse.ArgumentParser, lang: Lang, *, top: bool = False) -> None:
    """``--lang vi|en``, the language of the help and of every text the command writes.

    The top parser holds the default, ``lang`` (the language the command line asked for, else
    the environment's); a command's own ``--lang`` sets it only when given, so that
    ``mdpoverty --lang en check …`` and ``mdpoverty check … --lang en`` agree.
    """
    said = say(lang)
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=lang if top else argparse.SUPPRESS,
        help=said(
            _(
                "the language of the help and of what the command writes (default: "
                "{variable}, else the locale's, else vi)",
                variable=ENV_VAR,
            )
        ),
    )


def examples(lang: Lang, *lines: str | tuple[str, str]) -> str:
    """An ``examples:`` block of a help, in ``lang``: each line a command, or a command and
    what it does (a message), the descriptions aligned; ``""`` a blank line.

    >>> print(examples("en", "mdpoverty schema", ("mdpoverty new", _("a template"))))
    examples:
      mdpoverty schema
      mdpoverty new                                 a template
    """
    said = say(lang)
    out = [said(_("examples:"))]
    for line in lines:
        if isinstance(line, str):
            out.append(f"  {line}" if line else "")
        else:
            command, what = line
            out.append(f"  {command.ljust(_EXAMPLE_WIDTH)}  {said(what)}")
    return "\n".join(out)


# The width of an example's command before what it does (at least two spaces apart).
_EXAMPLE_WIDTH = 42


def force_argument(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """``--force``: without it, a command refuses to replace an existing output file."""
    parser.add_argument(
        "--force", action="store_true", help=localize(_("replace FILE if it exists"), lang)
    )


def check_output(output: str | None, *, force: bool = False) -> None:
    """Refuse an output path that cannot be a file, or that exists without ``force``, before
    reading or computing anything."""
    if output is None:
        return
    if not output.strip():
        raise OutputError(_("-o needs a file name, not an empty one"))
    target = Path(output)
    if target.is_dir() or output.endswith(("/", os.sep)):
        raise OutputError(_("{output} is a folder; -o needs a file name", output=output))
    folder = Path(os.path.realpath(target)).parent
    if not folder.is_dir():
        raise OutputError(
            _(
                "cannot write {output}: the folder {folder} does not exist",
                output=output,
                folder=str(folder),
            )
        )
    if not force and os.path.lexists(target):
        raise OutputError(_("{output} exists; use --force to replace it", output=output))


def write_text(text: str, output: str | None, *, encoding: str = "utf-8") -> None:
    """``text`` into ``output`` (replaced whole), or to standard output without one."""
    if output is None:
        emit(text, sys.stdout)
        return
    write_text_atomically(output, text, encoding=encoding)


def error_line(command: str, message: str, lang: Lang) -> str:
    """``message`` as argparse prints a usage error, in ``lang``: a line."""
    prog = f"mdpoverty {command}".strip()
    return localize(_("{prog}: error: {message}", prog=prog, message=message), lang) + "\n"


def usage_error(command: str, message: str, lang: Lang, stream: TextIO | None = None) -> int:
    """Print ``message`` as argparse prints a usage error; the exit status 2."""
    emit(error_line(command, message, lang), stream or sys.stderr)
    return EXIT_UNREADABLE


def format_argument(
    parser: argparse.ArgumentParser, choices: tuple[str, ...], help_text: str, lang: Lang
) -> None:
    """The ``--format`` option of a command: ``choices``, the first the default; ``help_text``
    in ``lang``."""
    parser.add_argument(
        "--format",
        choices=choices,
        default=choices[0],
        help=localize(_("{what} (default: %(default)s)", what=help_text), lang),
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


def without_diacritics(text: str) -> str:
    """``text`` with its Vietnamese letters as their plain Latin letters.

    >>> without_diacritics("Phường Đức Xuân")
    'Phuong Duc Xuan'
    """
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def emit(text: str, stream: TextIO) -> None:
    """Write ``text``; on a terminal that cannot show Vietnamese, without its diacritics."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = without_diacritics(text).encode(encoding, "replace").decode(encoding)
    stream.write(text)
