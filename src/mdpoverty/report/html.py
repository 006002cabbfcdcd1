"""A document's report as one HTML file that works offline.

Nothing in the page is fetched: the style sheet is inline, there is no script, and the charts
are inline SVG with their text drawn as paths, so the file opens the same without a network
and prints on A4.  The page has the sections of :mod:`mdpoverty.report.sections` that the
document holds, and its findings last, each linking to the place in the page it is about.

Jinja2 and matplotlib are optional dependencies: ``pip install 'mdpoverty[report]'``.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from types import ModuleType
from typing import IO, Any

from mdpoverty.checks import check
from mdpoverty.checks.report import Report
from mdpoverty.errors import expect
from mdpoverty.i18n import Lang, _
from mdpoverty.io._atomic import write_text_atomically
from mdpoverty.model.document import Document
from mdpoverty.report._extra import require
from mdpoverty.report.labels import label
from mdpoverty.report.sections import Context, sections_for

__all__ = ["html_report", "write_html_report"]


def html_report(document: Document, lang: Lang = "vi", *, findings: Report | None = None) -> str:
    """The report of ``document`` as the text of an HTML page, in ``lang``.

    ``findings`` are the document's findings, by default those of
    :func:`mdpoverty.check`.
    """
    jinja2 = require("jinja2", _("The HTML report"))
    from mdpoverty import __version__  # noqa: PLC0415  (the package imports this module)

    ctx = Context(document, lang, check(document) if findings is None else findings)
    rendered = [{"key": s.key, "data": s.render(ctx)} for s in sections_for(document)]
    css = resources.files("mdpoverty.report").joinpath("templates", "report.css")
    head = document.header
    page: str = _template(jinja2).render(
        lang=lang,
        title=f"{head.title or ''} {head.subtitle}".strip(),
        issuer=head.issuer or "",
        version=__version__,
        css=css.read_text("utf-8"),
        sections=rendered,
        t=lambda key, **values: label(key, lang, **values),
    )
    return page


@functools.cache
def _template(jinja2: ModuleType) -> Any:
    """The page's template, compiled once per process: compiling its nine templates took
    longer than rendering a plan's report."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("mdpoverty.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return environment.get_template("report.html.j2")


def write_html_report(
    document: Document,
    path: str | os.PathLike[str] | IO[bytes],
    lang: Lang = "vi",
    *,
    findings: Report | None = None,
) -> None:
    """Write the report of ``document`` to ``path`` (a file, whole or not at all) or to a
    binary stream (an HTTP response), in UTF-8."""
    if not isinstance(path, str | os.PathLike) and not callable(getattr(path, "write", None)):
        expect("write_html_report", path=(path, (str, os.PathLike)))
    page = html_report(document, lang, findings=findings)
    if isinstance(path, str | os.PathLike):
        write_text_atomically(path, page)
    else:
        path.write(page.encode("utf-8"))
