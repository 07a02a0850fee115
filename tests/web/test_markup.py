"""The article's marked-up HTML, built from offsets: every piece escaped, overlapping marks
carried by each piece they cover, one anchor per event, paragraphs never cut inside a tag."""

from __future__ import annotations

import pytest

from detente.web.markup import Mark, marks, render

TEXT = "Ministers <b>met</b> today.\nThey signed & left."


def test_text_and_labels_are_escaped() -> None:
    html = render(TEXT, [Mark(start=0, end=9, kind="actor", label='"quoted" <label>')])
    assert "<b>" not in html and "&lt;b&gt;met&lt;/b&gt;" in html and "&amp; left" in html
    assert 'title="&#34;quoted&#34; &lt;label&gt;"' in html


def test_overlapping_marks_give_each_piece_all_their_classes() -> None:
    spans = [
        Mark(start=0, end=27, kind="evidence", label="e", ref="d:e1"),
        Mark(start=10, end=20, kind="trigger", label="t", ref="d:e1"),
    ]
    html = render(TEXT, spans)
    assert '<span class="mk-evidence mk-trigger" title="e\nt">&lt;b&gt;met&lt;/b&gt;</span>' in html
    assert html.count('id="ev-d:e1"') == 1


@pytest.mark.parametrize(
    ("start", "end", "pieces"),
    [
        (0, 9, 1),  # inside the first line
        (20, 40, 2),  # across the line break: cut into two spans, one per paragraph
    ],
)
def test_marks_are_cut_at_paragraph_ends(start: int, end: int, pieces: int) -> None:
    html = render(TEXT, [Mark(start=start, end=end, kind="quote", label="q")])
    assert html.count('class="mk-quote"') == pieces
    assert html.count("<p>") == html.count("</p>") == 2


def test_the_focused_event_is_evidence_too_and_marks_outside_the_text_are_dropped() -> None:
    doc = {
        "text": TEXT,
        "mentions": [
            {"span": [0, 9], "actor": {"name": "Ministers", "country": None, "role": None}},
            {"span": [40, 99], "actor": {"name": "beyond the end"}},
        ],
        "events": [
            {
                "event_id": "d:e1",
                "span": [0, 27],
                "trigger": [10, 20],
                "cameo": "040",
                "plover": "CONSULT",
                "source_name": "A",
                "target_name": None,
            }
        ],
        "quotes": [],
    }
    found = marks(doc, focus="d:e1")
    assert {m.kind for m in found} == {"actor", "focus", "trigger"}
    html = render(doc["text"], found)
    assert 'class="mk-actor mk-evidence mk-focus"' in html and 'id="ev-d:e1"' in html
