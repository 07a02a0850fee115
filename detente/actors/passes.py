"""The resolution passes over one article, each filling ``ArticleState.mentions``: people named,
role phrases, bare surnames (the knowledge base's names are in ``cues``, pronouns and
descriptions in ``coref``). Their order is ``resolve.PASSES``."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from detente.actors.identity import (
    elect_phrase,
    first_name_abroad,
    kb_person,
    link_role,
    named_body,
    person_actor,
    role_text,
    shared_seat,
    title_sector,
)
from detente.actors.knowledge import INHERIT
from detente.actors.text import (
    FORMER_TITLES,
    SUBJECT_DEPS,
    ArticleState,
    Cue,
    PersonRecord,
    TitleInfo,
    name_is_cue,
    np_left,
    strip_name,
)
from detente.records import Actor, Mention


def emit(state: ArticleState, i: int, j: int, actor: Actor, kind: str) -> Mention:
    doc = state.doc
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    text = state.text[start:end]
    actor = Actor(
        text=text, name=actor.name, actor_id=actor.actor_id, country=actor.country, sector=actor.sector, role=actor.role
    )
    mention = Mention(doc_id=state.article.doc_id, span=(start, end), actor=actor, kind=kind)  # type: ignore[arg-type]
    state.mentions.append(mention)
    state.consumed.update(range(i, j))
    return mention


def resolve_people(state: ArticleState) -> None:
    doc = state.doc
    made: list[Mention] = []  # this pass's mentions, in the order of `state.people` below
    first = len(state.people)
    for ent in state.person_ents:
        i, j = strip_name(state, ent)
        if name_is_cue(state, i, j) or any(t in state.consumed for t in range(i, j)):
            continue
        name_span = doc[i:j]
        name = name_span.text.replace("’", "'")
        if not any(t.is_alpha for t in name_span) or _lowercase_name(state, i, j):
            continue
        left = state.title_left(i, state.sent_start[ent.start])
        info: TitleInfo | None = left if (left.hits or left.country_cue or left.org_cue or left.former) else None
        if info is None or not info.hits:
            appos = state.title_left_apposition(ent)
            if appos is not None:
                info = appos
        if info is None or not info.hits:
            right = state.title_right(ent.end, ent.root)
            if right is not None:
                if info is not None and info.country_cue and not right.country_cue:
                    right.country_cue = info.country_cue
                info = right
        full = len(name.split()) > 1
        surname = name.split()[-1].lower()
        body = None if full else named_body(state, name)
        if body is not None:
            emit(state, i, j, body, "organization")
            continue
        record = _in_document(state, name, surname, full)
        if record is not None and (info is None or not info.hits or record.actor.actor_id is not None):
            actor = record.actor
        else:
            found = kb_person(state, name, info, full)
            actor = person_actor(state, name, name, info, found)
            if found is None and info is not None and info.hits and actor.country is None:
                seat = shared_seat(state, name, info)
                if seat is not None:
                    actor = Actor(
                        text=name,
                        name=name,
                        actor_id=None,
                        country=seat.country,
                        sector="ELI" if info.former else seat.sector,
                        role=seat.role,
                    )
        if actor.country is None and info is not None and info.hits:
            actor = _of_place(state, actor, j)
        if actor.country is None:
            actor = _from_context(state, actor, info.start if info is not None else i, j)
        if actor.country is None:
            led = _led_body(state, ent.root)
            if led is not None:
                actor = Actor(
                    text=actor.text,
                    name=actor.name,
                    actor_id=actor.actor_id,
                    country=led.entry.country,
                    sector=actor.sector or (led.entry.sector if led.entry.kind == "organization" else None),
                    role=actor.role,
                )
        start = left.start if (info is left and left.start < i) else i
        if info is not None and info is not left and info.end < i:
            start = info.start  # "The director of the X Institute, Pavel Orlov": one mention
        head = ent.root
        made.append(emit(state, start, j, actor, "person"))
        if info is not None and info is not left:
            state.consumed.update(range(info.start, info.end))  # the apposition is not re-read
        offices = set(info.offices) if info else set()
        if record is not None and actor is record.actor:
            offices |= record.offices
        if actor.actor_id and actor.actor_id in state.kb.people:
            offices |= state.kb.offices(state.kb.people[actor.actor_id])
        state.people.append(
            PersonRecord(
                token=head.i,
                sent=state.sent_start[ent.start],
                full=name.lower() if full else "",
                surname=surname,
                actor=actor,
                offices=offices,
                subject=head.dep_ in SUBJECT_DEPS,
                text_offices=set(info.offices) if info else set(),
            )
        )

    _share_country(state, state.people[first:], made)


def _lowercase_name(state: ArticleState, i: int, j: int) -> bool:
    """ "The trade minister snapped back": the last word of a name has a capital ("Ursula von der
    Leyen", "Kim Dae-jung", "Bashar al-Assad") wherever its sentence is written in mixed case;
    a "name" with none is a word the tagger misread (here a verb)."""
    word = state.doc[i:j].text.split()[-1]
    if any(ch.isupper() for ch in word):
        return False
    sent = state.doc[j - 1].sent
    return any(t.text[:1].isupper() for t in sent if t.i != sent.start)


def _share_country(state: ArticleState, records: list[PersonRecord], made: list[Mention]) -> None:
    """One person named in full several times is one actor: a mention whose own words give no
    country ("Anna Berg said" before "Chilean Senator Anna Berg") takes the country and sector
    another mention of the same full name gives. Only for people the knowledge base does not
    know, and only when the document gives that name one country."""
    known: dict[str, set[tuple[str, str | None]]] = {}
    for r in records:
        if r.full and r.actor.actor_id is None and r.actor.country:
            known.setdefault(r.full, set()).add((r.actor.country, r.actor.sector))
    for n, (r, mention) in enumerate(zip(records, made, strict=True)):
        found = known.get(r.full)
        if not r.full or r.actor.country or r.actor.actor_id is not None or not found:
            continue
        if len({c for c, _ in found}) != 1:
            continue
        country, sector = min(found, key=lambda cs: cs[1] or "")
        actor = replace(r.actor, country=country, sector=r.actor.sector or sector)
        r.actor = actor
        k = state.mentions.index(mention)
        state.mentions[k] = replace(mention, actor=replace(mention.actor, country=country, sector=actor.sector))
        made[n] = state.mentions[k]


def _from_context(state: ArticleState, actor: Actor, start: int, end: int) -> Actor:
    """The country of a person whose title names none, from the words around it: a
    legislator's party-and-state notation after the name ("Anna Berg (D-Ohio)"), or the person
    or body whose title it is ("Berg's spokesman, Lena Holm")."""
    doc = state.doc
    end_char = doc[end - 1].idx + len(doc[end - 1].text)
    found = state.affiliation(end_char)
    if found is not None:
        country, notation_end = found
        k = end
        while k < len(doc) and doc[k].idx < notation_end:
            state.consumed.add(k)  # the state in "(D-Ohio)" is no actor of its own
            k += 1
        return replace(actor, country=country, sector=actor.sector or "LEG")
    owner = possessor(state, start)
    if owner is not None:
        return replace(actor, country=owner.country, sector=actor.sector or _owner_sector(owner))
    return actor


def _of_place(state: ArticleState, actor: Actor, end: int) -> Actor:
    """ "Foreign Minister Jane Roe of Peru", "Sen. Anna Berg of Ohio": a titled person's name
    followed by "of" and a country, a region or a state (a US state names its country here, as
    in the title words): the person's country."""
    doc = state.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or state.sent_start[end + 1] != state.sent_start[end]:
        return actor
    cue = state.cue_at.get(end + 1)
    if cue is None or cue.i != end + 1 or cue.entry.kind not in ("name", "region", "capital"):
        return actor
    if cue.j < len(doc) and doc[cue.j].pos_ in ("NOUN", "PROPN") and not doc[cue.j].is_punct:
        return actor  # "of Ohio State University": the place begins the name of a body
    state.consumed.update(range(end, cue.j))  # the place is part of the person's description
    return replace(actor, country=cue.entry.country)


POSSESSIVE = ("'s", "’s", "'")


def possessor(state: ArticleState, start: int, head: int | None = None) -> Actor | None:
    """The actor (with a country) whose possessive precedes a title phrase starting at token
    `start` (or stands inside it, before its `head`): "Berg's spokesman"; None when none does."""
    doc = state.doc
    marks = [
        k for k in range(max(start - 1, 1), head if head is not None else start + 1) if doc[k].lower_ in POSSESSIVE
    ]
    if not marks:
        return None
    owner = doc[marks[-1] - 1]
    for m in state.mentions:
        if m.span[0] <= owner.idx < m.span[1] and m.kind in ("person", "organization", "country"):
            return m.actor if m.actor.country else None
    # A surname the later pass will resolve ("Lind's spokesman" after "Greta Lind"): the person
    # named in full nearest before it.
    named = [r for r in state.people if r.full and r.surname == state.low[owner.i] and r.token < owner.i]
    return named[-1].actor if named and named[-1].actor.country else None


def _owner_sector(owner: Actor) -> str | None:
    """The sector of someone speaking or acting for an owner: the owner's own, except that an
    elite's or a party's staff is not thereby government."""
    return owner.sector if owner.sector not in (None, "JRN") else None


# "X, who leads the Y Command": verbs of a relative clause that say whose body a person heads.
LEADING_VERBS = frozenset({"lead", "head", "run", "command", "chair", "direct"})


def _led_body(state: ArticleState, root: Token) -> Cue | None:
    """The country or organisation a person's relative clause says the person leads ("Anna
    Berg, who heads the Swedish Coast Guard"): the person acts for that country."""
    for clause in root.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in LEADING_VERBS:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in clause.children):
            continue
        obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        # The object's own words and its "of" phrase, not where the body sits ("a bakery in Berlin").
        words, stack = [], [obj]
        while stack:
            t = stack.pop()
            words.append(t)
            stack.extend(c for c in t.children if c.dep_ != "prep" or c.lower_ == "of")
        cues = {id(cue): cue for t in words if (cue := state.cue_at.get(t.i)) is not None and cue.entry.country}
        if len({c.entry.country for c in cues.values()}) == 1:
            return next(iter(cues.values()))
    return None


def _in_document(state: ArticleState, name: str, surname: str, full: bool) -> PersonRecord | None:
    low = name.lower()
    for record in reversed(state.people):
        if full and record.full == low:
            return record
        if not full and record.full and record.surname == surname:
            return record
    return None


def _complement(state: ArticleState, j: int) -> tuple[int, Cue | None]:
    """A country after a role noun: "president of Armenia", "rebels in Darfur"."""
    doc = state.doc
    if j < len(doc) and doc[j].lower_ in ("of", "in", "from"):
        k = j + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        cue = state.cue_at.get(k)
        if cue is None or cue.i != k:
            return j, None
        if cue.j < len(doc) and doc[cue.j].lower_ in ("'s", "’s", "'"):
            return j, None  # "the chief of Israel's militia": Israel owns something else
        if cue.entry.kind in ("name", "organization", "metonym", "region"):
            return cue.j, cue
        if cue.entry.kind == "adjective":
            hit = state.hit_at.get(cue.j) or (state.hit_at.get(cue.j + 1) if cue.j + 1 < len(doc) else None)
            if hit is not None and hit.title.kind == "body" and hit.i <= cue.j + 1:
                return hit.j, cue
    return j, None


def _remember_role_person(state: ArticleState, last: Token, actor: Actor, offices: set[str]) -> None:
    """A person named by a role phrase, kept for later pronouns and role phrases (no name to
    match surnames against)."""
    state.people.append(
        PersonRecord(
            token=last.i,
            sent=state.sent_start[last.i],
            full="",
            surname="",
            actor=actor,
            offices=offices,
            subject=last.dep_ in SUBJECT_DEPS,
        )
    )


def resolve_role_phrases(state: ArticleState) -> None:
    doc = state.doc
    groups: dict[str, set[str]] = {}  # group title → countries it was named with
    for hit in state.hits:
        if any(t in state.consumed for t in range(hit.i, hit.j)):
            continue
        title = hit.title
        if title.phrase in FORMER_TITLES:
            continue
        inside = state.cue_at.get(hit.i)
        if (
            inside is not None
            and inside.i <= hit.i
            and inside.j >= hit.j
            and inside.entry.kind in ("name", "organization", "metonym")
        ):
            continue  # "the Soviet Union" is a country, not a trade union
        last = doc[hit.j - 1]
        # A title that modifies a following noun is not the head ("government officials").
        if (
            last.dep_ in ("compound", "amod")
            and last.head.i >= hit.j
            and last.head.pos_ in ("NOUN", "PROPN")
            and not (last.head.lower_ in {m.strip("-") for m in state.rules.elect_markers} and last.head.i <= hit.j + 1)
        ):  # ("president-elect" parses as a compound of "elect")
            continue
        if last.pos_ not in ("NOUN", "PROPN"):
            continue
        start = np_left(state, hit.i)
        end, comp = _complement(state, hit.j)
        info = state._describe(start, end)
        if comp is not None:
            if comp.entry.kind == "name":
                info.country_cue = info.country_cue or comp
            else:
                info.org_cue = info.org_cue or comp
        # "-elect" / "designate" right after the title.
        k = end
        while k < len(doc) and doc[k].text in ("-", "–"):
            k += 1
        if k < len(doc) and doc[k].lower_ in {m.strip("-") for m in state.rules.elect_markers}:
            info.elect = True
            end = k + 1
        if any(elect_phrase(state, h.title.phrase) for h in info.hits):
            info.elect = True  # "president-elect" read as one title
        first = doc[start]
        info.definite = first.lower_ in ("the",) or (
            info.country_cue is not None and any(doc[t].lower_ in ("'s", "’s") for t in range(start, hit.i))
        )
        country = info.country
        sector = title_sector(info)
        owned = False
        role = role_text(state, info)
        plural = last.tag_ in ("NNS", "NNPS") and " of " not in title.phrase
        kind = (
            "person" if title.kind == "person" and not plural else ("organization" if title.kind == "body" else "group")
        )
        if kind == "person" and info.definite:
            record = link_role(state, info, hit)
            if record is not None:
                actor = record.actor
                if actor.sector is None and sector is not None:
                    # The person's own mentions gave no sector; the role phrase does.
                    actor = Actor(
                        text=actor.text,
                        name=actor.name,
                        actor_id=actor.actor_id,
                        country=actor.country or country,
                        sector=sector,
                        role=actor.role or role,
                    )
                if info.former and actor.sector != "ELI":
                    actor = Actor(
                        text=actor.text,
                        name=actor.name,
                        actor_id=actor.actor_id,
                        country=actor.country,
                        sector="ELI",
                        role=actor.role,
                    )
                emit(state, start, end, actor, "person")
                _remember_role_person(state, last, actor, record.offices)
                continue
        if country is None:
            # "Berg's spokesman said", "the president's aides": the owner's country.
            owner = possessor(state, start, hit.i)
            if owner is not None:
                country = owner.country
                sector = sector or _owner_sector(owner)
                owned = True
        if country is None and kind == "group" and first.lower_ == "the":
            # "the rebels" after "Darfur rebels": the same group, when the document named only
            # one such group with a country.
            seen = groups.get(title.office or title.phrase, set())
            if len(seen) == 1:
                country = next(iter(seen))
        if country is None:
            continue  # a role without a country says too little to be an actor
        if kind == "group":
            groups.setdefault(title.office or title.phrase, set()).add(country)
        if (
            sector is None
            and title.sector == INHERIT
            and info.org_cue is None
            and info.country_cue is None
            and not owned
        ):
            continue
        actor = Actor(
            text="", name=None, actor_id=None, country=country, sector=sector, role=role if kind == "person" else None
        )
        if info.org_cue is not None and kind != "person":
            actor = Actor(
                text="",
                name=info.org_cue.entry.name,
                actor_id=info.org_cue.entry.actor_id,
                country=country,
                sector=sector,
                role=None,
            )
        emit(state, start, end, actor, kind)
        if kind == "person":
            _remember_role_person(state, last, actor, info.offices)


def resolve_bare_surnames(state: ArticleState) -> None:
    """A surname spaCy did not label PERSON ("Berg responded") that names a person above, or
    else the one person of that surname in office at the article's date."""
    doc = state.doc
    _resolve_office_holder_surnames(state)
    if not state.people:
        return
    # Every full-name record per surname, in text order: a bare surname is the person named in
    # full nearest before it (not the last one in the article, which may come after it).
    by_surname: dict[str, list[PersonRecord]] = {}
    for record in sorted(state.people, key=lambda r: r.token):
        if record.full and record.surname:
            by_surname.setdefault(record.surname, []).append(record)
            # Names written family name first ("Wang Lin", later "Wang"): the first word of a
            # two-word name that is no known first name is read as the family name too.
            words = record.full.split()
            if len(words) == 2 and words[0].isalpha() and state.kb.gender(words[0].title()) is None:
                by_surname.setdefault(words[0], []).append(record)
    for tok in (doc[k] for k in state.propn if state.low[k] in by_surname):
        if tok.i in state.consumed or tok.pos_ != "PROPN" or tok.i in state.cue_at:
            continue
        before = [r for r in by_surname.get(tok.lower_, ()) if r.token < tok.i]
        if not before:
            continue
        earlier = before[-1]
        emit(state, tok.i, tok.i + 1, earlier.actor, "person")
        state.people.append(
            PersonRecord(
                token=tok.i,
                sent=state.sent_start[tok.i],
                full="",
                surname=earlier.surname,
                actor=earlier.actor,
                offices=earlier.offices,
                subject=tok.dep_ in SUBJECT_DEPS,
            )
        )


def _resolve_office_holder_surnames(state: ArticleState) -> None:
    """A lone capitalised surname of someone in office at the article's date ("Lavrov met
    Blinken" in 2022), whatever label spaCy gave it (the small model often calls such names ORG
    or GPE). Only when the date is known and exactly one person of that surname held an office
    that day; a name already read as a country, body or title is left alone."""
    if state.day is None:
        return
    doc, kb = state.doc, state.kb
    known = {r.surname for r in state.people}
    for k in state.propn:
        tok = doc[k]
        if tok.i in state.consumed or tok.i in state.cue_at or tok.i in state.hit_at or tok.i in state.person_tok:
            continue
        if not tok.is_title or tok.lower_ in known or not tok.is_alpha:
            continue
        # Part of a longer name ("Lavrov Street", "John Smith") is not a lone surname.
        neighbours = [
            n
            for n in (k - 1, k + 1)
            if state.sent_start[k] <= n < len(doc) and state.sent_start[n] == state.sent_start[k]
        ]
        if any(doc[n].pos_ == "PROPN" and doc[n].is_title for n in neighbours):
            continue
        holding = [(p, t) for p in kb.people_with_surname(tok.text) for t in p.terms_on(state.day)]
        if len({p.person_id for p, _ in holding}) != 1 or first_name_abroad(state, tok.text, [holding[0][0]]):
            continue
        actor = person_actor(state, tok.text, tok.text, None, holding[0])
        emit(state, tok.i, tok.i + 1, actor, "person")
        state.people.append(
            PersonRecord(
                token=tok.i,
                sent=state.sent_start[tok.i],
                full="",
                surname=tok.lower_,
                actor=actor,
                offices=set(kb.offices(holding[0][0])),
                subject=tok.dep_ in SUBJECT_DEPS,
            )
        )
        known.add(tok.lower_)
