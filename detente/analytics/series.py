"""How relations between two countries warm and cool: events per year and their mean Goldstein
weight (-10 most conflictual, +10 most cooperative), in both directions together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

BAR_WIDTH = 20  # characters for a mean Goldstein of 10


@dataclass(frozen=True, slots=True, kw_only=True)
class YearPoint:
    year: int
    events: int
    goldstein: float  # mean over the year's events


def dyad_by_year(connection: Any, a: str, b: str) -> tuple[YearPoint, ...]:
    """Asserted and planned events between countries a and b (either direction) per year of the
    event's own date (its earliest day; events with an unknown date are left out)."""
    rows = connection.execute(
        """
        SELECT CAST(substr(date.earliest, 1, 4) AS INTEGER) AS year, count(*), avg(goldstein)
        FROM events
        WHERE modality <> 'hypothetical' AND date.earliest IS NOT NULL
          AND ((source.country = ? AND target.country = ?) OR (source.country = ? AND target.country = ?))
        GROUP BY 1 ORDER BY 1
        """,
        [a, b, b, a],
    ).fetchall()
    return tuple(YearPoint(year=y, events=n, goldstein=float(g)) for y, n, g in rows)


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
