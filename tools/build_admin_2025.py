"""Build the package's compact copy of the crosswalk of the 2025 reorganisation.

Usage::

    python tools/build_admin_2025.py [CROSSWALK] [OUTPUT_DIR] [CORRECTIONS]

``CROSSWALK`` is the published ``crosswalk.csv`` (default
``../shared/data/admin-2025/crosswalk.csv``), ``OUTPUT_DIR`` the package's data folder (default
``src/mdpoverty/reference/data/admin-2025``), ``CORRECTIONS`` the links checked against the
resolutions (default ``tools/admin-2025-corrections.csv``).

The script applies the corrections, adds the columns ``verification`` and ``source`` (empty
where a link is as the source list gives it), checks the result (its columns; one name and one
province for each code; one merge flag for each old unit; a partial old unit under two new units
or more, a full one under exactly one; a source for every verified or doubtful link) and writes
it gzip-compressed as ``crosswalk.csv.gz``, with no time or file name in the gzip header so that
the output is reproducible.

The corrections file has one row per action: ``remove`` a link the resolutions contradict;
``link`` an old unit to a new one (added, or its merge flag set) as a resolution's clause says,
marked ``verified``; ``verify`` every link into a new unit (``old_code`` ``*``) whose clause was
read; ``doubt`` a link that could not be confirmed.  Each names its ``source``.

Why not normalised tables (provinces, units, links)?  Measured on the 10,604 rows: the five
tables come to 133 kB gzip-compressed, the whole file to 111 kB, because gzip already removes the
repetition of names that normalising would; and the file read back is the published crosswalk
exactly, with nothing to join.  (xz would give 87 kB, but Python builds without ``lzma`` exist;
``zlib`` is always there.)  The package builds its tables in memory on first use.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from mdpoverty.reference.admin_units import CROSSWALK_COLUMNS

COLUMNS = CROSSWALK_COLUMNS  # the package reads the file it writes: one list of columns
PUBLISHED_COLUMNS = COLUMNS[:-2]  # the published file has no verification and source
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "admin-2025" / "crosswalk.csv"
DEFAULT_OUTPUT = ROOT / "src" / "mdpoverty" / "reference" / "data" / "admin-2025"
DEFAULT_CORRECTIONS = ROOT / "tools" / "admin-2025-corrections.csv"
_MARKS = {"verified", "doubtful", ""}


def corrected(published: str, corrections: str) -> str:
    """The ``published`` crosswalk with the ``corrections`` applied, as CSV text."""
    reader = csv.DictReader(io.StringIO(published, newline=""))
    if tuple(reader.fieldnames or ()) != PUBLISHED_COLUMNS:
        raise ValueError(f"columns {reader.fieldnames}, expected {list(PUBLISHED_COLUMNS)}")
    rows = {(r["new_code"], r["old_code"]): {**r, "verification": "", "source": ""} for r in reader}
    new = {r["new_code"]: r for r in rows.values()}
    old = {r["old_code"]: r for r in rows.values()}
    for fix in csv.DictReader(io.StringIO(corrections, newline="")):
        action, key = fix["action"], (fix["new_code"], fix["old_code"])
        if action == "remove":
            del rows[key]  # a KeyError names a correction that no longer applies
        elif action == "link":
            row = rows.get(key) or {
                **{c: new[key[0]][c] for c in COLUMNS if c.startswith("new_")},
                **{c: old[key[1]][c] for c in COLUMNS if c.startswith("old_")},
            }
            rows[key] = {**row, "merge": fix["merge"], "verification": "verified"}
            rows[key]["source"] = fix["source"]
        elif action in {"verify", "doubt"}:
            mark = "verified" if action == "verify" else "doubtful"
            keys = [k for k in rows if k[0] == key[0] and key[1] in ("*", k[1])]
            if not keys:
                raise ValueError(f"no link {key} to {action}")
            for k in keys:
                rows[k] = {**rows[k], "verification": mark, "source": fix["source"]}
        else:
            raise ValueError(f"unknown action {action!r} in the corrections")
    ordered = sorted(
        rows.values(), key=lambda r: (r["new_province_code"], r["new_code"], r["old_code"])
    )
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(ordered)
    return out.getvalue()


def problems(text: str) -> list[str]:
    """Everything inconsistent in the crosswalk ``text`` (empty when it is fine)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        return [f"columns {reader.fieldnames}, expected {list(COLUMNS)}"]
    described: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    flags: dict[str, set[str]] = defaultdict(set)
    homes: dict[str, set[str]] = defaultdict(set)
    extra: list[str] = []
    for row in reader:
        for era in ("new", "old"):
            described[era + " province", row[f"{era}_province_code"]].add((row[f"{era}_province"],))
            described[era + " unit", row[f"{era}_code"]].add(
                (row[f"{era}_name"], row[f"{era}_province_code"])
            )
        flags[row["old_code"]].add(row["merge"])
        homes[row["old_code"]].add(row["new_code"])
        mark = row["verification"]
        if mark not in _MARKS or bool(mark) != bool(row["source"]):
            link = f"{row['new_code']} <- {row['old_code']}"
            extra.append(f"link {link}: verification {mark!r} with source {row['source']!r}")
    found = extra + [
        f"{what} {code}: {sorted(d)}" for (what, code), d in described.items() if len(d) > 1
    ]
    for code, merge in flags.items():
        if merge not in ({"full"}, {"partial"}):
            found.append(f"old unit {code}: merge flags {sorted(merge)}")
        elif (merge == {"full"}) != (len(homes[code]) == 1):
            found.append(f"old unit {code}: {merge} but under {len(homes[code])} new units")
    return found


def compressed(raw: bytes) -> bytes:
    """``raw`` gzip-compressed, with no time or name in the header (reproducible)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as gz:
        gz.write(raw)
    return buffer.getvalue()


def build(source: Path, output: Path, corrections: Path = DEFAULT_CORRECTIONS) -> Path:
    """Correct and check ``source`` and write it compressed into ``output``; the path written."""
    text = corrected(source.read_text(encoding="utf-8"), corrections.read_text(encoding="utf-8"))
    raw = text.encode("utf-8")
    found = problems(text)
    if found:
        raise ValueError(f"{source}: " + "; ".join(found))
    output.mkdir(parents=True, exist_ok=True)
    path = output / "crosswalk.csv.gz"
    path.write_bytes(compressed(raw))
    return path


def main(argv: Sequence[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    fixes = Path(argv[2]) if len(argv) > 2 else DEFAULT_CORRECTIONS
    path = build(source, output, fixes)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    shipped = hashlib.sha256(gzip.decompress(path.read_bytes())).hexdigest()
    sys.stdout.write(
        f"{path}: {path.stat().st_size:,} bytes; source sha256 {digest}; shipped sha256 {shipped}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
