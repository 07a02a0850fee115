"""The events stage's entry points (see detente/events/__init__.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.events.coder import code
from detente.events.lexicon import Lexicon
from detente.reading import Reading, SoFar

if TYPE_CHECKING:
    from detente.core import Resources

__all__ = ["Lexicon", "code", "events_stage"]


def events_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    """The article's events, between the actors found so far, dated by the time expressions."""
    found = code(reading, so_far.mentions, so_far.times, so_far.published, res.lexicon)
    return replace(so_far, events=found)
