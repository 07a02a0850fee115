"""Invariants of folding over random reports: every report lands in exactly one folded event,
the counts add up, and the reports of one folded event are pairwise compatible."""

from __future__ import annotations

from datetime import date, timedelta

from analytics_builders import CHN, KERRY, LAVROV, OSLO, RUS, USA, VIENNA, event
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.analytics.fold import compatible, fold_all
from detente.analytics.records import DocRef
from detente.records import DateWindow

ACTORS = [USA, RUS, CHN, KERRY, LAVROV]
CODES = ["040", "042", "036", "057", "112", "163", "061"]

report = st.tuples(
    st.sampled_from(CODES),
    st.sampled_from(ACTORS),
    st.sampled_from(ACTORS),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=0, max_value=10),
    st.sampled_from(["asserted", "future", "hypothetical"]),
    st.sampled_from([None, VIENNA, OSLO]),
)
article = st.tuples(st.sampled_from(["Wire A", "Wire B", "Wire C"]), st.lists(report, min_size=1, max_size=4))


@settings(max_examples=60, deadline=None)
@given(st.lists(article, min_size=1, max_size=8))
def test_folding_partitions_the_reports_into_compatible_events(articles):
    start = date(2020, 1, 1)
    coded = []
    for a, (outlet, reports) in enumerate(articles):
        doc_id = f"a{a}"
        events = [
            event(
                doc_id,
                n,
                code,
                src,
                tgt,
                DateWindow(
                    earliest=start + timedelta(days=day),
                    latest=start + timedelta(days=day + width),
                    precision="day" if width == 0 else "month",
                ),
                modality=modality,
                location=place,
            )
            for n, (code, src, tgt, day, width, modality, place) in enumerate(reports, 1)
        ]
        coded.append((DocRef(doc_id=doc_id, outlet=outlet, published=start + timedelta(days=a)), events))
    folded = fold_all(coded)
    seen = [r.event.event_id for f in folded for r in f.reports]
    expected = [e.event_id for _, evs in coded for e in evs if e.modality != "hypothetical"]
    assert sorted(seen) == sorted(expected) and len(seen) == len(set(seen))
    for f in folded:
        assert f.num_mentions == len(f.reports)
        assert 1 <= f.num_sources <= f.num_articles <= f.num_mentions
        assert all(compatible(x.event, y.event) for x in f.reports for y in f.reports if x is not y)
        assert f.date in {r.event.date for r in f.reports}
