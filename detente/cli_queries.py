"""The `detente` commands over a database's analytics: `dyad`, `events`, `actors`, `network`.

Each parses its options, calls one analytics function and renders what it returns; the options
they share with the other commands come from ``detente.cli``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from detente import cli
from detente.errors import InputError, OutputError
from detente.writers.files import replacing


def _day_arg(value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year (widened by `_since`/`_until`)."""
    from detente.analytics.browse import valid_partial_date

    if not valid_partial_date(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _since(value: str | None) -> date | None:
    from detente.analytics.browse import first_day

    return None if value is None else date.fromisoformat(first_day(value))


def _until(value: str | None) -> date | None:
    from detente.analytics.browse import last_day

    return None if value is None else date.fromisoformat(last_day(value))


def _add_paging(p: argparse.ArgumentParser) -> None:
    """A listing's page and output format."""
    p.add_argument("--limit", type=int, default=20, metavar="N", help="rows per page (default 20)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="rows to skip (default 0)")
    p.add_argument("--format", choices=("text", "csv", "json"), default="text", help="output (default text)")


def _add_window(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_day_arg, metavar="DATE", help="from this day, month or year (YYYY[-MM[-DD]])")
    parser.add_argument("--until", type=_day_arg, metavar="DATE", help="up to this day, month or year, inclusive")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="FILE", help="database file (default: ./detente.duckdb)")
    cli._add_config_options(parser)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "dyad",
        help="relations between two countries, period by period",
        description="The dyad series of two countries (ISO codes, e.g. USA RUS): per period (empty ones "
        "shown), folded events by quad class, the Goldstein mean and sum, the PLOVER cooperation-conflict "
        "balance, the relations index and the top events with their evidence. An event counts in the "
        "period holding the midpoint of its date window.",
    )
    p.add_argument("a", metavar="A", help="country (ISO 3166 alpha-3), e.g. USA")
    p.add_argument("b", metavar="B", help="the other country, e.g. RUS")
    p.add_argument("--by", choices=("month", "quarter", "year"), default="year", help="period (default year)")
    _add_window(p)
    p.add_argument("--context", metavar="NAME", help="only events with this PLOVER context, e.g. cbrn")
    p.add_argument("--directed", action="store_true", help="only A acting on B (symmetric actions count either way)")
    p.add_argument("--format", choices=("text", "csv", "json"), default="text", help="output (default text)")
    p.add_argument("--plot", type=Path, metavar="FILE", help="also draw the series to FILE.png or FILE.svg")
    _add_db(p)

    p = sub.add_parser(
        "events",
        help="find stored event reports",
        description="Event reports matching every filter given, in the order they were stored, with "
        "their evidence sentence and folded event (fold_id).",
    )
    p.add_argument("--actor", metavar="NAME", help="actor id, name or words as written (source or target)")
    p.add_argument("--country", metavar="ISO", help="source or target country, e.g. RUS")
    p.add_argument("--dyad", metavar="A,B", help="between two countries, either direction, e.g. USA,RUS")
    p.add_argument("--root", metavar="NN", help="CAMEO root code, e.g. 04")
    p.add_argument("--cameo", metavar="CODE", help="CAMEO code and the codes under it, e.g. 04 or 042")
    p.add_argument("--plover", metavar="TYPE", help="PLOVER event type, e.g. CONSULT")
    p.add_argument("--context", metavar="NAME", help="PLOVER context, e.g. cbrn")
    _add_window(p)
    p.add_argument("--q", metavar="TEXT", help="words in the evidence sentence (case-insensitive)")
    _add_paging(p)
    _add_db(p)

    p = sub.add_parser(
        "actors",
        help="stored actors with their roles over time",
        description="Actors with each role they held in events: first and last event date in that role, "
        "and how many events they were source and target of, busiest first.",
    )
    p.add_argument("--country", metavar="ISO", help="the actors of one country")
    p.add_argument("--name", metavar="TEXT", help="words in the actor's name")
    _add_paging(p)
    _add_db(p)

    p = sub.add_parser(
        "network",
        help="who met whom: meetings and cooperation between people, as a graph",
        description="People linked by meetings and cooperation (PLOVER CONSULT, COOPERATE, AGREE; folded "
        "events), written as GraphML or JSON by the output's extension.",
    )
    _add_window(p)
    p.add_argument("--country", metavar="ISO", help="only links with a person of this country")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="FILE.graphml or FILE.json")
    _add_db(p)


@contextmanager
def _reading(args: argparse.Namespace) -> Iterator[Any]:
    """The database's connection, read-only; a query's bad value (ValueError) as a one-line error."""
    from detente.store import Store

    db = cli._db_path(args, cli._config(args))
    with Store.open(db, read_only=True) as store:
        try:
            yield store.connection
        except ValueError as exc:
            raise InputError(str(exc)) from None


def _cmd_dyad(args: argparse.Namespace) -> int:
    from detente.analytics.series import dyad_series, plot

    a, b = args.a.upper(), args.b.upper()
    with _reading(args) as con:
        series = dyad_series(
            con,
            a,
            b,
            by=args.by,
            since=_since(args.since),
            until=_until(args.until),
            context=args.context,
            directed=args.directed,
        )
    if args.plot is not None and args.plot.suffix.lower() not in (".png", ".svg"):
        raise OutputError(f"cannot plot to {args.plot.name}; give a file ending in .png or .svg")
    if args.format == "json":
        print(series.to_json())
    elif args.format == "csv":
        sys.stdout.write(series.to_csv())
    else:
        print("\n".join(series.render()) if series.periods else f"no events between {a} and {b} in this database")
    if args.plot is not None:
        with replacing(args.plot) as tmp:
            plot(series, tmp)
        print(f"chart written to {args.plot.resolve()}", file=sys.stderr)
    return 0


def _print_page(page: Any, fmt: str, line: Callable[[dict[str, Any]], str], what: str) -> None:
    import json

    if fmt == "json":
        print(json.dumps(page.to_dict(), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        sys.stdout.write(page.rows.to_csv(index=False))
        return
    for row in page.to_dict()["rows"]:
        print(line(row))
    shown = f"{page.offset + 1}–{page.offset + len(page.rows)}" if len(page.rows) else "none"
    more = f"; next page: --offset {page.offset + len(page.rows)}" if page.has_more else ""
    print(f"{what} {shown} of {page.total}{more}", file=sys.stderr)


def _event_line(r: dict[str, Any]) -> str:
    who = f"{r['source_name'] or r['source_text'] or '?'} ({r['source_country'] or '?'})"
    whom = f"{r['target_name'] or r['target_text'] or '?'} ({r['target_country'] or '?'})" if r["target_text"] else "-"
    evidence = " ".join((r["evidence"] or "").split())
    when = r["date"] or (f"{r['date_earliest']}…{r['date_latest']}" if r["date_earliest"] else "?")
    return (
        f"{when:<10} {who} → {whom} {r['cameo']} {r['plover'] or '-'} "
        f"[{r['fold_id'] or r['event_id']}]: {evidence[:120]}"
    )


def _cmd_events(args: argparse.Namespace) -> int:
    from detente.analytics.queries import find_events

    dyad = None
    if args.dyad is not None:
        parts = [p.strip().upper() for p in args.dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise InputError(f"--dyad {args.dyad}: give two country codes separated by a comma, e.g. USA,RUS")
        dyad = (parts[0], parts[1])
    with _reading(args) as con:
        page = find_events(
            con,
            actor=args.actor,
            country=args.country.upper() if args.country else None,
            dyad=dyad,
            cameo=args.cameo,
            root=args.root,
            plover=args.plover,
            context=args.context,
            since=_since(args.since),
            until=_until(args.until),
            text=args.q,
            limit=args.limit,
            offset=args.offset,
        )
    _print_page(page, args.format, _event_line, "events")
    return 0


def _actor_line(r: dict[str, Any]) -> str:
    return (
        f"{r['name'] or r['actor']} ({r['country'] or '?'}) {r['role'] or '-'}: {r['events']} events "
        f"({r['as_source']} as source, {r['as_target']} as target), {r['first'] or '?'} … {r['last'] or '?'}"
    )


def _cmd_actors(args: argparse.Namespace) -> int:
    from detente.analytics.queries import actors

    with _reading(args) as con:
        page = actors(
            con,
            country=args.country.upper() if args.country else None,
            name=args.name,
            limit=args.limit,
            offset=args.offset,
        )
    _print_page(page, args.format, _actor_line, "actors")
    return 0


def _cmd_network(args: argparse.Namespace) -> int:
    from detente.analytics.queries import who_met_whom

    if args.output.suffix.lower() not in (".graphml", ".json"):
        raise OutputError(f"cannot write a network to {args.output.name}; give a .graphml or .json file")
    with _reading(args) as con:
        network = who_met_whom(
            con,
            since=_since(args.since),
            until=_until(args.until),
            country=args.country.upper() if args.country else None,
        )
    with replacing(args.output) as tmp:
        network.write(tmp)
    print(f"wrote {len(network.nodes)} people and {len(network.edges)} links to {args.output}", file=sys.stderr)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "dyad": _cmd_dyad,
    "events": _cmd_events,
    "actors": _cmd_actors,
    "network": _cmd_network,
}
