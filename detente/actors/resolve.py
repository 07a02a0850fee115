"""Resolving actor mentions in one parsed article.

Order of evidence, strongest first: the mention's own title or apposition ("Ukraine's Defence
Minister Olena Hrytsenko", "Anna Berg, a political analyst"); links inside the
document (a later "Berg", "the Russian leader", "he" → the person named earlier); the knowledge
base at the article's date (who held which office when).

Choices (documented because other stages rely on them):
- A country named as an actor ("Russia rejected ...") gets sector None: the text does not say
  which part of the state acts. Seats of government used as metonyms ("the Kremlin", "Moscow"
  as a subject) get GOV (MIL for the Pentagon), because the word itself names the government.
- A country or capital governed by a locative preposition ("in Hungary") or a destination verb
  ("visited Moscow") is a `place` mention: core keeps it internal.
- News organisations are JRN; an agency reporting an event is still emitted (as JRN) so that
  events and quotes can recognise and skip it.
- The International Committee of the Red Cross, Amnesty International and similar bodies are NGO
  (organizations.csv), although some gold sets code the Red Cross IGO: the ICRC is a private
  association under Swiss law with a treaty mandate, not an organisation of states.
- Regions and peoples inside one country (regions.csv: "Darfur", "Yoruba") give that country
  but no GOV sector; ambiguous ones (Kashmir, Punjab, Kurds, Pashtuns) are left out on purpose.
- he/she: salience (same-sentence subject, then subjects of earlier sentences, most recent
  first), gender agreement from first_names.csv and words like "Mrs."; quoted words are not
  antecedents of a pronoun in an attribution.
- "The statement said": the author of the last statement the article had put out (documents.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from detente.actors.coref import resolve_country_descriptions, resolve_pronouns
from detente.actors.cues import resolve_cues
from detente.actors.documents import resolve_document_authors
from detente.actors.identity import NO_SEAT, offices_match, publication_day
from detente.actors.passes import (
    resolve_bare_surnames,
    resolve_people,
    resolve_role_phrases,
)
from detente.actors.text import ELECT_LEAD_DAYS, FORMER_TITLES, ArticleState, strip_name
from detente.records import Mention, Published, TermEvidence

# The passes of pass 2, in order. Each claims the tokens it resolves (``ArticleState.consumed``),
# so an earlier pass's reading of a word wins over a later one's: the stronger evidence goes first.
PASSES: tuple[tuple[str, Callable[[ArticleState], None], str], ...] = (
    ("people", resolve_people, "a named person with the title or apposition around the name is the strongest evidence"),
    (
        "role phrases",
        resolve_role_phrases,
        "'the Russian leader', 'the foreign minister': a role linked to a person named above or in office",
    ),
    (
        "bare surnames",
        resolve_bare_surnames,
        "a surname spaCy did not label ('Berg responded') names a person resolved above or an office holder",
    ),
    (
        "knowledge-base names",
        resolve_cues,
        "countries, organisations and metonyms left over, once people and roles have taken their words",
    ),
    ("pronouns", resolve_pronouns, "he/she last: their antecedents are the people the passes above resolved"),
    ("document authors", resolve_document_authors, "'the statement said': the author of the last statement put out"),
    ("country descriptions", resolve_country_descriptions, "'the kingdom': the country named last, once all are found"),
)


def resolve_article(state: ArticleState, published: Published) -> tuple[Mention, ...]:
    """Pass 2 over the article's reading (taken back from pass 1 when it built one), with fresh
    working lists and the publication window's middle day."""
    state.day = publication_day(published)
    state.consumed = set()
    state.mentions = []
    state.people = []
    for _name, run, _reason in PASSES:
        run(state)
    return tuple(sorted(state.mentions, key=lambda m: (m.span[0], m.span[1])))


# ---- pass 1: dating evidence -------------------------------------------------------------


def term_evidence(state: ArticleState) -> tuple[TermEvidence, ...]:
    """Office holders named in full with a title matching one of their seats."""
    doc, kb = state.doc, state.kb
    out: list[TermEvidence] = []
    for ent in state.person_ents:
        i, j = strip_name(state, ent)
        name = doc[i:j].text.replace("’", "'")
        if len(name.split()) < 2:
            continue
        people = kb.people_named(name)
        if len(people) != 1:
            continue
        person = people[0]
        info = state.title_left(i, state.sent_start[ent.start])
        k = j
        while k < len(doc) and doc[k].text in ("-", "–"):
            k += 1
        elect = k < len(doc) and doc[k].lower_ in {m.strip("-") for m in kb.rules.elect_markers}
        if not info.hits:
            right = state.title_right(ent.end, ent.root)
            if right is None:
                continue
            info = right
        elect = elect or any(
            doc[t].lower_ in {m.strip("-") for m in kb.rules.elect_markers}
            for t in range(info.start, min(info.end + 2, len(doc)))
        )
        offices = info.offices - set(FORMER_TITLES)
        terms = [
            t
            for t in person.terms
            if offices_match(offices, kb.offices(person, t), kb.rules.role_groups)
            and (info.country is None or (kb.seat(t.seat) or NO_SEAT).country == info.country)
        ]
        if len(terms) != 1:
            continue  # none, or several terms in that office: not unambiguous
        term = terms[0]
        span = (doc[info.start].idx if info.hits else doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text))
        text = state.text[span[0] : span[1]]
        if info.former:
            if term.end is None:
                continue
            out.append(
                TermEvidence(span=span, person_id=person.person_id, seat=term.seat, start=term.end, end=None, text=text)
            )
        elif elect:
            out.append(
                TermEvidence(
                    span=span,
                    person_id=person.person_id,
                    seat=term.seat,
                    start=term.start - timedelta(days=ELECT_LEAD_DAYS),
                    end=term.start,
                    text=text,
                )
            )
        else:
            out.append(
                TermEvidence(
                    span=span, person_id=person.person_id, seat=term.seat, start=term.start, end=term.end, text=text
                )
            )
    return tuple(out)
