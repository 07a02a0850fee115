"""The server against hostile requests: injection payloads in every parameter, paths out of the
static folder, oversized and writing requests, slow queries; the database is read-only."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi import Depends
from fastapi.testclient import TestClient

from detente.web import create_app
from detente.web.app import MAX_URL_CHARS, connection

PAYLOADS = (
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "1; DROP TABLE documents; --",
    "x' UNION SELECT text, text, text FROM documents --",
    "%' OR doc_id LIKE '%",
    "') OR ('a'='a",
    "1 OR 1=1",
    "'; ATTACH '/tmp/evil.duckdb' AS evil; --",
    "* ",
    "\\' OR 1=1 /*",
    "admin'--",
)
PAGES = {  # page: its query parameters
    "/": (),
    "/events": ("country", "actor", "dyad", "root", "plover", "context", "since", "until", "q", "limit", "offset"),
    "/articles": ("q", "limit", "offset"),
    "/quotes": ("speaker", "q", "limit", "offset"),
}


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db))


def _api_parameters(client: TestClient) -> list[tuple[str, str, str]]:
    """(path template, parameter, where) for every parameter of every API endpoint."""
    spec = client.get("/openapi.json").json()
    found = []
    for path, operations in spec["paths"].items():
        if not path.startswith("/api/"):
            continue
        for parameter in operations["get"].get("parameters", []):
            found.append((path, parameter["name"], parameter["in"]))
    return found


def _rows(body: Any) -> list[Any]:
    """Every row of a response, in lists at any depth under the keys results are listed in."""
    if not isinstance(body, dict):
        return []
    found = []
    for key, value in body.items():
        if isinstance(value, list) and key in ("rows", "events", "nodes", "edges", "articles", "quotes", "actors"):
            found += value
        elif isinstance(value, dict):
            found += _rows(value)
    return found


def test_every_api_parameter_takes_injection_payloads_without_giving_data(client: TestClient) -> None:
    parameters = _api_parameters(client)
    assert len(parameters) >= 25  # every filter of every endpoint is listed
    defaults = {"a": "USA", "b": "RUS", "doc_id": "none", "actor_id": "none"}
    for path, name, where in parameters:
        for payload in PAYLOADS:
            values = {**defaults, name: payload}
            url = path
            for key in ("a", "b", "doc_id", "actor_id"):
                url = url.replace("{" + key + "}", values[key]).replace("{" + key + ":path}", values[key])
            params = {name: payload} if where == "query" else {}
            if path == "/api/search" and name != "q":
                params["q"] = "zzzz-not-there"
            response = client.get(url, params=params)
            assert response.status_code in (200, 400, 404), (path, name, payload, response.text[:200])
            if response.status_code == 200 and name not in ("a", "b"):
                assert _rows(response.json()) == [], (path, name, payload)
            else:
                assert "error" in response.json() or response.status_code == 200


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_page_parameter_takes_injection_payloads(client: TestClient, page: str) -> None:
    for name in PAGES[page]:
        for payload in PAYLOADS:
            response = client.get(page + ".json" if page != "/" else "/.json", params={name: payload})
            assert response.status_code in (200, 400), (page, name, payload)
            if response.status_code == 200:
                assert _rows(response.json()) == [], (page, name, payload)


def test_the_tables_are_intact_after_the_payloads(client: TestClient) -> None:
    counts = client.get("/api/summary").json()["counts"]
    assert counts["articles"] > 0 and counts["reports"] > 0


def test_the_database_is_read_only(client: TestClient) -> None:
    with pytest.raises(duckdb.Error, match="read-only"):
        client.app.state.db.cursor().execute("CREATE TABLE intruder (a INTEGER)")


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2fapp.py",
        "/static/..%5capp.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/vendor/../../app.py",
    ],
)
def test_static_paths_cannot_leave_the_static_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404), path
    assert "create_app" not in response.text and "root:" not in response.text


def test_a_static_file_is_served(client: TestClient) -> None:
    assert client.get("/static/style.css").status_code == 200


def test_requests_are_bounded(client: TestClient) -> None:
    long = client.get("/api/events", params={"q": "x" * MAX_URL_CHARS})
    assert long.status_code == 414 and "shorten" in long.json()["error"]["message"]
    body = client.request("GET", "/api/events", content=b"x" * 10_000)
    assert body.status_code == 413
    post = client.post("/api/events", json={"q": "x"})
    assert post.status_code == 405 and "only reads" in post.json()["error"]["message"]
    assert client.get("/api/events", params={"limit": 501}).status_code == 400
    assert client.get("/api/events", params={"limit": 500}).status_code == 200


def test_a_slow_query_is_interrupted(demo_db: Path) -> None:
    app = create_app(demo_db, query_seconds=0.3)

    @app.get("/api/slow")
    def slow(db: Any = Depends(connection)) -> dict[str, int]:  # noqa: B008 (FastAPI's idiom)
        return {"n": db.execute("SELECT count(*) FROM range(100000000000) a WHERE a % 7 = 3").fetchone()[0]}

    started = time.perf_counter()
    response = TestClient(app).get("/api/slow")
    assert response.status_code == 503 and "narrow the filters" in response.json()["error"]["message"]
    assert time.perf_counter() - started < 10


def test_serve_binds_to_this_machine_by_default() -> None:
    from detente.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
