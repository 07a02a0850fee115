"""The per-article reading (``detente.reading``) on hand-built Docs: the sentence index is
computed from sentence starts alone, the quotation marks and the dateline from the text alone, so
no model is needed to test them (sentences written for these tests)."""

from __future__ import annotations

import pytest

from detente.reading import Sentences, read
from detente.records import Article, Dateline
from docs import make_doc, parse


@pytest.mark.parametrize(
    ("words", "sent_starts", "bounds", "of"),
    [
        pytest.param(
            ["Talks", "began", ".", "They", "ended", "."],
            [True, False, False, True, False, False],
            ((0, 3), (3, 6)),
            (0, 0, 0, 1, 1, 1),
            id="two-sentences",
        ),
        pytest.param(["Talks", "began", "."], None, ((0, 3),), (0, 0, 0), id="no-boundaries-is-one-sentence"),
        pytest.param(
            ["A", ".", "B", ".", "C"],
            [True, False, True, False, True],
            ((0, 2), (2, 4), (4, 5)),
            (0, 0, 1, 1, 2),
            id="one-word-last-sentence",
        ),
        pytest.param([], None, (), (), id="empty-doc"),
    ],
)
def test_sentence_bounds_from_sentence_starts(en_vocab, words, sent_starts, bounds, of) -> None:
    """Only ``is_sent_start`` is set: the index reads sentence starts, never the parse."""
    doc = make_doc(en_vocab, words=words, sent_starts=sent_starts)
    sentences = Sentences.of_doc(doc)
    assert sentences.bounds == bounds
    assert sentences.of == of


def test_sentence_of_a_token_is_the_span_of_its_sentence(en_vocab) -> None:
    """Two sentences by their starts; ``sentence`` gives each token's own sentence as a span."""
    doc = make_doc(
        en_vocab,
        words=["Talks", "began", ".", "They", "ended", "early", "."],
        sent_starts=[True, False, False, True, False, False, False],
    )
    sentences = Sentences.of_doc(doc)
    assert sentences.sentence(doc, 1).text == "Talks began ."
    assert sentences.sentence(doc, 5).text == "They ended early ."


def test_sentences_of_a_parse_follow_its_roots(en_vocab) -> None:
    """Two roots (``met``, ``left``): a parsed Doc has its sentences set by the tree, and the index
    agrees with ``Doc.sents``."""
    text = "Envoys met. Both left."
    doc = parse(
        en_vocab,
        text,
        """
        Envoys  envoy  NNS  NOUN   nsubj  1   # 0
        met     meet   VBD  VERB   ROOT   1   # 1
        .       .      .    PUNCT  punct  1   # 2
        Both    both   DT   PRON   nsubj  4   # 3
        left    leave  VBD  VERB   ROOT   4   # 4
        .       .      .    PUNCT  punct  4   # 5
    """,
    )
    assert doc.text == text
    sentences = Sentences.of_doc(doc)
    assert sentences.bounds == tuple((s.start, s.end) for s in doc.sents) == ((0, 3), (3, 6))


def test_read_pairs_the_quotation_marks_once(en_vocab) -> None:
    """Words only: the marks are found in the article's text, the quoted stretches include them."""
    text = "“We agreed,” she said, and called it “a start”."
    words = ["“", "We", "agreed", ",", "”", "she", "said", ",", "and", "called", "it", "“", "a", "start", "”", "."]
    spaces = [False, True, False, False, True, True, False, True, True, True, True, False, True, False, False, False]
    doc = make_doc(en_vocab, words=words, spaces=spaces)
    assert doc.text == text
    reading = read(doc, Article(doc_id="t", text=text))
    assert [[text[s:e] for s, e in m.parts] for m in reading.marks] == [["We agreed,"], ["a start"]]
    assert [text[s:e] for s, e in reading.quoted] == ["“We agreed,”", "“a start”"]
    assert reading.text == text and reading.dateline is None


def test_read_finds_the_dateline_of_an_article_built_without_one(en_vocab) -> None:
    """An article built outside ingest (a test, an evaluation reader) has its dateline looked for
    in the text; one that carries a dateline keeps it."""
    text = "OSLO, May 4 (Wire) - Ministers met."
    doc = make_doc(
        en_vocab,
        words=["OSLO", ",", "May", "4", "(", "Wire", ")", "-", "Ministers", "met", "."],
        spaces=[False, True, True, True, False, False, True, True, True, False, False],
    )
    found = read(doc, Article(doc_id="t", text=text)).dateline
    assert found is not None and (found.place, found.month, found.day, found.agency) == ("OSLO", 5, 4, "Wire")
    given = Dateline(span=(0, 4), place="OSLO", place_span=(0, 4))
    assert read(doc, Article(doc_id="t", text=text, dateline=given)).dateline == given
