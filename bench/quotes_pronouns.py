"""Report: source F1 on a PolNeAR folder as scored, and with short pronoun Sources compared as written.

    python bench/quotes_pronouns.py [FOLDER] [--limit N]

FOLDER defaults to ../shared/gold/polnear/dev. Runs detente over the folder as `detente eval
quotes` does and scores it twice with the evaluation's own ``score_article``: as issue #6 scores
(a speaker matches when it shares a word of three or more letters with the gold Source), and with
one change: a gold Source that is a short pronoun ("he", "I", "we", "it") also matches a speaker
whose mention as written is that pronoun. PolNeAR marks the pronoun as the Source; detente keeps
the mention as written in ``speaker.text`` and the person it resolved in ``speaker.name``, so the
second figure shows how much of the gap to the target is the scoring of pronouns, not speakers.

A measurement only: the evaluation command is not changed by it.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from detente.config import load_config
from detente.core import Pipeline
from detente.errors import DetenteError
from detente.evaluate.quotes import Counts, articles, load_gold, score_article
from detente.records import Quote

REPO = Path(__file__).resolve().parents[1]
SHORT_PRONOUNS = frozenset({"he", "i", "we", "it", "me", "us"})
# The evaluation's word rule ignores words under three letters: a prefix lets a pronoun count.
MARK = "pronoun"


def _as_written(value: str) -> str:
    return MARK + value.strip().lower() if value.strip().lower() in SHORT_PRONOUNS else value


def _marked(quote: Quote) -> Quote:
    if quote.speaker is None or not quote.speaker.text:
        return quote
    return replace(quote, speaker=replace(quote.speaker, text=_as_written(quote.speaker.text)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO.parent / "shared" / "gold" / "polnear" / "dev")
    parser.add_argument("--limit", type=int, default=None, help="the first N articles only")
    args = parser.parse_args()

    golds = load_gold(args.folder, args.limit)
    pipeline = Pipeline(load_config(environ={}))
    strict, written = Counts(), Counts()
    for gold, outcome in zip(golds, pipeline.process(articles(golds)), strict=True):
        quotes = () if isinstance(outcome, DetenteError) else outcome.quotes
        strict.add(score_article(quotes, gold.attributions))
        marked_gold = tuple(replace(a, source=_as_written(a.source)) for a in gold.attributions)
        written.add(score_article([_marked(q) for q in quotes], marked_gold))
    for label, counts in (("as scored", strict), ("short pronouns compared as written", written)):
        p, r, f = counts.source()
        print(f"source, {label:<36} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({counts.source_speech}/{counts.speech} speech attributions)")


if __name__ == "__main__":
    main()
