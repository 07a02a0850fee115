"""A document that speaks: "X issued a statement on Monday. ... The statement said ..." names X.

A definite document noun (``document_nouns``: "the statement", "the communique") with no owner
of its own, the active subject of a clause ("the statement said", not "the statement was signed
by Y"), stands for the author of the last document of that kind the article introduced in the
sentences before it. The author is the subject of a verb that puts the document out
(``document_verbs``: "X issued a statement") or of a saying it carries ("X said in a
statement"). The mention it gets is the author's actor, so that what the document says has a
source.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from detente.actors.passes import emit
from detente.actors.text import PRONOUN_REACH_SENTENCES, ArticleState
from detente.records import Mention

# How many sentences back a document's author is looked for ("the statement said" two
# paragraphs after "X issued a statement").
DOCUMENT_REACH_SENTENCES = 3 * PRONOUN_REACH_SENTENCES


def resolve_document_authors(state: ArticleState) -> None:
    rules, doc = state.rules, state.doc
    if not rules.document_nouns:
        return
    starts = [sent.start for sent in state.sents]
    authored: list[tuple[Token, Mention, int]] = []  # a document introduced, its author, its sentence
    for tok in (doc[k] for k, w in enumerate(state.low) if w in rules.document_nouns):
        if tok.pos_ != "NOUN":
            continue
        here = bisect_right(starts, tok.i) - 1
        author = _author(state, tok)
        if author is not None:
            authored.append((tok, author, here))
            continue
        if tok.dep_ != "nsubj" or tok.i in state.consumed or not _bare_definite(tok):
            continue
        earlier = [(m, k) for d, m, k in authored if d.lower_ == tok.lower_ and here - k <= DOCUMENT_REACH_SENTENCES]
        if not earlier or earlier[-1][1] == here:
            continue
        author_mention = earlier[-1][0]
        first = min(c.i for c in tok.children if c.dep_ == "det")
        emit(state, first, tok.i + 1, author_mention.actor, author_mention.kind)


def _author(state: ArticleState, tok: Token) -> Mention | None:
    """Who put the document out: "X issued a statement", "X said in a statement"."""
    verb = None
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in state.rules.document_verbs:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    found = [m for m in state.mentions if m.span[0] <= subj.idx < m.span[1] and m.actor.country]
    return found[0] if len(found) == 1 else None


def _bare_definite(tok: Token) -> bool:
    """ "the statement", not "a statement", "its statement" or "the joint statement by X"."""
    kids = list(tok.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and not any(
        c.dep_ in ("poss", "compound", "amod", "prep", "relcl", "acl") for c in kids
    )
