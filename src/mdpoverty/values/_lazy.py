"""pandas, loaded when a name of it is first read.

The checks and the command line must not load pandas (it takes longer to import than they take
to run), so the modules they share import it where a DataFrame is made.  Their annotations
(``-> pd.DataFrame``) must still resolve at run time, for ``typing.get_type_hints`` and the
documentation: :data:`pd` stands for the module in those modules' namespaces and imports
pandas only when an annotation is resolved.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["pd"]


class _Pandas:
    """The pandas module, imported on the first attribute read."""

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module("pandas"), name)

    def __repr__(self) -> str:
        return "<pandas, loaded when used>"


pd = _Pandas()
