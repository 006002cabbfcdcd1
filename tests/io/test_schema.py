"""The JSON Schema of plan files: shipped as generated, and plan files validate against it."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from mdpoverty.cli import template_text
from mdpoverty.io._parse import parse_yaml
from mdpoverty.io.files import plan_to_data, write_plan_text
from mdpoverty.io.schema import plan_schema, schema_text, shipped_schema
from mdpoverty.model.document import Plan
from mdpoverty.reference.datasets import bac_kan_2024, example_path
from mdpoverty.testing import plans

VALIDATOR = jsonschema.Draft202012Validator(plan_schema())


def errors(data: object) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)
    ]


def yaml_data(text: str) -> Any:
    return parse_yaml(text, "<text>")[0]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(plan_schema())


def test_the_shipped_schema_is_the_generated_one() -> None:
    # After a change of the model: mdpoverty schema -o src/mdpoverty/io/data/plan.schema.json
    assert plan_schema() == shipped_schema()
    assert json.loads(schema_text()) == shipped_schema()


def test_the_bundled_plan_file_validates() -> None:
    assert [] == errors(yaml_data(example_path("bac-kan-2024").read_text(encoding="utf-8")))


def test_the_bundled_plan_as_json_validates() -> None:
    # JSON as a JSON tool reads it: Decimals are text, which the schema allows.
    assert [] == errors(json.loads(write_plan_text(bac_kan_2024(), "json")))


def test_the_template_validates() -> None:
    assert [] == errors(yaml_data(template_text()))


@given(plan=plans())
def test_every_plan_file_validates(plan: Plan) -> None:
    assert [] == errors(json.loads(write_plan_text(plan, "json")))
    assert [] == errors(yaml_data(write_plan_text(plan, "yaml")))


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("units", 0, "colour"), "blue", "units/0"),
        (("units", 0, "households"), -1, "units/0/households"),
        (("units", 0, "kind"), "village", "units/0/kind"),
        (("units", 0, "id"), "Sông Cầu", "units/0/id"),
        (("header", "date"), "2024-13", "header/date"),
        (("components", 0, "code"), "Dự án 2", "components/0/code"),
        (("components", 0, "funding", "total"), -5, "components/0/funding"),
        (("targets", 0, "value"), {"low": 1}, "targets/0/value"),
        (("header", "title"), "", "header/title"),
        # Checks inside optional(...) and tuple_of(...) give their patterns too.
        (("targets", 0, "about"), "Xã A", "targets/0/about"),
        (("units", 0, "parent"), "Sông Cầu", "units/0/parent"),
        (("standard",), "Nghị định 07", "standard"),
        (("responsibilities", 0, "components", 0), "Dự án 4", "responsibilities/0/components/0"),
        (("figures",), [{"group": "poor", "about": "Xã A", "count": 1}], "figures/0/about"),
        (("strata",), [{"id": "s", "name": "S", "kind": "urban", "of": "Xã A"}], "strata/0/of"),
        (("groups",), [{"id": "g", "name": "G", "members": ["Xã A"]}], "groups/0/members/0"),
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(
    path: tuple[str | int, ...], value: object, where: str
) -> None:
    data: Any = plan_to_data(bac_kan_2024())
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    assert any(e.startswith(where) for e in errors(data)), errors(data)


def test_required_fields_and_descriptions_come_from_the_model() -> None:
    schema = plan_schema()
    unit = schema["$defs"]["AdministrativeUnit"]
    assert ["id", "name", "kind"] == unit["required"]  # a unit may have no counts
    assert ["kind", "header", "area", "period"] == schema["required"]
    assert unit["additionalProperties"] is False
    assert (
        "Poor households at the start of the year, where printed."
        == (unit["properties"]["poor_households"]["description"])
    )
    assert "ward" in schema["$defs"]["UnitKind"]["enum"]
