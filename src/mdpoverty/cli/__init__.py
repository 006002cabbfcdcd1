"""The ``mdpoverty`` command: check a plan file, print its annex, start a new plan, the schema,
household counts and measures, the report and its charts.

One module per command group, each with ``add_commands`` (its arguments) and ``COMMANDS`` (its
handlers): ``cli.plans`` (``check``, ``annex``, ``new``, ``schema``, ``import-annex``),
``cli.households`` and ``cli.report`` (``report``, ``chart``); ``cli._common`` holds what they
share.  A group loads its heavy dependencies (pandas, matplotlib) only when
one of its commands runs.

Exit status: 0 when all went well (``check``: no error-level finding), 1 when ``check`` finds
an error in the plan, 2 when the input cannot be read, the output cannot be written or the
command line is wrong, 3 when mdpoverty itself fails (a bug: the one-line message goes to
standard error, never a traceback).

>>> main(["annex", "--example", "bac-kan-2024", "--format", "csv"])  # doctest: +ELLIPSIS
id,STT,Tên đơn vị,Tổng số hộ dân đầu năm 2024 (hộ),...
0
"""

from __future__ import annotations

import argparse
import codecs
import errno
import sys
from collections.abc import Callable, Sequence

from mdpoverty.cli import households, plans, reading, report
from mdpoverty.cli._argparse_texts import speaking
from mdpoverty.cli._common import (
    EXIT_INTERNAL,
    EXIT_UNREADABLE,
    FORMATTER,
    asked_language,
    check_output,
    emit,
    error_line,
    examples,
    lang_argument,
    say,
    without_diacritics,
)
from mdpoverty.cli.plans import EXAMPLE_NAMES, KINDS, LEVELS, template_text
from mdpoverty.errors import MdpovertyError, PlanFileError
from mdpoverty.i18n import Lang, Message, _, language, localize

__all__ = ["KINDS", "LEVELS", "build_parser", "main", "template_text"]

_GROUPS = (plans, reading, households, report)

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    name: handler for group in _GROUPS for name, handler in group.COMMANDS.items()
}


def _epilog(lang: Lang) -> str:
    said = say(lang)
    return "\n\n".join(
        (
            examples(
                lang,
                ("mdpoverty new -o plan.yaml", _("start a plan from the commented template")),
                ("mdpoverty check plan.yaml", _("what is malformed or inconsistent in it")),
                (
                    "mdpoverty check --example bac-kan-2024",
                    _("the findings in the bundled Bắc Kạn plan"),
                ),
                ("mdpoverty annex plan.yaml", _("its annex, as the document prints it")),
                "mdpoverty annex plan.yaml --format xlsx -o annex.xlsx",
                "mdpoverty import-annex plan.yaml annex.xlsx -o plan.yaml --force",
                (
                    "mdpoverty import ke-hoach.docx -o draft.yaml",
                    _("a published document into a traced draft"),
                ),
                ("mdpoverty schema -o plan.schema.json", _("the JSON Schema, for editors")),
                "mdpoverty households classify review.parquet --year 2027 -o counts.csv",
                "mdpoverty households measures review.parquet --year 2027 --k 1/3 -o measures.csv",
                "",
                (
                    "mdpoverty report plan.yaml -o report.html",
                    _("tables, charts and findings in one page"),
                ),
                "mdpoverty chart plan.yaml --what rates -o rates.png",
                ("mdpoverty check plan.yaml --lang en", _("the findings in English")),
            ),
            said(
                _(
                    "A command that writes FILE (-o) refuses to replace an existing file "
                    "without --force."
                )
            ),
            said(
                _(
                    "The language of the help and of what a command writes: --lang vi or en, "
                    "else the environment variable MDPOVERTY_LANG, else the locale's (LANG: "
                    "vi_VN… Vietnamese, any other language English), else Vietnamese."
                )
            ),
            said(
                _(
                    "exit status:\n"
                    "  0  all went well (check: no error-level finding)\n"
                    "  1  check found error-level findings in the plan\n"
                    "  2  unreadable input, an output that cannot be written, or a wrong command "
                    "line\n"
                    "  3  an internal error of mdpoverty (a bug; please report the one-line "
                    "message)"
                )
            ),
            said(_("`mdpoverty COMMAND --help` describes each command.")),
        )
    )


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser, its help in ``lang`` (by default
    :func:`~mdpoverty.i18n.language`; the documentation generates the command reference from
    it in English).

    argparse's own headings (``options``) are in ``lang`` too; the words argparse writes when
    it prints the usage or an error (``usage:``, ``error:``) are in the language of the block of
    ``mdpoverty.cli._argparse_texts.speaking`` it prints them in (:func:`main` runs in one), in
    English outside one.

    >>> build_parser().prog
    'mdpoverty'
    """
    chosen = language(lang)
    said = say(chosen)
    with speaking(chosen):
        parser = argparse.ArgumentParser(
            prog="mdpoverty",
            description=said(
                _(
                    "Vietnamese multidimensional-poverty reduction plans as typed, checkable "
                    "data.\n\n"
                    "A PLAN is a plan file (.yaml, .yml or .json); `--example NAME` may stand for "
                    "it, to use a plan bundled with mdpoverty ({examples}).",
                    examples=EXAMPLE_NAMES,
                )
            ),
            epilog=_epilog(chosen),
            formatter_class=FORMATTER,
        )
        parser.add_argument(
            "--version",
            action="version",
            version=f"%(prog)s {_version()}",
            help=said(_("show the version of mdpoverty and exit")),
        )
        lang_argument(parser, chosen, top=True)
        commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
        for group in _GROUPS:
            group.add_commands(commands, chosen)
    return parser


def _version() -> str:
    from mdpoverty import __version__  # noqa: PLC0415  (the package imports this module's peers)

    return __version__


def _plain_letters(error: UnicodeError) -> tuple[str, int]:
    """An encoding's error handler: a letter the terminal cannot show as its plain letter
    (``ư`` as ``u``), any other character as ``?``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = without_diacritics(error.object[error.start : error.end])
    return text.encode("ascii", "replace").decode("ascii"), error.end


_PLAIN_LETTERS = "mdpoverty-plain-letters"
codecs.register_error(_PLAIN_LETTERS, _plain_letters)


def _tolerate_narrow_terminals() -> None:
    """Let argparse's help and messages, Vietnamese included, through a terminal that cannot
    show Vietnamese: without their diacritics, as :func:`~mdpoverty.cli._common.emit` writes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=_PLAIN_LETTERS)


# What the system says of a file it cannot read or write, for the common reasons (the others
# in the system's own words).
_OS_REASONS: dict[int, Message] = {
    errno.ENOENT: _("no such file or folder"),
    errno.EACCES: _("permission denied"),
    errno.EPERM: _("operation not permitted"),
    errno.EISDIR: _("it is a folder"),
    errno.ENOTDIR: _("a part of the path is not a folder"),
    errno.ENOSPC: _("no space left on the device"),
    errno.EROFS: _("the file system is read-only"),
    errno.EEXIST: _("the file exists"),
}


def _os_error(error: OSError) -> str:
    """What went wrong with a file, as a message where the reason is a common one."""
    reason: str = _OS_REASONS.get(error.errno or 0) or error.strerror or str(error)
    if error.filename is None:
        return reason
    return _("{file}: {reason}", file=str(error.filename), reason=reason)


def _run(args: argparse.Namespace) -> int:
    """The command's handler, its errors printed in the language of the command."""
    lang: Lang = args.lang
    command: str = args.command
    try:
        check_output(getattr(args, "output", None), force=getattr(args, "force", False))
        return _COMMANDS[args.command](args)
    except PlanFileError as error:
        emit(f"{error.text(lang)}\n", sys.stderr)
    except MdpovertyError as error:
        emit(error_line(command, error.text(lang), lang), sys.stderr)
    except OSError as error:
        emit(error_line(command, localize(_os_error(error), lang), lang), sys.stderr)
    except Exception as error:
        message = " ".join(str(error).split())[:300]
        emit(
            error_line(
                command,
                localize(
                    _(
                        "internal error: {kind}: {message} (this is a bug in mdpoverty; please "
                        "report it with the command line)",
                        kind=type(error).__name__,
                        message=message,
                    ),
                    lang,
                ),
                lang,
            ),
            sys.stderr,
        )
        return EXIT_INTERNAL
    return EXIT_UNREADABLE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mdpoverty`` command with ``argv`` (default: the process's arguments).

    The language of its help, output and messages is ``--lang`` (read before anything else),
    else :func:`~mdpoverty.i18n.language`'s: the environment variable ``MDPOVERTY_LANG``, the
    locale, Vietnamese.

    Returns:
        The exit status: 0 success, 1 error-level findings (``check``), 2 unreadable input, an
        unwritable output or a wrong command line (or a wrong ``MDPOVERTY_LANG``), 3 an
        internal error (a bug).
    """
    _tolerate_narrow_terminals()
    words = sys.argv[1:] if argv is None else list(argv)
    try:
        lang = language(asked_language(words))
    except MdpovertyError as error:  # MDPOVERTY_LANG names no language: said in both
        for lang in ("vi", "en"):
            emit(error_line("", error.text(lang), lang), sys.stderr)
        return EXIT_UNREADABLE
    with speaking(lang):
        parser = build_parser(lang)
        try:
            args = parser.parse_args(words)
        except SystemExit as exit_:  # --help, --version, or a usage error argparse has printed
            return exit_.code if isinstance(exit_.code, int) else EXIT_UNREADABLE
    # An abbreviated --lang (--la en) is known only now.
    with speaking(args.lang):
        return _run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
