"""``python -m mdpoverty``: the ``mdpoverty`` command (see :mod:`mdpoverty.cli`)."""

from __future__ import annotations

import sys

from mdpoverty.cli import main

if __name__ == "__main__":
    sys.exit(main())
