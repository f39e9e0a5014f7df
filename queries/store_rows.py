"""What the analyses read of the store: the rows of the queries of ``queries/analyses/``, and the
short name by which every analysis names a document."""

from __future__ import annotations

from pyoxigraph import Store

from policykg.queries.catalogue import load, run


def rows(store: Store, name: str) -> list[dict[str, str]]:
    """The rows of one query of ``queries/analyses/`` (``name`` without ``.rq``)."""
    return run(store, load("analyses")[name])


def stem(source_file: str) -> str:
    """The document's short name: its corpus file without ``.txt``.

    >>> stem("zhumadian-2021-industrial-quality-plan.txt")
    'zhumadian-2021-industrial-quality-plan'
    """
    return source_file[:-4] if source_file.endswith(".txt") else source_file


def annex_row_node(row: dict[str, str]) -> str:
    """Where a responsibility of an annex row that matches no item of the body is filed: the
    document, the row's offset."""
    return f"{row['document']}/annex-row/{row['start']}"
