"""locate: the place phrase attached to an event's clause, else the dateline, else nothing.

Events are built by hand on sentences written for these tests, so the stage is tested apart
from the event coder.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.config import KnowledgeConfig
from detente.knowledge import Knowledge
from detente.places import Gazetteer, locate
from detente.reading import read
from detente.records import Actor, Article, DateWindow, Event, Location, replace


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(Knowledge.load(KnowledgeConfig()))


def _event(
    text: str, trigger: str, n: int = 1, country: str | None = "USA", day: date | None = date(2021, 3, 2)
) -> Event:
    start = text.index(trigger)
    return Event(
        doc_id="t",
        event_id=f"t:e{n}",
        span=(0, len(text)),
        trigger=(start, start + len(trigger)),
        source=Actor(text="someone", country=country),
        target=None,
        cameo="040",
        cameo_root="04",
        goldstein=1.0,
        quad_class=1,
        plover="CONSULT",
        plover_mode=None,
        modality="asserted",
        date=DateWindow.day(day) if day else DateWindow.unknown(),
    )


def _place(nlp, gazetteer: Gazetteer, text: str, trigger: str, **kw) -> Location | None:
    article = Article(doc_id="t", text=text, published=kw.pop("published", None))
    (event,) = locate(read(nlp(text), article), [_event(text, trigger, **kw)], gazetteer)
    return event.location


@pytest.mark.parametrize(
    ("text", "trigger", "name", "kind", "country"),
    [
        ("The two foreign ministers met in Geneva on Tuesday to discuss arms control.", "met", "Geneva", "city", "CHE"),
        ("Putin held talks with the American envoy at the Kremlin on Friday.", "talks", "Kremlin", "site", "RUS"),
        ("The chancellor gave a speech in Munich about European security.", "speech", "Munich", "city", "DEU"),
        ("Soviet and American troops met on the Elbe River in April 1945.", "met", "Elbe River", "region", "DEU"),
        ("The Moscow summit ended without an agreement.", "summit", "Moscow", "city", "RUS"),
        ("The secretary of state travelled to Beijing last week.", "travelled", "Beijing", "city", "CHN"),
        ("Rebels shelled positions near the Iraqi city of Mosul.", "shelled", "Mosul", "city", "IRQ"),
        ("Protesters blocked roads in the capital of Kenya, Nairobi.", "blocked", "Nairobi", "city", "KEN"),
        ("Government troops withdrew from the northern town of Kidal.", "withdrew", "Kidal", "city", "MLI"),
        ("The envoy visited Tehran on his way home.", "visited", "Tehran", "city", "IRN"),
        ("Thousands rallied in Rostov-on-Don against the war.", "rallied", "Rostov-on-Don", "city", "RUS"),
        ("Fighting broke out in Tripoli, in northern Lebanon, on Sunday.", "broke", "Tripoli", "city", "LBN"),
        ("Militias clashed in Tripoli as shells hit the north Lebanese port.", "clashed", "Tripoli", "city", "LBN"),
        ("The envoy met students in Moscow, Idaho, on Monday.", "met", "Moscow", "city", "USA"),
        ("Hundreds of people protested in southern Lebanon on Monday.", "protested", "Lebanon", "country", "LBN"),
    ],
)
def test_attached_place(nlp, gazetteer: Gazetteer, text: str, trigger: str, name: str, kind: str, country: str) -> None:
    place = _place(nlp, gazetteer, text, trigger)
    assert place is not None, text
    assert (place.name, place.kind, place.country) == (name, kind, country)


def test_geneva_talks_are_in_switzerland_even_in_us_news(nlp, gazetteer: Gazetteer) -> None:
    text = "The delegations will hold talks in Geneva next week, a U.S. official said."
    place = _place(nlp, gazetteer, text, "talks")
    assert place is not None and place.country == "CHE"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Officials imposed sanctions on Iran.", "imposed"),  # "on" a country is the target
        ("The minister, who was born in Kyiv, criticized the plan.", "criticized"),  # another clause
        ("The White House announced new sanctions against Russia.", "announced"),  # an actor, not a place
        ("The ministry opposes a plan to station missiles in Norway.", "opposes"),  # the plan's place
    ],
)
def test_no_place_rather_than_a_guess(nlp, gazetteer: Gazetteer, text: str, trigger: str) -> None:
    assert _place(nlp, gazetteer, text, trigger) is None


def test_unknown_name_is_skipped_not_fatal(nlp, gazetteer: Gazetteer) -> None:
    text = "The ministers met at the Blorfington Conference Centre in Vienna on Monday."
    place = _place(nlp, gazetteer, text, "met")
    assert place is not None and (place.name, place.country) == ("Vienna", "AUT")


def test_dateline_city_for_events_of_the_dateline_day(nlp, gazetteer: Gazetteer) -> None:
    text = "OSLO, March 2 (Reuters) - The foreign minister criticised the decision on Tuesday."
    place = _place(nlp, gazetteer, text, "criticised", day=date(2021, 3, 2))
    assert place is not None and (place.name, place.country) == ("Oslo", "NOR")


def test_dateline_not_for_events_of_other_days(nlp, gazetteer: Gazetteer) -> None:
    text = "OSLO, March 2 (Reuters) - The foreign minister criticised the decision last year."
    assert _place(nlp, gazetteer, text, "criticised", day=date(2020, 6, 1)) is None


def test_dateline_day_from_publication_date(nlp, gazetteer: Gazetteer) -> None:
    text = "OSLO (Reuters) - The foreign minister criticised the decision."
    on_day = _place(nlp, gazetteer, text, "criticised", day=date(2021, 3, 2), published=date(2021, 3, 2))
    assert on_day is not None and on_day.name == "Oslo"
    other = _place(nlp, gazetteer, text, "criticised", day=date(2019, 1, 5), published=date(2021, 3, 2))
    assert other is None


def test_own_place_beats_dateline(nlp, gazetteer: Gazetteer) -> None:
    text = "OSLO, March 2 (Reuters) - The foreign minister met his counterpart in Stockholm on Tuesday."
    place = _place(nlp, gazetteer, text, "met", day=date(2021, 3, 2))
    assert place is not None and place.name == "Stockholm"


def test_definite_event_noun_takes_the_earlier_mention_place(nlp, gazetteer: Gazetteer) -> None:
    text = (
        "A meeting between the two foreign ministers took place at the Pentagon on Monday. "
        "The meeting was attended by several generals."
    )
    place = _place(nlp, gazetteer, text, "meeting was attended")
    assert place is not None and (place.name, place.kind, place.country) == ("Pentagon", "site", "USA")


def test_events_without_trigger_alignment_or_place_are_kept(nlp, gazetteer: Gazetteer) -> None:
    text = "The ministers agreed on a plan."
    article = Article(doc_id="t", text=text)
    events = [_event(text, "agreed")]
    out = locate(read(nlp(text), article), events, gazetteer)
    assert out == tuple(events)
    assert locate(read(nlp(text), article), [], gazetteer) == ()


def test_direction_hung_on_the_object(nlp, gazetteer: Gazetteer) -> None:
    text = "Army helicopters evacuated the injured from the besieged town of Mostar on Sunday."
    place = _place(nlp, gazetteer, text, "evacuated")
    assert place is not None and (place.name, place.country) == ("Mostar", "BIH")


def test_country_modifying_the_event_noun_is_the_actor(nlp, gazetteer: Gazetteer) -> None:
    text = "Officials discussed the Norwegian withdrawal and the U.S. strike on a depot."
    assert _place(nlp, gazetteer, text, "strike") is None


def test_statement_topic_is_not_its_place(nlp, gazetteer: Gazetteer) -> None:
    text = "The government imposed sanctions on ten officials over their actions in Transnistria."
    event = _event(text, "imposed")
    article = Article(doc_id="t", text=text)
    verbal = replace(event, quad_class=3)
    material = replace(event, quad_class=4)
    out = locate(read(nlp(text), article), [verbal, material], gazetteer)
    assert out[0].location is None
    assert out[1].location is not None and out[1].location.name == "Transnistria"


def test_place_noun_with_a_city_name(nlp, gazetteer: Gazetteer) -> None:
    text = "Police detained two activists at a Minsk airport on Friday."
    place = _place(nlp, gazetteer, text, "detained")
    assert place is not None and (place.name, place.country) == ("Minsk", "BLR")


def test_fixed_phrases_and_deep_topics_are_not_places(nlp, gazetteer: Gazetteer) -> None:
    text = (
        "The minister on Friday expelled three diplomats in response to the death of an activist in a Siberian prison."
    )
    event = replace(_event(text, "expelled"), quad_class=4)
    (out,) = locate(read(nlp(text), Article(doc_id="t", text=text)), [event], gazetteer)
    assert out.location is None


def test_statement_in_a_speech_at_a_place(nlp, gazetteer: Gazetteer) -> None:
    text = "The president said in a speech in Warsaw that the alliance was united."
    place = _place(nlp, gazetteer, text, "said")
    assert place is not None and place.name == "Warsaw"


def test_outside_of(nlp, gazetteer: Gazetteer) -> None:
    text = "Two soldiers were killed by a roadside bomb outside of the Afghan city of Kandahar."
    place = _place(nlp, gazetteer, text, "killed")
    assert place is not None and (place.name, place.country) == ("Kandahar", "AFG")


def test_place_of_an_adverbial_clause_tells_the_circumstances(nlp, gazetteer: Gazetteer) -> None:
    text = "The prime minister resigned on Monday as protesters threatened to occupy his office in Nairobi."
    place = _place(nlp, gazetteer, text, "resigned")
    assert place is not None and (place.name, place.country) == ("Nairobi", "KEN")


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        # a locative inside the object ("a ceasefire with rebels in X")
        ("The army demanded a ceasefire with the rebels in northern Mali.", "demanded", "Mali"),
        # inside an argument preposition's object ("appealed to the sides of the war in X")
        ("The envoy appealed to the sides of the war in Yemen to open the roads.", "appealed", "Yemen"),
        # through an apposition and an "of" phrase
        ("Norway condemned as a disgrace Russia's treatment of journalists in Chechnya.", "condemned", "Chechnya"),
    ],
)
def test_place_inside_the_event_arguments(nlp, gazetteer: Gazetteer, text: str, trigger: str, name: str) -> None:
    place = _place(nlp, gazetteer, text, trigger)
    assert place is not None and place.name == name


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a place inside a clause of the object belongs to that clause's event
        ("The council rejected a plan to build a new base in Cyprus.", "rejected"),
        # a reason, not where the action was taken
        ("The minister criticized the bank for its loans in Venezuela.", "criticized"),
        # too deep: the argument of an argument of an argument
        ("The ministers discussed the fate of the families of the victims of the war in Bosnia.", "discussed"),
    ],
)
def test_argument_places_stay_in_the_arguments(nlp, gazetteer: Gazetteer, text: str, trigger: str) -> None:
    assert _place(nlp, gazetteer, text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        ("The relief agency operating in Somalia said the roads were closed.", "said", "Somalia"),
        ("Soldiers stationed near Herat reported heavy fighting.", "reported", "Herat"),
    ],
)
def test_participle_on_the_subject_places_the_actor(
    nlp, gazetteer: Gazetteer, text: str, trigger: str, name: str
) -> None:
    place = _place(nlp, gazetteer, text, trigger)
    assert place is not None and place.name == name


def test_preposition_inside_a_long_trigger_still_places(nlp, gazetteer: Gazetteer) -> None:
    text = "The negotiators returned to Vienna this week for talks on the nuclear deal."
    place = _place(nlp, gazetteer, text, "returned to Vienna this week for talks")
    assert place is not None and (place.name, place.country) == ("Vienna", "AUT")


def _material_place(nlp, gazetteer: Gazetteer, text: str, trigger: str) -> Location | None:
    """The place of a physical attack (quad class 4) triggered by ``trigger``."""
    event = replace(_event(text, trigger), cameo="183", cameo_root="18", quad_class=4, plover="ASSAULT")
    (located,) = locate(read(nlp(text), Article(doc_id="t", text=text)), [event], gazetteer)
    return located.location


def test_path_of_a_physical_action_places_it(nlp, gazetteer: Gazetteer) -> None:
    text = "Rebels blew up the pipelines leading into Aleppo on Sunday."
    place = _material_place(nlp, gazetteer, text, "blew")
    assert place is not None and place.name == "Aleppo"


def test_path_of_a_statement_does_not_place_it(nlp, gazetteer: Gazetteer) -> None:
    text = "The mayor praised the pipelines leading into Aleppo on Sunday."
    assert _place(nlp, gazetteer, text, "praised") is None


def test_path_with_both_ends_is_not_a_place(nlp, gazetteer: Gazetteer) -> None:
    text = "Farmers blocked the bridge running from Austria to Italy for two hours."
    place = _material_place(nlp, gazetteer, text, "blocked")
    assert place is None or place.name not in ("Austria", "Italy")


def test_a_country_s_own_trial_or_election_happens_there(nlp, gazetteer: Gazetteer) -> None:
    text = (
        "The Polish government demanded new elections after judges acquitted the mayor in Poland's longest fraud trial."
    )
    place = _place(nlp, gazetteer, text, "demanded")
    assert place is not None and (place.name, place.kind, place.country) == ("Poland", "country", "POL")
    text = "Observers reported fraud at polling stations in Peru's general election on Sunday."
    place = _place(nlp, gazetteer, text, "reported")
    assert place is not None and place.country == "PER"


def test_a_possessor_of_other_things_is_no_place(nlp, gazetteer: Gazetteer) -> None:
    # a country's programme or policy is a topic, not where the event happened
    assert _place(nlp, gazetteer, "The senator took part in Chile's pension reform debate.", "took", day=None) is None
