"""Scraped text: web debris out, the headline to `title`, photo captions to `captions`, the publisher
to `source`.

Everything here works on the FORM of a line, never on a list of known lines:
- body paragraphs have sentence structure (they end like a sentence, or are long);
- debris is short and unpunctuated, or made of navigation/sharing vocabulary, or a prompt
  ("Read more: ..."), a byline, a timestamp;
- a headline is the first title-like line before the body;
- captions carry a photo credit ("REUTERS/Name", "Photo: Name") or are descriptive unpunctuated
  lines between the headline and the body;
- the publisher comes from the article's own dateline ("MOSCOW (Reuters) -"), an "Agency: ..."
  headline prefix, a "<Outlet> correspondent <Name> reports." byline sentence, or a sign-off line
  after the last paragraph. Outlets the body cites ("X reported", "according to X") are not it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from detente.ingest.dateline import find_dateline
from detente.ingest.lexicon import Lexicon

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:\s*(?:,|at|-|–|—|\|)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:\(?[a-z]{2,4}(?:[+-]\d{1,2})?\)?)?)?"
_DATE_FORMS = (
    re.compile(
        r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?"
    ),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME),
    re.compile(r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})" + _TIME),
)
_SHORT_TEXT_WORDS = 3  # "Talks resumed today." is a text; "Read more." is not
_SENTENCE_END = re.compile(r"[.!?…:;,]$")
_CLOSERS = "\"'”’»)]*"
_OPENING_QUOTES = "\"“‘«'"
_WORD = re.compile(r"[^\W_](?:[\w'’.&/-]*[^\W_])?")
_TIMESTAMP = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|\b\d+\s*(?:min|minute)s?\s+read\b",
    re.IGNORECASE,
)
# "REUTERS/Jane Doe", "AP Photo/John Roe", "Ann Smith/Reuters": a credit at
# the end of a line, NAME/NAME with capitalised names on both sides of the slash.
_CAP = r"[A-Z][\w'’.&-]*"
_SLASH_CREDIT = re.compile(
    r"(?:^|[\s(\[])(?:" + _CAP + r"(?:\s" + _CAP + r"){0,3})\s?/\s?" + _CAP + r"(?:\s" + _CAP + r"){0,3}"
    r"(?:\s?/\s?" + _CAP + r"(?:\s" + _CAP + r"){0,3})?\s*[)\]]?\s*$"
)
_CONNECTORS = frozenset(
    {"of", "de", "la", "le", "al", "el", "von", "van", "der", "den", "da", "di", "du", "and", "&", "the", "for", "on"}
)
_PREFIX = re.compile(r"^(?P<outlet>[^:\n]{2,40}?)\s*:\s+\S")
_BYLINE_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<head>[A-Z][^.!?\n]{0,60}?)\s+(?:[Cc]orrespondent|[Rr]eporter|[Bb]ureau [Cc]hief)\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?:reports|reported)(?:\s+from\s+[A-Z][\w .'-]{1,40})?\s*\.\s*$"
)
_POSSESSIVE_BYLINE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<head>[A-Z][^.!?\n]{0,40}?)['’]s?\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+"
    r"(?:reports|reported)(?:\s+from\s+[A-Z][\w .'-]{1,40})?\s*\.\s*$"
)


class Role(Enum):
    BLANK = "blank"
    BODY = "body"
    HEADLINE = "headline"
    CAPTION = "caption"
    DEBRIS = "debris"


@dataclass(frozen=True, slots=True, kw_only=True)
class Cleaned:
    """A scraped article taken apart."""

    text: str
    title: str | None = None
    captions: tuple[str, ...] = ()
    source: str | None = None
    published: date | None = None  # from a date line of the page ("Published 3 May 2021")
    roles: tuple[Role, ...] = ()  # one per input line, for tests and debugging


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip().rstrip(_CLOSERS).rstrip()))


def _prose(line: str) -> str:
    """The line without bullets and decoration a menu item may carry."""
    return line.strip().lstrip("•*·-–—>»›|#+ \t").strip()


class _Classifier:
    """Per-line tests; the vocabulary comes from the lexicon, the rules are forms."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        vocab = lexicon.debris
        words = "|".join(re.escape(w) for w in sorted(vocab.credit_words, key=len, reverse=True))
        self._word_credit = re.compile(
            r"(?:^|[\s(\[|,.;–—-])(?i:"
            + words
            + r")(?:\s+(?i:credit|by|courtesy(?:\s+of)?|source))?\s*(?::|©|\b[Bb]y\b|\|)\s*"
            # ...followed by a name, not by a sentence: "Photo: Jane Roe", "(Photo by Ann Lee/Getty Images)".
            r"[A-Z©][\w'’.&-]*(?:[\s/]+[A-Z(©][\w'’.&()-]*){0,6}\s*[)\]]?\s*$"
        )
        sources = "|".join(re.escape(s) for s in vocab.credit_sources)
        self._source_credit = re.compile(r"(?:" + sources + r")[)\]]?\s*$", re.IGNORECASE)

    def nav(self, line: str) -> bool:
        tokens = [w.casefold() for w in _words(line)]
        vocab = self.lexicon.debris
        return 0 < len(tokens) <= vocab.nav_max_words and all(t in vocab.nav_words for t in tokens)

    def prompt(self, line: str) -> bool:
        low = _prose(line).casefold()
        return low.startswith(self.lexicon.debris.prompt_starts)

    def share(self, line: str) -> bool:
        tokens = [w.casefold() for w in _words(line)]
        return len(tokens) <= 8 and any(t in self.lexicon.debris.share_words for t in tokens)

    def byline(self, line: str) -> bool:
        low = _prose(line).casefold()
        return (
            len(_words(line)) <= 10
            and not ends_sentence(line.rstrip("."))
            and low.startswith(self.lexicon.debris.byline_starts)
        )

    def timestamp(self, line: str) -> bool:
        return len(_words(line)) <= 8 and bool(_TIMESTAMP.search(line)) and not ends_sentence(line)

    def credit(self, line: str) -> bool:
        tail = line.strip()[-90:]
        # A sentence ending in "Kyiv/Kiev." is prose; a credit ends with a name, not a full stop.
        slash = bool(_SLASH_CREDIT.search(tail)) and not ends_sentence(tail)
        return slash or bool(self._word_credit.search(tail) or self._source_credit.search(tail)) or "©" in tail

    def date_line(self, line: str) -> tuple[bool, date | None]:
        """Whether the line is only a date (with a label), and the publication date it gives."""
        low = _prose(line).casefold().rstrip(".")
        vocab = self.lexicon.debris
        label = ""
        for words in (vocab.other_date_words, vocab.published_words):
            for word in sorted(words, key=len, reverse=True):
                if low.startswith((word + " ", word + ":")):
                    label, low = word, low[len(word) :].lstrip(" :")
                    break
            if label:
                break
        for form in _DATE_FORMS:
            match = form.fullmatch(low.strip())
            if match is None:
                continue
            found = _to_date(match)
            if found is None or label in vocab.other_date_words:
                return True, None
            return True, found
        return False, None

    def name_like(self, line: str) -> bool:
        """A short line of capitalised words: a person or an outlet, e.g. a sign-off."""
        text = line.strip()
        tokens = text.split()
        if not 1 <= len(tokens) <= 5 or len(text) > 60 or any(c.isdigit() for c in text) or ends_sentence(text):
            return False
        named = [t for t in tokens if t.casefold() not in _CONNECTORS]
        return bool(named) and all(t[0].isupper() for t in named) and not self.nav(text)


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS.get((groups.get("month") or "").rstrip("."))
    try:
        return date(int(groups["year"]), month or 0, int(groups["day"]))
    except (TypeError, ValueError):
        return None


def _is_body_start(line: str, classify: _Classifier) -> bool:
    n = len(_words(line))
    return (
        (n >= 30 or (n >= 8 and ends_sentence(line))) and not classify.prompt(line) and not _is_caption(line, classify)
    )


def _is_short_text(line: str, classify: _Classifier) -> bool:
    """A sentence too short for a page's paragraph that is still a whole text: it ends like a
    sentence, has a few words, and is no prompt, menu, byline or caption."""
    return (
        len(_words(line)) >= _SHORT_TEXT_WORDS
        and ends_sentence(line)
        and not classify.prompt(line)
        and not classify.nav(line)
        and not classify.byline(line)
        and not _is_caption(line, classify)
    )


def _is_body(line: str, classify: _Classifier) -> bool:
    n = len(_words(line))
    sentence = ends_sentence(line) or n >= 25 or line.lstrip().startswith(tuple(_OPENING_QUOTES))
    return sentence and not classify.prompt(line) and not classify.nav(line) and not _is_caption(line, classify)


def _is_caption(line: str, classify: _Classifier) -> bool:
    # A quotation is never a caption even when a credit-like slash ends it.
    return classify.credit(line) and not line.lstrip().startswith(tuple(_OPENING_QUOTES))


def _credit_only(line: str) -> bool:
    """A credit with no description ("REUTERS/Name"): debris rather than a caption."""
    return len(_words(line)) <= 4


def _headline_like(line: str) -> bool:
    n = len(_words(line))
    text = line.strip()
    return 3 <= n <= 30 and len(text) <= 250 and not text.endswith((".", ",", ";", ":"))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def clean(raw: str, lexicon: Lexicon, *, title: str | None = None, find_headline: bool = True) -> Cleaned:
    """Take a scraped article apart. `title`, when known (HTML metadata), is not looked for again,
    and lines repeating it are dropped."""
    classify = _Classifier(lexicon)
    lines = _join_datelines(raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n"))
    roles = [Role.BLANK] * len(lines)
    published: date | None = None

    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    body_start = next((i for i in nonblank if _is_body_start(lines[i], classify)), None)
    if body_start is None:
        # No paragraph of a page: a short text of its own ("Troops left the town.") is the body.
        body_start = next((i for i in nonblank if _is_short_text(lines[i], classify)), None)
    if body_start is None:
        return Cleaned(text="", title=title, roles=tuple(roles))
    body_end = max(i for i in nonblank if (i >= body_start and _is_body(lines[i], classify)) or i == body_start)

    def debris_or_date(i: int) -> bool:
        nonlocal published
        line = lines[i]
        is_date, found = classify.date_line(line)
        if is_date:
            if found is not None and published is None:
                published = found
            return True
        return classify.nav(line) or classify.prompt(line) or classify.byline(line) or classify.timestamp(line)

    # Header: debris, the headline, captions (descriptive lines under the headline).
    for i in (i for i in nonblank if i < body_start):
        line = lines[i].strip()
        if debris_or_date(i) or (title is not None and _same(line, title)):
            roles[i] = Role.DEBRIS
        elif _is_caption(line, classify):
            roles[i] = Role.DEBRIS if _credit_only(line) else Role.CAPTION
        elif title is None and find_headline and _headline_like(line) and not classify.name_like(line):
            title, roles[i] = line, Role.HEADLINE
        elif len(_words(line)) >= 4 and not classify.name_like(line):
            roles[i] = Role.CAPTION
        else:
            roles[i] = Role.DEBRIS

    # Body: paragraphs, with captions and debris lines between them.
    for i in (i for i in nonblank if body_start <= i <= body_end):
        line = lines[i].strip()
        if i == body_start or _is_body(line, classify):
            roles[i] = Role.BODY
        elif _is_caption(line, classify):
            roles[i] = Role.DEBRIS if _credit_only(line) else Role.CAPTION
        elif debris_or_date(i):
            roles[i] = Role.DEBRIS
        elif len(_words(line)) >= 6 and not classify.name_like(line):
            roles[i] = Role.CAPTION
        else:
            roles[i] = Role.DEBRIS

    # Trailer: after the last paragraph only site furniture, a sign-off and stray captions.
    trailer = [i for i in nonblank if i > body_end]
    for i in trailer:
        line = lines[i].strip()
        if _is_caption(line, classify) and not _credit_only(line):
            roles[i] = Role.CAPTION
        else:
            debris_or_date(i)
            roles[i] = Role.DEBRIS

    text = _assemble(lines, roles)
    captions = tuple(lines[i].strip() for i, role in enumerate(roles) if role is Role.CAPTION)
    source = find_source(text, title, lexicon) or _signoff(lines, trailer, classify)
    return Cleaned(text=text, title=title, captions=captions, source=source, published=published, roles=tuple(roles))


def _join_datelines(lines: list[str]) -> list[str]:
    """A dateline scraped onto a line of its own ("MOSCOW (Reuters) -") opens the next paragraph
    again, so that it stays in the text for the source, the dates and the places stages."""
    out = list(lines)
    for i, line in enumerate(out):
        stripped = line.strip()
        if not stripped or len(stripped) > 80:
            continue
        dateline = find_dateline(stripped)
        if dateline is None or dateline.span[0] != 0 or dateline.span[1] < len(stripped):
            continue
        if not (dateline.agency or dateline.month):
            continue  # "UPDATE -" alone is not a dateline
        following = next((j for j in range(i + 1, len(out)) if out[j].strip()), None)
        if following is not None:
            out[following] = stripped + " " + out[following].strip()
            out[i] = ""
    return out


def _assemble(lines: list[str], roles: list[Role]) -> str:
    """Body lines in order; lines that were adjacent stay on adjacent lines, anything else
    (a blank line, a removed line) becomes a paragraph break."""
    out: list[str] = []
    previous: int | None = None
    for i, role in enumerate(roles):
        if role is not Role.BODY:
            continue
        if previous is not None:
            out.append("\n" if i == previous + 1 else "\n\n")
        out.append(lines[i].strip())
        previous = i
    return "".join(out)


def _outlet_name(written: str, lexicon: Lexicon) -> str | None:
    outlet = lexicon.outlets.find(written)
    if outlet is not None:
        return outlet.name
    return None


def find_source(text: str, title: str | None, lexicon: Lexicon) -> str | None:
    """The publisher, by the forms a publisher signs an article with (not those citing one)."""
    first = text.split("\n", 1)[0]
    # The article's own dateline opens its first paragraph: "MOSCOW (Reuters) - ...".
    dateline = find_dateline(first)
    if dateline is not None and dateline.span[0] <= 3 and dateline.agency:
        agency = dateline.agency
        known = _outlet_name(agency, lexicon)
        if known:
            return known
        tokens = agency.split()
        if 1 <= len(tokens) <= 4 and agency[0].isupper() and not any(c.isdigit() for c in agency):
            return agency
    # "Interfax: Kremlin chief of staff ..." - only a known outlet, since "Putin: ..." is a quote.
    if title:
        prefix = _PREFIX.match(title)
        if prefix:
            known = _outlet_name(prefix.group("outlet"), lexicon)
            if known:
                return known
    # "<Outlet> Moscow correspondent <Name> reports." in the lead (or closing) paragraph.
    paragraphs = [p for p in text.split("\n") if p.strip()]
    for paragraph in paragraphs[:2] + paragraphs[-1:]:
        for pattern in (_BYLINE_SENTENCE, _POSSESSIVE_BYLINE):
            match = pattern.search(paragraph.strip())
            if match:
                found = lexicon.outlets.prefix(match.group("head"))
                if found is not None:
                    return found[0].name
    return None


def _signoff(lines: list[str], trailer: list[int], classify: _Classifier) -> str | None:
    """A name-like line after the last paragraph: a known outlet, or any name directly followed
    by share/messenger prompts (the site's footer: "<Outlet>" then "on WhatsApp")."""
    for n, i in enumerate(trailer):
        line = lines[i].strip()
        if not classify.name_like(line):
            continue
        known = _outlet_name(line, classify.lexicon)
        if known:
            return known
        after = [lines[j].strip() for j in trailer[n + 1 :]]
        if (
            after
            and classify.share(after[0])
            and all(classify.share(a) or classify.nav(a) or classify.prompt(a) for a in after)
        ):
            return line
    return None
