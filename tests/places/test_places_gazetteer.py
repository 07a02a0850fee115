"""The gazetteer on the easy cases geoparsers get wrong: countries, big cities, known sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.config import KnowledgeConfig
from detente.errors import KnowledgeError
from detente.knowledge import Knowledge
from detente.places.gazetteer import Gazetteer, normalize


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(Knowledge.load(KnowledgeConfig()))


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("USA", "USA"),
        ("U.S", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("United States", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("Georgia", "GEO"),
        ("Mexico", "MEX"),
        ("Singapore", "SGP"),
        ("Luxembourg", "LUX"),
        ("Russia", "RUS"),
        ("Bosnia", "BIH"),
    ],
)
def test_countries_resolve_to_the_country(gazetteer: Gazetteer, name: str, code: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.kind, place.country) == ("country", code)
    assert place.lat is not None and place.lon is not None


def test_country_point_lies_in_the_country(gazetteer: Gazetteer) -> None:
    russia = gazetteer.lookup("Russia")
    assert russia is not None and russia.lat is not None and russia.lon is not None
    assert 41 < russia.lat < 82 and 19 < russia.lon < 180


def test_larger_city_wins_over_namesakes(gazetteer: Gazetteer) -> None:
    for name, code in [("Moscow", "RUS"), ("Geneva", "CHE"), ("Athens", "GRC"), ("Paris", "FRA")]:
        place = gazetteer.lookup(name, context_countries={"USA"})
        assert place is not None and (place.kind, place.country) == ("city", code), name


def test_named_region_or_qualifier_picks_the_namesake(gazetteer: Gazetteer) -> None:
    idaho = gazetteer.lookup("Moscow", context_countries={"USA"}, regions={"USA.ID"})
    assert idaho is not None and idaho.country == "USA"
    qualified = gazetteer.lookup("Moscow, Idaho")
    assert qualified is not None and qualified.country == "USA" and qualified.kind == "city"
    athens = gazetteer.lookup("Athens, Georgia")
    assert athens is not None and athens.country == "USA"


def test_country_named_near_the_place_decides_between_big_namesakes(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Tripoli").country == "LBY"  # type: ignore[union-attr]
    assert gazetteer.lookup("Tripoli", near_countries={"LBN"}).country == "LBN"  # type: ignore[union-attr]


def test_own_name_beats_someone_elses_alternate(gazetteer: Gazetteer) -> None:
    dili = gazetteer.lookup("Dili")
    assert dili is not None and dili.country == "TLS"


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("the Kremlin", "site", "RUS"),
        ("Kremlin", "site", "RUS"),
        ("the White House", "site", "USA"),
        ("the Pentagon", "site", "USA"),
        ("Camp David", "site", "USA"),
        ("Palais des Nations", "site", "CHE"),
        ("Davos", "city", "CHE"),
        ("the Elbe River", "region", "DEU"),
        ("Crimea", "region", "UKR"),
        ("West Bank", "region", "PSE"),
        ("Washington", "city", "USA"),
        ("Rostov-on-Don", "city", "RUS"),
        ("St. Petersburg", "city", "RUS"),
        ("Kiev", "city", "UKR"),
        ("Goražde", "city", "BIH"),
        ("Gorazde", "city", "BIH"),
    ],
)
def test_known_places(gazetteer: Gazetteer, name: str, kind: str, code: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None and (place.kind, place.country) == (kind, code), place


def test_region_outranks_small_town_but_not_metropolis(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Delaware").kind == "region"  # type: ignore[union-attr]
    assert gazetteer.lookup("New York").kind == "city"  # type: ignore[union-attr]


def test_unknown_names_give_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Blorfington-under-Wold") is None
    assert gazetteer.lookup("") is None
    assert gazetteer.lookup("   ") is None


def test_prefixes_are_dropped_only_when_needed(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("the town of Rafah").country == "PSE"  # type: ignore[union-attr]
    assert gazetteer.lookup("Republic of Korea").country == "KOR"  # type: ignore[union-attr]


def test_alternate_names(gazetteer: Gazetteer) -> None:
    kyiv = gazetteer.lookup("Kyiv")
    assert kyiv is not None
    assert {"Kyiv", "Kiev"} <= gazetteer.alternate_names(kyiv)
    usa = gazetteer.lookup("USA")
    assert usa is not None and "America" in gazetteer.alternate_names(usa)


def test_adjectives_and_codes(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_of_adjective("Lebanese") == "LBN"
    assert gazetteer.alpha3_of("CH") == "CHE"


def test_normalize() -> None:
    assert normalize("The  Kremlin") == "kremlin"
    assert normalize("Goražde") == "gorazde"
    assert normalize("St. Petersburg") == normalize("Saint Petersburg")
    assert normalize("Russia’s") == "russia"


def test_user_places_file_extends_the_table(tmp_path: Path) -> None:
    extra = tmp_path / "places.csv"
    extra.write_text(
        "name,aliases,kind,country,lat,lon\nOld Mill Conference Centre,Old Mill,site,NOR,60.1,10.2\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.load(Knowledge.load(KnowledgeConfig(places=(extra,))))
    place = gazetteer.lookup("the Old Mill")
    assert place is not None and (place.name, place.kind, place.country) == (
        "Old Mill Conference Centre",
        "site",
        "NOR",
    )


def test_bad_user_file_says_what_to_fix(tmp_path: Path) -> None:
    extra = tmp_path / "places.csv"
    extra.write_text("name,aliases,kind,country,lat,lon\nSomewhere,,village,NOR,1,2\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="kind"):
        Gazetteer.load(Knowledge.load(KnowledgeConfig(places=(extra,))))
