"""Folding in the database: the ``folded_events`` table, a ``fold_id`` on every event row, and
``fold_article``, which folds one stored article inside the caller's transaction (so a killed
ingest leaves no half-folded state: the article and its folding commit or roll back together).

The ``events`` table stays the source of truth for reports (each row names its ``fold_id``);
``folded_events`` holds one row per folded event with the aggregates the series and exports read.
Folding is incremental: an article's candidates are looked up by dyad key (an indexed column)
and date, never by reading every folded event of a dyad (a busy dyad's history grows with the
store; the events of the same days do not).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from detente.analytics import rows
from detente.analytics.fold import (
    DEFAULT_RULES,
    FOLDED_MODALITIES,
    Folder,
    FoldRules,
    aggregate,
    dyad_key,
)
from detente.analytics.records import DocRef, FoldedEvent, Report
from detente.analytics.rows import has_folding
from detente.records import Event
from detente.store import Hooks
from detente.store.migrations import MIGRATIONS
from detente.store.schema import FOLDED_EVENTS

__all__ = [
    "FOLDED_COLUMNS",
    "STORE_HOOKS",
    "fold_article",
    "fold_articles",
    "fold_counts",
    "has_folding",
    "load_folded",
    "load_reports",
    "migrate_fold",
    "refold",
]

FOLDED_COLUMNS: tuple[str, ...] = tuple(c.name for c in FOLDED_EVENTS)  # the store's folded_events table


def migrate_fold(con: Any) -> None:
    """Add folding to a store opened without it: the store's own migration (version 3), which
    stores run on open; idempotent."""
    (step,) = [m for m in MIGRATIONS if m.refold]
    step.apply(con)


def _new_id(con: Any) -> str:
    number = con.execute("SELECT nextval('fold_seq')").fetchone()[0]
    return f"F{number}"


# How many other ids a stored text was given (the store's aliases table).
_ALIASES = "(SELECT count(*) FROM aliases a WHERE a.sha256 = {d}.sha256)"


def _docs(con: Any, doc_ids: Sequence[str]) -> dict[str, DocRef]:
    found = rows.fetch_dicts(
        con,
        f"SELECT doc_id, source, sha256, published, url, tone, text, {_ALIASES.format(d='documents')} AS aliases "
        "FROM documents WHERE list_contains(?, doc_id)",
        [list(doc_ids)],
    )
    return {r["doc_id"]: rows.doc_ref(r) for r in found}


def _events(con: Any, docs: dict[str, DocRef]) -> dict[str, list[Event]]:
    """The stored events of these articles that fold (asserted or future), in their order."""
    if not docs:
        return {}
    first = con.execute("SELECT min(seq) FROM documents WHERE list_contains(?, doc_id)", [list(docs)]).fetchone()[0]
    cols = ", ".join(f'"{c}"' for c in rows.EVENT_COLUMNS)
    found = rows.fetch_dicts(
        con,
        # seq grows with each write, so the newest rows alone are read (DuckDB skips older row groups).
        f"SELECT {cols}, sha256 AS _sha FROM events WHERE seq >= ? AND list_contains(?, doc_id) ORDER BY seq, n",
        [first, list(docs)],
    )
    out: dict[str, list[Event]] = {}
    for r in found:
        if r["_sha"] == docs[r["doc_id"]].sha256 and r["modality"] in FOLDED_MODALITIES:
            out.setdefault(r["doc_id"], []).append(rows.event(r))
    return out


def load_reports(con: Any, fold_ids: Iterable[str]) -> dict[str, list[Report]]:
    """The reports (event rows with their articles) of these folded events."""
    ids = sorted(set(fold_ids))
    if not ids:
        return {}
    cols = ", ".join(f'e."{c}"' for c in rows.EVENT_COLUMNS)
    found = rows.fetch_dicts(
        con,
        f"""SELECT {cols}, e.fold_id, d.source AS doc_source, d.sha256 AS doc_sha256, d.published AS doc_published,
                   d.url AS doc_url, d.tone AS doc_tone, d.text AS doc_text, {_ALIASES.format(d="d")} AS doc_aliases
            FROM events e JOIN documents d ON d.doc_id = e.doc_id AND d.sha256 = e.sha256
            WHERE list_contains(?, e.fold_id) ORDER BY e.seq, e.n""",
        [ids],
    )
    out: dict[str, list[Report]] = {}
    for row in found:
        doc = rows.doc_ref(
            {
                "doc_id": row["doc_id"],
                "source": row["doc_source"],
                "sha256": row["doc_sha256"],
                "published": row["doc_published"],
                "url": row["doc_url"],
                "tone": row["doc_tone"],
                "text": row["doc_text"],
                "aliases": row["doc_aliases"],
            }
        )
        out.setdefault(row["fold_id"], []).append(Report(event=rows.event(row), doc=doc))
    return out


def _row(folded: FoldedEvent) -> list[Any]:
    first_url = next((r.doc.url for r in folded.reports if r.doc.url), None)
    return [
        folded.fold_id,
        dyad_key(folded),
        folded.source.to_dict(),
        folded.target.to_dict() if folded.target else None,
        folded.cameo,
        folded.cameo_root,
        folded.plover,
        folded.goldstein,
        folded.quad_class,
        folded.modality,
        folded.symmetric,
        folded.date.to_dict(),
        folded.first_report,
        folded.last_report,
        folded.num_mentions,
        folded.num_sources,
        folded.num_articles,
        folded.location.to_dict() if folded.location else None,
        list(folded.contexts),
        folded.tone,
        folded.evidence,
        first_url,
        [r.event.event_id for r in folded.reports],
        sorted({r.doc.doc_id for r in folded.reports}),
    ]


def _save(con: Any, folded: Iterable[FoldedEvent]) -> None:
    items = list(folded)
    if not items:
        return
    con.execute("DELETE FROM folded_events WHERE list_contains(?, fold_id)", [[f.fold_id for f in items]])
    names = ", ".join(f'"{name}"' for name in FOLDED_COLUMNS)
    marks = "(" + ", ".join("?" for _ in FOLDED_COLUMNS) + ")"
    for start in range(0, len(items), 100):  # many rows a statement: executemany runs one per row
        chunk = items[start : start + 100]
        con.execute(
            f"INSERT INTO folded_events ({names}) VALUES {', '.join(marks for _ in chunk)}",
            [value for f in chunk for value in _row(f)],
        )


def _unfold(con: Any, doc_id: str) -> None:
    """Take an article's reports out of the folded events that hold them (a re-ingested or
    replaced article), rebuilding those events from their remaining reports."""
    affected = {
        r[0]
        for r in con.execute("SELECT fold_id FROM folded_events WHERE list_contains(doc_ids, ?)", [doc_id]).fetchall()
    }
    affected |= {
        r[0]
        for r in con.execute(
            "SELECT DISTINCT fold_id FROM events WHERE doc_id = ? AND fold_id IS NOT NULL", [doc_id]
        ).fetchall()
    }
    if not affected:
        return
    con.execute("UPDATE events SET fold_id = NULL WHERE doc_id = ?", [doc_id])
    remaining = load_reports(con, affected)
    gone = sorted(affected - set(remaining))
    if gone:
        con.execute("DELETE FROM folded_events WHERE list_contains(?, fold_id)", [gone])
    _save(con, (aggregate(fid, reps) for fid, reps in remaining.items()))


def _candidates(con: Any, events: Sequence[Event], rules: FoldRules) -> list[str]:
    """The folded events an article's events could join: the same dyad key and a date that
    overlaps (with the rules' slack), or both unknown. A report joins a folded event only when it
    is compatible with every report of it, the best-dated one included, so this lookup loses
    nothing, and what it reads does not grow with the store (only with the events of those days)."""
    slack = timedelta(days=rules.date_slack_days)
    ranges: set[tuple[str, date, date]] = set()
    undated: set[str] = set()
    for e in events:
        if e.date.earliest is None or e.date.latest is None:
            undated.add(dyad_key(e))
        else:
            ranges.add((dyad_key(e), e.date.earliest - slack, e.date.latest + slack))
    terms = ["(dyad = ? AND date.earliest <= ? AND date.latest >= ?)" for _ in ranges]
    # The struct keeps dates as ISO text, which sorts as the dates do.
    params: list[Any] = [v for key, lo, hi in sorted(ranges) for v in (key, hi.isoformat(), lo.isoformat())]
    if undated:
        terms.append("(list_contains(?, dyad) AND date.earliest IS NULL)")
        params.append(sorted(undated))
    if not terms:
        return []
    found = con.execute(f"SELECT fold_id FROM folded_events WHERE {' OR '.join(terms)}", params).fetchall()
    return [r[0] for r in found]


def fold_article(con: Any, doc_id: str, rules: FoldRules = DEFAULT_RULES, *, new: bool = False) -> dict[str, str]:
    """Fold one stored article's event rows into ``folded_events``; returns event_id -> fold_id.

    Call it after the article's rows are written, inside the same transaction: it neither begins
    nor commits. Calling it again for the same article (or after the article was replaced)
    first takes the article's old reports out, so the result is the same as folding it once.
    `new` says the store held nothing of the article before: nothing to take out.
    """
    return fold_articles(con, [doc_id], rules, new=new)


def fold_articles(
    con: Any, doc_ids: Sequence[str], rules: FoldRules = DEFAULT_RULES, *, new: bool = False
) -> dict[str, str]:
    """Fold stored articles, in their order, as ``fold_article`` would one by one (the same fold
    ids, the same folded events), with a few queries for all of them: their documents, their
    events, the folded events of those dyads and days, one write of the folded events and one of
    the events' fold ids. Returns event_id -> fold_id."""
    if not new:
        for doc_id in doc_ids:
            _unfold(con, doc_id)
    docs = _docs(con, doc_ids)
    events = _events(con, docs)
    if not events:
        return {}
    stored = load_reports(con, _candidates(con, [e for evs in events.values() for e in evs], rules))
    pool: dict[str, FoldedEvent] = {fid: aggregate(fid, reps) for fid, reps in stored.items()}
    folder = Folder(lambda: _new_id(con), rules)
    changed: set[str] = set()
    fold_ids: dict[tuple[str, str], str] = {}  # (doc_id, event_id) -> fold_id
    for doc_id in doc_ids:
        if doc_id not in events:
            continue
        keys = {dyad_key(e) for e in events[doc_id]}
        outcome = folder.fold(docs[doc_id], events[doc_id], [f for f in pool.values() if dyad_key(f) in keys])
        for folded in outcome.folded:
            pool[folded.fold_id] = folded
            changed.add(folded.fold_id)
        fold_ids.update(((doc_id, eid), fid) for eid, fid in outcome.fold_ids.items())
    _save(con, (pool[fid] for fid in sorted(changed, key=lambda f: (len(f), f))))
    _set_fold_ids(con, fold_ids)
    return {eid: fid for (_, eid), fid in fold_ids.items()}


def _set_fold_ids(con: Any, fold_ids: dict[tuple[str, str], str]) -> None:
    """Each event row's fold id, in one update (a row-by-row update reads the table per row)."""
    import pyarrow as pa

    if not fold_ids:
        return
    keys = pa.table(
        {
            "doc_id": [d for d, _ in fold_ids],
            "event_id": [e for _, e in fold_ids],
            "fold_id": list(fold_ids.values()),
        }
    )
    con.register("_detente_folds", keys)
    try:
        con.execute(
            "UPDATE events SET fold_id = k.fold_id FROM _detente_folds k "
            "WHERE events.doc_id = k.doc_id AND events.event_id = k.event_id"
        )
    finally:
        con.unregister("_detente_folds")


def load_folded(con: Any, fold_ids: Iterable[str] | None = None) -> Iterator[FoldedEvent]:
    """Folded events with all their reports (for the exports), in fold id order."""
    if fold_ids is None:
        fold_ids = [r[0] for r in con.execute("SELECT fold_id FROM folded_events").fetchall()]
    ids = sorted(fold_ids, key=lambda f: (len(f), f))
    for start in range(0, len(ids), 500):  # bounded memory on large stores
        batch = ids[start : start + 500]
        reports = load_reports(con, batch)
        for fid in batch:
            if fid in reports:
                yield aggregate(fid, reports[fid])


def fold_counts(con: Any) -> tuple[int, int, int]:
    """(folded events, reports folded into them, articles they come from), for the summary's
    "N events from M reports in K articles"."""
    events = con.execute("SELECT count(*) FROM folded_events").fetchone()[0]
    reports, articles = con.execute(
        "SELECT count(*), count(DISTINCT doc_id) FROM events WHERE fold_id IS NOT NULL"
    ).fetchone()
    return int(events), int(reports), int(articles)


def refold(con: Any, rules: FoldRules = DEFAULT_RULES) -> int:
    """Fold every stored article again, in the order they were stored (after ``migrate_fold`` on a
    store that already holds articles, or after the fold rules changed); returns the folded
    events. Runs in the caller's transaction, like ``fold_article``."""
    con.execute("DELETE FROM folded_events")
    con.execute("UPDATE events SET fold_id = NULL WHERE fold_id IS NOT NULL")
    doc_ids = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY seq").fetchall()]
    for start in range(0, len(doc_ids), 256):  # nothing is folded any more: nothing to take out
        fold_articles(con, doc_ids[start : start + 256], rules, new=True)
    return int(con.execute("SELECT count(*) FROM folded_events").fetchone()[0])


# What a store runs inside its transactions so that folding is never behind: each article folded
# as it is written, every article refolded when a migration introduces or changes folding.
STORE_HOOKS = Hooks(after_write=fold_articles, after_upgrade=refold)
