"""The command line speaks the reader's language: ``--lang vi|en`` on every command, its help,
argparse's own words, the findings and their count, the errors — and nothing of the other
language apart from the document's names, the rule ids and locations, and what a program reads
(option names, their values, file names, the example commands)."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from mdpoverty.checks import Finding, Severity, check, rule, unregister
from mdpoverty.cli import build_parser, main, template_text
from mdpoverty.cli._argparse_texts import speaking
from mdpoverty.cli._common import asked_language
from mdpoverty.i18n import LANGS, Lang, _
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.testing import english_words, vietnamese_words, without

EXAMPLE = ["--example", "bac-kan-2024"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


COMMANDS = [path for path, _ in _parsers(build_parser("en"))]

# What a program reads, the same in every language: the names of the options and of the
# commands, their values and placeholders (metavars), and the column names `--column` takes.
_PROGRAM_WORDS = {"unit", "area", "income", "deprivations", "mdpoverty.checks.FINDING_SCHEMA"}
# Names the help quotes: a typeface, places, a decree's number.
_HELP_NAMES = {"Times New Roman", "Bắc Kạn", "Phường", "NĐ-CP"}


def _program_words(parser: argparse.ArgumentParser) -> set[str]:
    words = set(_PROGRAM_WORDS)
    for _path, each in _parsers(parser):
        words.add(each.prog)
        for action in each._actions:
            words.update(action.option_strings)
            words.add(action.dest.upper())  # an option's placeholder without a metavar
            metavar = action.metavar
            words.update([metavar] if isinstance(metavar, str) else metavar or ())
            words.update(str(choice) for choice in action.choices or ())
    return words


def _prose(help_text: str, parser: argparse.ArgumentParser) -> str:
    """The help without its usage lines, its example commands and what a program reads."""
    _usage, _, rest = help_text.partition("\n\n")
    lines = [
        line
        for line in rest.splitlines()
        if not line.strip().startswith(("mdpoverty ", "--column"))  # an example command
    ]
    text = "\n".join(lines)
    text = re.sub(r"\{[^{}]*\}", " ", text)  # {vi,en}: an option's values
    text = re.sub(r"\S*\.(?:yaml|yml|json|csv|xlsx|docx|pdf|txt|png|svg|parquet)\b", " ", text)
    for word in sorted(_program_words(parser) | _HELP_NAMES, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", " ", text)
    return without(text, ())


def _help(capsys: pytest.CaptureFixture[str], path: tuple[str, ...], lang: str) -> str:
    status, out, err = run(capsys, *path, "--help", "--lang", lang)
    assert (0, "") == (status, err)
    return out


# -- the help --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "mdpoverty")
def test_the_vietnamese_help_of_every_command_has_no_english_sentence(
    capsys: pytest.CaptureFixture[str], path: tuple[str, ...]
) -> None:
    out = _help(capsys, path, "vi")
    assert out.startswith("cách dùng: mdpoverty")
    assert "tùy chọn:" in out
    assert "hiện trợ giúp này rồi thoát" in out
    prose = _prose(out, build_parser("vi"))
    assert len(vietnamese_words(prose)) > 5, prose  # there is prose left to look at
    assert set() == english_words(prose), prose


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "mdpoverty")
def test_the_english_help_of_every_command_has_no_vietnamese_word(
    capsys: pytest.CaptureFixture[str], path: tuple[str, ...]
) -> None:
    out = _help(capsys, path, "en")
    assert out.startswith("usage: mdpoverty")
    assert "show this help message and exit" in out
    prose = _prose(out, build_parser("en"))
    assert len(english_words(prose)) > 5, prose
    assert set() == vietnamese_words(prose), prose


def test_the_help_of_every_command_is_translated_whole(capsys: pytest.CaptureFixture[str]) -> None:
    # Every line of prose differs between the languages (a help text not passed through the
    # catalog would be the same in both).
    for path in COMMANDS:
        english = set(_help(capsys, path, "en").splitlines())
        vietnamese = _help(capsys, path, "vi").splitlines()
        same = [
            line
            for line in vietnamese
            if line in english and english_words(_prose(line, build_parser("en")))
        ]
        assert [] == same, path


def test_every_command_takes_lang() -> None:
    for path, parser in _parsers(build_parser("en")):
        options = {o for action in parser._actions for o in action.option_strings}
        assert "--lang" in options, path


# -- the language chosen -----------------------------------------------------------------------


def test_the_language_comes_from_lang_then_the_environment_then_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "--help")[1].startswith("cách dùng:")  # the suite's MDPOVERTY_LANG=vi
    monkeypatch.setenv("MDPOVERTY_LANG", "en")
    assert run(capsys, "--help")[1].startswith("usage:")
    assert run(capsys, "--lang", "vi", "--help")[1].startswith("cách dùng:")
    assert run(capsys, "schema", "--help", "--lang=vi")[1].startswith("cách dùng:")
    monkeypatch.delenv("MDPOVERTY_LANG")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert run(capsys, "new", "--help")[1].startswith("usage:")
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert run(capsys, "new", "--help")[1].startswith("cách dùng:")
    monkeypatch.setenv("LANG", "C")
    assert run(capsys, "new", "--help")[1].startswith("cách dùng:")  # Vietnamese without one


def test_lang_before_or_after_the_command_is_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    before = run(capsys, "--lang", "en", "check", *EXAMPLE)
    after = run(capsys, "check", *EXAMPLE, "--lang", "en")
    assert before == after
    assert "1 error" not in run(capsys, "--lang", "en", "check", *EXAMPLE, "--lang", "vi")[1]


def test_a_wrong_environment_language_is_an_error_said_in_both_languages(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MDPOVERTY_LANG", "fr")
    status, out, err = run(capsys, "check", *EXAMPLE)
    assert (2, "") == (status, out)
    assert [
        "mdpoverty: lỗi: MDPOVERTY_LANG = 'fr': ngôn ngữ phải là một trong vi, en",
        "mdpoverty: error: MDPOVERTY_LANG = 'fr': the language must be one of vi, en",
    ] == err.splitlines()
    assert 1 == run(capsys, "check", *EXAMPLE, "--lang", "en")[0]  # --lang needs no environment


def test_a_wrong_lang_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", *EXAMPLE, "--lang", "fr")
    assert (2, "") == (status, out)
    assert "mdpoverty check: lỗi: tham số --lang: lựa chọn không hợp lệ: 'fr'" in err


def test_the_lang_asked_is_read_before_the_parser() -> None:
    assert "en" == asked_language(["check", "plan.yaml", "--lang", "en"])
    assert "vi" == asked_language(["--lang=en", "check", "--lang", "vi"])  # the last one
    assert asked_language(["check", "--lang", "fr"]) is None
    assert asked_language(["check", "--lang"]) is None
    assert asked_language(["import", "--", "--lang", "en"]) is None


# -- argparse's own words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "vi", "en"),
    [
        (
            ["check"],
            "mdpoverty check: lỗi: phải có một trong các tham số PLAN --example",
            "mdpoverty check: error: one of the arguments PLAN --example is required",
        ),
        (
            ["import-annex", *EXAMPLE],
            "mdpoverty import-annex: lỗi: còn thiếu các tham số bắt buộc: SHEET, -o/--output",
            (
                "mdpoverty import-annex: error: the following arguments are required: SHEET, "
                "-o/--output"
            ),
        ),
        (
            ["check", *EXAMPLE, "--format", "xml"],
            (
                "mdpoverty check: lỗi: tham số --format: lựa chọn không hợp lệ: 'xml' (chọn một "
                "trong 'text', 'json', 'jsonl')"
            ),
            (
                "mdpoverty check: error: argument --format: invalid choice: 'xml' (choose from "
                "'text', 'json', 'jsonl')"
            ),
        ),
        (
            ["new", "--year", "x"],
            "mdpoverty new: lỗi: tham số --year: giá trị int không hợp lệ: 'x'",
            "mdpoverty new: error: argument --year: invalid int value: 'x'",
        ),
        (
            ["schema", "--bogus"],
            "mdpoverty: lỗi: tham số không nhận ra: --bogus",
            "mdpoverty: error: unrecognized arguments: --bogus",
        ),
        (
            ["check", "--select"],
            "mdpoverty check: lỗi: tham số --select: cần một tham số",
            "mdpoverty check: error: argument --select: expected one argument",
        ),
    ],
)
def test_argparse_says_a_wrong_command_line_in_the_language(
    capsys: pytest.CaptureFixture[str], argv: list[str], vi: str, en: str
) -> None:
    status, out, err = run(capsys, *argv, "--lang", "vi")
    assert (2, "") == (status, out)
    assert err.startswith("cách dùng: mdpoverty")
    assert vi == err.splitlines()[-1]
    assert set() == english_words(_prose(f"\n\n{vi}", build_parser("vi")))
    status, out, err = run(capsys, *argv, "--lang", "en")
    assert (2, "") == (status, out)
    assert err.startswith("usage: mdpoverty")
    assert en == err.splitlines()[-1]


def test_argparse_has_its_own_words_again_after_a_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    own = argparse._  # type: ignore[attr-defined]
    assert 2 == run(capsys, "check", "--lang", "vi")[0]
    assert 0 == run(capsys, "--help", "--lang", "vi")[0]
    assert 1 == run(capsys, "check", *EXAMPLE, "--lang", "vi")[0]
    assert own is argparse._  # type: ignore[attr-defined]
    assert "usage: x [-h]\n" == argparse.ArgumentParser(prog="x").format_usage()
    with speaking("vi"):
        assert "cách dùng: x [-h]\n" == argparse.ArgumentParser(prog="x").format_usage()
    assert own is argparse._  # type: ignore[attr-defined]


# -- the output of check ----------------------------------------------------------------------


def _names(document: Document) -> set[str]:
    """The document's own names, shown as they are in every language."""
    names: set[str] = {document.header.issuer or "", document.header.title or ""}
    for unit in document.units:
        names |= {unit.name, unit.name_en or ""}
    for agency in document.agencies:
        names |= {agency.name, agency.name_en or "", *agency.aliases}
    for component in document.all_components():
        names |= {component.code, component.name, component.name_en or ""}
    for basis in document.legal_bases:
        names |= {str(basis), basis.number or "", basis.title or "", basis.issuer or ""}
    return {name for name in names if name}


def _for_people(out: str) -> str:
    """The output of ``check`` without what is for programs (rule ids, locations) and the
    document's names and quoted values: the rest, the findings' messages included, is in the
    language asked for.
    """
    report = check(bac_kan_2024())
    programs = {f.rule for f in report} | {f.location for f in report}
    return without(out, programs | _names(bac_kan_2024()))


def test_check_in_vietnamese_has_no_english_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", *EXAMPLE, "--lang", "vi")
    assert (1, "") == (status, err)
    assert "2 lỗi, 1 cảnh báo, 1 thông tin" == out.splitlines()[-1]
    said = _for_people(out)
    assert {"lỗi", "đợi", "thực", "tế", "cảnh", "báo"} <= vietnamese_words(said)
    assert set() == english_words(said), said


def test_check_in_english_has_no_vietnamese_word(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", *EXAMPLE, "--lang", "en")
    assert (1, "") == (status, err)
    assert "2 errors, 1 warning, 1 info" == out.splitlines()[-1]
    said = _for_people(out)
    assert {"error", "expected", "actual"} <= english_words(said)
    assert set() == vietnamese_words(said), said


def test_check_without_findings_says_so_in_the_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(template_text(), encoding="utf-8")
    status, out, _ = run(capsys, "check", str(plan), "--lang", "vi")
    assert (0, ["không có phát hiện nào"]) == (status, out.split(" (")[:1])
    status, out, _ = run(capsys, "check", str(plan), "--lang", "en")
    assert (0, ["no findings"]) == (status, out.split(" (")[:1])


@pytest.fixture
def spoken_rule() -> Iterator[str]:
    """A rule whose finding's message is a message of the catalog, with a number."""

    @rule("test.spoken", Severity.WARNING, title="Speaks", rationale="To see the language.")
    def spoken(plan: Document) -> list[Finding]:
        message = _("{file}: {reason}", file="plan.yaml", reason=_("permission denied"))
        return [
            Finding(
                "test.spoken",
                Severity.WARNING,
                "units/0",
                message,
                expected=Decimal("1021.5"),
                actual=7,
            )
        ]

    try:
        yield "test.spoken"
    finally:
        unregister("test.spoken")


def test_check_says_a_finding_and_its_values_in_the_language(
    capsys: pytest.CaptureFixture[str], spoken_rule: str
) -> None:
    args = ["check", *EXAMPLE, "--select", spoken_rule]
    assert (
        0,
        (
            "cảnh báo test.spoken units/0: plan.yaml: không có quyền truy cập (mong đợi "
            "1.021,5, thực tế 7)\n0 lỗi, 1 cảnh báo, 0 thông tin\n"
        ),
        "",
    ) == run(capsys, *args, "--lang", "vi")
    assert (
        0,
        (
            "warning test.spoken units/0: plan.yaml: permission denied (expected 1,021.5, "
            "actual 7)\n0 errors, 1 warning, 0 info\n"
        ),
        "",
    ) == run(capsys, *args, "--lang", "en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", ["json", "jsonl"])
def test_check_as_json_has_the_messages_in_the_language_and_the_rest_as_it_is(
    capsys: pytest.CaptureFixture[str], spoken_rule: str, lang: Lang, form: str
) -> None:
    args = ["check", *EXAMPLE, "--select", spoken_rule, "--format", form, "--lang", lang]
    status, out, _ = run(capsys, *args)
    records = (
        json.loads(out) if form == "json" else [json.loads(line) for line in out.split("\n")[:-1]]
    )
    message = {"vi": "plan.yaml: không có quyền truy cập", "en": "plan.yaml: permission denied"}
    assert (
        0,
        [
            {
                "rule": "test.spoken",
                "severity": "warning",
                "location": "units/0",
                "message": message[lang],
                "expected": "1021.5",
                "actual": "7",
            }
        ],
    ) == (status, records)


# -- the other outputs -------------------------------------------------------------------------


def test_a_refusal_is_said_in_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "schema", "-o", "")
    assert (2, "", "mdpoverty schema: lỗi: -o cần một tên tệp, không được để trống\n") == (
        status,
        out,
        err,
    )
    status, out, err = run(capsys, "schema", "-o", "", "--lang", "en")
    assert (2, "", "mdpoverty schema: error: -o needs a file name, not an empty one\n") == (
        status,
        out,
        err,
    )


def test_a_usage_error_of_a_command_is_said_in_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(capsys, "annex", *EXAMPLE, "--format", "xlsx")
    assert (2, "mdpoverty annex: lỗi: --format xlsx cần -o FILE (một tệp .xlsx)\n") == (status, err)
    status, _, err = run(capsys, "new", "--level", "district", "--year", "2027", "--lang", "en")
    assert 2 == status
    assert (
        "no template of a plan at the level 'district' for 2027 (there is one for 2022–2025)" in err
    )
    status, _, err = run(capsys, "new", "--level", "district", "--year", "2027")
    assert "không có mẫu kế hoạch ở cấp 'district' cho năm 2027 (có mẫu cho 2022–2025)" in err


def test_a_file_the_system_cannot_read_is_said_in_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["households", "classify", "nowhere.csv", "--year", "2024"]
    status, _, err = run(capsys, *args)
    assert (2, "mdpoverty households: lỗi: nowhere.csv: không có tệp hoặc thư mục này\n") == (
        status,
        err,
    )
    status, _, err = run(capsys, *args, "--lang", "en")
    assert (2, "mdpoverty households: error: nowhere.csv: no such file or folder\n") == (
        status,
        err,
    )
