"""`detente eval quotes --gold DIR`: quotations and speakers against PolNeAR's brat attributions.

The gold folder holds ``text/*.txt`` (fed to the core as JSONL input would be: text verbatim) and
``attributions/<name>_<annotator>.ann`` (brat standoff; the first file in name order per article is
used). An attribution (an ``E`` line) groups a Source, a Cue and one or more Content spans; a span
may be discontinuous (``start end;start end``), which gives several pieces.

PolNeAR annotates every attribution, beliefs and stances included; detente reports speech. So:
- a gold attribution is *speech* when its cue contains one of ``SPEECH_WORDS`` as a whole word
  (case ignored), or ":" or "―", or when a quotation mark stands within two characters before its
  content's start or after its end;
- detente quotes and gold contents are matched one to one, greedily by largest overlap; a pair
  counts when the overlap covers at least half of the shorter of the two (quote ``parts`` against
  content pieces);
- content precision = matched quotes / quotes (a match to any gold attribution counts); content
  recall = matched speech attributions / speech attributions;
- source: a matched pair whose speaker (``text`` or ``name``) shares a word of three or more
  letters with the gold Source text, case ignored, "'s" stripped; precision over all quotes,
  recall over speech attributions;
- source ceiling: the source scores an oracle speaker would get on detente's content matches,
  counting a matched pair whenever its gold Source has a word of three or more letters (a Source
  such as "he", "I" or none can never be matched by the rule above).

A baseline is reported alongside, for calibration: every span between quotation marks, no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from detente.core import Pipeline
from detente.errors import DetenteError, EvaluationError
from detente.evaluate.report import Report
from detente.nlp.marks import scan
from detente.records import Article, Quote

Span = tuple[int, int]

SPEECH_WORDS: frozenset[str] = frozenset(
    """say says said saying tell tells told add added adding note noted notes write writes wrote
    ask asked warn warned claim claimed announce announced explain explained argue argued arguing
    insist insisted stress stressed state stated declare declared tweet tweeted quoted cited citing
    continued replied responded recalled remarked acknowledged admitted suggested described called""".split()
)
_SPEECH_PHRASES = ("according to",)
_SPEECH_CHARS = (":", "―")
_QUOTE_MARKS = ("“", "”", '"', "«", "»", "‘", "’", "„", "''")
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldAttribution:
    pieces: tuple[Span, ...]
    source: str
    cue: str
    speech: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(slots=True)
class Counts:
    quotes: int = 0
    matched_quotes: int = 0
    speech: int = 0
    matched_speech: int = 0
    source_quotes: int = 0  # matched quotes whose speaker agrees with the gold source
    source_speech: int = 0  # the same, among speech attributions
    # The oracle: a matched pair counts whenever the gold Source has a word the rule can match
    # (three or more letters); no speaker can do better on these matches ("he", "I", empty).
    ceiling_quotes: int = 0
    ceiling_speech: int = 0
    # Ceiling pairs whose gold Source is only a relative pronoun ("X, who said"): the rule counts
    # "who" as a word, but a speaker naming X (the right answer) cannot share it.
    relative_speech: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [found, matched]

    def add(self, other: Counts) -> None:
        self.quotes += other.quotes
        self.matched_quotes += other.matched_quotes
        self.speech += other.speech
        self.matched_speech += other.matched_speech
        self.source_quotes += other.source_quotes
        self.source_speech += other.source_speech
        self.ceiling_quotes += other.ceiling_quotes
        self.ceiling_speech += other.ceiling_speech
        self.relative_speech += other.relative_speech
        for kind, (found, matched) in other.by_kind.items():
            row = self.by_kind.setdefault(kind, [0, 0])
            row[0] += found
            row[1] += matched

    def content(self) -> tuple[float, float, float]:
        return _prf(self.matched_quotes, self.quotes, self.matched_speech, self.speech)

    def source(self) -> tuple[float, float, float]:
        return _prf(self.source_quotes, self.quotes, self.source_speech, self.speech)

    def ceiling(self) -> tuple[float, float, float]:
        return _prf(self.ceiling_quotes, self.quotes, self.ceiling_speech, self.speech)


def _prf(tp_found: int, found: int, tp_gold: int, gold: int) -> tuple[float, float, float]:
    p = tp_found / found if found else 0.0
    r = tp_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---- reading the gold ----------------------------------------------------------------------------


def load_gold(folder: Path, limit: int | None = None) -> list[GoldArticle]:
    """The articles of a PolNeAR folder with their attributions (the first annotator file each)."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationError(
            f"{folder} is not a PolNeAR folder: give the folder holding text/ and attributions/ "
            "(e.g. ../shared/gold/polnear/dev)"
        )
    first: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        first.setdefault(name, ann)
    out: list[GoldArticle] = []
    for txt in sorted(text_dir.glob("*.txt")):
        found = first.get(txt.stem)
        if found is None:
            continue
        ann = found
        with txt.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        out.append(GoldArticle(name=txt.stem, text=text, attributions=read_ann(ann, text)))
        if limit is not None and len(out) >= limit:
            break
    if not out:
        raise EvaluationError(f"no article in {text_dir} has an attribution file in {ann_dir}")
    return out


def read_ann(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, tuple[str, tuple[Span, ...], str]] = {}
    events: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh.read().split("\n"):
            m = _T_LINE.match(line)
            if m:
                refs = tuple((int(a), int(b)) for a, b in (p.split() for p in m.group(3).strip().split(";")))
                spans[m.group(1)] = (m.group(2), refs, m.group(4))
                continue
            m = _E_LINE.match(line)
            if m:
                events.append(m.group(2))
    out: list[GoldAttribution] = []
    for event in events:
        roles = [arg.split(":", 1) for arg in event.split() if ":" in arg]
        pieces: list[Span] = []
        source = cue = ""
        for role, ref in roles:
            if ref not in spans:
                continue
            _, parts, _ = spans[ref]
            written = " ".join(text[a:b] for a, b in parts)
            if role.startswith("Content"):
                pieces.extend(parts)
            elif role == "Source":
                source = written
            elif role == "Cue":
                cue = written
        if not pieces:
            continue
        pieces.sort()
        out.append(GoldAttribution(pieces=tuple(pieces), source=source, cue=cue, speech=is_speech(cue, pieces, text)))
    return tuple(out)


def is_speech(cue: str, pieces: Sequence[Span], text: str) -> bool:
    lowered = cue.lower()
    if any(w in SPEECH_WORDS for w in _WORD.findall(lowered)):
        return True
    if any(p in lowered for p in _SPEECH_PHRASES) or any(c in cue for c in _SPEECH_CHARS):
        return True
    start = min(s for s, _ in pieces)
    end = max(e for _, e in pieces)
    around = text[max(0, start - 2) : start + 1] + " " + text[max(0, end - 1) : end + 2]
    return any(mark in around for mark in _QUOTE_MARKS)


# ---- scoring -------------------------------------------------------------------------------------


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(pieces: Sequence[Span]) -> int:
    return sum(e - s for s, e in pieces)


def _words(value: str | None) -> set[str]:
    if not value:
        return set()
    return {w for w in _WORD.findall(_POSSESSIVE.sub("", value.lower())) if len(w) >= 3}


def score_article(quotes: Sequence[Quote], gold: Sequence[GoldAttribution]) -> Counts:
    counts = Counts(quotes=len(quotes), speech=sum(g.speech for g in gold))
    pairs: list[tuple[int, int, int]] = []
    for qi, q in enumerate(quotes):
        q_len = _length(q.parts)
        for gi, g in enumerate(gold):
            ov = _overlap(q.parts, g.pieces)
            if ov and ov * 2 >= min(q_len, _length(g.pieces)):
                pairs.append((ov, qi, gi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_q: set[int] = set()
    used_g: set[int] = set()
    for _, qi, gi in pairs:
        if qi in used_q or gi in used_g:
            continue
        used_q.add(qi)
        used_g.add(gi)
        q, g = quotes[qi], gold[gi]
        counts.matched_quotes += 1
        counts.by_kind.setdefault(q.kind, [0, 0])[1] += 1
        counts.matched_speech += g.speech
        if _words(g.source):
            counts.ceiling_quotes += 1
            counts.ceiling_speech += g.speech
            counts.relative_speech += int(g.speech and _words(g.source) <= _RELATIVE_PRONOUNS)
        speaker = q.speaker
        if speaker is not None and (_words(speaker.text) | _words(speaker.name)) & _words(g.source):
            counts.source_quotes += 1
            counts.source_speech += g.speech
    for q in quotes:
        counts.by_kind.setdefault(q.kind, [0, 0])[0] += 1
    return counts


def baseline_quotes(text: str) -> list[Quote]:
    """The calibration baseline: every span between quotation marks, no speaker."""
    from detente.records import DateWindow

    return [
        Quote(
            doc_id="",
            quote_id="",
            text="",
            span=(r.start, r.end),
            parts=r.parts,
            kind="direct",
            cue=None,
            speaker=None,
            date=DateWindow(),
        )
        for r in scan(text)
    ]


def articles(gold: Sequence[GoldArticle]) -> list[Article]:
    return [Article(doc_id=g.name, text=g.text, origin=f"polnear {g.name}") for g in gold]


def report(
    gold: Sequence[GoldArticle], quotes: Iterable[Sequence[Quote]], model: str, title: str, failed: int = 0
) -> Report:
    total, base = Counts(), Counts()
    for g, found in zip(gold, quotes, strict=True):
        total.add(score_article(found, g.attributions))
        base.add(score_article(baseline_quotes(g.text), g.attributions))
    p, r, f = total.content()
    sp, sr, sf = total.source()
    cp, cr, cf = total.ceiling()
    bp, br, bf = base.content()
    metrics = {
        "content_precision": p,
        "content_recall": r,
        "content_f1": f,
        "source_precision": sp,
        "source_recall": sr,
        "source_f1": sf,
        "source_ceiling_precision": cp,
        "source_ceiling_recall": cr,
        "source_ceiling_f1": cf,
        "baseline_content_f1": bf,
        "articles": float(len(gold)),
        "quotes": float(total.quotes),
        "speech_attributions": float(total.speech),
        "failed": float(failed),
        "source_ceiling_relative_pronoun": float(total.relative_speech),
    }
    lines = [
        f"articles {len(gold)}, gold attributions {sum(len(g.attributions) for g in gold)} "
        f"(speech {total.speech}), detente quotes {total.quotes}, failed {failed}",
        _line("content", p, r, f, total.matched_quotes, total.quotes, total.matched_speech, total.speech),
        _line("source", sp, sr, sf, total.source_quotes, total.quotes, total.source_speech, total.speech),
        _line(
            "source ceiling (oracle speaker)",
            cp,
            cr,
            cf,
            total.ceiling_quotes,
            total.quotes,
            total.ceiling_speech,
            total.speech,
        ),
        f"  (the ceiling counts {total.relative_speech} speech attributions whose gold Source is only "
        'a relative pronoun, e.g. "who": a speaker naming the person cannot match those)',
        _line(
            "baseline: spans between marks",
            bp,
            br,
            bf,
            base.matched_quotes,
            base.quotes,
            base.matched_speech,
            base.speech,
        ),
    ]
    for kind, (emitted, matched) in sorted(total.by_kind.items()):
        metrics[f"{kind}_precision"] = matched / emitted if emitted else 0.0
        lines.append(
            f"  {kind:<8} quotes {emitted:>5}  matched {matched:>5}  P {matched / emitted if emitted else 0:.3f}"
        )
    return Report(title=title, model=model, metrics=metrics, lines=tuple(lines))


def _line(label: str, p: float, r: float, f: float, tpf: int, found: int, tpg: int, gold: int) -> str:
    return (
        f"{label:<32} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
        f"(matched {tpf}/{found} quotes, {tpg}/{gold} speech attributions)"
    )


def run(gold: Path, pipeline: Pipeline, *, limit: int | None = None) -> Report:
    """Score the quotes stage on a PolNeAR folder (`limit`: the first N articles only)."""
    golds = load_gold(gold, limit)
    found: list[tuple[Quote, ...]] = []
    failed = 0
    for outcome in pipeline.process(articles(golds)):
        if isinstance(outcome, DetenteError):
            failed += 1
            found.append(())
        else:
            found.append(outcome.quotes)
    return report(golds, found, pipeline.model, f"quotes vs PolNeAR ({gold})", failed)
