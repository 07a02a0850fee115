"""The rule table: patterns that find time expressions, and the normaliser each one uses.

Modelled on HeidelTime: a pattern finds an expression; its normaliser turns the match into a
TIMEX3 value given a context (reference day, tense of the governing verb, the last date the text
mentioned). Word lists come from the lexicon (``DateKnowledge``). Patterns run over the raw text; where the
longest matches overlap the longest wins (``candidates``). For speed a rule's pattern only runs
over paragraphs holding one of its trigger words (a set test is far cheaper than a regex scan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from detente.dates import lexicon as lexicon_module
from detente.dates import normalisers as norm
from detente.dates.lexicon import Lexicon
from detente.dates.values import Rule, alternation
from detente.errors import KnowledgeError
from detente.knowledge import Knowledge

# ---- the table ------------------------------------------------------------------------------------


def compile_rules(lex: Lexicon) -> tuple[Rule, ...]:
    """The rule table, its patterns built from the lexicon's words."""
    full_months = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    abbr_months = [m for m in lex.months if m not in full_months]
    month = rf"(?P<month>{alternation(full_months)}|{alternation(abbr_months)}\.?)"
    month_full = rf"(?P<month>{alternation(full_months)}|{alternation(abbr_months)}\.)"
    full_wd = [w for w in lex.weekdays if len(w) > 4]
    wd = rf"(?P<wd>{alternation(full_wd)})"
    wd_prefix = rf"(?:(?P<wdp>{alternation(full_wd)}),?\s+)?"
    nums = list(lex.numbers)
    num = rf"(?P<num>\d+(?:,\d{{3}})*|{alternation(nums)}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
    units = list(lex.units)
    unit_pl = rf"(?P<unit>{alternation(units)}(?:s|es)?|centuries|millennia)"
    ords = rf"(?:{alternation(lex.ordinals)}|1st|2nd|3rd|4th)"
    seasons = alternation(lex.seasons)
    parts = alternation(["morning", "afternoon", "evening", "night"])
    refs = alternation(lex.references)
    holidays = alternation(lex.holidays)
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    eras = alternation([a for row in lex.eras for g in row.groups for a in g])
    flags = re.IGNORECASE

    digits = frozenset("0123456789")
    month_words = frozenset(lex.months)
    wd_words = frozenset(lex.weekdays)
    unit_words = frozenset(w for u in lex.units for w in (u, u + "s", u + "es")) | {"centuries", "millennia"}

    def longest_words(phrases: object) -> frozenset[str]:
        # every match of a listed phrase holds the phrase's longest word
        return frozenset(max(re.findall(r"[a-z]+|[0-9]+", str(p).lower()), key=len) for p in phrases)  # type: ignore[attr-defined]

    triggers = {
        "iso_date": digits,
        "slash_date": digits,
        "month_day_year": month_words,
        "day_month_year": month_words,
        "time": digits | {"noon", "midnight"},
        "time_wd_first": wd_words,
        "month_day": month_words,
        "day_month": month_words,
        "month_year": month_words,
        "month": month_words,
        "weekday": wd_words,
        "deictic": frozenset({"today", "yesterday", "tomorrow", "tonight"}),
        "part_of_day": frozenset({"morning", "afternoon", "evening", "night"}),
        "relative_unit": frozenset({"week", "weekend", "month", "year", "decade", "century"}),
        "season": frozenset(lex.seasons),
        "ago": frozenset({"ago", "earlier", "later", "before", "after", "now", "hence"}),
        "duration": unit_words,
        "vague_duration": unit_words,
        "plural_unit": unit_words,
        "quarter": frozenset({"quarter", "half", "period"}),
        "year_ago_adj": frozenset({"year"}),
        "century": frozenset({"century"}),
        "decade": digits,
        "year": digits,
        "holiday": longest_words(lex.holidays),
        "set": frozenset(
            {"daily", "weekly", "monthly", "yearly", "annually", "nightly", "hourly", "quarterly", "every", "each"}
        ),
        "reference": longest_words(lex.references),
        "era": longest_words(a for row in lex.eras for g in row.groups for a in g),
        "the_year": frozenset({"year", "years"}),
        "unit_before": frozenset({"before", "after", "earlier", "later"}),
        "weekend": frozenset({"weekend"}),
        "that_unit": frozenset({"that"}),
        "spoken_year": frozenset({"nineteen", "eighteen", "twenty"}),
        "spoken_decade": frozenset(
            {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}
        ),
        "year_two_thousand": frozenset({"thousand"}),
    }

    def rx(pattern: str) -> re.Pattern[str]:
        return re.compile(r"(?<![\w$£€])" + pattern + r"(?![\w])", flags)

    table = (
        Rule(
            "iso_date",
            rx(r"(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?P<month>)"),
            norm.full_date,
            relative=False,
        ),
        Rule(
            "slash_date",
            rx(r"(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})(?P<month>)"),
            norm.full_date,
            relative=False,
        ),
        Rule(
            "month_day_year",
            rx(wd_prefix + month + r"\s+" + day + r",?\s+(?P<year>\d{4})"),
            norm.full_date,
            relative=False,
        ),
        Rule(
            "day_month_year",
            rx(wd_prefix + r"(?:the\s+)?" + day + r"\s+(?:of\s+)?" + month + r",?\s+(?P<year>\d{4})"),
            norm.full_date,
            relative=False,
        ),
        Rule(
            "time",
            rx(
                r"(?:(?P<noon>noon|midnight)|(?P<h>[012]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm|a\.m|p\.m))"
                r"(?:\s+(?:[A-Z]{2,4}T|GMT|UTC|local\s+time))?"
                rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{alternation(full_wd)})|(?P<deictic>today|yesterday|tomorrow|tonight)|{month}\s+{day}))?"
            ),
            norm.time_expr,
        ),
        Rule(
            "time_wd_first",
            rx(
                rf"(?P<wd>{alternation(full_wd)})(?:\s+at)?\s+(?:(?P<noon>noon|midnight)|(?P<h>[012]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm))(?P<deictic>)(?P<month>)(?P<day>)"
            ),
            norm.time_expr,
        ),
        Rule(
            "month_day",
            rx(wd_prefix + r"(?:(?:early|late|mid)[\s-]+)?" + month + r"\s+" + day + r"(?!\s*,?\s*\d)(?![.,]\d)"),
            norm.month_day,
        ),
        Rule(
            "day_month",
            rx(
                wd_prefix
                + r"(?:the\s+)?"
                + day
                + r"\s+(?:of\s+)?"
                + month_full.replace("(?P<month>", "(?P<month>")
                + r"(?!\s*,?\s*\d)"
            ),
            norm.month_day,
        ),
        Rule(
            "month_year",
            rx(
                r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"
                + month_full
                + r",?\s+(?:of\s+)?(?:(?P<year>\d{4})|(?P<rel>last|next|this)\s+year)"
            ),
            norm.month_year,
            relative=True,
        ),
        Rule(
            "month",
            rx(
                r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?(?:(?P<rel>last|next|this|coming)\s+)?"
                + month_full
            ),
            norm.month_alone,
        ),
        Rule(
            "weekday",
            rx(
                r"(?:(?P<rel>last|next|this|coming|past|previous)\s+)?"
                + wd
                + r"(?P<plural>s)?(?:\s+(?P<part>"
                + parts
                + r"))?"
            ),
            norm.weekday_expr,
        ),
        Rule(
            "deictic",
            rx(
                r"(?:(?:early|late|earlier|later)\s+)?(?P<before>the\s+day\s+(?:before|after)\s+)?(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>"
                + parts
                + r"))?"
            ),
            norm.deictic,
        ),
        Rule("part_of_day", rx(r"(?P<rel>this|last)\s+(?P<part>" + parts + r")"), norm.part_of_today),
        Rule(
            "relative_unit",
            rx(
                r"(?:(?:early|earlier|late|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+rest\s+of)\s+(?:in\s+)?)?"
                r"(?P<rel>this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+last|the\s+coming|the\s+next|the\s+following|the\s+current|the\s+latest|last|next|this|past|previous|coming|current|following)"
                r"\s+(?:fiscal\s+|calendar\s+)?(?P<unit>week|weekend|month|year|decade|century)"
            ),
            norm.relative_unit,
        ),
        Rule(
            "season",
            rx(
                r"(?:(?:the\s+)?(?:early|late|mid)[\s-]+)?(?:(?P<rel>this\s+past|last|next|this|past|coming)\s+)?(?P<season>"
                + seasons
                + r")(?:\s+(?:of\s+)?(?P<year>\d{4}))?"
            ),
            norm.season,
        ),
        Rule(
            "ago",
            rx(
                r"(?:(?:about|nearly|almost|some|just|only|more\s+than|less\s+than|over|at\s+least|roughly|around)\s+)?"
                + num
                + r"(?:[\s-]+and\s+a\s+half)?\s+"
                + unit_pl
                + r"\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)"
            ),
            norm.ago,
        ),
        Rule(
            "duration",
            rx(
                r"(?:(?:the|a|an)\s+(?:(?:past|last|next|first|final|previous|coming|latest|remaining|following|full)\s+)?)?"
                r"(?:(?:about|nearly|almost|some|just|only|more\s+than|less\s+than|over|at\s+least|roughly|around|another|more)\s+)?"
                # "the 1988 quarter" is a year's quarter, not 1988 of them
                + r"(?!(?:1[5-9]|20)\d\d\s+(?:quarter|year|month|week|day|period|half)(?!\w))"
                + num
                + r"(?P<half>[\s-]+and\s+a\s+half|\s+1/2|\s*½)?(?:[\s-]+more)?[\s-]+"
                + unit_pl
                + r"(?P<half_after>\s+and\s+a\s+half)?(?:[\s-]+(?:old|long))?"
            ),
            norm.duration_expr,
        ),
        Rule(
            "vague_duration",
            rx(
                r"(?:(?:the\s+)?(?:past|last|next|coming)\s+)?(?:several|a\s+few|few|many|some)\s+(?P<unit>years|months|quarters|weeks|days|decades|hours|minutes|centuries)"
            ),
            norm.vague_plural,
        ),
        Rule(
            "plural_unit",
            rx(r"(?:(?<=for\s)|(?<=in\s)|(?<=over\s))(?P<unit>years|months|weeks|decades|centuries)"),
            norm.vague_plural,
        ),
        Rule(
            "quarter",
            rx(
                r"(?:the\s+)?(?:(?P<year2>\d{4})(?:'s)?\s+|(?P<yrel2>last|next|this)\s+year's\s+)?"
                r"(?:(?P<rel>year[\s-]earlier|year[\s-]ago|latest|current|final|last|past|previous|next|coming|same|this|most\s+recent|recent)\s+)?"
                r"(?:fiscal\s+)?(?:(?P<ord>"
                + ords
                + r")[\s-]+)?(?:fiscal\s+)?(?P<qunit>quarter|half|period)(?![\w-])(?!\s+of\s+(?!\d|[$£€]|fiscal|last|next|this))"
                r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>\d{4})|(?P<yrel>last|next|this)\s+year))?"
            ),
            norm.quarter,
        ),
        Rule("year_ago_adj", rx(r"year[\s-](?:earlier|ago)(?:\s+(?:period|quarter))?"), norm.year_ago_adj),
        Rule(
            "century",
            rx(r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + alternation(lex.ordinals) + r")[\s-]+century"),
            norm.century,
            relative=False,
        ),
        Rule(
            "decade",
            rx(r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<full>1[0-9]{2}0|20[0-9]0)'?s|'(?P<short>[0-9]0)s)"),
            norm.decade,
            relative=False,
        ),
        Rule(
            "year",
            rx(
                r"(?:(?:fiscal|the\s+year|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|early|late|mid)[\s-]+)?(?P<year>1[5-9]\d\d|20\d\d)(?![-/]\d)(?!\s*(?:%|percent|per\s+cent))"
            ),
            norm.year,
            relative=False,
        ),
        Rule("holiday", rx(r"(?P<name>" + holidays + r")(?:\s+(?P<year>\d{4}))?"), norm.holiday),
        Rule(
            "set",
            rx(
                r"(?:daily|weekly|monthly|yearly|annually|nightly|hourly|quarterly)|(?:every|each)\s+(?:(?P<wd>"
                + alternation(full_wd)
                + r")|(?P<unit>day|week|month|year|night)|"
                + month_full.replace("(?P<month>", "(?P<smonth>")
                + r")"
            ),
            norm.set_expression,
        ),
        Rule("reference", rx(refs), norm.reference),
        Rule("era", rx(r"(?:the\s+)?" + eras), norm.era, relative=False),
        Rule(
            "the_year",
            rx(
                r"(?:the\s+(?:full\s+|fiscal\s+|calendar\s+)?year(?P<ended>\s+(?:ended|ending))?(?!\s+(?:\d|two|nineteen))(?![\s-](?:ago|earlier|old|long))|(?:the\s+end\s+of\s+the\s+year|year[\s-]end|year's\s+end))"
            ),
            norm.the_year,
        ),
        Rule(
            "unit_before",
            rx(
                # only standing alone ("the week before, ..."): "the day before the vote" or "the
                # day after he spoke" counts from an event this rule cannot date
                r"the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later)(?!\s+\w)"
            ),
            norm.unit_before,
        ),
        Rule("weekend", rx(r"(?:the|this|last|next)\s+weekend"), norm.weekend),
        Rule("that_unit", rx(r"that\s+(?P<unit>year|month|day|quarter)"), norm.that_unit),
        Rule(
            "spoken_year",
            rx(
                rf"(?:the\s+year\s+|(?P<smonth>{alternation(full_months)})\s+|(?:the\s+)?(?P<sseason>{seasons})\s+of\s+)?"
                r"(?P<century>nineteen|eighteen|twenty)(?:\s+hundred(?:\s+and)?)?\s+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?P<ones>one|two|three|four|five|six|seven|eight|nine))?(?P<decade>)"
            ),
            norm.spoken_year,
            relative=False,
        ),
        Rule(
            "spoken_decade",
            rx(
                r"the\s+(?P<century>)(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?P<ones>)(?P<decade>)"
            ),
            lambda m, c, _lex: norm.spoken_year_decade(m, c),
            relative=True,
        ),
        Rule(
            "year_two_thousand", rx(r"the\s+year\s+two\s+thousand"), lambda m, c, _lex: ("DATE", "2000"), relative=False
        ),
    )
    missing = {r.name for r in table} - set(triggers)
    if missing:  # a rule without triggers would never run
        raise KnowledgeError(
            f"dates rules without triggers: {sorted(missing)}; add them to the triggers table in rules.py"
        )
    return tuple(replace(r, triggers=triggers[r.name]) for r in table)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateKnowledge:
    """The dates stage's knowledge: its lexicon and the rule table compiled from it."""

    lexicon: Lexicon
    rules: tuple[Rule, ...]

    @classmethod
    def load(cls, knowledge: Knowledge) -> DateKnowledge:
        lex = lexicon_module.load(knowledge)
        return cls(lexicon=lex, rules=compile_rules(lex))


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


# Chunks are scanned one by one: a line break after closing punctuation, or a blank line, ends
# one (no expression spans a paragraph), and only the rules one of whose triggers the chunk
# holds are run over it. Hard-wrapped lines (no closing punctuation) stay together.
_CHUNK_END = re.compile(r"(?<=[.!?:;\"'”’)\]])[ \t]*\n|\n[ \t]*\n")
_WORDS = re.compile(r"[A-Za-z]+|[0-9]")


def candidates(text: str, table: tuple[Rule, ...]) -> tuple[Candidate, ...]:
    """Every rule's matches, overlaps resolved: the longest wins, then the earlier rule."""
    found: list[tuple[int, int, int, Candidate]] = []
    start = 0
    bounds = [m.end() for m in _CHUNK_END.finditer(text)] + [len(text)]
    for end in bounds:
        if end <= start:
            continue
        words = {w.lower() for w in _WORDS.findall(text, start, end)}
        for order, rule in enumerate(table):
            if rule.triggers.isdisjoint(words):
                continue
            for m in rule.pattern.finditer(text, start, end):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), order, Candidate(m.start(), m.end(), rule, m)))
        start = end
    found.sort(key=lambda t: (t[1], t[0], t[2]))
    taken: list[Candidate] = []
    # One flag per character taken: an overlap test costs the candidate's length, not the
    # number of candidates taken so far (linear on long texts).
    occupied = bytearray(len(text))
    for start, _, _, cand in found:
        if occupied.find(1, start, cand.end) != -1:
            continue
        taken.append(cand)
        occupied[start : cand.end] = b"\x01" * (cand.end - start)
    taken.sort(key=lambda c: c.start)
    return tuple(taken)
