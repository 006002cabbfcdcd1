"""The import of the report's optional dependencies (matplotlib, Jinja2)."""

from __future__ import annotations

import importlib
from types import ModuleType

from mdpoverty.errors import MissingExtraError
from mdpoverty.i18n import _

__all__ = ["EXTRA", "require"]

EXTRA = "report"
"""The extra that installs matplotlib and Jinja2: ``pip install 'mdpoverty[report]'``."""


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` for ``feature`` (a message: what needs it), or raise
    :class:`MissingExtraError` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        top = module.partition(".")[0]
        command = f"'mdpoverty[{EXTRA}]'"  # a command to type, the same in every language
        raise MissingExtraError(
            _(
                "{feature} needs {module}, which is not installed: pip install {command}",
                feature=feature,
                module=top,
                command=command,
            )
        ) from error
