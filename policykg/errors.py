"""Errors and reported problems.

Broken project files raise a :class:`PolicyKGError`; bad data (a paragraph that will not parse, a
truncated annex) is a :class:`Problem` that the run reports and goes on from.
"""

from __future__ import annotations

from dataclasses import dataclass


class PolicyKGError(Exception):
    """Base of every error the project raises on purpose."""


class CorpusError(PolicyKGError):
    """An input document cannot be read at all (empty, binary, undecodable)."""

    def __init__(self, file: str, message: str, line: int | None = None):
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Problem:
    """Something wrong in a document that does not stop the run."""

    file: str
    line: int | None
    severity: str  # "warning" | "error"
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"
