"""More attribution shapes of the quotes stage, each on sentences written for these tests."""

from __future__ import annotations

from detente.actors.lookup import MentionIndex
from detente.dates import TimeIndex
from detente.knowledge import Knowledge
from detente.quotes import extract, load_cues
from detente.reading import read
from detente.records import Article, Published, Quote

# The reporting cues, as Resources loads them (shipped table only).
CUES = load_cues(Knowledge.load(keys=("quote_cues",)))


def _run(nlp, text: str) -> tuple[Quote, ...]:
    return extract(read(nlp(text), Article(doc_id="t", text=text)), MentionIndex(()), TimeIndex((), Published()), CUES)


def _speaker(q: Quote) -> str | None:
    return q.speaker.text if q.speaker else None


def test_clause_of_the_cue_stays_in_its_paragraph(nlp) -> None:
    # The parser joins the line to the quote above it; the cue reports its own clause.
    text = (
        '"That is what I want and that is what the town wants."\n'
        "Earlier, in his opening speech, Okafor said he was the right man for the job.\n"
        '"I really think I have the best plan," he said of the race.'
    )
    quotes = _run(nlp, text)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert [(q.text, _speaker(q)) for q in indirect] == [("he was the right man for the job", "Okafor")]


def test_went_on_is_a_cue_only_when_bare(nlp) -> None:
    (q,) = _run(nlp, "“And it is a worry to me because it would end the kind of care we know,” she went on.")
    assert _speaker(q) == "she"
    assert _run(nlp, "The talks went on for hours, and the “new spirit” was all over the place.") == ()


def test_by_saying_takes_the_subject_of_the_verb_above(nlp) -> None:
    (q,) = _run(nlp, "Okafor followed that by saying, “I am not a natural speaker, in case you have not noticed.”")
    assert _speaker(q) == "Okafor"


def test_inverted_remembered(nlp) -> None:
    (q,) = _run(nlp, "“Many experts said no, and she set out to prove them all wrong,” remembered Jo Moss, her aide.")
    assert _speaker(q) == "Jo Moss"


def test_bare_cue_sentence_signs_the_quote_after_it(nlp) -> None:
    text = "Jo Moss, the spokeswoman for the county party, said in a statement. “There are no paper ballots to count again.”"
    (q,) = _run(nlp, text)
    assert (q.kind, _speaker(q)) == ("direct", "Jo Moss")
    text = "Okafor spoke in a low voice during the meeting.\n\n“We have to do something about it and this is the only way to stop it now.”"
    (q,) = _run(nlp, text)
    assert _speaker(q) == "Okafor"


def test_reported_question(nlp) -> None:
    (q,) = _run(nlp, "A reporter asked Okafor how he was feeling on election day.")
    assert (q.kind, q.text, _speaker(q)) == ("indirect", "how he was feeling on election day", "A reporter")
    assert _run(nlp, "Okafor asked the crowd to stand for the anthem.") == ()


def test_quote_closing_a_that_clause_is_one_quote(nlp) -> None:
    # The full stop and the closing mark lie outside the parsed clause: still one quote, not two.
    text = "He warns that the front-runner Jo Okafor would “drive the party off the cliff.”\n\n___."
    (q,) = _run(nlp, text)
    assert q.kind == "mixed"
    assert q.text.startswith("the front-runner Jo Okafor would drive the party")


def test_clause_parsed_as_a_gerund_complement(nlp) -> None:
    (q,) = _run(nlp, "He said building it could put thousands of people to work in the towns.")
    assert q.text.startswith("building it could put thousands of people to work")
    assert _run(nlp, "She told them to leave the building at once.") == ()


def test_participle_after_the_main_clause(nlp) -> None:
    text = (
        "Okafor seemed to be ready to joke about the incident in Ohio, telling the crowd, "
        "“Some people get a little carried away, have you noticed that?”"
    )
    (q,) = _run(nlp, text)
    assert (_speaker(q), q.cue) == ("Okafor", "telling")


def test_name_label_tagged_as_a_noun_still_speaks(nlp) -> None:
    text = "Intro line.\n\nFisher: Speculation is bad for the town and its people.\n\nMoss: Well, no one is like that at all."
    quotes = _run(nlp, text)
    assert [(_speaker(q), q.cue) for q in quotes] == [("Fisher", ":"), ("Moss", ":")]


def test_news_labels_before_a_colon_are_not_speakers(nlp) -> None:
    for text in (
        "The Latest: The mayor of the town has resigned from the post.",
        "Update: The mayor has resigned from the post.",
    ):
        assert all(_speaker(q) not in ("The Latest", "Update") for q in _run(nlp, text))


def test_second_quoted_piece_of_a_paraphrase_is_absorbed(nlp) -> None:
    text = "Okafor, in Ohio, said Tuesday that Moss was “a total lightweight” while Smith is “a basket case.”"
    (q,) = _run(nlp, text)
    assert (q.kind, _speaker(q)) == ("mixed", "Okafor")
    assert q.text == "Moss was a total lightweight while Smith is a basket case"


def test_second_cue_joined_to_a_clause_is_its_own_quote(nlp) -> None:
    quotes = _run(nlp, "He says the obvious answer was to break up the banks and says he wrote a bill to do that.")
    assert [q.text for q in quotes] == ["the obvious answer was to break up the banks", "he wrote a bill to do that"]
    (q,) = _run(nlp, "Okafor said the plan is sound and the town will benefit from it.")
    assert q.text == "the plan is sound and the town will benefit from it"


def test_citing_a_reason_is_said_by_the_subject(nlp) -> None:
    quotes = _run(nlp, "Okafor last year proposed a ban on new towers in the city, citing fears of fire.")
    assert ("fears of fire", "Okafor") in [(q.text, _speaker(q)) for q in quotes]
    # "cites X as saying": X speaks, and "X as saying" is no quote of its own.
    (q,) = _run(nlp, "“Our patience has limits and the talks are over,” the agency cites Orlov as saying.")
    assert (q.kind, _speaker(q)) == ("direct", "Orlov")


def test_quote_after_a_sentence_about_a_named_person(nlp) -> None:
    text = "Jo Okafor is upbeat about the mayor’s chances of winning in May.\n\n“Not only can the mayor win in May, he is the one with the best chance.”"
    (q,) = _run(nlp, text)
    assert (_speaker(q), q.cue) == ("Jo Okafor", None)
    # Nobody named: no speaker guessed.
    text = "The mayor is upbeat about the race.\n\n“Not only can the mayor win in May, he is the one with the best chance.”"
    (q,) = _run(nlp, text)
    assert q.speaker is None


def test_a_quotation_mark_glued_to_the_cue_still_opens_the_quote(nlp) -> None:
    # scraped text often drops the space after "said," before the opening mark
    (q,) = _run(nlp, "Petrov said,“we will not yield an inch to anyone at these talks.”")
    assert (q.text, q.cue, _speaker(q)) == ("we will not yield an inch to anyone at these talks.", "said", "Petrov")
    (q,) = _run(nlp, 'Petrov said:"we will not yield an inch to anyone at these talks."')
    assert _speaker(q) == "Petrov"


def test_likely_to_say_takes_the_copula_subject(nlp) -> None:
    (q,) = _run(nlp, "Farmers are more likely to say that the new tariff will hurt their harvest.")
    assert (q.kind, q.text, _speaker(q)) == ("indirect", "the new tariff will hurt their harvest", "Farmers")
    # an expletive subject names nobody
    assert all(q.speaker is None for q in _run(nlp, "It is hard to say that the plan has failed."))


def test_cited_as_a_reason_is_no_quoting_of_the_object(nlp) -> None:
    # "cited X as saying" quotes X; "cited X as a reason" is the subject's own statement
    quotes = _run(nlp, "The ministry cited the drought as the main cause of the price rise.")
    assert quotes and all(_speaker(q) == "The ministry" for q in quotes)
    (q,) = _run(nlp, "The agency quoted Berg as saying the deal was done.")
    assert _speaker(q) == "Berg"


def test_a_statement_saying_speaks_for_its_issuer(nlp) -> None:
    (q,) = _run(nlp, "The ministry released a statement saying, “The border will remain closed until further notice.”")
    assert (q.cue, _speaker(q)) == ("saying", "The ministry")
    (q,) = _run(nlp, "The union issued a statement saying that the strike would go ahead on Monday.")
    assert (q.kind, _speaker(q)) == ("indirect", "The union")


def test_according_to_a_report_names_its_author(nlp) -> None:
    (q,) = _run(nlp, "Wheat exports fell by a third last season, according to a new study from the Grain Council.")
    assert (q.cue, _speaker(q)) == ("according to", "the Grain Council")
    (q,) = _run(nlp, "The plan stalled, according to a filing lodged by the city's lawyers.")
    assert _speaker(q) == "the city's lawyers"
    # a report with no author named stays the source
    (q,) = _run(nlp, "The plan failed in the end, according to a report.")
    assert _speaker(q) == "a report"


def test_a_that_clause_hung_on_a_noun_after_the_cue_is_the_report(nlp) -> None:
    (q,) = _run(nlp, "Brandt said at a briefing for donors that the fund would close by the end of the year.")
    assert (q.kind, q.text, _speaker(q)) == ("indirect", "the fund would close by the end of the year", "Brandt")
    # a relative "that" is no report: the conference is not what was said
    assert _run(nlp, "Okafor spoke at the conference that was held in the capital on Friday.") == ()


def test_a_report_run_back_into_the_dateline_starts_after_it(nlp) -> None:
    text = "WASHINGTON, Aug 7 (Agency) - The president has called off a planned summit in Moscow, the White House said on Wednesday."
    (q,) = _run(nlp, text)
    assert (q.text, _speaker(q)) == ("The president has called off a planned summit in Moscow", "the White House")
    (q,) = _run(
        nlp, "BERLIN, Feb 22 (Agency) - German Chancellor Karl Brandt said he had halted the approval of the pipeline."
    )
    assert _speaker(q) == "German Chancellor Karl Brandt"


def test_a_participle_after_the_cue_is_no_report(nlp) -> None:
    # "aired ..." modifies the interview; it is not what was said
    quotes = _run(
        nlp,
        "Lind said in a radio interview aired earlier in the day that trust between the two countries had collapsed.",
    )
    assert all(not q.text.startswith("aired") for q in quotes)


def test_a_one_word_term_is_not_the_first_piece_of_a_split_quote(nlp) -> None:
    text = (
        'The word printed on the box meant "overload" rather than "reset", Lind pointed out with a smile. '
        '"We will not let you do that to us," Brandt joked.'
    )
    quotes = [q for q in _run(nlp, text) if q.kind == "direct"]
    assert [(q.text, _speaker(q)) for q in quotes] == [("We will not let you do that to us", "Brandt")]


def test_a_relative_object_is_not_what_was_described(nlp) -> None:
    quotes = _run(nlp, "The ministry expelled the envoys, whom officials described as spies, on Friday.")
    assert all(not q.text.startswith("whom") for q in quotes)


def test_a_one_word_reply_still_opens_a_split_quote(nlp) -> None:
    (q,) = [q for q in _run(nlp, '"No," Brandt said, "we will not let you do that to us."') if q.kind == "direct"]
    assert (len(q.parts), _speaker(q)) == (2, "Brandt")


def test_called_x_y_reports_the_object_and_what_it_was_called(nlp) -> None:
    (q,) = _run(nlp, "The senator called the plan a dangerous gamble with public money.")
    assert (q.kind, q.text, _speaker(q)) == ("indirect", "the plan a dangerous gamble with public money", "The senator")


def test_called_on_x_to_act(nlp) -> None:
    (q,) = _run(nlp, "The union called on the government to reopen the talks at once.")
    assert (q.text, _speaker(q)) == ("the government to reopen the talks at once", "The union")


def test_the_one_asked_is_no_speaker(nlp) -> None:
    # the passive of a verb of addressing: the asker is the agent, or nobody named
    assert _run(nlp, "The minister was asked whether the talks had failed.") == ()
    (q,) = _run(nlp, "The minister was asked by reporters whether the talks had failed.")
    assert (q.text, _speaker(q)) == ("whether the talks had failed", "reporters")


def test_asked_if_reports_the_question(nlp) -> None:
    (q,) = _run(nlp, "The mayor asked the crowd if they would vote in the spring.")
    assert (q.kind, q.text, _speaker(q)) == ("indirect", "if they would vote in the spring", "The mayor")
    # after a verb of saying an if-clause is a condition, not what was said
    assert all(
        not q.text.startswith("if")
        for q in _run(nlp, "The senator said the bill would pass if the vote were held today.")
    )
