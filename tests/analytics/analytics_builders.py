"""Hand-built records for the analytics tests (sentences written for these tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from detente.analytics.fold_sql import migrate_fold
from detente.records import (
    Actor,
    DateWindow,
    Document,
    Event,
    Location,
    Published,
    Result,
)
from detente.store.store import Store

USA = Actor(text="Washington", name="United States", actor_id="USA", country="USA", sector="GOV")
RUS = Actor(text="Moscow", name="Russia", actor_id="RUS", country="RUS", sector="GOV")
CHN = Actor(text="Beijing", name="China", actor_id="CHN", country="CHN", sector="GOV")
KERRY = Actor(
    text="Kerry", name="John Kerry", actor_id="john-kerry", country="USA", sector="GOV", role="Secretary of State"
)
LAVROV = Actor(
    text="Lavrov", name="Sergey Lavrov", actor_id="sergey-lavrov", country="RUS", sector="GOV", role="Foreign Minister"
)
VIENNA = Location(name="Vienna", kind="city", country="AUT", lat=48.21, lon=16.37)
OSLO = Location(name="Oslo", kind="city", country="NOR", lat=59.91, lon=10.75)
MOSCOW = Location(name="Moscow", kind="city", country="RUS", lat=55.75, lon=37.62)

CODES: dict[str, tuple[str, float, int, str | None]] = {
    # cameo: (root, goldstein, quad class, plover)
    "040": ("04", 1.0, 1, "CONSULT"),
    "042": ("04", 1.9, 1, "CONSULT"),
    "036": ("03", 4.0, 1, "CONSULT"),
    "057": ("05", 8.0, 1, "AGREE"),
    "112": ("11", -2.0, 3, "ACCUSE"),
    "163": ("16", -8.0, 4, "SANCTION"),
    "061": ("06", 6.4, 2, "COOPERATE"),
}


def window(first: str, last: str | None = None) -> DateWindow:
    a, b = date.fromisoformat(first), date.fromisoformat(last or first)
    return DateWindow(earliest=a, latest=b, precision="day" if a == b else "month")


def event(
    doc_id: str,
    n: int,
    cameo: str,
    source: Actor,
    target: Actor | None,
    when: DateWindow,
    text: str = "",
    *,
    modality: str = "asserted",
    location: Location | None = None,
    contexts: tuple[str, ...] = (),
    span: tuple[int, int] | None = None,
) -> Event:
    root, goldstein, quad, plover = CODES[cameo]
    return Event(
        doc_id=doc_id,
        event_id=f"{doc_id}:e{n}",
        span=span or (0, len(text)),
        trigger=(0, 1),
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=root,
        goldstein=goldstein,
        quad_class=quad,
        plover=plover,
        plover_mode=None,
        modality=modality,  # type: ignore[arg-type]
        date=when,
        location=location,
        contexts=contexts,
        confidence=0.8,
    )


def result(
    doc_id: str,
    text: str,
    events: list[Event],
    *,
    outlet: str = "Wire A",
    published: str = "2015-01-01",
    tone: float | None = None,
    url: str | None = None,
) -> Result:
    doc = Document(
        doc_id=doc_id,
        title=None,
        source=outlet,
        url=url,
        text=text,
        captions=(),
        published=Published(window=window(published), method="given"),
        tone=tone,
    )
    return Result(document=doc, events=tuple(events), sha256=f"sha-{doc_id}-{len(text)}", version="test")


def store_db(path: Path, results: list[Result], fold: bool = True) -> Any:
    """Write results into a new store; migrate and fold each article in its own transaction."""
    from detente.analytics.fold_sql import fold_article, has_folding

    with Store.open(path) as store:
        con = store._con
        if fold and not has_folding(con):
            migrate_fold(con)
        for res in results:
            store.write(res)
            if fold:
                con.begin()
                fold_article(con, res.document.doc_id)
                con.commit()
    return path


def standard_results() -> list[Result]:
    """A small story: three outlets on one Geneva-style meeting, a sanction, a treaty."""
    out = []
    t1 = "Kerry and Lavrov held talks on Tuesday about the ceasefire."
    t2 = "Lavrov met Kerry this week to discuss the ceasefire plan."
    t3 = "The two top diplomats conferred on Tuesday."
    out.append(
        result(
            "d1",
            t1,
            [event("d1", 1, "040", KERRY, LAVROV, window("2015-03-03"), t1, location=VIENNA)],
            outlet="Wire A",
            published="2015-03-04",
            tone=1.0,
            url="https://a.example/1",
        )
    )
    out.append(
        result(
            "d2",
            t2,
            [event("d2", 1, "042", LAVROV, KERRY, window("2015-03-02", "2015-03-08"), t2)],
            outlet="Wire B",
            published="2015-03-05",
            tone=-1.0,
        )
    )
    out.append(
        result(
            "d3",
            t3,
            [event("d3", 1, "040", KERRY, LAVROV, window("2015-03-03"), t3)],
            outlet="Wire B",
            published="2015-03-05",
            tone=2.0,
        )
    )
    t4 = "Washington imposed new sanctions on Moscow over the missile tests."
    out.append(
        result(
            "d4",
            t4,
            [event("d4", 1, "163", USA, RUS, window("2015-06-10"), t4, contexts=("cbrn",))],
            outlet="Wire C",
            published="2015-06-11",
            tone=-4.0,
        )
    )
    t5 = "The United States accused Russia of breaking the arms treaty."
    out.append(
        result(
            "d5",
            t5,
            [event("d5", 1, "112", USA, RUS, window("2016-02-01"), t5, contexts=("cbrn",))],
            outlet="Wire C",
            published="2016-02-02",
            tone=-3.0,
        )
    )
    t6 = "Moscow and Washington signed a trade accord on Friday."
    out.append(
        result(
            "d6",
            t6,
            [event("d6", 1, "057", RUS, USA, window("2017-05-05"), t6)],
            outlet="Wire A",
            published="2017-05-06",
            tone=3.0,
        )
    )
    return out
