"""Property-based fuzzing of the text-facing functions on arbitrary Unicode and bytes: nothing
raises, every offset lies inside the text, every date window is ordered (``DateWindow`` refuses
an unordered one, so an unordered window would surface as an error)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import DetenteError, InputError
from detente.ingest import read_inputs
from detente.ingest.jsonl import parse_date, parse_line
from detente.ingest.lexicon import Lexicon
from detente.records import Article, Result

# Words that make the stages work (actors, cues, quotation marks, time expressions), mixed
# with arbitrary text so that the generated articles reach deep into each stage.
WORDS = (
    "Russia",
    "Ukraine",
    "China",
    "the",
    "minister",
    "said",
    "accused",
    "met",
    "talks",
    "on",
    "Monday",
    "last",
    "year",
    "next",
    "week",
    "in",
    "March",
    "2019",
    "“",
    "”",
    '"',
    ",",
    ".",
    "\n\n",
    "according",
    "to",
    "officials",
    "will",
    "visit",
    "Kyiv",
    "ago",
    "days",
    "three",
    "told",
    "reporters",
    "that",
    "sanctions",
    "Putin",
    "President",
    "—",
    "(",
    ")",
    "1990s",
)
SENTENCES = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(" ".join)
TEXTS = st.one_of(st.text(max_size=300), SENTENCES)
ANY_DAY = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODEL_FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def _inside(span: tuple[int, int], text: str) -> bool:
    return 0 <= span[0] <= span[1] <= len(text)


@FUZZ
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_any_bytes_in_a_file_are_an_article_or_one_error(tmp_path_factory, lexicon, data, suffix) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"in{suffix}"
    path.write_bytes(data)
    for item in read_inputs([str(path)], lexicon=lexicon):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert item.text.strip()
            item.text.encode("utf-8")  # writable: no lone surrogate
        else:
            assert "\n" not in str(item)  # one line on stderr


@FUZZ
@given(data=st.one_of(st.binary(max_size=600), TEXTS.map(lambda t: t.encode("utf-8"))))
def test_any_standard_input_is_an_article_or_one_error(lexicon, data) -> None:
    for item in read_inputs(["-"], io.BytesIO(data), lexicon=lexicon):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            item.text.encode("utf-8")


@FUZZ
@given(
    line=st.one_of(
        st.text(max_size=200),
        st.builds(
            lambda i, t, p: json.dumps({"id": i, "text": t, "published": p}),
            st.one_of(st.text(max_size=10), st.integers()),
            TEXTS,
            st.one_of(st.text(max_size=20), ANY_DAY.map(str)),
        ),
    )
)
def test_any_jsonl_line_is_an_article_or_one_error(line) -> None:
    item = parse_line(line, "fuzz:1", set())
    assert isinstance(item, Article | InputError)
    if isinstance(item, InputError):
        assert "\n" not in str(item)


@FUZZ
@given(raw=st.one_of(st.text(max_size=40), ANY_DAY.map(lambda d: d.strftime("%B %d, %Y"))))
def test_any_published_string_is_a_day_none_or_a_value_error(raw) -> None:
    try:
        day = parse_date(raw)
    except ValueError:
        return  # a day that does not exist ("2023-02-30"): the line is refused with its reason
    assert day is None or isinstance(day, date)


@pytest.mark.model
@MODEL_FUZZ
@given(text=TEXTS.filter(str.strip), published=st.one_of(st.none(), ANY_DAY))
def test_the_stages_on_any_text_and_any_reference_date(pipeline, text, published) -> None:
    from detente.ingest.identity import sha256

    article = Article(doc_id="fuzz", text=text, published=published, origin="fuzz", sha256=sha256(text))
    (outcome,) = list(pipeline.process([article]))
    assert isinstance(outcome, Result), outcome  # no internal error
    assert not isinstance(outcome, DetenteError)
    for record in (*outcome.mentions, *outcome.events, *outcome.quotes):
        assert _inside(record.span, text)
    for event in outcome.events:
        assert _inside(event.trigger, text)
        assert event.date.earliest is None or event.date.earliest <= event.date.latest
    for quote in outcome.quotes:
        assert all(_inside(part, text) for part in quote.parts)
        assert quote.date.earliest is None or quote.date.earliest <= quote.date.latest
    window = outcome.document.published.window
    assert window.earliest is None or window.earliest <= window.latest
