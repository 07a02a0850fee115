"""An article's text as HTML with its records marked: actors, event triggers and evidence, quotes.

Spans overlap (a trigger sits inside its evidence sentence, a quote inside or across one), so the
text is cut at every span boundary and each piece carries the classes of all spans covering it.
Every piece of text is escaped; only the tags written here are markup.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

_LINE_BREAKS = re.compile(r"\n+")

# What each kind of mark means, in the legend's order (the classes are styled in style.css).
LEGEND: tuple[tuple[str, str], ...] = (
    ("actor", "actor mention"),
    ("trigger", "event trigger"),
    ("evidence", "event evidence"),
    ("quote", "quote"),
    ("focus", "the event you opened"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Mark:
    start: int
    end: int
    kind: str  # one of LEGEND's names
    label: str  # shown on hover
    ref: str | None = None  # the record id, for anchors and focus


def marks(doc: dict[str, Any], focus: str | None = None) -> list[Mark]:
    """The marks of an article as `data.article` returns it."""
    found: list[Mark] = []
    for m in doc["mentions"]:
        actor = m["actor"] or {}
        label = " · ".join(str(v) for v in (actor.get("name"), actor.get("country"), actor.get("role")) if v)
        found.append(Mark(start=m["span"][0], end=m["span"][1], kind="actor", label=label or "actor"))
    for e in doc["events"]:
        label = f"{e['cameo']} {e['plover'] or ''}: {e['source_name'] or '?'} → {e['target_name'] or '?'}"
        kind = "focus" if e["event_id"] == focus else "evidence"
        found.append(Mark(start=e["span"][0], end=e["span"][1], kind=kind, label=label, ref=e["event_id"]))
        if e["trigger"]:
            found.append(
                Mark(start=e["trigger"][0], end=e["trigger"][1], kind="trigger", label=label, ref=e["event_id"])
            )
    for q in doc["quotes"]:
        speaker = (q["speaker"] or {}).get("name") or "unattributed"
        for start, end in q["parts"] or [q["span"]]:
            found.append(
                Mark(start=start, end=end, kind="quote", label=f"quote ({q['kind']}): {speaker}", ref=q["quote_id"])
            )
    return [m for m in found if 0 <= m.start < m.end <= len(doc["text"])]


def render(text: str, spans: Sequence[Mark]) -> Markup:
    """The text as HTML: a paragraph per line, marked pieces as <span>s with the classes of every
    mark covering them, an anchor (`ev-EVENT_ID`) on the first piece of each event's evidence."""
    cuts = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    anchored: set[str] = set()
    out: list[str] = ["<p>"]
    for start, end in itertools.pairwise(cuts):
        covering = [m for m in spans if m.start <= start and end <= m.end]
        # A span may not cross a paragraph end, so a marked piece is cut at each line break.
        for i, line in enumerate(_LINE_BREAKS.split(text[start:end])):
            if i:
                out.append("</p><p>")
            if not line:
                continue
            if not covering:
                out.append(str(escape(line)))
                continue
            anchor = _anchor(covering, anchored)
            out.append(f"<span{_classes(covering)}{anchor}>{escape(line)}</span>")
    out.append("</p>")
    return Markup("".join(out).replace("<p></p>", ""))


def _classes(covering: Sequence[Mark]) -> str:
    kinds = {m.kind for m in covering}
    if "focus" in kinds:
        kinds.add("evidence")  # the opened event is evidence too, drawn stronger
    labels = "\n".join(dict.fromkeys(m.label for m in covering))
    return f' class="{" ".join("mk-" + k for k in sorted(kinds))}" title="{escape(labels)}"'


def _anchor(covering: Sequence[Mark], anchored: set[str]) -> str:
    """An id for the first piece of an event's evidence not anchored yet ('' when none)."""
    for m in covering:
        if m.kind in ("evidence", "focus") and m.ref and m.ref not in anchored:
            anchored.add(m.ref)
            return f' id="{escape("ev-" + m.ref)}"'
    return ""
