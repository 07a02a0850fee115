"""Pronouns, role phrases, bare titles, regions and peoples (model-backed: uses the shared `nlp`;
the pronoun rules that read only the parse run on Docs built by hand, ``tests/docs.py``).

All texts are written for these tests; the people in the small knowledge bases are invented.
"""

from __future__ import annotations

from datetime import date

import pytest
from kb_rows import RULES, RUSSIA
from spacy.tokens import Doc

from detente.actors import KnowledgeBase, resolve
from detente.actors.knowledge import build
from detente.config import KnowledgeConfig
from detente.knowledge import Knowledge
from detente.nlp.marks import quoted_ranges
from detente.reading import read
from detente.records import Article, DateWindow, Mention, Published
from docs import parse

COUNTRIES = [
    RUSSIA,
    {
        "alpha3": "USA",
        "alpha2": "US",
        "name": "United States",
        "aliases": "U.S.",
        "adjectives": "American",
        "demonyms": "",
        "capital": "Washington",
    },
    {
        "alpha3": "ZMB",
        "alpha2": "ZM",
        "name": "Zambia",
        "aliases": "",
        "adjectives": "Zambian",
        "demonyms": "",
        "capital": "Lusaka",
    },
]
SEATS = [
    {
        "seat": "U.state",
        "country": "USA",
        "role": "Secretary of State",
        "sector": "GOV",
        "category": "foreign_minister",
        "titles": "secretary of state|acting secretary of state",
    },
    {
        "seat": "Z.president",
        "country": "ZMB",
        "role": "President of Zambia",
        "sector": "GOV",
        "category": "head_of_state",
        "titles": "president",
    },
    {
        "seat": "Z.finance",
        "country": "ZMB",
        "role": "Finance Minister of Zambia",
        "sector": "GOV",
        "category": "finance_minister",
        "titles": "finance minister",
    },
]
HOLDERS = [
    {
        "seat": "U.state",
        "person_id": "walter-grant",
        "name": "Walter Grant",
        "aliases": "",
        "start": "1981-01-20",
        "end": "1985-01-20",
    },
    # A one-day acting stint: not enough to be "the former secretary of state".
    {
        "seat": "U.state",
        "person_id": "paul-hensley",
        "name": "Paul Hensley",
        "aliases": "",
        "start": "1993-01-20",
        "end": "1993-01-21",
    },
    {
        "seat": "Z.president",
        "person_id": "amos-mbeki",
        "name": "Amos Mbeki",
        "aliases": "",
        "start": "1991-11-02",
        "end": "2002-01-02",
    },
    {
        "seat": "Z.president",
        "person_id": "levy-chanda",
        "name": "Levy Chanda",
        "aliases": "",
        "start": "2002-01-02",
        "end": "2008-08-19",
    },
    {
        "seat": "Z.finance",
        "person_id": "ruth-mbeki",
        "name": "Ruth Mbeki",
        "aliases": "",
        "start": "2003-01-01",
        "end": "2006-01-01",
    },
]
FIRST_NAMES = [
    {"name": "Walter", "gender": "m"},
    {"name": "Paul", "gender": "m"},
    {"name": "Anna", "gender": "f"},
    {"name": "Pavel", "gender": "m"},
    {"name": "Oleg", "gender": "m"},
]
REGIONS = [
    {
        "name": "Northland",
        "country": "ZMB",
        "kind": "region",
        "aliases": "North Northland",
        "adjectives": "",
        "demonyms": "",
        "needs_noun": "",
    },
    {
        "name": "Tumbo",
        "country": "ZMB",
        "kind": "people",
        "aliases": "",
        "adjectives": "",
        "demonyms": "Tumbos",
        "needs_noun": "",
    },
    {
        "name": "Clara",
        "country": "ZMB",
        "kind": "people",
        "aliases": "",
        "adjectives": "",
        "demonyms": "",
        "needs_noun": "yes",
    },
]


@pytest.fixture(scope="module")
def small_kb() -> KnowledgeBase:
    titles = [
        {"phrase": "minister", "sector": "GOV", "kind": "person", "same_as": ""},
        {"phrase": "rebels", "sector": "REB", "kind": "group", "same_as": ""},
        {"phrase": "leaders", "sector": "", "kind": "group", "same_as": ""},
        {"phrase": "director", "sector": "", "kind": "person", "same_as": ""},
        {"phrase": "analyst", "sector": "EDU", "kind": "person", "same_as": ""},
        {"phrase": "opposition leader", "sector": "OPP", "kind": "person", "same_as": ""},
    ]
    return build(COUNTRIES, [], [], titles, SEATS, HOLDERS, RULES, REGIONS, FIRST_NAMES)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(Knowledge.load(KnowledgeConfig()))


def _resolve(doc: Doc, kb, day: date | None = date(2005, 6, 1)) -> list[Mention]:
    text = doc.text
    published = Published(window=DateWindow.day(day), method="given") if day else Published()
    mentions = list(resolve(read(doc, Article(doc_id="t", text=text)), published, kb))
    for m in mentions:
        assert text[m.span[0] : m.span[1]] == m.actor.text
    return mentions


def _run(nlp, kb, text: str, day: date | None = date(2005, 6, 1)) -> list[Mention]:
    return _resolve(nlp(text), kb, day)


def _at(mentions: list[Mention], text: str, nth: int = 0) -> Mention:
    found = [m for m in mentions if m.actor.text == text]
    assert len(found) > nth, f"no mention {text!r} (#{nth}) in {[m.actor.text for m in mentions]}"
    return found[nth]


# ---- pronouns ------------------------------------------------------------------------------


def test_pronoun_takes_the_previous_subject_not_a_later_name(nlp, small_kb) -> None:
    text = (
        "Former U.S. Secretary of State Walter Grant spoke in Vienna on Friday. "
        "He said that, before going to Lusaka, he had talked with Oleg Petrenko, who told him the vote was close."
    )
    ms = _run(nlp, small_kb, text)
    assert _at(ms, "He").actor.name == "Walter Grant"
    assert _at(ms, "he").actor.name == "Walter Grant"
    assert _at(ms, "him").actor.name == "Walter Grant"


def test_object_pronoun_is_not_its_own_verbs_subject(en_vocab, small_kb) -> None:
    """ "him" is the object (dobj) of "briefed", whose subject is the nearer person: a pronoun is
    never its own verb's subject, so it takes the subject of the sentence before."""
    text = "Walter Grant flew to Lusaka. Oleg Petrenko briefed him on the vote."
    doc = parse(
        en_vocab,
        text,
        """
        Walter    Walter    NNP  PROPN  compound   1  B-PERSON  # 0
        Grant     Grant     NNP  PROPN  nsubj      2  I-PERSON  # 1
        flew      fly       VBD  VERB   ROOT       2            # 2
        to        to        IN   ADP    prep       2            # 3
        Lusaka    Lusaka    NNP  PROPN  pobj       3  B-GPE     # 4
        .         .         .    PUNCT  punct      2            # 5
        Oleg      Oleg      NNP  PROPN  compound   7  B-PERSON  # 6
        Petrenko  Petrenko  NNP  PROPN  nsubj      8  I-PERSON  # 7
        briefed   brief     VBD  VERB   ROOT       8            # 8
        him       he        PRP  PRON   dobj       8            # 9
        on        on        IN   ADP    prep       8            # 10
        the       the       DT   DET    det       12            # 11
        vote      vote      NN   NOUN   pobj      10            # 12
        .         .         .    PUNCT  punct      8            # 13
    """,
    )
    assert _at(_resolve(doc, small_kb), "him").actor.name == "Walter Grant"


def test_attribution_after_a_quote_goes_to_the_speaker_before_it(nlp, small_kb) -> None:
    text = (
        "The director of the Institute for Northern Studies, Pavel Orlov, said that the deal would fail.\n"
        '"Nobody in Lusaka believes in it. Oleg Petrenko knows that too," he added.'
    )
    ms = _run(nlp, small_kb, text)
    orlov = _at(ms, "The director of the Institute for Northern Studies, Pavel Orlov")  # title and name: one mention
    assert (orlov.actor.name, orlov.actor.sector) == (
        "Pavel Orlov",
        "EDU",
    )  # an institute's director: a think-tank analyst
    assert _at(ms, "he").actor.name == "Pavel Orlov"


def test_typewriter_quotes_close_a_quote(nlp, small_kb) -> None:
    text = "Pavel Orlov, a political analyst, spoke on Monday.\n\"The deal is dead,'' he added."
    assert _at(_run(nlp, small_kb, text), "he").actor.name == "Pavel Orlov"


def test_sector_title_links_to_the_one_person_of_that_sector(nlp, small_kb) -> None:
    ms = _run(
        nlp,
        small_kb,
        "Pavel Orlov, a political analyst, said the plan would fail. According to the analyst, the talks are frozen.",
    )
    assert _at(ms, "the analyst").actor.name == "Pavel Orlov"


def test_gender_mismatch_is_rejected(en_vocab, small_kb) -> None:
    """Two people, subject and object of one sentence; "She" in the next sentence agrees only with
    the female first name. With only a woman named before, "He" is left unresolved."""
    doc = parse(
        en_vocab,
        "Anna Kovacs met Walter Grant in Lusaka. She said the talks went well.",
        """
        Anna    Anna    NNP  PROPN  compound   1  B-PERSON  # 0
        Kovacs  Kovacs  NNP  PROPN  nsubj      2  I-PERSON  # 1
        met     meet    VBD  VERB   ROOT       2            # 2
        Walter  Walter  NNP  PROPN  compound   4  B-PERSON  # 3
        Grant   Grant   NNP  PROPN  dobj       2  I-PERSON  # 4
        in      in      IN   ADP    prep       2            # 5
        Lusaka  Lusaka  NNP  PROPN  pobj       5  B-GPE     # 6
        .       .       .    PUNCT  punct      2            # 7
        She     she     PRP  PRON   nsubj      9            # 8
        said    say     VBD  VERB   ROOT       9            # 9
        the     the     DT   DET    det       11            # 10
        talks   talk    NNS  NOUN   nsubj     12            # 11
        went    go      VBD  VERB   ccomp      9            # 12
        well    well    RB   ADV    advmod    12            # 13
        .       .       .    PUNCT  punct      9            # 14
    """,
    )
    assert _at(_resolve(doc, small_kb), "She").actor.name == "Anna Kovacs"
    doc = parse(
        en_vocab,
        "Anna Kovacs welcomed the plan on Monday. He did not comment.",
        """
        Anna      Anna     NNP  PROPN  compound   1  B-PERSON  # 0
        Kovacs    Kovacs   NNP  PROPN  nsubj      2  I-PERSON  # 1
        welcomed  welcome  VBD  VERB   ROOT       2            # 2
        the       the      DT   DET    det        4            # 3
        plan      plan     NN   NOUN   dobj       2            # 4
        on        on       IN   ADP    prep       2            # 5
        Monday    Monday   NNP  PROPN  pobj       5  B-DATE    # 6
        .         .        .    PUNCT  punct      2            # 7
        He        he       PRP  PRON   nsubj     11            # 8
        did       do       VBD  AUX    aux       11            # 9
        not       not      RB   PART   neg       11            # 10
        comment   comment  VB   VERB   ROOT      11            # 11
        .         .        .    PUNCT  punct     11            # 12
    """,
    )
    assert not [m for m in _resolve(doc, small_kb) if m.actor.text == "He"]


def test_quoted_ranges_pair_marks_within_a_paragraph() -> None:
    text = 'He said "yes" and \u201cno\u201d.\n"Open to the end'
    assert [text[s:e] for s, e in quoted_ranges(text)] == ['"yes"', "\u201cno\u201d", '"Open to the end']


# ---- role phrases ----------------------------------------------------------------------------


def test_role_phrase_prefers_the_title_the_document_gave(nlp, small_kb) -> None:
    text = (
        "Former U.S. Secretary of State Walter Grant arrived in Lusaka on Monday. Grant met Paul Hensley there. "
        "The former U.S. secretary of state later said progress was possible."
    )
    m = _at(_run(nlp, small_kb, text, date(2005, 6, 1)), "The former U.S. secretary of state")
    assert (m.actor.name, m.actor.sector) == ("Walter Grant", "ELI")


def test_role_phrase_without_country_needs_one_candidate(nlp, small_kb) -> None:
    text = (
        "Zambian Finance Minister Ruth Mbeki and Russian Finance Minister Oleg Petrenko met. The minister said little."
    )
    assert not [m for m in _run(nlp, small_kb, text) if m.actor.text == "The minister"]
    m = _at(
        _run(nlp, small_kb, "Zambian Finance Minister Ruth Mbeki met bankers. The minister said little."),
        "The minister",
    )
    assert m.actor.name == "Ruth Mbeki"


def test_bare_role_without_country_or_referent_is_not_emitted(nlp, small_kb) -> None:
    ms = _run(nlp, small_kb, "The minister said the rebels would be defeated.")
    assert not [m for m in ms if m.actor.country]


# ---- bare title + surname --------------------------------------------------------------------


def test_bare_title_and_surname_resolve_at_the_date(nlp, small_kb) -> None:
    text = "President Mbeki opened the bridge."
    m = _at(_run(nlp, small_kb, text, date(1995, 3, 1)), "President Mbeki")
    assert (m.actor.actor_id, m.actor.country) == ("amos-mbeki", "ZMB")
    # In 2005 Amos Mbeki no longer held the office (and Ruth Mbeki was never president).
    m = _at(_run(nlp, small_kb, text, date(2005, 3, 1)), "President Mbeki")
    assert m.actor.actor_id is None


def test_title_must_match_one_of_the_surname_holders_seats(nlp, small_kb) -> None:
    m = _at(
        _run(nlp, small_kb, "Finance Minister Mbeki presented the budget.", date(2004, 3, 1)), "Finance Minister Mbeki"
    )
    assert m.actor.actor_id == "ruth-mbeki"


def test_misspelt_surname_with_the_same_first_name(nlp, small_kb) -> None:
    m = _at(_run(nlp, small_kb, "President Levy Chandda visited the mine.", date(2004, 3, 1)), "President Levy Chandda")
    assert (m.actor.actor_id, m.actor.country) == ("levy-chanda", "ZMB")


def test_two_holders_of_one_office_still_give_the_country(nlp, small_kb) -> None:
    small = build(
        COUNTRIES,
        [],
        [],
        [],
        SEATS[1:2],
        [
            {
                "seat": "Z.president",
                "person_id": "a-tembo",
                "name": "Ade Tembo",
                "aliases": "",
                "start": "1970-01-01",
                "end": "1980-01-01",
            },
            {
                "seat": "Z.president",
                "person_id": "b-tembo",
                "name": "Bo Tembo",
                "aliases": "",
                "start": "1990-01-01",
                "end": "2000-01-01",
            },
        ],
        RULES,
    )
    m = _at(_run(nlp, small, "President Tembo opened the bridge.", None), "President Tembo")
    assert (m.actor.actor_id, m.actor.country) == (None, "ZMB")


# ---- regions and peoples ---------------------------------------------------------------------


def test_regions_and_peoples_give_their_country(nlp, small_kb) -> None:
    ms = _run(nlp, small_kb, "Rebels in Northland attacked a convoy. Tumbo leaders condemned the attack.")
    rebels = [m for m in ms if m.actor.country == "ZMB" and "Rebels" in m.actor.text]
    assert rebels and rebels[0].actor.sector == "REB"
    leaders = _at(ms, "Tumbo leaders")
    assert (leaders.actor.country, leaders.actor.sector) == ("ZMB", None)  # not the government


def test_region_named_as_a_location_is_a_place(nlp, small_kb) -> None:
    ms = _run(nlp, small_kb, "Aid workers arrived in Northland on Monday.")
    assert _at(ms, "Northland").kind == "place"


def test_people_name_that_is_also_a_first_name_needs_a_noun(nlp, small_kb) -> None:
    assert _at(_run(nlp, small_kb, "Clara guerrillas attacked a post."), "Clara").actor.country == "ZMB"
    assert not [m for m in _run(nlp, small_kb, "Clara said she was tired.") if m.actor.country == "ZMB"]


def test_shipped_regions_and_peoples(nlp, kb) -> None:
    ms = _run(nlp, kb, "Darfur rebels accused the army. Yoruba elders met in Lagos. Chechen fighters fled.")
    assert {m.actor.country for m in ms if m.actor.text in ("Darfur rebels", "Yoruba elders", "Chechen fighters")} >= {
        "SDN",
        "NGA",
        "RUS",
    }


def test_first_names_have_one_gender(kb) -> None:
    assert kb.gender("Vladimir") == "m" and kb.gender("Hillary") == "f" and kb.gender("Zzyzx") is None


# ---- typos and actor nouns inside place phrases -----------------------------------------------


def test_unlabelled_misspelt_country_name(nlp, kb) -> None:
    m = _at(_run(nlp, kb, "Tanznia has agreed to open its ports to the ships."), "Tanznia")
    assert m.actor.country == "TZA"


def test_a_surname_one_letter_from_a_country_is_no_typo(nlp, kb) -> None:
    # a surname the knowledge base holds ("Hollande", one letter from "Holland")
    text = "President Francois Hollande announced the move. Hollande said the operation would be short."
    assert _at(_run(nlp, kb, text, date(2013, 1, 12)), "Hollande").actor.country == "FRA"
    # and one the text names in full, unknown to the knowledge base
    text = "Opposition leader David Spaine arrived on Monday. Spaine said the talks would resume."
    assert all(m.actor.country != "ESP" for m in _run(nlp, kb, text) if m.actor.text == "Spaine")


def test_country_adjective_before_an_actor_noun_in_a_place_phrase(nlp, kb) -> None:
    ms = _run(nlp, kb, "Artillery hit Sudanese rebel camps near the river. Tourists visited Sudanese villages.")
    assert [m.actor.country for m in ms if m.actor.text == "Sudanese"] == ["SDN"]


def test_president_elect_links_only_to_the_incoming_holder(nlp, small_kb) -> None:
    text = "President Mbeki met Levy Chanda in Lusaka on Monday. The president-elect promised reforms."
    ms = _run(nlp, small_kb, text, date(2001, 11, 1))
    elect = [m for m in ms if m.actor.text.startswith("The president")]
    assert elect and elect[0].actor.actor_id == "levy-chanda"


def test_elect_title_read_as_one_phrase_links_to_the_incoming_holder(nlp, kb) -> None:
    text = (
        "Russian President Vladimir Putin met the visitors. Mr. Putin's successor Dmitri Medvedev also spoke. "
        "Russia's president-elect said ties would improve."
    )
    m = _at(_run(nlp, kb, text, date(2008, 3, 10)), "Russia's president-elect")
    assert m.actor.actor_id == "dmitry-medvedev"


# ---- sectors ---------------------------------------------------------------------------------


def test_title_before_the_name_through_its_complement(nlp, kb) -> None:
    ms = _run(nlp, kb, "A correspondent for the Daily Herald, Anna Petrova, reported the clash.")
    m = [m for m in ms if m.actor.name == "Anna Petrova"]
    assert m and m[0].actor.sector == "JRN"


def test_present_role_in_the_text_beats_a_past_office(nlp, small_kb) -> None:
    ms = _run(nlp, small_kb, "Zambian opposition leader Amos Mbeki rejected the result.", date(2005, 6, 1))
    m = [m for m in ms if m.actor.actor_id == "amos-mbeki"]
    assert m and m[0].actor.sector == "OPP"
    ms = _run(nlp, small_kb, "Walter Grant criticised the plan.", date(2005, 6, 1))
    assert _at(ms, "Walter Grant").actor.sector == "ELI"  # out of office, no other role given


def test_fast_scan_finds_what_the_pattern_finds(kb) -> None:
    import dataclasses

    text = (
        "The U.S. and Russia's Foreign Ministry met in Moscow; Russians, Iraqis and the Kremlin. "
        "Anti-Syrian U.N. staff left Darfur. NATO's chief and the E.U.-led mission; Germanyx, xRussia."
    )
    slow = dataclasses.replace(kb, scan_index={})
    assert list(kb.scan(text)) == list(slow.scan(text))
    assert {text[s:e] for s, e, _ in kb.scan(text)} >= {"U.S.", "Moscow", "Darfur", "NATO"}


def test_the_group_takes_the_one_country_it_was_named_with(nlp, small_kb) -> None:
    ms = _run(nlp, small_kb, "Northland rebels attacked a convoy on Monday. The rebels said they would fight on.")
    assert _at(ms, "The rebels").actor.country == "ZMB"
    ms = _run(nlp, small_kb, "Northland rebels and Russian rebels met. The rebels said they would fight on.")
    assert not [m for m in ms if m.actor.text == "The rebels"]


def test_family_name_first_is_read_as_the_later_bare_name(pipeline) -> None:
    # A name written family name first: the later bare "Wang" is the person named in full.
    text = "Chinese President Wang Lin met the Brazilian president on Tuesday. Wang praised the deal."
    mentions = pipeline.extract_one(Article(doc_id="t", text=text)).mentions
    later = [m for m in mentions if m.actor.text == "Wang"]
    assert later and later[0].actor.name == "Wang Lin" and later[0].actor.country == "CHN"


def test_a_common_first_name_alone_is_not_the_person(pipeline) -> None:
    text = "Senator John Carter visited Kenya. John said little."
    mentions = pipeline.extract_one(Article(doc_id="t", text=text)).mentions
    assert not [m for m in mentions if m.actor.text == "John" and m.actor.name == "John Carter"]


def test_an_office_holder_written_family_name_first_is_found_by_the_family_name(pipeline) -> None:
    text = "Xi and the Russian president signed a treaty on trade on Monday."
    mentions = pipeline.extract_one(Article(doc_id="t", text=text, published=date(2015, 12, 28))).mentions
    xi = [m for m in mentions if m.actor.text == "Xi"]
    assert xi and xi[0].actor.country == "CHN" and xi[0].actor.name == "Xi Jinping"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Adm. Peter Holm, who leads the Swedish Coast Guard, accused Russia of violating the border.", "SWE"),
        # where the business sits is not whom the person acts for
        ("Martin Vogel, who runs a bakery in Berlin, criticised Poland.", None),
    ],
)
def test_a_person_who_leads_a_national_body_has_its_country(pipeline, text, country) -> None:
    mentions = pipeline.extract_one(Article(doc_id="t", text=text)).mentions
    person = next(m for m in mentions if m.kind == "person")
    assert person.actor.country == country
