"""The events lexicon: the CAMEO table, the CAMEO→PLOVER table and the predicate patterns.

Everything is data in ``detente/events/data`` (plus the user's files), read through the
knowledge registry (``detente.knowledge``), compiled at load time into dict lookups keyed by lemma so that
the coder stays linear in tokens.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from typing import Any

from detente.errors import KnowledgeError
from detente.knowledge import Knowledge, Source

PLOVER_TYPES: frozenset[str] = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
# Labels of older PLOVER drafts, renamed to the 2024 manual's types.
PLOVER_RENAMES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class CameoCode:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Pattern:
    """One predicate pattern: a head lemma plus the constraints that must hold around it."""

    lemma: str
    code: str
    obj: str | None = None  # direct-object lemma (verbs) required: "hold talk"
    particle: str | None = None  # particle required: "crack ^down"
    xcomp: str | None = None  # open clausal complement lemma ("*" = any): "refuse to meet"
    prep: str | None = None  # preposition required; its object may be the target: "meet @with"
    pobj: str | None = None  # the preposition's object lemma required: "call @for talk"
    text: str = ""  # the pattern as written, for messages
    table: str = "verb"  # "verb" or "noun": the table it is in

    @property
    def id(self) -> str:
        """Stable, readable id: table and pattern text ("verb:meet @with"), as in the validation table."""
        return f"{self.table}:{self.text}"

    @property
    def specificity(self) -> float:
        n = sum(x is not None for x in (self.obj, self.particle, self.xcomp, self.prep, self.pobj))
        return n - 0.5 if self.xcomp == "*" else n  # "refuse to meet" before "refuse to *"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Word lists that steer modality and reported speech (the ``[settings]`` table)."""

    future_aux: frozenset[str] = frozenset()
    hypothetical_aux: frozenset[str] = frozenset()
    future_heads: frozenset[str] = frozenset()
    hypothetical_heads: frozenset[str] = frozenset()
    negating_heads: frozenset[str] = frozenset()
    irrealis_heads: frozenset[str] = frozenset()
    habitual_adverbs: frozenset[str] = frozenset()
    habit_roots: frozenset[str] = frozenset()
    transparent_heads: frozenset[str] = frozenset()
    conditional_marks: frozenset[str] = frozenset()
    concessive_adverbs: frozenset[str] = frozenset()
    irrealis_marks: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    noun_source_preps: frozenset[str] = frozenset()
    noun_target_preps: frozenset[str] = frozenset()
    actor_nouns: frozenset[str] = frozenset()
    contact_participles: frozenset[str] = frozenset()
    owner_preps: frozenset[str] = frozenset()
    location_preps: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    demand_modals: frozenset[str] = frozenset()
    demand_code: frozenset[str] = frozenset()
    appeal_modals: frozenset[str] = frozenset()
    appeal_code: frozenset[str] = frozenset()
    denigrating_words: frozenset[str] = frozenset()
    conduct_nouns: frozenset[str] = frozenset()
    denigration_code: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    clause_target_roots: frozenset[str] = frozenset()
    of_object_roots: frozenset[str] = frozenset()
    threat_roots: frozenset[str] = frozenset()
    people_place_preps: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    against_preps: frozenset[str] = frozenset()
    ally_roots: frozenset[str] = frozenset()
    background_preps: frozenset[str] = frozenset()
    lemma_fixes: frozenset[str] = frozenset()
    stative_passives: frozenset[str] = frozenset()
    partner_codes: frozenset[str] = frozenset()
    intransitive_only: frozenset[str] = frozenset()
    unidentified_roots: frozenset[str] = frozenset()
    violent_means: frozenset[str] = frozenset()
    crowd_roots: frozenset[str] = frozenset()
    crowd_place_preps: frozenset[str] = frozenset()
    audience_nouns: frozenset[str] = frozenset()
    accused_prefixes: frozenset[str] = frozenset()
    accusation_code: frozenset[str] = frozenset()
    breach_prefixes: frozenset[str] = frozenset()
    monitor_countries: frozenset[str] = frozenset()
    placeless_roots: frozenset[str] = frozenset()
    past_markers: frozenset[str] = frozenset()
    longstanding_adverbs: frozenset[str] = frozenset()
    reciprocal_prefixes: frozenset[str] = frozenset()
    reciprocal_lemmas: frozenset[str] = frozenset()
    shared_modifiers: frozenset[str] = frozenset()
    bare_statement_codes: frozenset[str] = frozenset()
    plural_pronouns: frozenset[str] = frozenset()
    plural_possessives: frozenset[str] = frozenset()
    pair_nouns: frozenset[str] = frozenset()
    intent_roots: frozenset[str] = frozenset()
    audience_roots: frozenset[str] = frozenset()
    phone_nouns: frozenset[str] = frozenset()
    phone_code: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    venue_prefixes: frozenset[str] = frozenset()
    abroad_prefixes: frozenset[str] = frozenset()
    venue_preps: frozenset[str] = frozenset()
    topic_roots: frozenset[str] = frozenset()
    figurative_prefixes: frozenset[str] = frozenset()
    verbal_attack_lemmas: frozenset[str] = frozenset()
    verbal_attack_code: frozenset[str] = frozenset()
    armed_nouns: frozenset[str] = frozenset()
    armed_sectors: frozenset[str] = frozenset()
    contemporary_preps: frozenset[str] = frozenset()
    gerund_preps: frozenset[str] = frozenset()
    contrast_marks: frozenset[str] = frozenset()
    irrealis_nouns: frozenset[str] = frozenset()
    people_object_verbs: frozenset[str] = frozenset()
    thing_object_verbs: frozenset[str] = frozenset()
    harm_object_verbs: frozenset[str] = frozenset()
    harms: frozenset[str] = frozenset()
    harm_stance_prefixes: frozenset[str] = frozenset()
    judging_verbs: frozenset[str] = frozenset()
    removal_verbs: frozenset[str] = frozenset()
    blockade_verbs: frozenset[str] = frozenset()
    ways: frozenset[str] = frozenset()
    obstruction_code: frozenset[str] = frozenset()
    reversing_particles: frozenset[str] = frozenset()
    object_prep_verbs: frozenset[str] = frozenset()
    outward_roots: frozenset[str] = frozenset()
    publication_verbs: frozenset[str] = frozenset()
    publications: frozenset[str] = frozenset()
    signing_verbs: frozenset[str] = frozenset()
    signed_papers: frozenset[str] = frozenset()
    view_verbs: frozenset[str] = frozenset()
    own_country_roots: frozenset[str] = frozenset()
    poll_nouns: frozenset[str] = frozenset()
    agent_nouns: frozenset[str] = frozenset()
    ally_nouns: frozenset[str] = frozenset()
    topic_preps_of_means: frozenset[str] = frozenset()
    sympathy_codes: frozenset[str] = frozenset()
    sympathy_preps: frozenset[str] = frozenset()
    armed_name_words: frozenset[str] = frozenset()
    press_titles: frozenset[str] = frozenset()
    question_verbs: frozenset[str] = frozenset()
    question_preps: frozenset[str] = frozenset()
    question_marks: frozenset[str] = frozenset()
    private_visit_prefixes: frozenset[str] = frozenset()
    private_sectors: frozenset[str] = frozenset()
    private_occasions: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    warning_preps: frozenset[str] = frozenset()
    warning_code: frozenset[str] = frozenset()
    topic_nouns: frozenset[str] = frozenset()
    topic_object_roots: frozenset[str] = frozenset()
    answer_verbs: frozenset[str] = frozenset()
    means_object_verbs: frozenset[str] = frozenset()
    command_verbs: frozenset[str] = frozenset()
    time_preps: frozenset[str] = frozenset()
    figurative_objects: frozenset[str] = frozenset()
    figurative_sectors: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    codes: dict[str, CameoCode] = field(default_factory=dict)
    verbs: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    nouns: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    future: dict[str, str] = field(default_factory=dict)  # code or root -> intent/threat code
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def load(cls, knowledge: Knowledge) -> Lexicon:
        """The lexicon from the registry's tables. Each pattern file is read on its own (not merged
        into the shipped one): a pattern's error names the file it is in."""
        codes = _cameo_table(knowledge.rows("cameo"), knowledge.rows("cameo_plover"))
        tables = [_read_toml(source) for source in knowledge.texts("patterns")]
        verbs: dict[str, list[Pattern]] = {}
        nouns: dict[str, list[Pattern]] = {}
        future: dict[str, str] = {}
        settings: dict[str, set[str]] = {}
        for where, table in tables:
            for section, into in (("verb", verbs), ("noun", nouns)):
                for text, code in table.get(section, {}).items():
                    pattern = _parse_pattern(text, str(code), where, section)
                    if pattern.code not in codes:
                        raise KnowledgeError(
                            f"{where}: pattern {text!r} has unknown CAMEO code {code!r}; "
                            'use a code from detente/events/data/cameo.csv (codes are strings: "043")'
                        )
                    into.setdefault(pattern.lemma, []).append(pattern)
            for key, code in table.get("future", {}).items():
                if str(code) not in codes:
                    raise KnowledgeError(f"{where}: [future] {key!r} maps to unknown CAMEO code {code!r}")
                future[str(key)] = str(code)
            for key, words in table.get("settings", {}).items():
                if key not in Settings.__slots__:
                    raise KnowledgeError(
                        f"{where}: unknown [settings] key {key!r}; known: {', '.join(Settings.__slots__)}"
                    )
                settings.setdefault(key, set()).update(str(w) for w in words)
        demand = settings.get("demand_code", set())
        if len(demand) > 1 or any(c not in codes for c in demand):
            raise KnowledgeError(
                f'[settings] demand_code must be one known CAMEO code (e.g. ["100"]), got {sorted(demand)}'
            )
        for key, example in (
            ("verbal_attack_code", "111"),
            ("phone_code", "041"),
            ("warning_code", "111"),
            ("denigration_code", "111"),
        ):
            given = settings.get(key, set())
            if len(given) > 1 or any(c not in codes for c in given):
                raise KnowledgeError(
                    f'[settings] {key} must be one known CAMEO code (e.g. ["{example}"]), got {sorted(given)}'
                )
        # Most specific pattern first, so the first one that matches is the one coded.
        return cls(
            codes=codes,
            verbs={k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in verbs.items()},
            nouns={k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in nouns.items()},
            future=future,
            settings=Settings(**{k: frozenset(v) for k, v in settings.items()}),
        )

    def future_code(self, code: str) -> str:
        """The intent (03x) or threat (13x) code for a planned action, else the code itself."""
        for key in (code, code[:3], code[:2]):
            if key in self.future:
                return self.future[key]
        return code


def _parse_pattern(text: str, code: str, where: str, table: str = "verb") -> Pattern:
    words = text.split()
    if not words:
        raise KnowledgeError(f"{where}: empty pattern for code {code!r}")
    lemma, rest = words[0], words[1:]
    obj = particle = xcomp = prep = pobj = None
    i = 0
    while i < len(rest):
        word = rest[i]
        if word.startswith("@"):
            prep = word[1:]
            if i + 1 < len(rest) and rest[i + 1][0] not in "@^":
                pobj = rest[i + 1]
                i += 1
        elif word.startswith("^"):
            particle = word[1:]
        elif word == "to" and i + 1 < len(rest):
            xcomp = rest[i + 1]
            i += 1
        elif obj is None:
            obj = word
        else:
            raise KnowledgeError(
                f"{where}: cannot read pattern {text!r}: write LEMMA [OBJECT] [^PARTICLE] [to XCOMP] [@PREP [POBJ]]"
            )
        i += 1
    return Pattern(
        lemma=lemma,
        code=code,
        obj=obj,
        particle=particle,
        xcomp=xcomp,
        prep=prep,
        pobj=pobj,
        text=" ".join(words),
        table=table,
    )


def _read_toml(source: Source) -> tuple[str, dict[str, Any]]:
    try:
        return source.where, tomllib.loads(source.text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"cannot read pattern file {source.where}: {exc}; check knowledge.patterns") from None


def _cameo_table(cameo_rows: list[dict[str, str]], plover_rows: list[dict[str, str]]) -> dict[str, CameoCode]:
    plover = {r["cameo"]: r for r in plover_rows}
    out = []
    for r in cameo_rows:
        p = plover.get(r["code"], {})
        label = p.get("plover") or None
        if label is not None:
            label = PLOVER_RENAMES.get(label, label)
            if label not in PLOVER_TYPES:
                raise KnowledgeError(f"cameo_plover.csv: {r['code']} maps to unknown PLOVER type {label!r}")
        out.append(
            CameoCode(
                code=r["code"],
                name=r["name"],
                root=r["root"],
                goldstein=float(r["goldstein"]),
                quad_class=int(r["quad_class"]),
                plover=label,
                plover_mode=(p.get("plover_mode") or None) if label else None,
            )
        )
    return {c.code: c for c in out}
