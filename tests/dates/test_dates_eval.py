"""The TimeML reader and the TempEval-style scoring, on a TimeML file written for this test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from detente.evaluate.dates import _Tally, read_timeml
from detente.records import TimeExpression

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-05T10:00" functionInDocument="CREATION_TIME">2001-03-05</TIMEX3></DCT>
<TEXT>
The council <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-03-02">Friday</TIMEX3> &amp; will meet <TIMEX3 tid="t2" type="DATE" value="2001-W11">next week</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_timeml(tmp_path: Path):
    path = tmp_path / "t1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.dct == date(2001, 3, 5)
    assert [(t.text, t.value) for t in doc.timexes] == [("Friday", "2001-03-02"), ("next week", "2001-W11")]
    assert "&" in doc.text  # entities decoded: the text is what the articles carry
    for t in doc.timexes:
        assert doc.text[t.span[0] : t.span[1]] == t.text


def test_scoring_counts_overlap_and_value(tmp_path: Path):
    path = tmp_path / "t1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_timeml(path)
    s1, s2 = doc.timexes[0].span, doc.timexes[1].span
    found = [
        TimeExpression(span=s1, text="Friday", value="2001-03-02"),
        TimeExpression(span=(s2[0] + 5, s2[1]), text="week", value="2001-W12"),  # overlap, wrong value
        TimeExpression(span=(1, 8), text="council", value="2001"),  # no gold
    ]
    tally = _Tally()
    tally.add(found, doc.timexes)
    score = tally.value_score()
    assert (score.true_positives, score.found, score.gold) == (1, 3, 2)
    p, r, _ = tally.detection()
    assert (p, r) == (2 / 3, 1.0)
