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
import sys
from collections.abc import Callable, Sequence

from mdpoverty.cli import households, plans, reading, report
from mdpoverty.cli._common import EXIT_INTERNAL, EXIT_UNREADABLE, FORMATTER, check_output, emit
from mdpoverty.cli.plans import EXAMPLE_NAMES, KINDS, LEVELS, template_text
from mdpoverty.errors import MdpovertyError, PlanFileError

__all__ = ["KINDS", "LEVELS", "build_parser", "main", "template_text"]

_DESCRIPTION = """\
Vietnamese multidimensional-poverty reduction plans as typed, checkable data.

A PLAN is a plan file (.yaml, .yml or .json); `--example NAME` may stand for it, to use a plan
bundled with mdpoverty ({examples})."""

_EPILOG = """\
examples:
  mdpoverty new -o plan.yaml                  start a plan from the commented template
  mdpoverty check plan.yaml                   what is malformed or inconsistent in it
  mdpoverty check --example bac-kan-2024      the findings in the bundled Bắc Kạn plan
  mdpoverty annex plan.yaml                   its annex, as the document prints it
  mdpoverty annex plan.yaml --format xlsx -o annex.xlsx
  mdpoverty import-annex plan.yaml annex.xlsx -o plan.yaml --force
  mdpoverty import ke-hoach.docx -o draft.yaml   a published document into a traced draft
  mdpoverty schema -o plan.schema.json        the JSON Schema, for editors
  mdpoverty households classify review.parquet --year 2027 -o counts.csv
  mdpoverty households measures review.parquet --year 2027 --k 1/3 -o measures.csv

  mdpoverty report plan.yaml -o report.html   tables, charts and findings in one page
  mdpoverty chart plan.yaml --what rates -o rates.png

A command that writes FILE (-o) refuses to replace an existing file without --force.

exit status:
  0  all went well (check: no error-level finding)
  1  check found error-level findings in the plan
  2  unreadable input, an output that cannot be written, or a wrong command line
  3  an internal error of mdpoverty (a bug; please report the one-line message)

`mdpoverty COMMAND --help` describes each command."""

_GROUPS = (plans, reading, households, report)

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    name: handler for group in _GROUPS for name, handler in group.COMMANDS.items()
}


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser (the documentation generates the command reference from it).

    >>> build_parser().prog
    'mdpoverty'
    """
    parser = argparse.ArgumentParser(
        prog="mdpoverty",
        description=_DESCRIPTION.format(examples=EXAMPLE_NAMES),
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in _GROUPS:
        group.add_commands(commands)
    return parser


def _version() -> str:
    from mdpoverty import __version__  # noqa: PLC0415  (the package imports this module's peers)

    return __version__


def _tolerate_narrow_terminals() -> None:
    """Let argparse's own help and messages through a terminal that cannot show Vietnamese."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mdpoverty`` command with ``argv`` (default: the process's arguments).

    Returns:
        The exit status: 0 success, 1 error-level findings (``check``), 2 unreadable input, an
        unwritable output or a wrong command line, 3 an internal error (a bug).
    """
    _tolerate_narrow_terminals()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error argparse has printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_UNREADABLE
    try:
        check_output(getattr(args, "output", None), force=getattr(args, "force", False))
        return _COMMANDS[args.command](args)
    except PlanFileError as error:
        emit(f"{error}\n", sys.stderr)
    except (MdpovertyError, OSError) as error:
        emit(f"mdpoverty {args.command}: error: {error}\n", sys.stderr)
    except Exception as error:
        message = " ".join(str(error).split())[:300]
        emit(
            f"mdpoverty {args.command}: internal error: {type(error).__name__}: {message} "
            "(this is a bug in mdpoverty; please report it with the command line)\n",
            sys.stderr,
        )
        return EXIT_INTERNAL
    return EXIT_UNREADABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
