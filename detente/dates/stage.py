"""The dates stage's entry points (see detente/dates/__init__.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.dates.finder import TimeIndex, date_for, find
from detente.dates.publication import publication
from detente.dates.rules import DateKnowledge
from detente.reading import Reading, SoFar

if TYPE_CHECKING:
    from detente.core import Resources

__all__ = ["DateKnowledge", "TimeIndex", "date_for", "find", "publication", "publication_stage", "times_stage"]


def publication_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    """The publication window, bounded by the office holders the actors stage found."""
    return replace(so_far, published=publication(reading, so_far.evidence, res.dates))


def times_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    """Every time expression, resolved against the publication window."""
    times = find(reading.doc, so_far.published, res.dates)
    return replace(so_far, times=times, time_index=TimeIndex(times, so_far.published))
