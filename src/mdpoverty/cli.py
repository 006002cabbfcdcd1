"""The ``mdpoverty`` command: check a plan file, print its annex, start a new plan, the schema.

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
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TextIO

from mdpoverty.errors import MdpovertyError, PlanFileError, UnknownNameError
from mdpoverty.io._atomic import write_text_atomically
from mdpoverty.io.files import format_of, load_plan, update_plan
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import EXAMPLES, example
from mdpoverty.report.cli import add_report_commands, run_chart, run_report

__all__ = ["KINDS", "LEVELS", "build_parser", "main", "template_text"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 3

_EXAMPLES = ", ".join(EXAMPLES)

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
  mdpoverty import-annex plan.yaml annex.xlsx -o plan.yaml
  mdpoverty schema -o plan.schema.json        the JSON Schema, for editors
  mdpoverty households classify review.parquet --year 2027 -o counts.csv
  mdpoverty households measures review.parquet --year 2027 --k 1/3 -o measures.csv

  mdpoverty report plan.yaml -o report.html   tables, charts and findings in one page
  mdpoverty chart plan.yaml --what rates -o rates.png

exit status:
  0  all went well (check: no error-level finding)
  1  check found error-level findings in the plan
  2  unreadable input, an output that cannot be written, or a wrong command line
  3  an internal error of mdpoverty (a bug; please report the one-line message)

`mdpoverty COMMAND --help` describes each command."""


def _plan_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("plan", nargs="?", metavar="PLAN", help="a plan file (.yaml or .json)")
    source.add_argument(
        "--example",
        metavar="NAME",
        choices=sorted(EXAMPLES),
        help=f"a plan bundled with mdpoverty instead of a file: {_EXAMPLES}",
    )


def _output_argument(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"write {what} to FILE (replaced whole, or left as it was on failure) "
        "instead of standard output",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser (the documentation generates the command reference from it).

    >>> build_parser().prog
    'mdpoverty'
    """
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="mdpoverty",
        description=_DESCRIPTION.format(examples=_EXAMPLES),
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="report what is inconsistent in a plan",
        description="Load PLAN (reporting every problem of form, with its place in the file) "
        "and report every finding of the consistency checks: totals that do not add up, "
        "rates that disagree with the counts, dates out of order, unknown references.\n\n"
        "Exit status: 0 without error-level findings, 1 with, 2 when PLAN cannot be read, "
        "3 on an internal error.",
        epilog="examples:\n"
        "  mdpoverty check plan.yaml\n"
        "  mdpoverty check --example bac-kan-2024\n"
        "  mdpoverty check plan.yaml --select annex --select funding\n"
        "  mdpoverty check plan.yaml --ignore deficit.coverage",
        formatter_class=formatter,
    )
    _plan_arguments(check)
    check.add_argument(
        "--select",
        action="append",
        metavar="RULE",
        help="run only this rule or group of rules (repeatable)",
    )
    check.add_argument(
        "--ignore", action="append", metavar="RULE", help="skip this rule or group (repeatable)"
    )

    annex = commands.add_parser(
        "annex",
        help="print or export the plan's annex",
        description="The annex of PLAN (households, poor households, rates and targets per "
        "unit, and the total row), derived from its units and targets.\n\n"
        "text and markdown print numbers as the document does (12.345, 1,25; with --lang en: "
        "12,345, 1.25); csv writes plain numbers (12345, 1.25); xlsx writes the sheet in the "
        "printed layout and needs -o; docx writes a Word table in the official layout "
        "(merged headers, Times New Roman, landscape; the `read` extra) and needs -o.",
        epilog="examples:\n"
        "  mdpoverty annex plan.yaml\n"
        "  mdpoverty annex --example bac-kan-2024 --lang en --format markdown\n"
        "  mdpoverty annex --example bac-kan-2024 --format xlsx -o annex.xlsx\n"
        "  mdpoverty annex plan.yaml --format csv -o annex.csv\n"
        "  mdpoverty annex --example bac-kan-2024 --units 2025",
        formatter_class=formatter,
    )
    _plan_arguments(annex)
    annex.add_argument("--lang", choices=("vi", "en"), default="vi", help="headers (default: vi)")
    annex.add_argument(
        "--format",
        choices=("text", "csv", "markdown", "xlsx", "docx"),
        default="text",
        help="default: text",
    )
    annex.add_argument(
        "--units",
        choices=("plan", "2025"),
        default="plan",
        help="plan: the plan's own units (default); 2025: carried over into the units of "
        "1 July 2025, exact where whole units merged, marked incomplete elsewhere "
        "(text or csv)",
    )
    _output_argument(annex, "the annex")

    new = commands.add_parser(
        "new",
        help="write a commented template document file",
        description="Write a commented template file for a new document of a kind (plan, "
        "review, report) issued at a level (country, province, district, commune): every "
        "section with example values that agree, and the rules of the format. Edit it, then "
        "run `mdpoverty check` on it.  Without options: a district's plan.",
        epilog="examples:\n  mdpoverty new -o plan.yaml\n"
        "  mdpoverty new --kind review --level province -o review.yaml\n"
        "  mdpoverty new --kind plan --level commune > plan.yaml",
        formatter_class=formatter,
    )
    new.add_argument(
        "--kind", choices=KINDS, default="plan", help="the kind of document (default: plan)"
    )
    new.add_argument(
        "--level",
        choices=LEVELS,
        default="district",
        help="who issues it: the area it covers (default: district)",
    )
    _output_argument(new, "the template (a .yaml file)")
    new.add_argument("--force", action="store_true", help="replace FILE if it exists")

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of plan files",
        description="The JSON Schema (draft 2020-12) of plan files, for editors' completion "
        "and validation.",
        epilog="examples:\n  mdpoverty schema\n  mdpoverty schema -o plan.schema.json",
        formatter_class=formatter,
    )
    _output_argument(schema, "the schema")

    imports = commands.add_parser(
        "import-annex",
        help="put an annex from a spreadsheet into a plan file",
        description="Read the annex in SHEET (.xlsx or .csv; numbers as numbers or in "
        "Vietnamese notation, 2.347 and 1,15) and put it into PLAN: the units' counts, their "
        "reduction targets and the printed annex. Rows match units by id or by name, as "
        "people write it (either tone-mark placement, any case or spacing, P. for Phường); "
        "a row that matches no unit is an error, unless --add-units makes it a new unit. "
        "Every unreadable cell is reported by its reference. Where FILE is a YAML plan "
        "file, its comments, key order and layout are kept where the content did not change.",
        epilog="examples:\n"
        "  mdpoverty import-annex plan.yaml annex.xlsx -o plan.yaml\n"
        "  mdpoverty import-annex plan.yaml annex.csv -o plan-with-annex.json",
        formatter_class=formatter,
    )
    _plan_arguments(imports)
    imports.add_argument("sheet", metavar="SHEET", help="the annex (.xlsx or .csv)")
    imports.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the plan file to write (.yaml or .json; may be PLAN itself)",
    )
    imports.add_argument(
        "--add-units",
        action="store_true",
        help="add a unit for each row that matches none (its kind read from its name)",
    )
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
        formatter_class=formatter,
    )
    published.add_argument("file", metavar="FILE", help="the published document")
    published.add_argument(
        "-o", "--output", metavar="DRAFT", required=True, help="the draft to write (.yaml)"
    )
    published.add_argument(
        "--kind", choices=KINDS, default=None, help="the kind of document (default: its title)"
    )
    _register_households(commands, formatter)
    add_report_commands(commands, _plan_arguments)
    return parser


def _register_households(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    formatter: type[argparse.HelpFormatter],
) -> None:
    """``mdpoverty households classify|measures``: arguments only, no pandas."""
    from mdpoverty._households_args import register  # noqa: PLC0415  (one self-contained hook)

    register(commands, formatter)


def _version() -> str:
    from mdpoverty import __version__  # noqa: PLC0415  (the package imports this module's peers)

    return __version__


def _load(args: argparse.Namespace) -> Document:
    if args.example is not None:
        return example(args.example)
    return load_plan(args.plan)


class _OutputError(MdpovertyError, ValueError):
    """An output path that cannot be written, found before any work is done."""


def _check_output(output: str | None) -> None:
    """Refuse an output path that cannot be a file before reading or computing anything."""
    if output is None:
        return
    if not output.strip():
        raise _OutputError("-o needs a file name, not an empty one")
    target = Path(output)
    if target.is_dir() or output.endswith(("/", os.sep)):
        raise _OutputError(f"{output} is a folder; -o needs a file name")
    folder = Path(os.path.realpath(target)).parent
    if not folder.is_dir():
        raise _OutputError(f"cannot write {output}: the folder {folder} does not exist")


def _write_text(text: str, output: str | None, *, encoding: str = "utf-8") -> None:
    if output is None:
        _emit(text, sys.stdout)
        return
    write_text_atomically(output, text, encoding=encoding)


def _check(args: argparse.Namespace) -> int:
    from mdpoverty.checks import check  # noqa: PLC0415  (loaded only for this command)

    plan = _load(args)
    report = check(plan, select=args.select, ignore=args.ignore)
    _emit(f"{report}\n", sys.stdout)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _annex(args: argparse.Namespace) -> int:
    from mdpoverty import tables  # noqa: PLC0415  (pandas loads for the tables commands only)

    plan = _load(args)
    if args.units == "2025":
        return _annex_2025(plan, args)
    if args.format in {"xlsx", "docx"} and args.output is None:
        return _usage_error(
            "annex", f"--format {args.format} needs -o FILE (a .{args.format} file)"
        )
    frame = tables.annex(plan, args.lang)
    if args.format == "xlsx" and frame.attrs.get("table") == "figures":
        return _usage_error(
            "annex", "--format xlsx writes an annex of targets; this document has figures only"
        )
    if args.format == "xlsx":
        tables.write_annex_xlsx(frame, args.output)
    elif args.format == "docx":
        from mdpoverty.tables.docx import write_annex_docx  # noqa: PLC0415  (python-docx on use)

        write_annex_docx(frame, args.output)
    else:
        # A CSV file gets a byte-order mark, which Excel needs to read UTF-8 (Vietnamese) text.
        encoding = "utf-8-sig" if args.format == "csv" and args.output is not None else "utf-8"
        _write_text(tables.render(frame, args.format), args.output, encoding=encoding)
    return EXIT_OK


def _annex_2025(plan: Document, args: argparse.Namespace) -> int:
    from mdpoverty.aggregate.carry_over import carry_over, format_carried  # noqa: PLC0415

    if args.format not in {"text", "csv"}:
        return _usage_error("annex", "--units 2025 writes --format text or csv")
    frame = carry_over(plan)
    text = frame.to_csv() if args.format == "csv" else format_carried(frame, args.lang)
    _write_text(text, args.output)
    return EXIT_OK


KINDS = ("plan", "review", "report")
"""The kinds of document ``mdpoverty new`` writes a template for."""

LEVELS = ("country", "province", "district", "commune")
"""The levels of the issuing authority ``mdpoverty new`` writes a template for."""


def template_text(kind: str = "plan", level: str = "district") -> str:
    """The commented template that ``mdpoverty new --kind KIND --level LEVEL`` writes.

    Each template is the rules of the format (one text, ``templates/_format.yaml``) followed
    by a complete document of that kind and level (``templates/KIND-LEVEL.yaml``), whose
    numbers agree: ``mdpoverty check`` finds nothing in it.

    >>> from mdpoverty.io.files import read_plan_text
    >>> read_plan_text(template_text()).area.kind
    <UnitKind.DISTRICT: 'district'>
    >>> type(read_plan_text(template_text("review", "country"))).__name__
    'Review'
    """
    if kind not in KINDS or level not in LEVELS:
        raise UnknownNameError(f"no template for the kind {kind!r} at the level {level!r}")
    folder = resources.files("mdpoverty.io").joinpath("data", "templates")
    rules = folder.joinpath("_format.yaml").read_text("utf-8")
    return rules + folder.joinpath(f"{kind}-{level}.yaml").read_text("utf-8")


def _new(args: argparse.Namespace) -> int:
    if args.output is not None:
        if format_of(args.output) != "yaml":
            return _usage_error("new", "the template is YAML: give FILE the extension .yaml")
        if Path(args.output).exists() and not args.force:
            return _usage_error("new", f"{args.output} exists; use --force to replace it")
    _write_text(template_text(args.kind, args.level), args.output)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from mdpoverty.io.schema import schema_text  # noqa: PLC0415

    _write_text(schema_text(), args.output)
    return EXIT_OK


def _import_annex(args: argparse.Namespace) -> int:
    from mdpoverty.tables import import_annex  # noqa: PLC0415

    format_of(args.output)  # refuse a wrong extension before reading anything
    plan = import_annex(_load(args), args.sheet, add_units=args.add_units)
    # A YAML plan keeps the comments and layout of the file it came from.
    update_plan(plan, args.output, like=args.plan)
    return EXIT_OK


def _usage_error(command: str, message: str, stream: TextIO | None = None) -> int:
    _emit(f"mdpoverty {command}: error: {message}\n", stream or sys.stderr)
    return EXIT_UNREADABLE


def _households(args: argparse.Namespace) -> int:
    from mdpoverty.households._cli import run  # noqa: PLC0415

    _write_text(run(args), args.output)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    _write_text(run_report(_load(args), args), args.output)  # mdpoverty.report.cli
    return EXIT_OK


def _emit(text: str, stream: TextIO) -> None:
    """Write ``text``; on a terminal that cannot show Vietnamese, without its diacritics."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        text = plain.encode(encoding, "replace").decode(encoding)
    stream.write(text)


def _tolerate_narrow_terminals() -> None:
    """Let argparse's own help and messages through a terminal that cannot show Vietnamese."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _import_published(args: argparse.Namespace) -> int:
    from mdpoverty.reading import read_published, write_draft  # noqa: PLC0415

    draft = read_published(args.file, args.kind)
    sidecar = write_draft(draft, args.output)
    _emit(
        f"{args.output}: {len(draft.sources)} values read, {len(draft.gaps)} gaps; "
        f"sources in {sidecar}\n",
        sys.stderr,
    )
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": _import_published,
    "households": _households,
    "check": _check,
    "annex": _annex,
    "new": _new,
    "schema": _schema,
    "import-annex": _import_annex,
    "report": _report,
    "chart": lambda args: run_chart(_load(args), args),
}


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
        _check_output(getattr(args, "output", None))
        return _COMMANDS[args.command](args)
    except PlanFileError as error:
        _emit(f"{error}\n", sys.stderr)
    except (MdpovertyError, OSError) as error:
        _emit(f"mdpoverty {args.command}: error: {error}\n", sys.stderr)
    except Exception as error:
        message = " ".join(str(error).split())[:300]
        _emit(
            f"mdpoverty {args.command}: internal error: {type(error).__name__}: {message} "
            "(this is a bug in mdpoverty; please report it with the command line)\n",
            sys.stderr,
        )
        return EXIT_INTERNAL
    return EXIT_UNREADABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
