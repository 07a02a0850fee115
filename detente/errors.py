"""Errors: one base class, one subclass per stage. Messages say what to do.

Errors are picklable (they cross worker processes) and carry the document id where one applies.
The CLI turns them into one line on stderr and an exit code.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""

    exit_code = 1
    stops_run = False  # the whole run stops (a full disk, a broken database), not only one article

    def __init__(self, message: str, doc_id: str | None = None) -> None:
        super().__init__(message, doc_id)
        self.message = message
        self.doc_id = doc_id

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.message}" if self.doc_id else self.message

    def __reduce__(self) -> tuple[type, tuple[str, str | None]]:
        return (type(self), (self.message, self.doc_id))


class ConfigError(DetenteError):
    exit_code = 2


class InputError(DetenteError):
    """An input file or line that cannot be read as an article."""


class ModelError(DetenteError):
    exit_code = 3


class KnowledgeError(DetenteError):
    """A knowledge file (countries, office holders, patterns) is missing or malformed."""

    exit_code = 2


class StageError(DetenteError):
    """A stage failed on one document; the batch goes on."""


class StoreError(DetenteError):
    exit_code = 4


class StoreFailed(StoreError):
    """The database could not be written at all (a full disk): the run stops."""

    stops_run = True


class EvaluationError(DetenteError):
    exit_code = 2


class OutputError(DetenteError):
    """An output that cannot be written: an unknown format, a folder given for a file."""

    exit_code = 2


class OutputFailed(OutputError):
    """The output could not be written (a full disk, a read-only folder): the run stops."""

    stops_run = True
