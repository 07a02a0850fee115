"""The events stage's entry points (see detente/events/__init__.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.actors.lookup import MentionIndex
from detente.dates import TimeIndex
from detente.events.coder import code
from detente.events.lexicon import Lexicon
from detente.reading import Reading, SoFar

if TYPE_CHECKING:
    from detente.core import Resources

__all__ = ["Lexicon", "code", "events_stage"]


def events_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    """The article's events, between the actors found so far, dated by the time expressions."""
    index = so_far.mention_index if so_far.mention_index is not None else MentionIndex(so_far.mentions)
    when = so_far.time_index if so_far.time_index is not None else TimeIndex(so_far.times, so_far.published)
    found = code(reading, index, when, res.lexicon, kb=res.kb, places=res.gazetteer.lookup)
    return replace(so_far, events=found)
