"""Validate the hand-coded article event gold and print its counts.

    python bench/articles/check_gold.py [--gold bench/articles/gold.jsonl]
        [--text-dir ../shared/gold/polnear/train/text] [--fill-offsets]

Checks every record against the rules in CODING.md: fields and their types, ids unique within an
article, CAMEO roots "01".."20", country codes from detente/actors/data/countries.csv or IGO (an IGO
needs its name in the actor field), windows ordered and not after publication unless the text dates
the event later, offsets inside the text with the cue inside the span, cues of at most six words,
and no must-not that a gold event of the same article would also satisfy.

`--fill-offsets` rewrites the file with each offset set to the sentence that holds the cue (the
cue's first occurrence); the coder writes cues, the script finds the spans, and the check then
confirms them. Exits 1 and lists the problems when the file is invalid.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = Path(__file__).resolve().parent / "gold.jsonl"
DEFAULT_TEXT_DIR = REPO.parent / "shared" / "gold" / "polnear" / "train" / "text"
COUNTRIES_CSV = REPO / "detente" / "actors" / "data" / "countries.csv"

# One article, event or must-not as read from the JSON lines file.
Record = dict[str, Any]

ROOTS = {f"{n:02d}" for n in range(1, 21)}
ARTICLE_KEYS = {"file", "published", "events", "must_not"}
EVENT_KEYS = {
    "id",
    "source",
    "target",
    "source_actor",
    "target_actor",
    "roots",
    "symmetric",
    "window",
    "offset",
    "cue",
    "note",
}
MUST_NOT_KEYS = {"id", "kind", "source", "target", "roots", "offset", "cue", "note"}
KINDS = {"historical", "hypothetical"}
MAX_CUE_WORDS = 6
# A sentence ends at . ! ? (optionally followed by a closing quote) before white space, or at a
# blank line; paragraphs in these files are separated by newlines.
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n")
# Words whose full stop does not end a sentence in news text.
ABBREVIATIONS = {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Sens",
    "Rep",
    "Reps",
    "Gen",
    "Adm",
    "Gov",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "St",
    "Jr",
    "Sr",
    "No",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mass",
    "Md",
    "Calif",
    "Tenn",
    "Ky",
    "Idaho",
}


def country_codes(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["alpha3"] for row in csv.DictReader(handle)} | {"IGO"}


def is_sentence_end(text: str, match: re.Match[str]) -> bool:
    """False for a full stop after a title, an initial or a month ("Mr.", "V.", "Jan.")."""
    if match.group() == "\n" or not match.group().startswith("."):
        return True
    word = re.search(r"(\S+)\.$", text[max(0, match.start() - 12) : match.start() + 1])
    before = word.group(1).rsplit(".", 1)[-1].lstrip("(\"'“‘") if word else ""
    rest = text[match.end() : match.end() + 3].lstrip()
    return not (before in ABBREVIATIONS or len(before) == 1 or (rest[:1].islower()))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence around text[start:end], without its surrounding white space."""
    begin = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        if is_sentence_end(text, match):
            begin = match.end()
    stop = len(text)
    for match in SENTENCE_END.finditer(text, end):
        if is_sentence_end(text, match):
            stop = match.end()
            break
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    return begin, stop


def fill_offsets(articles: list[Record], text_dir: Path) -> list[str]:
    problems: list[str] = []
    for article in articles:
        text = (text_dir / article["file"]).read_text(encoding="utf-8")
        for item in article.get("events", []) + article.get("must_not", []):
            at = text.find(item["cue"])
            if at < 0:
                problems.append(
                    f"{article['file']} {item['id']}: cue not in text: {item['cue']!r}"
                )
                continue
            item["offset"] = list(sentence_span(text, at, at + len(item["cue"])))
    return problems


def parse_day(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_common(where: str, item: Record, codes: set[str], text: str) -> list[str]:
    problems: list[str] = []
    for side in ("source", "target"):
        if item.get(side) not in codes:
            problems.append(
                f"{where}: {side} {item.get(side)!r} is not an ISO alpha-3 code or IGO"
            )
    if item.get("source") == item.get("target") and item.get("source") != "IGO":
        problems.append(f"{where}: source and target are the same country")
    roots = item.get("roots")
    if not isinstance(roots, list) or not roots or not set(roots) <= ROOTS:
        problems.append(
            f"{where}: roots must be a non-empty list of '01'..'20', got {roots!r}"
        )
    elif len(set(roots)) != len(roots):
        problems.append(f"{where}: roots repeat")
    cue = item.get("cue")
    if not isinstance(cue, str) or not cue.strip():
        problems.append(f"{where}: cue is empty")
        cue = ""
    elif len(cue.split()) > MAX_CUE_WORDS:
        problems.append(f"{where}: cue has more than {MAX_CUE_WORDS} words")
    offset = item.get("offset")
    if (
        not isinstance(offset, list)
        or len(offset) != 2
        or not all(isinstance(n, int) for n in offset)
        or not 0 <= offset[0] < offset[1] <= len(text)
    ):
        problems.append(f"{where}: offset {offset!r} is not a span inside the text")
    elif cue and cue not in text[offset[0] : offset[1]]:
        problems.append(
            f"{where}: cue {cue!r} not inside text[{offset[0]}:{offset[1]}]"
        )
    if not isinstance(item.get("note"), str) or not item["note"].strip():
        problems.append(f"{where}: note is empty")
    return problems


def check_event(
    where: str, event: Record, codes: set[str], text: str, published: dt.date
) -> list[str]:
    problems = check_common(where, event, codes, text)
    if set(event) != EVENT_KEYS:
        problems.append(
            f"{where}: fields differ from {sorted(EVENT_KEYS)}: {sorted(event)}"
        )
    for side in ("source", "target"):
        actor = event.get(f"{side}_actor")
        if actor is not None and not (isinstance(actor, str) and actor.strip()):
            problems.append(f"{where}: {side}_actor must be a name or null")
        if event.get(side) == "IGO" and not actor:
            problems.append(
                f"{where}: an IGO {side} needs the organisation's name in {side}_actor"
            )
    if not isinstance(event.get("symmetric"), bool):
        problems.append(f"{where}: symmetric must be true or false")
    window = event.get("window")
    if window is not None:
        pair = window if isinstance(window, list) and len(window) == 2 else []
        days = [day for day in map(parse_day, pair) if day is not None]
        if len(days) != 2:
            problems.append(
                f"{where}: window must be null or two ISO dates, got {window!r}"
            )
        elif days[0] > days[1]:
            problems.append(f"{where}: window {window} is not ordered")
        elif days[0] > published:
            problems.append(
                f"{where}: window {window} starts after publication {published}"
            )
    return problems


def check_article(article: Record, codes: set[str], text_dir: Path) -> list[str]:
    name = article.get("file", "?")
    if set(article) != ARTICLE_KEYS:
        return [f"{name}: fields differ from {sorted(ARTICLE_KEYS)}: {sorted(article)}"]
    path = text_dir / name
    if not path.is_file():
        return [f"{name}: no such file in {text_dir}"]
    text = path.read_text(encoding="utf-8")
    published = parse_day(article["published"])
    match = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
    if published is None or match is None or match.group(1) != article["published"]:
        return [
            f"{name}: published {article['published']!r} does not match the file name's date"
        ]
    problems: list[str] = []
    if not article["events"]:
        problems.append(f"{name}: no events")
    ids = [item.get("id") for item in article["events"] + article["must_not"]]
    if len(ids) != len(set(ids)):
        problems.append(f"{name}: ids repeat")
    for event in article["events"]:
        problems += check_event(
            f"{name} {event.get('id')}", event, codes, text, published
        )
    for item in article["must_not"]:
        where = f"{name} {item.get('id')}"
        problems += check_common(where, item, codes, text)
        if set(item) != MUST_NOT_KEYS:
            problems.append(
                f"{where}: fields differ from {sorted(MUST_NOT_KEYS)}: {sorted(item)}"
            )
        if item.get("kind") not in KINDS:
            problems.append(f"{where}: kind must be one of {sorted(KINDS)}")
    return problems


def pairs(item: Record, both_ways: bool) -> set[tuple[str, str, str]]:
    """The (source, target, root) triples an item covers; a symmetric event covers both ways."""
    out = {(item["source"], item["target"], root) for root in item["roots"]}
    if both_ways:
        out |= {(item["target"], item["source"], root) for root in item["roots"]}
    return out


def check_clashes(article: Record) -> list[str]:
    """A must-not that a gold event could also satisfy makes the score contradict itself."""
    published = dt.date.fromisoformat(article["published"])
    recent = published - dt.timedelta(days=30)
    problems: list[str] = []
    for item in article["must_not"]:
        for event in article["events"]:
            window = event["window"]
            too_old = window is not None and dt.date.fromisoformat(window[1]) < recent
            if item["kind"] == "historical" and too_old:
                continue
            if pairs(item, False) & pairs(event, event["symmetric"]):
                problems.append(
                    f"{article['file']} {item['id']}: clashes with {event['id']} "
                    "(same source, target and root): drop the shared root or the must-not"
                )
    return problems


def summary(articles: list[Record]) -> str:
    events = [e for a in articles for e in a["events"]]
    must_not = [n for a in articles for n in a["must_not"]]
    outlets = Counter(a["file"].split("_", 1)[0] for a in articles)
    by_root = Counter(e["roots"][0] for e in events)
    accepted = Counter(root for e in events for root in e["roots"])
    kinds = Counter(n["kind"] for n in must_not)
    lines = [
        f"articles {len(articles)}, events {len(events)}, must-nots {len(must_not)}",
        "outlets: " + ", ".join(f"{k} {v}" for k, v in sorted(outlets.items())),
        "events by first root: "
        + ", ".join(f"{k} {v}" for k, v in sorted(by_root.items())),
        "events accepting each root: "
        + ", ".join(f"{k} {v}" for k, v in sorted(accepted.items())),
        "events with a window: "
        + str(sum(e["window"] is not None for e in events))
        + f", symmetric: {sum(e['symmetric'] for e in events)}",
        "must-nots by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--text-dir", type=Path, default=DEFAULT_TEXT_DIR)
    parser.add_argument("--fill-offsets", action="store_true")
    args = parser.parse_args(argv)
    lines = args.gold.read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines if line.strip()]
    problems: list[str] = []
    if args.fill_offsets:
        problems += fill_offsets(articles, args.text_dir)
        args.gold.write_text(
            "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
            encoding="utf-8",
        )
    names = [a.get("file") for a in articles]
    if len(names) != len(set(names)):
        problems.append("an article appears twice")
    codes = country_codes(COUNTRIES_CSV)
    for article in articles:
        found = check_article(article, codes, args.text_dir)
        problems += found or check_clashes(article)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problem(s) in {args.gold}", file=sys.stderr)
        return 1
    print(summary(articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
