"""Where output goes: a regular file is written through a temporary file in the same folder and
renamed over the target only once everything was written, so a failed run (a full disk, an
interrupt) leaves the old file or nothing, never half a file. A device, a FIFO or standard
output (``-``) is written directly (renaming over a device would replace it), and a write error
there is one line that says the output there is incomplete.

Every OS error becomes an ``OutputFailed`` (an ``OutputError`` that stops the run) saying what
to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from detente.errors import OutputFailed

STDOUT = Path("-")


def is_stdout(path: Path) -> bool:
    return str(path) == "-"


def is_special(path: Path) -> bool:
    """A device, FIFO or socket: written in place, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def failure(path: Path, exc: OSError, *, direct: bool = False) -> OutputFailed:
    """An OS error writing `path` as one line that says what happened to the output and what to do."""
    reason = exc.strerror or str(exc)
    if direct:
        where = "standard output" if is_stdout(path) else str(path)
        return OutputFailed(f"cannot write to {where} ({reason}); the output written there is incomplete")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        advice = "nothing was written; free some space or write elsewhere"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        advice = "nothing was written; choose a folder you can write to"
    elif exc.errno == errno.EISDIR:
        advice = "it is a folder; give a file path"
    else:
        advice = "nothing was written; check the path and its folder"
    return OutputFailed(f"cannot write {path} ({reason}); {advice}")


def _prepare_folder(path: Path) -> None:
    folder = path.parent
    if folder.is_dir():
        return
    if folder.exists():
        raise OutputFailed(f"cannot write {path}: {folder} is not a folder; give a path in a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFailed(
            f"cannot create the folder {folder} ({exc.strerror or exc}); check the path and its permissions"
        ) from None


def new_temporary(path: Path) -> Path:
    """A new, empty file beside `path`, with the target's extension (plots and networks read it).
    Created with 0o666 so the umask gives it the permissions a plainly created file would have."""
    for _ in range(100):
        tmp = path.with_name(f".{path.stem}.{secrets.token_hex(4)}.tmp{path.suffix}")
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise failure(path, exc) from None
        return tmp
    raise OutputFailed(f"cannot create a temporary file beside {path}; clear the .tmp files in its folder")


def check_writable(path: Path) -> None:
    """Fail now, before any work, when a file could not be created beside `path`."""
    path = Path(path)
    if is_special(path):
        return
    if path.is_dir():
        raise OutputFailed(f"{path} is a folder; give a file path")
    _prepare_folder(path)
    remove_quietly(new_temporary(path))


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):  # best effort: the write has already failed, and that is what the user is told
        path.unlink()


@contextmanager
def replacing(path: Path, *, companions: tuple[str, ...] = ()) -> Iterator[Path]:
    """Yield the path to write instead of `path`: a temporary file beside it, renamed over it when
    the block ends without an error and removed when it fails. `companions`: suffixes of files
    written beside it (``FILE.mentions.tsv``), renamed with it. A device or FIFO is yielded as is."""
    path = Path(path)
    if is_special(path):
        try:
            yield path
        except OSError as exc:
            raise failure(path, exc, direct=True) from None
        return
    if path.is_dir():
        raise OutputFailed(f"{path} is a folder; give a file path")
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points to, not the link
    _prepare_folder(path)
    tmp = new_temporary(path)
    extra = [(tmp.with_name(tmp.name + c), path.with_name(path.name + c)) for c in companions]
    try:
        yield tmp
        for written, final in extra:
            os.replace(written, final)
        os.replace(tmp, path)
    except OSError as exc:
        raise failure(path, exc) from None
    finally:
        for written, _ in extra:
            if written.exists():
                remove_quietly(written)
        if tmp.exists():
            remove_quietly(tmp)


class OutputFile:
    """A text output: standard output, a device or FIFO (written directly), or a regular file
    (through a temporary file, renamed by ``commit``; ``discard`` removes it)."""

    def __init__(self, path: Path, stream: TextIO, *, tmp: Path | None, owned: bool) -> None:
        self.path = path
        self.stream = stream
        self._tmp = tmp
        self._owned = owned
        self._done = False

    @classmethod
    def open(cls, path: Path, *, what: str, newline: str | None = None) -> OutputFile:
        """`what`: the format, for the message when `path` is a folder."""
        path = Path(path)
        if is_stdout(path):
            return cls(path, sys.stdout, tmp=None, owned=False)
        if path.is_dir():
            raise OutputFailed(f"{path} is a folder; {what} output is one file, give a file path")
        if is_special(path):
            try:
                return cls(path, path.open("w", encoding="utf-8", newline=newline), tmp=None, owned=True)
            except OSError as exc:
                raise failure(path, exc, direct=True) from None
        if path.is_symlink():
            path = path.resolve()
        _prepare_folder(path)
        tmp = new_temporary(path)
        try:
            stream = tmp.open("w", encoding="utf-8", newline=newline)
        except OSError as exc:
            remove_quietly(tmp)
            raise failure(path, exc) from None
        return cls(path, stream, tmp=tmp, owned=True)

    @property
    def direct(self) -> bool:
        return self._tmp is None

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
        except BrokenPipeError:
            raise  # the reader went away (`| head`): not an error of ours
        except OSError as exc:
            self.discard()
            raise failure(self.path, exc, direct=self.direct) from None

    def commit(self) -> None:
        """Finish: flush and close, and rename the temporary file over the target."""
        if self._done:
            return
        try:
            self.stream.flush()
            if self._tmp is not None:
                os.fsync(self.stream.fileno())
            if self._owned:
                self.stream.close()
            if self._tmp is not None:
                os.replace(self._tmp, self.path)
            self._done = True
        except BrokenPipeError:
            raise
        except OSError as exc:
            self.discard()
            raise failure(self.path, exc, direct=self.direct) from None

    def discard(self) -> None:
        """Give up: close, and remove the temporary file (the target is left as it was)."""
        if self._done:
            return
        self._done = True
        if self._owned:
            with contextlib.suppress(OSError):  # closing flushes; the error that made us discard is the one reported
                self.stream.close()
        if self._tmp is not None:
            remove_quietly(self._tmp)
