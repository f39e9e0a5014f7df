"""Errors and reported problems.

Broken project files raise a :class:`PolicyKGError`; bad data (a paragraph that will not parse, a
truncated annex) is a :class:`Problem` that the run reports and goes on from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class PolicyKGError(Exception):
    """Base of every error the project raises on purpose."""


class FileError(PolicyKGError):
    """A file that cannot be read, named with the line where it goes wrong when that is known."""

    def __init__(self, file: str, message: str, line: int | None = None):
        super().__init__(file, message, line)  # the arguments again: a worker process can send it back
        self.file, self.line, self.message = file, line, message

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class CorpusError(FileError):
    """An input document cannot be read at all (empty, binary, undecodable)."""


class PackageFileError(FileError):
    """A file shipped in the package (ontology, vocabulary, shapes, query) that does not parse."""


# Where Oxigraph's messages say the error is: "Parser error at line 3 between columns 16 and 20: …"
# (Turtle), "error at 7:1: …" (SPARQL).
_PLACE = re.compile(r"(?:Parser )?error (?:at|between) (?:line )?(\d+)[^:]*(?::\d+)?[^:]*: ")


@contextmanager
def parsing(path: object) -> Iterator[None]:
    """Read and parse a file of the package: a syntax error, Oxigraph's or rdflib's, becomes a
    :class:`PackageFileError` naming the file and line instead of the parser's traceback."""
    try:
        yield
    except UnicodeDecodeError as err:
        line = err.object[: err.start].count(b"\n") + 1
        raise PackageFileError(str(path), f"not UTF-8 ({err.reason})", line) from err
    except SyntaxError as err:
        from rdflib.plugins.parsers.notation3 import BadSyntax  # here only: rdflib is slow to import

        if isinstance(err, BadSyntax):  # its line count misses the lines of long literals; its offset is right
            line = err._str.decode("utf-8")[: err._i].count("\n") + 1
            raise PackageFileError(str(path), err._why, line) from err
        message = err.msg or str(err)
        place = _PLACE.match(message)
        if place:
            raise PackageFileError(str(path), message[place.end() :], int(place.group(1))) from err
        raise PackageFileError(str(path), message, err.lineno) from err


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
