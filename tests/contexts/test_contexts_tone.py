"""The contexts and tone stages: PLOVER contexts from the project's lexicon and tone on GDELT's
scale (sentences written here)."""

from __future__ import annotations

import pytest

from detente.contexts import CONTEXTS, ContextLexicon
from detente.errors import KnowledgeError
from detente.knowledge import Knowledge
from detente.tone import ToneScorer


@pytest.fixture(scope="module")
def scorer():
    return ToneScorer()


@pytest.fixture(scope="module")
def lexicon():
    return ContextLexicon.load(Knowledge.load(keys=("contexts",)))


def test_tone_signs_and_scale(scorer):
    warm = scorer.tone("The envoys praised a friendly and productive meeting that brought real hope.")
    cold = scorer.tone("The ministry condemned the brutal shelling that killed and wounded civilians.")
    flat = scorer.tone("The delegation arrived on Monday.")
    assert warm is not None and cold is not None
    assert 10 < warm <= 100 and -100 <= cold < -10
    assert flat == 0.0
    assert scorer.tone("") is None and scorer.tone("   ") is None


def test_a_long_article_has_a_small_tone(scorer):
    text = " ".join(
        ["The committee met on Tuesday to review the schedule for next year."] * 20
        + ["Officials welcomed the good progress."]
    )
    assert 0 < scorer.tone(text) < 10


@pytest.mark.parametrize(
    ("sentence", "cameo", "plover", "expected"),
    [
        ("The two sides agreed to cut their stockpiles of nuclear warheads.", "057", "AGREE", {"cbrn", "diplomatic"}),
        (
            "Negotiators discussed the arms control treaty in a closed session.",
            "040",
            "CONSULT",
            {"cbrn", "diplomatic"},
        ),
        ("The ministry accused the neighbour of hacking its power grid.", "112", "ACCUSE", {"cyber"}),
        ("Police arrested the opposition leader on bribery charges.", "173", "COERCE", {"corruption"}),
        ("Troops crossed the border at dawn.", "190", "ASSAULT", {"military", "territory"}),
        ("The government raised tariffs on imported steel.", "163", "SANCTION", {"economic"}),
        ("Rescuers searched the rubble after the earthquake.", "073", "AID", {"disasters"}),
        ("The two navies will hold joint drills next month.", "0312", "COOPERATE", {"military"}),
        ("The leader thanked his host.", "051", "SUPPORT", set()),
    ],
)
def test_contexts_from_words_and_codes(lexicon, sentence, cameo, plover, expected):
    assert set(lexicon.contexts(sentence, cameo, plover)) == expected


def test_contexts_are_plover_names_in_plover_order(lexicon):
    found = lexicon.contexts("Hackers stole secrets from the nuclear plant, the embassy said.", "112", "ACCUSE")
    assert found == tuple(c for c in CONTEXTS if c in found)
    assert set(found) >= {"cyber", "cbrn", "diplomatic"}
    assert all(c == c.lower() and " " not in c for c in CONTEXTS) and len(CONTEXTS) == 37


def test_keywords_match_whole_words_only(lexicon):
    # "armistice" and "tankard" must not fire "military"; "gasoline" is not "natural gas".
    assert lexicon.contexts("He signed the armistice over a tankard of gasoline.", None, None) == ()


def test_a_lexicon_naming_an_unknown_context_is_refused():
    with pytest.raises(KnowledgeError, match="space_race"):
        ContextLexicon.from_table({"keywords": {"space_race": ["rocket"]}}, "a user's contexts file")


def test_a_long_text_is_scored_in_pieces_of_whole_sentences(scorer):
    from detente.tone.scorer import PIECE_WORDS, _pieces

    sentence = "The envoys praised a friendly and productive meeting."
    once = scorer.tone(sentence)
    assert scorer.tone(" ".join([sentence] * 400)) == once  # the mean of equal pieces
    giant = " ".join(["word"] * (3 * PIECE_WORDS + 7)) + ". " + sentence
    pieces = list(_pieces(giant))
    assert all(words <= PIECE_WORDS for _, words in pieces)
    assert sum(words for _, words in pieces) == len(giant.split())
