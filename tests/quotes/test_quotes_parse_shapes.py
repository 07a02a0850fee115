"""Attribution rules of the quotes stage on parses built by hand: the shapes a rule reads (who is
quoted in "quoted X as saying", a count hung on the cue as a modifier, a name the parser did not
take as the subject) and the ways the parser goes wrong that a fallback repairs.

A model-backed test would pass or fail with the model's parse of the day; here each test writes
out the parse it is about, so the rule (or the fallback) is exercised whatever the model does.
Tables: ``word lemma TAG POS dep head [entity]`` (``tests/docs.py``). Sentences written for these
tests; the model-backed tests of the stage on running text are in ``test_quotes_extract.py`` and
``test_quotes_more_shapes.py``.
"""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from detente.actors.lookup import MentionIndex
from detente.dates import TimeIndex
from detente.knowledge import Knowledge
from detente.quotes import extract, load_cues
from detente.reading import read
from detente.records import Article, Published, Quote
from docs import parse

# The reporting cues, as Resources loads them (shipped table only).
CUES = load_cues(Knowledge.load(keys=("quote_cues",)))


def _run(vocab: Vocab, text: str, table: str) -> tuple[Quote, ...]:
    doc = parse(vocab, text, table)
    return extract(read(doc, Article(doc_id="t", text=text)), MentionIndex(()), TimeIndex((), Published()), CUES)


def _speaker(q: Quote) -> str | None:
    return q.speaker.text if q.speaker else None


@pytest.mark.parametrize(
    ("text", "table"),
    [
        pytest.param(
            "“Our patience has limits,” the Tass news agency quoted Orlov as saying on Friday.",
            """
            “         "         ``   PUNCT  punct     11  # 0
            Our       our       PRP$ PRON   poss       2  # 1
            patience  patience  NN   NOUN   nsubj      3  # 2
            has       have      VBZ  VERB   ccomp     11  # 3
            limits    limit     NNS  NOUN   dobj       3  # 4
            ,         ,         ,    PUNCT  punct     11  # 5
            ”         "         ''   PUNCT  punct     11  # 6
            the       the       DT   DET    det       10  # 7
            Tass      Tass      NNP  PROPN  compound  10  # 8
            news      news      NN   NOUN   compound  10  # 9
            agency    agency    NN   NOUN   nsubj     11  # 10
            quoted    quote     VBD  VERB   ROOT      11  # 11
            Orlov     Orlov     NNP  PROPN  dobj      11  # 12
            as        as        IN   ADP    prep      11  # 13
            saying    say       VBG  VERB   pcomp     13  # 14
            on        on        IN   ADP    prep      14  # 15
            Friday    Friday    NNP  PROPN  pobj      15  # 16
            .         .         .    PUNCT  punct     11  # 17
        """,
            id="quoted-object-as-saying",
        ),
        pytest.param(
            "“Our patience has limits,” Orlov was quoted as saying by local media.",
            """
            “         "         ``   PUNCT  punct       9  # 0
            Our       our       PRP$ PRON   poss        2  # 1
            patience  patience  NN   NOUN   nsubj       3  # 2
            has       have      VBZ  VERB   ccomp       9  # 3
            limits    limit     NNS  NOUN   dobj        3  # 4
            ,         ,         ,    PUNCT  punct       9  # 5
            ”         "         ''   PUNCT  punct       9  # 6
            Orlov     Orlov     NNP  PROPN  nsubjpass   9  # 7
            was       be        VBD  AUX    auxpass     9  # 8
            quoted    quote     VBN  VERB   ROOT        9  # 9
            as        as        IN   ADP    prep        9  # 10
            saying    say       VBG  VERB   pcomp      10  # 11
            by        by        IN   ADP    prep       11  # 12
            local     local     JJ   ADJ    amod       14  # 13
            media     medium    NNS  NOUN   pobj       12  # 14
            .         .         .    PUNCT  punct       9  # 15
        """,
            id="passive-subject-was-quoted",
        ),
        pytest.param(
            "“Our patience has limits and the talks are over,” the agency cites Orlov as saying.",
            """
            “         "         ``   PUNCT  punct   14  # 0
            Our       our       PRP$ PRON   poss     2  # 1
            patience  patience  NN   NOUN   nsubj    3  # 2
            has       have      VBZ  VERB   ccomp   14  # 3
            limits    limit     NNS  NOUN   dobj     3  # 4
            and       and       CC   CCONJ  cc       3  # 5
            the       the       DT   DET    det      7  # 6
            talks     talk      NNS  NOUN   nsubj    8  # 7
            are       be        VBP  AUX    conj     3  # 8
            over      over      RB   ADV    advmod   8  # 9
            ,         ,         ,    PUNCT  punct   14  # 10
            ”         "         ''   PUNCT  punct   14  # 11
            the       the       DT   DET    det     13  # 12
            agency    agency    NN   NOUN   nsubj   14  # 13
            cites     cite      VBZ  VERB   ROOT    14  # 14
            Orlov     Orlov     NNP  PROPN  dobj    14  # 15
            as        as        IN   ADP    prep    14  # 16
            saying    say       VBG  VERB   pcomp   16  # 17
            .         .         .    PUNCT  punct   14  # 18
        """,
            id="cites-object-as-saying",
        ),
    ],
)
def test_quoted_as_saying_gives_the_person_not_the_agency(en_vocab, text: str, table: str) -> None:
    """A quoting verb ("quote", "cite") with an "as" governing a verb: the quoted person is its
    direct object, or in the passive its subject; the agency doing the quoting never speaks."""
    (q,) = _run(en_vocab, text, table)
    assert (q.kind, _speaker(q)) == ("direct", "Orlov")


@pytest.mark.parametrize(
    ("text", "table", "speaker"),
    [
        # The parser takes the quote's last noun phrase ("it") for the subject of the cue.
        pytest.param(
            "“The more voters hear about the plan, the more they like it,” Okafor said.",
            """
            “       "       ``   PUNCT  punct      17  # 0
            The     the     DT   DET    det         3  # 1
            more    more    JJR  ADJ    amod        3  # 2
            voters  voter   NNS  NOUN   nsubj       4  # 3
            hear    hear    VBP  VERB   ccomp      12  # 4
            about   about   IN   ADP    prep        4  # 5
            the     the     DT   DET    det         7  # 6
            plan    plan    NN   NOUN   pobj        5  # 7
            ,       ,       ,    PUNCT  punct      12  # 8
            the     the     DT   PRON   advmod     10  # 9
            more    more    RBR  ADV    advmod     12  # 10
            they    they    PRP  PRON   nsubj      12  # 11
            like    like    VBP  VERB   ccomp      17  # 12
            it      it      PRP  PRON   nsubj      17  # 13
            ,       ,       ,    PUNCT  punct      17  # 14
            ”       "       ''   PUNCT  punct      17  # 15
            Okafor  Okafor  NNP  PROPN  npadvmod   17  # 16
            said    say     VBD  VERB   ROOT       17  # 17
            .       .       .    PUNCT  punct      17  # 18
        """,
            "Okafor",
            id="quote-noun-taken-for-the-subject",
        ),
        # The quote's first noun ("ferry") is the cue's first subject; the name is a second one.
        pytest.param(
            "“A ferry, its engine burning, its crew shouting,” said harbour master Lena Varga.",
            """
            “         "        ``   PUNCT  punct     13  # 0
            A         a        DT   DET    det        2  # 1
            ferry     ferry    NN   NOUN   nsubj     13  # 2
            ,         ,        ,    PUNCT  punct     10  # 3
            its       its      PRP$ PRON   poss       6  # 4
            engine    engine   NN   NOUN   compound   6  # 5
            burning   burn     VBG  VERB   ccomp     10  # 6
            ,         ,        ,    PUNCT  punct     10  # 7
            its       its      PRP$ PRON   poss       9  # 8
            crew      crew     NN   NOUN   nsubj     10  # 9
            shouting  shout    VBG  VERB   appos      2  # 10
            ,         ,        ,    PUNCT  punct     13  # 11
            ”         "        ''   PUNCT  punct     13  # 12
            said      say      VBD  VERB   ROOT      13  # 13
            harbour   harbour  NNP  PROPN  compound  15  # 14
            master    master   NN   NOUN   compound  17  # 15
            Lena      Lena     NNP  PROPN  compound  17  # 16
            Varga     Varga    NNP  PROPN  nsubj     13  # 17
            .         .        .    PUNCT  punct     13  # 18
        """,
            "harbour master Lena Varga",
            id="quote-noun-as-a-first-subject",
        ),
        # The name is the subject of another verb of the attribution clause ("retired"), and the
        # cue has no subject at all.
        pytest.param(
            "“If the bank had waited, we would have lost everything,” Mr. Halden, now 74 and retired, said.",
            """
            “           "           ``   PUNCT  punct     22  # 0
            If          if          IN   SCONJ  mark       5  # 1
            the         the         DT   DET    det        3  # 2
            bank        bank        NN   NOUN   nsubj      5  # 3
            had         have        VBD  AUX    aux        5  # 4
            waited      wait        VBN  VERB   advcl     10  # 5
            ,           ,           ,    PUNCT  punct     10  # 6
            we          we          PRP  PRON   nsubj     10  # 7
            would       would       MD   AUX    aux       10  # 8
            have        have        VB   AUX    aux       10  # 9
            lost        lose        VBN  VERB   ccomp     22  # 10
            everything  everything  NN   PRON   dobj      10  # 11
            ,           ,           ,    PUNCT  punct     22  # 12
            ”           "           ''   PUNCT  punct     22  # 13
            Mr.         Mr.         NNP  PROPN  compound  15  # 14
            Halden      Halden      NNP  PROPN  nsubj     20  # 15
            ,           ,           ,    PUNCT  punct     15  # 16
            now         now         RB   ADV    advmod    18  # 17
            74          74          CD   NUM    npadvmod  20  # 18
            and         and         CC   CCONJ  cc        18  # 19
            retired     retire      VBN  VERB   advcl     22  # 20
            ,           ,           ,    PUNCT  punct     22  # 21
            said        say         VBD  VERB   ROOT      22  # 22
            .           .           .    PUNCT  punct     22  # 23
        """,
            "Mr. Halden",
            id="name-is-another-verb-s-subject",
        ),
    ],
)
def test_speaker_inside_the_quote_is_the_parse_going_wrong(en_vocab, text: str, table: str, speaker: str) -> None:
    """The cue's subject is inside the quote, or the cue has none: the speaker is the name
    next to the cue outside the quote."""
    (q,) = [q for q in _run(en_vocab, text, table) if q.kind == "direct"]
    assert _speaker(q) == speaker


def test_a_cue_without_a_subject_takes_the_name_after_it(en_vocab) -> None:
    """ "tweeted" parsed as an adjective (amod) of the name, which is the sentence's root: the cue
    has no subject at all; the name after the cue is taken."""
    text = "“The debate is over,” tweeted campaign spokesman Ole Brun. “We won it.”"
    quotes = _run(
        en_vocab,
        text,
        """
        “          "          ``   PUNCT  punct     11  # 0
        The        the        DT   DET    det        2  # 1
        debate     debate     NN   NOUN   nsubj      3  # 2
        is         be         VBZ  AUX    ccomp     11  # 3
        over       over       RB   ADV    advmod     3  # 4
        ,          ,          ,    PUNCT  punct     11  # 5
        ”          "          ''   PUNCT  punct     11  # 6
        tweeted    tweet      VBN  VERB   amod       9  # 7
        campaign   campaign   NN   NOUN   compound   9  # 8
        spokesman  spokesman  NN   NOUN   compound  11  # 9
        Ole        Ole        NNP  PROPN  compound  11  # 10
        Brun       Brun       NNP  PROPN  ROOT      11  # 11
        .          .          .    PUNCT  punct     11  # 12
        “          "          ``   PUNCT  punct     15  # 13
        We         we         PRP  PRON   nsubj     15  # 14
        won        win        VBD  VERB   ROOT      15  # 15
        it         it         PRP  PRON   dobj      15  # 16
        .          .          .    PUNCT  punct     15  # 17
        ”          "          ''   PUNCT  punct     15  # 18
    """,
    )
    (q,) = [q for q in quotes if q.kind == "direct"]
    assert _speaker(q) == "campaign spokesman Ole Brun"


def test_a_person_named_by_age_speaks(en_vocab) -> None:
    """ "the 52-year-old" tagged as a DATE entity, its head "old" an adjective: after "said" it is
    still the speaker, of both quotes."""
    text = "“The talks were useful and long overdue,” said the 52-year-old. “Now we must act.”"
    quotes = _run(
        en_vocab,
        text,
        """
        “        "        ``   PUNCT  punct     10          # 0
        The      the      DT   DET    det        2          # 1
        talks    talk     NNS  NOUN   nsubj      3          # 2
        were     be       VBD  AUX    ccomp     10          # 3
        useful   useful   JJ   ADJ    amod       7          # 4
        and      and      CC   CCONJ  cc         4          # 5
        long     long     JJ   ADJ    conj       4          # 6
        overdue  overdue  JJ   ADJ    acomp      3          # 7
        ,        ,        ,    PUNCT  punct     10          # 8
        ”        "        ''   PUNCT  punct     10          # 9
        said     say      VBD  VERB   ROOT      10          # 10
        the      the      DT   DET    det       16          # 11
        52       52       CD   NUM    nummod    14  B-DATE  # 12
        -        -        HYPH PUNCT  punct     14  I-DATE  # 13
        year     year     NN   NOUN   npadvmod  16  I-DATE  # 14
        -        -        HYPH PUNCT  punct     16  I-DATE  # 15
        old      old      JJ   ADJ    nsubj     10  I-DATE  # 16
        .        .        .    PUNCT  punct     10          # 17
        “        "        ``   PUNCT  punct     22          # 18
        Now      now      RB   ADV    advmod    22          # 19
        we       we       PRP  PRON   nsubj     22          # 20
        must     must     MD   AUX    aux       22          # 21
        act      act      VB   VERB   ROOT      22          # 22
        .        .        .    PUNCT  punct     22          # 23
        ”        "        ''   PUNCT  punct     22          # 24
    """,
    )
    assert quotes and all(_speaker(q) == "the 52-year-old" for q in quotes)


def test_share_of_people_as_speaker(en_vocab) -> None:
    """ "About 4 in 10 say": the count is hung on the cue as a modifier (nummod), not as its
    subject; it is still who says."""
    text = "Intro line.\n\nAbout 4 in 10 say they want the next mayor to have bolder plans."
    (q,) = _run(
        en_vocab,
        text,
        """
        Intro   Intro  NNP  PROPN  compound   1  # 0
        line    line   NN   NOUN   ROOT       1  # 1
        .       .      .    PUNCT  punct      1  # 2
        \\n\\n    \\n\\n   _SP  SPACE  dep        2  # 3
        About   about  RB   ADV    advmod     5  # 4
        4       4      CD   NUM    quantmod   7  # 5
        in      in     IN   ADP    quantmod   7  # 6
        10      10     CD   NUM    nummod     8  # 7
        say     say    VBP  VERB   ROOT       8  # 8
        they    they   PRP  PRON   nsubj     10  # 9
        want    want   VBP  VERB   ccomp      8  # 10
        the     the    DT   DET    det       13  # 11
        next    next   JJ   ADJ    amod      13  # 12
        mayor   mayor  NN   NOUN   nsubj     15  # 13
        to      to     TO   PART   aux       15  # 14
        have    have   VB   VERB   ccomp     10  # 15
        bolder  bold   JJR  ADJ    amod      17  # 16
        plans   plan   NNS  NOUN   dobj      15  # 17
        .       .      .    PUNCT  punct      8  # 18
    """,
    )
    assert (q.text, _speaker(q)) == ("they want the next mayor to have bolder plans", "About 4 in 10")


def test_inverted_cue_opening_the_paragraph(en_vocab) -> None:
    """ "Continued Varga:" parsed as an adjective of the name, the name an object hung across the
    paragraph break on the sentence before: the name right after the cue speaks."""
    text = "The senator spoke for an hour.\n\nContinued Varga: “Nobody in this chamber has read the whole bill.”"
    (q,) = [
        q
        for q in _run(
            en_vocab,
            text,
            """
        The        the       DT   DET    det     1  # 0
        senator    senator   NN   NOUN   nsubj   2  # 1
        spoke      speak     VBD  VERB   ROOT    2  # 2
        for        for       IN   ADP    prep    2  # 3
        an         an        DT   DET    det     5  # 4
        hour       hour      NN   NOUN   pobj    3  # 5
        .          .         .    PUNCT  punct   2  # 6
        \\n\\n       \\n\\n      _SP  SPACE  dep     6  # 7
        Continued  continue  VBN  VERB   amod    9  # 8
        Varga      Varga     NNP  PROPN  dobj    2  # 9
        :          :         :    PUNCT  punct   9  # 10
        “          "         ``   PUNCT  punct  17  # 11
        Nobody     nobody    NN   PRON   nsubj  17  # 12
        in         in        IN   ADP    prep   12  # 13
        this       this      DT   DET    det    15  # 14
        chamber    chamber   NN   NOUN   pobj   13  # 15
        has        have      VBZ  AUX    aux    17  # 16
        read       read      VBN  VERB   acl     9  # 17
        the        the       DT   DET    det    20  # 18
        whole      whole     JJ   ADJ    amod   20  # 19
        bill       bill      NN   NOUN   dobj   17  # 20
        .          .         .    PUNCT  punct   2  # 21
        ”          "         ''   PUNCT  punct   2  # 22
    """,
        )
        if q.kind == "direct"
    ]
    assert _speaker(q) == "Varga"
    assert q.cue == "Continued"
