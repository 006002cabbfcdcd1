"""Mutation test over the bundled plan: every single-field corruption of a printed annex cell
that breaks one of the annex's printed invariants is found at the corrupted cell.

The corruption kinds, each defined so that it certainly breaks an invariant:

* a unit row's ``households`` or ``poor_households`` moved by a non-zero amount (the row must
  print the unit's counts: ``annex.counts``);
* a unit row's ``reduction`` moved outside the unit's reduction target (``annex.counts``);
* a row's ``rate_reduction`` moved by a non-zero number of hundredths (it must be the printed
  start rate minus the printed end rate: ``annex.rate-reduction``);
* a unit row's ``start_rate`` moved by at least 0.05 (more than any rounding or truncation
  reading of the rate allows: ``annex.rate``);
* the total row's ``households``, ``poor_households`` or ``reduction`` moved by a non-zero
  amount (they are the sums of the unit rows: ``annex.total``).

Left out: the ``end_rate`` cells (their invariant depends on the reduction a row prints or the
target implies, so a precise "certainly breaks" needs the rule's own reading), the total row's
rates (compared at their printed precision, likewise), the ``number`` and ``label`` columns (no
invariant is checked on them), and the non-annex fields (funding, headline targets, dates),
whose rules are being generalised on another branch.

Budget: the profile's ``max_examples`` (50 by default, 500 in the thorough profile), one
``check`` each.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from mdpoverty.checks import check
from mdpoverty.model.document import Plan
from mdpoverty.model.printed import PrintedRow
from mdpoverty.model.targets import Measure
from mdpoverty.reference.datasets import bac_kan_2024

PLAN = bac_kan_2024()
assert PLAN.annex is not None
ROWS = PLAN.annex.rows
TARGETS = PLAN.unit_targets(Measure.REDUCTION)
BEFORE = {f.location for f in check(PLAN)}


def _with_row(index: int | None, **changes: object) -> Plan:
    """The bundled plan with ``changes`` to unit row ``index`` (``None``: the total row)."""
    annex = PLAN.annex
    assert annex is not None
    if index is None:
        assert annex.total is not None
        changed = attrs.evolve(annex, total=attrs.evolve(annex.total, **changes))  # type: ignore[arg-type]
    else:
        rows = list(annex.rows)
        rows[index] = attrs.evolve(rows[index], **changes)  # type: ignore[arg-type]
        changed = attrs.evolve(annex, rows=rows)
    return attrs.evolve(PLAN, annex=changed)


@st.composite
def corruptions(draw: st.DrawFn) -> tuple[Plan, str]:
    """A plan with one printed annex cell corrupted, and the location of that cell."""
    kind = draw(st.sampled_from(["count", "reduction", "rate_reduction", "start_rate", "total"]))
    index = draw(st.integers(0, len(ROWS) - 1))
    row: PrintedRow = ROWS[index]
    where = f"annex/rows/{row.unit}"
    delta = draw(st.integers(1, 500)) * draw(st.sampled_from([-1, 1]))
    if kind == "count":
        field = draw(st.sampled_from(["households", "poor_households"]))
        value = getattr(row, field) + delta
        changes: dict[str, object] = {field: max(value, 0) if value != 0 else 1}
        if changes[field] == getattr(row, field):
            changes[field] = getattr(row, field) + abs(delta)
    elif kind == "reduction":
        field = "reduction"
        target = TARGETS[row.unit].value
        changes = {field: int(target.high) + abs(delta)}
    elif kind == "rate_reduction":
        field = "rate_reduction"
        assert isinstance(row.rate_reduction, Decimal)  # the bundled plan prints no range
        changes = {field: row.rate_reduction + Decimal(delta).scaleb(-2)}
    elif kind == "start_rate":
        field = "start_rate"
        assert row.start_rate is not None
        moved = row.start_rate + Decimal(max(abs(delta), 5)).scaleb(-2) * (1 if delta > 0 else -1)
        changes = {field: moved if moved >= 0 else row.start_rate + Decimal(abs(delta) + 5) / 100}
    else:
        field = draw(st.sampled_from(["households", "poor_households", "reduction"]))
        total = PLAN.annex.total  # type: ignore[union-attr]
        assert total is not None
        current = getattr(total, field)
        value = current + delta
        changes = {field: value if value >= 0 else current + abs(delta)}
        return _with_row(None, **changes), f"annex/total/{field}"
    return _with_row(index, **changes), f"{where}/{field}"


@given(corrupted=corruptions())
def test_every_corruption_of_a_printed_cell_is_found_at_that_cell(
    corrupted: tuple[Plan, str],
) -> None:
    plan, where = corrupted
    assert where not in BEFORE  # the bundled plan is consistent there
    report = check(plan)
    assert where in {f.location for f in report}
