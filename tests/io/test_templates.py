"""The templates ``mdpoverty new`` writes: the shape each kind and level promises."""

from __future__ import annotations

import importlib
import re
import shlex
from importlib import resources
from pathlib import Path

import pytest

from mdpoverty import Document, HouseholdGroup, Measure, Quantity, check
from mdpoverty.cli import KINDS, LEVELS, main, template_text
from mdpoverty.errors import UnknownNameError
from mdpoverty.io._templates import standard_comment, years_for
from mdpoverty.io.files import read_plan_text, write_plan_text
from mdpoverty.model.figures import Flow, TimePoint


def template(kind: str, level: str) -> Document:
    return read_plan_text(template_text(kind, level))


def test_every_template_file_is_a_kind_and_level() -> None:
    folder = resources.files("mdpoverty.io").joinpath("data", "templates")
    names = {p.name for p in folder.iterdir() if p.name.endswith(".yaml")}
    expected = {f"{k}-{lvl}.yaml" for k in KINDS for lvl in LEVELS} | {"_format.yaml"}
    assert expected == names


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("level", LEVELS)
def test_template_has_its_kind_level_and_the_standard_of_its_year(kind: str, level: str) -> None:
    document = template(kind, level)
    year = 2024 if level in {"country", "district"} else 2027
    standard = "decree-07-2021" if year == 2024 else "decree-351-2025"
    assert (kind, level, year, standard) == (
        document.kind.value,
        document.area.kind.value,
        document.year,
        document.standard,
    )
    assert read_plan_text(write_plan_text(document)) == document


def test_a_district_document_is_dated_before_the_districts_ended() -> None:
    for kind in KINDS:
        date = template(kind, "district").header.date
        assert date is not None
        assert (date.year, date.month or 12) < (2025, 7)


@pytest.mark.parametrize("level", LEVELS)
def test_a_review_prints_poor_near_poor_and_together_at_the_end(level: str) -> None:
    document = template("review", level)
    area = {f.group for f in document.figures if f.about is None and f.time is TimePoint.END}
    assert {
        HouseholdGroup.ALL,
        HouseholdGroup.POOR,
        HouseholdGroup.NEAR_POOR,
        HouseholdGroup.POOR_AND_NEAR_POOR,
    } == area
    assert all(u.households is None for u in document.units)


def test_reviews_above_the_commune_split_urban_and_rural() -> None:
    for level in ("country", "province", "district"):
        assert ["urban", "rural"] == [s.kind.value for s in template("review", level).strata]
    assert ["huyen-ngheo"] == [g.id for g in template("review", "country").groups]


def test_the_provincial_plan_has_ranged_unit_targets_and_no_unit_counts() -> None:
    plan = template("plan", "province")
    targets = plan.unit_targets(Measure.REDUCTION)
    assert [Quantity(40, 50), Quantity(60, 70)] == [targets[u.id].value for u in plan.units]
    assert Quantity(100, 120) == targets[None].value
    assert not any(u.has_counts for u in plan.units)


def test_a_report_restates_targets_and_prints_results() -> None:
    for level in LEVELS:
        report = template("report", level)
        assert report.targets
        assert any(f.time is TimePoint.END for f in report.figures)
        assert report.plan is not None  # type: ignore[attr-defined]


def test_an_unknown_kind_or_level_has_no_template() -> None:
    with pytest.raises(UnknownNameError, match="'ward'"):
        template_text("plan", "ward")


@pytest.mark.parametrize("level", LEVELS)
def test_a_review_prints_the_flows_of_the_year_for_poor_and_near_poor(level: str) -> None:
    document = template("review", level)
    flows = {(f.group, f.flow) for f in document.figures if f.about is None and f.flow}
    assert {
        (HouseholdGroup.POOR, Flow.ESCAPED),
        (HouseholdGroup.POOR, Flow.FELL_BACK),
        (HouseholdGroup.POOR, Flow.NEW),
        (HouseholdGroup.NEAR_POOR, Flow.ESCAPED),
        (HouseholdGroup.NEAR_POOR, Flow.FELL_BACK),
        (HouseholdGroup.NEAR_POOR, Flow.NEW),
        (HouseholdGroup.NEAR_POOR, Flow.FROM_POOR),
        (HouseholdGroup.POOR, Flow.FALL),
    } == flows
    # the sections of the form: the flows of the urban and the rural households
    for stratum in document.strata:
        assert any(f.about == stratum.id and f.flow is Flow.ESCAPED for f in document.figures)


@pytest.mark.parametrize("level", LEVELS)
def test_a_report_prints_its_results_as_falls(level: str) -> None:
    report = template("report", level)
    falls = [f for f in report.figures if f.flow is Flow.FALL]
    assert falls
    assert all(f.count is not None and f.rate is not None for f in falls)


# -- templates of other years -----------------------------------------------------------------

# kind, level -> the years a template is offered for: a province's and a commune's documents
# from 2026 (Decree 351 and the 2026–2035 programme; a review at the end of N serves N + 1, so
# reviews run to 2029), a district's only while districts existed (to mid-2025: its review of
# 2024 is approved in January 2025), the country's under Decree 07 and Decision 90 (2022–2025).
YEARS = {
    ("plan", "country"): range(2022, 2026),
    ("plan", "province"): range(2026, 2031),
    ("plan", "district"): range(2022, 2026),
    ("plan", "commune"): range(2026, 2031),
    ("review", "country"): range(2021, 2026),
    ("review", "province"): range(2025, 2030),
    ("review", "district"): range(2021, 2025),
    ("review", "commune"): range(2026, 2030),
    ("report", "country"): range(2022, 2026),
    ("report", "province"): range(2026, 2031),
    ("report", "district"): range(2022, 2025),
    ("report", "commune"): range(2026, 2031),
}


@pytest.mark.parametrize(("kind", "level"), sorted(YEARS))
def test_a_template_moves_to_each_year_of_its_period_and_checks_clean(
    kind: str, level: str
) -> None:
    base = template(kind, level)
    assert tuple(YEARS[kind, level]) == years_for(template_text(kind, level))
    for year in YEARS[kind, level]:
        document = read_plan_text(template_text(kind, level, year))
        assert (year, base.standard, base.programme) == (
            document.year,
            document.standard,
            document.programme,
        )
        assert document.header.date is not None
        assert base.header.date is not None
        assert document.header.date.year - year == base.header.date.year - base.year
        assert [] == [(f.rule, f.location) for f in check(document)]


def test_a_year_outside_a_templates_period_has_none() -> None:
    with pytest.raises(UnknownNameError, match="2026–2030"):
        template_text("plan", "province", 2024)


def test_the_standard_comment_of_every_template_is_true() -> None:
    for kind in KINDS:
        for level in LEVELS:
            text = template_text(kind, level)
            assert text == standard_comment(text)


def test_the_2027_provincial_plan_shows_the_2026_programme() -> None:
    plan = template("plan", "province")
    codes = [c.code for c in plan.all_components()]
    assert ["HP1", "HP1.ND1", "HP1.ND2", "HP2"] == codes
    capital = {
        c.funding.capital.value for c in plan.all_components() if c.funding and c.funding.capital
    }
    assert {"investment", "recurrent"} == capital
    assert "policy-credit" in {s.kind.value for s in plan.funding_sources}


# -- what the comments name exists ------------------------------------------------------------

_BACKTICKED = re.compile(r"`([^`]+)`")
_NEEDS_A_DOCUMENT = {"check", "annex", "report", "chart"}


def _comments() -> str:
    # both languages: the Vietnamese comments name the same modules, commands and pages
    folder = resources.files("mdpoverty.io").joinpath("data", "templates")
    texts = [
        p.read_text("utf-8")
        for f in (folder, folder.joinpath("vi"))
        for p in f.iterdir()
        if p.name.endswith(".yaml")
    ]
    return "\n".join(
        line.partition("#")[2] for text in texts for line in text.splitlines() if "#" in line
    )


def test_every_module_path_a_template_names_exists() -> None:
    names = {n for n in _BACKTICKED.findall(_comments()) if n.startswith("mdpoverty.")}
    assert names  # the province plan names the catalogs
    for name in sorted(names):
        path = name.removesuffix("()")
        module_name, _, attribute = path.rpartition(".")
        value = getattr(importlib.import_module(module_name), attribute)
        if name.endswith("()"):
            value()


def test_every_command_a_template_names_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    document = tmp_path / "document.yaml"
    document.write_text(template_text(), encoding="utf-8")
    commands = {n for n in _BACKTICKED.findall(_comments()) if n.startswith("mdpoverty ")}
    commands |= set(re.findall(r"^\s*(mdpoverty [a-z].*?)\s*$", _comments(), re.MULTILINE))
    assert {"mdpoverty check", "mdpoverty schema", "mdpoverty new"} <= commands
    for command in sorted(commands):
        args = [document.name if a == "FILE.yaml" else a for a in shlex.split(command)[1:]]
        if args[0] in _NEEDS_A_DOCUMENT and len(args) == 1:
            args.append(document.name)
        if args == ["new"]:
            args += ["-o", "new.yaml"]
        assert (command, 0) == (command, main(args))
        capsys.readouterr()


def test_every_documentation_page_a_template_names_exists() -> None:
    root = Path(__file__).parents[2]
    pages = set(re.findall(r"docs/[\w/.-]+\.md", _comments()))
    assert pages
    assert [] == [p for p in sorted(pages) if not (root / p).is_file()]
