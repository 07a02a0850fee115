"""The core API: the one place where the order of the stages lives.

The CLI, the evaluation commands and (later) the web layer and the Dask runner all call
``Pipeline``. Core never prints or exits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any, TypeVar

from detente import __version__, actors, contexts, dates, events, nlp, places, quotes, tone
from detente.config import Config
from detente.errors import DetenteError, InputError, StageError
from detente.knowledge import Knowledge
from detente.nlp import sections
from detente.places.cache import default_cache_dir
from detente.reading import SoFar, Stage, read
from detente.records import Article, Document, Event, Mention, Result, replace

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

PIPELINE_VERSION = __version__
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything loaded once per process: the model and the knowledge every stage reads."""

    nlp: Language
    kb: actors.KnowledgeBase
    lexicon: events.Lexicon
    gazetteer: places.Gazetteer
    dates: dates.DateKnowledge
    cues: quotes.Cues
    contexts: contexts.ContextLexicon
    tone: tone.ToneScorer

    @classmethod
    def load(cls, config: Config) -> Resources:
        # Every table is read once, through the registry (shipped files and the user's).
        knowledge = Knowledge.load(config.knowledge)
        return cls(
            nlp=nlp.load(config.nlp),
            kb=actors.KnowledgeBase.load(knowledge),
            lexicon=events.Lexicon.load(knowledge),
            gazetteer=places.Gazetteer.load(knowledge, cache_dir=default_cache_dir()),
            dates=dates.DateKnowledge.load(knowledge),
            cues=quotes.load_cues(knowledge),
            contexts=contexts.ContextLexicon.load(knowledge),
            tone=tone.ToneScorer(),
        )


# The stages, in order; each reads the article's reading and what the stages before it found.
STAGES: tuple[Stage, ...] = (
    actors.evidence_stage,  # office holders named with their role: they bound the publication date
    dates.publication_stage,  # the publication window, which dates everything after
    actors.mentions_stage,  # every actor mention, resolved at the publication date
    dates.times_stage,  # every time expression, resolved against the publication window
    events.events_stage,  # events between the actors, dated by the time expressions
    places.places_stage,  # where each event happened
    contexts.contexts_stage,  # what each event is about (PLOVER's contexts)
    tone.tone_stage,  # the article's tone and each event sentence's
    quotes.quotes_stage,  # quotes, their speakers among the actors, dated like events
)


def findings(doc: Doc, article: Article, res: Resources, *, through: Stage | None = None) -> SoFar:
    """What the stages find in one parsed article, in order: all of them, or those up to and
    including ``through`` (an evaluation of one stage runs only what that stage needs)."""
    reading = read(doc, article)
    so_far = SoFar()
    for stage in STAGES:
        so_far = stage(reading, so_far, res)
        if stage is through:
            break
    return so_far


def analyse(doc: Doc, article: Article, res: Resources) -> Result:
    """Run every stage after the parse on one parsed article, in order."""
    so_far = findings(doc, article, res)
    published, found = so_far.published, so_far.events
    document = Document(
        doc_id=article.doc_id,
        title=article.title,
        source=article.source,
        url=article.url,
        text=article.text,
        captions=article.captions,
        published=published,
        tone=so_far.tone,
    )
    return Result(
        document=document,
        mentions=actor_mentions(so_far.mentions, found),
        events=found,
        quotes=so_far.quotes,
        sha256=article.sha256,
        version=PIPELINE_VERSION,
    )


def actor_mentions(mentions: Sequence[Mention], found: Sequence[Event]) -> tuple[Mention, ...]:
    """The mentions that name actors. A place named only as a location ("talks in Geneva") is
    not an actor, unless an event takes it as a participant ("arrived in Amman": the visit's
    host), in which case it is output as a country mention."""
    participants = {
        (e.span, actor.text, actor.country) for e in found for actor in (e.source, e.target) if actor is not None
    }
    out = []
    for m in mentions:
        if m.kind != "place":
            out.append(m)
        elif any(
            span[0] <= m.span[0] and m.span[1] <= span[1] and text == m.actor.text and country == m.actor.country
            for span, text, country in participants
        ):
            out.append(replace(m, kind="country"))
    return tuple(out)


class Pipeline:
    """Loads resources once; turns articles into Results (or StageErrors, and goes on).

    ``progress``, when given, is called with the number of articles parsed so far (progress bars,
    also for the evaluation commands, which call ``parse`` and ``process`` directly)."""

    def __init__(
        self,
        config: Config,
        resources: Resources | None = None,
        *,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.config = config
        self._resources = resources
        self.progress = progress

    @property
    def resources(self) -> Resources:
        """Loaded on first use: a run with nothing to parse never loads the model."""
        if self._resources is None:
            self._resources = Resources.load(self.config)
            # spaCy refuses texts over its max_length; sections are cut to limits.max_chars instead.
            self._resources.nlp.max_length = max(self._resources.nlp.max_length, self.config.limits.max_chars)
        return self._resources

    @property
    def model(self) -> str:
        return nlp.model_info(self.resources.nlp)

    def parse(self, articles: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
        for _, pair in self._parse((a, a) for a in articles):
            yield pair  # type: ignore[misc]

    def _parse(self, items: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, tuple[Doc, Article] | None]]:
        """(item, (doc, article)) for each (item, article-or-None), in order; nothing parsed for None.

        An article longer than a section (``sections.SECTION_CHARS``, or ``limits.max_chars`` when
        smaller) is parsed apart, in sections joined into one Doc, one section at a time: spaCy's
        memory and time per word grow with the text it parses at once."""
        max_chars = min(self.config.limits.max_chars, sections.SECTION_CHARS)
        language = self.resources.nlp

        def text_of(article: Any) -> str:
            # A long article passes through the batch empty; its sections are parsed below.
            return article.text if isinstance(article, Article) and len(article.text) <= max_chars else ""

        pairs = ((text_of(article), (item, article)) for item, article in items)
        parsed = language.pipe(pairs, as_tuples=True, batch_size=self.config.nlp.batch_size)
        for done, (doc, (item, article)) in enumerate(parsed, 1):
            if isinstance(article, Article) and len(article.text) > max_chars:
                bounds = sections.sections(article.text, max_chars)
                doc = sections.join([language(article.text[start:end]) for start, end in bounds])
            if self.progress is not None:
                self.progress(done)
            yield item, ((doc, article) if isinstance(article, Article) else None)

    def process(self, items: Iterable[Article | T]) -> Iterator[Result | DetenteError | T]:
        """A Result (or the StageError) per article; any other item (an input error, a skipped
        article) passes through unparsed, in its place, so outcomes stay in input order.
        Nothing is loaded until the first article comes."""
        it = iter(items)
        for item in it:
            if isinstance(item, Article):
                yield from self._process(chain([item], it))
                return
            yield item

    def _process(self, items: Iterable[Article | T]) -> Iterator[Result | DetenteError | T]:
        for item, parsed in self._parse((i, i if isinstance(i, Article) else None) for i in self._refuse_long(items)):
            if parsed is None:
                yield item
            else:
                yield self.process_doc(*parsed)

    def _refuse_long(self, items: Iterable[Article | T]) -> Iterator[Article | T | InputError]:
        """Articles over ``limits.max_article_chars`` become input errors naming the setting."""
        limit = self.config.limits.max_article_chars
        for item in items:
            if isinstance(item, Article) and len(item.text) > limit:
                yield InputError(
                    f"{len(item.text):,} characters, over limits.max_article_chars ({limit:,}); "
                    "split the article or raise the limit (--set limits.max_article_chars=N)",
                    item.doc_id,
                )
            else:
                yield item

    def process_doc(self, doc: Doc, article: Article) -> Result | DetenteError:
        try:
            return analyse(doc, article, self.resources)
        except DetenteError as exc:
            return exc
        except Exception as exc:  # a bug on one article must not stop a batch of millions
            # The failure is one line in the run's report; the traceback only for a debug log.
            log.debug("stage failed on %s", article.doc_id, exc_info=True)
            return StageError(
                f"internal error ({type(exc).__name__}: {exc}); please report it with the article", article.doc_id
            )

    def extract_one(self, article: Article) -> Result:
        """Process one article; raise if it fails (for tests and the web layer)."""
        (outcome,) = list(self.process([article]))
        if isinstance(outcome, DetenteError):
            raise outcome
        assert isinstance(outcome, Result)
        return outcome


# The batch (read, skip stored, process, write, report) lives with the runners; `core.run` is it.
from detente.runners import RunReport, run  # noqa: E402  (runners import Pipeline from here)

__all__ = ["Pipeline", "Resources", "RunReport", "analyse", "run"]
