"""Finding and resolving every time expression of a parsed article.

Patterns (``rules``) run over the text; the parse gives each expression its anchor token and the
tense of its clause; the normaliser gives the TIMEX3 value against the publication day. When the
publication is a window of several days, the expression is resolved against both ends and gets
the union of the two windows (and a value only when both ends agree).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from detente.dates import syntax
from detente.dates.lexicon import Lexicon
from detente.dates.rules import Candidate, DateKnowledge, candidates
from detente.dates.timex import span, union, window_of
from detente.dates.values import Ctx, Tense, Value
from detente.records import DateWindow, Published, TimeExpression

_ABSOLUTE = re.compile(r"^\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI))?$")
# Words before a bare month name or a bare year that make it a date ("in May", "since 1991").
_DATE_PREPS = frozenset(
    "in on of since until till by before after from to between and during through early late mid "
    "last next this the fiscal year end beginning start".split()
)
_NOT_YEAR_ENTS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
_UNIT_DAYS = {"D": 1, "W": 7, "M": 31, "Y": 366}
# "the past two weeks", "the last 10 days": a span that ends at publication
_RECENT = re.compile(r"(?:the\s+)?(?:past|last)\s", re.IGNORECASE)
_PAST_WEEK = re.compile(r"(?:the|this)\s+past\s+week|the\s+last\s+week", re.IGNORECASE)


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 20) : start])
    return m.group(1).lower() if m else ""


def _is_rate(doc: Doc, start: int) -> bool:
    """'flights a week', '$2 million a year': "a <unit>" after an amount or a plural noun is a
    rate (per week), not a span of time."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or first.start == 0:
        return False
    token = doc[first.start - 1]
    return (
        token.tag_ in ("NNS", "NNPS", "CD", "$")
        or token.like_num
        or token.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")
    )


def _is_prenominal(doc: Doc, start: int, end: int) -> bool:
    """A one-word expression used as an adjective of a noun ("quarterly dividend")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.dep_ == "amod" or (
        token.tag_ == "JJ" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i
    )


def _is_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ in ("VERB", "AUX")


def _after_amount(doc: Doc, start: int) -> bool:
    """The word before is an amount: a number, a percentage, money, or a noun counted by one."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or first.start == 0:
        return False
    token = doc[first.start - 1]
    if token.like_num or token.text == "%" or token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
        return True
    return token.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in token.children)


def plausible(cand: Candidate, text: str, doc: Doc, lex: Lexicon) -> bool:
    """Filters that need more than the pattern: capitalised months, years that are not amounts."""
    m = cand.match
    name = cand.rule.name
    groups = m.groupdict()
    month = groups.get("month")
    if month and not month[0].isupper():
        return False
    if month and month.lower() in ("may", "march") and name in ("month",):
        # "may" and "march" are also verbs: a bare month name needs a preposition or modifier
        return m.start("month") > m.start() or _word_before(text, m.start()) in _DATE_PREPS
    wd = groups.get("wd")
    if wd and not wd[0].isupper():
        return False
    if name == "year":
        if m.start("year") > m.start():
            return True
        before = _word_before(text, m.start())
        if before in _DATE_PREPS:
            return True
        tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if tok is not None and any(t.ent_type_ in _NOT_YEAR_ENTS for t in tok):
            return False
        return True
    if name == "duration" and m[0].split()[0].lower() in ("a", "an") and _is_rate(doc, m.start()):
        return False
    if name == "set" and m[0].lower() in lex.kind_adjectives and _is_prenominal(doc, m.start(), m.end()):
        return False
    if name == "set" and " " not in m[0] and _after_amount(doc, m.start()):
        return False  # "grow 8% annually", "10,000 units annually": a rate, not a recurring time
    if name == "reference" and m[0].lower() in ("future",):
        # bare "future" is mostly an adjective of kind ("future losses"), rarely marked as a time
        return False
    if (
        name == "season"
        and not (groups.get("rel") or groups.get("year"))
        and _word_before(text, m.start()) not in _DATE_PREPS
    ):
        return False
    if name == "season" and not groups.get("year") and _is_verb(doc, m.start("season"), m.end("season")):
        return False  # "prices continued to fall", "troops spring into action"
    if name == "relative_unit" and groups.get("unit", "")[:1].isupper():
        return False  # "ABC's This Week": a title, not a week
    if name == "deictic" and groups.get("word", "")[:1].isupper() and _after_capitalised_word(text, m.start()):
        return False  # "USA Today", "Last Week Tonight": a name, not a day
    return True


def _after_capitalised_word(text: str, start: int) -> bool:
    """Whether a capitalised word ends right before ``start`` on the same line (not a sentence's
    end): the word at ``start`` continues a name."""
    m = re.search(r"([A-Z][A-Za-z]*)[ \t]+$", text[max(0, start - 30) : start])
    return m is not None


def _resolve_at(
    cand: Candidate, ref: date | None, tense: Tense, last: str | None, quarter: str | None, lex: Lexicon
) -> Value | None:
    try:
        return cand.rule.normalise(cand.match, Ctx(ref=ref, tense=tense, last=last, quarter=quarter), lex)
    except (OverflowError, ValueError):
        return None  # "Wednesday" before 0001-01-01 or after 9999-12-31: no calendar date resolves it


def _window(kind: str, value: str | None, published: Published) -> DateWindow:
    if value == "PRESENT_REF":
        w = published.window
        return (
            DateWindow(earliest=w.earliest, latest=w.latest, precision=w.precision, timex=value)
            if w.known
            else DateWindow(timex=value)
        )
    if kind in ("DURATION", "SET"):
        return DateWindow(timex=value)
    w = window_of(value)
    return w if w.known else DateWindow(timex=value)


def _era_window(text: str, lex: Lexicon) -> DateWindow:
    lowered = re.sub(r"\s+", " ", text.lower())
    for row in lex.eras:
        if any(a.lower() in lowered for g in row.groups for a in g) and row.start and row.end:
            return span(row.start, row.end)
    return DateWindow.unknown()


def _span_window(n_units: int, unit: str, ref_lo: date, ref_hi: date, tense: Tense) -> DateWindow:
    """'a day after X': the clause lies within n units of the reference, before it unless future."""
    days = n_units * _UNIT_DAYS.get(unit, 1)
    if tense == "future":
        return span(ref_lo, ref_hi + timedelta(days=days))
    return span(ref_lo - timedelta(days=days), ref_hi)


def find(doc: Doc, published: Published, know: DateKnowledge) -> tuple[TimeExpression, ...]:
    """Every time expression in the doc, resolved against the publication window."""
    text = doc.text
    window = published.window
    lo, hi = (window.earliest, window.latest) if window.known else (None, None)
    out: list[TimeExpression] = []
    last: str | None = None
    quarter: str | None = None
    for cand in candidates(text, know.rules):
        if not plausible(cand, text, doc, know.lexicon):
            continue
        anchor = syntax.anchor_token(doc, cand.start, cand.end)
        tense = syntax.tense(doc, anchor, know.lexicon)
        first = _resolve_at(cand, lo, tense, last, quarter, know.lexicon)
        if first is None:
            continue
        kind, value = first
        if not cand.rule.relative or lo == hi:
            dw = _window(kind, value, published)
        else:
            second = _resolve_at(cand, hi, tense, last, quarter, know.lexicon)
            value_hi = second[1] if second else None
            w1, w2 = _window(kind, value, published), _window(kind, value_hi, published)
            if value != value_hi:
                value = None
            dw = union(w1, w2, value) if w1.known and w2.known else DateWindow(timex=value)
        if cand.rule.name == "era":
            dw = _era_window(cand.match[0], know.lexicon)
        elif cand.rule.name in ("ago", "duration") and kind == "DURATION" and lo and hi and value:
            m = re.match(r"P(\d+)([DWMY])$", value)
            if m and (cand.rule.name == "ago" or _RECENT.match(cand.match[0])):
                # "two days ago" with a vague value, "over the past two weeks": the clause lies in
                # those days before publication
                dw = _span_window(int(m[1]), m[2], lo, hi, "past" if cand.rule.name == "duration" else tense)
                dw = DateWindow(earliest=dw.earliest, latest=dw.latest, precision=dw.precision, timex=value)
        elif cand.rule.name == "relative_unit" and lo and hi and _PAST_WEEK.fullmatch(cand.match[0]):
            # "the past week" in news is the seven days before publication, not the calendar week
            # before this one that "last week" names; the value keeps the calendar convention
            dw = span(lo - timedelta(days=7), hi, value)
        dw = _clip(dw, cand.match[0], tense, lo, hi, kind)
        if (
            # only for times the text does not pin itself (a named year is taken at its word)
            tense == "past"
            and cand.rule.relative
            and not re.search(r"\d{4}", cand.match[0])
            and kind in ("DATE", "TIME")
            and anchor is not None
            and doc[anchor].pos_ in ("VERB", "AUX")
            and dw.earliest is not None
            and hi is not None
            and dw.earliest > hi
        ):
            # "has called off a summit in Moscow next month": a time wholly after publication
            # cannot date a past clause; the parser hung it on the verb, it is the object's
            anchor = syntax.object_of(doc, anchor)
        anaphoric = (
            cand.rule.name in ("ago", "year_ago_adj") or "year" in (cand.match.groupdict().get("rel") or "").lower()
        )
        if kind == "DATE" and value and _ABSOLUTE.match(value) and not anaphoric:
            last = value  # only what the text dates itself anchors "a year earlier"
            if re.fullmatch(r"\d{4}-Q[1-4]", value):
                quarter = value
        out.append(
            TimeExpression(
                span=(cand.start, cand.end),
                text=text[cand.start : cand.end],
                kind=kind,
                value=value,
                window=dw,
                anchor_token=anchor,
            )
        )
    return tuple(out)


def _clip(dw: DateWindow, text: str, tense: Tense, lo: date | None, hi: date | None, kind: str) -> DateWindow:
    """A past clause happened by the publication ("met earlier this week": not after it), a
    future one after it: the part of the window on the wrong side of publication is cut."""
    if kind not in ("DATE", "TIME") or dw.earliest is None or dw.latest is None or lo is None or hi is None:
        return dw
    word = text.split()[0].lower() if text.split() else ""
    if (tense == "past" or word == "earlier") and word != "later" and dw.earliest <= hi < dw.latest:
        return DateWindow(earliest=dw.earliest, latest=hi, precision=dw.precision, timex=dw.timex)
    if (tense == "future" or word == "later") and dw.earliest < lo <= dw.latest:
        return DateWindow(earliest=lo, latest=dw.latest, precision=dw.precision, timex=dw.timex)
    return dw


# Dependency relations that open a clause with a time of its own: climbing stops there.
_CLAUSE_BOUNDARIES = frozenset({"ccomp", "parataxis", "relcl", "acl"})


class TimeIndex:
    """An article's time expressions by the token they are anchored on, built once per article:
    the date of any clause (events, quotes).

    Sets, durations other than spans ending at publication, and expressions without a known
    window (PAST_REF) do not date a clause.
    """

    def __init__(self, times: Sequence[TimeExpression], published: Published) -> None:
        self.published = published
        self.anchored: dict[int, DateWindow] = {}
        for t in times:
            # a span that ends at publication ("over the past two weeks") dates its clause too; a
            # span from another event ("a day after the vote") does not
            recent = t.kind == "DURATION" and _RECENT.match(t.text) is not None
            if t.anchor_token is not None and (t.kind in ("DATE", "TIME") or recent) and t.window.known:
                self.anchored.setdefault(t.anchor_token, t.window)
        # Each dated expression's characters and window, in text order: the article's running
        # time.
        dated = sorted((t.span, t.window) for t in times if t.kind in ("DATE", "TIME") and t.window.known)
        self._starts = [span[0] for span, _ in dated]
        self._running = dated

    def news_day_before(self, char: int, days: int, doc: Doc) -> DateWindow | None:
        """The window of the last clause's time expression before a character when it lies in
        the ``days`` before publication ("Mr. X arrived on Thursday. ... He met Y": the meeting
        is told in Thursday's time), else None: the article's running time is not the news days.
        A time that is a noun's possessor ("Wednesday's vote") names another event's day, not
        the running time, and is passed over, and so is "now"."""
        pub = self.published.window
        if pub.earliest is None or pub.latest is None:
            return None
        for (lo, hi), window in reversed(self._running[: bisect_left(self._starts, char)]):
            words = doc.char_span(lo, hi, alignment_mode="expand")
            if words is not None and words.root.dep_ == "poss":
                continue
            if window.timex == "PRESENT_REF":
                continue  # "now": the present, not a day the story is told in
            assert window.earliest is not None and window.latest is not None  # known windows only
            if window.earliest < pub.earliest - timedelta(days=days) or window.latest > pub.latest:
                return None
            return window
        return None

    def dated(self, token_index: int, doc: Doc | None = None) -> DateWindow | None:
        """The time expression anchored on a token or on the heads above it within its clause
        (when ``doc`` is given), else None."""
        anchored = self.anchored
        if token_index in anchored:
            return anchored[token_index]
        if doc is not None and 0 <= token_index < len(doc):
            token = doc[token_index]
            for _ in range(8):
                if (when := self._when_clause(token)) is not None:
                    return when
                if token.head.i == token.i or token.dep_ in _CLAUSE_BOUNDARIES:
                    break
                token = token.head
                if token.i in anchored:
                    return anchored[token.i]
        return None

    def _when_clause(self, head: Token) -> DateWindow | None:
        """The time of a clause's "when" clause, or of an "as" clause before it: the two happen
        together ("When X visited Y on Monday, he met Z"; "As the talks went on this past week,
        X met Y"). An "as" after its clause is mostly a comparison or a source ("..., as X
        said on Monday") and gives nothing."""
        for child in head.children:
            if child.dep_ != "advcl" or child.i not in self.anchored:
                continue
            marks = {t.lower_ for t in child.children if t.dep_ in ("mark", "advmod")}
            if "when" in marks or ("as" in marks and child.i < head.i):
                return self.anchored[child.i]
        return None

    def date_for(self, token_index: int, doc: Doc | None = None) -> DateWindow:
        """The date of the clause headed by a token: its time expression (``dated``), else the
        publication window."""
        return self.dated(token_index, doc) or self.published.window


def date_for(
    token_index: int,
    times: Sequence[TimeExpression],
    published: Published,
    doc: Doc | None = None,
) -> DateWindow:
    """The date of the clause headed by a token (``TimeIndex.date_for``, for one question)."""
    return TimeIndex(times, published).date_for(token_index, doc)
