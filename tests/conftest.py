"""Hypothesis profiles, chosen by the environment variable HYPOTHESIS_PROFILE.

* ``default`` (what ``pytest`` runs, locally and in CI): sized so that the whole suite runs in
  a few minutes on two cores; every property still draws its edge cases (Hypothesis tries the
  boundaries of each strategy first).
* ``thorough``: ten times the examples, run on demand before a release or after changing a
  rule, strategy or oracle: ``HYPOTHESIS_PROFILE=thorough python -m pytest``.

``dev`` and ``ci`` are the names these profiles had; they stand for ``default`` (``ci`` also
prints the blob that reproduces a failure).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW_IS_FINE = [HealthCheck.too_slow]

settings.register_profile("default", max_examples=50, deadline=None)
settings.register_profile("dev", settings.get_profile("default"))
settings.register_profile("ci", settings.get_profile("default"), print_blob=True)
settings.register_profile(
    "thorough",
    max_examples=500,
    deadline=None,
    suppress_health_check=_SLOW_IS_FINE,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The language of every text the tests read, unless a test asks for another (``--lang``, or
# its own environment): Vietnamese, what a machine whose locale names no language gets, so
# that the suite reads the same on every machine.  Subprocesses inherit it.
os.environ["MDPOVERTY_LANG"] = "vi"
