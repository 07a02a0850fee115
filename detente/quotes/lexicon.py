"""The reporting cues the quotes stage recognises: the knowledge registry's ``quote_cues`` table
(``detente/quotes/data/cues.toml`` and the user's files)."""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.errors import KnowledgeError
from detente.knowledge import Knowledge


@dataclass(frozen=True, slots=True, kw_only=True)
class Cues:
    direct: frozenset[str]  # lemmas attributing a direct quote to their subject
    indirect: frozenset[str]  # lemmas whose that-clause is reported speech
    quoting: frozenset[str]  # "quote", "cite": the speaker is their object
    needs_particle: dict[str, str]  # lemma -> particle it needs to report ("point out")
    according: tuple[tuple[str, ...], ...]  # multi-word cues taking the speaker as object
    according_starts: frozenset[str] = frozenset()  # their first words, precomputed for the token scan
    speech: frozenset[str] = frozenset()  # direct | quoting, precomputed for the token scan
    colon_labels: frozenset[str] = frozenset()  # "Update:", "Watch:": line labels, not speakers
    addressee_verbs: frozenset[str] = frozenset()  # their object is spoken to ("told Megyn")
    not_with_xcomp: frozenset[str] = frozenset()  # "continue to be" does not report
    object_cues: dict[str, str] = field(default_factory=dict)  # lemma -> "dobj" or a preposition
    # "promised her to say": verbs whose subject, not object, does what the infinitive says.
    subject_control: frozenset[str] = frozenset()
    document_verbs: frozenset[str] = frozenset()  # "read": a cue only when a text is its subject
    documents: frozenset[str] = frozenset()  # the texts that can read ("the statement read")
    bare_only: frozenset[str] = frozenset()  # "she went on": a cue only with no object or phrase
    questions: frozenset[str] = frozenset()  # "asked if ...": verbs whose if-clause is the question


def load_cues(knowledge: Knowledge) -> Cues:
    """The cue table from the registry."""
    try:
        data = knowledge.toml("quote_cues")
        direct = frozenset(w.lower() for w in data["direct"])
        quoting = frozenset(w.lower() for w in data["quoting"])
        according = tuple(tuple(w.lower() for w in words) for words in data.get("according", []))
        return Cues(
            direct=direct,
            indirect=frozenset(w.lower() for w in data["indirect"]),
            quoting=quoting,
            speech=direct | quoting,
            colon_labels=frozenset(w.lower() for w in data.get("colon_labels", [])),
            addressee_verbs=frozenset(w.lower() for w in data.get("addressee_verbs", [])),
            not_with_xcomp=frozenset(w.lower() for w in data.get("not_with_xcomp", [])),
            subject_control=frozenset(w.lower() for w in data.get("subject_control", [])),
            document_verbs=frozenset(w.lower() for w in data.get("document_verbs", [])),
            documents=frozenset(w.lower() for w in data.get("documents", [])),
            bare_only=frozenset(w.lower() for w in data.get("bare_only", [])),
            questions=frozenset(w.lower() for w in data.get("questions", [])),
            object_cues={k.lower(): v.lower() for k, v in data.get("object_cues", {}).items()},
            needs_particle={k.lower(): v.lower() for k, v in data.get("needs_particle", {}).items()},
            according=according,
            according_starts=frozenset(words[0] for words in according if words),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(
            f"the quote cues lack or misshape {exc}; compare with detente/quotes/data/cues.toml"
        ) from exc
