"""Scraped text: debris by form, headline, captions, publisher. All texts here are our own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from detente.ingest.lexicon import Lexicon
from detente.ingest.text import Role, clean

GOLDEN = Path(__file__).parent / "golden"
BODY_1 = "Norway and Canada agreed on Thursday to expand joint research in the Arctic, the ministers said."
BODY_2 = "The two governments signed a memorandum on data sharing and will meet again in the autumn."
BODY_3 = "Neither side said how much the programme would cost or who would pay for the ships."


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def _article(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_golden_scraped_article(lex):
    raw = (GOLDEN / "scraped_arctic.txt").read_text(encoding="utf-8")
    expected = json.loads((GOLDEN / "scraped_arctic.expected.json").read_text(encoding="utf-8"))
    cleaned = clean(raw, lex)
    assert cleaned.title == expected["title"]
    assert cleaned.source == expected["source"]
    assert cleaned.published is not None and cleaned.published.isoformat() == expected["published"]
    assert list(cleaned.captions) == expected["captions"]
    assert cleaned.text == expected["text"]


@pytest.mark.parametrize(
    "debris",
    [
        "Skip to main content",
        "Accessibility links",
        "Breaking News",
        "Top Stories",
        "Home | World | Europe",
        "Share on Facebook",
        "in Telegram",
        "Follow us on Twitter",
        "Read more: Ministers to meet again in Reykjavik next spring",
        "Advertisement",
        "By Jane Roe",
        "4 min read",
        "Updated 12:45 GMT",
        "Copyright 2020 Northern Herald. All rights reserved.",
        "Sign up for our morning newsletter.",
    ],
)
def test_debris_never_becomes_body_text_or_title(lex, debris):
    raw = _article(debris, "Arctic partners widen research programme", BODY_1, debris, BODY_2, BODY_3, debris)
    cleaned = clean(raw, lex)
    assert cleaned.title == "Arctic partners widen research programme"
    assert debris not in cleaned.text
    assert cleaned.text == "\n\n".join([BODY_1, BODY_2, BODY_3])


def test_short_unpunctuated_lines_are_debris_by_form_without_vocabulary(lex):
    # Neither line is in any vocabulary: they go because they have no sentence structure.
    raw = _article("Arctic partners widen research programme", BODY_1, "Quiet optimism", BODY_2, "Zephyr Lines")
    cleaned = clean(raw, lex)
    assert cleaned.text == BODY_1 + "\n\n" + BODY_2
    assert "Quiet optimism" not in cleaned.captions


def test_paragraph_breaks_are_kept(lex):
    raw = _article("Arctic partners widen research programme", BODY_1, BODY_2, BODY_3)
    cleaned = clean(raw, lex)
    assert cleaned.text.split("\n\n") == [BODY_1, BODY_2, BODY_3]


def test_a_headline_repeated_twice_is_one_title(lex):
    head = "Arctic partners widen research programme"
    cleaned = clean(_article(head, head, BODY_1, BODY_2), lex)
    assert cleaned.title == head
    assert head not in cleaned.text
    assert cleaned.roles.count(Role.HEADLINE) == 1


def test_no_headline_when_the_article_opens_with_a_paragraph(lex):
    cleaned = clean(_article(BODY_1, BODY_2), lex)
    assert cleaned.title is None
    assert cleaned.text.startswith(BODY_1)


def test_a_leading_date_paragraph_is_body_text(lex):
    first = " date 2019-05-02 " + BODY_1
    cleaned = clean(_article(first, BODY_2), lex)
    assert cleaned.title is None
    assert cleaned.text.startswith("date 2019-05-02 Norway and Canada")
    assert cleaned.published is None  # the dates stage reads it from the text


def test_a_date_line_in_the_header_is_the_given_date_and_not_text(lex):
    cleaned = clean(_article("Arctic partners widen research programme", "Posted: May 2, 2019 10:15 AM", BODY_1), lex)
    assert cleaned.published is not None and cleaned.published.isoformat() == "2019-05-02"
    assert "2019" not in cleaned.text
    updated = clean(_article("Arctic partners widen research programme", "Updated 3 May 2019", BODY_1), lex)
    assert updated.published is None and "2019" not in updated.text


@pytest.mark.parametrize(
    "caption",
    [
        "The foreign ministers shake hands in Oslo, May 2, 2019. NORDPRESS/Kari Lund",
        "Ministers meet in the old city hall (AP Photo/John Smith)",
        "The research ship leaves the harbour at dawn. Photo: Jane Roe",
        "A delegate reads the memorandum in the conference hall (Photo by Ann Lee/Getty Images)",
        "Icebreaker in the Barents Sea. Image credit: Coast Guard",
    ],
)
def test_captions_by_credit_pattern_leave_the_body(lex, caption):
    raw = _article("Arctic partners widen research programme", BODY_1, caption, BODY_2)
    cleaned = clean(raw, lex)
    assert cleaned.captions == (caption,)
    assert caption not in cleaned.text
    assert cleaned.text == BODY_1 + "\n\n" + BODY_2


def test_descriptive_line_under_the_headline_is_a_caption(lex):
    caption = "Flags of Norway and Canada on a conference table, 1949-2019"
    cleaned = clean(_article("Arctic partners widen research programme", caption, BODY_1, BODY_2), lex)
    assert cleaned.captions == (caption,)
    assert cleaned.text == BODY_1 + "\n\n" + BODY_2


def test_a_bare_credit_is_debris_not_a_caption(lex):
    cleaned = clean(_article("Arctic partners widen research programme", BODY_1, "NORDPRESS/Kari Lund", BODY_2), lex)
    assert cleaned.captions == ()
    assert "Kari Lund" not in cleaned.text


def test_quoted_speech_with_a_slash_is_not_a_caption(lex):
    quote = "\u201cWe will look at the north/south corridor again next year,\u201d the minister said."
    cleaned = clean(_article("Arctic partners widen research programme", BODY_1, quote), lex)
    assert quote in cleaned.text and cleaned.captions == ()


# --- the publisher ---------------------------------------------------------------------------


def test_source_from_the_articles_own_dateline(lex):
    cleaned = clean(_article("Arctic partners widen research programme", "OSLO (AP) - " + BODY_1, BODY_2), lex)
    assert cleaned.source == "AP"
    dated = clean(_article("OTTAWA. May 2 (Interfax) \u2013 " + BODY_1, BODY_2), lex)
    assert dated.source == "Interfax"


def test_source_from_a_known_outlet_prefix_of_the_headline(lex):
    cleaned = clean(_article("Xinhua: Arctic partners widen research programme", BODY_1, BODY_2), lex)
    assert cleaned.source == "Xinhua"
    assert cleaned.title == "Xinhua: Arctic partners widen research programme"


def test_a_speaker_prefix_of_the_headline_is_not_a_source(lex):
    cleaned = clean(_article("Lavrov: Arctic talks were useful and frank", BODY_1, BODY_2), lex)
    assert cleaned.source is None


def test_source_from_a_correspondent_byline_sentence(lex):
    lead = BODY_1 + " Voice of America Oslo correspondent Jane Roe reports."
    cleaned = clean(_article("Arctic partners widen research programme", lead, BODY_2), lex)
    assert cleaned.source == "VOA"  # the alias resolves to the outlet's canonical name


def test_source_from_a_sign_off_before_share_prompts(lex):
    cleaned = clean(
        _article("Arctic partners widen research programme", BODY_1, BODY_2, "Baltic Courier", "in Telegram"), lex
    )
    assert cleaned.source == "Baltic Courier"
    assert "Baltic Courier" not in cleaned.text


def test_a_known_outlet_sign_off_is_the_source(lex):
    cleaned = clean(_article("Arctic partners widen research programme", BODY_1, BODY_2, "Deutsche Welle"), lex)
    assert cleaned.source == "Deutsche Welle"


def test_an_unknown_trailing_name_without_share_prompts_is_not_a_source(lex):
    # Could be the author: precision first.
    cleaned = clean(_article("Arctic partners widen research programme", BODY_1, BODY_2, "Kari Lund"), lex)
    assert cleaned.source is None
    assert "Kari Lund" not in cleaned.text


@pytest.mark.parametrize(
    "citation",
    [
        "On Monday, Reuters reported that the ships would sail in June.",
        "According to AFP, the ships will sail in June.",
        "Interfax cites a ministry source as saying the ships will sail in June.",
        "\u201cThe ships will sail in June,\u201d Bloomberg quoted an official as saying.",
    ],
)
def test_agencies_cited_in_the_body_are_not_the_source(lex, citation):
    cleaned = clean(_article("Arctic partners widen research programme", BODY_1, citation, BODY_2), lex)
    assert cleaned.source is None
    assert citation in cleaned.text


def test_no_text_when_there_is_no_paragraph(lex):
    cleaned = clean("Home\n\nNews\n\nArctic partners widen research programme\n", lex)
    assert cleaned.text == ""


def test_crlf_input_is_read_like_lf(lex):
    raw = _article("Arctic partners widen research programme", BODY_1, BODY_2).replace("\n", "\r\n")
    cleaned = clean(raw, lex)
    assert cleaned.text == BODY_1 + "\n\n" + BODY_2
    assert not re.search(r"\r", cleaned.text)


def test_a_dateline_on_its_own_line_opens_the_first_paragraph(lex):
    cleaned = clean(
        _article("Arctic partners widen research programme", "OSLO, May 2 (Nordic Wire) -", BODY_1, BODY_2), lex
    )
    assert cleaned.text.startswith("OSLO, May 2 (Nordic Wire) - " + BODY_1)
    assert cleaned.source == "Nordic Wire"


@pytest.mark.parametrize(
    "sentence",
    [
        "He showed reporters a photo: the two leaders shaking hands in Oslo in 1990.",
        "The delegation then flew on to Kyiv/Kiev.",
    ],
)
def test_prose_that_mentions_photos_or_slashes_stays_body(lex, sentence):
    cleaned = clean(_article("Arctic partners widen research programme", BODY_1, sentence, BODY_2), lex)
    assert sentence in cleaned.text and cleaned.captions == ()
