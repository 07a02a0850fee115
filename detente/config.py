"""Configuration: the shipped default file, overridden by a user file, the environment and
``--set section.key=value`` pairs, in that order. The typed result is passed explicitly."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from detente.errors import ConfigError

ENV_PREFIX = "DETENTE_"


@dataclass(frozen=True, slots=True, kw_only=True)
class NlpConfig:
    model: str = "auto"
    batch_size: int = 32
    disable: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"nlp.batch_size must be at least 1, got {self.batch_size}; try 32")
        if not self.model.strip():
            raise ConfigError('nlp.model is empty; give a spaCy model package name or "auto"')


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowledgeConfig:
    """The user's files extending each knowledge table, by the table's key (``detente.knowledge``)."""

    # actors
    countries: tuple[Path, ...] = ()
    metonyms: tuple[Path, ...] = ()
    organizations: tuple[Path, ...] = ()
    regions: tuple[Path, ...] = ()
    titles: tuple[Path, ...] = ()
    seats: tuple[Path, ...] = ()
    office_holders: tuple[Path, ...] = ()
    first_names: tuple[Path, ...] = ()
    actor_rules: tuple[Path, ...] = ()
    # events
    cameo: tuple[Path, ...] = ()
    cameo_plover: tuple[Path, ...] = ()
    patterns: tuple[Path, ...] = ()
    # places
    places: tuple[Path, ...] = ()
    place_phrases: tuple[Path, ...] = ()
    # dates
    dates_lexicon: tuple[Path, ...] = ()
    anniversaries: tuple[Path, ...] = ()
    eras: tuple[Path, ...] = ()
    # quotes
    quote_cues: tuple[Path, ...] = ()
    # ingest
    outlets: tuple[Path, ...] = ()
    debris: tuple[Path, ...] = ()
    # analytics
    contexts: tuple[Path, ...] = ()
    fips: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreConfig:
    path: Path = Path("detente.duckdb")


@dataclass(frozen=True, slots=True, kw_only=True)
class RunConfig:
    progress_after_seconds: float = 2.0

    def __post_init__(self) -> None:
        if self.progress_after_seconds < 0:
            raise ConfigError(f"run.progress_after_seconds must be 0 or more, got {self.progress_after_seconds}; try 2")


@dataclass(frozen=True, slots=True, kw_only=True)
class LimitsConfig:
    """How long an article may be. spaCy parses at most ``max_chars`` characters at once (its
    own default limit, about 1 GB of memory per million characters); longer articles are parsed
    in sections, up to ``max_article_chars``; longer still, they are refused."""

    max_chars: int = 1_000_000
    max_article_chars: int = 5_000_000

    def __post_init__(self) -> None:
        if self.max_chars < 1_000:
            raise ConfigError(f"limits.max_chars must be at least 1000, got {self.max_chars}; try 1000000")
        if self.max_article_chars < 1:
            raise ConfigError(f"limits.max_article_chars must be at least 1, got {self.max_article_chars}; try 5000000")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    nlp: NlpConfig = field(default_factory=NlpConfig)
    knowledge: KnowledgeConfig = field(default_factory=KnowledgeConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    run: RunConfig = field(default_factory=RunConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)


def _default_table() -> dict[str, Any]:
    text = resources.files("detente").joinpath("default.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], override: Mapping[str, Any], where: str) -> None:
    for section, values in override.items():
        if section not in base or not isinstance(values, Mapping):
            raise ConfigError(f"unknown configuration section {section!r} in {where}")
        for key, value in values.items():
            if key not in base[section]:
                raise ConfigError(
                    f"unknown configuration key {section}.{key} in {where}; "
                    f"known keys: {', '.join(sorted(base[section]))}"
                )
            base[section][key] = value


def _parse_value(raw: str, like: Any) -> Any:
    if isinstance(like, bool):
        return raw.lower() in {"1", "true", "yes", "on"}
    if isinstance(like, int):
        return int(raw)
    if isinstance(like, float):
        return float(raw)
    if isinstance(like, list):
        return [item for item in raw.split(",") if item]
    return raw


def _assign(table: dict[str, Any], dotted: str, raw: str, where: str) -> None:
    section, _, key = dotted.partition(".")
    if not key or section not in table or key not in table[section]:
        raise ConfigError(f"unknown configuration key {dotted!r} in {where} (use section.key)")
    try:
        table[section][key] = _parse_value(raw, table[section][key])
    except ValueError as exc:
        raise ConfigError(f"bad value for {dotted} in {where}: {raw!r} ({exc})") from None


def load_config(
    path: Path | None = None,
    overrides: Sequence[str] = (),
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Build the typed configuration: defaults < user file < environment < overrides."""
    table = _default_table()
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read configuration file {path}: {exc}") from None
        _merge(table, user, str(path))
    for name, raw in (os.environ if environ is None else environ).items():
        if name.startswith(ENV_PREFIX) and "__" in name:
            dotted = name[len(ENV_PREFIX) :].lower().replace("__", ".", 1)
            _assign(table, dotted, raw, f"environment variable {name}")
    for item in overrides:
        dotted, sep, raw = item.partition("=")
        if not sep:
            raise ConfigError(f"--set takes section.key=value, got {item!r}")
        _assign(table, dotted.strip(), raw.strip(), "--set")
    try:
        return Config(
            nlp=NlpConfig(
                model=str(table["nlp"]["model"]),
                batch_size=int(table["nlp"]["batch_size"]),
                disable=tuple(table["nlp"]["disable"]),
            ),
            knowledge=KnowledgeConfig(**{k: tuple(Path(p) for p in v) for k, v in table["knowledge"].items()}),
            store=StoreConfig(path=Path(table["store"]["path"])),
            run=RunConfig(progress_after_seconds=float(table["run"]["progress_after_seconds"])),
            limits=LimitsConfig(
                max_chars=int(table["limits"]["max_chars"]),
                max_article_chars=int(table["limits"]["max_article_chars"]),
            ),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"invalid configuration: {exc}") from None
