"""Identity in the knowledge base: which person a name is, which office a title names, and the
actor a resolved person becomes at the article's date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from detente.actors.knowledge import (
    INHERIT,
    KnowledgeBase,
    Person,
    Seat,
    Term,
    is_transnational,
)
from detente.actors.text import (
    ELECT_LEAD_DAYS,
    FORMER_TITLES,
    MIN_TYPO_LENGTH,
    ArticleState,
    PersonRecord,
    TitleHit,
    TitleInfo,
    one_edit,
)
from detente.records import Actor, Published

# ---- identity ------------------------------------------------------------------------


def kb_person(state: ArticleState, name: str, info: TitleInfo | None, full: bool) -> tuple[Person, Term | None] | None:
    kb = state.kb
    candidates = kb.people_named(name) if full else kb.people_with_surname(name.split()[-1])
    if not candidates and full:
        candidates = _misspelt_people(state, name)
    if not candidates:
        return None
    country = info.country if info else None
    if country:
        candidates = (
            tuple(p for p in candidates if any((kb.seat(t.seat) or NO_SEAT).country == country for t in p.terms)) or ()
        )
    offices = (info.offices - set(FORMER_TITLES)) if info else set()
    groups = state.rules.role_groups
    if offices and not full:
        # "President Mugabe": a bare surname is only as good as its title: the person must
        # have held an office with that title (in office at the date, when it is known).
        return _titled_surname(state, candidates, offices, info)
    if offices and len(candidates) > 1:
        matching = tuple(p for p in candidates if offices_match(offices, kb.offices(p), groups))
        candidates = matching or candidates
    if not candidates:
        return None
    if not full and not offices and first_name_abroad(state, name, candidates):
        return None
    day = state.day
    if day is not None:
        holding = [(p, t) for p in candidates for t in p.terms_on(day)]
        people = {p.person_id for p, _ in holding}
        if len(people) == 1:
            return holding[0]
        if len(people) > 1:
            if offices:
                narrowed = [(p, t) for p, t in holding if offices_match(offices, kb.offices(p, t), groups)]
                if len({p.person_id for p, _ in narrowed}) == 1:
                    return narrowed[0]
            return None
        if len(candidates) == 1:
            later = min(t.start for t in candidates[0].terms) > day
            if later and not full and not offices and not _country_named(state, candidates):
                return None  # "Cruz said" in 2016, where Cuba is never named: not its later premier
            return candidates[0], None
        return None
    # Date unknown: the most recent holder, but nothing about the term is certain.
    if len(candidates) == 1 and offices:
        return candidates[0], _only_term(kb, candidates[0], offices, groups)
    latest = max(candidates, key=lambda p: p.terms[-1].start)
    return latest, None


def first_name_abroad(state: ArticleState, name: str, candidates: Sequence[Person]) -> bool:
    """ "Paul said", "George wrote": a lone word that is also a common first name names an office
    holder of that surname only in an article that names the holder's country (a first name
    of someone the article introduced, or of no one known, is far likelier)."""
    return name.lower() in state.kb.first_names and not _country_named(state, candidates)


def _country_named(state: ArticleState, candidates: Sequence[Person]) -> bool:
    """Whether the article names a country where one of these people held a seat."""
    named = {c.entry.country for c in state.cues}
    seats = (state.kb.seat(t.seat) for p in candidates for t in p.terms)
    return any(seat is not None and seat.country in named for seat in seats)


def _titled_surname(
    state: ArticleState, candidates: tuple[Person, ...], offices: set[str], info: TitleInfo | None
) -> tuple[Person, Term | None] | None:
    kb, groups, day = state.kb, state.rules.role_groups, state.day
    matching = [p for p in candidates if offices_match(offices, kb.offices(p), groups)]
    if not matching:
        return None
    if day is None:
        return (matching[0], _only_term(kb, matching[0], offices, groups)) if len(matching) == 1 else None
    if info is not None and info.former:
        past = [
            (p, t)
            for p in matching
            for t in p.terms
            if t.end is not None and t.end < day and offices_match(offices, kb.offices(p, t), groups)
        ]
        return (past[-1][0], None) if len({p.person_id for p, _ in past}) == 1 else None
    holding = [(p, t) for p in matching for t in p.terms_on(day) if offices_match(offices, kb.offices(p, t), groups)]
    return holding[0] if len({p.person_id for p, _ in holding}) == 1 else None


def shared_seat(state: ArticleState, name: str, info: TitleInfo) -> Seat | None:
    """ "President Bush" at an unknown date: two holders, but one office, so the country
    and role are known even though the person is not."""
    kb, groups, day = state.kb, state.rules.role_groups, state.day
    offices = info.offices - set(FORMER_TITLES)
    if not offices:
        return None
    seats = {
        t.seat
        for p in kb.people_with_surname(name.split()[-1])
        for t in p.terms
        if (day is None or t.holds_on(day) or info.former) and offices_match(offices, kb.offices(p, t), groups)
    }
    if len(seats) != 1:
        return None
    seat = kb.seat(seats.pop())
    return seat if seat is not None and (info.country is None or seat.country == info.country) else None


def _misspelt_people(state: ArticleState, name: str) -> tuple[Person, ...]:
    """ "Francois Mitterand": the same first words and a surname one typing slip away from
    a known holder's; the first name keeps the correction safe."""
    words = name.replace("’", "'").lower().split()
    surname = words[-1]
    found: dict[str, Person] = {}
    size = len(surname)
    for known in (k for n in (size - 1, size, size + 1) for k in state.kb.surnames_by_length.get((surname[:1], n), ())):
        if max(len(known), size) < MIN_TYPO_LENGTH or not one_edit(known, surname):
            continue
        for pid in state.kb.by_surname[known]:
            person = state.kb.people[pid]
            if any(n.lower().split()[:-1] == words[:-1] for n in person.names if len(n.split()) == len(words)):
                found[pid] = person
    return tuple(found.values())


def person_actor(
    state: ArticleState, text: str, name: str, info: TitleInfo | None, found: tuple[Person, Term | None] | None
) -> Actor:
    kb, day = state.kb, state.day
    country = info.country if info else None
    sector = title_sector(info) if info else None
    role = role_text(state, info) if info else None
    if found is not None:
        person, term = found
        if term is None and day is not None:
            past = [t for t in person.terms if t.end is not None and t.end < day]
            future = [t for t in person.terms if t.start > day]
            if past and not future and not person.terms_on(day):
                term = past[-1]
                seat = kb.seat(term.seat)
                # Out of office at the article's date: a former official is an elite, unless
                # the text gives a present role of another kind ("opposition leader").
                own = sector if sector not in (None, "GOV", "ELI") and not (info and info.former) else None
                return Actor(
                    text=text,
                    name=person.name,
                    actor_id=person.person_id,
                    country=seat.country if seat else country,
                    sector=own or "ELI",
                    role=(role if own else f"former {seat.role}" if seat and seat.role else role),
                )
        if term is None:
            term = person.terms[-1] if person.terms else None
            if day is not None and term is not None and term.start > day:
                term = None  # only holds office later: the title (if any) says more
        seat = kb.seat(term.seat) if term else None
        if seat is None:
            # Not in a known office at that date: nationality still follows from the seats.
            held = {(kb.seat(t.seat) or NO_SEAT).country for t in person.terms} - {""}
            country = held.pop() if len(held) == 1 else country
        # A role of another kind in the text ("opposition leader") says more than an office
        # the knowledge base knows from another time.
        own = (
            sector
            if sector not in (None, "GOV", "ELI")
            and not (info and info.former)
            and (term is None or not term.holds_on(day or term.start))
            else None
        )
        return Actor(
            text=text,
            name=person.name,
            actor_id=person.person_id,
            country=(seat.country if seat else country),
            sector="ELI" if info and info.former else own or (seat.sector if seat else sector),
            role=(seat.role if seat and seat.role else role),
        )
    return Actor(text=text, name=name, actor_id=None, country=country, sector=sector, role=role)


def _only_term(kb: KnowledgeBase, person: Person, offices: set[str], groups: object) -> Term | None:
    """The one term of `person` whose office the title names, if exactly one."""
    terms = [t for t in person.terms if offices_match(offices, kb.offices(person, t), groups)]
    return terms[0] if len(terms) == 1 else None


class _NoSeat:
    country = ""


NO_SEAT = _NoSeat()


def offices_match(
    wanted: set[str], held: frozenset[str] | set[str], groups: dict[str, frozenset[str]] | object
) -> bool:
    expanded: set[str] = set()
    for w in wanted:
        expanded.add(w)
        expanded.update(groups.get(w, ()))  # type: ignore[union-attr]
    for h in held:
        for w in expanded:
            if not w:
                continue
            if (
                h == w
                or (len(w.split()) > 1 and w in h)
                or (len(h.split()) > 1 and h in w)
                or (len(w.split()) == 1 and h.split()[-1:] == [w])
            ):
                if ("vice" in h and "vice" not in w) or ("deputy" in h and "deputy" not in w):
                    continue
                return True
    return False


def title_sector(info: TitleInfo) -> str | None:
    if info.former:
        return "ELI"
    head = info.head
    if head is None:
        return None
    if info.institution_sector and info.org_cue is None and head.title.sector in (INHERIT, "GOV"):
        return info.institution_sector  # "President of the National Strategy Institute"
    if head.title.sector != INHERIT:
        return head.title.sector
    if info.org_cue is not None:
        return info.org_cue.entry.sector or (None if is_transnational(info.org_cue.entry.country) else "GOV")
    if info.country_cue is not None:
        if info.country_cue.entry.subnational:
            return None  # "Yoruba leaders", "Darfur officials": not the national government
        return "GOV"  # "a Russian official", "the Russian leader"
    return None


def role_text(state: ArticleState, info: TitleInfo) -> str | None:
    """The title words without the country word ("Security Council Secretary")."""
    if not info.hits:
        return None
    doc = state.doc
    words = []
    for t in range(info.start, info.end):
        tok = doc[t]
        cue = state.cue_at.get(t)
        if cue and cue.entry.kind in ("name", "adjective", "demonym", "capital", "region") and t not in state.hit_at:
            continue
        if tok.lower_ in ("'s", "’s", "'") or tok.lower_ in state.rules.honorifics:
            continue
        words.append(tok.text_with_ws)
    text = "".join(words).strip()
    for article in ("a ", "an ", "the ", "A ", "An ", "The "):
        if text.startswith(article):
            text = text[len(article) :]
    for prefix in ("of the ", "of "):
        if text.lower().endswith(" " + prefix.strip()):
            text = text[: -len(prefix.strip())].strip()
    return text or None


def publication_day(published: Published) -> date | None:
    """The day the article is resolved at: the middle of the publication window."""
    w = published.window
    if w.earliest is None or w.latest is None:
        return None
    return w.earliest + timedelta(days=(w.latest - w.earliest).days // 2)


# ---- entry points -------------------------------------------------------------------------

BRIEF_TERM_DAYS = 30  # an acting stint this short does not make its holder "the secretary of state"


def _kb_offices(state: ArticleState, actor: Actor, categories: bool, later: bool = False) -> set[str]:
    """Offices the knowledge base says the actor held, leaving out brief acting stints and,
    unless `later`, offices taken only after the article's date; a seat's category ("foreign
    minister") only when `categories`."""
    person = state.kb.people.get(actor.actor_id or "")
    if person is None:
        return set()
    out: set[str] = set()
    for term in person.terms:
        if term.end is not None and (term.end - term.start).days < BRIEF_TERM_DAYS:
            continue
        if not later and state.day is not None and term.start > state.day:
            continue  # an office taken only after the article's date ("the leader" is not yet them)
        seat = state.kb.seat(term.seat)
        if seat is None:
            continue
        out.update(seat.titles)
        out.add(seat.role.lower())
        if categories and seat.category:
            out.add(seat.category.replace("_", " "))
    return out


def elect_phrase(state: ArticleState, phrase: str) -> str | None:
    """The office of an "-elect" / "designate" title ("president-elect" → "president"), else None."""
    for marker in state.rules.elect_markers:
        m = marker.strip("-")
        for joiner in ("-", " "):
            if phrase.endswith(joiner + m):
                return phrase[: -len(joiner + m)]
            if phrase.startswith(m + joiner):
                return phrase[len(m + joiner) :]
    return None


def _takes_office_later(state: ArticleState, actor: Actor, wanted: set[str]) -> bool:
    person = state.kb.people.get(actor.actor_id or "")
    if person is None or state.day is None:
        return False
    day = state.day
    return any(
        day < t.start <= day + timedelta(days=ELECT_LEAD_DAYS)
        and offices_match(wanted, state.kb.offices(person, t), state.rules.role_groups)
        for t in person.terms
    )


ANTECEDENT_WINDOW = 4000  # tokens; a news article is shorter, a role phrase's referent nearer


def link_role(state: ArticleState, info: TitleInfo, hit: TitleHit) -> PersonRecord | None:
    """The person named earlier that a definite role phrase refers to: first someone the
    document itself gave that title, then someone the knowledge base says held it (not for a
    brief acting stint), most recent first. Without a country, only an unambiguous referent."""
    wanted = {elect_phrase(state, w) or w for w in info.offices - set(FORMER_TITLES)}
    if not wanted:
        return None
    country = info.country
    groups = state.rules.role_groups
    generic = all(len(w.split()) == 1 for w in wanted) and not any(w in groups for w in wanted)
    # Only people named within a window around the phrase are candidates: the same referents as
    # the whole document for any news article, and linear time on a book-length text.
    near = [r for r in state.people if abs(hit.i - r.token) <= ANTECEDENT_WINDOW]
    stated: dict[str, set[str]] = {}
    for record in near:
        stated.setdefault(record.actor.actor_id or record.actor.name or "", set()).update(record.text_offices)
    by_text: list[PersonRecord] = []
    by_kb: list[PersonRecord] = []
    for record in near:
        if record.token >= hit.i or not record.actor.name:
            continue
        if country and record.actor.country and record.actor.country != country:
            continue
        key = record.actor.actor_id or record.actor.name
        text_offices = stated.get(key, set()) - set(FORMER_TITLES)
        if info.elect and offices_match(wanted, text_offices, groups):
            continue  # "the president-elect" is not the president the text names as such
        if info.elect and not _takes_office_later(state, record.actor, wanted):
            continue  # ... nor anyone not known to take that office after the article's date
        if info.former and record.actor.sector not in ("ELI", None) and "former" not in stated.get(key, set()):
            continue  # "the former minister" is not someone the text presents in office
        if offices_match(wanted, text_offices, groups):
            by_text.append(record)
        elif offices_match(wanted, _kb_offices(state, record.actor, not generic, later=info.elect), groups):
            by_kb.append(record)
    # "the expert", "the analyst": a title with a sector but no office refers to the one person
    # of that sector named before.
    sector = hit.title.sector
    by_sector = (
        []
        if (by_text or by_kb or sector in (INHERIT, "GOV") or hit.title.office)
        else [r for r in near if r.token < hit.i and r.actor.name and r.actor.sector == sector]
    )
    for tier in (by_text, by_kb, by_sector):
        if not tier:
            continue
        if tier is by_sector and len({r.actor.actor_id or r.actor.name for r in tier}) > 1:
            return None
        if country is None and len({r.actor.actor_id or r.actor.name for r in tier}) > 1:
            return None  # "the minister" with two ministers named: say nothing
        return tier[-1]
    return None


def named_body(state: ArticleState, word: str) -> Actor | None:
    """ "told Fox that ...", after "Fox News" in the article: a lone word that begins the name of
    an organisation the article names in full is that organisation, not a person of that
    surname."""
    for cue in state.cues:
        e = cue.entry
        words = state.text[cue.start : cue.end].split()
        if e.kind == "organization" and len(words) > 1 and words[0] == word:
            return Actor(text=word, name=e.name, actor_id=e.actor_id, country=e.country, sector=e.sector)
    return None
