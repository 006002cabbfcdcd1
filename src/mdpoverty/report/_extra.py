"""The import of the report's optional dependencies (matplotlib, Jinja2)."""

from __future__ import annotations

import importlib
from types import ModuleType

from mdpoverty.errors import MissingExtraError

__all__ = ["EXTRA", "require"]

EXTRA = "report"
"""The extra that installs matplotlib and Jinja2: ``pip install 'mdpoverty[report]'``."""


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` for ``feature``, or raise :class:`MissingExtraError` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        top = module.partition(".")[0]
        raise MissingExtraError(
            f"{feature} needs {top}, which is not installed: pip install 'mdpoverty[{EXTRA}]'"
        ) from error
