"""Actors the knowledge base does not know: people and bodies whose country the words around them
give (issue #13, item 3). Every sentence and name here is written for these tests; the people are
invented, the offices and places are real (model-backed, except the hand-built parse)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from detente.actors import KnowledgeBase, resolve
from detente.config import KnowledgeConfig
from detente.knowledge import Knowledge
from detente.reading import read
from detente.records import Article, DateWindow, Mention, Published
from docs import parse


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(Knowledge.load(KnowledgeConfig()))


def _resolve(doc: Doc, kb: KnowledgeBase, day: date = date(2014, 6, 1)) -> list[Mention]:
    text = doc.text
    published = Published(window=DateWindow.day(day), method="given")
    mentions = list(resolve(read(doc, Article(doc_id="t", text=text)), published, kb))
    for m in mentions:
        assert text[m.span[0] : m.span[1]] == m.actor.text
    return mentions


def _at(mentions: list[Mention], text: str, nth: int = 0) -> Mention:
    found = [m for m in mentions if m.actor.text == text]
    assert len(found) > nth, f"no mention {text!r} (#{nth}) in {[m.actor.text for m in mentions]}"
    return found[nth]


# ---- a person's country from the words around the name ---------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        # One country's own office names that country.
        (
            "Chancellor of the Exchequer Tom Reed criticised France.",
            "Chancellor of the Exchequer Tom Reed",
            "GBR",
            "GOV",
        ),
        ("Treasury Secretary Dana Wolfe criticised China on Monday.", "Treasury Secretary Dana Wolfe", "USA", "GOV"),
        ("The Taoiseach, Sean Doyle, praised Britain.", "The Taoiseach, Sean Doyle", "IRL", "GOV"),
        ("The pope criticised Argentina.", "The pope", "VAT", "REL"),
        # A legislator's party-and-state notation after the name.
        ("Sen. Maria Olsen (D-Ohio) criticised Mexico on Monday.", "Sen. Maria Olsen", "USA", "LEG"),
        ("Rep. Carl Dunn, R-Idaho, praised Canada on Monday.", "Rep. Carl Dunn", "USA", "LEG"),
        # A state before a title.
        ("Ohio Sen. Maria Olsen criticised Mexico on Monday.", "Ohio Sen. Maria Olsen", "USA", "LEG"),
        # The person whose spokesman the speaker is.
        (
            "Austrian Chancellor Greta Lind's spokesman, Tomas Berg, praised France.",
            "spokesman, Tomas Berg",
            "AUT",
            "GOV",
        ),
    ],
)
def test_an_unknown_person_takes_the_country_the_text_gives(nlp, kb, text, mention, country, sector) -> None:
    m = _at(_resolve(nlp(text), kb), mention)
    assert (m.kind, m.actor.country, m.actor.sector) == ("person", country, sector)


def test_the_state_in_the_notation_is_no_actor_of_its_own(nlp, kb) -> None:
    # (A limit of the notation rule: its state is read as part of it.)
    ms = _resolve(nlp("Sen. Maria Olsen (D-Ohio) criticised Mexico on Monday."), kb)
    assert not [m for m in ms if m.actor.text == "Ohio"]


def test_the_owner_of_a_role_phrase_gives_its_country(nlp, kb) -> None:
    ms = _resolve(nlp("Austrian Chancellor Greta Lind spoke. Lind's spokesman criticised Hungary."), kb)
    spokesman = [m for m in ms if "spokesman" in m.actor.text]
    assert spokesman and (spokesman[0].actor.country, spokesman[0].actor.sector) == ("AUT", "GOV")


def test_one_full_name_is_one_country_across_the_article(nlp, kb) -> None:
    # The first mention says nothing of the country; a later one with the title does.
    text = "Kurt Wenger accused Italy of lying. Later, Swiss Foreign Minister Kurt Wenger met Italian officials."
    m = _at(_resolve(nlp(text), kb), "Kurt Wenger")
    assert (m.actor.country, m.actor.sector) == ("CHE", "GOV")


def test_two_countries_for_one_name_give_none_to_the_bare_mention(nlp, kb) -> None:
    # (A limit of the rule above: a name the text gives two countries is left without one.)
    text = (
        "Kurt Wenger spoke first. Swiss Foreign Minister Kurt Wenger met Italian officials. "
        "Austrian Foreign Minister Kurt Wenger met them too."
    )
    assert _at(_resolve(nlp(text), kb), "Kurt Wenger").actor.country is None


def test_a_bare_surname_is_the_full_name_nearest_before_it(en_vocab, kb) -> None:
    """The parser labels the lone "Berg" as an organisation (the small model often does): it is
    still the person named in full before it, although the full name comes again after it."""
    text = "Chilean Senator Anna Berg spoke. Berg left. Anna Berg returned."
    doc = parse(
        en_vocab,
        text,
        """
        Chilean   Chilean   JJ   ADJ    amod      2  B-NORP    # 0
        Senator   senator   NNP  PROPN  compound  4            # 1
        Anna      Anna      NNP  PROPN  compound  4  B-PERSON  # 2
        Berg      Berg      NNP  PROPN  nsubj     5  I-PERSON  # 3
        spoke     speak     VBD  VERB   ROOT      5            # 4
        .         .         .    PUNCT  punct     5            # 5
        Berg      Berg      NNP  PROPN  nsubj     7  B-ORG     # 6
        left      leave     VBD  VERB   ROOT      7            # 7
        .         .         .    PUNCT  punct     7            # 8
        Anna      Anna      NNP  PROPN  compound 10  B-PERSON  # 9
        Berg      Berg      NNP  PROPN  nsubj    11  I-PERSON  # 10
        returned  return    VBD  VERB   ROOT     11            # 11
        .         .         .    PUNCT  punct    11            # 12
    """,
    )
    m = _at(_resolve(doc, kb), "Berg")
    assert (m.actor.name, m.actor.country) == ("Anna Berg", "CHL")


# ---- words that look like a country but are not the actor ----------------------------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Latin American leaders praised the accord.", "Latin American leaders"),
        ("North American leaders praised the accord.", "North American leaders"),
        ("Cuban Americans in Miami protested on Sunday.", "Cuban"),
    ],
)
def test_continents_and_diaspora_are_not_the_country(nlp, kb, text, form) -> None:
    ms = _resolve(nlp(text), kb)
    wrong = {"Latin American leaders": "USA", "North American leaders": "USA", "Cuban": "CUB"}[form]
    assert not [m for m in ms if m.actor.country == wrong and m.actor.text.startswith(form.split()[0])]


def test_a_spaced_dash_ends_the_words_before_a_name(nlp, kb) -> None:
    ms = _resolve(nlp("Officials said Russian spies - Olaf Berg among them - were seen."), kb)
    berg = [m for m in ms if m.actor.name == "Olaf Berg"]
    assert berg and berg[0].actor.country is None and berg[0].actor.text == "Olaf Berg"


def test_a_state_alone_is_no_actor(nlp, kb) -> None:
    # (A limit of the US states in regions.csv: they name the country only before a noun or a
    # title; an election won in a state is no act on the country.)
    ms = _resolve(nlp("Maria Olsen has won Ohio and Idaho."), kb)
    assert not [m for m in ms if m.actor.text in ("Ohio", "Idaho")]


def test_a_role_phrase_links_only_to_an_office_held_by_the_article_date(nlp, kb) -> None:
    # Before his first term: "the president" is not him.
    ms = _resolve(nlp("Donald Trump arrived in Ohio on Monday. The president said nothing."), kb, date(2016, 3, 1))
    assert not [m for m in ms if m.actor.text == "The president" and m.actor.name == "Donald Trump"]
    ms = _resolve(nlp("Donald Trump arrived in Ohio on Monday. The president said nothing."), kb, date(2018, 3, 1))
    assert _at(ms, "The president").actor.name == "Donald Trump"


# ---- a country's own party words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "sector"),
    [
        ("Democratic Sen. Tom Hale praised Canada.", "Democratic Sen. Tom Hale", "LEG"),
        (
            "Republican presidential candidate Mary Holt criticised Mexico.",
            "Republican presidential candidate Mary Holt",
            None,
        ),
        ("Republicans accused the president of lying.", "Republicans", "PTY"),
        ("Senate Democrats criticised Iran on Monday.", "Democrats", "PTY"),
        ("House Democrats criticised Iran on Monday.", "Democrats", "PTY"),
    ],
)
def test_a_party_word_names_its_country(nlp, kb, text, mention, sector) -> None:
    m = _at(_resolve(nlp(text), kb), mention)
    assert (m.actor.country, m.actor.sector) == ("USA", sector)


@pytest.mark.parametrize(
    "text",
    [
        "The Social Democrats accused the chancellor of lying.",
        "The Republican Guard attacked the villages.",
        "The Democratic Party of Japan criticised China.",
        "Taxes are a core Republican issue.",
        "France's Republicans criticised the government.",
    ],
)
def test_a_party_word_inside_another_name_or_alone_is_not_that_party(nlp, kb, text) -> None:
    # (Limits of the rule above.)
    assert not [m for m in _resolve(nlp(text), kb) if m.actor.country == "USA"]


def test_a_name_set_off_after_a_one_country_title_takes_its_country(nlp, kb) -> None:
    # The title starts at the noun the name hangs on and runs on past it.
    m = _at(
        _resolve(nlp("The secretary of the Treasury, Jane Roe, criticised China."), kb),
        "The secretary of the Treasury, Jane Roe",
    )  # title and name: one mention
    assert (m.actor.name, m.actor.country) == ("Jane Roe", "USA")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Foreign Minister Jane Roe of Peru criticised Chile.", "Jane Roe", "PER"),
        ("Sen. Anna Berg of Ohio criticised Chile.", "Anna Berg", "USA"),
    ],
)
def test_a_titled_name_followed_by_of_a_place_is_of_its_country(nlp, kb, text, name, country) -> None:
    found = [m for m in _resolve(nlp(text), kb) if m.actor.name == name]
    assert found and found[0].actor.country == country


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe of Ohio criticised Chile.",  # no title: where she lives, not whom she serves
        "Professor Jane Roe of Ohio State University criticised Chile.",  # the place names a body
    ],
)
def test_of_a_place_after_a_name_alone_or_before_a_body_gives_no_country(nlp, kb, text) -> None:
    found = [m for m in _resolve(nlp(text), kb) if m.actor.name == "Jane Roe"]
    assert found and found[0].actor.country is None
