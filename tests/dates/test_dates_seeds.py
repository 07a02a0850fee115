"""Integration: the seed articles (read from ../shared, never copied) through the pipeline."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from detente import actors, dates
from detente.evaluate.dates import read_timeml
from detente.reading import read
from detente.records import replace

TRUE_DATES = {
    "000_7e5f218cc65ababf": date(2013, 10, 28),
    "001_0cfbf426513677e2": date(2023, 12, 3),
    "002_4d98e5539bdb5e39": date(2007, 2, 22),
    "003_8f24e08f11af80d3": date(2008, 3, 17),
    "004_aee61f491a169a4d": date(2016, 3, 24),
}


@pytest.fixture(scope="module")
def parsed(pipeline, seeds: Path):
    from detente.ingest import read_inputs

    articles = [a for a in read_inputs([str(seeds)], sys.stdin) if a.doc_id in TRUE_DATES]
    out = {}
    for doc, article in pipeline.parse([replace(a, published=None) for a in articles]):
        reading = read(doc, article)
        evidence = actors.dating_evidence(reading, pipeline.resources.kb)
        published = dates.publication(reading, evidence, pipeline.resources.dates)
        out[article.doc_id] = (doc, article, published, dates.find(doc, published, pipeline.resources.dates))
    return out


@pytest.mark.parametrize("doc_id", sorted(TRUE_DATES))
def test_seed_publication_window_holds_the_true_date(parsed, doc_id):
    _, _, published, _ = parsed[doc_id]
    w = published.window
    assert w.known and w.earliest <= TRUE_DATES[doc_id] <= w.latest, published


def test_seed_publication_methods(parsed):
    assert parsed["001_0cfbf426513677e2"][2].method == "explicit"
    assert parsed["002_4d98e5539bdb5e39"][2].method == "explicit"  # caption date agreeing with "on Thursday"
    assert parsed["000_7e5f218cc65ababf"][2].method == "dateline"  # year from the 80th anniversary
    assert parsed["000_7e5f218cc65ababf"][2].window.date == TRUE_DATES["000_7e5f218cc65ababf"]


def test_2023_article_dated_events(parsed):
    doc, _, published, times = parsed["001_0cfbf426513677e2"]
    by_text = {t.text: t for t in times}
    for text, day in (
        ("October 25", date(2023, 10, 25)),
        ("October 26", date(2023, 10, 26)),
        ("November 27", date(2023, 11, 27)),
        ("November 28", date(2023, 11, 28)),
    ):
        t = by_text[text]
        assert t.window.date == day
        # the clause the expression is anchored to gets that date
        assert dates.date_for(t.anchor_token, times, published, doc=doc).date == day


def test_war_memory_is_dated_to_the_war(parsed):
    doc, _, published, times = parsed["000_7e5f218cc65ababf"]
    fought = next(t.i for t in doc if t.text == "fought")
    assert dates.date_for(fought, times, published, doc=doc).latest.year == 1945


def test_timeml_reader_on_gold(shared: Path):
    folder = shared / "gold" / "tempeval3" / "TBAQ-cleaned" / "TimeBank"
    first = sorted(folder.glob("*.tml"))[0]
    doc = read_timeml(first)
    assert doc.dct is not None and doc.timexes
    for t in doc.timexes:
        assert doc.text[t.span[0] : t.span[1]] == t.text
