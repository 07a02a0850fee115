"""The core API: the one place where the order of the stages lives.

The CLI, the evaluation commands and (later) the web layer and the Dask runner all call
``Pipeline``. Core never prints or exits.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from detente import __version__, actors, dates, events, nlp, places, quotes
from detente.config import Config
from detente.errors import DetenteError, StageError
from detente.records import Article, Document, Result

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

PIPELINE_VERSION = __version__


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
        mentions=tuple(m for m in mentions if m.kind != "place"),
        events=found,
        quotes=said,
        sha256=article.sha256,
        version=PIPELINE_VERSION,
    )


class Pipeline:
    """Loads resources once; turns articles into Results (or StageErrors, and goes on)."""

    def __init__(self, config: Config, resources: Resources | None = None) -> None:
        self.config = config
        self.resources = resources or Resources.load(config)

    @property
    def model(self) -> str:
        return nlp.model_info(self.resources.nlp)

    def parse(self, articles: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
        pairs = ((a.text, a) for a in articles)
        yield from self.resources.nlp.pipe(pairs, as_tuples=True, batch_size=self.config.nlp.batch_size)

    def process(self, articles: Iterable[Article]) -> Iterator[Result | DetenteError]:
        for doc, article in self.parse(articles):
            yield self.process_doc(doc, article)

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
        return outcome
