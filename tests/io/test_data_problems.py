"""The problems of plan data get the line of their path, and keep everything else."""

from __future__ import annotations

from mdpoverty.errors import FileProblem
from mdpoverty.io._data_problems import with_lines


def test_a_problem_gets_the_line_of_its_path_or_of_its_nearest_parent() -> None:
    problems = [
        FileProblem("units/0/households", "is a key given twice", code="duplicate-key"),
        FileProblem("units/1", "must name a kind", code="missing-field"),
    ]
    placed = with_lines(problems, {"units/0": 7, "units/1": 12})
    assert [("units/0/households", 7, "duplicate-key"), ("units/1", 12, "missing-field")] == [
        (p.path, p.line, p.code) for p in placed
    ]


def test_a_problem_that_has_a_line_keeps_it_and_problems_are_in_line_order() -> None:
    problems = [
        FileProblem("b", "is wrong", line=30, code="invalid-value"),
        FileProblem("a", "is wrong", code="wrong-type"),
    ]
    placed = with_lines(problems, {"a": 4, "b": 9})
    assert [("a", 4, "wrong-type"), ("b", 30, "invalid-value")] == [
        (p.path, p.line, p.code) for p in placed
    ]
