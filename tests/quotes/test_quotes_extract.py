"""The quotes stage on sentences written for these tests (model-backed, no actors stage needed:
mentions are given by hand where a test needs a resolved speaker)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.quotes import extract
from detente.records import Actor, Article, DateWindow, Mention, Published, Quote


def _run(nlp, text: str, mentions: tuple[Mention, ...] = (), published: Published | None = None) -> tuple[Quote, ...]:
    doc = nlp(text)
    article = Article(doc_id="t", text=text)
    return extract(doc, article, mentions, (), published or Published())


def _speaker(q: Quote) -> str | None:
    return q.speaker.text if q.speaker else None


def _direct(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“The border will stay open,” Petrov said.", "Petrov", "said"),
        ("“The border will stay open,” said Petrov.", "Petrov", "said"),
        ("Minister Petrov stressed: “The border will stay open for trade.”", "Minister Petrov", "stressed"),
        ("“The border will stay open,” the minister told reporters in the capital.", "the minister", "told"),
        ("“The border will stay open for now,” the head of state said.", "the head of state", "said"),
        ("“The border will stay open,” Anna Petrova, a senior diplomat, said.", "Anna Petrova", "said"),
    ],
)
def test_speaker_before_after_inside(nlp, text: str, speaker: str, cue: str) -> None:
    (q,) = _run(nlp, text)
    assert q.kind == "direct"
    assert q.text == "The border will stay open" or q.text.startswith("The border will stay open")
    assert _speaker(q) == speaker
    assert q.cue == cue


def test_quoted_as_saying_gives_the_person_not_the_agency(nlp) -> None:
    text = "“Our patience has limits,” the Tass news agency quoted Orlov as saying on Friday."
    (q,) = _run(nlp, text)
    assert _speaker(q) == "Orlov"
    text = "“Our patience has limits,” Orlov was quoted as saying by local media."
    (q,) = _run(nlp, text)
    assert _speaker(q) == "Orlov"
    text = "“Our patience has limits and the talks are over,” the agency cites Orlov as saying."
    (q,) = _run(nlp, text)
    assert _speaker(q) == "Orlov"


def test_split_quote_is_one_quote_with_two_parts(nlp) -> None:
    text = "“We are grateful,” the ambassador said, “to all who helped with the rescue.”"
    (q,) = _run(nlp, text)
    assert len(q.parts) == 2
    assert [text[s:e] for s, e in q.parts] == ["We are grateful", "to all who helped with the rescue."]
    assert q.text == "We are grateful to all who helped with the rescue."
    assert q.span == (q.parts[0][0], q.parts[1][1])
    assert _speaker(q) == "the ambassador"


def test_quote_over_two_paragraphs(nlp) -> None:
    text = (
        "Senator Halvorsen answered “The treaty is not dead. It needs work.\n\n"
        "“We will return to it next session.”\n\nThe vote was postponed."
    )
    (q,) = _direct(_run(nlp, text))
    assert len(q.parts) == 2
    assert text[q.parts[1][0] : q.parts[1][1]] == "We will return to it next session."
    assert _speaker(q) == "Senator Halvorsen"


def test_continuation_paragraph_keeps_the_speaker(nlp) -> None:
    text = (
        "“The sanctions have failed,” said Ingrid Dahl, an economist.\n\n"
        "“Trade simply moved to other ports and other currencies over the last three years.”"
    )
    quotes = _direct(_run(nlp, text))
    assert len(quotes) == 2
    assert [_speaker(q) for q in quotes] == ["Ingrid Dahl", "Ingrid Dahl"]


def test_unbalanced_mark_does_not_swallow_the_article(nlp) -> None:
    text = "The banner read “No to war\n\nIn other news, the council met on Monday.\n\nIt adjourned early."
    quotes = _run(nlp, text)
    assert all("council" not in q.text and "adjourned" not in q.text for q in quotes)


def test_scare_quotes_are_not_speech(nlp) -> None:
    text = "The so-called “reset” of relations ended in a cold spell last winter."
    assert _run(nlp, text) == ()


def test_indirect_speech(nlp) -> None:
    text = "Deputy Minister Karlsson said that there is no basis for new talks on the canal."
    (q,) = _run(nlp, text)
    assert q.kind == "indirect"
    assert q.text == "there is no basis for new talks on the canal"
    assert _speaker(q) == "Deputy Minister Karlsson"
    assert q.cue == "said"


def test_according_to(nlp) -> None:
    text = "According to Karlsson, the canal will reopen in the spring."
    (q,) = _run(nlp, text)
    assert q.kind == "indirect"
    assert q.cue == "According to"
    assert _speaker(q) == "Karlsson"
    assert "canal will reopen" in q.text


def test_beliefs_are_not_speech(nlp) -> None:
    assert _run(nlp, "Karlsson believes that the canal will reopen in the spring.") == ()


def test_mixed_quote_absorbs_the_quoted_words(nlp) -> None:
    text = "The minister said the proposal was “a step backwards” for both countries."
    (q,) = _run(nlp, text)
    assert q.kind == "mixed"
    assert q.text == "the proposal was a step backwards for both countries"
    assert _speaker(q) == "The minister"


def test_quote_inside_a_quote_keeps_its_own_speaker(nlp) -> None:
    text = (
        "“Last year you wrote to me, ‘No agreement is ever final’, and I still agree,” "
        "the president told his guest."
    )
    quotes = _direct(_run(nlp, text))
    speakers = {q.text: _speaker(q) for q in quotes}
    assert speakers["No agreement is ever final"] == "you"
    outer = next(q for q in quotes if q.text.startswith("Last year"))
    assert _speaker(outer) == "the president"


def test_speaker_in_the_previous_sentence_with_a_colon(nlp) -> None:
    text = "Then Halvorsen turned to the cameras: “Nobody here wants another war with anyone.”"
    (q,) = _run(nlp, text)
    assert _speaker(q) == "Halvorsen"


def test_pronoun_speaker_resolves_through_the_mentions(nlp) -> None:
    text = "Ingrid Dahl spoke first. “The sanctions have failed,” she said."
    she = text.index("she said")
    dahl = Actor(text="she", name="Ingrid Dahl", actor_id="dahl")
    mentions = (
        Mention(doc_id="t", span=(0, 11), actor=Actor(text="Ingrid Dahl", name="Ingrid Dahl", actor_id="dahl")),
        Mention(doc_id="t", span=(she, she + 3), actor=dahl),
    )
    (q,) = _run(nlp, text, mentions)
    assert q.speaker is not None
    assert q.speaker.text == "she"
    assert q.speaker.name == "Ingrid Dahl"


def test_unresolved_speaker_falls_back_to_the_phrase(nlp) -> None:
    (q,) = _run(nlp, "“The sanctions have failed,” she said.")
    assert q.speaker == Actor(text="she")


def test_ids_in_text_order_and_dates(nlp) -> None:
    text = (
        "“We will sign,” Petrov said. Karlsson said that the canal will reopen soon.\n\n"
        "“Not before the summer,” Dahl added."
    )
    published = Published(window=DateWindow.day(date(2020, 5, 4)), method="given")
    quotes = _run(nlp, text, published=published)
    assert [q.quote_id for q in quotes] == ["t:q1", "t:q2", "t:q3"]
    assert [q.span[0] for q in quotes] == sorted(q.span[0] for q in quotes)
    assert all(q.date == published.window for q in quotes)
    assert [_speaker(q) for q in quotes] == ["Petrov", "Karlsson", "Dahl"]


def test_offsets_exclude_the_marks(nlp) -> None:
    text = "“Peace is possible,” Petrov said."
    (q,) = _run(nlp, text)
    assert text[q.parts[0][0] : q.parts[0][1]] == "Peace is possible"
    assert q.text == "Peace is possible"


def test_speaker_in_the_next_sentence(nlp) -> None:
    text = "“Nobody here wants another war with anyone.” Halvorsen said so twice at the summit."
    (q,) = _direct(_run(nlp, text))
    assert _speaker(q) == "Halvorsen"


def test_speaker_from_the_previous_sentence(nlp) -> None:
    text = (
        "Halvorsen said the talks would go on through the winter.\n\n"
        "“We are not giving up on this treaty, whatever the critics say about it.”"
    )
    quotes = _run(nlp, text)
    direct = _direct(quotes)
    assert len(direct) == 1 and _speaker(direct[0]) == "Halvorsen"


def test_headline_name_and_colon(nlp) -> None:
    text = "Halvorsen: Treaty talks will resume in March\n\nThe senator spoke in Oslo."
    (q,) = _run(nlp, text)
    assert q.cue == ":" and _speaker(q) == "Halvorsen"
    assert q.text == "Treaty talks will resume in March"
    assert _run(nlp, "Update: Treaty talks will resume in March\n\nThe senator spoke in Oslo.") == ()


def test_title_in_quotes_is_not_speech(nlp) -> None:
    text = "The senator said on “Face the Nation” that talks would resume."
    quotes = _run(nlp, text)
    assert all(q.kind != "direct" for q in quotes)


_PIECES = [
    "The envoy said", "“We will talk,”", "he added.", "\"Never,\"", "said Dahl", "‘fine’", "”", "“",
    "According to Petrov, the canal is closed.", "\n\n", "It rained.", "’’", "''", ":", "she told reporters",
    "«non»", "that the border stays open", ",",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_any_text_gives_valid_quotes(nlp, pieces: list[str]) -> None:
    text = " ".join(pieces)
    quotes = _run(nlp, text)
    for n, q in enumerate(quotes, start=1):
        assert q.quote_id == f"t:q{n}"
        assert q.parts and q.span == (q.parts[0][0], q.parts[-1][1])
        assert all(0 <= s < e <= len(text) for s, e in q.parts)
        assert all(a[1] <= b[0] for a, b in zip(q.parts, q.parts[1:]))


def test_hypothetical_saying_is_not_a_quote(nlp) -> None:
    assert _run(nlp, "It is too early to say the talks have failed.") == ()


def test_addressee_is_not_the_speaker(nlp) -> None:
    text = "“The door stays open for talks,” the minister told Halvorsen on Monday."
    (q,) = _run(nlp, text)
    assert _speaker(q) == "the minister"
