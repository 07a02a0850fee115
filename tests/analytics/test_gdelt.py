"""GDELT 2.0 event and mention rows, read back with GDELT's published column names and types,
and the flat per-report rows for spreadsheets and Parquet."""

from __future__ import annotations

import csv
from datetime import date

import duckdb
import pandas as pd
import pytest
from analytics_builders import standard_results, store_db

from detente.analytics.fold_sql import load_folded
from detente.analytics.gdelt import (
    CSV_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    csv_rows,
    write_csv,
    write_gdelt,
)

PANDAS_TYPES = {"INTEGER": "Int64", "FLOAT": "float64", "STRING": "string"}


def _published(shared, name):
    """GDELT's own column list: (name, type) in order."""
    path = shared / "gold" / "gdelt" / name
    if name.endswith(".csv"):
        with path.open(encoding="utf-8") as f:
            return [(r["tableId"], r["dataType"]) for r in csv.DictReader(f)]
    table = pd.read_csv(path, sep="\t", index_col=0)
    return [(n, t) for n, t in zip(table["0"], table["1"], strict=True) if t in PANDAS_TYPES]


@pytest.fixture()
def exported(tmp_path):
    path = store_db(tmp_path / "g.duckdb", standard_results())
    con = duckdb.connect(str(path))
    out = tmp_path / "events.tsv"
    counts = write_gdelt(load_folded(con), out)
    return con, out, counts


def _read(path, columns):
    return pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=[n for n, _ in columns],
        dtype={n: PANDAS_TYPES[t] for n, t in columns},
        keep_default_na=False,
        na_values={n: [""] for n, t in columns if t != "STRING"},
    )


def test_our_columns_are_gdelts(shared):
    assert list(EVENT_COLUMNS) == _published(shared, "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    assert list(MENTION_COLUMNS) == _published(shared, "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv")


def test_event_rows_read_back_with_gdelt_types(shared, exported):
    _, out, (n_events, n_mentions) = exported
    assert (n_events, n_mentions) == (4, 6)
    first_line = out.read_text(encoding="utf-8").splitlines()[0]
    assert len(first_line.split("\t")) == 61 and not first_line.startswith("GLOBALEVENTID")
    table = _read(out, _published(shared, "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"))
    meeting = table[table.EventRootCode == "04"].iloc[0]
    expected = {
        "SQLDATE": 20150303,
        "MonthYear": 201503,
        "Year": 2015,
        "FractionDate": round(2015 + (3 * 30 + 3) / 365, 4),
        "Actor1Code": "USAGOV",
        "Actor1Name": "JOHN KERRY",
        "Actor1CountryCode": "USA",
        "Actor1KnownGroupCode": "",
        "Actor1EthnicCode": "",
        "Actor1Religion1Code": "",
        "Actor1Religion2Code": "",
        "Actor1Type1Code": "GOV",
        "Actor1Type2Code": "",
        "Actor1Type3Code": "",
        "Actor2Code": "RUSGOV",
        "Actor2Name": "SERGEY LAVROV",
        "Actor2CountryCode": "RUS",
        "Actor2KnownGroupCode": "",
        "Actor2EthnicCode": "",
        "Actor2Religion1Code": "",
        "Actor2Religion2Code": "",
        "Actor2Type1Code": "GOV",
        "Actor2Type2Code": "",
        "Actor2Type3Code": "",
        "IsRootEvent": 1,
        "EventCode": "040",
        "EventBaseCode": "040",
        "EventRootCode": "04",
        "QuadClass": 1,
        "GoldsteinScale": 1.0,
        "NumMentions": 3,
        "NumSources": 2,
        "NumArticles": 3,
        "Actor1Geo_Type": 0,
        "Actor1Geo_FullName": "",
        "Actor1Geo_CountryCode": "",
        "Actor1Geo_ADM1Code": "",
        "Actor1Geo_ADM2Code": "",
        "Actor1Geo_FeatureID": "",
        "Actor2Geo_Type": 0,
        "Actor2Geo_FullName": "",
        "Actor2Geo_CountryCode": "",
        "Actor2Geo_ADM1Code": "",
        "Actor2Geo_ADM2Code": "",
        "Actor2Geo_FeatureID": "",
        "ActionGeo_Type": 4,
        "ActionGeo_FullName": "Vienna, Austria",
        "ActionGeo_CountryCode": "AU",
        "ActionGeo_ADM1Code": "AU",
        "ActionGeo_ADM2Code": "",
        "ActionGeo_Lat": 48.21,
        "ActionGeo_Long": 16.37,
        "ActionGeo_FeatureID": "",
        "DATEADDED": 20150304000000,
        "SOURCEURL": "https://a.example/1",
    }
    for name, value in expected.items():
        assert meeting[name] == value, name
    assert meeting["AvgTone"] == pytest.approx(2 / 3, abs=1e-3)
    assert pd.isna(meeting["Actor1Geo_Lat"]) and pd.isna(meeting["Actor2Geo_Long"])
    assert meeting["GLOBALEVENTID"] > 0 and table.GLOBALEVENTID.is_unique
    sanction = table[table.EventRootCode == "16"].iloc[0]
    assert (sanction.Actor1Code, sanction.QuadClass, sanction.GoldsteinScale) == ("USAGOV", 4, -8.0)
    assert sanction.SOURCEURL == "d4"  # no URL: the citation is the document id
    assert set(table.columns) == {n for n, _ in EVENT_COLUMNS}


def test_mention_rows_read_back_with_gdelt_types(shared, exported):
    _, out, _ = exported
    path = out.with_name(out.name + ".mentions.tsv")
    table = _read(path, _published(shared, "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"))
    events = _read(out, EVENT_COLUMNS)
    meeting_id = events[events.EventRootCode == "04"].GLOBALEVENTID.iloc[0]
    rows = table[meeting_id == table.GLOBALEVENTID].sort_values("MentionIdentifier")
    assert len(rows) == 3
    first = rows.iloc[0]
    expected = {
        "EventTimeDate": 20150304000000,
        "MentionTimeDate": 20150305000000,
        "MentionType": 2,
        "MentionSourceName": "Wire B",
        "MentionIdentifier": "d2",
        "SentenceID": 1,
        "Actor1CharOffset": 0,
        "Actor2CharOffset": len("Lavrov met "),
        "ActionCharOffset": 0,
        "InRawText": 1,
        "Confidence": 80,
        "MentionDocLen": len("Lavrov met Kerry this week to discuss the ceasefire plan."),
        "MentionDocTone": -1.0,
        "MentionDocTranslationInfo": "",
        "Extras": "",
    }
    for name, value in expected.items():
        assert first[name] == value, name
    web = rows[rows.MentionIdentifier == "https://a.example/1"].iloc[0]
    assert web.MentionType == 1 and web.MentionSourceName == "Wire A"
    assert set(table.GLOBALEVENTID) == set(events.GLOBALEVENTID)


def test_flat_rows_for_spreadsheets_and_parquet(exported, tmp_path):
    con, _, _ = exported
    flat = list(csv_rows(con))
    assert len(flat) == 6 and all(set(r) == set(CSV_COLUMNS) for r in flat)
    d2 = next(r for r in flat if r["event_id"] == "d2:e1")
    assert d2["date"] is None and d2["date_earliest"] == date(2015, 3, 2) and d2["date_latest"] == date(2015, 3, 8)
    assert d2["published"] == date(2015, 3, 5) and d2["source_name"] == "Sergey Lavrov"
    assert d2["evidence"].startswith("Lavrov met Kerry") and d2["fold_id"].startswith("F")
    assert d2["fold_id"] == next(r["fold_id"] for r in flat if r["event_id"] == "d1:e1")
    out = tmp_path / "events.csv"
    assert write_csv(flat, out) == 6
    back = pd.read_csv(out, parse_dates=["published", "date_earliest"])
    assert list(back.columns) == list(CSV_COLUMNS) and str(back.published.dtype).startswith("datetime64")
    pd.DataFrame(flat).to_parquet(tmp_path / "events.parquet")
    import pyarrow.parquet as pq

    types = pq.read_schema(tmp_path / "events.parquet")
    assert str(types.field("date_earliest").type) == "date32[day]"
    assert "string" in str(types.field("evidence").type)
    assert types.names == list(CSV_COLUMNS)
