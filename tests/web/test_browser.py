"""The dashboard in a real browser (Debian's Chromium through Playwright): every page opens with
no console error and only local requests, the dyad chart leads to its events and on to the
highlighted evidence, filters change what is listed. Screenshots go to docs/screenshots/."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
LAPTOP = {"width": 1366, "height": 768}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="the browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
)

PAGES = [
    ("overview", "/"),
    ("events", "/events?dyad=USA-RUS"),
    ("dyad", "/dyads/USA/RUS"),
    ("article", "/articles/files/brief-b"),
    ("actor", "/actors/vladimir-putin"),
    ("quotes", "/quotes"),
    ("articles", "/articles"),
    ("docs", "/docs"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serving(db: Path) -> Iterator[str]:
    """The app over db on a free localhost port, in a thread, until the block ends."""
    import uvicorn

    from detente.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    with _serving(demo_db) as base:
        yield base


@pytest.fixture(scope="module")
def markup_server(markup_db: Path) -> Iterator[str]:
    with _serving(markup_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


class Watched:
    """A page with its console errors, uncaught exceptions and requests recorded."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport=LAPTOP)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        self.page.wait_for_load_state("networkidle")


@pytest.fixture
def watched(browser, server: str) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.context.close()


@pytest.mark.parametrize(("name", "path"), PAGES)
def test_every_page_opens_offline_without_console_errors(watched: Watched, name: str, path: str) -> None:
    started = time.perf_counter()
    watched.open(path)
    elapsed = time.perf_counter() - started
    assert watched.errors == []
    assert [u for u in watched.requests if not u.startswith(watched.base)] == []  # no CDN, no web fonts
    assert watched.page.locator("h1, .swagger-ui").first.is_visible()
    assert elapsed < 3.0  # loading in a browser, assets included; the server side is timed in test_web_api
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    watched.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))  # what a 1366×768 laptop shows


def test_dyad_chart_point_opens_its_events_and_the_evidence(watched: Watched) -> None:
    page = watched.page
    watched.open("/dyads/USA/RUS")
    series = page.evaluate("JSON.parse(document.getElementById('series-data').textContent)")
    busiest = max(range(len(series["periods"])), key=lambda i: series["periods"][i]["events"])
    period = series["periods"][busiest]
    x, y = page.evaluate(
        """(i) => { const u = window.detenteChart, r = u.over.getBoundingClientRect();
                    return [r.left + u.valToPos(i, 'x'), r.top + u.valToPos(u.data[2][i], 'g')]; }""",
        busiest,
    )
    page.mouse.move(x, y)
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    page.screenshot(path=str(SCREENSHOTS / "dyad-hover.png"))
    assert period["period"] in tip.inner_text()
    top = period["top_events"][0]
    assert top["evidence"][:40] in tip.inner_text().replace("\n", " ")

    page.mouse.click(x, y)
    page.wait_for_url("**/events?*")
    query = parse_qs(urlparse(page.url).query)
    assert query["dyad"] == ["USA-RUS"] and query["since"] == [period["start"]] and query["until"] == [period["end"]]
    # The list holds the reports whose window overlaps the period: the period's events among them.
    listed = " ".join(" ".join(page.locator("table.events td.evidence a").all_inner_texts()).split())
    for event in period["top_events"]:
        assert " ".join(event["evidence"].split())[:60].rstrip("…") in listed
    shown = int(page.locator(".pager .total").first.inner_text())
    assert shown >= len(period["top_events"])

    link = page.locator("table.events td.evidence a", has_text=top["evidence"][:40]).first
    link.click()
    page.wait_for_url("**/articles/**")
    focus = page.locator(".mk-focus")
    assert focus.first.is_visible()
    marked = " ".join(focus.all_inner_texts())
    assert top["evidence"][:30] in " ".join(marked.split())
    assert page.locator(".side-events li.focused").count() == 1
    assert watched.errors == []


def test_a_filter_narrows_the_events_list(watched: Watched) -> None:
    page = watched.page
    watched.open("/events")
    everything = int(page.locator(".pager .total").first.inner_text())
    page.select_option("select[name=plover]", "CONSULT")  # the menu applies itself
    page.wait_for_url("**plover=CONSULT**")
    consults = int(page.locator(".pager .total").first.inner_text())
    assert 0 < consults < everything
    actions = page.locator("table.events tbody tr.event td:nth-child(3)").all_inner_texts()
    assert actions and all("CONSULT" in a for a in actions)
    page.fill("#event-filters input[name=q]", "Geneva")
    page.click("form#event-filters button[type=submit]")
    page.wait_for_url("**q=Geneva**")
    evidence = page.locator("table.events td.evidence a").all_inner_texts()
    assert all("geneva" in e.lower() for e in evidence)
    assert watched.errors == []


def test_the_context_filter_narrows_the_dyad_timeline(watched: Watched) -> None:
    page = watched.page
    watched.open("/dyads/USA/RUS")
    everything = int(page.locator("#dyad-total").inner_text())
    page.select_option("#dyad-controls select[name=context]", "cbrn")  # the menu applies itself
    page.wait_for_url("**context=cbrn**")
    arms = int(page.locator("#dyad-total").inner_text())
    assert 0 < arms < everything
    assert "context cbrn" in page.locator("p.lede").inner_text()
    links = page.locator("a.period-link").evaluate_all("links => links.map(a => a.href)")
    assert links and all("context=cbrn" in href for href in links)
    assert watched.errors == []


def test_overview_counts_match_the_api(watched: Watched) -> None:
    watched.open("/")
    counts = watched.page.evaluate("fetch('/api/summary').then(r => r.json()).then(d => d.counts)")
    for name in ("articles", "reports", "quotes", "actors"):
        assert watched.page.locator(f"#count-{name}").inner_text() == str(counts[name])
    assert watched.page.locator("table.dyads a[href='/dyads/RUS/USA']").is_visible()


@pytest.fixture
def markup_watched(browser, markup_server: str) -> Iterator[Watched]:
    w = Watched(browser, markup_server)
    yield w
    w.context.close()


def test_article_markup_shows_as_text_and_runs_nothing(markup_watched: Watched, markup_article: dict) -> None:
    watched = markup_watched
    watched.open("/articles/" + markup_article["id"])
    page = watched.page
    assert "<script>alert('injected')</script>" in page.locator("#article-text").inner_text()
    assert "<b>trade</b>" in page.locator("#article-text").inner_text()
    assert page.locator("h1").inner_text() == markup_article["title"]
    assert page.locator("#article-text script, #article-text b, h1 em").count() == 0
    assert watched.dialogs == [] and watched.errors == []
    legend = page.locator("ul.legend").inner_text()
    assert all(word in legend for word in ("actor", "trigger", "evidence", "quote"))
    assert page.locator("#article-text .mk-actor").count() >= 2


# --- hostile names: markup in actor names, titles and quotes is shown as text, never run ---------

HOSTILE = "<img src=x onerror=alert('name')><script>alert('name2')</script>"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Records written straight to a store (no model): actor names, title and outlet carry markup."""
    import dataclasses
    import sys as _sys

    from detente.analytics.fold_sql import STORE_HOOKS
    from detente.store import Store

    _sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
    from test_store_roundtrip import KERRY, LAVROV, make_result

    result = make_result("hostile-1", "Lavrov met Kerry in Moscow.")
    source = dataclasses.replace(LAVROV, name=HOSTILE, actor_id="hostile_a")
    target = dataclasses.replace(KERRY, name=HOSTILE + " 2")
    document = dataclasses.replace(result.document, title=HOSTILE, source=HOSTILE)
    events = tuple(dataclasses.replace(e, source=source, target=target) for e in result.events)
    mentions = tuple(dataclasses.replace(m, actor=source) for m in result.mentions)
    quotes = tuple(dataclasses.replace(q, speaker=source) for q in result.quotes)
    db = tmp_path_factory.mktemp("hostile") / "hostile.duckdb"
    with Store.open(db, hooks=STORE_HOOKS) as store:
        store.write(dataclasses.replace(result, document=document, events=events, mentions=mentions, quotes=quotes))
    with _serving(db) as base:
        yield base


@pytest.mark.parametrize("path", ["/", "/events", "/articles", "/articles/hostile-1", "/actors/hostile_a", "/quotes"])
def test_markup_in_names_and_titles_shows_as_text(browser, hostile_server: str, path: str) -> None:
    watched = Watched(browser, hostile_server)
    try:
        watched.open(path)
        body = watched.page.locator("body")
        assert "<img src=x onerror=alert('name')>" in body.inner_text(), path
        assert watched.page.locator("main img, main script").count() == 0
        assert watched.dialogs == [] and not [e for e in watched.errors if "alert" in e]
    finally:
        watched.context.close()
