"""The HTTP API and the pages' JSON twins, in process through FastAPI's test client: every endpoint,
its filters, paging and errors; escaping of stored text; render times on the demo database."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente.errors import StoreError
from detente.web import create_app


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db))


@pytest.fixture(scope="module")
def every_event(client: TestClient) -> list[dict]:
    return _every(client, "/api/events")["rows"]


def _every(client: TestClient, path: str, params: dict | None = None) -> dict:
    """Every row of a paged list (pages of the largest size), with its total."""
    rows: list[dict] = []
    while True:
        body = client.get(path, params={**(params or {}), "limit": 500, "offset": len(rows)}).json()
        rows += body["rows"]
        if len(rows) >= body["total"] or not body["rows"]:
            return {"total": body["total"], "rows": rows}


def test_summary_counts_what_is_stored(client: TestClient, every_event: list[dict]) -> None:
    body = client.get("/api/summary").json()
    assert body["counts"]["reports"] == len(every_event)
    assert body["counts"]["articles"] == client.get("/api/articles").json()["total"]
    assert body["counts"]["quotes"] == client.get("/api/quotes").json()["total"]
    top = body["dyads"][0]
    assert {top["a"], top["b"]} == {"USA", "RUS"}
    assert 0 < sum(y["events"] for y in top["years"]) <= top["events"]  # folded events, of the reports


def _overlaps(event: dict, first: str | None, last: str | None) -> bool:
    """The event's date window reaches into [first, last] (the date filters' meaning)."""
    if event["date_earliest"] is None:
        return False
    return (first is None or event["date_latest"] >= first) and (last is None or event["date_earliest"] <= last)


@pytest.mark.parametrize(
    ("params", "holds"),
    [
        ({"country": "UKR"}, lambda e: "UKR" in (e["source_country"], e["target_country"])),
        ({"country": "ukr"}, lambda e: "UKR" in (e["source_country"], e["target_country"])),
        ({"actor": "vladimir-putin"}, lambda e: "vladimir-putin" in (e["source_actor_id"], e["target_actor_id"])),
        ({"dyad": "USA-RUS"}, lambda e: {e["source_country"], e["target_country"]} == {"USA", "RUS"}),
        ({"root": "04"}, lambda e: e["cameo_root"] == "04"),
        ({"plover": "consult"}, lambda e: e["plover"] == "CONSULT"),
        ({"since": "2014", "until": "2014"}, lambda e: _overlaps(e, "2014-01-01", "2014-12-31")),
        ({"since": "2022-02"}, lambda e: _overlaps(e, "2022-02-01", None)),
        ({"until": "1995-06"}, lambda e: _overlaps(e, None, "1995-06-30")),
        ({"q": "GENEVA"}, lambda e: "geneva" in e["evidence"].lower()),
        ({"context": "cbrn"}, lambda e: "cbrn" in (e["contexts"] or "").split("; ")),
        (
            {"dyad": "USA-RUS", "plover": "CONSULT"},
            lambda e: e["plover"] == "CONSULT" and {e["source_country"], e["target_country"]} == {"USA", "RUS"},
        ),
    ],
)
def test_event_filters_keep_exactly_the_matching_events(client, every_event, params, holds) -> None:
    body = _every(client, "/api/events", params)
    assert body["rows"], f"the demo database has events for {params}"
    assert all(holds(e) for e in body["rows"])
    expected = [e["event_id"] for e in every_event if holds(e)]
    assert sorted(e["event_id"] for e in body["rows"]) == sorted(expected)
    assert body["total"] == len(expected)


def test_blank_filters_mean_any(client, every_event) -> None:
    body = client.get("/api/events", params={"country": "", "root": "", "q": " ", "limit": 500}).json()
    assert body["total"] == len(every_event)


def test_paging_walks_every_event_once(client, every_event) -> None:
    seen = []
    for offset in range(0, len(every_event), 40):
        body = client.get("/api/events", params={"limit": 40, "offset": offset}).json()
        assert body["total"] == len(every_event) and body["limit"] == 40 and body["offset"] == offset
        seen += [e["event_id"] for e in body["rows"]]
    assert seen == [e["event_id"] for e in every_event]
    assert len(set(seen)) == len(seen)
    past = client.get("/api/events", params={"offset": len(every_event) + 5}).json()
    assert past["rows"] == [] and past["total"] == len(every_event)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=501", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?limit=many", "limit"),
        ("/api/events?dyad=USA", "USA-RUS"),
        ("/api/events?dyad=US-RUSSIA", "three-letter"),
        ("/api/events?root=4", "two digits"),
        ("/api/events?since=last+year", "YYYY"),
        ("/api/events?until=2014-13", "YYYY"),
        ("/api/events?since=2014-02-30", "YYYY"),
        ("/api/dyads/USA/RUS?since=1991-00", "YYYY"),
        ("/api/dyads/USA/USA", "two different countries"),
        ("/api/dyads/USA/RUS?by=week", "by"),
        ("/api/search?q=", "q"),
        ("/api/actors?country=Russia", "three-letter"),
    ],
)
def test_bad_parameters_are_400_with_one_error_shape(client, url, says) -> None:
    response = client.get(url)
    assert response.status_code == 400
    error = response.json()["error"]
    assert set(response.json()) == {"error"} and error["status"] == 400
    assert says in error["message"]


@pytest.mark.parametrize(
    "url", ["/api/articles/no/such/doc", "/api/actors/nobody-at-all", "/api/nothing-here", "/events/nothing.json"]
)
def test_missing_things_are_404_with_the_same_shape(client, url) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404 and response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/actors/nobody-at-all", 404, "no actor with id"),
        ("/events?root=x", 400, "not a CAMEO root"),
        ("/events?limit=none", 400, "limit"),
        ("/dyads/USA/XX", 400, "three-letter"),
    ],
)
def test_errors_on_pages_are_html_pages_for_people(client, url, status, says) -> None:
    response = client.get(url)
    assert response.status_code == status and response.headers["content-type"].startswith("text/html")
    assert says in response.text and '<p class="error-message">' in response.text
    twin = client.get(url, headers={"Accept": "application/json"})
    assert twin.status_code == status and says in twin.json()["error"]["message"]


def test_folded_events_count_reports(client, every_event) -> None:
    body = _every(client, "/api/events/folded")
    assert sum(f["num_mentions"] for f in body["rows"]) == len(every_event)
    assert body["total"] == len(body["rows"])
    reported = {e for f in body["rows"] for e in f["event_ids"]}
    assert reported == {e["event_id"] for e in every_event}  # every report in exactly one event
    dyad = client.get("/api/events/folded", params={"dyad": "USA-RUS", "limit": 500}).json()
    assert 0 < dyad["total"] < body["total"]


def test_article_by_an_id_with_slashes(client) -> None:
    body = client.get("/api/articles/files/brief-b").json()
    assert body["doc_id"] == "files/brief-b"
    text = body["text"]
    for event in body["events"]:
        start, end = event["span"]
        assert event["evidence"] == text[start:end]
    assert all(text[m["span"][0] : m["span"][1]] == m["actor"]["text"] for m in body["mentions"])


def test_articles_list_search_and_paging(client) -> None:
    everything = client.get("/api/articles", params={"limit": 500}).json()
    found = client.get("/api/articles", params={"q": "burgers"}).json()
    assert found["total"] == len(found["rows"]) >= 1 and "files/brief-b" in [a["doc_id"] for a in found["rows"]]
    page = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert [a["doc_id"] for a in page["rows"]] == [a["doc_id"] for a in everything["rows"][5:10]]


def test_quotes_by_speaker_and_words(client) -> None:
    speakers = client.get("/api/speakers").json()["rows"]
    top = speakers[0]
    body = client.get("/api/quotes", params={"speaker": top["actor_id"], "limit": 500}).json()
    assert body["total"] == top["quotes"] == len(body["rows"])
    assert all(q["speaker_id"] == top["actor_id"] for q in body["rows"])
    words = client.get("/api/quotes", params={"q": "ACROSS"}).json()  # case-insensitive
    assert all("across" in q["text"].lower() for q in words["rows"])


def test_actors_and_one_actor(client) -> None:
    listed = client.get("/api/actors", params={"q": "putin"}).json()
    assert listed["rows"] and {a["actor_id"] for a in listed["rows"]} == {"vladimir-putin"}
    putin = client.get("/api/actors/vladimir-putin").json()
    assert (
        putin["as_source"]
        == client.get("/api/events", params={"limit": 1, "actor": "vladimir-putin"}).json()["total"]
        - putin["as_target"]
    )
    assert all(e["source_actor_id"] == "vladimir-putin" for e in putin["as_source_events"])
    assert all(e["target_actor_id"] == "vladimir-putin" for e in putin["as_target_events"])
    assert "President of Russia" in [r["role"] for r in putin["roles"]]
    edges = client.get("/api/network").json()["edges"]
    met = {
        e["source"] if e["target"] == "vladimir-putin" else e["target"]
        for e in edges
        if "vladimir-putin" in (e["source"], e["target"])
    }
    assert met and {m["id"] for m in putin["met_with"]} == met
    russians = client.get("/api/actors", params={"country": "RUS", "limit": 500}).json()
    assert russians["total"] > 1 and all(a["country"] == "RUS" for a in russians["rows"])


def test_dyad_series_periods(client) -> None:
    yearly = client.get("/api/dyads/USA/RUS").json()
    years = [p["period"] for p in yearly["periods"]]
    assert years == [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]  # empty years shown
    events = _every(client, "/api/events", {"dyad": "USA-RUS"})["rows"]
    counted = [e for e in events if e["modality"] != "hypothetical" and e["date_earliest"]]
    assert sum(p["events"] for p in yearly["periods"]) == len(counted)
    for p in yearly["periods"]:
        assert sum(p["counts"].values()) == p["events"]
        assert len(p["top_events"]) == min(p["events"], 3)
    quarterly = client.get("/api/dyads/USA/RUS", params={"by": "quarter", "since": "2014", "until": "2014"}).json()
    assert [p["period"] for p in quarterly["periods"]] == ["2014-Q1", "2014-Q2", "2014-Q3", "2014-Q4"]
    monthly = client.get("/api/dyads/usa/rus", params={"by": "month", "since": "2022-01", "until": "2022-03"}).json()
    assert [p["period"] for p in monthly["periods"]] == ["2022-01", "2022-02", "2022-03"]
    arms = client.get("/api/dyads/USA/RUS", params={"context": "cbrn"}).json()
    assert 0 < sum(p["events"] for p in arms["periods"]) < sum(p["events"] for p in yearly["periods"])
    directed = client.get("/api/dyads/USA/RUS", params={"directed": "true"}).json()
    assert sum(p["events"] for p in directed["periods"]) < sum(p["events"] for p in yearly["periods"])


def test_dyads_and_network_and_facets(client) -> None:
    dyads = client.get("/api/dyads", params={"limit": 3}).json()["rows"]
    assert len(dyads) == 3 and dyads[0]["events"] >= dyads[1]["events"] >= dyads[2]["events"]
    network = client.get("/api/network").json()
    ids = {n["id"] for n in network["nodes"]}
    assert network["edges"] and all(e["source"] in ids and e["target"] in ids for e in network["edges"])
    assert sum(e["weight"] for e in network["edges"]) > 0
    facets = client.get("/api/facets").json()
    assert "CONSULT" in facets["plover"] and "04" in facets["roots"] and "USA" in facets["countries"]


def test_search_reaches_every_kind(client) -> None:
    body = client.get("/api/search", params={"q": "treaty"}).json()
    assert body["articles"]["total"] > 0 and body["events"]["total"] > 0
    assert all("treaty" in e["evidence"].lower() for e in body["events"]["rows"])


def test_openapi_lists_the_api_and_docs_are_local(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    api = [p for p in paths if p.startswith("/api/")]
    assert len(api) >= 10
    answers = paths["/api/events"]["get"]["responses"]
    assert "400" in answers and "422" not in answers  # bad parameters are 400s, in the error shape
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


PAGES = [
    "/",
    "/events?dyad=USA-RUS",
    "/dyads/USA/RUS",
    "/dyads/USA/RUS?by=month",
    "/articles",
    "/articles/files/brief-b",
    "/actors/vladimir-putin",
    "/quotes",
    "/quotes?speaker=vladimir-putin",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_a_json_twin_and_renders_fast(client, url) -> None:
    started = time.perf_counter()
    page = client.get(url)
    elapsed = time.perf_counter() - started
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert elapsed < 1.0, f"{url} took {elapsed:.2f} s"
    path, _, query = url.partition("?")
    twin = client.get(("/.json" if path == "/" else path + ".json") + (f"?{query}" if query else ""))
    by_header = client.get(url, headers={"Accept": "application/json"})
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert twin.json() == by_header.json()


def test_page_twins_carry_what_the_page_shows(client) -> None:
    events = client.get("/events.json", params={"plover": "CONSULT"}).json()
    assert events["filters"]["plover"] == "CONSULT" and events["total"] == len(events["rows"])
    assert events["total"] == client.get("/api/events", params={"plover": "CONSULT"}).json()["total"]
    assert client.get("/dyads/USA/RUS.json").json() == client.get("/api/dyads/USA/RUS").json()
    assert client.get("/articles/files/brief-b.json").json()["doc_id"] == "files/brief-b"


def test_stored_markup_is_escaped_on_every_page(markup_db: Path, markup_article) -> None:
    client = TestClient(create_app(markup_db))
    doc_id = markup_article["id"]
    page = client.get(f"/articles/{doc_id}").text
    assert "&lt;script&gt;alert(&#39;injected&#39;)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<b>trade</b>" not in page and "<em>resume</em>" not in page
    assert "Talks &lt;em&gt;resume&lt;/em&gt; in Helsinki" in page
    assert client.get(f"/api/articles/{doc_id}").json()["url"].startswith("javascript:")
    assert "javascript:" not in page  # a stored URL that is not http(s) gets no link
    listing = client.get("/articles", params={"q": "Helsinki"}).text
    assert "&lt;em&gt;resume&lt;/em&gt;" in listing and "<em>resume</em>" not in listing
    events = client.get("/events", params={"q": "Helsinki"}).text
    assert "<em>resume</em>" not in events


def test_query_values_are_bound_not_spliced(client, every_event) -> None:
    hostile = "x' OR '1'='1"
    for url in ("/api/events", "/api/quotes", "/api/articles", "/api/actors"):
        body = client.get(url, params={"q": hostile}).json()
        assert body["total"] == 0
    assert client.get("/api/events", params={"actor": "' OR 1=1 --"}).json()["total"] == 0
    page = client.get("/events", params={"q": "<script>x</script>"}).text
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page


def test_the_database_is_opened_read_only(demo_db: Path) -> None:
    import duckdb

    app = create_app(demo_db)
    with pytest.raises(duckdb.Error):
        app.state.db.execute("DELETE FROM events")


def test_a_missing_database_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="detente ingest"):
        create_app(tmp_path / "none.duckdb")


def test_serve_says_when_the_port_is_taken(demo_db: Path, capsys) -> None:
    import socket

    from detente.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(demo_db), "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_serve_runs_the_app_until_stopped(demo_db: Path) -> None:
    import signal
    import socket
    import subprocess
    import sys

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "detente", "serve", "--db", str(demo_db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "detente serve did not start"
                time.sleep(0.2)
        assert answer.status_code == 200 and answer.json()["counts"]["articles"] > 0
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=15)
    assert f"at http://127.0.0.1:{port}/" in err
