"""The events evaluation's gold readers (formats written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

from detente.evaluate.events import _read_petrarch, _read_plover

MIS_NESTED = """<Validation><Sentences>
<Sentence date="20100102" id="A_1" category="X" evaluate="true"/>
<EventCoding sourcecode="FRAGOV" targetcode="IGOEUR" eventcode="0311" />
<EventCoding sourcecode="---" targetcode="DEU" eventcode="120" />
<Text>
France &amp; the EU agreed.
</Text>
<Sentence date="20100103" id="A_2" category="X" evaluate="true">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
</Sentences></Validation>
"""


def test_petrarch_reader_tolerates_mis_nesting(tmp_path: Path) -> None:
    path = tmp_path / "v.xml"
    path.write_text(MIS_NESTED, encoding="utf-8")
    first, second = _read_petrarch(path)
    assert first.text == "France & the EU agreed."
    assert first.published is not None and first.published.isoformat() == "2010-01-02"
    assert first.gold == [("FRA", "IGO", "03"), (None, "DEU", "12")]
    assert first.gold_full == [("FRA", "IGO", "0311"), (None, "DEU", "120")]
    assert second.gold == [] and second.text == "Nothing happened."


def test_plover_reader_unions_renames_and_pairs(tmp_path: Path) -> None:
    records = [
        {
            "text": "S one.",
            "date": "2001-02-03",
            "event": "DEMAND",
            "source": [{"code": "JAP"}, {"code": "ITL"}],
            "target": [{"code": "USA"}],
        },
        {"text": "S one.", "date": "2001-02-03", "event": "FIGHT", "source": [{"code": "IGOUNO"}], "target": "none"},
        {"text": "S two.", "date": "2001-02-03", "event": "DISAPPROVE", "target": [{"code": "RUS"}]},
    ]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    one, two = _read_plover(path)
    assert set(one.gold) == {("JPN", "USA", "REQUEST"), ("ITA", "USA", "REQUEST"), ("IGO", None, "ASSAULT")}
    assert two.gold == [(None, "RUS", "ACCUSE")]
