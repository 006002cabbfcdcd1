"""The optional dependencies of reports and charts, and the error that names their extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from mdpoverty.errors import MdpovertyError

__all__ = ["MissingExtraError", "require"]

EXTRA = "report"
"""The extra that installs matplotlib and Jinja2: ``pip install 'mdpoverty[report]'``."""


class MissingExtraError(ImportError, MdpovertyError):
    """An optional dependency of a feature is not installed; the message names the extra.

    Kept beside its only user until ``errors.py`` is free to change (other work touches it).
    """


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` for ``feature``, or raise :class:`MissingExtraError` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        top = module.partition(".")[0]
        raise MissingExtraError(
            f"{feature} needs {top}, which is not installed: pip install 'mdpoverty[{EXTRA}]'"
        ) from error
