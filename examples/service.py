"""A small web service on mdpoverty, with nothing but the standard library's HTTP server.

Run it with ``python examples/service.py`` (it listens on http://127.0.0.1:8000 only), then::

    curl --data-binary @plan.yaml 'http://127.0.0.1:8000/documents?name=plan.yaml'
    curl http://127.0.0.1:8000/documents/1/findings
    curl http://127.0.0.1:8000/documents/1/annex.json
    curl -o annex.xlsx http://127.0.0.1:8000/documents/1/annex.xlsx
    curl http://127.0.0.1:8000/rollup
    curl -o report.html http://127.0.0.1:8000/documents/1/report

Each upload is read from the request's bytes (no temporary file), its problems come back with
their codes (``413`` for ``too-large``, ``422`` for the others), its findings as the records of
:meth:`mdpoverty.Report.to_records`, and its tables by their stable field names.  Documents are
kept in memory: this is a sketch of the calls to make, not a server to expose to the internet.
See docs/howto/build-a-service.md.
"""

from __future__ import annotations

import io
import json
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pandas as pd

import mdpoverty
from mdpoverty.checks.records import json_value
from mdpoverty.tables.xlsx import write_annex_xlsx
from mdpoverty.values.bounds import MAX_FILE_BYTES

JSON = "application/json; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_json(frame: pd.DataFrame) -> dict[str, Any]:
    """A table of mdpoverty as JSON: its attrs and a record per row, keyed by its index."""
    rows = [
        {"id": str(key), **{str(c): _cell(v) for c, v in row.items()}}
        for key, row in frame.iterrows()
    ]
    return {"attrs": frame.attrs, "rows": rows}


def _cell(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    item = getattr(value, "item", None)  # a numpy scalar: its Python value
    return json_value(item() if callable(item) else value)


class Store:
    """The uploaded documents, by the id the service gives them."""

    def __init__(self) -> None:
        self.documents: dict[str, mdpoverty.Document] = {}
        self.lock = threading.Lock()

    def add(self, document: mdpoverty.Document) -> str:
        with self.lock:
            key = str(len(self.documents) + 1)
            self.documents[key] = document
            return key


class Handler(BaseHTTPRequestHandler):
    """The routes of the service; ``store`` is set on the class by :func:`make_server`."""

    store: Store

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a sketch has no access log."""

    # -- replies --

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: HTTPStatus, data: object) -> None:
        text = json.dumps(data, ensure_ascii=False, default=str)
        self._send(status, text.encode("utf-8"), JSON)

    def _document(self, key: str) -> mdpoverty.Document | None:
        document = self.store.documents.get(key)
        if document is None:
            self._json(HTTPStatus.NOT_FOUND, {"error": f"no document {key}"})
        return document

    # -- routes --

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/documents":
            self._json(HTTPStatus.NOT_FOUND, {"error": "POST /documents?name=FILE"})
            return
        name = parse_qs(url.query).get("name", ["upload.yaml"])[0]
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_FILE_BYTES:  # refused before reading: mdpoverty would stop there too
            self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"problems": [{"code": "too-large"}]})
            return
        data = self.rfile.read(length)
        try:
            document = mdpoverty.load_plan(data, name=name)
        except mdpoverty.PlanFileError as error:
            problems = [
                {"path": p.path, "line": p.line, "code": p.code, "reason": p.reason}
                for p in error.problems
            ]
            too_large = any(p["code"] == "too-large" for p in problems)
            status = (
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE
                if too_large
                else HTTPStatus.UNPROCESSABLE_ENTITY
            )
            self._json(status, {"source": error.source, "problems": problems})
            return
        key = self.store.add(document)
        findings = mdpoverty.check(document).to_records()
        self._json(
            HTTPStatus.CREATED, {"id": key, "kind": document.kind.value, "findings": findings}
        )

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == "/rollup":
            self._rollup()
            return
        match = re.fullmatch(r"/documents/(\w+)/(findings|annex\.json|annex\.xlsx|report)", path)
        if match is None:
            self._json(HTTPStatus.NOT_FOUND, {"error": f"no route {path}"})
            return
        document = self._document(match.group(1))
        if document is None:
            return
        what = match.group(2)
        if what == "findings":
            self._json(HTTPStatus.OK, mdpoverty.check(document).to_records())
        elif what == "annex.json":
            table = mdpoverty.annex(document, labels="fields", total=False)
            self._json(HTTPStatus.OK, table_json(table))
        elif what == "annex.xlsx":
            stream = io.BytesIO()
            try:
                write_annex_xlsx(mdpoverty.annex(document), stream)
            except mdpoverty.ValidationError as error:  # a review has figures, not an annex
                self._json(HTTPStatus.CONFLICT, {"error": str(error)})
                return
            self._send(HTTPStatus.OK, stream.getvalue(), XLSX)
        else:
            html = mdpoverty.html_report(document, findings=mdpoverty.check(document))
            self._send(HTTPStatus.OK, html.encode("utf-8"), "text/html; charset=utf-8")

    def _rollup(self) -> None:
        plans = {k: d for k, d in self.store.documents.items() if isinstance(d, mdpoverty.Plan)}
        if not plans:
            self._json(HTTPStatus.NOT_FOUND, {"error": "no plan uploaded"})
            return
        try:
            combined = mdpoverty.rollup(plans)
        except mdpoverty.RollupError as error:
            problems = [str(p) for p in error.problems]
            self._json(HTTPStatus.CONFLICT, {"problems": problems})
            return
        self._json(HTTPStatus.OK, table_json(combined.by_plan(labels="fields")))


def make_server(host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server of the routes above with an empty store (``port=0``: any free port)."""
    handler = type("BoundHandler", (Handler,), {"store": Store()})
    return ThreadingHTTPServer((host, port), handler)


if __name__ == "__main__":
    server = make_server()
    host, port = server.server_address[:2]
    print(f"mdpoverty service on http://{host!s}:{port}")
    server.serve_forever()
