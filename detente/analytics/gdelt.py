"""Exports people can open elsewhere: GDELT 2.0 event and mention rows, and one flat row per
event report for spreadsheets.

GDELT rows: one per folded event, the 61 tab-separated columns of GDELT 2.0's event table in its
order (``EVENT_COLUMNS``), no header line, as GDELT writes them; the mentions file has one row per
report (``MENTION_COLUMNS``). Where detente has no value GDELT's own conventions are kept: empty
strings for codes, 0 for a geography type without a match, -1 for an unknown character offset.
Actor codes are CAMEO's country code, known group (for the bodies in ``KNOWN_GROUPS``) and type
from the sector (``SECTOR_TYPES``: PLOVER's MED is health, CAMEO's HLH; PLOVER's JRN is CAMEO's
MED), e.g. ``RUSGOV``. ActionGeo comes from the event's place (FIPS 10-4 country codes from
``data/fips.csv``); GDELT locates actors only by the text around them, which detente does not do,
so the actor geography columns are empty.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from detente.analytics import rows
from detente.analytics.records import FoldedEvent, Report
from detente.knowledge import Knowledge
from detente.records import Actor, Location

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "INTEGER"),
    ("SQLDATE", "INTEGER"),
    ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"),
    ("FractionDate", "FLOAT"),
    *(
        (f"Actor{n}{c}", "STRING")
        for n in (1, 2)
        for c in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    ("IsRootEvent", "INTEGER"),
    ("EventCode", "STRING"),
    ("EventBaseCode", "STRING"),
    ("EventRootCode", "STRING"),
    ("QuadClass", "INTEGER"),
    ("GoldsteinScale", "FLOAT"),
    ("NumMentions", "INTEGER"),
    ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"),
    ("AvgTone", "FLOAT"),
    *(
        (f"{who}_{c}", kind)
        for who in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for c, kind in (
            ("Type", "INTEGER"),
            ("FullName", "STRING"),
            ("CountryCode", "STRING"),
            ("ADM1Code", "STRING"),
            ("ADM2Code", "STRING"),
            ("Lat", "FLOAT"),
            ("Long", "FLOAT"),
            ("FeatureID", "STRING"),
        )
    ),
    ("DATEADDED", "INTEGER"),
    ("SOURCEURL", "STRING"),
)
MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "INTEGER"),
    ("EventTimeDate", "INTEGER"),
    ("MentionTimeDate", "INTEGER"),
    ("MentionType", "INTEGER"),
    ("MentionSourceName", "STRING"),
    ("MentionIdentifier", "STRING"),
    ("SentenceID", "INTEGER"),
    ("Actor1CharOffset", "INTEGER"),
    ("Actor2CharOffset", "INTEGER"),
    ("ActionCharOffset", "INTEGER"),
    ("InRawText", "INTEGER"),
    ("Confidence", "INTEGER"),
    ("MentionDocLen", "INTEGER"),
    ("MentionDocTone", "FLOAT"),
    ("MentionDocTranslationInfo", "STRING"),
    ("Extras", "STRING"),
)
# PLOVER sectors to CAMEO type codes where they differ; the others are written as they are.
SECTOR_TYPES: dict[str, str] = {"MED": "HLH", "JRN": "MED", "PRE": "GOV", "UNK": ""}
# CAMEO known-group codes of transnational bodies, by detente actor id.
KNOWN_GROUPS: dict[str, str] = {"UN": "UNO", "NATO": "NAT", "EU": "EEC", "IMF": "IMF", "WTO": "WTO", "OPEC": "OPC"}
WEB, CITATION = 1, 2  # GDELT MentionType: a web page with a URL, or a citation by name only


@dataclass(frozen=True, slots=True)
class Countries:
    """ISO alpha-3 to FIPS 10-4 codes and English names, for the geography columns."""

    fips: dict[str, str]
    names: dict[str, str]

    @classmethod
    def load(cls, knowledge: Knowledge | None = None) -> Countries:
        """From the registry's ``fips`` table (the shipped file and the user's)."""
        table = (knowledge or Knowledge.load(keys=("fips",))).rows("fips")
        return cls(fips={r["alpha3"]: r["fips"] for r in table}, names={r["alpha3"]: r["name"] for r in table})


def _clean(value: Any) -> str:
    """A field as GDELT writes it: tabs and line breaks would break the row."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 4))
    return re.sub(r"[\t\r\n]+", " ", str(value))


def _stamp(day: date | None) -> int | None:
    return int(day.strftime("%Y%m%d")) * 1_000_000 if day else None


def actor_fields(actor: Actor | None) -> list[Any]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if actor is None:
        return [""] * 10
    country = actor.country or ""
    group = KNOWN_GROUPS.get(actor.actor_id or "", "") if country in ("IGO", "NGO", "IMG", "MNC") else ""
    kind = SECTOR_TYPES.get(actor.sector, actor.sector) if actor.sector else ""
    name = (actor.name or actor.text or "").upper()
    return [country + group + (kind or ""), name, country, group, "", "", "", kind or "", "", ""]


def geo_fields(place: Location | None, countries: Countries) -> list[Any]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if place is None:
        return [0, "", "", "", "", None, None, ""]
    in_usa = place.country == "USA"
    kind = {"country": 1, "region": 2 if in_usa else 5, "city": 3 if in_usa else 4, "site": 3 if in_usa else 4}
    country_name = countries.names.get(place.country or "", place.country or "")
    full = place.name if place.kind == "country" or not country_name else f"{place.name}, {country_name}"
    fips = countries.fips.get(place.country or "", "")
    # detente does not know the first-level division: ADM1 gets the country code, as GDELT gives countries.
    return [kind[place.kind], full, fips, fips, "", place.lat, place.lon, fips if place.kind == "country" else ""]


def global_id(fold_id: str, fallback: int) -> int:
    digits = re.sub(r"\D", "", fold_id)
    return int(digits) if digits else fallback


def event_row(folded: FoldedEvent, countries: Countries, fallback_id: int = 0) -> list[Any]:
    """The 61 GDELT 2.0 event columns of one folded event."""
    day = folded.date.earliest
    first = folded.reports[0]
    cameo = folded.cameo
    added = _stamp(folded.first_report) or _stamp(day)
    return [
        global_id(folded.fold_id, fallback_id),
        int(day.strftime("%Y%m%d")) if day else None,
        int(day.strftime("%Y%m")) if day else None,
        day.year if day else None,
        round(day.year + (day.month * 30 + day.day) / 365, 4) if day else None,
        *actor_fields(folded.source),
        *actor_fields(folded.target),
        1 if first.sentence_id == 1 else 0,
        cameo,
        cameo[:3] if len(cameo) > 3 else cameo,
        folded.cameo_root,
        folded.quad_class,
        folded.goldstein,
        folded.num_mentions,
        folded.num_sources,
        folded.num_articles,
        folded.tone if folded.tone is not None else 0.0,
        *geo_fields(None, countries),
        *geo_fields(None, countries),
        *geo_fields(folded.location, countries),
        added,
        next((r.doc.url for r in folded.reports if r.doc.url), None) or first.doc.doc_id,
    ]


def mention_row(folded: FoldedEvent, report: Report, fallback_id: int = 0) -> list[Any]:
    """The GDELT 2.0 mentions columns of one report of a folded event."""
    added = _stamp(folded.first_report) or _stamp(folded.date.earliest)
    return [
        global_id(folded.fold_id, fallback_id),
        added,
        _stamp(report.doc.published) or added,
        WEB if report.doc.url else CITATION,
        report.doc.outlet or "",
        report.doc.url or report.doc.doc_id,
        report.sentence_id,
        report.actor_offset(report.event.source),
        report.actor_offset(report.event.target),
        report.event.trigger[0],
        1,
        round(report.event.confidence * 100),
        len(report.doc.text),
        report.doc.tone if report.doc.tone is not None else 0.0,
        "",
        "",
    ]


def write_gdelt(folded: Iterable[FoldedEvent], path: Path, countries: Countries | None = None) -> tuple[int, int]:
    """Write GDELT event rows to ``path`` and mention rows to ``path.mentions.tsv`` beside it;
    returns (events, mentions) written."""
    countries = countries or Countries.load()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mentions_path = path.with_name(path.name + ".mentions.tsv")
    n_events = n_mentions = 0
    with (
        path.open("w", encoding="utf-8", newline="") as ev,
        mentions_path.open("w", encoding="utf-8", newline="") as me,
    ):
        for n, f in enumerate(folded, 1):
            ev.write("\t".join(_clean(v) for v in event_row(f, countries, n)) + "\n")
            n_events += 1
            for report in f.reports:
                me.write("\t".join(_clean(v) for v in mention_row(f, report, n)) + "\n")
                n_mentions += 1
    return n_events, n_mentions


# --- one flat row per event report (CSV, Parquet) -------------------------------------------------

ACTOR_FIELDS = ("text", "name", "actor_id", "country", "sector", "role")
CSV_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "event_id",
    "fold_id",
    "outlet",
    "url",
    "published",
    "cameo",
    "cameo_root",
    "plover",
    "plover_mode",
    "goldstein",
    "quad_class",
    "modality",
    "date",
    "date_earliest",
    "date_latest",
    "date_precision",
    *(f"source_{f}" for f in ACTOR_FIELDS),
    *(f"target_{f}" for f in ACTOR_FIELDS),
    "location_name",
    "location_kind",
    "location_country",
    "location_lat",
    "location_lon",
    "contexts",
    "confidence",
    "evidence",
)


def csv_rows(con: Any) -> Iterator[dict[str, Any]]:
    """One flat row per stored event report, in storage order: actor fields flattened, dates as
    ``datetime.date`` (so Parquet gets date columns), the evidence sentence as text and the folded
    event's id (empty when the store does not fold)."""
    fold = "e.fold_id" if rows.has_folding(con) else "NULL"
    cols = ", ".join(f'e."{c}"' for c in rows.EVENT_COLUMNS)
    cursor = con.execute(
        f"""SELECT {cols}, {fold} AS fold_id, d.source AS outlet, d.url, d.published, d.text AS doc_text
            FROM events e JOIN documents d ON d.doc_id = e.doc_id AND d.sha256 = e.sha256 ORDER BY e.seq, e.n"""
    )
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(1000):
        for values in batch:
            row = dict(zip(names, values, strict=True))
            yield flat_row(row)


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    e = rows.event(row)
    published = (row.get("published") or {}).get("earliest")
    out: dict[str, Any] = {
        "doc_id": e.doc_id,
        "event_id": e.event_id,
        "fold_id": row.get("fold_id"),
        "outlet": row.get("outlet"),
        "url": row.get("url"),
        "published": date.fromisoformat(published) if published else None,
        "cameo": e.cameo,
        "cameo_root": e.cameo_root,
        "plover": e.plover,
        "plover_mode": e.plover_mode,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "modality": e.modality,
        "date": e.date.date,
        "date_earliest": e.date.earliest,
        "date_latest": e.date.latest,
        "date_precision": e.date.precision,
    }
    for role, actor in (("source", e.source), ("target", e.target)):
        for f in ACTOR_FIELDS:
            out[f"{role}_{f}"] = getattr(actor, f) if actor is not None else None
    loc = e.location
    out.update(
        {
            "location_name": loc.name if loc else None,
            "location_kind": loc.kind if loc else None,
            "location_country": loc.country if loc else None,
            "location_lat": loc.lat if loc else None,
            "location_lon": loc.lon if loc else None,
            "contexts": "; ".join(e.contexts),
            "confidence": e.confidence,
            "evidence": (row.get("doc_text") or "")[e.span[0] : e.span[1]],
        }
    )
    return out


def write_csv(flat: Iterable[dict[str, Any]], path: Path) -> int:
    """Write flat rows as a spreadsheet-ready CSV (UTF-8 with a header line); returns rows written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(CSV_COLUMNS))
        writer.writeheader()
        for row in flat:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
            count += 1
    return count
