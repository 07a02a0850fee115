"""Finding the resolved actor behind a stretch of text: how events and quotes use mentions."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from detente.records import Mention


class MentionIndex:
    """Mentions of one article, searchable by character offsets."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda m: (m.span[0], -m.span[1]))
        self._starts = [m.span[0] for m in self._mentions]

    def __len__(self) -> int:
        return len(self._mentions)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions that overlap [start, end), in text order."""
        i = bisect_left(self._starts, start)
        # Step back over mentions that start before `start` but reach into it.
        while i > 0 and self._mentions[i - 1].span[1] > start:
            i -= 1
        out = []
        for m in self._mentions[i:]:
            if m.span[0] >= end:
                break
            if m.span[1] > start:
                out.append(m)
        return out

    def at(self, start: int, end: int, head: int | None = None) -> Mention | None:
        """The mention for the phrase [start, end): the one containing the phrase's head
        character offset `head` if given, else the longest overlapping one."""
        found = self.overlapping(start, end)
        if not found:
            return None
        if head is not None:
            containing = [m for m in found if m.span[0] <= head < m.span[1]]
            if containing:
                return max(containing, key=lambda m: m.span[1] - m.span[0])
        return max(found, key=lambda m: m.span[1] - m.span[0])
