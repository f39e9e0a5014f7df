"""The IRIs of the graph's resources: the one module that mints them, one function per kind.

IRIs are readable and stable, built from normalised keys only: a document from its file's stem,
an item from its path's code (二/（三）/1 -> ``item/2-p3-1``) under its document or annex, a
responsibility from its measure, source, role and agency, an agency from its place and function,
a place from its division code. Chinese is kept; characters an IRI forbids are percent-encoded.

Import it as ``import policykg.graph.iris as iris``: with ``from policykg.graph import iris``, mypy's
incremental cache (1.19) loses the submodule once an importer changes and the check crashes.
"""

from __future__ import annotations

import re

ID = "https://w3id.org/policykg/id/"
_DOC = f"{ID}doc/"
_IRI_UNSAFE = re.compile(r"[^\w\-.~()（）〔〕]")


def iri_part(text: str) -> str:
    """A readable IRI segment: Chinese kept, characters IRIs forbid percent-encoded.

    >>> iri_part("驻马店市 工信局/2021")
    '驻马店市%20工信局%2F2021'
    """
    return _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)


def _last_segment(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def document(stem: str) -> str:
    """A document of the corpus, by its file's stem.

    >>> document("驻马店 2021")
    'https://w3id.org/policykg/id/doc/驻马店%202021'
    """
    return f"{_DOC}{iri_part(stem)}"


def document_part(iri: str) -> str | None:
    """The document IRI that ``iri`` is or lies under (its nodes are minted below it, and a
    document's own segment holds no "/"), whether or not the document is in the corpus.

    >>> document_part(document("plan") + "/item/2-p3"), document_part(ID + "agency/x")
    ('https://w3id.org/policykg/id/doc/plan', None)
    """
    if not iri.startswith(_DOC):
        return None
    end = iri.find("/", len(_DOC))
    return iri if end < 0 else iri[:end]


def cited_document(name: str) -> str:
    """A document a text cites, by its number (else its title's key): the stub of what the citation says."""
    return f"{_DOC}cited/{iri_part(name)}"


def annex(document_iri: str, number: int) -> str:
    return f"{document_iri}/annex/{number}"


def item(parent: str, code: str) -> str:
    """An outline item under its document, or a task only an annex states under its annex.

    >>> item(annex(document("plan"), 1), "3")
    'https://w3id.org/policykg/id/doc/plan/annex/1/item/3'
    """
    return f"{parent}/item/{code}"


def responsibility(base: str, source: str, role: str, agency_iri: str) -> str:
    """An agency's responsibility for a measure (or, with no measure, in a document: ``base``).

    >>> responsibility(item(document("plan"), "2-p3"), "body", "lead", agency("zhumadian", "industry-it"))
    'https://w3id.org/policykg/id/doc/plan/item/2-p3/r/body-lead-zhumadian-industry-it'
    """
    return f"{base}/r/{source}-{role}-{_last_segment(agency_iri)}"


def target(base: str, number: int) -> str:
    """The ``number``-th target stated in an item, an annex or a document (``base``)."""
    return f"{base}/target/{number}"


def evidence(subject: str) -> tuple[str, str, str]:
    """The Web Annotation of a statement: the annotation, its position selector, its quote selector."""
    return f"{subject}/evidence", f"{subject}/evidence/position", f"{subject}/evidence/quote"


def cluster(zone_iri: str, industry_iri: str) -> str:
    """An industry cluster of a zone.

    >>> cluster(place("zhumadian-east"), f"{ID}industry/C38")
    'https://w3id.org/policykg/id/cluster/zhumadian-east-C38'
    """
    return f"{ID}cluster/{_last_segment(zone_iri)}-{_last_segment(industry_iri)}"


def agency_pair(first: str, second: str) -> str:
    """Two agencies assigned to the same measures (graph/summaries.py), the first by IRI first.

    >>> agency_pair(f"{ID}agency/a-b", f"{ID}agency/c")
    'https://w3id.org/policykg/id/agency-pair/a-b/c'
    """
    return f"{ID}agency-pair/{_last_segment(first)}/{_last_segment(second)}"


def agency_load(document_iri: str, agency_iri: str = "") -> str:
    """What one document assigns to one agency, counted (graph/summaries.py): a node of no document,
    as computed across documents (``agency_iri`` empty: the prefix of the document's loads).

    >>> agency_load(document("county"), f"{ID}agency/county-finance")
    'https://w3id.org/policykg/id/agency-load/county/agency%2Fcounty-finance'
    """
    return f"{ID}agency-load/{_last_segment(document_iri)}/{iri_part(agency_iri.removeprefix(ID))}"


def targets_due(document_iri: str, year: int | None) -> str:
    """A document's targets due in one year, counted (graph/rdf.py): ``…/due/2025``, ``…/due/none``."""
    return f"{document_iri}/due/{year or 'none'}"


def type_in_place(place_iri: str, type_iri: str) -> str:
    """The agencies of one functional type in one place, counted (graph/summaries.py)."""
    return f"{ID}type-in-place/{_last_segment(place_iri)}/{_last_segment(type_iri)}"


def place(code: str) -> str:
    """A place the vocabulary lacks: an administrative division by its code (``place/310106``)."""
    return f"{ID}place/{iri_part(code)}"


def agency(place_slug: str, function: str) -> str:
    """An agency the gazetteer mints: its place and its function, the slug of its type
    (``agency/310106-development-reform``) or, when the function is unknown, its name as written."""
    return f"{ID}agency/{place_slug}-{iri_part(function)}"


def alignment(lower_item: str, upper_item: str) -> str:
    """That a lower measure carries out an upper one, under the lower (``…/carries/<upper doc>~item~…``).

    >>> alignment(item(document("county"), "1"), item(document("city"), "2-p3"))
    'https://w3id.org/policykg/id/doc/county/item/1/carries/city~item~2-p3'
    """
    return _beneath(lower_item, "carries", upper_item)


def target_comparison(lower_target: str, upper_target: str) -> str:
    """That a lower target restates an upper one, under the lower (``…/against/<upper doc>~item~…``).

    >>> target_comparison(target(item(document("county"), "1"), 1), target(item(document("city"), "2"), 1))
    'https://w3id.org/policykg/id/doc/county/item/1/target/1/against/city~item~2~target~1'
    """
    return _beneath(lower_target, "against", upper_target)


def _beneath(lower: str, relation: str, upper: str) -> str:
    """A link between levels as a node under its lower end, the upper end's path folded into one segment."""
    return f"{lower}/{relation}/{upper.removeprefix(f'{ID}doc/').replace('/', '~')}"
