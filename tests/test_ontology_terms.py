"""The ontology's terms as code names them: ontology/namespace.py in step with policy.ttl, and no
term used that the ontology does not define."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policykg.graph.rdf import pkg
from policykg.ontology.generate import source, terms

ROOT = Path(__file__).parent.parent


def test_the_namespace_module_is_generated_from_the_ontology():
    assert (ROOT / "ontology" / "namespace.py").read_text(encoding="utf-8") == source(), (
        "ontology/namespace.py is out of step with policy.ttl: run python -m policykg.ontology.generate"
    )


def test_a_term_the_ontology_does_not_define_fails():
    assert pkg("Target").value == "https://w3id.org/policykg/ontology#Target"
    with pytest.raises(AttributeError):
        pkg("Tagret")


def test_every_term_the_code_names_is_defined():
    named = set()
    for path in [*ROOT.glob("graph/*.py"), *ROOT.glob("queries/*.py"), *ROOT.glob("viz/*.py")]:
        named |= set(re.findall(r'\bpkg\("(\w+)"\)|\bPKG\.(\w+)\b', path.read_text(encoding="utf-8")))
    used = {a or b for a, b in named}
    assert used and used <= set(terms()), used - set(terms())


def test_every_term_a_query_or_shape_names_is_defined():
    texts = [p.read_text(encoding="utf-8") for p in [*ROOT.glob("queries/**/*.rq"), *ROOT.glob("viz/**/*.rq")]]
    texts.append((ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8"))
    used = {name for text in texts for name in re.findall(r"\bpkg:(\w+)", text)}
    assert used and used <= set(terms()), used - set(terms())
