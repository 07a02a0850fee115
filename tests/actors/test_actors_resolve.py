"""Actor resolution on text written for these tests (model-backed: uses the shared `nlp`)."""

from __future__ import annotations

from datetime import date

import pytest
from kb_rows import RULES, RUSSIA

from detente.actors import KnowledgeBase, dating_evidence, resolve
from detente.actors.knowledge import build
from detente.config import KnowledgeConfig
from detente.knowledge import Knowledge
from detente.reading import read
from detente.records import Article, DateWindow, Mention, Published


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(Knowledge.load(KnowledgeConfig()))


def _run(nlp, kb, text: str, day: date | None = date(2010, 6, 1)) -> list[Mention]:
    article = Article(doc_id="t", text=text)
    published = Published(window=DateWindow.day(day), method="given") if day else Published()
    mentions = resolve(read(nlp(text), article), published, kb)
    for m in mentions:
        assert text[m.span[0] : m.span[1]] == m.actor.text
    return list(mentions)


def _find(mentions: list[Mention], text: str) -> Mention:
    found = [m for m in mentions if m.actor.text == text]
    assert found, f"no mention {text!r} in {[m.actor.text for m in mentions]}"
    return found[0]


def test_title_gives_country_and_sector_to_an_unknown_person(nlp, kb) -> None:
    ms = _run(nlp, kb, "Chilean Interior Minister Ana Soto met farmers on Monday.")
    m = _find(ms, "Chilean Interior Minister Ana Soto")
    assert (m.kind, m.actor.name, m.actor.country, m.actor.sector) == ("person", "Ana Soto", "CHL", "GOV")
    assert m.actor.role == "Interior Minister"


def test_former_office_holder_is_an_elite(nlp, kb) -> None:
    m = _find(
        _run(nlp, kb, "Former Brazilian President Jose Alves criticised the plan."),
        "Former Brazilian President Jose Alves",
    )
    assert (m.actor.country, m.actor.sector) == ("BRA", "ELI")


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Political analyst Pavel Orlov said the talks would fail.", "Political analyst Pavel Orlov"),
        ('"It will fail," said Pavel Orlov, a political analyst.', "Pavel Orlov"),
    ],
)
def test_analysts_are_education_not_government(nlp, kb, text: str, mention: str) -> None:
    m = _find(_run(nlp, kb, text), mention)
    assert m.actor.sector == "EDU"


def test_military_titles(nlp, kb) -> None:
    ms = _run(nlp, kb, "General Tomas Rivas said Peruvian troops would leave the valley.")
    assert _find(ms, "General Tomas Rivas").actor.sector == "MIL"
    troops = _find(ms, "Peruvian troops")
    assert (troops.kind, troops.actor.country, troops.actor.sector) == ("group", "PER", "MIL")


def test_later_surname_pronoun_and_role_phrase_link_to_the_person(nlp, kb) -> None:
    text = (
        "Peruvian Foreign Minister Luis Ramos arrived in Quito on Monday. "
        "Ramos said the border talks had gone well. He added that a deal was close. "
        "The Peruvian minister later left for Lima."
    )
    ms = _run(nlp, kb, text)
    first = _find(ms, "Peruvian Foreign Minister Luis Ramos").actor
    assert (first.country, first.sector) == ("PER", "GOV")
    assert _find(ms, "Ramos").actor.name == "Luis Ramos"
    he = _find(ms, "He")
    assert (he.kind, he.actor.name, he.actor.country) == ("person", "Luis Ramos", "PER")
    assert _find(ms, "The Peruvian minister").actor.name == "Luis Ramos"


def test_the_same_surname_resolves_by_date(nlp) -> None:
    seats = [
        {
            "seat": "X.defence",
            "country": "RUS",
            "role": "Defence Minister",
            "sector": "GOV",
            "category": "defence_minister",
            "titles": "defence minister",
        },
        {
            "seat": "X.staff",
            "country": "RUS",
            "role": "Chief of Staff",
            "sector": "GOV",
            "category": "chief_of_staff",
            "titles": "chief of staff",
        },
    ]
    holders = [
        {
            "seat": "X.defence",
            "person_id": "anton-volkov",
            "name": "Anton Volkov",
            "aliases": "",
            "start": "2001-01-01",
            "end": "2006-12-31",
        },
        {
            "seat": "X.staff",
            "person_id": "boris-volkov",
            "name": "Boris Volkov",
            "aliases": "",
            "start": "2011-01-01",
            "end": "",
        },
    ]
    kb = build(
        [RUSSIA],
        [],
        [],
        [{"phrase": "minister", "sector": "GOV", "kind": "person", "same_as": ""}],
        seats,
        holders,
        RULES,
    )
    text = "Volkov said on Tuesday that the talks would go on."
    assert _find(_run(nlp, kb, text, date(2005, 5, 1)), "Volkov").actor.actor_id == "anton-volkov"
    assert _find(_run(nlp, kb, text, date(2013, 5, 1)), "Volkov").actor.actor_id == "boris-volkov"


def test_dating_evidence_from_a_titled_full_name(nlp) -> None:
    seats = [
        {
            "seat": "X.staff",
            "country": "RUS",
            "role": "Chief of Staff",
            "sector": "GOV",
            "category": "chief_of_staff",
            "titles": "chief of staff",
        }
    ]
    holders = [
        {
            "seat": "X.staff",
            "person_id": "boris-volkov",
            "name": "Boris Volkov",
            "aliases": "",
            "start": "2011-01-01",
            "end": "2016-08-12",
        }
    ]
    kb = build(
        [RUSSIA],
        [],
        [],
        [],
        seats,
        holders,
        RULES,
    )
    text = "Russian chief of staff Boris Volkov met the delegation. Former chief of staff Boris Volkov wrote a book."
    ev = dating_evidence(read(nlp(text), Article(doc_id="t", text=text)), kb)
    assert [(e.person_id, e.start, e.end) for e in ev] == [
        ("boris-volkov", date(2011, 1, 1), date(2016, 8, 12)),
        ("boris-volkov", date(2016, 8, 12), None),
    ]


def test_metonyms_bodies_and_agencies(nlp, kb) -> None:
    ms = _run(
        nlp,
        kb,
        "The Kremlin rejected the proposal, the Pentagon said, according to Interfax. NATO and the U.N. stayed silent.",
    )
    assert (_find(ms, "Kremlin").actor.country, _find(ms, "Kremlin").actor.sector) == ("RUS", "GOV")
    assert _find(ms, "Pentagon").actor.sector == "MIL"
    assert _find(ms, "Interfax").actor.sector == "JRN"
    assert _find(ms, "NATO").actor.country == "IGO"
    assert _find(ms, "U.N.").actor.country == "IGO"


@pytest.mark.parametrize(
    ("text", "body", "name"),
    [
        ("The Commerce Department opened an inquiry.", "Commerce Department", "US Department of Commerce"),
        (
            "The Department of Homeland Security issued a warning.",
            "Department of Homeland Security",
            "US Department of Homeland Security",
        ),
        ("The Energy Department blocked the sale.", "Energy Department", "US Department of Energy"),
    ],
)
def test_us_executive_departments_are_us_bodies(nlp, kb, text: str, body: str, name: str) -> None:
    found = _find(_run(nlp, kb, text), body).actor
    assert (found.country, found.name) == ("USA", name)


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        # a country sharing a US state's name names the state before a state's office
        ("Georgia Gov. Anna Berg vetoed the bill.", "Georgia Gov. Anna Berg", "USA"),
        ("Georgia Sen. Tom Lee spoke in Atlanta.", "Georgia Sen. Tom Lee", "USA"),
        # and the country before any other title
        ("Georgian President Anna Berg spoke in Tbilisi.", "Georgian President Anna Berg", "GEO"),
    ],
)
def test_a_country_named_like_a_us_state_before_a_state_office(nlp, kb, text: str, person: str, country: str) -> None:
    assert _find(_run(nlp, kb, text), person).actor.country == country


def test_secretary_of_state_is_a_title_not_an_organisation(nlp, kb) -> None:
    ms = _run(nlp, kb, "U.S. Secretary of State Mary Hill and Defense Secretary Tom Lee flew to Seoul.")
    assert not any(m.actor.text in ("State", "Defense") for m in ms)
    hill = _find(ms, "U.S. Secretary of State Mary Hill").actor
    assert (hill.country, hill.sector) == ("USA", "GOV")
    assert _find(ms, "Defense Secretary Tom Lee").actor.sector == "GOV"


def test_places_are_not_actors(nlp, kb) -> None:
    ms = _run(nlp, kb, "Romanian officials met in Hungary to discuss the dispute.")
    assert _find(ms, "Hungary").kind == "place"
    officials = _find(ms, "Romanian officials")
    assert (officials.actor.country, officials.actor.sector) == ("ROU", "GOV")


def test_countries_as_actors_and_capitals_as_governments(nlp, kb) -> None:
    ms = _run(nlp, kb, "Russia rejected the offer, and Washington warned of new sanctions.")
    russia = _find(ms, "Russia")
    assert (russia.kind, russia.actor.country, russia.actor.sector) == ("country", "RUS", None)
    assert (_find(ms, "Washington").actor.country, _find(ms, "Washington").actor.sector) == ("USA", "GOV")


def test_stance_origin_and_ethnic_words_are_not_country_actors(nlp, kb) -> None:
    ms = _run(nlp, kb, "Anti-Syrian protesters burned Russian-made trucks while ethnic Albanians watched.")
    assert not any(m.actor.country in ("SYR", "RUS", "ALB") for m in ms)


def test_typo_in_a_country_name(nlp, kb) -> None:
    ms = _run(nlp, kb, "Venezeula has recalled its ambassador.")
    assert any(m.actor.country == "VEN" for m in ms)


def test_lone_surname_of_an_office_holder_resolves_at_the_article_date(pipeline) -> None:
    text = "Lavrov met Blinken in Geneva on Friday."
    dated = pipeline.extract_one(Article(doc_id="t", text=text, published=date(2022, 1, 21)))
    found = {m.actor.text: (m.actor.name, m.actor.country) for m in dated.mentions}
    assert found["Lavrov"] == ("Sergei Lavrov", "RUS")
    assert found["Blinken"] == ("Antony Blinken", "USA")
    # Without a date nobody can say who held office: nothing is guessed.
    undated = pipeline.extract_one(Article(doc_id="t", text=text))
    assert not any(m.actor.text in ("Lavrov", "Blinken") for m in undated.mentions)
