"""The quotes stage on sentences written for these tests (model-backed, no actors stage needed:
mentions are given by hand where a test needs a resolved speaker)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.actors.lookup import MentionIndex
from detente.dates import TimeIndex
from detente.knowledge import Knowledge
from detente.quotes import extract, load_cues
from detente.reading import read
from detente.records import Actor, Article, DateWindow, Mention, Published, Quote

# The reporting cues, as Resources loads them (shipped table only).
CUES = load_cues(Knowledge.load(keys=("quote_cues",)))


def _run(nlp, text: str, mentions: tuple[Mention, ...] = (), published: Published | None = None) -> tuple[Quote, ...]:
    doc = nlp(text)
    article = Article(doc_id="t", text=text)
    return extract(read(doc, article), MentionIndex(mentions), TimeIndex((), published or Published()), CUES)


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
    text = "“Last year you wrote to me, ‘No agreement is ever final’, and I still agree,” the president told his guest."
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
    "The envoy said",
    "“We will talk,”",
    "he added.",
    '"Never,"',
    "said Dahl",
    "‘fine’",
    "”",
    "“",
    "According to Petrov, the canal is closed.",
    "\n\n",
    "It rained.",
    "’’",
    "''",
    ":",
    "she told reporters",
    "«non»",
    "that the border stays open",
    ",",
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
        assert all(a[1] <= b[0] for a, b in zip(q.parts, q.parts[1:], strict=False))


def test_hypothetical_saying_is_not_a_quote(nlp) -> None:
    assert _run(nlp, "It is too early to say the talks have failed.") == ()


def test_addressee_is_not_the_speaker(nlp) -> None:
    text = "“The door stays open for talks,” the minister told Halvorsen on Monday."
    (q,) = _run(nlp, text)
    assert _speaker(q) == "the minister"


def test_a_date_or_a_line_above_is_no_speaker(nlp) -> None:
    text = "10:15 a.m.\n\nThe mayor's spokesman says the bridge will reopen once the inspection is finished."
    quotes = _run(nlp, text)
    assert all(_speaker(q) not in ("10:15 a.m.", "a.m.") for q in quotes)
    text = "A city hall aide who asked not to be named said Tuesday, “The bridge will reopen after the inspection.”"
    quotes = _run(nlp, text)
    assert all(_speaker(q) != "Tuesday" for q in quotes)


def test_name_label_before_a_colon(nlp) -> None:
    text = (
        "Turnout fell in the western districts - Maria Olsen: “Fewer people voted in the west than "
        "in any election since records began.”\n\n"
        "Why the count took so long - More from Olsen: “The ballots had to be checked twice by hand.”"
    )
    quotes = _direct(_run(nlp, text))
    assert [_speaker(q) for q in quotes] == ["Maria Olsen", "Olsen"]
    assert all(q.cue == ":" for q in quotes)


def test_speaker_sentence_cut_after_a_nested_quote(nlp) -> None:
    # The quote ends with an inner quote (",’”): the short next sentence still names its speaker.
    text = "“She told us, ‘I will fight for this district every single day,’” Councillor Tom Reyes said."
    (q,) = [q for q in _run(nlp, text) if q.text.startswith("She told us")]
    assert _speaker(q) == "Councillor Tom Reyes"


def test_second_quote_after_the_attribution_sentence(nlp) -> None:
    text = (
        "“We checked every ballot twice,” said Ruth Abara, an election official who has run the count "
        "in the county for a decade. “Nothing was missing and nothing was added to the totals.”"
    )
    quotes = _direct(_run(nlp, text))
    assert [_speaker(q) for q in quotes] == ["Ruth Abara", "Ruth Abara"]


def test_manner_verb_attributes_a_quote(nlp) -> None:
    (q,) = _direct(_run(nlp, "“Will you answer the question about the budget?” the moderator pressed."))
    assert _speaker(q) == "the moderator"


def test_unresolved_pronoun_takes_the_last_speaker(nlp) -> None:
    text = (
        "“The port will stay open all winter,” Ilse Brandt said on Monday.\n\n"
        "“We have enough icebreakers for the season,” she said."
    )
    doc = nlp(text)
    start = text.index("Ilse Brandt")
    brandt = Mention(
        doc_id="t",
        span=(start, start + len("Ilse Brandt")),
        kind="person",
        actor=Actor(text="Ilse Brandt", name="Ilse Brandt"),
    )
    quotes = extract(
        read(doc, Article(doc_id="t", text=text)), MentionIndex((brandt,)), TimeIndex((), Published()), CUES
    )
    first, second = _direct(quotes)
    assert first.speaker is not None and first.speaker.name == "Ilse Brandt"
    assert second.speaker is not None and second.speaker.text == "she" and second.speaker.name == "Ilse Brandt"
    # A pronoun two paragraphs after the last named speaker stays unresolved.
    text2 = text.replace("\n\n“We", "\n\nThe harbour is busy.\n\nShips wait.\n\n“We")
    quotes = extract(
        read(nlp(text2), Article(doc_id="t", text=text2)), MentionIndex((brandt,)), TimeIndex((), Published()), CUES
    )
    assert _direct(quotes)[1].speaker.name is None


def test_object_of_the_verb_above_an_infinitive_cue_speaks(nlp) -> None:
    text = "The landslide result led Governor Anna Kovacs to declare that the recount was over."
    (q,) = _run(nlp, text)
    assert _speaker(q) == "Governor Anna Kovacs"
    # Not a thing used to say something: no speaker there.
    text = "The senator used a short speech to say that the recount was over."
    assert all(_speaker(q) != "a short speech" for q in _run(nlp, text))


def test_speaker_phrase_stops_at_a_paragraph_break(nlp) -> None:
    text = "4:05 p.m.\n\nSenator Mara Quist says the recount should be finished by the end of the week."
    quotes = _run(nlp, text)
    assert quotes and all("\n" not in (_speaker(q) or "") and "p.m." not in (_speaker(q) or "") for q in quotes)


def test_name_right_after_the_quote_and_after_the_cue(nlp) -> None:
    text = (
        "“The plan is not that the port is finished,” Piet Laar, a senior harbour adviser, said at a meeting in Delft."
    )
    (q,) = _direct(_run(nlp, text))
    assert _speaker(q) == "Piet Laar"
    text = "“The ferry timetable changes every single winter,” said Nora Fell, head of the regional transport office."
    (q,) = _direct(_run(nlp, text))
    assert _speaker(q) == "Nora Fell"


def test_quote_signed_on_the_next_line(nlp) -> None:
    text = (
        "The claims were checked one by one.\n\n"
        "“I wrote the first version of the rail bill myself, every page of it.”\n\n"
        "- Greta Lund.\n\n"
        "The record shows she wrote one amendment."
    )
    (q,) = _direct(_run(nlp, text))
    assert _speaker(q) == "Greta Lund"


def test_dateline_is_no_speaker(nlp) -> None:
    text = "OSLO (Reuters) - Ingrid Sand said the ferry tax would be dropped, calling it “a mistake from the start.”"
    quotes = _run(nlp, text)
    assert quotes and all(_speaker(q) != "OSLO" for q in quotes)


def test_a_text_that_reads(nlp) -> None:
    text = "The council published a short statement. “We will not raise the ferry fares this year,” the statement read."
    (q,) = _direct(_run(nlp, text))
    assert _speaker(q) == "the statement"
    assert q.cue == "read"
    # A person reading is not a cue: a scare-quoted title stays out.
    text = "She read “The Harbour Book” on the train."
    assert _direct(_run(nlp, text)) == []
