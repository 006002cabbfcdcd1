"""The templates ``mdpoverty new`` writes: the shape each kind and level promises."""

from __future__ import annotations

from importlib import resources

import pytest

from mdpoverty import Document, HouseholdGroup, Measure, Quantity
from mdpoverty.cli import KINDS, LEVELS, template_text
from mdpoverty.errors import UnknownNameError
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
