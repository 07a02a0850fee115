"""The `detente` command: parse arguments, call the core, render. No extraction logic here."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from detente import __version__
from detente.config import Config, load_config
from detente.errors import DetenteError

EVAL_STAGES = ("events", "actors", "dates", "quotes", "places")


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, metavar="FILE", help="a TOML file overriding the defaults")
    parser.add_argument(
        "--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
        help="override one setting, e.g. --set nlp.batch_size=64 (repeatable)",
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
        "extract", help="extract records from articles and write JSON Lines",
        description="Read articles (.txt, .html, .jsonl, folders, or - for stdin) and write one "
        "JSON record per line: document, mention, event and quote records (see the output contract).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (read recursively) or - for stdin")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output")
    _add_config_options(p)

    p = sub.add_parser(
        "ingest", help="extract records and store them in a DuckDB database",
        description="Extract records from articles into a DuckDB database, one transaction per article. "
        "Articles already stored (same text, by SHA-256) are skipped unless --reprocess is given. "
        "Prints a summary: articles, events, quotes, the busiest dyads.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (read recursively) or - for stdin")
    p.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    p.add_argument("--reprocess", action="store_true", help="recode stored articles with this version")
    _add_config_options(p)

    p = sub.add_parser(
        "export", help="write a database's records out as JSON Lines or Parquet",
        description="Export stored records. jsonl: one file, records as `extract` writes them; "
        "parquet: a folder with one file per record type (documents, mentions, events, quotes).",
    )
    p.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    p.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PATH", help="file (jsonl) or folder (parquet)")
    _add_config_options(p)

    p = sub.add_parser(
        "summary", help="print the summary of a database",
        description="Print articles, events, quotes and the busiest dyads stored in a database.",
    )
    p.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    _add_config_options(p)

    p = sub.add_parser(
        "serve", help="open the dashboard and HTTP API over a database",
        description="Serve the dashboard (/) and the JSON API (/api/, documented at /docs) over a "
        "database opened read-only. Stop with Ctrl-C.",
    )
    p.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    _add_config_options(p)

    p = sub.add_parser(
        "eval", help="measure a stage against gold data",
        description="Run the same core as `extract` on gold data and print precision, recall and F1.",
    )
    evals = p.add_subparsers(dest="stage", metavar="STAGE", required=True)
    gold_help = {
        "events": "PLOVER gold JSON (e.g. plover_gsr_dev.json) or PETRARCH validation XML",
        "actors": "PLOVER gold JSON",
        "dates": "a folder of TimeML files (searched recursively), e.g. TBAQ-cleaned/AQUAINT",
        "quotes": "a PolNeAR folder with text/ and attributions/",
        "places": "PLOVER gold JSON (records with eventLoc are scored)",
    }
    for stage in EVAL_STAGES:
        e = evals.add_parser(stage, help=f"evaluate {stage}", description=f"Evaluate the {stage} stage against {gold_help[stage]}.")
        e.add_argument("--gold", type=Path, required=True, metavar="PATH", help=gold_help[stage])
        _add_config_options(e)
    return parser


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config, args.set)


def _err(message: str) -> None:
    print(f"detente: {message}", file=sys.stderr)


def _progress(items: Iterable, config: Config, unit: str, total: int | None = None) -> Iterable:
    """A progress bar on a terminal, shown only once a run has taken a few seconds."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, unit=unit, total=total, delay=config.run.progress_after_seconds, file=sys.stderr, leave=False)


def _read(paths: Sequence[str], failures: list[DetenteError]) -> Iterator:
    """Articles from the inputs; unreadable inputs are reported, counted and skipped."""
    from detente.ingest import read_inputs

    for item in read_inputs(paths, sys.stdin):
        if isinstance(item, DetenteError):
            failures.append(item)
            _err(str(item))
        else:
            yield item


def _cmd_extract(args: argparse.Namespace) -> int:
    from detente.core import Pipeline

    config = _config(args)
    pipeline = Pipeline(config)
    failures: list[DetenteError] = []
    out: TextIO = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    try:
        for outcome in _progress(pipeline.process(_read(args.paths, failures)), config, "article"):
            if isinstance(outcome, DetenteError):
                failures.append(outcome)
                _err(str(outcome))
                continue
            for record in outcome.records():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    return _exit_for(failures)


def _exit_for(failures: list[DetenteError]) -> int:
    if failures:
        _err(f"{len(failures)} input(s) failed; the others were processed")
        return 1
    return 0


def _db_path(args: argparse.Namespace, config: Config) -> Path:
    return args.db or config.store.path


def _cmd_ingest(args: argparse.Namespace) -> int:
    from detente.core import Pipeline
    from detente.store import Store

    config = _config(args)
    db = _db_path(args, config)
    failures: list[DetenteError] = []
    pipeline = Pipeline(config)
    with Store.open(db) as store:
        articles = (
            a for a in _read(args.paths, failures) if args.reprocess or not store.contains(a.sha256)
        )
        for outcome in _progress(pipeline.process(articles), config, "article"):
            if isinstance(outcome, DetenteError):
                failures.append(outcome)
                _err(str(outcome))
                continue
            store.write(outcome)
        print(store.summary().render(db))
    return _exit_for(failures)


def _cmd_export(args: argparse.Namespace) -> int:
    from detente.store import Store

    config = _config(args)
    db = _db_path(args, config)
    with Store.open(db, read_only=True) as store:
        count = store.export(args.format, args.output)
    print(f"wrote {count} records to {args.output}", file=sys.stderr)
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    from detente.store import Store

    config = _config(args)
    db = _db_path(args, config)
    with Store.open(db, read_only=True) as store:
        print(store.summary().render(db))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from detente.web import create_app

    db = _db_path(args, _config(args))
    app = create_app(db)
    _err(f"serving {Path(db).resolve()} at http://{args.host}:{args.port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    import importlib

    from detente.core import Pipeline

    module = importlib.import_module(f"detente.evaluate.{args.stage}")
    pipeline = Pipeline(_config(args))
    report = module.run(args.gold, pipeline)
    print(report.render())
    return 0


COMMANDS = {
    "extract": _cmd_extract,
    "ingest": _cmd_ingest,
    "export": _cmd_export,
    "summary": _cmd_summary,
    "serve": _cmd_serve,
    "eval": _cmd_eval,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
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
