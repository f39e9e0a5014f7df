"""IRIs are minted by one module (graph/iris.py), and any name gives a valid IRI of its own."""

from __future__ import annotations

from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import NamedNode

import policykg.graph.iris as iris
from conftest import ROOT

PACKAGE = ["policykg", "graph", "queries", "viz", "ontology", "corpus"]


def test_no_other_module_writes_the_base_of_resources():
    """A module that wrote the base itself would mint IRIs its own way."""
    sources = [p for folder in PACKAGE for p in sorted((ROOT / folder).rglob("*.py"))]
    writers = [str(p.relative_to(ROOT)) for p in sources if iris.ID in p.read_text(encoding="utf-8")]
    assert writers == ["graph/iris.py"]


@given(st.text(min_size=1))
def test_any_name_gives_a_valid_iri_that_gives_the_name_back(name):
    document = iris.document(name)
    assert NamedNode(document).value == document  # pyoxigraph refuses an invalid IRI
    assert unquote(document.removeprefix(f"{iris.ID}doc/")) == name  # so two names never share an IRI


def test_an_alignment_lies_under_the_lower_measure_and_names_the_upper_one():
    lower, upper = iris.item(iris.document("区方案"), "1"), iris.item(iris.annex(iris.document("市方案"), 2), "3")
    alignment = iris.alignment(lower, upper)
    assert alignment.startswith(f"{lower}/carries/") and "/" not in alignment.removeprefix(f"{lower}/carries/")
    assert alignment != iris.alignment(lower, iris.item(iris.document("市方案"), "3"))


def test_an_annex_s_own_items_lie_under_the_annex(tmp_path):
    """Numbered text in an annex (附件/1) and a task only an annex's table states share the annex's
    node as their base; the body's items lie under the document."""
    from policykg.graph.extract import extract_document
    from policykg.graph.rdf import item_iris

    path = tmp_path / "plan.txt"
    path.write_text("一、任务\n（一）建设。\n\n附件\n\n任务清单\n\n1.建设数据中心。\n2.培育企业。\n", encoding="utf-8")
    doc = iris.document("plan")
    assert {p: n.value for p, n in item_iris(extract_document(path)).items()} == {
        "一": f"{doc}/item/1",
        "一/（一）": f"{doc}/item/1-p1",
        "附件/1": f"{doc}/annex/1/item/1",
        "附件/2": f"{doc}/annex/1/item/2",
    }
