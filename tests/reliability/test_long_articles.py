"""Articles over spaCy's limit: parsed in sections joined into one Doc (offsets relative to the
whole text), refused over ``limits.max_article_chars`` with a message naming the setting."""

from __future__ import annotations

import pytest

from detente.config import LimitsConfig, load_config
from detente.core import Pipeline
from detente.errors import ConfigError, InputError
from detente.ingest.identity import sha256
from detente.nlp.sections import sections
from detente.records import Article, Result

PARAGRAPH = "Egypt accused Ethiopia of filling the dam without an agreement on Monday. Talks resume in Cairo.\n\n"


def _article(text: str) -> Article:
    return Article(doc_id="long", text=text, origin="long", sha256=sha256(text))


@pytest.mark.parametrize(
    ("text", "max_chars", "ends"),
    [
        ("short text", 1000, ["short text"]),
        ("a" * 600 + ".\n\n" + "b" * 600 + ".", 1000, ["\n\n"]),  # at the paragraph end
        ("One sentence here. " * 100, 1000, [". "]),  # no paragraph: at a sentence end
        ("word " * 400, 1000, [" "]),  # no sentence: at a space
        ("x" * 2500, 1000, ["x"]),  # nothing to cut at: a hard cut
    ],
)
def test_sections_cover_the_text_within_the_limit(text: str, max_chars: int, ends: list[str]) -> None:
    bounds = sections(text, max_chars)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(b - a <= max_chars for a, b in bounds)
    assert all(a2 == b1 for (_, b1), (a2, _) in zip(bounds, bounds[1:], strict=False))
    for start, end in bounds[:-1]:
        assert any(text[start:end].endswith(e) for e in ends)


@pytest.mark.parametrize("limits", [{"max_chars": 999}, {"max_article_chars": 0}])
def test_limits_are_checked(limits: dict[str, int]) -> None:
    with pytest.raises(ConfigError, match=r"limits\.max_"):
        LimitsConfig(**limits)


@pytest.mark.model
def test_a_sectioned_article_reads_as_the_whole(pipeline: Pipeline) -> None:
    text = PARAGRAPH * 40  # about 4,000 characters
    small = Pipeline(load_config(environ={}, overrides=["limits.max_chars=1000"]), pipeline.resources)
    ((doc, _),) = small.parse([_article(text)])
    assert doc.text == text and len(list(doc.sents)) == 80
    whole, cut = pipeline.extract_one(_article(text)), small.extract_one(_article(text))
    assert cut.events == whole.events and cut.quotes == whole.quotes
    assert len(cut.events) == 40 and cut.events[-1].span[1] > 3_000
    assert all(text[m.span[0] : m.span[1]] == m.actor.text for m in cut.mentions)


@pytest.mark.model
def test_an_article_over_the_article_limit_is_refused_and_the_batch_goes_on(pipeline: Pipeline) -> None:
    strict = Pipeline(load_config(environ={}, overrides=["limits.max_article_chars=500"]), pipeline.resources)
    long, short = (
        _article(PARAGRAPH * 10),
        Article(doc_id="short", text=PARAGRAPH, origin="s", sha256=sha256(PARAGRAPH)),
    )
    refused, done = list(strict.process([long, short]))
    assert isinstance(refused, InputError) and "limits.max_article_chars" in str(refused) and refused.doc_id == "long"
    assert isinstance(done, Result) and done.document.doc_id == "short"
