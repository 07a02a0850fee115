"""The publication window of an article, and how it was found.

Order: the date the input gives; a full date written in the text's head (or in a caption, when
the text agrees with it); the dateline's month and day, with the year the other evidence leaves;
else a window inferred from the evidence: the terms of office holders named in their roles and
anniversaries ("the 80th anniversary of ..."). Every step is conservative: a window that may
miss the true date is worse than a wide one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Doc

from detente.dates import syntax
from detente.dates.lexicon import KeywordRow
from detente.dates.rules import DateKnowledge, candidates
from detente.dates.timex import span, window_of
from detente.dates.values import Ctx
from detente.reading import Reading
from detente.records import DateWindow, Published, TermEvidence

_HEAD_CHARS = 300
_FULL_DATE_RULES = frozenset({"iso_date", "month_day_year", "day_month_year"})
# A full date in the head counts when it stands at a line start or after one of these labels.
_LABEL = re.compile(
    r"(?:^|\n|\b(?:date|dated|published|posted|updated|updated on|published on)[:\s]*|[|•·—–-]\s*)\s*$", re.IGNORECASE
)
_ANNIVERSARY = re.compile(
    r"(?P<n>\d{1,4})(?:st|nd|rd|th)\s+anniversary\s+of\b|(?P<word>[a-z]+(?:-[a-z]+)?)\s+anniversary\s+of\b",
    re.IGNORECASE,
)
_YEAR = timedelta(days=366)
# Words that put an anniversary ahead of the article ("is to be marked", "the upcoming 80th").
_FUTURE_CUE = re.compile(
    r"\b(?:upcoming|forthcoming|approaching|ahead of|coming|will|(?:is|are)\s+(?:to|due)\s+be|(?:is|are)\s+(?:due|set)\s+to)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“‘']|\s*\n|\s*$)|\n")


def _full_dates(text: str, know: DateKnowledge) -> list[tuple[int, date]]:
    """Full (day, month, year) dates in a short text, with their start offsets."""
    lex = know.lexicon
    out = []
    for cand in candidates(text, know.rules):
        if cand.rule.name not in _FULL_DATE_RULES:
            continue
        month = cand.match.groupdict().get("month")
        if month and not month[0].isupper():
            continue
        value = cand.rule.normalise(cand.match, Ctx(ref=None, tense="none"), lex)
        if value and value[1]:
            out.append((cand.start, date.fromisoformat(value[1])))
    return out


def _inside(d: date, bounds: DateWindow | None) -> bool:
    if bounds is None or bounds.earliest is None or bounds.latest is None:
        return True
    return bounds.earliest <= d <= bounds.latest


def _explicit_in_head(
    text: str, bounds: DateWindow | None, today: date, know: DateKnowledge
) -> tuple[date, str] | None:
    head = text[:_HEAD_CHARS]
    for start, d in _full_dates(head, know):
        if _LABEL.search(head[:start]) and d <= today and _inside(d, bounds):
            return d, f"explicit date {head[start : start + 20].strip()!r} in the text's head"
    return None


def _past_weekdays(doc: Doc, text: str, know: DateKnowledge) -> set[int]:
    """ISO weekdays that past-tense clauses of the text name without 'last'/'next'."""
    lex = know.lexicon
    out: set[int] = set()
    for cand in candidates(text, know.rules):
        if cand.rule.name != "weekday" or cand.match["rel"] or cand.match["plural"]:
            continue
        wd = cand.match["wd"]
        if not wd[0].isupper():
            continue
        anchor = syntax.anchor_token(doc, cand.start, cand.end)
        if syntax.tense(doc, anchor, know.lexicon) == "past":
            out.add(lex.weekdays[wd.lower()])
    return out


def _caption_date(
    reading: Reading, bounds: DateWindow | None, today: date, know: DateKnowledge
) -> tuple[date, str] | None:
    """A caption's full date, when the text agrees: a past-tense weekday or the dateline's day."""
    doc, article, dateline = reading.doc, reading.article, reading.dateline
    dates = {d for caption in article.captions for _, d in _full_dates(caption, know)}
    dates = {d for d in dates if d <= today and _inside(d, bounds)}
    if not dates:
        return None
    weekdays = _past_weekdays(doc, article.text, know)
    agreeing = []
    for d in dates:
        if dateline and dateline.month == d.month and dateline.day == d.day:
            agreeing.append((d, "caption date agrees with the dateline"))
        elif d.isoweekday() in weekdays:
            agreeing.append((d, f"caption date agrees with the text's past-tense {d.strftime('%A')}"))
    if len({d for d, _ in agreeing}) != 1:
        return None  # none, or captions that disagree with each other
    return agreeing[0]


def _present(alternative: str, phrase: str) -> bool:
    # short capitalised forms (US, UN) must match exactly; words match case-insensitively
    flags = 0 if len(alternative) <= 4 and alternative.upper() == alternative else re.IGNORECASE
    return re.search(r"(?<!\w)" + re.escape(alternative) + r"(?!\w)", phrase, flags) is not None


def _matches(row: KeywordRow, phrase: str) -> bool:
    return all(any(_present(a, phrase) for a in group) for group in row.groups)


def _anniversaries(doc: Doc, text: str, today: date, know: DateKnowledge) -> list[tuple[DateWindow, str]]:
    """Windows the article's anniversaries put the publication in (``text`` is the doc's text)."""
    out: list[tuple[DateWindow, str]] = []
    if "nniversar" not in text and "NNIVERSAR" not in text:
        return out  # the pattern scans every word: skip the many texts that cannot match
    lex = know.lexicon
    for m in _ANNIVERSARY.finditer(text):
        if m["n"]:
            n = int(m["n"])
        else:
            n = lex.ordinals.get(m["word"].lower()) or 0
            if not n and "-" in m["word"]:
                tens, ones = m["word"].lower().split("-", 1)
                tens_value = {
                    "twenty": 20,
                    "thirty": 30,
                    "forty": 40,
                    "fifty": 50,
                    "sixty": 60,
                    "seventy": 70,
                    "eighty": 80,
                    "ninety": 90,
                }.get(tens, 0)
                n = tens_value + (lex.ordinals.get(ones) or 0) if tens_value else 0
        if not n:
            continue
        # the phrase runs to the sentence's end (not the dot of "U.S."), at most 160 characters
        stop = _SENTENCE_END.search(text, m.end())
        end = min(stop.start() if stop else len(text), m.end() + 160)
        phrase = text[m.end() : end]
        rows = [row for row in lex.anniversaries if _matches(row, phrase)]
        if not rows:
            continue
        row = rows[0]
        year = row.year + n
        if year > today.year + 1:
            continue
        if row.start is not None:
            try:
                day = row.start.replace(year=year)
            except ValueError:  # a 29 February base
                day = date(year, 3, 1)
            lo, hi = day, day
        else:
            lo, hi = date(year, 1, 1), date(year, 12, 31)
        token = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        tense = syntax.tense(doc, token.root.i, know.lexicon) if token is not None else "none"
        window_text = text[max(0, m.start() - 60) : end]
        if tense == "future" or _FUTURE_CUE.search(window_text):
            lo -= _YEAR
        elif tense == "past":
            hi += _YEAR
        else:
            lo, hi = lo - _YEAR, hi + _YEAR
        out.append(
            (
                span(lo, min(hi, today)) if lo <= min(hi, today) else span(lo, hi),
                f"{n}th anniversary ({row.note or row.year})",
            )
        )
    return out


_FORMER = re.compile(
    r"\b(?:former|ousted|deposed|toppled|exiled|late|then|ex|outgoing|erstwhile|one-time|onetime|retired|previous)\b[\s-]*(?:[A-Z][\w.]*\s+)?$",
    re.IGNORECASE,
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_ABSOLUTE_RULES = frozenset({"iso_date", "month_day_year", "day_month_year", "month_year", "year"})


def _past_floor(doc: Doc, text: str, know: DateKnowledge) -> date | None:
    """The latest first day of an absolute date (with a year) told in a past-tense clause."""
    from detente.dates.finder import (
        plausible,  # the finder's filters (years that are amounts...)
    )

    lex = know.lexicon
    best: date | None = None
    for cand in candidates(text, know.rules):
        if cand.rule.name not in _ABSOLUTE_RULES or (cand.rule.name == "month_year" and not cand.match["year"]):
            continue
        if not plausible(cand, text, doc, know.lexicon):
            continue
        value = cand.rule.normalise(cand.match, Ctx(ref=None, tense="none"), lex)
        w = window_of(value[1]) if value and value[1] else None
        if w is None or w.earliest is None:
            continue
        anchor = syntax.anchor_token(doc, cand.start, cand.end)
        if syntax.tense(doc, anchor, know.lexicon) != "past":
            continue
        if (
            anchor is not None
            and doc[anchor].pos_ in ("VERB", "AUX")
            and not any(c.dep_ in _SUBJECTS for c in doc[anchor].children)
        ):
            # a past-tense verb without a subject is often a misread adjective ("deployed
            # warheads until February 2026"): a floor from it could shut out the true date
            continue
        if best is None or w.earliest > best:
            best = w.earliest
    return best


def _bounds(
    doc: Doc, text: str, evidence: Sequence[TermEvidence], today: date, know: DateKnowledge
) -> tuple[DateWindow | None, list[str]]:
    """The window all the evidence allows: the intersection of office terms and anniversaries.

    Evidence that contradicts the rest (an empty intersection) is resolved by the union: wider,
    but it still holds the true date if any piece of evidence does.
    """
    windows: list[tuple[DateWindow, str]] = []
    for ev in evidence:
        end = ev.end or today
        if _FORMER.search(text[max(0, ev.span[0] - 30) : ev.span[0]]):
            end = today  # "ousted President X": the term is over, so it only bounds from below
        if ev.start <= end:
            windows.append((span(ev.start, end), f"term of {ev.person_id} as {ev.seat}"))
    windows += _anniversaries(doc, text, today, know)
    if not windows:
        return None, []
    floor = _past_floor(doc, text, know)
    if floor is not None and floor <= today:
        # a dated past event the text tells of happened before publication
        windows.append((span(floor, today), f"past event dated {floor.isoformat()}"))
    lo = max(w.earliest for w, _ in windows if w.earliest)
    hi = min(w.latest for w, _ in windows if w.latest)
    reasons = [r for _, r in windows]
    if lo > hi:
        lo = min(w.earliest for w, _ in windows if w.earliest)
        hi = max(w.latest for w, _ in windows if w.latest)
        reasons.append("evidence conflicts: the union is kept")
    return span(lo, hi), reasons


def publication(
    reading: Reading, evidence: Sequence[TermEvidence], know: DateKnowledge, *, today: date | None = None
) -> Published:
    """The publication window with its method (given, explicit, dateline, inferred, unknown)."""
    doc, article = reading.doc, reading.article
    if article.published is not None:
        return Published(window=DateWindow.day(article.published), method="given", evidence=("input metadata",))
    today = today or date.today()
    bounds, reasons = _bounds(doc, article.text, evidence, today, know)
    found = _explicit_in_head(article.text, bounds, today, know) or _caption_date(reading, bounds, today, know)
    if found:
        return Published(window=DateWindow.day(found[0]), method="explicit", evidence=(found[1],))
    dateline = reading.dateline
    if dateline and dateline.month and dateline.day:
        if dateline.year:
            try:
                d = date(dateline.year, dateline.month, dateline.day)
                return Published(window=DateWindow.day(d), method="dateline", evidence=("dateline with year",))
            except ValueError:
                pass
        elif bounds is not None and bounds.earliest and bounds.latest:
            days = [
                day
                for y in range(bounds.earliest.year, bounds.latest.year + 1)
                if (day := _valid(y, dateline.month, dateline.day)) and bounds.earliest <= day <= bounds.latest
            ]
            if len(days) == 1:
                return Published(
                    window=DateWindow.day(days[0]),
                    method="dateline",
                    evidence=(f"dateline {dateline.month}/{dateline.day}", *reasons),
                )
            if days:
                return Published(
                    window=span(days[0], days[-1]),
                    method="inferred",
                    evidence=(f"dateline {dateline.month}/{dateline.day}", *reasons),
                )
    if bounds is not None:
        return Published(window=bounds, method="inferred", evidence=tuple(reasons))
    return Published()


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
