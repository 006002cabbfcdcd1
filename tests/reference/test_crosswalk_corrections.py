"""The links of the crosswalk checked against the resolutions, and the eight corrected ones.

The source list linked eight new communes to a commune of another former province whose name is
that, or nearly, of one of their own.  The clauses quoted in
``tests/data/admin-2025/cross-province-clauses.md`` settle each: these tests read the clauses
themselves (never the corrections file) and compare the shipped links with them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from mdpoverty.reference.admin_units import (
    Merge,
    Verification,
    links,
    links_from,
    links_into,
    new_unit,
)
from mdpoverty.values.names import core_key

CLAUSES = Path(__file__).resolve().parents[1] / "data" / "admin-2025" / "cross-province-clauses.md"
_LINE = re.compile(r"^- (\d{4}/NQ-UBTVQH15) khoản (\d+): (.*)$")
_KIND = re.compile(r"^(?:các )?(?:xã|phường|thị trấn)\s*")


def _clauses() -> dict[str, str]:
    found = {}
    for line in CLAUSES.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line)
        if match:
            found[f"{match[1]} Điều 1 khoản {match[2]}"] = match[3]
    return found


def _read(clause: str) -> tuple[str, dict[str, Merge]]:
    """The new unit's name and the old units' names (core keys) with whole or part."""
    before, new = clause.split(" thành ", 1)
    name = new.split("có tên gọi là ", 1)[1].rstrip(".")
    listed = before.split(" của ", 1)[1]
    olds: dict[str, Merge] = {}
    for item in re.split(r",\s*| và ", listed):
        rest = "phần còn lại của "
        merge = Merge.PARTIAL if item.startswith(rest) else Merge.FULL
        name_only = item.removeprefix(rest).split(" sau khi ", 1)[0]
        name_only = re.sub(r"\s*\(.*?\)", "", _KIND.sub("", name_only.strip()))
        olds[core_key(name_only)] = merge
    return name, olds


CLAUSE_TEXT = _clauses()


def test_the_clauses_file_quotes_sixteen_clauses() -> None:
    assert 16 == len(CLAUSE_TEXT)


def test_no_new_unit_takes_in_units_of_two_former_provinces() -> None:
    provinces: dict[str, set[str]] = defaultdict(set)
    for link in links():
        provinces[link.new.code].add(link.old.province_code)
    assert {} == {code: p for code, p in provinces.items() if len(p) > 1}


@pytest.mark.parametrize("source", sorted(CLAUSE_TEXT))
def test_every_link_into_the_unit_of_a_clause_is_verified_and_as_the_clause_says(
    source: str,
) -> None:
    name, olds = _read(CLAUSE_TEXT[source])
    into = [link for link in links() if link.source == source]
    assert into, f"no link cites {source}"
    unit = into[0].new
    assert core_key(name) == core_key(unit.name)
    confirmed = [link for link in links_into(unit) if not link.doubtful]
    assert {link.old.code for link in confirmed} == {link.old.code for link in into}
    assert {Verification.VERIFIED} == {link.verification for link in into}
    assert olds == {core_key(link.old.name): link.merge for link in into}


# (old code, the wrong new unit of the source list, the new unit its resolution names)
CORRECTED = [
    ("13219", "11995", "13219"),  # Việt Hùng (Thái Bình): not Đại Đồng but Vạn Xuân
    ("14380", "14014", "14365"),  # Đông Sơn (Ninh Bình): not Nam Đồng but Trung Sơn
    ("20669", "20242", "20669"),  # Phước Ninh (Quảng Nam): not Hải Châu but Quế Phước
    ("30622", "30259", "30604"),  # Tân Phú (An Giang): not Tân Phú Trung but Vĩnh An
    ("28924", "29734", "28921"),  # Hòa Lộc (Bến Tre): not Hòa Hiệp but Tân Thành Bình
    ("31588", "31201", "31579"),  # Hưng Phú (Sóc Trăng): not Hưng Phú ward but Long Hưng
    ("31771", "31232", "31777"),  # Vĩnh Thành (Sóc Trăng): not Vĩnh Thạnh but Vĩnh Lợi
    ("31379", "31582", "31378"),  # Phú Tân (Hậu Giang): not Thuận Hòa but Phú Hữu
]


@pytest.mark.parametrize(("old", "wrong", "right"), CORRECTED)
def test_each_corrected_old_unit_goes_whole_into_the_unit_its_resolution_names(
    old: str, wrong: str, right: str
) -> None:
    homes = links_from(old)
    assert [right] == [link.new.code for link in homes]
    assert Merge.FULL is homes[0].merge
    assert wrong not in {link.new.code for link in homes}


def test_hai_chau_takes_in_the_phuoc_ninh_ward_of_da_nang_only() -> None:
    unit = new_unit("Phường Hải Châu", province="Đà Nẵng")
    olds = {(link.old.name, link.old.province) for link in links_into(unit)}
    assert ("Phường Phước Ninh", "Thành phố Đà Nẵng") in olds
    assert ("Xã Phước Ninh", "Tỉnh Quảng Nam") not in olds


def test_the_old_que_phuoc_not_in_its_clause_is_a_doubtful_link() -> None:
    # Clause 59 names three communes; the source list adds a fourth, xã Quế Phước.
    (link,) = links_from("20674")
    assert ("20669", Verification.DOUBTFUL) == (link.new.code, link.verification)
    assert link.doubtful
    assert "khoản 59" in link.source
    assert ["20674"] == [k.old.code for k in links() if k.doubtful]
