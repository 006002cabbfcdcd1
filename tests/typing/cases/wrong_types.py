"""Calls that type checkers must refuse: each line marked ``# E: code`` is a mypy error of that
code, and no other line is.  Read by tests/typing/test_mypy_refuses.py, never run (the calls sit
in a function that nothing calls)."""

from __future__ import annotations

import io
from decimal import Decimal

import mdpoverty
from mdpoverty import Area, Finding, Header, PartialDate, Period, Plan, Report, Review, Severity


def cases() -> None:
    header = Header(issuer="UBND xã A", date=PartialDate(2024, 3), title="KẾ HOẠCH")
    area = Area(name="xã A", kind=mdpoverty.UnitKind.COMMUNE)
    period = Period(2024, 2024)

    Plan(header=header, area=area, period=period, units=["not a unit", 42])  # E: list-item
    Plan(header=header, area=area, period=period, targets=("x",))  # E: arg-type
    Plan(header=header, area=area, period=period, components=[area])  # E: list-item

    plan: Plan = mdpoverty.load_plan("plan.yaml", kind=Plan)
    review: Review = mdpoverty.load_plan("plan.yaml", kind=Plan)  # E: assignment
    document_only: Plan = mdpoverty.load_plan("plan.yaml")  # E: assignment
    mdpoverty.load_plan(42)  # E: call-overload
    mdpoverty.load_plan(io.BytesIO(b""), fmt="xml")  # E: call-overload

    mdpoverty.annex(plan, labels="field")  # E: arg-type
    mdpoverty.annex(plan, total="no")  # E: arg-type
    mdpoverty.funding_by_source(plan, labels="names")  # E: arg-type
    mdpoverty.check("plan.yaml")  # E: arg-type
    mdpoverty.save_plan(plan, 42)  # E: arg-type

    Finding("a.b", Severity.ERROR, ".", "m", expected=object())  # E: arg-type
    Finding("a.b", Severity.ERROR, ".", "m", expected=Decimal(1), actual=(PartialDate(2024),))
    Report(findings=["not a finding"])  # E: list-item
    del review, document_only  # named to show what each call gives
