"""The tone stage: the article's tone, and the tone of each event's evidence sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.reading import Reading, SoFar
from detente.records import replace

if TYPE_CHECKING:
    from detente.core import Resources


def tone_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    text = reading.text
    tones: dict[tuple[int, int], float | None] = {}  # events of one sentence share its tone
    for e in so_far.events:
        if e.span not in tones:
            tones[e.span] = res.tone.tone(text[e.span[0] : e.span[1]])
    events = tuple(replace(e, tone=tones[e.span]) for e in so_far.events)
    return replace(so_far, events=events, tone=res.tone.tone(text))
