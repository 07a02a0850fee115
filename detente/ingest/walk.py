"""The article files under a folder: linked folders followed once (a loop is named, not
followed), special files (FIFOs, devices, sockets) named and never opened, hidden files and
other extensions skipped (a folder of articles often holds a README or a .DS_Store), and files
the run writes (its output) never read."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Collection
from pathlib import Path

from detente.errors import InputError

log = logging.getLogger(__name__)


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular one is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def walk(
    root: Path, suffixes: Collection[str], exclude: Collection[Path] = (), *, warn: bool = True
) -> list[Path | InputError]:
    """Article files under `root` (sorted by relative path), and an InputError for each special
    file with an article's extension. `exclude` holds resolved paths never to read; `warn`
    False keeps a second walk (counting) from repeating the warnings."""
    found: list[tuple[str, Path | InputError]] = []
    seen: dict[tuple[int, int], Path] = {}  # (device, inode) of each folder entered: where first
    _visit(root, root, suffixes, set(exclude), seen, found, warn)
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def _visit(
    root: Path,
    folder: Path,
    suffixes: Collection[str],
    exclude: set[Path],
    seen: dict[tuple[int, int], Path],
    found: list[tuple[str, Path | InputError]],
    warn: bool,
) -> None:
    try:
        info = folder.stat()
    except OSError as exc:
        found.append((_key(folder, root), InputError(f"{folder}: cannot be read ({exc.strerror or exc}); check it")))
        return
    first = seen.get((info.st_dev, info.st_ino))
    if first is not None:
        # A link back to a folder read already: a loop (or a second way in); read once.
        if warn:
            log.warning("%s: a link to %s, read already (a loop, or a second link); not read twice", folder, first)
        return
    seen[(info.st_dev, info.st_ino)] = folder
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        found.append(
            (
                _key(folder, root),
                InputError(f"{folder}: cannot be listed ({exc.strerror or exc}); check its permissions"),
            )
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            mode = entry.stat().st_mode  # follows links; never opens the file
        except OSError as exc:
            if Path(entry.name).suffix.lower() in suffixes:
                found.append(
                    (_key(path, root), InputError(f"{path}: cannot be read ({exc.strerror or exc}); a broken link?"))
                )
            continue
        if stat.S_ISDIR(mode):
            _visit(root, path, suffixes, exclude, seen, found, warn)
            continue
        if path.suffix.lower() not in suffixes:
            continue
        kind = special_kind(mode)
        if kind is not None:
            found.append((_key(path, root), InputError(f"{path}: {kind}, not a file; skipped (never opened)")))
        elif path.resolve() in exclude:
            if warn:
                log.warning("%s: this run's output; not read as input", path)
        else:
            found.append((_key(path, root), path))


def _key(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()
