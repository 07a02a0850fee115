"""Databases built once per test session: the demo corpus, and one article of our own whose text
and title carry markup (to check that pages show it as text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.errors import DetenteError

REPO = Path(__file__).resolve().parents[2]
MARKUP_ID = "tests/markup-1"  # an id with a slash, as files get
MARKUP_ARTICLE = {
    "id": MARKUP_ID,
    "title": "Talks <em>resume</em> in Helsinki",
    "source": "Test Wire",
    "url": "javascript:alert('from the url')",
    "published": "2021-03-02",
    "text": (
        "HELSINKI (Test Wire) - Finnish President Sauli Niinisto met Russian President Vladimir Putin in "
        "Helsinki on Monday. <script>alert('injected')</script> The two leaders discussed border "
        'crossings and <b>trade</b>. "We spoke openly about the frontier," Niinisto told reporters.'
    ),
}


def _ingest(db: Path, paths: list[Path], pipeline) -> Path:
    """Articles coded (with tone and PLOVER contexts, what the dashboard filters on) and stored."""
    from detente.ingest import read_inputs
    from detente.store import Store

    articles = (a for a in read_inputs([str(p) for p in paths], None) if not isinstance(a, DetenteError))
    with Store.open(db) as store:
        for outcome in pipeline.process(articles):
            assert not isinstance(outcome, DetenteError), outcome
            store.write(outcome)
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:
    """The demo corpus (examples/), as `detente ingest examples/` stores it."""
    return _ingest(tmp_path_factory.mktemp("web") / "demo.duckdb", [REPO / "examples"], pipeline)


@pytest.fixture(scope="session")
def markup_db(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:
    """One article whose title and text carry markup and a script."""
    folder = tmp_path_factory.mktemp("web-markup")
    extra = folder / "markup.jsonl"
    extra.write_text(json.dumps(MARKUP_ARTICLE) + "\n", encoding="utf-8")
    return _ingest(folder / "markup.duckdb", [extra], pipeline)


@pytest.fixture(scope="session")
def markup_article() -> dict[str, str]:
    return MARKUP_ARTICLE
