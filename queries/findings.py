"""What every analysis reports: a :class:`Finding`, and the order in which the auditor reads them."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One thing the auditor reports.

    ``kind`` says which check found it, ``severity`` is error (the document contradicts itself),
    warning (it probably does) or info (worth knowing); ``documents`` are file stems; ``paths`` are
    item paths (``二/（二）``) or annexes (``附件3``), prefixed by the document stem when the finding
    spans several documents; ``quotes`` are the exact texts the finding rests on.
    """

    kind: str
    severity: str
    message: str
    documents: tuple[str, ...]
    paths: tuple[str, ...]
    agencies: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()

    def sort_key(self) -> tuple:
        """Most severe first, then by kind, documents, paths and message."""
        return (SEVERITIES.index(self.severity), self.kind, self.documents, self.paths, self.message)
