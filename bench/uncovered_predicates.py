"""Benchmark: the verbs of actor-to-actor clauses that no pattern codes (issue #13 item 6).

    python bench/uncovered_predicates.py [--jobs N] [--top 200] [--limit N]

Runs the default pipeline over PolNeAR train (../shared/gold/polnear/train/text). A clause counts
when its verb has a subject and an object (direct object, else a prepositional object, else a
dative) that both overlap an actor mention of the actors stage; it is covered when an event's
trigger holds the verb. Prints the share of such clauses left uncovered and the uncovered verb
lemmas, most frequent first, each marked "+" when the lexicon has a verb pattern for the lemma (it
exists but did not give an event there: its constraints did not hold, or an actor had no country)
or "-" when no pattern has that lemma (the verbs to consider covering).
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from pattern_firings import Article, Result, polnear, run

from detente.config import load_config
from detente.core import Pipeline

SUBJECTS = ("nsubj", "nsubjpass")
# Words under these do not describe the noun phrase itself ("the man who met X").
CLAUSES = ("relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj", "cc")


def _phrase(tok: Any) -> tuple[int, int]:
    """Character span of a noun phrase without its clauses."""
    lo, hi = tok.idx, tok.idx + len(tok)
    stack = [tok]
    while stack:
        t = stack.pop()
        lo, hi = min(lo, t.idx), max(hi, t.idx + len(t))
        stack.extend(c for c in t.children if c.dep_ not in CLAUSES and c.dep_ != "punct")
    return lo, hi


def _object(verb: Any) -> Any | None:
    children = list(verb.children)
    for dep in ("dobj", "prep", "dative"):
        for c in children:
            if c.dep_ != dep:
                continue
            if dep == "prep":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
            else:
                return c
    return None


def _clauses(doc: Any, article: Article, result: Result) -> list[tuple[str, bool]]:
    """(verb lemma, covered) for each clause whose subject and object both name actors."""
    spans = [m.span for m in result.mentions]
    triggers = [e.trigger for e in result.events]

    def actor(span: tuple[int, int]) -> bool:
        return any(s < span[1] and span[0] < e for s, e in spans)

    out = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
        obj = _object(tok)
        if subj is None or obj is None or not actor(_phrase(subj)) or not actor(_phrase(obj)):
            continue
        covered = any(s <= tok.idx < e for s, e in triggers)
        out.append((tok.lemma_.lower(), covered))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--top", type=int, default=200)
    parser.add_argument("--limit", type=int, default=0, help="articles (0: all 840)")
    args = parser.parse_args()

    articles = polnear()
    if args.limit:
        articles = articles[: args.limit]
    total = 0
    uncovered: Counter[str] = Counter()
    for clauses in run(articles, _clauses, args.jobs):
        for lemma, covered in clauses or []:
            total += 1
            if not covered:
                uncovered[lemma] += 1
    verbs = Pipeline(load_config(environ={})).resources.lexicon.verbs
    n = sum(uncovered.values())
    no_pattern = sum(c for lemma, c in uncovered.items() if lemma not in verbs)
    print(
        f"articles: {len(articles)}; actor-to-actor clauses: {total}; uncovered: {n} "
        f"({n / max(total, 1):.1%}); of which no pattern has the lemma: {no_pattern} "
        f"({no_pattern / max(total, 1):.1%}); distinct uncovered lemmas: {len(uncovered)}"
    )
    for rank, (lemma, count) in enumerate(uncovered.most_common(args.top), start=1):
        print(f"{rank:4} {'+' if lemma in verbs else '-'} {lemma:20} {count}")


if __name__ == "__main__":
    main()
