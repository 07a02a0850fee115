"""Dyad series: how relations between two countries warm and cool, period by period.

Each period (month, quarter or year; empty periods are shown) gives the folded events between
the two countries (in both directions, or only a→b with ``directed``; symmetric actions such as
meetings count either way) with: counts by CAMEO quad class; the mean and sum of their Goldstein
values (-10 most conflictual … +10 most cooperative); the PLOVER cooperation–conflict balance;
the relations index; and the period's top events with their evidence sentence. Without folding
(a store not migrated yet) every event report counts as an event. Hypothetical events and events
with an unknown date are left out.

**Period rule.** An event belongs to the period that holds the midpoint of its date window (a
window from March to May counts in April; a window spanning two years counts in the year of its
middle day), so every event is counted once.

**Balance.** (cooperative − conflictual) / (cooperative + conflictual) over the period's events
with a PLOVER type: AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT are cooperative; ACCUSE
REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT are conflictual; REQUEST and events
without a type are neither. It runs from -1 (only conflict) to +1 (only cooperation).

**Relations index.** The relations index of a period is the mean Goldstein value of its folded
events, each weighted by 1 + log2(number of articles that reported it): an event that many
articles covered (a summit, an invasion) weighs more than one a single article mentions, but a
hundred articles do not make it a hundred events. It lies on the Goldstein scale, from -10
(the period's events were all of the most conflictual kind) to +10 (the most cooperative), and is
empty for a period without events.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from detente.analytics.fold import symmetric
from detente.analytics.rows import has_folding

By = Literal["month", "quarter", "year"]
QUADS: dict[int, str] = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICTUAL = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
TOP_EVENTS = 3
BAR_WIDTH = 20  # characters for an index of 10


@dataclass(frozen=True, slots=True, kw_only=True)
class SeriesEvent:
    """One event as the series sees it (a folded event, or a report when folding is absent)."""

    event_id: str  # the fold id, or the event id of a report
    day: date  # the midpoint of its date window
    source: str
    target: str
    cameo: str
    plover: str | None
    goldstein: float
    quad_class: int
    articles: int
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.event_id,
            "date": self.day.isoformat(),
            "source": self.source,
            "target": self.target,
            "cameo": self.cameo,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "articles": self.articles,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    period: str
    events: int
    counts: dict[str, int]
    goldstein_mean: float | None
    goldstein_sum: float
    balance: float | None
    index: float | None
    top_events: tuple[SeriesEvent, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "events": self.events,
            "goldstein_mean": self.goldstein_mean,
            "goldstein_sum": self.goldstein_sum,
            "balance": self.balance,
            "index": self.index,
            "counts": dict(self.counts),
            "top_events": [e.to_dict() for e in self.top_events],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadSeries:
    dyad: tuple[str, str]
    by: By
    directed: bool
    context: str | None
    folded: bool  # counted over folded events (else over reports)
    periods: tuple[Period, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": list(self.dyad),
            "by": self.by,
            "directed": self.directed,
            "context": self.context,
            "unit": "folded events" if self.folded else "event reports",
            "periods": [p.to_dict() for p in self.periods],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            [
                "period",
                "events",
                *QUADS.values(),
                "goldstein_mean",
                "goldstein_sum",
                "balance",
                "index",
                "top_event",
                "top_event_evidence",
            ]
        )
        for p in self.periods:
            top = p.top_events[0] if p.top_events else None
            writer.writerow(
                [
                    p.period,
                    p.events,
                    *(p.counts[q] for q in QUADS.values()),
                    _blank(p.goldstein_mean),
                    p.goldstein_sum,
                    _blank(p.balance),
                    _blank(p.index),
                    top.event_id if top else "",
                    top.evidence if top else "",
                ]
            )
        return out.getvalue()

    def render(self, evidence_chars: int = 100) -> list[str]:
        """A text table for the terminal: one line a period, bars left for conflict (░) and right
        for cooperation (█) by the relations index, then the period's top events."""
        a, b = self.dyad
        arrow = "→" if self.directed else "–"
        unit = "folded events" if self.folded else "event reports"
        head = f"{a}{arrow}{b} by {self.by}" + (f", context {self.context}" if self.context else "") + f" ({unit})"
        lines = [
            head,
            (
                f"{'period':<8} {'events':>6} {'VC':>3} {'MC':>3} {'VK':>3} {'MK':>3} "
                f"{'mean':>5} {'sum':>7} {'bal':>5} {'index':>5}"
            ),
        ]
        for p in self.periods:
            c = [p.counts[q] for q in QUADS.values()]
            size = round(abs(p.index or 0.0) / 10 * BAR_WIDTH)
            left = ("░" * size).rjust(BAR_WIDTH) if (p.index or 0) < 0 else " " * BAR_WIDTH
            right = ("█" * size).ljust(BAR_WIDTH) if (p.index or 0) > 0 else " " * BAR_WIDTH
            lines.append(
                f"{p.period:<8} {p.events:>6} {c[0]:>3} {c[1]:>3} {c[2]:>3} {c[3]:>3} "
                f"{_num(p.goldstein_mean):>5} {p.goldstein_sum:>+7.1f} {_num(p.balance, 2):>5} "
                f"{_num(p.index):>5} {left}|{right}"
            )
            for e in p.top_events:
                text = _short(e.evidence, evidence_chars)
                lines.append(
                    f"    {e.day.isoformat()} {e.source}→{e.target} {e.cameo} {e.plover or '-'} "
                    f"({e.articles} art.): {text}"
                )
        return lines


# A dateline ("MOSCOW, May 24 (Wire) - ") says where the article was filed, not what happened.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,[^-–—]{0,40})?\s+[-–—]+\s+")


def _short(text: str, chars: int) -> str:
    text = _DATELINE.sub("", " ".join(text.split()))
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _blank(value: float | None) -> str | float:
    return "" if value is None else value


def _num(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:+.{digits}f}"


def period_of(day: date, by: By) -> str:
    if by == "year":
        return f"{day.year}"
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def periods_between(first: date, last: date, by: By) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last``, empty ones included."""
    step = {"year": 12, "quarter": 3, "month": 1}[by]
    month = (first.month - 1) // step * step
    y, m = first.year, month + 1
    out: list[str] = []
    while (y, m) <= (last.year, last.month):
        out.append(period_of(date(y, m, 1), by))
        m += step
        if m > 12:
            y, m = y + 1, m - 12
    return out


def midpoint(earliest: date, latest: date) -> date:
    return earliest + timedelta(days=(latest - earliest).days // 2)


def _fetch(con: Any, a: str, b: str, directed: bool, context: str | None) -> tuple[list[SeriesEvent], bool]:
    folded = has_folding(con)
    if folded:
        t = "f."
        sql = """SELECT f.fold_id, f.date.earliest, f.date.latest, f.source, f.target, f.cameo, f.plover, f.goldstein,
                        f.quad_class, f.num_articles, f.evidence, f.contexts
                 FROM folded_events f"""
    else:
        t = "e."
        sql = """SELECT e.event_id, e.date.earliest, e.date.latest, e.source, e.target, e.cameo, e.plover,
                        e.goldstein, e.quad_class, 1, substr(d.text, e.span[1] + 1, e.span[2] - e.span[1]), e.contexts
                 FROM events e JOIN documents d ON d.doc_id = e.doc_id AND d.sha256 = e.sha256"""
    where = f""" WHERE {t}modality <> 'hypothetical' AND {t}date.earliest IS NOT NULL
                   AND (({t}source.country = ? AND {t}target.country = ?) OR ({t}source.country = ? AND {t}target.country = ?))"""
    rows = con.execute(sql + where, [a, b, b, a]).fetchall()
    out = []
    for fid, first, last, src, tgt, cameo, plover, gold, quad, arts, evidence, ctx in rows:
        if directed and not symmetric(cameo) and src["country"] != a:
            continue
        if context is not None and context not in (ctx or ()):
            continue
        out.append(
            SeriesEvent(
                event_id=fid,
                day=midpoint(date.fromisoformat(first), date.fromisoformat(last)),
                source=src.get("name") or src["country"],
                target=tgt.get("name") or tgt["country"],
                cameo=cameo,
                plover=plover,
                goldstein=float(gold),
                quad_class=int(quad),
                articles=int(arts),
                evidence=evidence or "",
            )
        )
    return out, folded


def summarise(label: str, events: Sequence[SeriesEvent], top: int = TOP_EVENTS) -> Period:
    counts = {name: sum(1 for e in events if e.quad_class == q) for q, name in QUADS.items()}
    coop = sum(1 for e in events if e.plover in COOPERATIVE)
    conflict = sum(1 for e in events if e.plover in CONFLICTUAL)
    weights = [1 + math.log2(max(e.articles, 1)) for e in events]
    total = sum(e.goldstein for e in events)
    ranked = sorted(events, key=lambda e: (-e.articles, -abs(e.goldstein), e.day, e.event_id))
    return Period(
        period=label,
        events=len(events),
        counts=counts,
        goldstein_mean=round(total / len(events), 3) if events else None,
        goldstein_sum=round(total, 3),
        balance=round((coop - conflict) / (coop + conflict), 3) if coop + conflict else None,
        index=round(sum(w * e.goldstein for w, e in zip(weights, events, strict=True)) / sum(weights), 3)
        if events
        else None,
        top_events=tuple(ranked[:top]),
    )


def dyad_series(
    con: Any,
    a: str,
    b: str,
    *,
    by: By = "year",
    since: date | None = None,
    until: date | None = None,
    context: str | None = None,
    directed: bool = False,
    top: int = TOP_EVENTS,
) -> DyadSeries:
    """The series of relations between countries ``a`` and ``b`` (ISO alpha-3 codes)."""
    if by not in ("month", "quarter", "year"):
        raise ValueError(f"unknown period {by!r}; use month, quarter or year")
    events, folded = _fetch(con, a, b, directed, context)
    events = [e for e in events if (since is None or e.day >= since) and (until is None or e.day <= until)]
    series = DyadSeries(dyad=(a, b), by=by, directed=directed, context=context, folded=folded)
    if not events and (since is None or until is None):
        return series
    first = since or min(e.day for e in events)
    last = until or max(e.day for e in events)
    grouped: dict[str, list[SeriesEvent]] = {label: [] for label in periods_between(first, last, by)}
    for e in events:
        grouped[period_of(e.day, by)].append(e)
    return DyadSeries(
        dyad=(a, b),
        by=by,
        directed=directed,
        context=context,
        folded=folded,
        periods=tuple(summarise(label, evs, top) for label, evs in grouped.items()),
    )


def turning_points(series: DyadSeries, count: int = 3) -> list[Period]:
    """The periods where the relations index moved most from the previous period with events."""
    moves: list[tuple[float, Period]] = []
    previous: float | None = None
    for p in series.periods:
        if p.index is None:
            continue
        if previous is not None:
            moves.append((abs(p.index - previous), p))
        previous = p.index
    moves.sort(key=lambda m: -m[0])
    return sorted((p for _, p in moves[:count]), key=lambda p: p.period)


def plot(series: DyadSeries, path: Path, turning: int = 3) -> Path:
    """Draw the series (relations index line, Goldstein mean, event counts) into a PNG or SVG,
    labelling the turning points with their top event."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise ValueError(f"cannot plot to {path.name}; give a file ending in .png or .svg")
    labels = [p.period for p in series.periods]
    xs = list(range(len(labels)))
    fig, (top_ax, bottom_ax) = plt.subplots(
        2, 1, figsize=(max(8, len(labels) * 0.35), 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]}
    )
    index = [p.index if p.index is not None else float("nan") for p in series.periods]
    mean = [p.goldstein_mean if p.goldstein_mean is not None else float("nan") for p in series.periods]
    top_ax.axhline(0, color="grey", linewidth=0.8)
    top_ax.plot(xs, index, marker="o", color="tab:blue", label="relations index")
    top_ax.plot(xs, mean, linestyle="--", color="tab:grey", alpha=0.7, label="Goldstein mean")
    for p in turning_points(series, turning):
        if p.index is None or not p.top_events:
            continue
        x = labels.index(p.period)
        e = p.top_events[0]
        note = f"{e.source} → {e.target}\n{e.plover or 'CAMEO'} {e.cameo}: {_short(e.evidence, 38)}"
        top_ax.annotate(
            note,
            (x, p.index),
            textcoords="offset points",
            xytext=(0, 14 if p.index >= 0 else -28),
            ha="center",
            fontsize=7,
            arrowprops={"arrowstyle": "-", "color": "grey"},
        )
    top_ax.set_ylim(-10.5, 10.5)
    top_ax.set_ylabel("Goldstein scale")
    a, b = series.dyad
    top_ax.set_title(
        f"{a}{'→' if series.directed else '–'}{b} relations by {series.by}"
        + (f" ({series.context})" if series.context else "")
    )
    top_ax.legend(loc="lower left", fontsize=8)
    coop = [p.counts["verbal_cooperation"] + p.counts["material_cooperation"] for p in series.periods]
    conflict = [p.counts["verbal_conflict"] + p.counts["material_conflict"] for p in series.periods]
    bottom_ax.bar(xs, coop, color="tab:green", label="cooperation")
    bottom_ax.bar(xs, [-c for c in conflict], color="tab:red", label="conflict")
    bottom_ax.set_ylabel("events")
    bottom_ax.set_xticks(xs, labels, rotation=90, fontsize=7)
    bottom_ax.legend(loc="lower left", fontsize=7)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


# --- the store's summary (detente summary): the busiest dyad's yearly line -------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class YearPoint:
    year: int
    events: int
    goldstein: float  # mean over the year's events


def dyad_by_year(connection: Any, a: str, b: str) -> tuple[YearPoint, ...]:
    """The summary's yearly points (years with events only), from ``dyad_series``: folded events
    when the store folds, assigned to years by their window's midpoint."""
    series = dyad_series(connection, a, b, by="year")
    return tuple(
        YearPoint(year=int(p.period), events=p.events, goldstein=float(p.goldstein_mean))
        for p in series.periods
        if p.goldstein_mean is not None
    )


def render_series(a: str, b: str, points: Sequence[YearPoint]) -> list[str]:
    """A text chart: one line a year, bars right for cooperation (█), left for conflict (░)."""
    if not points:
        return []
    lines = [f"{a}–{b} relations by year (mean Goldstein, -10 conflict … +10 cooperation; events):"]
    for p in points:
        size = round(abs(p.goldstein) / 10 * BAR_WIDTH)
        left = ("░" * size).rjust(BAR_WIDTH) if p.goldstein < 0 else " " * BAR_WIDTH
        right = ("█" * size).ljust(BAR_WIDTH) if p.goldstein > 0 else " " * BAR_WIDTH
        lines.append(f"  {p.year}  {left}|{right} {p.goldstein:+5.1f}  ({p.events})")
    return lines
