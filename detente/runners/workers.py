"""Worker processes: each loads the pipeline once and processes chunks of the input; outcomes
come back in input order, so the output is the same, byte for byte, as with one process.

Processes are started with "spawn" (a clean interpreter: no threads or open databases inherited
from the parent), so a worker's first seconds go to loading the model.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from detente.config import Config
from detente.errors import DetenteError, StageError

_IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker: enough to keep it busy, little memory
_POLL_SECONDS = 1.0  # how often a wait for results checks that the workers are alive


def _work(config: Config, tasks: Any, results: Any) -> None:
    """A worker's life: load the pipeline, then process chunks until told to stop (None)."""
    from detente.core import Pipeline

    try:
        pipeline = Pipeline(config)
        pipeline.resources  # noqa: B018  (load here, so a loading error is reported as such)
    except DetenteError as exc:
        results.put((-1, exc))
        return
    while (task := _next_task(tasks)) is not None:
        index, chunk = task
        results.put((index, list(pipeline.process(chunk))))


def _next_task(tasks: Any) -> Any:
    """The next chunk, or None to stop: when told to, or when the parent process is gone (killed
    with no chance to tell its workers: they must not live on, orphaned, holding a model)."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            return tasks.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                return None


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def parallel(items: Iterable[Any], config: Config, workers: int) -> Iterator[Any]:
    """What ``Pipeline.process`` yields for `items`, computed by `workers` processes."""
    context = multiprocessing.get_context("spawn")
    tasks = context.Queue()
    results = context.Queue()
    processes = [context.Process(target=_work, args=(config, tasks, results), daemon=True) for _ in range(workers)]
    for p in processes:
        p.start()
    try:
        chunks = _chunks(items, config.nlp.batch_size)
        waiting: dict[int, list[Any]] = {}
        sent = done = 0
        exhausted = False
        while True:
            while not exhausted and sent - done < workers * _IN_FLIGHT_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    tasks.put((sent, chunk))
                    sent += 1
            if exhausted and done == sent:
                return
            index, outcomes = _next_result(results, processes)
            waiting[index] = outcomes
            while done in waiting:
                yield from waiting.pop(done)
                done += 1
    finally:
        for _ in processes:
            tasks.put(None)
        for p in processes:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()


def _next_result(results: Any, processes: list[Any]) -> tuple[int, list[Any]]:
    while True:
        try:
            index, payload = results.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            dead = [p for p in processes if p.exitcode not in (None, 0)]
            if dead:
                raise StageError(
                    f"a worker process stopped (exit code {dead[0].exitcode}); run again with fewer workers "
                    "or --workers 1 to see the error"
                ) from None
            continue
        if index < 0:
            raise payload  # the worker could not load the pipeline: the same error as in one process
        return index, payload
