"""Plans shipped with mdpoverty, as plan files inside the package.

Each is a YAML plan file (the same format :func:`mdpoverty.load_plan` reads) transcribed from
the published document; copy one as the template for another district's plan.

>>> plan = bac_kan_2024()
>>> plan.area.name, len(plan.units)
('thành phố Bắc Kạn', 8)
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import _
from mdpoverty.io.files import read_plan_text
from mdpoverty.model.document import Document, Plan

__all__ = ["EXAMPLES", "bac_kan_2024", "example", "example_path"]

EXAMPLES = {"bac-kan-2024": "bac-kan-2024.yaml"}
"""The names of the bundled plans and their files."""


def example_path(name: str) -> Path:
    """The path of the bundled plan file ``name``.

    ``name`` is a key of :data:`~mdpoverty.reference.datasets.EXAMPLES`.
    """
    try:
        filename = EXAMPLES[name]
    except KeyError:
        raise UnknownNameError(
            _(
                "no bundled plan {name!r}; the bundled plans are {names}",
                name=name,
                names=tuple(EXAMPLES),
            )
        ) from None
    return Path(str(resources.files("mdpoverty.reference").joinpath("data", filename)))


@functools.cache
def example(name: str) -> Document:
    """The bundled plan ``name``, loaded (and cached: plans are immutable)."""
    path = example_path(name)
    return read_plan_text(path.read_text(encoding="utf-8"), "yaml", path.name)


def bac_kan_2024() -> Plan:
    """The 2024 sustainable poverty-reduction plan of Bắc Kạn city (thành phố Bắc Kạn)."""
    plan = example("bac-kan-2024")
    if not isinstance(plan, Plan):  # pragma: no cover - the shipped file says kind: plan
        raise TypeError(_("the bundled file holds a {kind}, not a plan", kind=plan.kind.value))
    return plan
