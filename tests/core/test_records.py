import json
import pickle
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.errors import InputError, StageError
from detente.records import Actor, DateWindow, Document, Published, Quote, Result


@given(st.dates(), st.integers(min_value=0, max_value=4000))
def test_date_set_exactly_when_earliest_equals_latest(start, width):
    latest = date.fromordinal(min(start.toordinal() + width, date.max.toordinal()))
    window = DateWindow(earliest=start, latest=latest, precision="day")
    out = window.to_dict()
    assert (out["date"] is not None) == (start == latest)
    assert out["earliest"] <= out["latest"]


def test_window_rejects_inverted_or_half_known():
    with pytest.raises(ValueError):
        DateWindow(earliest=date(2020, 1, 2), latest=date(2020, 1, 1))
    with pytest.raises(ValueError):
        DateWindow(earliest=date(2020, 1, 2))


def test_unknown_window_serialises_as_nulls():
    assert DateWindow.unknown().to_dict() == {
        "date": None,
        "earliest": None,
        "latest": None,
        "precision": "unknown",
        "timex": None,
    }


def test_result_records_follow_the_contract_shape():
    text = "“We agree,” the minister said."
    doc = Document(
        doc_id="d",
        title=None,
        source=None,
        url=None,
        text=text,
        captions=(),
        published=Published(window=DateWindow.day(date(2020, 5, 1)), method="given"),
    )
    quote = Quote(
        doc_id="d",
        quote_id="d:q1",
        text="We agree,",
        span=(1, 10),
        parts=((1, 10),),
        kind="direct",
        cue="said",
        speaker=Actor(text="the minister", sector="GOV"),
        date=DateWindow.day(date(2020, 5, 1)),
    )
    records = Result(document=doc, quotes=(quote,)).records()
    assert [r["type"] for r in records] == ["document", "quote"]
    assert records[0]["published"]["method"] == "given"
    assert records[0]["published"]["date"] == "2020-05-01"
    q = records[1]
    assert text[q["span"][0] : q["span"][1]] == q["text"]
    assert set(q["speaker"]) == {"text", "name", "actor_id", "country", "sector", "role"}
    json.dumps(records)  # serialisable as is


def test_errors_survive_pickling_with_doc_id():
    for error in (InputError("empty file", "a/b"), StageError("boom", "x")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert copy.doc_id == error.doc_id
