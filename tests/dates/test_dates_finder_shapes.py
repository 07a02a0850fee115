"""The finder's filters that read the parse (``detente.dates.finder.plausible``: a time word used as
an adjective, a verb, an amount or a number is no time), on Docs built by hand.

Each Doc is written out as the rule reads it, mostly the parse the model gives the sentence (so the
rule under test is explicit and the test does not move when the model's parse does). The
model-backed tests of the dates stage on running text are in ``test_dates_anchoring.py`` and
``test_dates_resolve.py``. Tables: ``word lemma TAG POS dep head [entity]`` (``tests/docs.py``).
Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from detente.dates import DateKnowledge, find
from detente.knowledge import Knowledge
from detente.records import DateWindow, Published
from docs import parse

# The dates stage's knowledge, as Resources loads it (shipped tables only).
KNOW = DateKnowledge.load(Knowledge.load())


MONDAY = date(2013, 10, 28)  # a Monday


def pub(d: date) -> Published:
    return Published(window=DateWindow.day(d), method="given")


def values(doc: Doc, published: Published) -> dict[str, str | None]:
    return {t.text: t.value for t in find(doc, published, KNOW)}


def test_quarterly_before_a_noun_is_a_kind_not_a_time(en_vocab):
    """ "quarterly" as an adjective of "payout" (amod) is a kind of payout; the adverb of "paid" is
    a frequency."""
    doc = parse(
        en_vocab,
        "The brewer raised its quarterly payout and paid the bonus quarterly.",
        """
        The        the        DT   DET    det      1  # 0
        brewer     brewer     NN   NOUN   nsubj    2  # 1
        raised     raise      VBD  VERB   ROOT     2  # 2
        its        its        PRP$ PRON   poss     5  # 3
        quarterly  quarterly  JJ   ADJ    amod     5  # 4
        payout     payout     NN   NOUN   dobj     2  # 5
        and        and        CC   CCONJ  cc       2  # 6
        paid       pay        VBD  VERB   conj     2  # 7
        the        the        DT   DET    det      9  # 8
        bonus      bonus      NN   NOUN   dobj     7  # 9
        quarterly  quarterly  RB   ADV    advmod   7  # 10
        .          .          .    PUNCT  punct    2  # 11
    """,
    )
    assert values(doc, pub(MONDAY)) == {"quarterly": "P3M"}  # the adverb only


def test_fall_the_verb_is_not_autumn(en_vocab):
    """ "to fall" (VERB) is no season; "the fall" (NOUN) is."""
    doc = parse(
        en_vocab,
        "Analysts expect prices to fall in the fall.",
        """
        Analysts  analyst  NNS  NOUN   nsubj   1  # 0
        expect    expect   VBP  VERB   ROOT    1  # 1
        prices    price    NNS  NOUN   nsubj   4  # 2
        to        to       TO   PART   aux     4  # 3
        fall      fall     VB   VERB   ccomp   1  # 4
        in        in       IN   ADP    prep    4  # 5
        the       the      DT   DET    det     7  # 6
        fall      fall     NN   NOUN   pobj    5  # 7
        .         .        .    PUNCT  punct   1  # 8
    """,
    )
    assert list(values(doc, pub(MONDAY)).values()) == ["2013-FA"]


@pytest.mark.parametrize(
    ("text", "table", "expected"),
    [
        pytest.param(
            "Exports should grow 6% annually, and the mill makes 500 tons monthly.",
            """
            Exports   export    NNS  NOUN   nsubj      2  # 0
            should    should    MD   AUX    aux        2  # 1
            grow      grow      VB   VERB   ROOT       2  # 2
            6         6         CD   NUM    nummod     4  # 3
            %         %         NN   NOUN   npadvmod   2  # 4
            annually  annually  RB   ADV    advmod     2  # 5
            ,         ,         ,    PUNCT  punct      2  # 6
            and       and       CC   CCONJ  cc         2  # 7
            the       the       DT   DET    det        9  # 8
            mill      mill      NN   NOUN   nsubj     10  # 9
            makes     make      VBZ  VERB   conj       2  # 10
            500       500       CD   NUM    nummod    12  # 11
            tons      ton       NNS  NOUN   dobj      10  # 12
            monthly   monthly   RB   ADV    advmod    10  # 13
            .         .         .    PUNCT  punct     10  # 14
        """,
            {},
            id="after-a-percentage-and-a-counted-noun",
        ),
        pytest.param(
            "Pilgrims gather at the shrine annually.",
            """
            Pilgrims  pilgrim   NNS  NOUN   nsubj    1  # 0
            gather    gather    VBP  VERB   ROOT     1  # 1
            at        at        IN   ADP    prep     1  # 2
            the       the       DT   DET    det      4  # 3
            shrine    shrine    NN   NOUN   pobj     2  # 4
            annually  annually  RB   ADV    advmod   1  # 5
            .         .         .    PUNCT  punct    1  # 6
        """,
            {"annually": "P1Y"},
            id="after-a-noun-uncounted",
        ),
    ],
)
def test_a_frequency_after_an_amount_is_a_rate(en_vocab, text: str, table: str, expected: dict[str, str]):
    """A frequency word right after an amount (a "%", a noun with a number as its nummod) is a rate
    ("6% annually", "500 tons monthly"), not a time; after another word it is a time."""
    assert values(parse(en_vocab, text, table), pub(MONDAY)) == expected


def test_a_bare_year_that_is_an_amount_is_not_a_date(en_vocab):
    """ "2000" with the entity type CARDINAL and no date preposition before it is a number."""
    doc = parse(
        en_vocab,
        "The plant employs 2000 workers.",
        """
        The      the     DT   DET    det      1              # 0
        plant    plant   NN   NOUN   nsubj    2              # 1
        employs  employ  VBZ  VERB   ROOT     2              # 2
        2000     2000    CD   NUM    nummod   4  B-CARDINAL  # 3
        workers  worker  NNS  NOUN   dobj     2              # 4
        .        .       .    PUNCT  punct    2              # 5
    """,
    )
    assert "2000" not in values(doc, pub(MONDAY))


def test_may_the_verb_is_not_a_month(en_vocab):
    """Two sentences (two roots): the modal "may" is no month (a month is capitalised); "in May"
    is, in the past of "met"."""
    doc = parse(
        en_vocab,
        "The sides may meet again. They met in May.",
        """
        The    the    DT   DET    det      1  # 0
        sides  side   NNS  NOUN   nsubj    3  # 1
        may    may    MD   AUX    aux      3  # 2
        meet   meet   VB   VERB   ROOT     3  # 3
        again  again  RB   ADV    advmod   3  # 4
        .      .      .    PUNCT  punct    3  # 5
        They   they   PRP  PRON   nsubj    7  # 6
        met    meet   VBD  VERB   ROOT     7  # 7
        in     in     IN   ADP    prep     7  # 8
        May    May    NNP  PROPN  pobj     8  # 9
        .      .      .    PUNCT  punct    7  # 10
    """,
    )
    assert values(doc, pub(MONDAY)) == {"May": "2013-05"}
