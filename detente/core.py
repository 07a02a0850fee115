"""The core API: the one place where the order of the stages lives.

The CLI, the evaluation commands and (later) the web layer and the Dask runner all call
``Pipeline``. Core never prints or exits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from detente import __version__, actors, dates, events, nlp, places, quotes
from detente.config import Config
from detente.errors import DetenteError, StageError
from detente.records import Article, Document, Event, Mention, Result, replace

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

PIPELINE_VERSION = __version__
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything loaded once per process: the model and the knowledge tables."""

    nlp: Language
    kb: actors.KnowledgeBase
    lexicon: events.Lexicon
    gazetteer: places.Gazetteer

    @classmethod
    def load(cls, config: Config) -> Resources:
        return cls(
            nlp=nlp.load(config.nlp),
            kb=actors.KnowledgeBase.load(config.knowledge),
            lexicon=events.Lexicon.load(config.knowledge),
            gazetteer=places.Gazetteer.load(config.knowledge),
        )


def analyse(doc: Doc, article: Article, res: Resources) -> Result:
    """Run every stage after the parse on one parsed article, in order."""
    evidence = actors.dating_evidence(doc, article, res.kb)
    published = dates.publication(doc, article, evidence)
    mentions = actors.resolve(doc, article, published, res.kb)
    times = dates.find(doc, published)
    found = events.code(doc, article, mentions, times, published, res.lexicon)
    found = places.locate(doc, article, found, res.gazetteer)
    said = quotes.extract(doc, article, mentions, times, published)
    document = Document(
        doc_id=article.doc_id,
        title=article.title,
        source=article.source,
        url=article.url,
        text=article.text,
        captions=article.captions,
        published=published,
    )
    return Result(
        document=document,
        mentions=actor_mentions(mentions, found),
        events=found,
        quotes=said,
        sha256=article.sha256,
        version=PIPELINE_VERSION,
    )


def actor_mentions(mentions: Sequence[Mention], found: Sequence[Event]) -> tuple[Mention, ...]:
    """The mentions that name actors. A place named only as a location ("talks in Geneva") is
    not an actor, unless an event takes it as a participant ("arrived in Amman": the visit's
    host), in which case it is output as a country mention."""
    participants = {
        (e.span, actor.text, actor.country)
        for e in found
        for actor in (e.source, e.target)
        if actor is not None
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
        self.resources = resources or Resources.load(config)
        self.progress = progress

    @property
    def model(self) -> str:
        return nlp.model_info(self.resources.nlp)

    def parse(self, articles: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
        for _, pair in self._parse((a, a) for a in articles):
            yield pair  # type: ignore[misc]

    def _parse(self, items: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, tuple[Doc, Article] | None]]:
        """(item, (doc, article)) for each (item, article-or-None), in order; nothing parsed for None."""
        pairs = ((article.text if isinstance(article, Article) else "", (item, article)) for item, article in items)
        parsed = self.resources.nlp.pipe(pairs, as_tuples=True, batch_size=self.config.nlp.batch_size)
        for done, (doc, (item, article)) in enumerate(parsed, 1):
            if self.progress is not None:
                self.progress(done)
            yield item, ((doc, article) if isinstance(article, Article) else None)

    def process(self, items: Iterable[Article | T]) -> Iterator[Result | DetenteError | T]:
        """A Result (or the StageError) per article; any other item (an input error, a skipped
        article) passes through unparsed, in its place, so outcomes stay in input order."""
        for item, parsed in self._parse((i, i if isinstance(i, Article) else None) for i in items):
            if parsed is None:
                yield item
            else:
                yield self.process_doc(*parsed)

    def process_doc(self, doc: Doc, article: Article) -> Result | DetenteError:
        try:
            return analyse(doc, article, self.resources)
        except DetenteError as exc:
            return exc
        except Exception as exc:  # a bug on one article must not stop a batch of millions
            log.exception("stage failed on %s", article.doc_id)
            return StageError(f"internal error ({type(exc).__name__}: {exc}); please report it", article.doc_id)

    def extract_one(self, article: Article) -> Result:
        """Process one article; raise if it fails (for tests and the web layer)."""
        (outcome,) = list(self.process([article]))
        if isinstance(outcome, DetenteError):
            raise outcome
        assert isinstance(outcome, Result)
        return outcome


# The batch (read, skip stored, process, write, report) lives with the runners; `core.run` is it.
from detente.runners import RunReport, run

__all__ = ["Pipeline", "Resources", "RunReport", "analyse", "run"]
