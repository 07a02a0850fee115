"""Folding reports of one event: the rules, the in-memory folder and the database fold."""

from __future__ import annotations

import duckdb
import pytest
from analytics_builders import (
    CHN,
    KERRY,
    LAVROV,
    MOSCOW,
    OSLO,
    RUS,
    USA,
    VIENNA,
    event,
    result,
    standard_results,
    store_db,
    window,
)

from detente.analytics.fold import FoldRules, compatible, fold_all, symmetric
from detente.analytics.fold_sql import (
    _candidates,
    fold_article,
    fold_counts,
    load_folded,
    migrate_fold,
    refold,
)
from detente.analytics.records import DocRef
from detente.records import DateWindow

A = event("a", 1, "040", KERRY, LAVROV, window("2015-03-03"), location=VIENNA)


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (event("b", 1, "042", KERRY, LAVROV, window("2015-03-01", "2015-03-31")), True),  # month window overlaps
        (event("b", 1, "040", LAVROV, KERRY, window("2015-03-03")), True),  # meetings fold either way round
        (event("b", 1, "036", KERRY, LAVROV, window("2015-03-03")), True),  # same PLOVER type (CONSULT)
        (event("b", 1, "040", KERRY, LAVROV, window("2015-03-04")), True),  # a day's slack: dated to publication
        (event("b", 1, "040", KERRY, LAVROV, window("2015-05-12"), location=OSLO), False),  # Oslo in May
        (event("b", 1, "040", KERRY, LAVROV, window("2015-03-03"), location=OSLO), False),  # another city
        (event("b", 1, "040", KERRY, LAVROV, window("2015-03-03"), location=MOSCOW), True),  # an actor's capital
        (event("b", 1, "057", KERRY, LAVROV, window("2015-03-03")), False),  # signing is not the meeting
        (event("b", 1, "040", KERRY, LAVROV, window("2015-03-03"), modality="future"), False),  # planned
        (event("b", 1, "040", KERRY, LAVROV, window("2015-03-03"), modality="hypothetical"), False),
        (event("b", 1, "040", USA, CHN, window("2015-03-03")), False),  # the same code between others
        (event("b", 1, "040", KERRY, RUS, window("2015-03-03")), True),  # a country stands for its side
        (event("b", 1, "040", KERRY, KERRY, window("2015-03-03")), False),  # both people: ids decide
        (
            event("b", 1, "040", KERRY, USA.__class__(text="the Russian side", country="RUS"), window("2015-03-03")),
            True,
        ),  # no id: countries decide
    ],
)
def test_compatibility_rules(other, expected):
    assert compatible(A, other) is expected
    assert compatible(other, A) is expected


def test_directed_actions_do_not_fold_across_directions():
    a = event("a", 1, "112", USA, RUS, window("2016-02-01"))
    b = event("b", 1, "112", RUS, USA, window("2016-02-01"))
    assert not compatible(a, b)
    assert symmetric("043") and symmetric("057") and not symmetric("112")


def test_date_slack_is_a_rule_passed_in():
    a = event("a", 1, "040", KERRY, LAVROV, window("2015-03-03"))
    b = event("b", 1, "040", KERRY, LAVROV, window("2015-03-05"))
    assert not compatible(a, b)
    assert compatible(a, b, FoldRules(date_slack_days=2))


def _refs():
    return [
        (
            DocRef(
                doc_id=r.document.doc_id,
                outlet=r.document.source,
                text=r.document.text,
                published=r.document.published.window.earliest,
                tone=r.document.tone,
            ),
            r.events,
        )
        for r in standard_results()
    ]


def test_fold_all_counts_reports_outlets_and_articles():
    folded = sorted(fold_all(_refs()), key=lambda f: f.date.earliest)
    assert [f.cameo_root for f in folded] == ["04", "16", "11", "05"]
    meeting = folded[0]
    assert (meeting.num_mentions, meeting.num_sources, meeting.num_articles) == (3, 2, 3)
    assert meeting.date == window("2015-03-03")  # the best-dated report's window, not the week
    assert meeting.first_report.isoformat() == "2015-03-04" and meeting.last_report.isoformat() == "2015-03-05"
    assert meeting.location == VIENNA
    assert meeting.tone == pytest.approx((1.0 - 1.0 + 2.0) / 3, abs=1e-4)
    assert {r.evidence for r in meeting.reports} == {r.document.text for r in standard_results()[:3]}


def test_reports_within_one_article_fold():
    text = "Kerry met Lavrov on Tuesday. Their meeting on Tuesday ran long."
    events = [
        event("x", 1, "040", KERRY, LAVROV, window("2015-03-03"), text, span=(0, 28)),
        event("x", 2, "040", LAVROV, KERRY, window("2015-03-03"), text, span=(29, len(text))),
    ]
    (folded,) = fold_all([(DocRef(doc_id="x", text=text), events)])
    assert folded.num_mentions == 2 and folded.num_articles == 1 and folded.num_sources == 1


def _fold_ids(con):
    return dict(con.execute("SELECT event_id, fold_id FROM events ORDER BY event_id").fetchall())


def test_database_fold_matches_the_in_memory_fold(tmp_path):
    path = store_db(tmp_path / "s.duckdb", standard_results())
    con = duckdb.connect(str(path))
    ids = _fold_ids(con)
    assert ids["d1:e1"] == ids["d2:e1"] == ids["d3:e1"]
    assert len({ids["d1:e1"], ids["d4:e1"], ids["d5:e1"], ids["d6:e1"]}) == 4
    row = con.execute(
        "SELECT num_mentions, num_sources, num_articles, dyad, evidence, source_url FROM folded_events "
        "WHERE fold_id = ?",
        [ids["d1:e1"]],
    ).fetchone()
    assert row[:4] == (3, 2, 3, "RUS|USA")
    assert row[4].startswith("Kerry and Lavrov") and row[5] == "https://a.example/1"
    assert con.execute("SELECT count(*) FROM folded_events").fetchone()[0] == 4
    assert fold_counts(con) == (4, 6, 6)  # 4 events from 6 reports in 6 articles
    memory = sorted((f.num_mentions, f.cameo) for f in fold_all(_refs()))
    stored = sorted((f.num_mentions, f.cameo) for f in load_folded(con))
    assert memory == stored


def test_refolding_an_article_is_idempotent_and_a_rollback_leaves_nothing(tmp_path):
    path = store_db(tmp_path / "s.duckdb", standard_results())
    con = duckdb.connect(str(path))
    before = con.execute("SELECT * FROM folded_events ORDER BY fold_id").fetchall()
    con.begin()
    fold_article(con, "d2")
    con.commit()
    assert con.execute("SELECT * FROM folded_events ORDER BY fold_id").fetchall() == before
    con.begin()
    con.execute("DELETE FROM events WHERE doc_id = 'd2'")
    fold_article(con, "d2")  # the article lost its event: the meeting keeps two reports
    assert con.execute("SELECT max(num_mentions) FROM folded_events").fetchone()[0] == 2
    con.rollback()
    assert con.execute("SELECT * FROM folded_events ORDER BY fold_id").fetchall() == before


def test_a_new_article_updates_the_folded_event_incrementally(tmp_path):
    results = standard_results()
    path = store_db(tmp_path / "s.duckdb", results)
    text = "Lavrov and Kerry spoke for an hour on Tuesday."
    late = result(
        "d7",
        text,
        [event("d7", 1, "040", LAVROV, KERRY, window("2015-03-03"), text)],
        outlet="Wire D",
        published="2015-03-09",
    )
    store_db(path, [late])  # the store exists: migrate_fold is not run twice
    con = duckdb.connect(str(path))
    row = con.execute(
        "SELECT num_mentions, num_sources, last_report FROM folded_events WHERE list_contains(event_ids, 'd7:e1')"
    ).fetchone()
    assert row[0] == 4 and row[1] == 3 and row[2].isoformat() == "2015-03-09"


def test_migrating_a_store_with_articles_and_refolding_it(tmp_path):
    path = store_db(tmp_path / "old.duckdb", standard_results(), fold=False)
    con = duckdb.connect(str(path))
    con.begin()
    migrate_fold(con)
    assert refold(con) == 4
    con.commit()
    assert fold_counts(con) == (4, 6, 6)
    folded = duckdb.connect(str(store_db(tmp_path / "new.duckdb", standard_results())))
    columns = "dyad, cameo, num_mentions, num_sources, num_articles, event_ids"
    assert sorted(con.execute(f"SELECT {columns} FROM folded_events").fetchall()) == sorted(
        folded.execute(f"SELECT {columns} FROM folded_events").fetchall()
    )


def test_an_article_reads_only_the_folded_events_of_its_days(tmp_path):
    # A busy dyad's history grows with the store: the lookup must read the days near the
    # article's events (the rule's slack included) and undated ones only for undated events.
    path = store_db(tmp_path / "s.duckdb", standard_results())
    con = duckdb.connect(str(path))
    ids = _fold_ids(con)
    text = "Kerry met Lavrov again."
    near = [event("n", 1, "040", KERRY, LAVROV, window("2015-03-04"), text)]  # a day after the meeting
    far = [event("f", 1, "040", KERRY, LAVROV, window("2015-04-20"), text)]
    undated = [event("u", 1, "040", KERRY, LAVROV, DateWindow(), text)]
    assert _candidates(con, near, FoldRules()) == [ids["d1:e1"]]
    assert _candidates(con, near, FoldRules(date_slack_days=0)) == []
    assert _candidates(con, far, FoldRules()) == []
    assert _candidates(con, undated, FoldRules()) == []
    # Every candidate the lookup skips is one the folding rules would refuse.
    stored = {f.fold_id: f for f in load_folded(con)}
    for probe in (near, far):
        joinable = {fid for fid, f in stored.items() if all(compatible(probe[0], r.event) for r in f.reports)}
        assert joinable <= set(_candidates(con, probe, FoldRules()))


def test_a_batch_of_articles_folds_as_they_fold_one_by_one(tmp_path):
    from detente.analytics.fold_sql import STORE_HOOKS
    from detente.store.store import Store

    results = standard_results()
    one_by_one = duckdb.connect(str(store_db(tmp_path / "one.duckdb", results)))
    with Store.open(tmp_path / "batch.duckdb", hooks=STORE_HOOKS) as store:
        store.write_many(results[:2])  # a folded event started in one batch...
        store.write_many(results[2:])  # ...and joined in the next
    batch = duckdb.connect(str(tmp_path / "batch.duckdb"))
    assert _fold_ids(batch) == _fold_ids(one_by_one)
    query = "SELECT fold_id, num_mentions, num_articles, dyad, evidence FROM folded_events ORDER BY fold_id"
    assert batch.execute(query).fetchall() == one_by_one.execute(query).fetchall()
