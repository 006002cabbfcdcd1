"""The crosswalk of the 2025 reorganisation as shipped, and the lookups of its units."""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
import subprocess
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from mdpoverty.errors import AmbiguousNameError, MdpovertyError, UnknownNameError
from mdpoverty.model.units import UnitKind
from mdpoverty.reference.admin_units import (
    CROSSWALK_COLUMNS,
    Merge,
    crosswalk,
    crosswalk_rows,
    links,
    links_from,
    links_into,
    new_province,
    new_provinces,
    new_unit,
    new_units,
    old_province,
    old_provinces,
    old_unit,
    old_units,
    unit_kind,
)
from mdpoverty.values.names import name_key

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "admin-2025"
RESOLUTION = DATA / "1683-NQ-UBTVQH15-thai-nguyen.md"
# The published crosswalk beside the clone (the project's shared data), where there is one.
PUBLISHED = ROOT.parent / "shared" / "data" / "admin-2025" / "crosswalk.csv"
# SHA-256 of the published crosswalk.csv (its README in the shared data, and the package's),
# and of the shipped one: the published file with the corrections of the tools folder applied.
PUBLISHED_SHA256 = "924c4aa647b3a5f5eb6c6c4b629497c418ac624a7b90e2c39ba5d2c06da76c0b"
SHIPPED_SHA256 = "49d7fef009c2f4a4d68eaccb45267d11f3f74b65efec2622c83e5eeaf8b4699e"

SHIPPED = resources.files("mdpoverty.reference").joinpath("data", "admin-2025")


# -- the shipped data -----------------------------------------------------------------------------


def test_the_shipped_crosswalk_is_the_file_its_notice_describes() -> None:
    raw = gzip.decompress(SHIPPED.joinpath("crosswalk.csv.gz").read_bytes())
    assert SHIPPED_SHA256 == hashlib.sha256(raw).hexdigest()


def test_the_licence_and_the_notice_ship_with_the_data() -> None:
    licence = SHIPPED.joinpath("LICENSE-dvhcvn-20250701").read_text(encoding="utf-8")
    notice = SHIPPED.joinpath("README.md").read_text(encoding="utf-8")
    assert "MIT License" in licence
    assert "Copyright (c) 2025 dvhcvn" in licence
    assert "dvhcvn/20250701" in notice
    assert PUBLISHED_SHA256 in notice
    assert SHIPPED_SHA256 in notice


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """The published crosswalk.csv: the shared data's copy beside the clone where there is
    one, else the copy kept in tests/data (gzipped), checked against the published file's
    SHA-256, so that these tests run everywhere and never skip."""
    if PUBLISHED.exists():
        return PUBLISHED
    kept = Path(__file__).parents[1] / "data" / "admin-2025" / "crosswalk-published.csv.gz"
    raw = gzip.decompress(kept.read_bytes())
    assert PUBLISHED_SHA256 == hashlib.sha256(raw).hexdigest()
    unpacked = tmp_path / "published" / "crosswalk.csv"
    unpacked.parent.mkdir()
    unpacked.write_bytes(raw)
    return unpacked


def test_the_crosswalk_read_back_is_the_published_csv_but_for_the_corrected_links(
    published: Path,
) -> None:
    with published.open(encoding="utf-8", newline="") as file:
        listed = {(r["new_code"], r["old_code"]): r for r in csv.DictReader(file)}
    shipped = {(r["new_code"], r["old_code"]): r for r in crosswalk_rows()}
    # Eight wrong links removed, two replaced by the right ones (tests/test_crosswalk_corrections).
    assert 8 == len(listed.keys() - shipped.keys())
    assert 2 == len(shipped.keys() - listed.keys())
    unchanged = [
        key
        for key in listed.keys() & shipped.keys()
        if any(listed[key][c] != shipped[key][c] for c in CROSSWALK_COLUMNS[:-2])
    ]
    assert 6 == len(unchanged)  # the six old units flagged partial for the wrong link only
    assert {"full"} == {shipped[key]["merge"] for key in unchanged}
    assert list(shipped.values()) == crosswalk().to_dict("records")


def test_the_build_script_reproduces_the_shipped_file(published: Path, tmp_path: Path) -> None:
    subprocess.run(  # noqa: S603  (our own script, with paths we chose)
        [sys.executable, str(ROOT / "tools" / "build_admin_2025.py"), str(published), tmp_path],
        check=True,
        capture_output=True,
    )
    shipped = SHIPPED.joinpath("crosswalk.csv.gz").read_bytes()
    assert shipped == (tmp_path / "crosswalk.csv.gz").read_bytes()


def test_the_table_has_the_columns_of_the_crosswalk_and_keeps_leading_zeros() -> None:
    frame = crosswalk()
    assert list(CROSSWALK_COLUMNS) == list(frame.columns)
    assert (10598, 11) == frame.shape
    assert "00004" == frame.loc[0, "new_code"]


def test_import_mdpoverty_does_not_read_the_crosswalk() -> None:
    code = (
        "import sys, mdpoverty; mdpoverty.datasets.bac_kan_2024();"
        "print('mdpoverty.reference.admin_units' in sys.modules)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    assert "False" == result.stdout.strip()


# -- integrity ----------------------------------------------------------------------------------


def test_34_new_provinces_63_old_and_3321_new_units() -> None:
    assert 34 == len(new_provinces())
    assert 63 == len(old_provinces())
    assert 3321 == len(new_units())
    assert 10598 == len(links())


def test_every_new_unit_takes_in_at_least_one_old_unit() -> None:
    assert [] == [u for u in new_units() if not links_into(u)]


def test_every_old_unit_goes_somewhere() -> None:
    assert [] == [u for u in old_units() if not links_from(u)]


def test_codes_are_unique_and_of_the_right_length() -> None:
    for units in (new_units(), old_units()):
        assert len(units) == len({u.code for u in units})
    assert {5} == {len(u.code) for u in new_units()}
    # Five island districts became special zones: they keep a district's three digits.
    assert {u.code for u in old_units() if len(u.code) != 5} == {"318", "471", "498", "536", "755"}
    assert all(len(p.code) == 2 for p in (*new_provinces(), *old_provinces()))


def test_a_partial_old_unit_goes_to_two_new_units_or_more_and_a_full_one_to_one() -> None:
    homes: dict[str, set[str]] = defaultdict(set)
    flags: dict[str, set[Merge]] = defaultdict(set)
    for link in links():
        homes[link.old.code].add(link.new.code)
        flags[link.old.code].add(link.merge)
    assert all(len(f) == 1 for f in flags.values())
    partial = [code for code, f in flags.items() if f == {Merge.PARTIAL}]
    assert partial
    assert all(len(homes[code]) >= 2 for code in partial)
    assert all(len(homes[code]) == 1 for code, f in flags.items() if f == {Merge.FULL})


def test_a_new_unit_is_in_one_province_and_its_name_says_its_kind() -> None:
    kinds = {unit_kind(u.name) for u in new_units()}
    assert {UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE} == kinds


def clause(number: int) -> str:
    """The text of clause ``number`` of Article 1 of Resolution 1683/NQ-UBTVQH15, one line."""
    text = RESOLUTION.read_text(encoding="utf-8")
    match = re.search(rf"^{number}\\\. (.*?)(?=^\d+\\\. |\*\*Điều 2)", text, re.M | re.S)
    assert match is not None
    return " ".join(match.group(1).split())


# Transcribed from Resolution 1683/NQ-UBTVQH15 (16 June 2025), Article 1: the new units of the
# Thái Nguyên province that take in the units of the former Bắc Kạn city, each whole ("toàn bộ
# diện tích tự nhiên, quy mô dân số").
RESOLUTION_1683 = {
    89: (
        "Phường Đức Xuân",
        {"Phường Nguyễn Thị Minh Khai", "Phường Huyền Tụng", "Phường Đức Xuân"},
    ),
    90: (
        "Phường Bắc Kạn",
        {"Phường Sông Cầu", "Phường Phùng Chí Kiên", "Phường Xuất Hóa", "Xã Nông Thượng"},
    ),
    64: ("Xã Phong Quang", {"Xã Dương Quang", "Xã Đôn Phong"}),
}


@pytest.mark.parametrize("number", sorted(RESOLUTION_1683))
def test_the_transcription_is_in_the_resolution(number: int) -> None:
    text = name_key(clause(number))
    new, olds = RESOLUTION_1683[number]
    assert "toàn bộ diện tích tự nhiên" in text
    assert f"tên gọi là **{name_key(new)}**" in text
    for old in olds:
        assert name_key(old.split(" ", 1)[1]) in text


@pytest.mark.parametrize("number", sorted(RESOLUTION_1683))
def test_the_rows_of_bac_kan_city_agree_with_the_resolution(number: int) -> None:
    new_name, old_names = RESOLUTION_1683[number]
    unit = new_unit(new_name, province="Thái Nguyên")
    taken = links_into(unit)
    assert old_names == {link.old.name for link in taken}
    assert {"Tỉnh Bắc Kạn"} == {link.old.province for link in taken}
    assert {Merge.FULL} == {link.merge for link in taken}


# -- lookups --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key", ["01855", "Phường Xuất Hóa", "Phường Xuất Hoá", "P. Xuất Hoá", "xuất hóa", "XUẤT HOÁ"]
)
def test_an_old_unit_by_code_or_name_as_people_write_it(key: str) -> None:
    assert "01855" == old_unit(key, province="Bắc Kạn").code


@pytest.mark.parametrize("province", ["06", "Bắc Kạn", "Tỉnh Bắc Kạn", "tỉnh  BẮC KẠN"])
def test_a_province_by_code_or_name(province: str) -> None:
    assert "Tỉnh Bắc Kạn" == old_province(province).name


def test_an_unknown_province_suggests_the_nearest() -> None:
    with pytest.raises(UnknownNameError, match=r"did you mean Tỉnh Bắc Kạn \(06\)"):
        old_province("Bắc Cạn")


def test_province_codes_are_reused_for_other_names_after_the_reorganisation() -> None:
    assert "Tỉnh Bắc Giang" == old_province("24").name
    assert "Tỉnh Bắc Ninh" == new_province("24").name


def test_an_ambiguous_name_lists_the_candidates_with_their_codes() -> None:
    with pytest.raises(AmbiguousNameError) as raised:
        old_unit("Đức Xuân")
    assert ["01204", "01831", "01840"] == sorted(
        re.search(r"\((\d+),", c).group(1)  # type: ignore[union-attr]
        for c in raised.value.candidates
    )
    assert "Phường Đức Xuân (01840, Tỉnh Bắc Kạn)" in str(raised.value)
    assert isinstance(raised.value, KeyError)
    assert isinstance(raised.value, MdpovertyError)


def test_the_kind_or_the_province_settles_an_ambiguous_name() -> None:
    assert "01840" == old_unit("Phường Đức Xuân").code
    assert "01831" == old_unit("Đức Xuân", province="Cao Bằng").code


def test_an_unknown_name_suggests_the_nearest() -> None:
    with pytest.raises(UnknownNameError, match=r"did you mean Phường Xuất Hóa \(01855"):
        old_unit("Xuat Hoa", province="Bắc Kạn")


def test_a_code_outside_the_province_is_unknown() -> None:
    with pytest.raises(UnknownNameError, match="Tỉnh Cao Bằng"):
        old_unit("01855", province="Cao Bằng")


def test_new_units_by_name_and_what_they_take_in() -> None:
    unit = new_unit("xã phong quang", province="19")
    assert "01849" == unit.code
    assert ["01849", "01984"] == [link.old.code for link in links_into(unit)]
    assert [unit] == [link.new for link in links_from("01984")]


def test_a_partial_old_unit_is_found_under_each_of_its_new_units() -> None:
    link = next(link for link in links() if link.merge is Merge.PARTIAL)
    homes = links_from(link.old)
    assert len(homes) >= 2
    assert all(link.old == h.old and h.merge is Merge.PARTIAL for h in homes)


def test_the_tables_read_back_in_memory_equal_the_rows() -> None:
    rows = crosswalk_rows()
    assert [
        (r["new_code"], r["new_name"], r["old_code"], r["old_name"], r["merge"]) for r in rows
    ] == [(k.new.code, k.new.name, k.old.code, k.old.name, k.merge.value) for k in links()]
