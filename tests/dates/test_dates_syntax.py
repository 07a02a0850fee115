"""The parse shapes the dates stage reads (``detente.dates.syntax``: the token a time attaches to and
the tense of its clause; the date of a clause), on Docs built by hand.

Each Doc is written out as the rule reads it, mostly the parse the model gives the sentence (so the
rule under test is explicit and the test does not move when the model's parse does). The
model-backed tests of the same rules on running text are in ``test_dates_anchoring.py`` and
``test_dates_resolve.py``; the finder's filters over the parse in ``test_dates_finder_shapes.py``.
Tables: ``word lemma TAG POS dep head [entity]`` (``tests/docs.py``). Sentences written for these
tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from detente.dates import DateKnowledge, date_for, find
from detente.dates.timex import window_of
from detente.knowledge import Knowledge
from detente.records import DateWindow, Published
from docs import parse

# The dates stage's knowledge, as Resources loads it (shipped tables only).
KNOW = DateKnowledge.load(Knowledge.load())


MONDAY = date(2013, 10, 28)  # a Monday
WEDNESDAY = date(2024, 3, 13)


def pub(d: date) -> Published:
    return Published(window=DateWindow.day(d), method="given")


def values(doc: Doc, published: Published) -> dict[str, str | None]:
    return {t.text: t.value for t in find(doc, published, KNOW)}


def token(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


# ---- the token a time attaches to (syntax.anchor_token) ------------------------------------------


def test_reported_speech_time_belongs_to_the_telling(en_vocab):
    """ "on Monday" hangs on the telling verb, between it and the reported clause's subject: it is
    the day of the announcing, and the clause's time anchor is the telling verb."""
    doc = parse(
        en_vocab,
        "Norway announced on Monday it would close its consulate in the port city.",
        """
        Norway     Norway     NNP  PROPN  nsubj      1  # 0
        announced  announce   VBD  VERB   ROOT       1  # 1
        on         on         IN   ADP    prep       1  # 2
        Monday     Monday     NNP  PROPN  pobj       2  # 3
        it         it         PRP  PRON   nsubj      6  # 4
        would      would      MD   AUX    aux        6  # 5
        close      close      VB   VERB   ccomp      1  # 6
        its        its        PRP$ PRON   poss       8  # 7
        consulate  consulate  NN   NOUN   dobj       6  # 8
        in         in         IN   ADP    prep       6  # 9
        the        the        DT   DET    det       12  # 10
        port       port       NN   NOUN   compound  12  # 11
        city       city       NN   NOUN   pobj       9  # 12
        .          .          .    PUNCT  punct      1  # 13
    """,
    )
    published = pub(date(2013, 11, 4))  # a Monday
    times = find(doc, published, KNOW)
    (t,) = times
    assert t.value == "2013-11-04"
    assert doc[t.anchor_token].text == "announced"
    announced = date_for(token(doc, "announced"), times, published, doc=doc)
    assert announced.date == date(2013, 11, 4)


def test_reported_speech_with_a_weekday_after_the_subject_stays_in_the_clause(en_vocab):
    """ "on Friday" hangs on the reported verb after its subject (ccomp "reopen", nsubj "bridge"):
    it is the reported clause's day, in the future of "would"."""
    doc = parse(
        en_vocab,
        "The mayor said the bridge would reopen on Friday.",
        """
        The     the     DT   DET    det     1  # 0
        mayor   mayor   NN   NOUN   nsubj   2  # 1
        said    say     VBD  VERB   ROOT    2  # 2
        the     the     DT   DET    det     4  # 3
        bridge  bridge  NN   NOUN   nsubj   6  # 4
        would   would   MD   AUX    aux     6  # 5
        reopen  reopen  VB   VERB   ccomp   2  # 6
        on      on      IN   ADP    prep    6  # 7
        Friday  Friday  NNP  PROPN  pobj    7  # 8
        .       .       .    PUNCT  punct   2  # 9
    """,
    )
    (t,) = find(doc, pub(MONDAY), KNOW)
    assert doc[t.anchor_token].text == "reopen"
    assert t.value == "2013-11-01"


def test_the_arranging_is_not_dated_by_the_day_arranged(en_vocab):
    """A "for" time of an active verb with a direct object ("called a session ... for Thursday") is
    the object's time: the anchor is the object, and the calling keeps the publication date."""
    doc = parse(
        en_vocab,
        "The league has called a special session of its council for Thursday.",
        """
        The       the       DT   DET    det     1  # 0
        league    league    NN   NOUN   nsubj   3  # 1
        has       have      VBZ  AUX    aux     3  # 2
        called    call      VBN  VERB   ROOT    3  # 3
        a         a         DT   DET    det     6  # 4
        special   special   JJ   ADJ    amod    6  # 5
        session   session   NN   NOUN   dobj    3  # 6
        of        of        IN   ADP    prep    6  # 7
        its       its       PRP$ PRON   poss    9  # 8
        council   council   NN   NOUN   pobj    7  # 9
        for       for       IN   ADP    prep    3  # 10
        Thursday  Thursday  NNP  PROPN  pobj   10  # 11
        .         .         .    PUNCT  punct   3  # 12
    """,
    )
    published = pub(MONDAY)
    times = find(doc, published, KNOW)
    (t,) = times
    assert doc[t.anchor_token].text == "session"
    assert t.value == "2013-10-31"  # a day arranged for lies ahead
    assert date_for(token(doc, "called"), times, published, doc=doc) == published.window


def test_a_time_after_that_belongs_to_the_reported_clause(en_vocab):
    """ "agreed that by June 30 ... would leave": the reported clause opens (its "that") before the
    time, so the time is the clause's, not the agreeing's."""
    doc = parse(
        en_vocab,
        "The two leaders agreed that by June 30 their armies would leave the valley.",
        """
        The      the     DT   DET    det      2  # 0
        two      two     CD   NUM    nummod   2  # 1
        leaders  leader  NNS  NOUN   nsubj    3  # 2
        agreed   agree   VBD  VERB   ROOT     3  # 3
        that     that    IN   SCONJ  mark    11  # 4
        by       by      IN   ADP    prep    11  # 5
        June     June    NNP  PROPN  pobj     5  # 6
        30       30      CD   NUM    nummod   6  # 7
        their    their   PRP$ PRON   poss     9  # 8
        armies   army    NNS  NOUN   nsubj   11  # 9
        would    would   MD   AUX    aux     11  # 10
        leave    leave   VB   VERB   ccomp    3  # 11
        the      the     DT   DET    det     13  # 12
        valley   valley  NN   NOUN   dobj    11  # 13
        .        .       .    PUNCT  punct    3  # 14
    """,
    )
    times = find(doc, pub(MONDAY), KNOW)
    (t,) = times
    assert doc[t.anchor_token].text == "leave"
    assert date_for(token(doc, "agreed"), times, pub(MONDAY), doc=doc) == pub(MONDAY).window


def test_a_warning_on_a_day_that_something_could_happen_is_dated_by_the_warning(en_vocab):
    """ "on Thursday" hangs on the past verb "issued", not on the modal clause below it: past."""
    doc = parse(
        en_vocab,
        "The ministry issued a warning on Thursday that the dam could burst.",
        """
        The       the       DT   DET    det     1  # 0
        ministry  ministry  NN   NOUN   nsubj   2  # 1
        issued    issue     VBD  VERB   ROOT    2  # 2
        a         a         DT   DET    det     4  # 3
        warning   warning   NN   NOUN   dobj    2  # 4
        on        on        IN   ADP    prep    2  # 5
        Thursday  Thursday  NNP  PROPN  pobj    5  # 6
        that      that      IN   SCONJ  mark   11  # 7
        the       the       DT   DET    det     9  # 8
        dam       dam       NN   NOUN   nsubj  11  # 9
        could     could     MD   AUX    aux    11  # 10
        burst     burst     VB   VERB   ccomp   2  # 11
        .         .         .    PUNCT  punct   2  # 12
    """,
    )
    (t,) = find(doc, pub(date(2013, 10, 30)), KNOW)
    assert t.value == "2013-10-24"


def test_a_time_wholly_after_publication_does_not_date_a_past_clause(en_vocab):
    """ "has cancelled ... next month": the time hangs on the perfect verb, but a month wholly after
    publication cannot date what is already done; the verb keeps the publication date."""
    doc = parse(
        en_vocab,
        "The premier has cancelled a planned visit to Rome next month.",
        """
        The        the      DT   DET    det        1  # 0
        premier    premier  NN   NOUN   nsubj      3  # 1
        has        have     VBZ  AUX    aux        3  # 2
        cancelled  cancel   VBN  VERB   ROOT       3  # 3
        a          a        DT   DET    det        6  # 4
        planned    plan     VBN  VERB   amod       6  # 5
        visit      visit    NN   NOUN   dobj       3  # 6
        to         to       IN   ADP    prep       6  # 7
        Rome       Rome     NNP  PROPN  pobj       7  # 8
        next       next     JJ   ADJ    amod      10  # 9
        month      month    NN   NOUN   npadvmod   3  # 10
        .          .        .    PUNCT  punct      3  # 11
    """,
    )
    published = pub(MONDAY)
    times = find(doc, published, KNOW)
    (t,) = times
    assert t.value == "2013-11"
    assert date_for(token(doc, "cancelled"), times, published, doc=doc) == published.window


def test_historical_event_keeps_its_time(en_vocab):
    """Each conjunct keeps the time of its own clause: "fought in World War II" (an era), "met ...
    in 1945" (a year); the telling "said" above them keeps the publication date."""
    doc = parse(
        en_vocab,
        "The veteran said he fought in World War II and met Soviet troops in 1945.",
        """
        The      the      DT   DET    det        1  # 0
        veteran  veteran  NN   NOUN   nsubj      2  # 1
        said     say      VBD  VERB   ROOT       2  # 2
        he       he       PRP  PRON   nsubj      4  # 3
        fought   fight    VBD  VERB   ccomp      2  # 4
        in       in       IN   ADP    prep       4  # 5
        World    World    NNP  PROPN  compound   8  # 6
        War      War      NNP  PROPN  compound   8  # 7
        II       II       NNP  PROPN  pobj       5  # 8
        and      and      CC   CCONJ  cc         4  # 9
        met      meet     VBD  VERB   conj       4  # 10
        Soviet   soviet   JJ   ADJ    amod      12  # 11
        troops   troop    NNS  NOUN   dobj      10  # 12
        in       in       IN   ADP    prep      10  # 13
        1945     1945     CD   NUM    pobj      13  # 14
        .        .        .    PUNCT  punct      2  # 15
    """,
    )
    published = pub(MONDAY)
    times = find(doc, published, KNOW)
    assert date_for(token(doc, "fought"), times, published, doc=doc).latest == date(1945, 9, 2)
    assert date_for(token(doc, "met"), times, published, doc=doc) == window_of("1945")
    assert date_for(token(doc, "said"), times, published, doc=doc) == published.window


# ---- the tense of the clause (syntax.tense) ------------------------------------------------------


def test_a_plan_that_had_been_due_has_passed(en_vocab):
    """ "had been due to expire": the infinitive's head is "due" (acomp), whose copula carries the
    perfect "had": a plan whose day has passed."""
    doc = parse(
        en_vocab,
        "The offer had been due to expire Friday evening.",
        """
        The      the      DT   DET    det        1  # 0
        offer    offer    NN   NOUN   nsubj      3  # 1
        had      have     VBD  AUX    aux        3  # 2
        been     be       VBN  AUX    ROOT       3  # 3
        due      due      JJ   ADJ    acomp      3  # 4
        to       to       TO   PART   aux        6  # 5
        expire   expire   VB   VERB   xcomp      4  # 6
        Friday   Friday   NNP  PROPN  compound   8  # 7
        evening  evening  NN   NOUN   npadvmod   6  # 8
        .        .        .    PUNCT  punct      3  # 9
    """,
    )
    assert values(doc, pub(MONDAY))["Friday evening"] == "2013-10-25TEV"


def test_a_plan_that_is_due_lies_ahead(en_vocab):
    """ "is due to expire": the same shape with a present copula: the day lies ahead."""
    doc = parse(
        en_vocab,
        "The offer is due to expire on Friday.",
        """
        The     the     DT   DET    det     1  # 0
        offer   offer   NN   NOUN   nsubj   2  # 1
        is      be      VBZ  AUX    ROOT    2  # 2
        due     due     JJ   ADJ    acomp   2  # 3
        to      to      TO   PART   aux     5  # 4
        expire  expire  VB   VERB   xcomp   3  # 5
        on      on      IN   ADP    prep    5  # 6
        Friday  Friday  NNP  PROPN  pobj    6  # 7
        .       .       .    PUNCT  punct   2  # 8
    """,
    )
    assert values(doc, pub(MONDAY))["Friday"] == "2013-11-01"


def test_a_day_named_by_the_present_copula_lies_ahead(en_vocab):
    """The day is the attribute of a present "is" (the time on the copula itself): a timetable."""
    doc = parse(
        en_vocab,
        "The vote is Sunday.",
        """
        The     the     DT   DET    det     1  # 0
        vote    vote    NN   NOUN   nsubj   2  # 1
        is      be      VBZ  AUX    ROOT    2  # 2
        Sunday  Sunday  NNP  PROPN  attr    2  # 3
        .       .       .    PUNCT  punct   2  # 4
    """,
    )
    assert values(doc, pub(WEDNESDAY))["Sunday"] == "2024-03-17"


def test_a_day_on_a_noun_below_the_copula_keeps_no_timetable(en_vocab):
    """The day is the possessive of a noun under the copula's participle ("priced ... to Tuesday's
    level"): a reported result; the copula above says nothing of its direction."""
    doc = parse(
        en_vocab,
        "The bonds are priced at a discount to Tuesday's closing level.",
        """
        The       the       DT   DET    det         1  # 0
        bonds     bond      NNS  NOUN   nsubjpass   3  # 1
        are       be        VBP  AUX    auxpass     3  # 2
        priced    price     VBN  VERB   ROOT        3  # 3
        at        at        IN   ADP    prep        3  # 4
        a         a         DT   DET    det         6  # 5
        discount  discount  NN   NOUN   pobj        4  # 6
        to        to        IN   ADP    prep        3  # 7
        Tuesday   Tuesday   NNP  PROPN  poss       11  # 8
        's        's        POS  PART   case        8  # 9
        closing   closing   NN   NOUN   compound   11  # 10
        level     level     NN   NOUN   pobj        7  # 11
        .         .         .    PUNCT  punct       3  # 12
    """,
    )
    assert values(doc, pub(WEDNESDAY))["Tuesday"] == "2024-03-12"


def test_a_forward_head_needs_an_infinitive(en_vocab):
    """ "is to visit" (an xcomp with its "to" under "be") looks forward; a participle under a copula
    ("are calm, reflecting ...") is no plan, and its day is a past one."""
    plan = parse(
        en_vocab,
        "The envoy is to visit Rome on Friday.",
        """
        The     the     DT   DET    det     1  # 0
        envoy   envoy   NN   NOUN   nsubj   2  # 1
        is      be      VBZ  AUX    ROOT    2  # 2
        to      to      TO   PART   aux     4  # 3
        visit   visit   VB   VERB   xcomp   2  # 4
        Rome    Rome    NNP  PROPN  dobj    4  # 5
        on      on      IN   ADP    prep    4  # 6
        Friday  Friday  NNP  PROPN  pobj    6  # 7
        .       .       .    PUNCT  punct   2  # 8
    """,
    )
    assert values(plan, pub(WEDNESDAY))["Friday"] == "2024-03-15"
    participle = parse(
        en_vocab,
        "Markets are calm, reflecting relief after the ceasefire on Monday.",
        """
        Markets     market     NNS  NOUN   nsubj   1  # 0
        are         be         VBP  AUX    ROOT    1  # 1
        calm        calm       JJ   ADJ    acomp   1  # 2
        ,           ,          ,    PUNCT  punct   1  # 3
        reflecting  reflect    VBG  VERB   advcl   1  # 4
        relief      relief     NN   NOUN   dobj    4  # 5
        after       after      IN   ADP    prep    4  # 6
        the         the        DT   DET    det     8  # 7
        ceasefire   ceasefire  NN   NOUN   pobj    6  # 8
        on          on         IN   ADP    prep    8  # 9
        Monday      Monday     NNP  PROPN  pobj    9  # 10
        .           .          .    PUNCT  punct   1  # 11
    """,
    )
    assert values(participle, pub(WEDNESDAY))["Monday"] == "2024-03-11"


def test_a_possessive_day_takes_the_tense_of_its_clause(en_vocab):
    """The day is the possessive of the subject: "will decide" puts it ahead, "decided" behind."""
    future = parse(
        en_vocab,
        "Saturday's election will decide the new parliament.",
        """
        Saturday    Saturday    NNP  PROPN  poss    2  # 0
        's          's          POS  PART   case    0  # 1
        election    election    NN   NOUN   nsubj   4  # 2
        will        will        MD   AUX    aux     4  # 3
        decide      decide      VB   VERB   ROOT    4  # 4
        the         the         DT   DET    det     7  # 5
        new         new         JJ   ADJ    amod    7  # 6
        parliament  parliament  NN   NOUN   dobj    4  # 7
        .           .           .    PUNCT  punct   4  # 8
    """,
    )
    assert values(future, pub(WEDNESDAY))["Saturday"] == "2024-03-16"
    past = parse(
        en_vocab,
        "Saturday's election decided the new parliament.",
        """
        Saturday    Saturday    NNP  PROPN  poss    2  # 0
        's          's          POS  PART   case    0  # 1
        election    election    NN   NOUN   nsubj   3  # 2
        decided     decide      VBD  VERB   ROOT    3  # 3
        the         the         DT   DET    det     6  # 4
        new         new         JJ   ADJ    amod    6  # 5
        parliament  parliament  NN   NOUN   dobj    3  # 6
        .           .           .    PUNCT  punct   3  # 7
    """,
    )
    assert values(past, pub(WEDNESDAY))["Saturday"] == "2024-03-09"


def test_a_past_form_read_as_present_stays_past(en_vocab):
    """ "hurt" tagged VBP (a plural present) with a singular subject ("slump", NN): a past form the
    tagger misread, so the day is a past one."""
    doc = parse(
        en_vocab,
        "The slump in chip makers hurt the index on Monday.",
        """
        The     the     DT   DET    det        1  # 0
        slump   slump   NN   NOUN   nsubj      5  # 1
        in      in      IN   ADP    prep       1  # 2
        chip    chip    NN   NOUN   compound   4  # 3
        makers  maker   NNS  NOUN   pobj       2  # 4
        hurt    hurt    VBP  VERB   ROOT       5  # 5
        the     the     DT   DET    det        7  # 6
        index   index   NN   NOUN   dobj       5  # 7
        on      on      IN   ADP    prep       5  # 8
        Monday  Monday  NNP  PROPN  pobj       8  # 9
        .       .       .    PUNCT  punct      5  # 10
    """,
    )
    assert values(doc, pub(date(2013, 10, 30)))["Monday"] == "2013-10-28"


def test_simple_present_of_saying_is_no_timetable(en_vocab):
    """ "say Friday the ship will dock": the day hangs on the reported clause before its subject, so
    it belongs to the present "say", a verb of telling: no timetable, the nearest past day."""
    doc = parse(
        en_vocab,
        "Officials say Friday the ship will dock in Malta.",
        """
        Officials  official  NNS  NOUN   nsubj      1  # 0
        say        say       VBP  VERB   ROOT       1  # 1
        Friday     Friday    NNP  PROPN  npadvmod   6  # 2
        the        the       DT   DET    det        4  # 3
        ship       ship      NN   NOUN   nsubj      6  # 4
        will       will      MD   AUX    aux        6  # 5
        dock       dock      VB   VERB   ccomp      1  # 6
        in         in        IN   ADP    prep       6  # 7
        Malta      Malta     NNP  PROPN  pobj       7  # 8
        .          .         .    PUNCT  punct      1  # 9
    """,
    )
    assert values(doc, pub(date(2013, 10, 30)))["Friday"] == "2013-10-25"


def test_modals_of_obligation_look_ahead_unless_perfect(en_vocab):
    """An aux "must" looks ahead; "may" with an aux "have" is a past conjecture."""
    must = parse(
        en_vocab,
        "By Friday, the troops must leave.",
        """
        By      by      IN   ADP    prep    6  # 0
        Friday  Friday  NNP  PROPN  pobj    0  # 1
        ,       ,       ,    PUNCT  punct   6  # 2
        the     the     DT   DET    det     4  # 3
        troops  troop   NNS  NOUN   nsubj   6  # 4
        must    must    MD   AUX    aux     6  # 5
        leave   leave   VB   VERB   ROOT    6  # 6
        .       .       .    PUNCT  punct   6  # 7
    """,
    )
    assert values(must, pub(date(2013, 10, 30)))["Friday"] == "2013-11-01"
    may_have = parse(
        en_vocab,
        "The rebels may have fled on Sunday.",
        """
        The     the     DT   DET    det     1  # 0
        rebels  rebel   NNS  NOUN   nsubj   4  # 1
        may     may     MD   AUX    aux     4  # 2
        have    have    VB   AUX    aux     4  # 3
        fled    flee    VBN  VERB   ROOT    4  # 4
        on      on      IN   ADP    prep    4  # 5
        Sunday  Sunday  NNP  PROPN  pobj    5  # 6
        .       .       .    PUNCT  punct   4  # 7
    """,
    )
    assert values(may_have, pub(date(2013, 10, 30)))["Sunday"] == "2013-10-27"


@pytest.mark.parametrize(
    ("text", "table", "day", "expected"),
    [
        pytest.param(
            "Under the terms announced Friday, holders would receive cash.",
            """
            Under      under     IN   ADP    prep       8  # 0
            the        the       DT   DET    det        2  # 1
            terms      term      NNS  NOUN   pobj       0  # 2
            announced  announce  VBN  VERB   acl        2  # 3
            Friday     Friday    NNP  PROPN  npadvmod   3  # 4
            ,          ,         ,    PUNCT  punct      8  # 5
            holders    holder    NNS  NOUN   nsubj      8  # 6
            would      would     MD   AUX    aux        8  # 7
            receive    receive   VB   VERB   ROOT       8  # 8
            cash       cash      NN   NOUN   dobj       8  # 9
            .          .         .    PUNCT  punct      8  # 10
        """,
            "Friday",
            "2013-10-25",
            id="reduced-relative-acl",
        ),
        pytest.param(
            "Under the plan, approved Friday, holders will receive cash.",
            """
            Under     under    IN   ADP    prep       9  # 0
            the       the      DT   DET    det        2  # 1
            plan      plan     NN   NOUN   pobj       0  # 2
            ,         ,        ,    PUNCT  punct      9  # 3
            approved  approve  VBN  VERB   advcl      9  # 4
            Friday    Friday   NNP  PROPN  npadvmod   4  # 5
            ,         ,        ,    PUNCT  punct      9  # 6
            holders   holder   NNS  NOUN   nsubj      9  # 7
            will      will     MD   AUX    aux        9  # 8
            receive   receive  VB   VERB   ROOT       9  # 9
            cash      cash     NN   NOUN   dobj       9  # 10
            .         .        .    PUNCT  punct      9  # 11
        """,
            "Friday",
            "2013-10-25",
            id="participle-aside-advcl",
        ),
    ],
)
def test_a_participle_without_auxiliary_is_past(en_vocab, text: str, table: str, day: str, expected: str):
    """A past participle with no auxiliary and no mark (acl "terms announced Friday", advcl
    ", approved Friday,") is done by the telling, whatever the main clause's "would"/"will"."""
    assert values(parse(en_vocab, text, table), pub(MONDAY))[day] == expected


def test_possessive_weekday_is_a_past_day(en_vocab):
    """The day is the possessive of a noun under a present copula's attribute ("is a premium ...
    over Thursday's price"): no timetable, the nearest past day."""
    doc = parse(
        en_vocab,
        "The offer is a premium of 12% over Thursday's closing price.",
        """
        The       the       DT   DET    det        1  # 0
        offer     offer     NN   NOUN   nsubj      2  # 1
        is        be        VBZ  AUX    ROOT       2  # 2
        a         a         DT   DET    det        4  # 3
        premium   premium   NN   NOUN   attr       2  # 4
        of        of        IN   ADP    prep       4  # 5
        12        12        CD   NUM    nummod     7  # 6
        %         %         NN   NOUN   pobj       5  # 7
        over      over      IN   ADP    prep       4  # 8
        Thursday  Thursday  NNP  PROPN  poss      12  # 9
        's        's        POS  PART   case       9  # 10
        closing   closing   NN   NOUN   compound  12  # 11
        price     price     NN   NOUN   pobj       8  # 12
        .         .         .    PUNCT  punct      2  # 13
    """,
    )
    assert values(doc, pub(MONDAY))["Thursday"] == "2013-10-24"


def test_expected_in_a_month_looks_forward(en_vocab):
    """ "is expected in December": a VBN of a forward verb ("expect") with a present auxiliary."""
    doc = parse(
        en_vocab,
        "The closing, which is expected in December, needs approval.",
        """
        The       the       DT   DET    det         1  # 0
        closing   closing   NN   NOUN   nsubj       9  # 1
        ,         ,         ,    PUNCT  punct       1  # 2
        which     which     WDT  PRON   nsubjpass   5  # 3
        is        be        VBZ  AUX    auxpass     5  # 4
        expected  expect    VBN  VERB   relcl       1  # 5
        in        in        IN   ADP    prep        5  # 6
        December  December  NNP  PROPN  pobj        6  # 7
        ,         ,         ,    PUNCT  punct       1  # 8
        needs     need      VBZ  VERB   ROOT        9  # 9
        approval  approval  NN   NOUN   dobj        9  # 10
        .         .         .    PUNCT  punct       9  # 11
    """,
    )
    assert values(doc, pub(date(2013, 11, 2)))["December"] == "2013-12"


def test_infinitive_under_a_past_verb_takes_the_nearest_month(en_vocab):
    """ "agreed to buy ... in January": an infinitive (xcomp with "to") under a past head has no
    direction; the month nearest the publication is taken (the next January here)."""
    doc = parse(
        en_vocab,
        "The group agreed to buy the mill in January.",
        """
        The      the      DT   DET    det     1  # 0
        group    group    NN   NOUN   nsubj   2  # 1
        agreed   agree    VBD  VERB   ROOT    2  # 2
        to       to       TO   PART   aux     4  # 3
        buy      buy      VB   VERB   xcomp   2  # 4
        the      the      DT   DET    det     6  # 5
        mill     mill     NN   NOUN   dobj    4  # 6
        in       in       IN   ADP    prep    4  # 7
        January  January  NNP  PROPN  pobj    7  # 8
        .        .        .    PUNCT  punct   2  # 9
    """,
    )
    assert values(doc, pub(date(2013, 10, 30)))["January"] == "2014-01"
