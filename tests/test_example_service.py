"""The example service (examples/service.py) runs on 127.0.0.1 and answers every route."""

from __future__ import annotations

import importlib.util
import io
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from openpyxl import load_workbook

from mdpoverty.reference.datasets import bac_kan_2024, example_path
from mdpoverty.report.html import write_html_report

EXAMPLE = Path(__file__).parents[1] / "examples" / "service.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mdpoverty_example_service", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def base() -> Iterator[str]:
    server = _module().make_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _call(url: str, data: bytes | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET")  # noqa: S310  (a local URL)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_upload_findings_annex_rollup_and_report(base: str) -> None:
    data = example_path("bac-kan-2024").read_bytes()
    status, body = _call(f"{base}/documents?name=bac-kan.yaml", data)
    assert 201 == status
    created = json.loads(body)
    assert ("1", "plan") == (created["id"], created["kind"])
    # The four findings of the printed plan (tests/checks/test_checks_bac_kan.py).
    expected_rules = ["funding.sources-sum", "agencies.spelling", "dates.annex", "dates.basis-year"]
    assert expected_rules == [f["rule"] for f in created["findings"]]

    status, body = _call(f"{base}/documents/1/findings")
    assert (200, created["findings"]) == (status, json.loads(body))

    status, body = _call(f"{base}/documents/1/annex.json")
    annex = json.loads(body)
    assert 200 == status
    assert "annex" == annex["attrs"]["table"]
    assert ["song-cau", "2347", "1.15"] == [
        annex["rows"][0][k] for k in ("id", "households", "start_rate")
    ]
    assert "total" not in [r["id"] for r in annex["rows"]]

    status, body = _call(f"{base}/documents/1/annex.xlsx")
    assert 200 == status
    sheet = load_workbook(io.BytesIO(body)).active
    assert sheet is not None
    assert 12281 == sheet["C14"].value  # the printed total of households

    status, body = _call(f"{base}/rollup")
    rollup = json.loads(body)
    assert 200 == status
    assert ["1", "total"] == [r["id"] for r in rollup["rows"]]
    assert "1.86" == rollup["rows"][-1]["end_rate"]  # the printed end rate of the total

    status, body = _call(f"{base}/documents/1/report")
    assert 200 == status
    assert b"<html" in body[:400].lower()


def test_problems_come_back_with_their_codes(base: str) -> None:
    status, body = _call(f"{base}/documents?name=plan.yaml", b"kind: plan\ncolour: blue\n")
    assert 422 == status
    codes = {p["code"] for p in json.loads(body)["problems"]}
    assert {"missing-field", "unknown-field"} <= codes
    status, body = _call(f"{base}/documents?name=plan.yaml", b"\xff\xfe")
    assert (422, ["not-utf8"]) == (status, [p["code"] for p in json.loads(body)["problems"]])


def test_a_review_has_no_sheet_of_an_annex(base: str) -> None:
    # a review of counts and rates (one that prints flows has the review form's sheet)
    review = (Path(__file__).parent / "data" / "national-review-2023.yaml").read_bytes()
    status, body = _call(f"{base}/documents?name=review.yaml", review)
    assert 201 == status
    key = json.loads(body)["id"]
    assert 409 == _call(f"{base}/documents/{key}/annex.xlsx")[0]
    status, body = _call(f"{base}/documents/{key}/annex.json")
    assert (200, "figures") == (status, json.loads(body)["attrs"]["table"])


def test_the_report_is_written_to_a_stream_as_to_a_file(tmp_path: Path) -> None:
    stream = io.BytesIO()
    write_html_report(bac_kan_2024(), stream)
    write_html_report(bac_kan_2024(), tmp_path / "report.html")
    assert (tmp_path / "report.html").read_bytes() == stream.getvalue()
