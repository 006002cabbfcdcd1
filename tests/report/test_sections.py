"""The registry of sections: a document gets the sections of what it holds, and no more."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest

from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.report import SECTIONS, anchor, section
from mdpoverty.report.sections import Context, sections_for


@attrs.frozen
class _Review:
    """A stand-in for a review result: it holds counts by unit and stratum, no annex."""

    counts: tuple[str, ...]
    units: tuple[str, ...] = ()


@pytest.fixture
def review_section() -> Iterator[str]:
    @section("review_counts", holds="counts", order=25)
    def review_counts(ctx: Context) -> Mapping[str, Any]:
        return {}

    yield "review_counts"
    del SECTIONS["review_counts"]


def test_a_plan_has_the_sections_of_what_it_holds() -> None:
    keys = [s.key for s in sections_for(bac_kan_2024())]
    expected = ["header", "annex", "rates", "funding", "deficits", "agencies", "carry_over"]
    assert [*expected, "findings"] == keys


def test_a_new_kind_of_document_gets_its_sections_by_what_it_holds(review_section: str) -> None:
    keys = [s.key for s in sections_for(_Review(counts=("a",)))]
    assert [review_section, "findings"] == keys
    assert review_section not in [s.key for s in sections_for(bac_kan_2024())]
    assert review_section not in [s.key for s in sections_for(_Review(counts=()))]


def test_anchors_are_one_id_per_location() -> None:
    locations = [
        "annex/rows/a/start_rate",
        "annex/rows/a",
        "a b",
        "a%20b",
        "a--b",
        "a/b",
        "components/DA3.TDA1",
    ]
    ids = [anchor(where) for where in locations]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("at-") and " " not in i for i in ids)


def test_the_command_line_and_the_import_load_neither_matplotlib_nor_jinja2() -> None:
    code = (
        "import sys, mdpoverty, mdpoverty.cli\n"
        "mdpoverty.cli.build_parser()\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    out = subprocess.run(  # noqa: S603  (a fixed command line)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert set() == set(out.stdout.split()) & {"matplotlib", "jinja2"}
