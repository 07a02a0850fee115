"""The actors knowledge base: shipped tables, user extensions, office holders by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from kb_rows import RULES, RUSSIA

from detente.actors.knowledge import KnowledgeBase, build
from detente.config import KnowledgeConfig
from detente.errors import KnowledgeError
from detente.knowledge import Knowledge
from detente.records import SECTORS


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(Knowledge.load(KnowledgeConfig()))


def test_every_iso_country_is_shipped(kb: KnowledgeBase) -> None:
    assert len(kb.countries) >= 249
    for code in ("USA", "RUS", "PSE", "TLS", "SSD", "XKX"):
        assert kb.country(code) is not None


@pytest.mark.parametrize(
    "text, code",
    [
        ("U.S.", "USA"),
        ("American", "USA"),
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("Soviet", "RUS"),
        ("USSR", "RUS"),
        ("Moscow", "RUS"),
        ("Britain", "GBR"),
        ("Burmese", "MMR"),
        ("Ivory Coast", "CIV"),
    ],
)
def test_country_by_name(kb: KnowledgeBase, text: str, code: str) -> None:
    found = kb.country_by_name(text)
    assert found is not None and found.alpha3 == code


def test_ambiguous_forms_resolve_to_nothing(kb: KnowledgeBase) -> None:
    # "Congolese" is Congo-Brazzaville or DR Congo: no guess.
    assert kb.country_by_name("Congolese") is None
    assert [e for _, _, e in kb.scan("Congolese refugees")] == []


def test_metonyms_and_bodies(kb: KnowledgeBase) -> None:
    text = "the Kremlin, the Pentagon, Downing Street, NATO, the U.N., Hizbollah, al-Qaeda, Amnesty International, the Red Cross, Interfax"
    found = {text[s:e]: entry for s, e, entry in kb.scan(text)}
    assert (found["Kremlin"].country, found["Kremlin"].sector) == ("RUS", "GOV")
    assert (found["Pentagon"].country, found["Pentagon"].sector) == ("USA", "MIL")
    assert found["Downing Street"].country == "GBR"
    assert found["NATO"].country == "IGO" and found["U.N."].country == "IGO"
    assert (found["Hizbollah"].country, found["Hizbollah"].sector) == ("LBN", "REB")
    assert found["al-Qaeda"].country == "IMG"
    assert found["Amnesty International"].country == "NGO"
    assert found["Red Cross"].country == "NGO"
    assert (found["Interfax"].country, found["Interfax"].sector) == ("RUS", "JRN")


def test_titles_map_to_plover_sectors(kb: KnowledgeBase) -> None:
    assert len(kb.titles) >= 120
    assert all(t.sector in SECTORS or t.sector == "*" for t in kb.titles.values())
    assert kb.title("Foreign Minister").sector == "GOV"
    assert kb.title("general").sector == "MIL"
    assert kb.title("former").sector == "ELI"
    assert kb.title("political analyst").sector == "EDU"
    assert kb.title("journalist").sector == "JRN"


def _tiny_kb() -> KnowledgeBase:
    seats = [
        {
            "seat": "RUR.defence",
            "country": "RUS",
            "role": "Defence Minister",
            "sector": "GOV",
            "category": "defence_minister",
            "titles": "defence minister|defense minister",
        },
        {
            "seat": "RUR.council",
            "country": "RUS",
            "role": "Council Secretary",
            "sector": "GOV",
            "category": "other",
            "titles": "council secretary",
        },
    ]
    holders = [
        {
            "seat": "RUR.defence",
            "person_id": "pavel-petrov",
            "name": "Pavel Petrov",
            "aliases": "P. Petrov",
            "start": "2001-03",
            "end": "2007-02-15",
        },
        {
            "seat": "RUR.council",
            "person_id": "oleg-petrov",
            "name": "Oleg Petrov",
            "aliases": "",
            "start": "2004-07-19",
            "end": "2010-01",
        },
        {"seat": "RUR.council", "person_id": "half-written", "name": "", "aliases": "", "start": "", "end": ""},
    ]
    return build(
        [RUSSIA],
        [],
        [],
        [{"phrase": "minister", "sector": "GOV", "kind": "person", "same_as": ""}],
        seats,
        holders,
        RULES,
    )


def test_holders_by_date_and_incomplete_rows_are_skipped() -> None:
    kb = _tiny_kb()
    assert [p.person_id for p in kb.holders("RUR.council", date(2006, 1, 1))] == ["oleg-petrov"]
    assert kb.holders("RUR.council", date(2011, 1, 1)) == ()
    assert kb.person("half-written") is None
    # A month end means the month's last day.
    assert kb.person("oleg-petrov").terms[0].end == date(2010, 1, 31)
    assert {p.person_id for p in kb.people_with_surname("Petrov")} == {"pavel-petrov", "oleg-petrov"}
    assert kb.people_named("p. petrov")[0].person_id == "pavel-petrov"


def test_user_files_extend_the_shipped_tables(tmp_path: Path) -> None:
    countries = tmp_path / "countries.csv"
    countries.write_text(
        "alpha3,alpha2,name,aliases,adjectives,demonyms,capital,from,to\nZZZ,ZZ,Freedonia,,Freedonian,,Fredville,,\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load(Knowledge.load(KnowledgeConfig(countries=(countries,))))
    assert kb.country_by_name("Freedonian").alpha3 == "ZZZ"
    assert kb.country_by_name("Russian").alpha3 == "RUS"


def test_a_malformed_user_file_says_what_to_do(tmp_path: Path) -> None:
    bad = tmp_path / "holders.csv"
    bad.write_text("who,when\nx,y\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="lacks column"):
        KnowledgeBase.load(Knowledge.load(KnowledgeConfig(office_holders=(bad,))))
    with pytest.raises(KnowledgeError, match="cannot read"):
        KnowledgeBase.load(Knowledge.load(KnowledgeConfig(seats=(tmp_path / "missing.csv",))))


def test_a_name_written_family_name_first_is_found_by_its_first_word() -> None:
    seats = [
        {"seat": "CHN.council", "country": "CHN", "role": "Chair", "sector": "GOV", "category": "", "titles": "chair"},
        {"seat": "RUR.council", "country": "RUS", "role": "Chair", "sector": "GOV", "category": "", "titles": "chair"},
    ]
    holders = [
        {
            "seat": "CHN.council",
            "person_id": "lin-hao",
            "name": "Lin Hao",
            "aliases": "",
            "start": "2001-03",
            "end": "2007-02",
        },
        {
            "seat": "CHN.council",
            "person_id": "pavel-orlov",
            "name": "Pavel Orlov",
            "aliases": "",
            "start": "2007-03",
            "end": "",
        },
        # a country whose names are written given name first: the first word is no family name
        {
            "seat": "RUR.council",
            "person_id": "ilse-marek",
            "name": "Ilse Marek",
            "aliases": "",
            "start": "2001-03",
            "end": "",
        },
    ]
    kb = build(
        [RUSSIA],
        [],
        [],
        [],
        seats,
        holders,
        RULES,
        first_name_rows=[{"name": "Pavel", "gender": "m"}],
    )
    assert [p.person_id for p in kb.people_with_surname("Lin")] == ["lin-hao"]
    assert [p.person_id for p in kb.people_with_surname("Hao")] == ["lin-hao"]
    # a known first name is not a family name
    assert kb.people_with_surname("Pavel") == ()
    assert kb.people_with_surname("Ilse") == ()
