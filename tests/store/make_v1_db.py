"""Build a database exactly as detente 0.1.0 wrote it (schema version 1), for the migration tests.

    python tests/store/make_v1_db.py OUT.duckdb

The statements are frozen copies of that version's, so that this file keeps describing version 1
whatever the store becomes; the store must open and upgrade what it builds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

V1_STATEMENTS = (
    "CREATE TABLE schema_info (version INTEGER NOT NULL, written_by VARCHAR NOT NULL)",
    "CREATE SEQUENCE article_seq START 1",
    (
        'CREATE TABLE documents ("doc_id" VARCHAR NOT NULL, "title" VARCHAR, "source" VARCHAR, "url" VARCHAR, '
        '"text" VARCHAR NOT NULL, "captions" VARCHAR[], "published" STRUCT(date VARCHAR, earliest VARCHAR, '
        'latest VARCHAR, precision VARCHAR, timex VARCHAR, method VARCHAR), "tone" DOUBLE, '
        '"sha256" VARCHAR NOT NULL, "pipeline_version" VARCHAR NOT NULL, "seq" BIGINT NOT NULL, "n" INTEGER NOT NULL)'
    ),
    (
        'CREATE TABLE mentions ("doc_id" VARCHAR NOT NULL, "span" INTEGER[], "actor" STRUCT(text VARCHAR, '
        "name VARCHAR, actor_id VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR), "
        '"sha256" VARCHAR NOT NULL, "pipeline_version" VARCHAR NOT NULL, "seq" BIGINT NOT NULL, "n" INTEGER NOT NULL)'
    ),
    (
        'CREATE TABLE events ("doc_id" VARCHAR NOT NULL, "event_id" VARCHAR NOT NULL, "span" INTEGER[], '
        '"trigger" INTEGER[], "source" STRUCT(text VARCHAR, name VARCHAR, actor_id VARCHAR, country VARCHAR, '
        'sector VARCHAR, role VARCHAR), "target" STRUCT(text VARCHAR, name VARCHAR, actor_id VARCHAR, '
        'country VARCHAR, sector VARCHAR, role VARCHAR), "cameo" VARCHAR, "cameo_root" VARCHAR, '
        '"goldstein" DOUBLE, "quad_class" INTEGER, "plover" VARCHAR, "plover_mode" VARCHAR, "modality" VARCHAR, '
        '"date" STRUCT(date VARCHAR, earliest VARCHAR, latest VARCHAR, precision VARCHAR, timex VARCHAR), '
        '"location" STRUCT(name VARCHAR, kind VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE), '
        '"contexts" VARCHAR[], "confidence" DOUBLE, '
        '"sha256" VARCHAR NOT NULL, "pipeline_version" VARCHAR NOT NULL, "seq" BIGINT NOT NULL, "n" INTEGER NOT NULL)'
    ),
    (
        'CREATE TABLE quotes ("doc_id" VARCHAR NOT NULL, "quote_id" VARCHAR NOT NULL, "text" VARCHAR, '
        '"span" INTEGER[], "parts" INTEGER[][], "kind" VARCHAR, "cue" VARCHAR, "speaker" STRUCT(text VARCHAR, '
        "name VARCHAR, actor_id VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR), "
        '"date" STRUCT(date VARCHAR, earliest VARCHAR, latest VARCHAR, precision VARCHAR, timex VARCHAR), '
        '"sha256" VARCHAR NOT NULL, "pipeline_version" VARCHAR NOT NULL, "seq" BIGINT NOT NULL, "n" INTEGER NOT NULL)'
    ),
    "CREATE INDEX documents_sha256 ON documents (sha256)",
    "CREATE INDEX documents_doc_id ON documents (doc_id)",
)

TEXT = "Chile's president met Peru's foreign minister in Lima on Friday."
SHA = "v1-sample"
ACTOR_CL = {
    "text": "Chile's president",
    "name": None,
    "actor_id": None,
    "country": "CHL",
    "sector": "GOV",
    "role": "President",
}
ACTOR_PE = {
    "text": "Peru's foreign minister",
    "name": None,
    "actor_id": None,
    "country": "PER",
    "sector": "GOV",
    "role": None,
}
DAY = {
    "date": "2015-06-12",
    "earliest": "2015-06-12",
    "latest": "2015-06-12",
    "precision": "day",
    "timex": "2015-06-12",
}
# One article as version 1 stored it: (table, contract fields in order) per record.
RECORDS = (
    (
        "documents",
        {
            "doc_id": "lima",
            "title": None,
            "source": "Example Wire",
            "url": None,
            "text": TEXT,
            "captions": [],
            "published": {**DAY, "method": "given"},
            "tone": None,
        },
    ),
    ("mentions", {"doc_id": "lima", "span": [0, 17], "actor": ACTOR_CL}),
    ("mentions", {"doc_id": "lima", "span": [22, 45], "actor": ACTOR_PE}),
    (
        "events",
        {
            "doc_id": "lima",
            "event_id": "lima:e1",
            "span": [0, len(TEXT)],
            "trigger": [18, 21],
            "source": ACTOR_CL,
            "target": ACTOR_PE,
            "cameo": "040",
            "cameo_root": "04",
            "goldstein": 1.0,
            "quad_class": 1,
            "plover": "CONSULT",
            "plover_mode": None,
            "modality": "asserted",
            "date": DAY,
            "location": {"name": "Lima", "kind": "city", "country": "PER", "lat": -12.04, "lon": -77.03},
            "contexts": [],
            "confidence": 0.6,
        },
    ),
)


def build(path: Path) -> None:
    con = duckdb.connect(str(path))
    try:
        for statement in V1_STATEMENTS:
            con.execute(statement)
        con.execute("INSERT INTO schema_info VALUES (1, '0.1.0')")
        seq = con.execute("SELECT nextval('article_seq')").fetchone()[0]  # type: ignore[index]
        counters: dict[str, int] = {}
        for table, record in RECORDS:
            counters[table] = counters.get(table, 0) + 1
            names = [*record, "sha256", "pipeline_version", "seq", "n"]
            con.execute(
                f"INSERT INTO {table} ({', '.join(chr(34) + n + chr(34) for n in names)}) "
                f"VALUES ({', '.join('?' for _ in names)})",
                [*record.values(), SHA, "0.1.0", seq, counters[table]],
            )
    finally:
        con.close()


if __name__ == "__main__":
    build(Path(sys.argv[1]))
