"""The plan commands: ``check``, ``annex``, ``new``, ``schema`` and ``import-annex``.

>>> from mdpoverty.cli import main
>>> main(["annex", "--example", "bac-kan-2024", "--format", "csv"])  # doctest: +ELLIPSIS
id,STT,Tên đơn vị,Tổng số hộ dân đầu năm 2024 (hộ),...
0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from importlib import resources

from mdpoverty.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    FORMATTER,
    emit,
    emit_json,
    examples,
    force_argument,
    format_argument,
    lang_argument,
    say,
    usage_error,
    write_text,
)
from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import Lang, _, localize
from mdpoverty.io.files import format_of, load_plan, update_plan
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import EXAMPLES, example

__all__ = [
    "COMMANDS",
    "EXAMPLE_NAMES",
    "KINDS",
    "LEVELS",
    "add_commands",
    "load",
    "output_argument",
    "plan_arguments",
    "template_text",
]

EXAMPLE_NAMES = ", ".join(EXAMPLES)


def plan_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """PLAN, or ``--example NAME`` for a bundled plan."""
    said = say(lang)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "plan", nargs="?", metavar="PLAN", help=said(_("a plan file (.yaml or .json)"))
    )
    source.add_argument(
        "--example",
        metavar="NAME",
        choices=sorted(EXAMPLES),
        help=said(
            _("a plan bundled with mdpoverty instead of a file: {names}", names=EXAMPLE_NAMES)
        ),
    )


def output_argument(parser: argparse.ArgumentParser, what: str, lang: Lang) -> None:
    """``-o FILE``, standard output without it; ``what`` (a message) is what is written."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=localize(
            _(
                "write {what} to FILE instead of standard output (written whole or not at all; "
                "an existing FILE only with --force)",
                what=what,
            ),
            lang,
        ),
    )


def load(args: argparse.Namespace) -> Document:
    """The document named by PLAN or ``--example``."""
    if args.example is not None:
        return example(args.example)
    return load_plan(args.plan)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    """Add ``check``, ``annex``, ``new``, ``schema`` and ``import-annex`` to ``commands``, their
    help in ``lang``."""
    said = say(lang)
    formatter = FORMATTER
    check = commands.add_parser(
        "check",
        help=said(_("report what is inconsistent in a plan")),
        description=said(
            _(
                "Load PLAN (reporting every problem of form, with its place in the file) and "
                "report every finding of the consistency checks: totals that do not add up, "
                "rates that disagree with the counts, dates out of order, unknown references; "
                "then a count of the findings by severity.\n\n"
                "Exit status: 0 without error-level findings, 1 with, 2 when PLAN cannot be "
                "read, 3 on an internal error."
            )
        ),
        epilog=examples(
            lang,
            "mdpoverty check plan.yaml",
            "mdpoverty check --example bac-kan-2024",
            "mdpoverty check plan.yaml --select annex --select funding",
            "mdpoverty check plan.yaml --ignore deficit.coverage",
            "mdpoverty check plan.yaml --format json",
            "mdpoverty check --example bac-kan-2024 --lang en",
        ),
        formatter_class=formatter,
    )
    plan_arguments(check, lang)
    format_argument(
        check,
        ("text", "json", "jsonl"),
        _(
            "text: a line per finding and their count; json: an array of findings; jsonl: a "
            "finding per line (each as mdpoverty.checks.FINDING_SCHEMA describes, its message "
            "in the language of --lang)"
        ),
        lang,
    )
    check.add_argument(
        "--select",
        action="append",
        metavar="RULE",
        help=said(_("run only this rule or group of rules (repeatable)")),
    )
    check.add_argument(
        "--ignore",
        action="append",
        metavar="RULE",
        help=said(_("skip this rule or group (repeatable)")),
    )
    lang_argument(check, lang)

    annex = commands.add_parser(
        "annex",
        help=said(_("print or export the plan's annex")),
        description=said(
            _(
                "The annex of PLAN (households, poor households, rates and targets per unit, "
                "and the total row), derived from its units and targets.\n\n"
                "text and markdown print numbers as the document does (12.345, 1,25; with "
                "--lang en: 12,345, 1.25); csv writes plain numbers (12345, 1.25); xlsx writes "
                "the sheet in the printed layout and needs -o; docx writes a Word table in the "
                "official layout (merged headers, Times New Roman, landscape; the `read` "
                "extra) and needs -o."
            )
        ),
        epilog=examples(
            lang,
            "mdpoverty annex plan.yaml",
            "mdpoverty annex --example bac-kan-2024 --lang en --format markdown",
            "mdpoverty annex --example bac-kan-2024 --format xlsx -o annex.xlsx",
            "mdpoverty annex plan.yaml --format csv -o annex.csv",
            "mdpoverty annex --example bac-kan-2024 --units 2025",
        ),
        formatter_class=formatter,
    )
    plan_arguments(annex, lang)
    lang_argument(annex, lang)
    annex.add_argument(
        "--format",
        choices=("text", "csv", "markdown", "xlsx", "docx"),
        default="text",
        help=said(_("default: text")),
    )
    annex.add_argument(
        "--units",
        choices=("plan", "2025"),
        default="plan",
        help=said(
            _(
                "plan: the plan's own units (default); 2025: the units' counts and every figure "
                "about the units carried over into the units of 1 July 2025, exact where whole "
                "units merged, blank and marked incomplete elsewhere (text or csv; csv: the "
                "counts where the units give them, else the figures)"
            )
        ),
    )
    output_argument(annex, _("the annex"), lang)
    force_argument(annex, lang)

    new = commands.add_parser(
        "new",
        help=said(_("write a commented template document file")),
        description=said(
            _(
                "Write a commented template file for a new document of a kind (plan, review, "
                "report) issued at a level (country, province, district, commune) for a year: "
                "every section with example values that agree, and the rules of the format, "
                "commented in the language of --lang. Edit it, then run `mdpoverty check` on "
                "it.  Without options: a province's plan for 2027, under Decree 351/2025/NĐ-CP "
                "and the 2026–2035 programme."
            )
        ),
        epilog=examples(
            lang,
            "mdpoverty new -o plan.yaml",
            "mdpoverty new --kind review --level province --year 2026 -o review.yaml",
            "mdpoverty new --kind plan --level commune > plan.yaml",
            "mdpoverty new --level district --year 2024 -o plan-2024.yaml",
        ),
        formatter_class=formatter,
    )
    new.add_argument(
        "--kind",
        choices=KINDS,
        default="plan",
        help=said(_("the kind of document (default: plan)")),
    )
    new.add_argument(
        "--level",
        choices=LEVELS,
        default="province",
        help=said(_("who issues it: the area it covers (default: province)")),
    )
    new.add_argument(
        "--year",
        type=int,
        default=None,
        help=said(
            _(
                "the year the document is about (default: the template's own, the newest the "
                "library knows for the level; a district's documents end in 2025)"
            )
        ),
    )
    output_argument(new, _("the template (a .yaml file)"), lang)
    force_argument(new, lang)
    lang_argument(new, lang)

    schema = commands.add_parser(
        "schema",
        help=said(_("print the JSON Schema of plan files")),
        description=said(
            _(
                "The JSON Schema (draft 2020-12) of plan files, for editors' completion and "
                "validation."
            )
        ),
        epilog=examples(lang, "mdpoverty schema", "mdpoverty schema -o plan.schema.json"),
        formatter_class=formatter,
    )
    output_argument(schema, _("the schema"), lang)
    force_argument(schema, lang)
    lang_argument(schema, lang)

    imports = commands.add_parser(
        "import-annex",
        help=said(_("put an annex from a spreadsheet into a plan file")),
        description=said(
            _(
                "Read the annex in SHEET (.xlsx or .csv; numbers as numbers or in Vietnamese "
                "notation, 2.347 and 1,15) and put it into PLAN: the units' counts, their "
                "reduction targets and the printed annex. Rows match units by id or by name, "
                "as people write it (either tone-mark placement, any case or spacing, P. for "
                "Phường); a row that matches no unit is an error, unless --add-units makes it "
                "a new unit. Every unreadable cell is reported by its reference. Where FILE is "
                "a YAML plan file, its comments, key order and layout are kept where the "
                "content did not change."
            )
        ),
        epilog=examples(
            lang,
            "mdpoverty import-annex plan.yaml annex.xlsx -o plan.yaml --force",
            "mdpoverty import-annex plan.yaml annex.csv -o plan-with-annex.json",
        ),
        formatter_class=formatter,
    )
    plan_arguments(imports, lang)
    imports.add_argument("sheet", metavar="SHEET", help=said(_("the annex (.xlsx or .csv)")))
    imports.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help=said(_("the plan file to write (.yaml or .json; may be PLAN itself, with --force)")),
    )
    force_argument(imports, lang)
    imports.add_argument(
        "--add-units",
        action="store_true",
        help=said(_("add a unit for each row that matches none (its kind read from its name)")),
    )
    lang_argument(imports, lang)


def _check(args: argparse.Namespace) -> int:
    from mdpoverty.checks import check  # noqa: PLC0415  (loaded only for this command)

    lang: Lang = args.lang
    plan = load(args)
    report = check(plan, select=args.select, ignore=args.ignore)
    if args.format == "text":
        lines = [report.text(lang)]
        if report.findings:
            lines.append(report.summary(lang))
        emit("".join(f"{line}\n" for line in lines), sys.stdout)
    else:
        records = report.to_records(lang)
        if args.format == "json":
            emit_json([json.dumps(records, ensure_ascii=False, indent=2)], sys.stdout)
        else:
            emit_json([json.dumps(r, ensure_ascii=False) for r in records], sys.stdout)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _annex(args: argparse.Namespace) -> int:
    from mdpoverty import tables  # noqa: PLC0415  (pandas loads for the tables commands only)

    plan = load(args)
    if args.units == "2025":
        return _annex_2025(plan, args)
    if args.format in {"xlsx", "docx"} and args.output is None:
        return usage_error(
            "annex",
            _("--format {format} needs -o FILE (a .{format} file)", format=args.format),
            args.lang,
        )
    frame = tables.annex(plan, args.lang)
    if args.format == "xlsx" and frame.attrs.get("table") == "figures":
        return usage_error(
            "annex",
            _("--format xlsx writes an annex of targets; this document has figures only"),
            args.lang,
        )
    if args.format == "xlsx":
        tables.write_annex_xlsx(frame, args.output)
    elif args.format == "docx":
        from mdpoverty.tables.docx import write_annex_docx  # noqa: PLC0415  (python-docx on use)

        write_annex_docx(frame, args.output)
    else:
        # A CSV file gets a byte-order mark, which Excel needs to read UTF-8 (Vietnamese) text.
        encoding = "utf-8-sig" if args.format == "csv" and args.output is not None else "utf-8"
        write_text(tables.render(frame, args.format), args.output, encoding=encoding)
    return EXIT_OK


def _annex_2025(plan: Document, args: argparse.Namespace) -> int:
    if args.format not in {"text", "csv"}:
        return usage_error("annex", _("--units 2025 writes --format text or csv"), args.lang)
    from mdpoverty.aggregate.carried_figures import (  # noqa: PLC0415
        carry_everything,
        format_carried_figures,
    )
    from mdpoverty.aggregate.carry_over import format_carried  # noqa: PLC0415

    counts, figures = carry_everything(plan, lang=args.lang)  # the reasons in its language
    if args.format == "csv":  # one table a file: the counts where the units give them
        chosen = counts if counts is not None else figures
        text = "" if chosen is None else chosen.to_csv()
    else:
        parts = [] if counts is None else [format_carried(counts, args.lang)]
        if figures is not None:
            parts.append(format_carried_figures(figures, args.lang))
        text = "\n".join(parts)
    write_text(text, args.output)
    return EXIT_OK


KINDS = ("plan", "review", "report")
"""The kinds of document ``mdpoverty new`` writes a template for."""

LEVELS = ("country", "province", "district", "commune")
"""The levels of the issuing authority ``mdpoverty new`` writes a template for."""

_KIND_WORDS = {"plan": _("plan"), "review": _("review"), "report": _("report")}


def template_text(
    kind: str = "plan", level: str = "province", year: int | None = None, lang: Lang = "en"
) -> str:
    """The commented template that ``mdpoverty new --kind KIND --level LEVEL --year YEAR
    --lang LANG`` writes.

    Each template is the rules of the format (one text, ``templates/_format.yaml``) followed
    by a complete document of that kind and level (``templates/KIND-LEVEL.yaml``), whose
    numbers agree: ``mdpoverty check`` finds nothing in it.  A template is written for the
    newest year the library knows at its level (a province's plan for 2027, a district's for
    2024); ``year`` moves it to another year its standard and programme govern.

    The comments are in ``lang`` (English unless asked: the command passes its ``--lang``);
    the Vietnamese template is a translated file (``templates/vi/…``) whose data lines are
    those of the English one, so both languages give the same document.

    Raises:
        UnknownNameError: No template of that kind and level, or not for that year (the
            message lists the years there are).

    >>> from mdpoverty.io.files import read_plan_text
    >>> plan = read_plan_text(template_text())
    >>> plan.area.kind, plan.year, plan.standard, plan.programme
    (<UnitKind.PROVINCE: 'province'>, 2027, 'decree-351-2025', 'resolution-257-2025')
    >>> read_plan_text(template_text("review", "province", 2026)).header.date
    PartialDate('2027-01-12')
    >>> type(read_plan_text(template_text("review", "country"))).__name__
    'Review'
    """
    from mdpoverty.io._templates import for_year, years_for  # noqa: PLC0415

    if kind not in KINDS or level not in LEVELS:
        raise UnknownNameError(
            _("no template for the kind {kind!r} at the level {level!r}", kind=kind, level=level)
        )
    folder = resources.files("mdpoverty.io").joinpath("data", "templates")
    if lang == "vi":
        folder = folder.joinpath("vi")
    rules = folder.joinpath("_format.yaml").read_text("utf-8")
    text = rules + folder.joinpath(f"{kind}-{level}.yaml").read_text("utf-8")
    if year is None:
        return text
    years = years_for(text)
    if year not in years:
        raise UnknownNameError(
            _(
                "no template of a {kind} at the level {level!r} for {year} (there is one for "
                "{first}–{last})",
                kind=_KIND_WORDS[kind],
                level=level,
                year=str(year),
                first=str(years[0]),
                last=str(years[-1]),
            )
        )
    return for_year(text, year, lang)


def _new(args: argparse.Namespace) -> int:
    if args.output is not None and format_of(args.output) != "yaml":
        return usage_error(
            "new", _("the template is YAML: give FILE the extension .yaml"), args.lang
        )
    try:
        text = template_text(args.kind, args.level, args.year, args.lang)
    except UnknownNameError as error:
        return usage_error("new", error.text(args.lang), args.lang)
    write_text(text, args.output)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from mdpoverty.io.schema import schema_text  # noqa: PLC0415

    write_text(schema_text(), args.output)
    return EXIT_OK


def _import_annex(args: argparse.Namespace) -> int:
    from mdpoverty.tables import import_annex  # noqa: PLC0415

    format_of(args.output)  # refuse a wrong extension before reading anything
    plan = import_annex(load(args), args.sheet, add_units=args.add_units)
    # A YAML plan keeps the comments and layout of the file it came from.
    update_plan(plan, args.output, like=args.plan)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": _check,
    "annex": _annex,
    "new": _new,
    "schema": _schema,
    "import-annex": _import_annex,
}
"""Each plan command's handler: the exit status."""
