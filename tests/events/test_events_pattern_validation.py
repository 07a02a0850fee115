"""Every shipped event pattern is exercised by a validation sentence written for it (issue #13 item 5).

The table ``tests/events/data/pattern_validation.toml`` links each pattern id (``verb:meet @with``)
to sentences of the project's own, each with the event it must give: CAMEO code, source country and
target country ("-": none). All sentences go through the real pipeline in one batch; each must
give an event with that code, source and target, coded by that pattern.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from detente.config import KnowledgeConfig
from detente.events import Lexicon
from detente.knowledge import Knowledge
from detente.records import Article, Event

TABLE = Path(__file__).parent / "data" / "pattern_validation.toml"


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    pattern: str
    text: str
    cameo: str
    source: str
    target: str | None


def read_table(path: Path = TABLE) -> tuple[date, list[Case]]:
    """The published date of every sentence and the cases, in file order."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    cases = []
    for pattern, lines in table["cases"].items():
        for line in lines:
            head, _, text = line.partition("|")
            cameo, source, target = head.split()
            cases.append(
                Case(
                    pattern=pattern,
                    text=text.strip(),
                    cameo=cameo,
                    source=source,
                    target=None if target == "-" else target,
                )
            )
    return table["published"], cases


def shipped_pattern_ids() -> set[str]:
    lexicon = Lexicon.load(Knowledge.load(KnowledgeConfig()))
    return {p.id for table in (lexicon.verbs, lexicon.nouns) for ps in table.values() for p in ps}


def matches(event: Event, case: Case) -> bool:
    return (
        event.pattern_id == case.pattern
        and event.cameo == case.cameo
        and event.source.country == case.source
        and (event.target.country if event.target else None) == case.target
    )


def failures(pipeline, cases: list[Case], published: date) -> list[str]:
    """One line per case whose event did not come out, with what came out instead."""
    articles = [Article(doc_id=f"v{n}", text=c.text, published=published) for n, c in enumerate(cases)]
    out = []
    for case, result in zip(cases, pipeline.process(articles), strict=True):
        events = getattr(result, "events", ())
        if not any(matches(e, case) for e in events):
            got = "; ".join(
                f"{e.pattern_id} {e.cameo} {e.source.country}>{e.target.country if e.target else '-'}" for e in events
            )
            out.append(
                f"{case.pattern} | {case.cameo} {case.source} {case.target or '-'} | {case.text} => {got or 'none'}"
            )
    return out


def test_every_pattern_has_a_validation_sentence_and_every_id_is_a_pattern() -> None:
    _, cases = read_table()
    ids = shipped_pattern_ids()
    listed = {c.pattern for c in cases}
    assert sorted(ids - listed) == []
    assert sorted(listed - ids) == []


@pytest.mark.parametrize(
    "line, case",
    [
        (
            "040 FRA DEU | France met Germany.",
            Case(pattern="p", text="France met Germany.", cameo="040", source="FRA", target="DEU"),
        ),
        ("010 USA - | The US spoke.", Case(pattern="p", text="The US spoke.", cameo="010", source="USA", target=None)),
    ],
)
def test_a_case_line_reads_as_code_source_target_and_sentence(tmp_path: Path, line: str, case: Case) -> None:
    path = tmp_path / "t.toml"
    path.write_text(f'published = 2020-01-02\n[cases]\n"p" = ["{line}"]\n', encoding="utf-8")
    published, cases = read_table(path)
    assert published == date(2020, 1, 2) and cases == [case]


def test_each_validation_sentence_gives_its_event_from_its_pattern(pipeline) -> None:
    published, cases = read_table()
    assert failures(pipeline, cases, published) == []
