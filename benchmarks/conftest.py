"""Collect the benchmark modules (``bench_*.py``) of this folder.

The benchmarks are not part of the test suite (``testpaths`` is ``tests``); run them with
``pytest benchmarks/ --benchmark-only``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The benchmarks share their generators (bench_scale, hierarchy) by plain import; under pytest's
# importlib import mode this folder must be on the path for that.
sys.path.insert(0, str(Path(__file__).parent))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    if file_path.suffix == ".py" and file_path.name.startswith("bench_"):
        return pytest.Module.from_parent(parent, path=file_path)
    return None
