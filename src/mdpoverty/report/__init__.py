"""Reports and charts: a document as one offline HTML page, and its charts as figures.

* :func:`html_report` and :func:`write_html_report`: the page, made of the sections of
  :mod:`~mdpoverty.report.sections` that the document holds;
* :mod:`mdpoverty.plot` (:mod:`~mdpoverty.report.plot`): each chart as a matplotlib figure;
* :mod:`~mdpoverty.report.labels`: every label in Vietnamese and English, numbers as shown.

matplotlib and Jinja2 come with the ``report`` extra (``pip install 'mdpoverty[report]'``);
without it these functions raise :class:`MissingExtraError`, which names the extra.  Nothing
here loads until it is used.

>>> from mdpoverty.reference.datasets import bac_kan_2024
>>> from mdpoverty.report import html_report
>>> page = html_report(bac_kan_2024(), "en")
>>> page.startswith("<!DOCTYPE html>"), 'href="#at-components/DA3.TDA1/funding"' in page
(True, True)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from mdpoverty.errors import ChartFormatError, MissingExtraError

if TYPE_CHECKING:  # at run time, __getattr__ below
    from mdpoverty.report.html import html_report, write_html_report
    from mdpoverty.report.sections import SECTIONS, ReportSection, anchor, section

__all__ = [
    "SECTIONS",
    "ChartFormatError",
    "MissingExtraError",
    "ReportSection",
    "anchor",
    "html_report",
    "section",
    "write_html_report",
]

_NAMES = {
    "SECTIONS": "mdpoverty.report.sections",
    "ReportSection": "mdpoverty.report.sections",
    "anchor": "mdpoverty.report.sections",
    "html_report": "mdpoverty.report.html",
    "section": "mdpoverty.report.sections",
    "write_html_report": "mdpoverty.report.html",
}


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        return getattr(importlib.import_module(_NAMES[name]), name)
    raise AttributeError(f"module 'mdpoverty.report' has no attribute {name!r}")
