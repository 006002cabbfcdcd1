"""Laws of carry_over over plans drawn from real units of the crosswalk."""

from __future__ import annotations

from hypothesis import given

from mdpoverty.aggregate.carry_over import carry_back, carry_over
from mdpoverty.model.document import Plan
from mdpoverty.reference import admin_units as au
from mdpoverty.testing import _oracle as oracle
from mdpoverty.testing import new_unit_plans, old_unit_plans


def old_codes(plan: Plan) -> dict[str, int]:
    """The plan's households by the code of its old unit (by name where it has no code)."""
    province = plan.area.name
    return {
        (u.code or au.old_unit(u.name, province=province).code): u.households or 0
        for u in plan.units
    }


@given(old_unit_plans())
def test_a_row_is_complete_exactly_when_every_old_unit_is_covered_and_whole(plan: Plan) -> None:
    covered = old_codes(plan)
    table = carry_over(plan)
    for code, complete in table["complete"].items():
        links = au.links_into(str(code))
        expected = all(
            link.old.code in covered and link.merge is au.Merge.FULL and not link.doubtful
            for link in links
        )
        assert expected == complete


@given(old_unit_plans())
def test_counts_are_conserved_over_whole_merges(plan: Plan) -> None:
    covered = old_codes(plan)
    table = carry_over(plan)
    complete = table[table["complete"]]
    in_complete: set[str] = set()
    for code, households in complete["households"].items():
        olds = {link.old.code for link in au.links_into(str(code))}
        assert sum(covered[c] for c in olds) == households
        in_complete |= olds
    # Every household of the plan is in exactly one complete row, or in none.
    outside = sum(h for c, h in covered.items() if c not in in_complete)
    assert sum(covered.values()) == int(complete["households"].sum()) + outside


@given(old_unit_plans())
def test_an_incomplete_row_shows_no_count_and_says_why(plan: Plan) -> None:
    table = carry_over(plan)
    incomplete = table[~table["complete"]]
    assert incomplete["households"].isna().all()
    assert incomplete["poverty_rate"].isna().all()
    assert (incomplete["why"] != "").all()


@given(old_unit_plans())
def test_rates_are_recomputed_from_the_summed_counts(plan: Plan) -> None:
    complete = carry_over(plan).query("complete")
    for _, row in complete.iterrows():
        assert (
            oracle.printed_rate(int(row["poor_households"]), int(row["households"]))
            == row["poverty_rate"]
        )
        end = oracle.printed_rate(
            int(row["poor_households"] - row["reduction"]), int(row["households"])
        )
        assert end == row["end_rate"]


@given(new_unit_plans())
def test_a_plan_in_new_units_carries_over_as_the_identity(plan: Plan) -> None:
    table = carry_over(plan)
    by_code = {u.code or au.new_unit(u.name, province=plan.area.name).code: u for u in plan.units}
    assert sorted(by_code) == list(table.index)
    assert table["complete"].all()
    for code, row in table.iterrows():
        unit = by_code[str(code)]
        assert unit.households == row["households"]
        assert unit.poor_households == row["poor_households"]
        assert unit.poverty_rate == row["poverty_rate"]


@given(new_unit_plans())
def test_carry_back_is_complete_exactly_where_new_units_hold_only_one_old_unit(
    plan: Plan,
) -> None:
    covered = {u.code or au.new_unit(u.name, province=plan.area.name).code for u in plan.units}
    table = carry_back(plan)
    for code, complete in table["complete"].items():
        homes = au.links_from(str(code))
        expected = all(
            link.new.code in covered
            and {k.old.code for k in au.links_into(link.new)} == {str(code)}
            for link in homes
        )
        assert expected == complete
