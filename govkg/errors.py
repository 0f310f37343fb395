"""One exception hierarchy: every error a user can meet names the input and says what to do.

The CLI maps these to exit codes; anything else is a bug and gets a traceback.
"""

from __future__ import annotations


class GovkgError(Exception):
    """Base class; ``exit_code`` is what the CLI returns for it."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text}\n  → {self.hint}" if self.hint else text


class InputError(GovkgError):
    """An input file or argument cannot be read or understood."""

    exit_code = 3


class StoreError(GovkgError):
    """The data directory or store cannot be opened or written."""

    exit_code = 4


class QueryError(GovkgError):
    """A SPARQL query or named-query parameter is wrong."""

    exit_code = 5


class Unanswerable(GovkgError):
    """A question in words (``govkg ask``) matches none of the question forms; the hint lists some that do."""

    exit_code = 6
