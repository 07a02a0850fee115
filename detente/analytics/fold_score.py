"""Scoring the folding against truth: which reports belong to one real event.

A report is labelled with the article's truth event whose source country, target country (either
order when the truth says the action is symmetric) and CAMEO root match it; reports no truth
event matches are left out of the score. B-cubed precision and recall average, over labelled
reports, the share of a report's fold that has its label and the share of its label's reports
that are in its fold; pairwise precision and recall count pairs of reports put together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from detente.records import Event


@dataclass(frozen=True, slots=True, kw_only=True)
class TruthEvent:
    event: str  # the real event's id: reports of one id should fold together
    source: str
    target: str
    root: str
    symmetric: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TruthEvent:
        return cls(
            event=str(data["event"]),
            source=data["source"],
            target=data["target"],
            root=data["root"],
            symmetric=bool(data.get("symmetric", False)),
        )

    def matches(self, e: Event) -> bool:
        if e.cameo_root != self.root or e.target is None:
            return False
        pair = (e.source.country, e.target.country)
        return pair == (self.source, self.target) or (self.symmetric and pair == (self.target, self.source))


def label(event: Event, truth: Sequence[TruthEvent]) -> str | None:
    """The truth event this report is of; None when none (or more than one real event) matches."""
    found = {t.event for t in truth if t.matches(event)}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def bcubed(clusters: Mapping[Hashable, Hashable], labels: Mapping[Hashable, Hashable]) -> Scores:
    """B-cubed over the items that have a label (``clusters``: item -> fold; ``labels``: item -> truth)."""
    items = [i for i in labels if i in clusters]
    if not items:
        return Scores(precision=0.0, recall=0.0)
    by_cluster: dict[Hashable, set[Hashable]] = defaultdict(set)
    by_label: dict[Hashable, set[Hashable]] = defaultdict(set)
    for i in items:
        by_cluster[clusters[i]].add(i)
        by_label[labels[i]].add(i)
    p = r = 0.0
    for i in items:
        both = len(by_cluster[clusters[i]] & by_label[labels[i]])
        p += both / len(by_cluster[clusters[i]])
        r += both / len(by_label[labels[i]])
    return Scores(precision=p / len(items), recall=r / len(items))


def pairwise(clusters: Mapping[Hashable, Hashable], labels: Mapping[Hashable, Hashable]) -> Scores:
    """Precision and recall of the pairs of labelled items put in one fold."""
    items = [i for i in labels if i in clusters]
    together = same = both = 0
    for n, a in enumerate(items):
        for b in items[n + 1 :]:
            c, t = clusters[a] == clusters[b], labels[a] == labels[b]
            together += c
            same += t
            both += c and t
    return Scores(precision=both / together if together else 1.0, recall=both / same if same else 1.0)


def labelled(reports: Iterable[tuple[Event, Sequence[TruthEvent]]]) -> tuple[dict[str, str], int]:
    """Labels of the reports a truth event matches (event_id -> truth id), and how many matched none."""
    labels: dict[str, str] = {}
    unlabelled = 0
    for e, truth in reports:
        found = label(e, truth)
        if found is None:
            unlabelled += 1
        else:
            labels[e.event_id] = found
    return labels, unlabelled
