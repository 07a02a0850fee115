"""The places stage inside the whole pipeline: seed articles and text written for the test."""

from __future__ import annotations

import math
from pathlib import Path

from detente.records import Article, Location

MOSCOW_CENTRE = (55.7558, 37.6173)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def _near_moscow(loc: Location) -> bool:
    assert loc.lat is not None and loc.lon is not None
    return _km(loc.lat, loc.lon, *MOSCOW_CENTRE) <= 30


def test_talks_in_geneva_are_in_switzerland(pipeline) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva "
        "on Monday for talks on the ceasefire, a U.S. official said."
    )
    result = pipeline.extract_one(Article(doc_id="geneva", text=text))
    located = [e.location for e in result.events if e.location is not None]
    assert located, [e.to_dict() for e in result.events]
    assert all(loc.name == "Geneva" and loc.country == "CHE" for loc in located)


def test_kremlin_meeting_is_a_site_in_moscow(pipeline) -> None:
    text = (
        "A meeting between Russian President Vladimir Putin and U.S. Secretary of State John Kerry "
        "took place at the Kremlin on Tuesday. The meeting lasted four hours."
    )
    result = pipeline.extract_one(Article(doc_id="kremlin", text=text))
    sites = [e.location for e in result.events if e.location is not None and e.location.kind == "site"]
    assert sites, [e.to_dict() for e in result.events]
    assert all(loc.country == "RUS" and _near_moscow(loc) for loc in sites)


def test_seed_2016_kremlin_meeting(pipeline, seeds: Path) -> None:
    from detente.ingest import read_inputs

    (path,) = sorted(seeds.glob("004_*.txt"))
    (article,) = [a for a in read_inputs([str(path)], None) if isinstance(a, Article)]
    result = pipeline.extract_one(article)
    meetings = [
        e for e in result.events if e.cameo_root == "04" and e.location is not None and e.location.kind == "site"
    ]
    assert meetings, [(e.event_id, e.cameo, e.location) for e in result.events]
    for event in meetings:
        loc = event.location
        assert loc is not None and loc.country == "RUS" and _near_moscow(loc)


def test_every_seed_location_is_well_formed(pipeline, seeds: Path) -> None:
    from detente.ingest import read_inputs

    articles = [a for a in read_inputs([str(seeds)], None) if isinstance(a, Article)]
    assert articles
    for outcome in pipeline.process(articles):
        assert not isinstance(outcome, Exception), outcome
        for event in outcome.events:
            loc = event.location
            if loc is None:
                continue
            assert loc.kind in ("country", "region", "city", "site")
            assert loc.country is None or len(loc.country) == 3
            assert loc.lat is None or -90 <= loc.lat <= 90
            assert loc.lon is None or -180 <= loc.lon <= 180
