"""What a saying's content clause makes of it, through the whole pipeline, on sentences written
for these tests: a disparaging judgement of another actor denigrates it (CAMEO 111), and a
threat of the speaker's own act is aimed at whom that act is aimed at."""

from __future__ import annotations

import pytest

from detente.records import Article, Event


def _events(pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_one(Article(doc_id="t", text=text)).events


def _dyads(events: tuple[Event, ...]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.country, e.target.country if e.target else None, e.cameo) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Polish president said Vladimir Putin is a liar.", ("POL", "RUS", "111")),
        ('"Angela Merkel is weak," the Hungarian prime minister said.', ("HUN", "DEU", "111")),
        ("Japan's foreign minister said China's remarks were unacceptable.", ("JPN", "CHN", "111")),
        # the parser may read an adjective in -ing as a verb
        ("Emmanuel Macron's comments are insulting, the Italian prime minister said.", ("ITA", "FRA", "111")),
    ],
)
def test_a_disparaging_judgement_of_another_actor_denigrates_it(pipeline, text: str, expected: tuple) -> None:
    assert expected in _dyads(_events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Polish president said Vladimir Putin is not a liar.",  # negated
        "The Polish president said he was wrong.",  # a pronoun: often the speaker himself
        "Japan's foreign minister said China's economy was weak.",  # a state, not what China did
        "The Polish president said Vladimir Putin was angry.",  # a feeling, not a judgement
    ],
)
def test_no_denigration_without_a_judgement_of_an_actor(pipeline, text: str) -> None:
    assert all(e.cameo_root != "11" for e in _events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ottawa warned it could freeze millions in Japanese bonds.", "JPN"),
        ("Beijing warned that it would impose tariffs on Australia.", "AUS"),
    ],
)
def test_a_threat_of_the_speakers_own_act_is_aimed_at_its_party(pipeline, text: str, target: str) -> None:
    threats = [e for e in _events(pipeline, text) if e.cameo_root == "13"]
    assert [e.target.country if e.target else None for e in threats] == [target]


def test_a_threat_with_nothing_named_has_no_target(pipeline) -> None:
    threats = [e for e in _events(pipeline, "Tehran warned that it would respond.") if e.cameo_root == "13"]
    assert threats and all(e.target is None for e in threats)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Polish president called Vladimir Putin a liar on Monday.", ("POL", "RUS", "111")),
        ("Angela Merkel described Recep Tayyip Erdogan's remarks as unacceptable.", ("DEU", "TUR", "111")),
        ("Few noticed what the Turkish president called Benjamin Netanyahu's shameful policy.", ("TUR", "ISR", "111")),
    ],
)
def test_naming_another_actor_with_a_disparaging_word_denigrates_it(pipeline, text: str, expected: tuple) -> None:
    assert expected in _dyads(_events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Polish president called the new treaty a disaster.",  # no actor named
        "The Polish president called Germany's economy weak.",  # a state, not what Germany did
        "The Polish president did not call Vladimir Putin a liar.",  # negated
        "The Polish president called Polish voters stupid for backing Vladimir Putin.",  # Putin is in a clause of its own
    ],
)
def test_no_name_calling_without_an_actor_judged(pipeline, text: str) -> None:
    assert all(e.pattern_id != "rule:name-calling" for e in _events(pipeline, text))
