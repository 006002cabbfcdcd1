"""One document of many communes in a hierarchy: a province, its districts, their communes.

The generator of ``bench_scale`` makes many small plans; this one makes a single large one, in
which every rule that walks the hierarchy (the parts that add up to their whole, the ranged
targets of the parts against the whole's) meets thousands of units.  A rule that looked up a
unit's children by scanning every unit would take time in the square of the units here.
"""

from __future__ import annotations

import random

import attrs

from mdpoverty import Plan
from mdpoverty.model.header import Area
from mdpoverty.model.targets import Measure, Target
from mdpoverty.model.units import AdministrativeUnit, UnitKind
from mdpoverty.reference.datasets import bac_kan_2024
from mdpoverty.values.quantities import Quantity

COMMUNES_PER_DISTRICT = 20


def province(communes: int, seed: int = 2_025) -> Plan:
    """A province plan with ``communes`` communes in districts of 20, every count and target
    drawn from a seeded generator; the districts' counts and targets are their communes' sums,
    and a third of the targets are ranges."""
    rng = random.Random(seed)  # noqa: S311  (reproducible data, not secrets)
    units: list[AdministrativeUnit] = []
    targets: list[Target] = []
    districts = -(-communes // COMMUNES_PER_DISTRICT)
    for d in range(districts):
        district = f"h{d}"
        members = range(d * COMMUNES_PER_DISTRICT, min(communes, (d + 1) * COMMUNES_PER_DISTRICT))
        sums = [0, 0, 0, 0]  # households, poor, lower and upper bound of the reduction
        rows = []
        for c in members:
            households = rng.randint(300, 4_000)
            poor = rng.randint(0, households // 5)
            low = rng.randint(0, poor)
            high = low if c % 3 else rng.randint(low, poor)
            unit_id = f"{district}-x{c}"
            rows.append(
                AdministrativeUnit(
                    id=unit_id,
                    name=f"Xã {c}",
                    kind=UnitKind.COMMUNE,
                    households=households,
                    poor_households=poor,
                    parent=district,
                )
            )
            targets.append(Target(Measure.REDUCTION, Quantity(low, high), about=unit_id))
            for i, value in enumerate((households, poor, low, high)):
                sums[i] += value
        units.append(
            AdministrativeUnit(
                id=district,
                name=f"Huyện {d}",
                kind=UnitKind.DISTRICT,
                households=sums[0],
                poor_households=sums[1],
            )
        )
        units.extend(rows)
        targets.append(Target(Measure.REDUCTION, Quantity(sums[2], sums[3]), about=district))
    return attrs.evolve(
        bac_kan_2024(),
        area=Area(name="tỉnh X", kind=UnitKind.PROVINCE),
        units=units,
        targets=targets,
        annex=None,
    )
