"""Classification, per-commune counts and AF by commune at national scale: time and memory.

Run: ``python benchmarks/households/national.py [HOUSEHOLDS ...]`` (default 27,000,000).  For
each size it generates the seeded synthetic table (not timed), then times
:func:`mdpoverty.households.review` (validation, classification under the 2027 standard,
counts per commune and province, the AF measures by commune at k = 1/3 with the standard's
nested weights) three times, and prints the best and each wall-clock time, the best CPU time
of the process (the work runs on one core; on a shared machine the CPU time is the steadier
figure), the process's peak resident memory (the table included) and the load average.
Not a test: the tests never assert on time.
"""

from __future__ import annotations

import gc
import os
import platform
import resource
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import synthetic

from mdpoverty.households import review
from mdpoverty.reference.standards import standard_in_force

ROUNDS = 3


def _peak_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20)  # KiB on Linux


def main(sizes: list[int]) -> None:
    standard = standard_in_force(2027)
    units = synthetic.units()
    print(f"# Python {platform.python_version()} {platform.machine()}, load {os.getloadavg()}")
    for n in sizes:
        frame = synthetic.households(n, standard)
        data_gib = frame.memory_usage(deep=True).sum() / (1 << 30)
        gc.collect()
        times, cpu = [], []
        for _ in range(ROUNDS):
            start, start_cpu = time.perf_counter(), time.process_time()
            figures = review(frame, 2027, k=Fraction(1, 3), units=units)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        country = figures.counts[
            (figures.counts.level == "country") & (figures.counts.area == "all")
        ]
        m0 = figures.measures
        m0 = m0[(m0.measure == "M0") & m0.commune.isna()].value.item()
        print(
            f"{n:>12,} households: best {min(times):.2f} s "
            f"(each {', '.join(f'{t:.2f}' for t in times)}; CPU best {min(cpu):.2f} s); "
            f"table {data_gib:.2f} GiB; "
            f"peak RSS {_peak_gib():.2f} GiB; poor {int(country.poor.item()):,}; "
            f"M0 {float(m0):.6f}"
        )
        del frame, figures
        gc.collect()


if __name__ == "__main__":
    main([int(a.replace(",", "").replace("_", "")) for a in sys.argv[1:]] or [27_000_000])
