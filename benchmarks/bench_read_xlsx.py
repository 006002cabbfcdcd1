"""Importing a large annex spreadsheet: time and peak memory in proportion to its rows.

A sheet of ``N`` unit rows in the printed layout (title, header, rows, total) is written with
openpyxl's write-only mode, then read by :func:`mdpoverty.tables.read.read_annex_rows` in a
fresh interpreter, which reports its CPU seconds and its own peak resident memory (``VmHWM``).
Run: ``python benchmarks/bench_read_xlsx.py 20000 200000``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

from mdpoverty.tables.annex import ANNEX_COLUMNS, _columns

_READ = """
import json, resource, sys, time
from mdpoverty.tables.read import read_annex_rows
start = time.process_time()
read = read_annex_rows(sys.argv[1])
cpu = time.process_time() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"rows": len(read.rows), "cpu": cpu, "peak_mib": peak / 1024}))
"""


def write_sheet(path: Path, rows: int) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    headers = _columns(2024)
    sheet.append(["MỤC TIÊU PHẤN ĐẤU GIẢM TỶ LỆ HỘ NGHÈO NĂM 2024"])
    sheet.append([headers[field]["vi"] for field in ANNEX_COLUMNS])
    households = poor = 0
    for n in range(1, rows + 1):
        h, p = 1_000 + n % 3_000, n % 97
        households, poor = households + h, poor + p
        sheet.append([n, f"Xã {n}", h, p, None, n % 7 if n % 7 <= p else 0, None, None])
    sheet.append([None, "Tổng số", households, poor])
    workbook.save(path)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [20_000, 200_000]
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            path = Path(tmp) / f"annex-{rows}.xlsx"
            write_sheet(path, rows)
            out = subprocess.run(  # noqa: S603  (our own script and file)
                [sys.executable, "-c", _READ, str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            figures = json.loads(out.stdout)
            print(  # noqa: T201
                f"{rows:>8} rows  {path.stat().st_size / 2**20:6.1f} MiB file  "
                f"{figures['cpu']:6.2f} s CPU  {figures['peak_mib']:6.0f} MiB peak"
            )


if __name__ == "__main__":
    main()
