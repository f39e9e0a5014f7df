"""The OWL reasoner (HermiT through owlready2) over the ontology plus the built graph.

It checks that the graph is consistent with the ontology and brings back what follows from it:
agencies classified by what they do (pkg:LeadAgency…), measures that have an assignee, inverse
properties (pkg:ledBy…) and property chains (pkg:actsIn, pkg:responsibilityCity).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse

from policykg.errors import PolicyKGError
from policykg.graph.rdf import PKG
from policykg.graph.store import as_ntriples

OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD = "http://www.w3.org/2001/XMLSchema#"
# Not in the OWL 2 datatype map, so HermiT refuses them (ranges of date properties).
_UNSUPPORTED_DATATYPES = {_XSD + name for name in ("date", "gYear", "gYearMonth", "time", "duration")}


@dataclass
class ReasonerReport:
    consistent: bool
    inferred: list[Triple] = field(default_factory=list)
    message: str = ""

    def counts(self) -> dict[str, int]:
        """How many inferred facts of each kind (class or property, local name)."""
        out: dict[str, int] = {}
        for t in self.inferred:
            kind = t.object if t.predicate.value == RDF_TYPE and isinstance(t.object, NamedNode) else t.predicate
            name = kind.value.rsplit("#", 1)[-1]
            out[name] = out.get(name, 0) + 1
        return dict(sorted(out.items()))


def _in_namespace(term: NamedNode | BlankNode | Literal | Triple, namespace: str) -> bool:
    """Whether a term is an IRI of a namespace."""
    return isinstance(term, NamedNode) and term.value.startswith(namespace)


def _interesting(t: Triple) -> bool:
    """Keep inferences in the project's own vocabulary, not the restatement of the ontology."""
    if _in_namespace(t.subject, PKG):
        return False
    if t.predicate.value == RDF_TYPE:
        return _in_namespace(t.object, PKG)
    return t.predicate.value.startswith(PKG)


def _schema_relevant(t: Triple) -> bool:
    """What the reasoner needs: the ontology, and the links between resources; not the text,
    offsets and dates of the data (HermiT does not support datatypes such as xsd:date), nor the
    Web Annotation provenance of each statement (pkg:evidence and its selectors: about 40% of the
    links, used by no inference, and checked by the SHACL shapes), which halves its time."""
    if isinstance(t.object, NamedNode) and t.object.value in _UNSUPPORTED_DATATYPES:
        return False
    if t.predicate.value.startswith(OA) or t.predicate.value == PKG + "evidence":
        return False
    if t.predicate.value == RDF_TYPE and _in_namespace(t.object, OA) and not _in_namespace(t.subject, OA):
        return False
    return not isinstance(t.object, Literal) or _in_namespace(t.subject, PKG)


def reason(triples: list[Triple]) -> ReasonerReport:
    """Run HermiT on the triples; return consistency and the new facts (sorted)."""
    import owlready2

    logging.getLogger("owlready2").setLevel(logging.ERROR)
    data = as_ntriples([t for t in triples if _schema_relevant(t)])
    world = owlready2.World()
    world.get_ontology("https://w3id.org/policykg/build").load(fileobj=io.BytesIO(data), format="ntriples")
    try:
        with world.get_ontology("https://w3id.org/policykg/inferences"):
            owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError as err:
        return ReasonerReport(False, [], str(err).splitlines()[0] if str(err) else "inconsistent")
    except owlready2.OwlReadyJavaError as err:
        raise PolicyKGError(f"the OWL reasoner failed (is Java installed?): {str(err).splitlines()[-1]}") from err
    after = io.BytesIO()
    world.as_rdflib_graph().serialize(after, format="nt", encoding="utf-8")
    asserted = {str(t) for t in triples}
    inferred = {
        t
        for t in (q.triple for q in parse(after.getvalue(), format=RdfFormat.N_TRIPLES))
        if str(t) not in asserted and not isinstance(t.object, Literal) and _interesting(t)
    }
    return ReasonerReport(True, sorted(inferred, key=str))
