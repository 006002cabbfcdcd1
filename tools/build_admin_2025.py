"""Build the package's compact copy of the crosswalk of the 2025 reorganisation.

Usage::

    python tools/build_admin_2025.py [CROSSWALK] [OUTPUT_DIR]

``CROSSWALK`` is the published ``crosswalk.csv`` (default
``../shared/data/admin-2025/crosswalk.csv``), ``OUTPUT_DIR`` the package's data folder (default
``src/mdpoverty/reference/data/admin-2025``). The script checks the file (its columns; one name
and one province for each code; one merge flag for each old unit; a partial old unit under two
new units or more, a full one under exactly one) and writes it gzip-compressed, unchanged byte
for byte, as ``crosswalk.csv.gz``, with no time or file name in the gzip header so that the
output is reproducible.

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
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "admin-2025" / "crosswalk.csv"
DEFAULT_OUTPUT = ROOT / "src" / "mdpoverty" / "data" / "admin-2025"


def problems(text: str) -> list[str]:
    """Everything inconsistent in the crosswalk ``text`` (empty when it is fine)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        return [f"columns {reader.fieldnames}, expected {list(COLUMNS)}"]
    described: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    flags: dict[str, set[str]] = defaultdict(set)
    homes: dict[str, set[str]] = defaultdict(set)
    for row in reader:
        for era in ("new", "old"):
            described[era + " province", row[f"{era}_province_code"]].add((row[f"{era}_province"],))
            described[era + " unit", row[f"{era}_code"]].add(
                (row[f"{era}_name"], row[f"{era}_province_code"])
            )
        flags[row["old_code"]].add(row["merge"])
        homes[row["old_code"]].add(row["new_code"])
    found = [f"{what} {code}: {sorted(d)}" for (what, code), d in described.items() if len(d) > 1]
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


def build(source: Path, output: Path) -> Path:
    """Check ``source`` and write its compressed copy into ``output``; the path written."""
    raw = source.read_bytes()
    found = problems(raw.decode("utf-8"))
    if found:
        raise ValueError(f"{source}: " + "; ".join(found))
    output.mkdir(parents=True, exist_ok=True)
    path = output / "crosswalk.csv.gz"
    path.write_bytes(compressed(raw))
    return path


def main(argv: Sequence[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    path = build(source, output)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    sys.stdout.write(f"{path}: {path.stat().st_size:,} bytes; source sha256 {digest}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
