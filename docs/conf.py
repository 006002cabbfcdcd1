"""Sphinx configuration of the mdpoverty documentation.

Build it with ``python -m sphinx -W -n -b html docs docs/_build/html`` and run its examples with
``python -m sphinx -W -n -b doctest docs docs/_build/doctest``.

Cross-references to Python, pandas, attrs and Hypothesis go through intersphinx.  Each
inventory is tried online first, then from a small inventory generated locally
(``_ext/offline_inventories.py``) that lists the external objects these pages refer to, so an
offline build (a CI runner without network) still resolves them, with no warning.  Set
``MDPOVERTY_DOCS_OFFLINE=1`` to skip the network and use the local inventories only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

from offline_inventories import write_inventories  # noqa: E402  (needs the path above)

import mdpoverty  # noqa: E402

# -- project -----------------------------------------------------------------------------------

project = "mdpoverty"
author = "The mdpoverty developers"
copyright = "2024–2025, the mdpoverty developers"
release = mdpoverty.__version__
version = ".".join(release.split(".")[:2])
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "sphinx_copybutton",
    "mdpoverty_docs",  # _ext/: the rule catalog, schema and CLI pages, reference aliases
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = True
# matplotlib is an optional dependency (the report extra) without an inventory shipped here for
# offline builds: its classes in the charts' signatures are named, not linked.
nitpick_ignore = [("py:class", "matplotlib.figure.Figure"), ("py:class", "matplotlib.axes.Axes")]
# A type variable in a signature ("a document in, one of the same kind out") has no page.
nitpick_ignore += [("py:class", "mdpoverty.aggregate.carry_over.D")]

# -- MyST --------------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc and napoleon ----------------------------------------------------------------------

autodoc_default_options = {"member-order": "bysource"}
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autodoc_class_signature = "mixed"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- intersphinx -------------------------------------------------------------------------------

_OFFLINE = os.environ.get("MDPOVERTY_DOCS_OFFLINE", "") not in {"", "0"}
_LOCAL = write_inventories(HERE / "_build" / "offline-inventories")
_ONLINE = {
    "python": "https://docs.python.org/3",
    "pandas": "https://pandas.pydata.org/docs",
    "attrs": "https://www.attrs.org/en/stable",
    "hypothesis": "https://hypothesis.readthedocs.io/en/latest",
}
intersphinx_mapping = {
    name: (url, str(_LOCAL[name]) if _OFFLINE else (None, str(_LOCAL[name])))
    for name, url in _ONLINE.items()
}
intersphinx_timeout = 10
intersphinx_disabled_reftypes = ["std:doc"]

# -- doctest -----------------------------------------------------------------------------------

# The pages' own examples are ``{doctest}`` blocks and import what they use, so that they can be
# copied and pasted.  The examples in docstrings that the reference pages include are run too,
# in the group "docstrings"; each reference page sets that group up with the namespaces of the
# modules it documents (as pytest --doctest-modules runs them in their module).
doctest_test_doctest_blocks = "docstrings"
doctest_global_setup = """
import pandas as _pd
_pd.set_option("display.width", 120)
_pd.set_option("display.max_columns", 20)
"""

# -- HTML --------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"mdpoverty {release}"
html_static_path: list[str] = []

# -- copy buttons: copy the code, not the prompts or the output ---------------------------------

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

# -- names imported for type checkers only -------------------------------------------------------

# The checks and the command line must not load pandas, so the modules below import it only for
# type checkers and load it where a DataFrame is made.  autodoc resolves their annotations
# (``-> pd.DataFrame``) at build time: the documentation build binds the name they mean.
import importlib as _importlib  # noqa: E402

import pandas as _pandas  # noqa: E402

for _module in (
    "mdpoverty.checks.report",
    "mdpoverty.tables",
    "mdpoverty.tables.annex",
    "mdpoverty.aggregate.results",
):
    _importlib.import_module(_module).pd = _pandas  # type: ignore[attr-defined]
