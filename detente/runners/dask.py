"""The Dask runner: the same stages on a Dask cluster (``detente ingest --engine dask``).

The client reads the inputs, skips the articles the store holds (their hashes read once), and
sends partitions of articles to the workers. Each worker loads the pipeline once (a worker
plugin), processes a partition and writes it as a shard with the writers registry (Parquet: a
folder per partition). The client then loads the shards, in input order, into the DuckDB store
(one transaction per shard, the store's folding inside it) and removes them, or leaves them as
a dataset (``--format parquet``). Workers never open the database.

Without a scheduler address a ``LocalCluster`` of worker processes is started on this machine.
On several machines the shard folder must be on storage that every worker and the client see.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed.diagnostics.plugin import WorkerPlugin

from detente.config import Config
from detente.errors import ConfigError, DetenteError
from detente.records import Article
from detente.runners.local import Failure, Progress, RunReport, failure

if TYPE_CHECKING:
    from detente.core import Pipeline
    from detente.store import Store

PLUGIN = "detente-pipeline"
IN_FLIGHT_PER_WORKER = 2  # partitions queued per worker: busy workers, bounded client memory


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once when a worker starts (and on any worker that joins later)."""

    name = PLUGIN

    def __init__(self, config: Config) -> None:
        self.config = config
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        from detente.core import Pipeline

        self.pipeline = Pipeline(self.config)
        self.pipeline.resources  # noqa: B018  (the model loads now, not with the first partition)


@dataclass(frozen=True, slots=True, kw_only=True)
class Shard:
    """What a worker did with one partition: its shard, and what to count."""

    index: int
    path: str
    hashes: tuple[str, ...]  # of the articles written to the shard, in order
    events: int
    quotes: int
    words: int
    failed: tuple[Failure, ...]


def process_partition(index: int, articles: list[Article], path: str, fmt: str) -> Shard:
    """On a worker: the partition's articles through the pipeline, into a shard at `path`."""
    from distributed import get_worker

    from detente.writers import resolve

    plugin = get_worker().plugins[PLUGIN]
    pipeline = plugin.pipeline  # type: ignore[attr-defined]
    sink = resolve(fmt, Path(path)).open(Path(path))
    events = quotes = words = 0
    hashes: list[str] = []
    failed: list[Failure] = []
    try:
        for outcome in pipeline.process(articles):
            if isinstance(outcome, DetenteError):
                failed.append(failure(outcome))
                continue
            sink.write(outcome.records(), sha256=outcome.sha256, version=outcome.version)
            hashes.append(outcome.sha256)
            events += len(outcome.events)
            quotes += len(outcome.quotes)
            words += len(outcome.document.text.split())
    finally:
        sink.close()
    return Shard(
        index=index, path=path, hashes=tuple(hashes), events=events, quotes=quotes, words=words, failed=tuple(failed)
    )


def _partitions(
    items: Iterable[Article | DetenteError], size: int, skip: Callable[[Article], bool]
) -> Iterator[tuple[list[Article], list[DetenteError], int]]:
    """Partitions of `size` articles to process, with the input errors and skipped articles
    read on the way (the skipped ones as a count)."""
    articles: list[Article] = []
    errors: list[DetenteError] = []
    skipped = 0
    for item in items:
        if isinstance(item, DetenteError):
            errors.append(item)
        elif skip(item):
            skipped += 1
        else:
            articles.append(item)
            if len(articles) >= size:
                yield articles, errors, skipped
                articles, errors, skipped = [], [], 0
    if articles or errors or skipped:
        yield articles, errors, skipped


def load_shard(store: Store, path: Path) -> None:
    """A Parquet shard's articles into the store, in their order, in one transaction."""
    import pyarrow.parquet as pq

    from detente.store.bulk import Batch
    from detente.store.schema import tables

    docs: dict[str, Batch] = {}
    for t in tables():
        file = path / f"{t.name}.parquet"
        rows = pq.read_table(file, columns=[*t.fields, "sha256", "pipeline_version"]).to_pylist()
        for row in rows:
            digest, version = row.pop("sha256"), row.pop("pipeline_version")
            if t.record == "document":
                docs[digest] = Batch(
                    doc_id=row["doc_id"], sha256=digest, version=version, rows={x.record: [] for x in tables()}
                )
            docs[digest].rows[t.record].append({"type": t.record, **row})
    store.write_batches(list(docs.values()))


def run_dask(
    items: Iterable[Article | DetenteError],
    config: Config,
    *,
    store: Store | None = None,
    output: Path | None = None,
    fmt: str = "parquet",
    scheduler: str | None = None,
    workers: int | None = None,
    partition: int = 16,
    reprocess: bool = False,
    total: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> RunReport:
    """Process a batch on a Dask cluster: into `store` (shards loaded and removed), or into a
    dataset of shards at `output` (``part-00000`` ... in input order). Without `scheduler`, a
    LocalCluster of `workers` processes (default: all cores)."""
    from distributed import Client, LocalCluster

    if (store is None) == (output is None):
        raise ConfigError("give the Dask runner a store or an output folder (not both)")
    if fmt != "parquet" and store is not None:
        raise ConfigError(f"the store loads Parquet shards; --format {fmt} needs an output folder (-o)")
    started = time.perf_counter()
    before = store.hashes() if store is not None else set()  # read once; workers never open the database
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
        root = output
    else:
        assert store is not None
        root = Path(tempfile.mkdtemp(prefix=".detente-shards-", dir=Path(store.path).resolve().parent))
    read = new = recoded = stored = events = quotes = words = 0
    failed: list[Failure] = []

    def fail(item: Failure) -> None:
        failed.append(item)
        if on_failure is not None:
            on_failure(item)

    resources = ExitStack()
    connected: list[Any] = []  # the client, once there is an article to process

    def connect() -> Any:
        """The cluster and its client, started (or joined) for the first article: a run over
        stored articles only starts nothing and loads no model."""
        if not connected:
            cluster = None
            if scheduler is None:
                cluster = resources.enter_context(
                    LocalCluster(
                        n_workers=workers or os.cpu_count() or 1,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                )
            client = resources.enter_context(Client(cluster if cluster is not None else scheduler))
            client.register_plugin(PipelinePlugin(config), name=PLUGIN)
            connected.append(client)
        return connected[0]

    try:
        with resources:
            queue: list[tuple[Any, int]] = []  # (future, inputs it accounts for), in input order

            def collect() -> None:
                nonlocal read, new, recoded, events, quotes, words
                future, inputs = queue.pop(0)
                shard: Shard = future.result()
                for f in shard.failed:
                    fail(f)
                if shard.hashes and store is not None:
                    load_shard(store, Path(shard.path))
                    shutil.rmtree(shard.path, ignore_errors=True)
                for digest in shard.hashes:
                    recoded += digest in before
                    new += digest not in before
                read += inputs
                events += shard.events
                quotes += shard.quotes
                words += shard.words
                if progress is not None:
                    progress(Progress(done=read, total=total))

            skip = (lambda a: a.sha256 in before) if not reprocess else (lambda a: False)
            for index, (articles, errors, skipped) in enumerate(_partitions(items, partition, skip)):
                for error in errors:
                    fail(failure(error))
                stored += skipped
                if not articles:
                    read += len(errors) + skipped
                    continue
                suffix = "" if fmt == "parquet" else f".{fmt}"
                path = str(root / f"part-{index:05d}{suffix}")
                client = connect()
                limit = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
                future = client.submit(process_partition, index, articles, path, fmt, pure=False)
                queue.append((future, len(articles) + len(errors) + skipped))
                while len(queue) >= limit:
                    collect()
            while queue:
                collect()
    finally:
        if output is None:
            shutil.rmtree(root, ignore_errors=True)
    return RunReport(
        read=read,
        new=new,
        recoded=recoded,
        already_stored=stored,
        failed=tuple(failed),
        events=events,
        quotes=quotes,
        words=words,
        seconds=time.perf_counter() - started,
    )
