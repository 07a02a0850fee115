"""Integration on the five seed articles (../shared/corpus/seeds): titles, sources and clean text.

The rules are tested on our own text in test_ingest_text.py; here we only check that they hold on
real scraped articles. Debris is asserted by form (no short unpunctuated line, no photo credit),
not by copying the seeds' lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.ingest import read_inputs
from detente.ingest.text import ends_sentence
from detente.records import Article

EXPECTED = {
    "000": ("Interfax: Kremlin chief of staff discusses Russian-U.S. relations with Kissinger", "Interfax"),
    "001": (None, None),
    "002": ("Russia, U.S. officials seek to play down differences", "Reuters"),
    "003": ("Despite Difficulties, Kremlin Sees Better Ties With US", "VOA"),
    "004": ("Western leaders in Moscow, day two: John Kerry", "Vestnik Kavkaza"),
}
CREDIT = re.compile(r"\b[A-Z]{2,}(?: Photo)?/[A-Z][a-z]+")


@pytest.fixture(scope="module")
def articles(seeds: Path) -> dict[str, Article]:
    items = list(read_inputs([str(seeds)], None))
    assert all(isinstance(i, Article) for i in items), [str(i) for i in items if not isinstance(i, Article)]
    return {a.doc_id[:3]: a for a in items if isinstance(a, Article)}


def test_doc_ids_given_the_seeds_folder_and_its_parent(seeds: Path, articles):
    assert sorted(articles) == sorted(EXPECTED)
    assert all(re.fullmatch(r"\d{3}_[0-9a-f]{16}", a.doc_id) for a in articles.values())
    parent = [a.doc_id for a in read_inputs([str(seeds.parent)], None) if isinstance(a, Article)]
    assert all(d.startswith("seeds/") for d in parent) and len(parent) == 5


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_title_and_source(articles, key):
    title, source = EXPECTED[key]
    assert articles[key].title == title
    assert articles[key].source == source


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_no_debris_in_the_text(articles, key):
    article = articles[key]
    paragraphs = [p for p in article.text.split("\n") if p.strip()]
    for paragraph in paragraphs:
        # Every line left is a paragraph with sentence structure.
        assert ends_sentence(paragraph) or len(paragraph.split()) >= 25, paragraph
        assert not CREDIT.search(paragraph), paragraph
    if article.title:
        assert article.title not in article.text
    for caption in article.captions:
        assert caption not in article.text
    assert "\n\n" in article.text  # paragraph breaks kept


def test_captions_are_kept_for_the_dates_stage(articles):
    # The wire photo caption (with its credit and a full date) is kept apart from the text.
    assert any(CREDIT.search(c) and re.search(r"\b(19|20)\d{2}\b", c) for c in articles["002"].captions)
    assert articles["000"].captions and not articles["001"].captions


def test_a_leading_date_paragraph_is_kept(articles):
    assert articles["001"].text.startswith("date ")


def test_extract_emits_the_document_fields(pipeline, seeds: Path):
    """The real model and the whole core, as `detente extract` runs it."""
    inputs = [a for a in read_inputs([str(seeds)], None) if isinstance(a, Article)]
    documents = {}
    for outcome in pipeline.process(inputs):
        assert not isinstance(outcome, Exception), str(outcome)
        record = outcome.records()[0]
        assert record["type"] == "document"
        documents[record["doc_id"][:3]] = record
    for key, (title, source) in EXPECTED.items():
        assert documents[key]["title"] == title
        assert documents[key]["source"] == source
        assert isinstance(documents[key]["captions"], list)
