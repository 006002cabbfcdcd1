"""The command never shows a traceback: exit statuses, output paths, narrow terminals, links."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mdpoverty import cli
from mdpoverty.checks import Finding, Severity, check, rule, unregister
from mdpoverty.cli import plans
from mdpoverty.io._atomic import write_text_atomically
from mdpoverty.io.files import load_plan, save_plan
from mdpoverty.model.document import Document
from mdpoverty.reference.datasets import bac_kan_2024, example_path

EXAMPLE = ["--example", "bac-kan-2024"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_an_unexpected_exception_is_one_line_and_exit_status_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(_: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(plans, "load_plan", broken)
    path = tmp_path / "plan.yaml"
    path.write_text("{}", encoding="utf-8")
    status, out, err = run(capsys, "check", str(path))
    assert (3, "") == (status, out)
    assert 1 == len(err.splitlines())
    assert "mdpoverty check: lỗi: lỗi nội bộ: RuntimeError: boom second line" in err
    assert "Traceback" not in err
    status, out, err = run(capsys, "check", str(path), "--lang", "en")
    assert (3, "") == (status, out)
    assert "mdpoverty check: error: internal error: RuntimeError: boom second line" in err


def test_the_exit_statuses_are_documented_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help", "--lang", "en")
    assert 0 == status
    assert "exit status:" in out
    assert "3  an internal error" in out
    status, out, _ = run(capsys, "--help", "--lang", "vi")
    assert 0 == status
    assert "mã thoát:" in out
    assert "3  lỗi nội bộ" in out


@pytest.mark.parametrize("output", ["", "/", ".", "missing-folder/plan.yaml"])
def test_an_output_path_that_cannot_be_a_file_is_refused_before_any_work(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    output: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    loaded: list[object] = []
    monkeypatch.setattr(plans, "load", loaded.append)
    status, out, err = run(capsys, "annex", *EXAMPLE, "--format", "csv", "-o", output)
    assert (2, "", []) == (status, out, loaded)
    assert err.startswith("mdpoverty annex: lỗi:")
    assert "Traceback" not in err


def test_an_unwritable_target_is_named_not_its_temporary_file() -> None:
    with pytest.raises(OSError, match=r"cannot write /proc/plan\.yaml") as caught:
        write_text_atomically("/proc/plan.yaml", "text")
    assert ".tmp" not in str(caught.value)


def test_saving_through_a_symbolic_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real" / "plan.yaml"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "plan.yaml"
    link.symlink_to(real)
    save_plan(bac_kan_2024(), link)
    assert link.is_symlink()
    assert bac_kan_2024() == load_plan(real)
    assert [] == [p.name for p in real.parent.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("argv", [["check", *EXAMPLE], ["--help"], ["annex", *EXAMPLE]])
def test_a_terminal_that_cannot_show_vietnamese_gets_text_without_diacritics(
    argv: list[str],
) -> None:
    result = subprocess.run(  # noqa: S603  (a fixed command line)
        [sys.executable, "-m", "mdpoverty", *argv],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert b"Traceback" not in result.stderr
    assert result.returncode in (0, 1)
    if argv[0] == "annex":
        assert b"Phuong Song Cau" in result.stdout
    if argv[0] == "--help":  # the suite's Vietnamese, without its diacritics (not "c?ch d?ng")
        assert result.stdout.startswith(b"cach dung: mdpoverty")


def test_a_rule_that_fails_is_a_finding_of_its_own_and_the_others_still_run() -> None:
    @rule("test.broken", Severity.WARNING, title="Fails", rationale="To see check survive it.")
    def broken(plan: Document) -> list[Finding]:
        raise ZeroDivisionError("division by zero")

    try:
        report = check(bac_kan_2024())
    finally:
        unregister("test.broken")
    found = report.filter(rule="test.broken")
    assert 1 == len(found)
    assert "ZeroDivisionError" in found[0].message
    assert Severity.ERROR is found[0].severity
    assert report.filter(rule="funding")  # the other rules' findings are there


def test_import_annex_into_its_own_yaml_file_keeps_comments_order_and_layout(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan_file = tmp_path / "plan.yaml"
    original = example_path("bac-kan-2024").read_text(encoding="utf-8")
    plan_file.write_text(original, encoding="utf-8")
    sheet = tmp_path / "annex.csv"
    assert 0 == run(capsys, "annex", str(plan_file), "--format", "csv", "-o", str(sheet))[0]
    sheet.write_text(
        sheet.read_text(encoding="utf-8-sig").replace(",2347,27,", ",2350,27,"), "utf-8-sig"
    )
    args = ["import-annex", str(plan_file), str(sheet), "-o", str(plan_file), "--lang", "en"]
    status, _, err = run(capsys, *args)
    assert 2 == status  # the plan exists: replaced only with --force
    assert "exists; use --force to replace it" in err
    assert original == plan_file.read_text(encoding="utf-8")
    status, _, err = run(capsys, *args, "--force")
    assert (0, "") == (status, err)
    rewritten = plan_file.read_text(encoding="utf-8")
    changed = [
        (old, new)
        for old, new in zip(original.splitlines(), rewritten.splitlines(), strict=True)
        if old != new
    ]
    # Only the unit's count and its printed row's count change (the row's rate is still 1,15):
    # every comment and every other line stays as written.
    assert [("2347", "2350"), ("2347", "2350")] == [
        (o.split("households: ")[1][:4], n.split("households: ")[1][:4]) for o, n in changed
    ]
    assert 2350 == load_plan(plan_file).unit("song-cau").households


def test_a_save_removes_the_temporary_file_a_killed_save_left(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    abandoned = tmp_path / f".plan.yaml.{dead.stdout.strip()}.0123abcd.tmp"
    abandoned.write_text("half a plan", encoding="utf-8")
    other = tmp_path / ".other.yaml.1.0123abcd.tmp"  # another target's: not touched
    other.write_text("", encoding="utf-8")
    save_plan(bac_kan_2024(), target)
    assert not abandoned.exists()
    assert other.exists()
    assert bac_kan_2024() == load_plan(target)
