"""Hand-built spaCy Docs for unit tests that need only a parse shape (spaCy's own habit, see
spacy/tests/README.md): the test states the tokens, tags, dependencies and entities the rule
under test reads, so the rule is tested on that shape whatever the model's next version parses.

Two ways to write one:

- ``make_doc(vocab, words=[...], heads=[...], deps=[...], ...)``: spaCy's ``Doc`` arguments, with
  heads absolute (a root is its own head) or, with ``relative=True``, as offsets (0 for a root);
- ``parse(vocab, text, TABLE)``: one token a line, ``word lemma TAG POS dep head [entity]``, the
  head an absolute token index, the entity an IOB tag (``B-PERSON``, ``I-PERSON``; omitted or
  ``O`` outside); ``#`` starts a comment (the token's index, say), and a paragraph break's
  whitespace token is written ``\\n\\n``. The spaces between the words are taken from ``text``,
  so character offsets in the test are offsets in the sentence as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab


def make_doc(
    vocab: Vocab,
    *,
    words: Sequence[str],
    spaces: Sequence[bool] | None = None,
    heads: Sequence[int] | None = None,
    relative: bool = False,
    deps: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    pos: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
    sent_starts: Sequence[bool | None] | None = None,
    ents: Sequence[str] | None = None,
) -> Doc:
    """A Doc with the given annotation. ``ents`` are IOB tags per token (``B-GPE``, ``O``)."""
    if heads is not None and relative:
        heads = [i + h for i, h in enumerate(heads)]
    if heads is not None and deps is None:
        raise ValueError("heads need deps: give one dependency label per token")
    return Doc(
        vocab,
        words=list(words),
        spaces=list(spaces) if spaces is not None else None,
        heads=list(heads) if heads is not None else None,
        deps=list(deps) if deps is not None else None,
        tags=list(tags) if tags is not None else None,
        pos=list(pos) if pos is not None else None,
        lemmas=list(lemmas) if lemmas is not None else None,
        sent_starts=list(sent_starts) if sent_starts is not None else None,
        ents=list(ents) if ents is not None else None,
    )


def parse(vocab: Vocab, text: str, table: str) -> Doc:
    """The Doc of `text` parsed as `table` says (one token a line: word lemma TAG POS dep head
    [entity]). Fails when the table's words do not spell `text`."""
    rows = [line.split("#")[0].split() for line in table.strip().splitlines()]
    rows = [row for row in rows if row]
    for n, row in enumerate(rows):
        if len(row) not in (6, 7):
            raise ValueError(f"table line {n} has {len(row)} columns: write word lemma TAG POS dep head [entity]")
    words = [r[0].replace("\\n", "\n") for r in rows]
    found, spaces = get_words_and_spaces(words, text)
    if found != words:
        raise ValueError(f"the table's words do not spell the text: compare {found} with {words}")
    ents = [r[6] if len(r) == 7 else "O" for r in rows]
    return make_doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[int(r[5]) for r in rows],
        ents=ents if any(e != "O" for e in ents) else None,
    )
