"""The errors of reports and charts, and the import of their optional dependencies."""

from __future__ import annotations

import importlib
from types import ModuleType

from mdpoverty.errors import MdpovertyError

__all__ = ["ChartFormatError", "MissingExtraError", "require"]

EXTRA = "report"
"""The extra that installs matplotlib and Jinja2: ``pip install 'mdpoverty[report]'``."""


class MissingExtraError(ImportError, MdpovertyError):
    """An optional dependency of a feature is not installed; the message names the extra.

    These errors live beside their only user until ``mdpoverty.errors`` takes them in.
    """


class ChartFormatError(MdpovertyError, ValueError):
    """A chart file is named with an extension that is neither ``.png`` nor ``.svg``."""


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` for ``feature``, or raise :class:`MissingExtraError` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        top = module.partition(".")[0]
        raise MissingExtraError(
            f"{feature} needs {top}, which is not installed: pip install 'mdpoverty[{EXTRA}]'"
        ) from error
