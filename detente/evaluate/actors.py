"""`detente eval actors --gold FILE`: actor recall and precision on PLOVER gold records.

Each gold sentence is fed verbatim, as a JSONL article would be, through the same core as
`extract`. For every gold source or target actor: is there an output `mention` overlapping the
actor's text in that sentence with the same country? The text is located ignoring case and
repeated spaces, using the part before "..."; an actor whose text is not in the sentence counts as
found when any mention there has its country. Precision: of the mentions with a country, the share
whose country is some gold actor's country in the same sentence.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from detente.core import Pipeline
from detente.errors import DetenteError, EvaluationError
from detente.evaluate.report import Report, Score
from detente.records import Article, Mention

# Misspelt codes in the gold set.
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA"}


def _gold_actors(record: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for key in ("source", "target"):
        value = record.get(key)
        if isinstance(value, dict):
            value = [value]
        if isinstance(value, list):
            out += [a for a in value if isinstance(a, dict) and a.get("code")]
    return out


def _code(actor: dict[str, Any]) -> str:
    code = str(actor["code"]).strip().upper()
    return GOLD_CODE_FIXES.get(code, code)


def locate(actor_text: str, sentence: str) -> tuple[int, int] | None:
    """Where the actor's text is in the sentence, ignoring case and repeated spaces; only the
    part before "..." counts."""
    wanted = actor_text.split("...")[0].strip()
    words = wanted.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, sentence, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read PLOVER gold file {path}: {exc}; give a PLOVER JSON list") from None
    if not isinstance(data, list):
        raise EvaluationError(f"{path} is not a PLOVER gold file (expected a JSON list of records)")
    return [r for r in data if isinstance(r, dict) and isinstance(r.get("text"), str)]


def run(gold: Path, pipeline: Pipeline) -> Report:
    records = load_gold(gold)
    articles = [Article(doc_id=str(r.get("id") or f"gold{n}"), text=r["text"]) for n, r in enumerate(records)]
    found_actors = gold_actors = 0
    located = 0
    mentions_with_country = mentions_right = 0
    failures = 0
    misses: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for record, outcome in zip(records, pipeline.process(articles), strict=True):
        if isinstance(outcome, DetenteError):
            failures += 1
            mentions: tuple[Mention, ...] = ()
        else:
            mentions = outcome.mentions
        sentence = record["text"]
        actors = _gold_actors(record)
        codes = {_code(a) for a in actors}
        for actor in actors:
            gold_actors += 1
            code = _code(actor)
            where = locate(str(actor.get("actorText") or ""), sentence)
            if where is None:
                hit = any(m.actor.country == code for m in mentions)
            else:
                located += 1
                s, e = where
                hit = any(m.actor.country == code and m.span[0] < e and s < m.span[1] for m in mentions)
            if hit:
                found_actors += 1
            else:
                misses[code] += 1
        for m in mentions:
            if m.actor.country is None:
                continue
            mentions_with_country += 1
            if m.actor.country in codes:
                mentions_right += 1
            else:
                wrong[m.actor.country] += 1
    recall = Score(true_positives=found_actors, found=found_actors, gold=gold_actors)
    precision = Score(true_positives=mentions_right, found=mentions_with_country, gold=mentions_with_country)
    lines = [
        f"sentences: {len(records)}  gold actors: {gold_actors} (text located: {located})  failed: {failures}",
        f"actor recall (overlapping mention, same country)  {recall.recall:.3f}  ({found_actors}/{gold_actors})",
        f"mention precision (country among gold actors')    {precision.precision:.3f}  ({mentions_right}/{mentions_with_country})",
        "most missed gold countries: " + ", ".join(f"{c} {n}" for c, n in misses.most_common(8)),
        "most frequent wrong countries: " + ", ".join(f"{c} {n}" for c, n in wrong.most_common(8)),
    ]
    return Report(
        title=f"actors on {Path(gold).name}",
        model=pipeline.model,
        metrics={
            "actor_recall": recall.recall,
            "mention_precision": precision.precision,
            "gold_actors": float(gold_actors),
            "mentions_with_country": float(mentions_with_country),
        },
        lines=tuple(lines),
    )
