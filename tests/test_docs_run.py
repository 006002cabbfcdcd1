"""The documentation runs: every ``mdpoverty …`` command in the how-tos, the tutorial, the
explanations, the README and the ``examples:`` of ``--help`` is executed, and every
``mdpoverty.x.y`` and source file they name in inline code resolves, so a page that disagrees
with the code fails here.

Each command runs through :func:`mdpoverty.cli.main` in a folder of its own, holding the files it
reads (:data:`FILES` makes them, one table for every name the pages use).  It must exit with the
status the page gives (0 unless it says otherwise) and print every output line the page shows
(up to an ellipsis, where the page cuts the line).
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import re
import shlex
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mdpoverty.cli import build_parser, main, template_text
from mdpoverty.households.classify import resolve_standard
from mdpoverty.reference.datasets import example_path

ROOT = Path(__file__).parents[1]
PAGES = [
    *sorted(ROOT.glob("docs/howto/*.md")),
    *sorted(ROOT.glob("docs/tutorial/*.md")),
    *sorted(ROOT.glob("docs/explanation/*.md")),
    ROOT / "docs" / "index.md",
    ROOT / "README.md",
]
# The published text of the worked example (the reading tests build their Word file from it).
PUBLISHED_TEXT = ROOT / "tests" / "reading" / "data" / "bac-kan-2024-plan.vi.txt"

_FENCE = re.compile(r"^```(\w*)")
_SHELLS = {"sh", "console", "bash", "shell"}
_FILE_NAME = re.compile(r"^[\w./-]+\.(?:yaml|yml|json|csv|xlsx|docx|txt|parquet|pdf)$")
_OUTPUT_FLAGS = {"-o", "--output"}


@dataclass(frozen=True)
class Command:
    """A command line as a page shows it, and the output lines the page shows under it."""

    where: str
    line: str
    shown: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.where}: {self.line}"


# -- collecting ------------------------------------------------------------------------------


def _joined(lines: list[str]) -> Iterator[tuple[int, str]]:
    """The lines with their ``\\`` continuations joined, each with its index."""
    index = 0
    while index < len(lines):
        start, line = index, lines[index].rstrip()
        while line.endswith("\\") and index + 1 < len(lines):
            index += 1
            line = line[:-1].rstrip() + " " + lines[index].strip()
        yield start, line
        index += 1


def page_commands(page: Path) -> list[Command]:
    """The ``mdpoverty`` commands in the shell blocks of ``page``; in a console block only the
    ``$`` lines are commands, the lines under one are its output."""
    name = page.relative_to(ROOT).as_posix()
    lines = page.read_text(encoding="utf-8").splitlines()
    commands: list[Command] = []
    block: list[str] | None = None
    language, start = "", 0
    for number, text in enumerate(lines, 1):
        fence = _FENCE.match(text.strip())
        if fence and block is None:
            block, language, start = [], fence.group(1), number
        elif fence or (text.strip() == "```" and block is not None):
            if block is not None and language in _SHELLS:
                commands += _block_commands(name, start, block, console=language == "console")
            block = None
        elif block is not None:
            block.append(text)
    return commands


def _block_commands(name: str, start: int, block: list[str], *, console: bool) -> list[Command]:
    found: list[Command] = []
    entries = list(_joined(block))
    for position, (index, line) in enumerate(entries):
        text = line.strip()
        if console:
            if not text.startswith("$ "):
                continue
            text = text[2:]
        else:
            text = text.removeprefix("$ ")
        text = re.sub(r"\s+#.*$", "", text)
        if not text.startswith("mdpoverty "):
            continue
        shown: list[str] = []
        if console:
            for _, after in entries[position + 1 :]:
                if after.strip().startswith("$ "):
                    break
                if after.strip():
                    shown.append(after.strip())
        found.append(Command(f"{name}:{start + index + 1}", text, tuple(shown)))
    return found


def _parsers() -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every parser of the command line with its command's name (``mdpoverty`` the top)."""
    pending = [("mdpoverty", build_parser("en"))]  # the pages are English
    while pending:
        name, parser = pending.pop(0)
        yield name, parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending += [(f"{name} {sub}", p) for sub, p in action.choices.items()]


def help_commands() -> list[Command]:
    """The commands of the ``examples:`` in every command's ``--help`` (a description after
    two spaces is left out)."""
    found: list[Command] = []
    seen: set[tuple[str, str]] = set()
    for name, parser in _parsers():
        epilog = parser.epilog or ""
        if "examples:" not in epilog:
            continue
        for _, line in _joined(epilog.partition("examples:")[2].splitlines()):
            text = re.split(r"\s{2,}", line.strip())[0]
            if text.startswith("mdpoverty ") and (name, text) not in seen:
                seen.add((name, text))
                found.append(Command(f"{name} --help", text))
    return found


DOC_COMMANDS = [c for page in PAGES for c in page_commands(page)]
HELP_COMMANDS = help_commands()

# -- the files the commands read -------------------------------------------------------------


def _write(text: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return make


def _worked_example(path: Path) -> None:
    shutil.copyfile(example_path("bac-kan-2024"), path)


def _published_text(path: Path) -> None:
    shutil.copyfile(PUBLISHED_TEXT, path)


def _published_docx(path: Path) -> None:
    pytest.importorskip("docx")
    from mdpoverty.testing._published import build_docx  # noqa: PLC0415

    build_docx(PUBLISHED_TEXT.read_text(encoding="utf-8"), path)


def _draft(path: Path) -> None:
    """What ``mdpoverty import`` writes from the worked example's published text."""
    source = path.with_name("_published.txt")
    _published_text(source)
    assert 0 == main(["import", str(source), "-o", str(path), "--kind", "plan"])


def _annex(form: str) -> Callable[[Path], None]:
    """The annex mdpoverty writes of the district plan (FILES['plan.yaml'])."""

    def make(path: Path) -> None:
        plan = path.with_name("_annex-plan.yaml")
        DISTRICT_PLAN(plan)
        assert 0 == main(["annex", str(plan), "--format", form, "-o", str(path)])

    return make


# Unit codes with leading zeros (communes of Bắc Kạn), as official codes are.
_UNITS = ("01843", "01846", "01849")


def _household_rows() -> dict[str, list[Any]]:
    """A small review: every column a page names (the defaults, the renamed ``ma_xa``,
    ``khu_vuc``, ``thu_nhap``, the weight ``size``) and the indicators of both standards."""
    rows = 6
    units = [_UNITS[i % len(_UNITS)] for i in range(rows)]
    areas = ["rural", "urban"] * (rows // 2)
    incomes = [1_200_000, 3_500_000, 1_900_000, 900_000, 2_400_000, 5_000_000]
    table: dict[str, list[Any]] = {
        "unit": units,
        "ma_xa": units,
        "area": areas,
        "khu_vuc": areas,
        "income": incomes,
        "thu_nhap": incomes,
        "deprivations": [4, 0, 3, 6, 1, 2],
        "size": [4, 3, 5, 2, 6, 1],
    }
    for year in (2024, 2027):
        standard = resolve_standard(year, None)
        for n, indicator in enumerate(standard.indicators):
            table[indicator.id] = [(n + i) % 3 == 0 for i in range(rows)]
    return table


def _households_csv(path: Path) -> None:
    import pandas as pd  # noqa: PLC0415

    pd.DataFrame(_household_rows()).to_csv(path, index=False)


def _households_parquet(path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pandas as pd  # noqa: PLC0415

    pd.DataFrame(_household_rows()).to_parquet(path)


def _communes(path: Path) -> None:
    path.write_text("commune,province\n" + "".join(f"{u},06\n" for u in _UNITS), "utf-8")


DISTRICT_PLAN = _write(template_text("plan", "district", 2024))
PROVINCE_PLAN = _write(template_text())
PROVINCE_REVIEW = _write(template_text("review", "province"))

# Every file name a page or an example uses, and the file it stands for: what the page made
# with an earlier command (`mdpoverty new …`, `mdpoverty import …`) or describes.
FILES: dict[str, Callable[[Path], None]] = {
    "plan.yaml": DISTRICT_PLAN,  # `mdpoverty new --level district --year 2024 -o plan.yaml`
    "my-district.yaml": DISTRICT_PLAN,  # the README: `new --level district --year 2024`
    "district-plan.yaml": DISTRICT_PLAN,
    "plan-2027.yaml": PROVINCE_PLAN,  # `mdpoverty new -o plan-2027.yaml`
    "my-province.yaml": PROVINCE_PLAN,  # `mdpoverty new -o my-province.yaml`
    "review.yaml": PROVINCE_REVIEW,  # `mdpoverty new --kind review --level province`
    "draft.yaml": _draft,  # `mdpoverty import ke-hoach….docx -o draft.yaml`
    "annex.xlsx": _annex("xlsx"),  # `mdpoverty annex plan.yaml --format xlsx -o annex.xlsx`
    "annex.csv": _annex("csv"),
    "ke-hoach.txt": _published_text,  # a published plan saved as plain text
    "ke-hoach.docx": _published_docx,  # … and as Word
    "ke-hoach-giam-ngheo-2024.docx": _published_docx,
    "review.csv": _households_csv,  # a household review table
    "review.parquet": _households_parquet,
    "communes.csv": _communes,  # the units of the review's communes
}

# What a page says a command exits with, where it is not 0.
EXIT_STATUS = {
    # the README: "exit status 1 on errors"; the tutorial: "because the plan has error-level
    # findings"; the worked example has them (the top --help: "1  check found error-level …")
    "mdpoverty check --example bac-kan-2024": 1,
    "mdpoverty check --example bac-kan-2024 --lang en": 1,
    # the draft read from the worked example has its errors (import-a-published-plan.md shows
    # them): `mdpoverty import ke-hoach.txt -o draft.yaml --kind plan && mdpoverty check …`
    "mdpoverty check draft.yaml": 1,
}

# Commands a test cannot run, with the reason.  Empty: every command has its files.
CANNOT_RUN: dict[str, str] = {}


def _status_of(command: Command, args: list[str]) -> int:
    """0, unless the page says otherwise: by a finding of error level in the output it shows
    (``check`` then exits 1) or in :data:`EXIT_STATUS`."""
    if any(line.startswith("error ") for line in command.shown):
        return 1
    return EXIT_STATUS.get(shlex.join(["mdpoverty", *args]), 0)


def _segments(line: str) -> list[tuple[list[str], str | None]]:
    """The commands of a line (``a && b``), each with the file its output is redirected to."""
    segments: list[tuple[list[str], str | None]] = []
    for part in " ".join(shlex.split(line, comments=True)).split(" && "):
        words = shlex.split(part)
        redirect = None
        if ">" in words:
            at = words.index(">")
            words, redirect = words[:at], words[at + 1]
        assert "mdpoverty" == words[0], part
        segments.append((words[1:], redirect))
    return segments


def _outputs(args: list[str]) -> set[str]:
    return {value for flag, value in itertools.pairwise(args) if flag in _OUTPUT_FLAGS}


def _inputs(args: list[str]) -> list[str]:
    """The file names of ``args`` that are not the value of ``-o``: the files it reads."""
    before = ["", *args]
    return [
        w
        for b, w in zip(before, args, strict=False)
        if _FILE_NAME.match(w) and b not in _OUTPUT_FLAGS
    ]


def run(command: Command, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Run ``command`` in ``folder`` with the files it reads (:data:`FILES`; the worked example
    for a plan file where the page shows findings, which are the worked example's), and hold
    it to the exit status and the output lines its page shows."""
    if command.line in CANNOT_RUN:
        pytest.skip(CANNOT_RUN[command.line])
    made: set[str] = set()
    # A page that shows findings shows the worked example's (its defects are the point).
    findings = any(line.split(" ")[0] in {"error", "warning"} for line in command.shown)
    printed = ""
    segments = _segments(command.line)
    for number, (args, redirect) in enumerate(segments, 1):
        for word in _inputs(args):
            if "/" in word:  # a file of the repository, as in a clone
                assert (ROOT / word).is_file(), f"{word} is not a file of the repository"
                (folder / word).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(ROOT / word, folder / word)
            elif word not in made:
                assert word in FILES, f"no file for {word!r}: add it to FILES"
                worked = findings and word.endswith(".yaml") and FILES[word] is not _draft
                (_worked_example if worked else FILES[word])(folder / word)
                made.add(word)
        capsys.readouterr()
        status = main(args)
        out, err = capsys.readouterr()
        if redirect:
            (folder / redirect).write_text(out, encoding="utf-8")
            made.add(redirect)
        made |= _outputs(args)
        printed += out + err
        # in `a && b`, b runs only when a exits 0
        expected = _status_of(command, args) if number == len(segments) else 0
        assert (command.line, expected) == (command.line, status), out + err
    for line in command.shown:
        assert line.split("…")[0].strip() in printed, line


@pytest.mark.parametrize("command", DOC_COMMANDS, ids=[c.id for c in DOC_COMMANDS])
def test_a_command_of_the_pages_runs_as_shown(
    command: Command,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    run(command, tmp_path, capsys)


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=[c.id for c in HELP_COMMANDS])
def test_an_example_of_help_runs(
    command: Command,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    run(command, tmp_path, capsys)


def test_the_pages_and_the_help_have_commands() -> None:
    """The collecting itself: a change of the pages' form must not leave nothing to run."""
    pages = {c.where.partition(":")[0] for c in DOC_COMMANDS}
    assert {"README.md", "docs/howto/encode-a-plan.md", "docs/tutorial/see-the-plan.md"} <= pages
    helps = {c.where for c in HELP_COMMANDS}
    assert {
        "mdpoverty --help",
        "mdpoverty check --help",
        "mdpoverty households classify --help",
    } <= (helps)
    assert any(c.shown for c in DOC_COMMANDS)


# -- inline code ---------------------------------------------------------------------------

_INLINE = re.compile(r"`([^`\n]+)`")
# `mdpoverty.x.y`, `mdpoverty.x.y()`, `~mdpoverty.x.y` and a role's `text <mdpoverty.x.y>`
_MODULE_PATH = re.compile(r"(?:.*<)?~?(mdpoverty(?:\.\w+)+)(?:\(.*\))?>?")
_SOURCE_PATH = re.compile(r"(?:src/)?mdpoverty/[\w/.-]+\.\w+")
# a placeholder stands for what the reader puts in: FILE, plan|review
_PLACEHOLDER = re.compile(r"\b[A-Z]{2,}\b|\|")


def page_inline(page: Path) -> list[tuple[str, str]]:
    """The inline code of ``page`` outside its fenced blocks, each with its place."""
    name = page.relative_to(ROOT).as_posix()
    found: list[tuple[str, str]] = []
    fenced = False
    for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if text.strip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            found += [(f"{name}:{number}", code) for code in _INLINE.findall(text)]
    return found


INLINE = [entry for page in PAGES for entry in page_inline(page)]


def resolve(name: str) -> object:
    """The module or attribute ``name`` names: its longest importable prefix, then attributes."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            value = getattr(value, attribute)
        return value
    raise AssertionError(name)  # pragma: no cover (mdpoverty itself imports)


PAGE_NAMES = sorted(
    {
        (where.partition(":")[0], m.group(1))
        for where, code in INLINE
        if (m := _MODULE_PATH.fullmatch(code))
    }
)


@pytest.mark.parametrize(("page", "name"), PAGE_NAMES, ids=[f"{p}: {n}" for p, n in PAGE_NAMES])
def test_a_module_path_of_the_pages_resolves(page: str, name: str) -> None:
    assert resolve(name) is not None, (page, name)


def test_the_pages_name_module_paths() -> None:
    names = {n for _, n in PAGE_NAMES}
    assert {"mdpoverty.cli.main", "mdpoverty.checks.Report.to_records"} <= names


SOURCE_PATHS = sorted({(w, c) for w, c in INLINE if _SOURCE_PATH.fullmatch(c)})


@pytest.mark.parametrize(
    ("where", "path"), SOURCE_PATHS, ids=[f"{w}: {p}" for w, p in SOURCE_PATHS]
)
def test_a_source_file_of_the_pages_exists(where: str, path: str) -> None:
    assert (ROOT / "src" / path.removeprefix("src/")).is_file(), where


# An inline command runs when it is whole: it names what it reads or writes, or asks for the
# version; otherwise (`mdpoverty check`, `mdpoverty import FILE -o draft.yaml`) its command
# and options must exist.
_INLINE_COMMANDS = [
    Command(where, code)
    for where, code in INLINE
    if code.startswith("mdpoverty ") and not code.startswith("mdpoverty.")
]
INLINE_RUNS = [
    c
    for c in _INLINE_COMMANDS
    if not _PLACEHOLDER.search(c.line)
    and (
        re.search(r" (--example|-o|--version)\b", c.line)
        or any(map(_FILE_NAME.match, c.line.split()))
    )
]
INLINE_NAMES = [c for c in _INLINE_COMMANDS if c not in INLINE_RUNS]


@pytest.mark.parametrize("command", INLINE_RUNS, ids=[c.id for c in INLINE_RUNS])
def test_a_command_in_the_text_runs(
    command: Command,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    run(command, tmp_path, capsys)


@pytest.mark.parametrize("command", INLINE_NAMES, ids=[c.id for c in INLINE_NAMES])
def test_a_command_the_text_names_exists_with_its_options(command: Command) -> None:
    parsers = dict(_parsers())
    words = command.line.split()
    name = max((n for n in parsers if words[: len(n.split())] == n.split()), key=len)
    options = parsers[name]._option_string_actions
    unknown = [w for w in words if w.startswith("-") and w.split("=")[0] not in options]
    assert (name, []) == (name, unknown)
    if name == "mdpoverty":  # the bare program, or a command it does not have
        assert len(words) == 1 or words[1].startswith("-"), command.line
