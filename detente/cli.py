"""The `detente` command: parse arguments, call the core, render. No extraction logic here."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente import __version__, cli_queries
from detente.config import Config, load_config
from detente.errors import ConfigError, DetenteError, InputError, OutputError
from detente.writers import names as format_names
from detente.writers.files import is_stdout

if TYPE_CHECKING:
    from detente.analytics import YearPoint
    from detente.runners import Failure, Progress, RunReport
    from detente.store import Summary

EVAL_STAGES = ("events", "articles", "actors", "dates", "quotes", "places")


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, metavar="FILE", help="a TOML file overriding the defaults")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="override one setting, e.g. --set nlp.batch_size=64 (repeatable)",
    )


def _add_workers(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="worker processes, each loading the model once (default: all cores, but one per batch of "
        "nlp.batch_size articles at most); the output is the same with any number",
    )


def _add_log_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--log-format",
        choices=("text", "json"),
        default="text",
        help="progress and report lines: text (a live bar on a terminal, a line every 10 s otherwise) "
        "or json (one JSON object per line, for machines)",
    )


def _add_format(parser: argparse.ArgumentParser, output: str) -> None:
    parser.add_argument(
        "--format",
        choices=format_names(),
        default=None,
        help=f"output format (default: from the extension of {output}, e.g. .jsonl, .parquet)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="detente",
        description=(
            "Turn news articles into political event data: CAMEO/PLOVER events, quotes, actors, "
            "dates and places, each with the text span that proves it."
        ),
        epilog="Run `detente COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"detente {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "extract",
        help="extract records from articles and write JSON Lines or Parquet",
        description="Read articles (.txt, .html, .jsonl, folders, or - for stdin) and write their "
        "records (see the output contract): JSON Lines, one document, mention, event or quote record "
        "per line, to standard output or -o FILE; or Parquet, a folder with one file per record type.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (read recursively) or - for stdin")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="write here instead of standard output")
    _add_format(p, "-o")
    _add_workers(p)
    _add_log_format(p)
    _add_config_options(p)

    p = sub.add_parser(
        "ingest",
        help="extract records and store them in a DuckDB database",
        description="Extract records from articles into a DuckDB database, one transaction per article. "
        "Articles already stored (same text, by SHA-256) are skipped unless --reprocess is given. "
        "Prints how many were new, already stored and failed, then the database's summary.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (read recursively) or - for stdin")
    p.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    p.add_argument("--reprocess", action="store_true", help="recode stored articles with this version")
    _add_workers(p)
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this machine's processes (--workers); dask: a Dask cluster (--scheduler, or a "
        "LocalCluster of --workers processes, default all cores)",
    )
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument(
        "--partition",
        type=int,
        default=16,
        metavar="N",
        help="with --engine dask: articles per task (default 16: small tasks keep every worker busy to the end)",
    )
    p.add_argument(
        "--format",
        choices=("parquet",),
        default=None,
        help="with --engine dask: leave the workers' Parquet shards as a dataset in -o DIR instead of a database",
    )
    p.add_argument("-o", "--output", type=Path, metavar="DIR", help="with --format parquet: the dataset folder")
    _add_log_format(p)
    _add_config_options(p)

    p = sub.add_parser(
        "export",
        help="write a database's records out as JSON Lines, Parquet, CSV or GDELT",
        description="Export stored records. jsonl: one file, records as `extract` writes them, then the "
        "folded events; parquet: a folder with one file per record type (documents, mentions, events, "
        "quotes, folded_events); csv: one spreadsheet row per event report; gdelt: GDELT 2.0 event rows "
        "(one per folded event) and FILE.mentions.tsv beside them.",
    )
    p.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    _add_format(p, "-o")
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="PATH", help="file (jsonl, csv, gdelt) or folder (parquet)"
    )
    _add_config_options(p)

    p = sub.add_parser(
        "summary",
        help="print the summary of a database",
        description="Print articles, events, quotes and the busiest dyads stored in a database.",
    )
    p.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    _add_config_options(p)

    p = sub.add_parser(
        "migrate",
        help="upgrade a database written by an older detente",
        description="Bring a database to this detente's schema (writing commands do it on their own; "
        "read-only ones such as export and summary ask for it).",
    )
    p.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    _add_config_options(p)

    p = sub.add_parser(
        "serve",
        help="open the dashboard and HTTP API over a database",
        description="Serve the dashboard (/) and the JSON API (/api/, documented at /docs) over a "
        "database opened read-only. Stop with Ctrl-C.",
    )
    p.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    _add_config_options(p)

    p = sub.add_parser(
        "eval",
        help="measure a stage against gold data",
        description="Run the same core as `extract` on gold data and print precision, recall and F1.",
    )
    evals = p.add_subparsers(dest="stage", metavar="STAGE", required=True)
    gold_help = {
        "events": "PLOVER gold JSON (e.g. plover_gsr_dev.json) or PETRARCH validation XML",
        "actors": "PLOVER gold JSON",
        "dates": "a folder of TimeML files (searched recursively), e.g. TBAQ-cleaned/AQUAINT",
        "quotes": "a PolNeAR folder with text/ and attributions/",
        "places": "PLOVER gold JSON (records with eventLoc are scored)",
        "articles": "the whole-article events gold (bench/articles/gold.jsonl; texts from --texts)",
    }
    for stage in EVAL_STAGES:
        e = evals.add_parser(
            stage, help=f"evaluate {stage}", description=f"Evaluate the {stage} stage against {gold_help[stage]}."
        )
        e.add_argument("--gold", type=Path, required=True, metavar="PATH", help=gold_help[stage])
        if stage == "articles":
            e.add_argument(
                "--texts",
                type=Path,
                metavar="DIR",
                help="the gold's article texts (default: ../shared/gold/polnear/train/text)",
            )
            e.add_argument("--list", action="store_true", help="list missed gold events and unjudged events (to judge)")
        _add_config_options(e)
    cli_queries.add_parsers(sub)
    return parser


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config, args.set)


def _err(message: str) -> None:
    print(f"detente: {message}", file=sys.stderr)


@contextmanager
def _progress_bar(config: Config, unit: str, total: int | None = None) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on a terminal, shown once a run has taken a few seconds; with a total
    (and so an ETA) where the number of inputs is known. Yields a function taking the count done."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(unit=unit, total=total, delay=config.run.progress_after_seconds, file=sys.stderr, leave=False)

    def update(done: int) -> None:
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        bar.close()


@contextmanager
def _run_progress(config: Config, log_format: str, total: int | None) -> Iterator[Callable[[Progress], None]]:
    """A run's progress: a live bar (done of total, rate, ETA) on a terminal; plain lines every
    few seconds otherwise; JSON lines with --log-format json."""
    from detente.runners.display import ProgressLog

    if log_format == "text" and sys.stderr.isatty():
        with _progress_bar(config, "article", total) as update:
            assert update is not None
            yield lambda p: update(p.done)
        return
    prefix = "" if log_format == "json" else "detente: "
    yield ProgressLog(lambda line: print(prefix + line, file=sys.stderr, flush=True), fmt=log_format)


def _failure_reporter(log_format: str) -> Callable[[Failure], None]:
    from detente.runners.display import failure_json

    if log_format == "json":
        return lambda failure: print(failure_json(failure), file=sys.stderr, flush=True)
    return lambda failure: _err(str(failure))


def _show_report(report: RunReport, log_format: str, stream: Any) -> None:
    from detente.runners.display import render_report, report_json

    text = report_json(report) if log_format == "json" else render_report(report)
    if stream is sys.stderr and log_format != "json":
        text = f"detente: {text}"  # on stderr, among the run's other lines
    print(text, file=stream, flush=True)


def _worker_count(requested: int | None, total: int | None, config: Config) -> int:
    """--workers as given, or all the cores this process may use, but no more workers than there
    are batches to share (a handful of articles is done sooner in one process than by two models
    loading)."""
    if requested is not None:
        if requested < 1:
            raise ConfigError(f"--workers {requested}: give 1 or more worker processes")
        return requested
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if total is not None:
        cores = min(cores, -(-total // config.nlp.batch_size))
    return max(1, cores)


def _pipeline(config: Config, workers: int) -> Any:
    """The loaded pipeline for one process; with workers, each worker loads its own (and this
    process does not even import it: the workers start sooner)."""
    if workers < 1:
        raise ConfigError(f"--workers {workers}: give 1 or more worker processes")
    if workers > 1:
        return config
    from detente.core import Pipeline

    return Pipeline(config)


def _check_inputs(paths: Sequence[str]) -> None:
    """Missing paths are reported before the model loads (it takes seconds)."""
    from detente.ingest import check_paths

    problems = check_paths(paths)
    for problem in problems[:-1]:
        _err(str(problem))
    if problems:
        raise problems[-1]


def _exit_for(report: RunReport) -> int:
    if report.failed:
        _err(f"{len(report.failed)} input(s) failed; the others were processed")
        return 1
    return 0


def _outputs(output: Path | None) -> list[Path]:
    """The files this run writes, never read as its input (`extract . -o out.jsonl`)."""
    return [] if output is None else [output]


def _inputs(args: argparse.Namespace, config: Config, exclude: Sequence[Path]) -> Iterator[Any]:
    """The run's articles (and input errors), read with the user's outlets and debris files."""
    from detente.ingest import read_inputs
    from detente.ingest.lexicon import INGEST_TABLES, Lexicon
    from detente.knowledge import Knowledge

    lexicon = Lexicon.load(Knowledge.load(config.knowledge, keys=INGEST_TABLES))
    return read_inputs(args.paths, sys.stdin, lexicon=lexicon, limits=config.limits, exclude=exclude)


def _cmd_extract(args: argparse.Namespace) -> int:
    from detente.ingest import count_inputs
    from detente.runners import run
    from detente.writers import open_stream, resolve

    config = _config(args)
    _check_inputs(args.paths)
    if args.output is not None and is_stdout(args.output):
        args.output = None  # `-o -`: standard output
    writer = resolve(args.format, args.output)
    if args.output is None and writer.folder:
        raise OutputError(f"{writer.name} output is a folder; give one with -o PATH")
    total = count_inputs(args.paths)
    workers = _worker_count(args.workers, total, config)
    pipeline = _pipeline(config, workers)
    sink = writer.open(args.output) if args.output is not None else open_stream(sys.stdout)
    try:
        with _run_progress(config, args.log_format, total) as progress:
            report = run(
                _inputs(args, config, _outputs(args.output)),
                pipeline,
                sink=sink,
                workers=workers,
                progress=progress,
                on_failure=_failure_reporter(args.log_format),
            )
    except BaseException:
        sink.discard()  # a file output keeps what it had: nothing half-written
        raise
    sink.close()
    _show_report(report, args.log_format, sys.stderr)
    return _exit_for(report)


def _db_path(args: argparse.Namespace, config: Config) -> Path:
    return args.db or config.store.path


def render_summary(
    summary: Summary, series: Sequence[YearPoint], db_path: Path, folded: tuple[int, int, int] | None = None
) -> str:
    """`folded`: (folded events, reports in them, articles they come from), when the store folds."""
    from detente.analytics import render_series

    dyads = ", ".join(f"{d.source}–{d.target} {d.events}" for d in summary.dyads) or "none yet"
    events = f"{summary.events} reports"
    if folded is not None:
        events = (
            f"{folded[0]} events from {folded[1]} reports in {folded[2]} articles ({summary.events} reports in all)"
        )
    return "\n".join(
        [
            f"articles  {summary.articles}",
            f"mentions  {summary.mentions}",
            f"events    {events}",
            f"quotes    {summary.quotes}",
            f"busiest dyads (source–target country, events asserted or planned): {dyads}",
            *(render_series(summary.dyads[0].source, summary.dyads[0].target, series) if summary.dyads else []),
            f"database: {Path(db_path).resolve()}",
        ]
    )


def _summary_text(store: Any, db: Path) -> str:
    from detente.analytics import dyad_by_year
    from detente.analytics.fold_sql import fold_counts, has_folding

    summary = store.summary()
    top = summary.dyads[0] if summary.dyads else None
    # The busiest pair of countries, both directions, by year.
    series = dyad_by_year(store.connection, top.source, top.target) if top else ()
    folded = fold_counts(store.connection) if has_folding(store.connection) else None
    return render_summary(summary, series, db, folded)


def _cmd_ingest(args: argparse.Namespace) -> int:
    from detente.analytics.fold_sql import STORE_HOOKS
    from detente.ingest import count_inputs
    from detente.runners import run
    from detente.store import Store

    config = _config(args)
    db = _db_path(args, config)
    if args.engine != "dask" and (args.format or args.output or args.scheduler):
        raise ConfigError("--format, -o and --scheduler go with --engine dask; add it, or leave them out")
    if args.format == "parquet" and args.output is None:
        raise ConfigError("--format parquet leaves a dataset folder; give one with -o DIR")
    _check_inputs(args.paths)
    options: dict[str, Any] = {
        "reprocess": args.reprocess,
        "total": count_inputs(args.paths),
        "on_failure": _failure_reporter(args.log_format),
    }
    if args.engine == "dask":
        from detente.runners.dask import run_dask

        if args.partition < 1 or (args.workers is not None and args.workers < 1):
            raise ConfigError("--partition and --workers take 1 or more")
        dask_options = {
            "scheduler": args.scheduler,
            "partition": args.partition,
            "workers": args.workers,  # None: all cores
        }
        if args.format == "parquet":
            with _run_progress(config, args.log_format, options["total"]) as progress:
                report = run_dask(
                    _inputs(args, config, _outputs(args.output)),
                    config,
                    output=args.output,
                    progress=progress,
                    **dask_options,
                    **options,
                )
            _show_report(report, args.log_format, sys.stdout)
            return _exit_for(report)
    workers = _worker_count(args.workers, options["total"], config) if args.engine != "dask" else 1
    pipeline = config if args.engine == "dask" else _pipeline(config, workers)
    with Store.open(db, hooks=STORE_HOOKS) as store:
        with _run_progress(config, args.log_format, options["total"]) as progress:
            if args.engine == "dask":
                report = run_dask(
                    _inputs(args, config, [db]),
                    config,
                    store=store,
                    progress=progress,
                    **dask_options,
                    **options,
                )
            else:
                report = run(
                    _inputs(args, config, [db]),
                    pipeline,
                    store=store,
                    workers=workers,
                    progress=progress,
                    **options,
                )
        _show_report(report, args.log_format, sys.stdout)
        if args.log_format == "text":
            print(_summary_text(store, db))
    return _exit_for(report)


def _cmd_export(args: argparse.Namespace) -> int:
    from detente.analytics.fold_sql import load_folded
    from detente.store import Store
    from detente.writers import resolve

    config = _config(args)
    db = _db_path(args, config)
    writer = resolve(args.format, args.output)
    with Store.open(db, read_only=True) as store:
        count = store.export(writer.name, args.output, folded=load_folded(store.connection))
    what = "folded events" if writer.folded_only else "records"
    also = f" and {args.output}.mentions.tsv" if writer.name == "gdelt" else ""
    print(f"wrote {count} {what} to {args.output}{also} ({writer.name})", file=sys.stderr)
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    from detente.store import Store

    config = _config(args)
    db = _db_path(args, config)
    with Store.open(db, read_only=True) as store:
        print(_summary_text(store, db))
    return 0


def _cmd_migrate(args: argparse.Namespace) -> int:
    from detente.analytics.fold_sql import STORE_HOOKS
    from detente.store import Store

    config = _config(args)
    db = _db_path(args, config)
    if not Path(db).exists():
        raise InputError(f"no database at {db}; nothing to upgrade")
    with Store.open(db, hooks=STORE_HOOKS) as store:
        if store.upgraded_from is None:
            print(f"{db} is at schema {store.version}; nothing to do")
        else:
            print(f"{db} upgraded from schema {store.upgraded_from} to {store.version}")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from detente.web import create_app
    from detente.web.app import check_port

    db = _db_path(args, _config(args))
    app = create_app(db)
    check_port(args.host, args.port)
    _err(f"serving {Path(db).resolve()} at http://{args.host}:{args.port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    import importlib

    from detente.core import Pipeline

    module = importlib.import_module(f"detente.evaluate.{args.stage}")
    config = _config(args)
    if not args.gold.exists():
        raise InputError(f"{args.gold}: no such file or folder; check the path")
    with _progress_bar(config, "article") as update:
        options = {"texts": args.texts, "listing": args.list} if args.stage == "articles" else {}
        report = module.run(args.gold, Pipeline(config, progress=update), **options)
    print(report.render())
    return 0


# --- analytics: dyad series, event and actor queries, who met whom (detente.analytics) ----------


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "extract": _cmd_extract,
    "ingest": _cmd_ingest,
    "export": _cmd_export,
    "summary": _cmd_summary,
    "migrate": _cmd_migrate,
    "serve": _cmd_serve,
    "eval": _cmd_eval,
    **cli_queries.COMMANDS,
}


@contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """The library logs warnings (an ignored JSONL field, a detected encoding); show them as
    one line each, for this run only."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("detente: warning: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("detente")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with _warnings_to_stderr():
            return COMMANDS[args.command](args)
    except DetenteError as exc:
        _err(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
