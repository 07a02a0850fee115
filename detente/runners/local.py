"""The batch, owned by the core: read → skip what is stored → process → write → report.

Every outcome travels down one stream in input order (an ``InputError`` from reading, a
``Stored`` marker for an article already in the store, a ``Result`` or a ``StageError``), and
``run`` counts them as they come: no side channels.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, cast

from detente.config import Config
from detente.errors import ConfigError, DetenteError
from detente.records import Article, Result

if TYPE_CHECKING:
    from detente.core import Pipeline
    from detente.store import Store
    from detente.writers import Sink


@dataclass(frozen=True, slots=True, kw_only=True)
class Stored:
    """An article skipped because the store holds its text already."""

    article: Article


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    where: str  # the input (path, path:line) or the doc_id
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    done: int  # inputs accounted for (processed, skipped or failed)
    total: int | None  # None when the number of inputs is not known in advance


@dataclass(frozen=True, slots=True, kw_only=True)
class RunReport:
    read: int  # inputs read: articles and unreadable inputs
    new: int  # articles processed and written that were not stored before
    recoded: int  # articles stored before and written again (reprocessing)
    already_stored: int  # articles skipped: the store holds their text
    failed: tuple[Failure, ...]
    events: int
    quotes: int
    words: int  # in the articles processed
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.failed


def failure(error: DetenteError) -> Failure:
    where, _, reason = str(error).partition(": ")
    if error.doc_id:
        return Failure(where=error.doc_id, reason=error.message)
    return Failure(where=where, reason=reason) if reason else Failure(where="", reason=where)


def outcomes(
    items: Iterable[Article | DetenteError],
    pipeline: Pipeline | Config,
    *,
    store: Store | None = None,
    reprocess: bool = False,
    workers: int = 1,
) -> Iterator[Result | DetenteError | Stored]:
    """Each input's outcome, in input order. Given a Config rather than a loaded Pipeline, the
    pipeline is loaded where it runs (here, or once in each of `workers` processes)."""
    if workers < 1:
        raise ConfigError(f"workers={workers}: give 1 or more worker processes")

    def skip_stored(item: Article | DetenteError) -> Article | DetenteError | Stored:
        if isinstance(item, Article) and store is not None and not reprocess and store.contains(item.sha256):
            stored_as = store.add_alias(item.doc_id, item.sha256)
            if stored_as is not None:  # said, not silent: both ids are kept (the other as an alias)
                logging.getLogger("detente").warning("%s: same text as doc %s: stored once", item.doc_id, stored_as)
            return Stored(article=item)
        return item

    todo: Iterator[Article | DetenteError | Stored] = iter(skip_stored(item) for item in items)
    # Nothing is loaded (model, worker processes) until there is an article to parse: a re-run
    # over stored articles only reads and hashes.
    for item in todo:
        if isinstance(item, Article):
            todo = chain([item], todo)
            break
        yield item
    else:
        return
    if workers > 1:
        from detente.runners.workers import parallel

        config = pipeline.config if not isinstance(pipeline, Config) else pipeline
        yield from parallel(todo, config, workers)
        return
    if isinstance(pipeline, Config):
        from detente.core import Pipeline

        pipeline = Pipeline(pipeline)
    # Stored markers and input errors pass through the pipeline unparsed, in their place.
    yield from cast(Iterator[Result | DetenteError | Stored], pipeline.process(todo))


STORE_BATCH = 32  # articles per store transaction: bulk inserts, a few lost to a kill at most
STORE_BATCH_SECONDS = 2.0  # ... and no article waits longer than this to be stored


@dataclass(slots=True)
class _Tally:
    read: int = 0
    new: int = 0
    recoded: int = 0
    stored: int = 0
    events: int = 0
    quotes: int = 0
    words: int = 0

    def done(self, result: Result, replaced: bool) -> None:
        self.recoded += replaced
        self.new += not replaced
        self.events += len(result.events)
        self.quotes += len(result.quotes)
        self.words += len(result.document.text.split())


def run(
    items: Iterable[Article | DetenteError],
    pipeline: Pipeline | Config,
    *,
    store: Store | None = None,
    sink: Sink | None = None,
    reprocess: bool = False,
    total: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    workers: int = 1,
    store_batch: int = STORE_BATCH,
) -> RunReport:
    """Process a batch: each new article is written to the store and/or the sink, in input
    order. The store takes up to `store_batch` articles per transaction (bulk inserts; an
    article is stored whole or not at all). `progress` and `on_failure` are told as the run
    goes. With `workers` > 1, worker processes parse and analyse; this process reads, skips and
    writes."""
    started = time.perf_counter()
    tally = _Tally()
    failed: list[Failure] = []
    pending: list[tuple[Result, bool]] = []  # processed, not yet stored (with: stored before?)
    oldest = 0.0

    def fail(exc: DetenteError) -> None:
        if exc.stops_run:
            raise exc  # the output or the database is unusable: every next article would fail too
        failed.append(failure(exc))
        if on_failure is not None:
            on_failure(failed[-1])

    def flush() -> None:
        if store is None or not pending:
            return
        try:
            store.write_many([r for r, _ in pending])
        except DetenteError:
            for result, replaced in pending:  # one by one: the others are stored, the bad one named
                try:
                    store.write(result)
                except DetenteError as exc:
                    fail(exc)
                else:
                    tally.done(result, replaced)
        else:
            for result, replaced in pending:
                tally.done(result, replaced)
        pending.clear()

    try:
        for outcome in outcomes(items, pipeline, store=store, reprocess=reprocess, workers=workers):
            tally.read += 1
            if isinstance(outcome, Stored):
                tally.stored += 1
            elif isinstance(outcome, DetenteError):
                fail(outcome)
            elif store is not None:
                if sink is not None:
                    try:
                        sink.write(outcome.records(), sha256=outcome.sha256, version=outcome.version)
                    except DetenteError as exc:
                        fail(exc)
                        continue
                if not pending:
                    oldest = time.perf_counter()
                pending.append((outcome, reprocess and store.contains(outcome.sha256)))
                if len(pending) >= store_batch or time.perf_counter() - oldest > STORE_BATCH_SECONDS:
                    flush()
            else:
                try:
                    if sink is not None:
                        sink.write(outcome.records(), sha256=outcome.sha256, version=outcome.version)
                except DetenteError as exc:
                    fail(exc)
                else:
                    tally.done(outcome, False)
            if progress is not None:
                progress(Progress(done=tally.read, total=total))
    finally:
        flush()  # what was processed before an interrupt is kept
    return RunReport(
        read=tally.read,
        new=tally.new,
        recoded=tally.recoded,
        already_stored=tally.stored,
        failed=tuple(failed),
        events=tally.events,
        quotes=tally.quotes,
        words=tally.words,
        seconds=time.perf_counter() - started,
    )
