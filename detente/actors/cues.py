"""The knowledge base's names in an article (countries, capitals, regions, organisations,
metonyms, demonyms and country adjectives): which are actors, and which only places or topics.
The pass after the people passes (``resolve.PASSES``): the words earlier passes claimed are not re-read."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from detente.actors.knowledge import Country
from detente.actors.passes import emit
from detente.actors.text import ArticleState, Cue
from detente.records import Actor


def _is_place(state: ArticleState, cue: Cue) -> bool:
    """A country or city named only as a location: "in Hungary", "visited Moscow"."""
    doc = state.doc
    tok = doc[cue.j - 1]
    # Climb over the name's own compounds / flat parts and a leading "the".
    while tok.dep_ in ("compound", "flat") and tok.head.i >= cue.i and tok.head.i != tok.i and tok.head.i < cue.j + 2:
        if tok.head.i >= cue.j:
            break
        tok = tok.head
    rules = state.rules
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in rules.locative_prepositions
        and not (tok.head.lower_ == "in" and tok.head.head.lemma_.lower() in rules.trust_nouns)
    ):
        return True
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("to", "from", "for")
        and tok.head.head.lemma_ in rules.destination_verbs | {"flight", "journey", "way", "return"}
    ):
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_ in rules.destination_verbs:
        return True
    if tok.dep_ in ("conj", "appos") and tok.head.i < cue.i and tok.head.i in state.cue_at:
        return _is_place(state, state.cue_at[tok.head.i])
    # Datelines ("MOSCOW, Oct 28") sit alone before the first comma or dash of a line.
    if (
        cue.i == state.sent_start[tok.i]
        and cue.j < len(doc)
        and doc[cue.j].text in (",", "(", "–", "-", "—")
        and doc[cue.i].text.isupper()
    ):
        return True
    return False


def _head_noun(state: ArticleState, cue: Cue) -> Token | None:
    """The noun an adjective or name modifies: "Russian support", "U.S. plans"."""
    tok = state.doc[cue.j - 1]
    if (
        tok.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod")
        and tok.head.i >= cue.j
        and tok.head.pos_ in ("NOUN", "PROPN")
    ):
        head = tok.head
        # Hyphenated pairs ("Russian-U.S. relations"): climb to the noun.
        while head.dep_ in ("amod", "compound") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        return head
    return None


def _home_of(state: ArticleState, cue: Cue) -> Country | None:
    """ "The Armenians of Israel", "the Albanians of southern Serbia": a people named "of" a
    country is of that country (its group there), not of the people's own state."""
    doc = state.doc
    if cue.j >= len(doc) or doc[cue.j].lower_ != "of" or doc[cue.j].head.i != cue.j - 1:
        return None
    for pobj in (c for c in doc[cue.j].children if c.dep_ == "pobj"):
        place = state.cue_at.get(pobj.i)
        if place is not None and place.entry.kind in ("name", "region") and place.entry.country != cue.entry.country:
            return state.kb.country(place.entry.country)
    return None


def _among_states(state: ArticleState, cue: Cue) -> bool:
    """Whether a country named like a state (``state_homonyms``: "Georgia") is named in a
    sentence with another state of that state's country ("won Virginia, Georgia and Texas")."""
    country = state.rules.state_homonyms.get(state.text[cue.start : cue.end])
    if country is None:
        return False
    first, last = state.sent_start[cue.i], state.sent_end[cue.i]
    return any(
        c is not cue and first <= c.i < last and c.entry.country == country and c.entry.title_only for c in state.cues
    )


def _modifies_noun(state: ArticleState, cue: Cue) -> bool:
    """The form is followed by a lowercase noun it modifies ("Karen guerrillas")."""
    doc = state.doc
    if cue.j >= len(doc):
        return False
    nxt = doc[cue.j]
    return (nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")) or cue.j in state.hit_at


def resolve_cues(state: ArticleState) -> None:
    doc = state.doc
    for cue in state.cues:
        if any(t in state.consumed for t in range(cue.i, cue.j)):
            continue
        # A longer PERSON name containing the form ("Michael Jordan") is not the country.
        ent_types = {doc[t].ent_type_ for t in range(cue.i, cue.j)}
        # ("Bosnian Serbs" labelled PERSON is made only of known forms: not a name.)
        if "PERSON" in ent_types and any(
            (e.start < cue.i or e.end > cue.j) and not all(t in state.cue_at for t in range(e.start, e.end))
            for e in state.person_ents
            if e.start <= cue.i < e.end
        ):
            continue
        e = cue.entry
        actor = Actor(text="", name=e.name, actor_id=e.actor_id, country=e.country, sector=None)
        if e.needs_noun and not _modifies_noun(state, cue):
            continue  # "Karen said": a first name, not the people
        if e.title_only or state.text[cue.start : cue.end] in state.rules.party_adjectives:
            continue  # "won Ohio", "Republican issues": no actor; in "Ohio Sen. X" the title read it
        if _among_states(state, cue):
            continue  # "won Georgia, Alabama and Texas": the state, named with its neighbours
        if e.kind == "organization":
            emit(state, cue.i, cue.j, replace(actor, sector=e.sector), "organization")
            continue
        if e.kind == "metonym":
            if _is_place(state, cue):
                emit(state, cue.i, cue.j, actor, "place")
            else:
                emit(state, cue.i, cue.j, replace(actor, sector=e.sector), "organization")
            continue
        if e.kind == "demonym":
            home = _home_of(state, cue)
            if home is not None:
                actor = replace(actor, name=home.name, actor_id=home.alpha3, country=home.alpha3)
            emit(state, cue.i, cue.j, actor, "group")
            continue
        if e.kind == "adjective":
            if former_part(state, cue):
                continue  # "the former Soviet republic": another country, described (coref)
            nxt = state.cue_at.get(cue.j)
            if nxt is not None and nxt.i == cue.j and nxt.entry.kind == "demonym":
                # "Bosnian Serbs": the place adjective is the country, the demonym an ethnicity.
                emit(state, cue.i, nxt.j, actor, "group")
                continue
            head = _head_noun(state, cue)
            if (
                head is not None
                and (head.lower_ in state.rules.place_nouns or head.lemma_.lower() in state.rules.place_nouns)
                and not any(c.dep_ == "compound" and c.i in state.hit_at and c.i > cue.i for c in head.children)
            ):
                continue  # ("Cambodian guerrilla camps": the guerrillas are the actor)
            if head is None and doc[cue.i].ent_type_ not in ("NORP", "GPE", "ORG"):
                continue  # "Russian" alone as a language or an adjective with no noun
            emit(state, cue.i, cue.j, actor, "country")
            continue
        # Country names, capitals and regions.
        if _is_place(state, cue):
            emit(state, cue.i, cue.j, actor, "place")
            continue
        head = _head_noun(state, cue)
        if head is not None and head.lower_ in state.rules.place_nouns:
            continue
        sector = "GOV" if e.kind == "capital" and not e.subnational else None
        emit(state, cue.i, cue.j, replace(actor, sector=sector), "country")


def former_part(state: ArticleState, cue: Cue) -> bool:
    """ "the former Soviet republic": a country adjective after "former" before a noun of a
    country's part (``former_part_nouns``) names the country the one described was part of."""
    doc = state.doc
    if cue.i == 0 or doc[cue.i - 1].lower_ not in state.rules.former_markers or cue.j >= len(doc):
        return False
    head = doc[cue.j]
    return head.lower_ in state.rules.former_part_nouns or head.lemma_.lower() in state.rules.former_part_nouns
