"""The Python API: ``detente.load()`` for extraction, ``detente.open(db)`` for stored records.

    import detente
    d = detente.load()
    result = d("Chile recalled its ambassador from Peru.", published="2019-05-02")
    result.events, result.quotes, result.mentions, result.document, result.to_records()

    db = detente.open("news.duckdb")
    db.events(country="CHL", since="2019-01-01")      # a pandas DataFrame
    db.events(root="04", as_arrow=True)               # an Arrow table
    db.dyad("USA", "RUS", by="year").periods          # the relations series over folded events
    db.find_events(dyad=("USA", "RUS"), text="treaty").rows
    db.actors(country="RUS").rows, db.network(since="2015-01-01").write("met.graphml")

Texts given to ``d(...)`` and ``d.pipe(...)`` are taken verbatim, as a JSONL ``text`` is: every
offset refers to exactly the string given.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Self

from detente.config import Config, load_config
from detente.errors import ConfigError, DetenteError, InputError
from detente.ingest.identity import sha256
from detente.records import Article, Result

if TYPE_CHECKING:
    from detente.analytics.queries import Network, Page
    from detente.analytics.records import FoldedEvent
    from detente.analytics.series import DyadSeries
    from detente.core import Pipeline
    from detente.runners import RunReport
    from detente.store import Store, Summary

TextLike = str | Article | Mapping[str, Any]


def _setting_overrides(overrides: Mapping[str, Any]) -> list[str]:
    """`batch_size=64` as `nlp.batch_size=64`: keyword settings by their key, or section__key."""
    from importlib import resources

    defaults = tomllib.loads(resources.files("detente").joinpath("default.toml").read_text(encoding="utf-8"))
    out = []
    for name, value in overrides.items():
        if "__" in name:
            dotted = name.replace("__", ".", 1)
        else:
            sections = [section for section, keys in defaults.items() if name in keys]
            if len(sections) != 1:
                known = ", ".join(sorted({k for keys in defaults.values() for k in keys}))
                reason = (
                    "is in several sections, write section__key" if sections else f"is not a setting; known: {known}"
                )
                raise ConfigError(f"detente.load({name}=...): {name} {reason}")
            dotted = f"{sections[0]}.{name}"
        if isinstance(value, (list, tuple)):
            raw = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            raw = "true" if value else "false"
        else:
            raw = str(value)
        out.append(f"{dotted}={raw}")
    return out


def load(config: Config | str | Path | None = None, **overrides: Any) -> Detente:
    """Load the model and the knowledge once; returns a ``Detente`` to call on texts.

    `config`: a ``Config``, or a TOML file overriding the defaults. Keyword settings override both
    (``detente.load(batch_size=64)``, or ``nlp__batch_size=64`` where a key is in two sections)."""
    from detente.core import Pipeline

    if isinstance(config, Config):
        if overrides:
            raise ConfigError("give settings either as a Config or as keywords, not both")
        resolved = config
    else:
        resolved = load_config(Path(config) if config is not None else None, _setting_overrides(overrides))
    return Detente(Pipeline(resolved))


def _as_date(value: date | str | None, where: str) -> date | None:
    from detente.ingest.jsonl import parse_date

    if value is None or isinstance(value, date):
        return value
    try:
        day = parse_date(value)
    except ValueError:
        day = None
    if day is None:
        raise InputError(f"{where}: published={value!r} is not one unambiguous day; write it as YYYY-MM-DD")
    return day


class Detente:
    """An extraction pipeline, loaded once. Call it on a text; ``pipe`` many."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    @property
    def config(self) -> Config:
        return self.pipeline.config

    def __repr__(self) -> str:
        return f"<detente.Detente model={self.pipeline.model}>"

    def __call__(
        self,
        text: str | Article,
        *,
        published: date | str | None = None,
        doc_id: str = "text",
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
    ) -> Result:
        """The records of one article. Raises the article's error if it cannot be processed."""
        article = (
            text
            if isinstance(text, Article)
            else self._article(text, doc_id=doc_id, published=published, title=title, source=source, url=url)
        )
        return self.pipeline.extract_one(article)

    def pipe(
        self,
        texts: Iterable[TextLike],
        *,
        n_process: int = 1,
        errors: Literal["raise", "return"] = "raise",
    ) -> Iterator[Result]:
        """Results in input order, parsed in batches. A text is a string (its doc_id its position,
        "1", "2", ...), an ``Article``, or a dict as a JSONL line (`id`, `text`, `published`...).
        `n_process` > 1: worker processes, each loading the model once; the same results.

        errors="return" yields a failed article's ``DetenteError`` in its place instead of raising."""
        from detente.runners.local import outcomes

        for outcome in outcomes(self._articles(texts), self.pipeline, workers=n_process):
            if isinstance(outcome, DetenteError):
                if errors == "raise":
                    raise outcome
                yield outcome  # type: ignore[misc]
            else:
                yield outcome  # type: ignore[misc]

    def run(
        self,
        paths: Sequence[str | Path],
        *,
        db: str | Path | None = None,
        output: str | Path | None = None,
        format: str | None = None,
        reprocess: bool = False,
        workers: int = 1,
    ) -> RunReport:
        """The CLI's batch: read files and folders, store new articles in `db` and/or write them to
        `output` (format from `format` or the extension). Returns the run's report."""
        from detente.analytics.fold_sql import STORE_HOOKS
        from detente.ingest import check_paths, read_inputs
        from detente.runners import run
        from detente.store import Store
        from detente.writers import resolve

        names = [str(p) for p in paths]
        problems = check_paths(names)
        if problems:
            raise problems[0]
        with ExitStack() as stack:
            store = stack.enter_context(Store.open(Path(db), hooks=STORE_HOOKS)) if db is not None else None
            sink = None
            if output is not None:
                sink = resolve(format, Path(output)).open(Path(output))
                stack.callback(sink.close)
            return run(read_inputs(names), self.pipeline, store=store, sink=sink, reprocess=reprocess, workers=workers)

    def _article(
        self,
        text: str,
        *,
        doc_id: str,
        published: date | str | None = None,
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
    ) -> Article:
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{doc_id}: the text is empty; give the article text as a string")
        return Article(
            doc_id=doc_id,
            text=text,
            title=title,
            source=source,
            url=url,
            published=_as_date(published, doc_id),
            origin=doc_id,
            sha256=sha256(text),
        )

    def _articles(self, texts: Iterable[TextLike]) -> Iterator[Article | DetenteError]:
        from detente.ingest.jsonl import article_from_mapping

        for n, item in enumerate(texts, 1):
            if isinstance(item, Article):
                yield item
            elif isinstance(item, str):
                try:
                    yield self._article(item, doc_id=str(n))
                except DetenteError as exc:
                    yield exc
            elif isinstance(item, Mapping):
                yield article_from_mapping(item, f"item {n}")
            else:
                yield InputError(f"item {n}: a {type(item).__name__}; give a string, a dict or an Article")


# --- stored records ----------------------------------------------------------------------------


def open(path: str | Path) -> Database:  # shadows the builtin on purpose: detente.open, like duckdb.connect
    """A read-only handle on a detente database, with its queries as pandas or Arrow tables."""
    return Database(Path(path))


class Database:
    """A detente database, read-only. Use as a context manager, or call ``close()``."""

    def __init__(self, path: Path) -> None:
        from detente.store import Store

        self.path = path
        self._stack = ExitStack()
        self._store: Store = self._stack.enter_context(Store.open(path, read_only=True))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    def __repr__(self) -> str:
        return f"<detente.Database {self.path}>"

    def _query(self, query: str, params: Sequence[Any], as_arrow: bool) -> Any:
        import duckdb

        from detente.errors import StoreError

        # A cursor of its own: the query's result must not meet another one on the store's connection.
        cursor = self._store.connection.cursor()
        try:
            relation = cursor.sql(query, params=list(params))
            if as_arrow:
                to_arrow = getattr(relation, "to_arrow_table", None) or relation.arrow
                return to_arrow()
            return relation.df()
        except duckdb.Error as exc:
            raise StoreError(
                f"the query failed ({str(exc).splitlines()[0]}); check it against the tables documents, mentions, events, quotes"
            ) from None
        finally:
            cursor.close()

    def sql(self, query: str, params: Sequence[Any] = (), *, as_arrow: bool = False) -> Any:
        """Any query over the tables documents, mentions, events and quotes."""
        return self._query(query, params, as_arrow)

    def summary(self) -> Summary:
        return self._store.summary()

    def documents(
        self, *, since: str | date | None = None, until: str | date | None = None, as_arrow: bool = False
    ) -> Any:
        """Documents (with `published` flattened to its fields), in the order they were stored."""
        where, params = _window("published", since, until)
        return self._query(
            "SELECT doc_id, title, source, url, published.date AS published, published.earliest AS published_earliest, "
            "published.latest AS published_latest, published.method AS published_method, captions, tone, text, "
            f"sha256, pipeline_version FROM documents {where} ORDER BY seq",
            params,
            as_arrow,
        )

    def events(
        self,
        *,
        country: str | None = None,
        actor: str | None = None,
        root: str | None = None,
        plover: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        as_arrow: bool = False,
    ) -> Any:
        """Events, filtered: `country` (ISO code, source or target), `actor` (actor id or name,
        source or target), `root` (CAMEO root, "04"), `plover` (type), and the event date window
        overlapping [since, until]."""
        clauses, params = [], []
        if country is not None:
            clauses.append("(source.country = ? OR target.country = ?)")
            params += [country, country]
        if actor is not None:
            clauses.append(
                "(lower(source.actor_id) = lower(?) OR lower(source.name) = lower(?) "
                "OR lower(target.actor_id) = lower(?) OR lower(target.name) = lower(?))"
            )
            params += [actor] * 4
        if root is not None:
            clauses.append("cameo_root = ?")
            params.append(root)
        if plover is not None:
            clauses.append("plover = ?")
            params.append(plover.upper())
        where, window_params = _window("date", since, until, clauses)
        return self._query(
            "SELECT doc_id, event_id, source.country AS source_country, target.country AS target_country, "
            "source.name AS source_name, target.name AS target_name, cameo, cameo_root, plover, plover_mode, "
            "goldstein, quad_class, modality, date.date AS date, date.earliest AS date_earliest, "
            "date.latest AS date_latest, location.name AS location, confidence, span, trigger, source, target, "
            f"contexts, fold_id FROM events {where} ORDER BY seq, n",
            params + window_params,
            as_arrow,
        )

    # --- analytics over folded events (detente.analytics) -------------------------------------

    @contextmanager
    def _cursor(self) -> Iterator[Any]:
        # A cursor of its own per query, as in _query; a query's bad value as a one-line error.
        cursor = self._store.connection.cursor()
        try:
            yield cursor
        except ValueError as exc:
            raise InputError(str(exc)) from None
        finally:
            cursor.close()

    def dyad(
        self,
        a: str,
        b: str,
        *,
        by: Literal["month", "quarter", "year"] = "year",
        since: str | date | None = None,
        until: str | date | None = None,
        context: str | None = None,
        directed: bool = False,
    ) -> DyadSeries:
        """The relations of countries `a` and `b` period by period (see ``detente.analytics.series``):
        ``.periods``, ``.render()``, ``.to_json()``, ``.to_csv()``; ``detente.analytics.series.plot``
        draws it."""
        from detente.analytics.series import dyad_series

        with self._cursor() as con:
            return dyad_series(
                con,
                a.upper(),
                b.upper(),
                by=by,
                since=_as_date(since, "since"),
                until=_as_date(until, "until"),
                context=context,
                directed=directed,
            )

    def find_events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        dyad: tuple[str, str] | None = None,
        cameo: str | None = None,
        root: str | None = None,
        plover: str | None = None,
        context: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        text: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page:
        """Event reports matching every filter, one flat row each (the CSV export's columns, with
        ``fold_id`` and ``evidence``): ``.rows`` (a DataFrame), ``.total``, ``.has_more``."""
        from detente.analytics.queries import find_events

        with self._cursor() as con:
            return find_events(
                con,
                actor=actor,
                country=country,
                dyad=dyad,
                cameo=cameo,
                root=root,
                plover=plover,
                context=context,
                since=_as_date(since, "since"),
                until=_as_date(until, "until"),
                text=text,
                limit=limit,
                offset=offset,
            )

    def actors(self, *, country: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0) -> Page:
        """Actors with each role they held: first and last event date, events as source and target."""
        from detente.analytics.queries import actors

        with self._cursor() as con:
            return actors(con, country=country, name=name, limit=limit, offset=offset)

    def network(
        self, *, since: str | date | None = None, until: str | date | None = None, country: str | None = None
    ) -> Network:
        """Who met whom (meetings and cooperation between people): ``.nodes``, ``.edges``,
        ``.write("x.graphml")`` or ``.write("x.json")``."""
        from detente.analytics.queries import who_met_whom

        with self._cursor() as con:
            return who_met_whom(con, since=_as_date(since, "since"), until=_as_date(until, "until"), country=country)

    def folded_events(self) -> Iterator[FoldedEvent]:
        """Every folded event with all its reports (``.to_dict()`` is its export record)."""
        from detente.analytics.fold_sql import load_folded

        with self._cursor() as con:
            yield from load_folded(con)

    def quotes(self, *, speaker: str | None = None, country: str | None = None, as_arrow: bool = False) -> Any:
        """Quotes, filtered by speaker (actor id or name) or the speaker's country."""
        clauses, params = [], []
        if speaker is not None:
            clauses.append("(lower(speaker.actor_id) = lower(?) OR lower(speaker.name) = lower(?))")
            params += [speaker, speaker]
        if country is not None:
            clauses.append("speaker.country = ?")
            params.append(country)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return self._query(
            "SELECT doc_id, quote_id, text, kind, cue, speaker.name AS speaker_name, speaker.country AS speaker_country, "
            f"date.date AS date, span, parts, speaker FROM quotes {where} ORDER BY seq, n",
            params,
            as_arrow,
        )

    def mentions(self, *, country: str | None = None, as_arrow: bool = False) -> Any:
        """Actor mentions, filtered by the actor's country."""
        where, params = ("WHERE actor.country = ?", [country]) if country is not None else ("", [])
        return self._query(
            "SELECT doc_id, span, actor.text AS text, actor.name AS name, actor.actor_id AS actor_id, "
            f"actor.country AS country, actor.sector AS sector, actor.role AS role FROM mentions {where} ORDER BY seq, n",
            params,
            as_arrow,
        )


def _window(
    column: str, since: str | date | None, until: str | date | None, clauses: list[str] | None = None
) -> tuple[str, list[Any]]:
    """A WHERE clause for a date window column overlapping [since, until] (ISO strings compare as dates)."""
    clauses = list(clauses or [])
    params: list[Any] = []
    if since is not None:
        clauses.append(f"{column}.latest >= ?")
        params.append(_iso(since, "since"))
    if until is not None:
        clauses.append(f"{column}.earliest <= ?")
        params.append(_iso(until, "until"))
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _iso(value: str | date, name: str) -> str:
    day = _as_date(value, name)
    assert day is not None
    return day.isoformat()
