"""Actors on the seed articles (real news, read from ../shared; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

from detente.ingest import read_inputs
from detente.records import Mention


def _mentions(pipeline, seeds: Path, prefix: str) -> list[Mention]:
    (path,) = sorted(seeds.glob(f"{prefix}_*.txt"))
    (article,) = list(read_inputs([str(path)]))
    return list(pipeline.extract_one(article).mentions)


def _named(mentions: list[Mention], surname: str) -> list[Mention]:
    return [m for m in mentions if m.actor.text.endswith(surname)]


def test_ivanov_is_sergei_in_the_2013_interfax_article(pipeline, seeds: Path) -> None:
    found = _named(_mentions(pipeline, seeds, "000"), "Ivanov")
    assert len(found) > 2
    assert {m.actor.name for m in found} == {"Sergei Ivanov"}


def test_ivanov_is_igor_in_the_2007_reuters_article(pipeline, seeds: Path) -> None:
    found = _named(_mentions(pipeline, seeds, "002"), "Ivanov")
    assert found
    assert {m.actor.name for m in found} == {"Igor Ivanov"}


def test_kissinger_is_a_former_us_official(pipeline, seeds: Path) -> None:
    for prefix in ("000", "001"):
        found = _named(_mentions(pipeline, seeds, prefix), "Kissinger")
        assert found and all((m.actor.country, m.actor.sector) == ("USA", "ELI") for m in found)


def test_ryabkov_is_russian_government(pipeline, seeds: Path) -> None:
    found = _named(_mentions(pipeline, seeds, "001"), "Ryabkov")
    assert found and all((m.actor.country, m.actor.sector) == ("RUS", "GOV") for m in found)


def test_makarenko_is_not_government(pipeline, seeds: Path) -> None:
    found = _named(_mentions(pipeline, seeds, "002"), "Makarenko")
    assert found and all(m.actor.sector != "GOV" for m in found)
    assert found[0].actor.sector == "EDU"
