"""The contexts stage: each event's PLOVER contexts from its evidence sentence and its code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.reading import Reading, SoFar
from detente.records import replace

if TYPE_CHECKING:
    from detente.core import Resources


def contexts_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    """The events found so far, with their contexts (any a stage gave already are kept)."""
    text = reading.text
    events = tuple(
        replace(
            e,
            contexts=tuple(
                dict.fromkeys(e.contexts + res.contexts.contexts(text[e.span[0] : e.span[1]], e.cameo, e.plover))
            ),
        )
        for e in so_far.events
    )
    return replace(so_far, events=events)
