"""Speakers across quotes: a quote with no attribution of its own takes one from its neighbours
(the quote before it, the sentence before it), and a "he"/"she" nobody resolved takes the last speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from detente.actors.lookup import MentionIndex
from detente.nlp.marks import RawQuote
from detente.quotes.attribution import Attribution, attribute, is_cue, speaker_actor
from detente.quotes.found import Found, sentences_around
from detente.quotes.lexicon import Cues
from detente.reading import Reading
from detente.records import replace


def carry_speakers(doc: Doc, r: Reading, raws: Sequence[RawQuote], direct: list[Attribution | None]) -> None:
    """A quote whose own sentence names no speaker: the speaker of the quote just before it
    when nothing but white space or one short sentence separates them (a quote going on in the
    next paragraph), else a cue in the next sentence ("He said so later.")."""
    text = r.text
    for n, raw in enumerate(raws):
        if direct[n] is not None:
            continue
        before = direct[n - 1] if n > 0 else None
        if before is not None:
            prev = raws[n - 1]
            frame = sentences_around(doc, r, prev.open_at, prev.close_end)
            frame_end = max(frame.end_char, prev.close_end) if frame is not None else prev.close_end
            if frame_end <= raw.open_at and not text[frame_end : raw.open_at].strip():
                direct[n] = direct[n - 1]
                continue
            # "A," said Jane Doe, a lawyer from the city. "B": the attribution between the two
            # quotes of one paragraph ends with a full stop (the parser may have cut it in two).
            gap = text[prev.close_end : raw.open_at]
            cue_at = before.cue.idx
            if "\n" not in gap and prev.close_end <= cue_at < raw.open_at and gap.rstrip().endswith("."):
                direct[n] = direct[n - 1]


def speaker_from_previous_sentence(
    doc: Doc, r: Reading, found: list[Found], inside: list[bool], cues: Cues, index: MentionIndex
) -> None:
    """A direct quote with no attribution of its own, right after a sentence with one
    ("Kerry said talks would go on.\n\n"We are not giving up."): that sentence's speaker; or
    after a sentence whose main verb is a cue reporting nothing itself ("Doe said in a
    statement. "We are ready.""): that verb's speaker."""
    by_sentence: dict[int, Attribution] = {}
    for f in found:
        if f.attribution is not None and f.attribution.cue_text != ":":
            by_sentence[r.sentences.of[f.attribution.cue.i]] = f.attribution
    for f in found:
        if f.attribution is not None or f.raw is None:
            continue
        first = doc.char_span(f.raw.open_at, f.raw.open_at + 1, alignment_mode="expand")
        if first is None:
            continue
        n = r.sentences.of[first.start]
        start, _ = r.sentences.bounds[n]
        if n == 0 or r.text[doc[start].idx : f.raw.open_at].strip():
            continue  # the quote does not open its sentence
        f.attribution = by_sentence.get(n - 1) or _bare_cue_attribution(doc, r, n - 1, inside, cues, index)


def _bare_cue_attribution(
    doc: Doc, r: Reading, n: int, inside: list[bool], cues: Cues, index: MentionIndex
) -> Attribution | None:
    """The attribution of sentence `n` when its main verb is a cue and it quotes nothing itself
    ("Doe said in a statement.", "Doe praised the plan.", "Doe spoke at length."), or whose
    subject is a named person: the words quoted next are what that person said."""
    start, end = r.sentences.bounds[n]
    root = doc[start:end].root
    if inside[root.i] or any(inside[i] for i in range(start, end)):
        return None
    if is_cue(root, cues):
        return attribute(root, cues, index, inside)
    # "Doe is upbeat about the race.\n\n"We will win."": a sentence about a named person, then
    # their words with no cue at all; the newswriting convention makes that person the speaker.
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ != "PERSON" or subject.pos_ != "PROPN":
        return None
    speaker = speaker_actor(subject, index)
    if speaker is None:
        return None
    return Attribution(cue=root, cue_text=None, speaker=speaker, speaker_token=subject)


def resolve_pronouns(text: str, found: list[Found]) -> None:
    """ "he said" where the actors stage resolved the pronoun to nobody: the person who spoke last
    before it, in its paragraph or the one before (the usual reading of a run of quotes)."""
    for n, f in enumerate(found):
        a = f.attribution
        if a is None or a.speaker.name is not None or a.speaker.text.lower() not in _SINGULAR_PRONOUNS:
            continue
        at = a.cue.idx
        for g in reversed(found[:n]):
            b = g.attribution
            if b is None or b.cue.idx >= at:
                continue
            if len(_PARAGRAPH_BREAK.findall(text, b.cue.idx, at)) > _PRONOUN_PARAGRAPHS:
                break
            if b.speaker.name is None or b.speaker.text.lower() in _SINGULAR_PRONOUNS:
                continue
            if b.speaker_token is None or b.speaker_token.ent_type_ != "PERSON":
                break  # the last speaker is no person: "he" is someone else
            f.attribution = Attribution(
                cue=a.cue,
                cue_text=a.cue_text,
                speaker=replace(b.speaker, text=a.speaker.text),
                speaker_token=a.speaker_token,
            )
            break


# Pronouns resolved to the last speaker; and how many paragraphs back that speaker may be.
_SINGULAR_PRONOUNS = frozenset({"he", "she"})
_PRONOUN_PARAGRAPHS = 1
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
