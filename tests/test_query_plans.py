"""The lookup questions start from their parameter and never scan the graph (queries/PLANNING.md).

The bundled corpus is too small for a scan to show in a timing, so this reads Oxigraph's own plan,
with the rows each step produced, on 100 generated documents (`oxigraph query --explain --stats`).
Oxigraph plans from the shape of a query, not from the data, so a plan that reads little here reads
little at any size: at 10,000 documents these questions answer in 1–80 ms, a scan takes seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyoxigraph import Store

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.generate import generate  # noqa: E402
from bench.params import pick  # noqa: E402
from policykg.graph.build import build  # noqa: E402
from policykg.queries import catalogue  # noqa: E402

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
# Questions about one thing: a document, an item, an agency, a zone, a scope.
LOOKUPS = (
    "agencies_of_measure", "agency_load_by_document", "cluster_or_zone_targets",
    "document_outline", "documents_citing", "functional_types_across_cities", "industries_by_zone",
    "measures_by_agency_role", "measures_naming_place", "targets_by_scope", "zones_by_industry",
)  # fmt: skip
# Questions that list the whole corpus, by the kind of node they list: read in the order of the
# positions the build computes (graph/summaries.py), they stop once a page is full.
LISTINGS = {
    "agency_pairs_sharing_measures": "pairPosition", "documents_overview": "documentPosition",
    "measure_text_search": "itemPosition", "measures_with_several_leads": "itemPosition",
    "measures_without_agency": "itemPosition", "targets_by_indicator": "targetPosition",
    "targets_due_in_year": "targetPosition", "targets_by_year": "duePosition",
    "target_scopes": "scopePosition", "clusters": "clusterTargetPosition",
    "agencies_unresolved": "unresolvedPosition", "companies_named_by_measures": "companyMentionPosition",
}  # fmt: skip
# Lookups whose answer grows with the corpus, by the listing they read: the positions the build lists
# under their parameter (an agency's loads and assignments, a cited document's citing documents, and
# their items, the mentions of a place and the targets of a scope under their name), in order, so that
# they too stop once a page is full.
LISTED_UNDER = {
    "agency_load_by_document": "hasLoadPosition", "documents_citing": "citingPosition",
    "measures_by_agency_role": "hasAssignmentPosition", "provincial_lineage": "hasItemPosition",
    "measures_naming_place": "hasPlaceMentionPosition", "targets_by_scope": "hasScopeTargetPosition",
}  # fmt: skip
# Questions that test a count the build computes per document, then read the few documents it names.
PER_DOCUMENT = ("responsibilities_without_measure",)


@dataclass(frozen=True)
class Generated:
    store: Path
    items: int  # outline items in the graph
    values: dict[str, dict[str, str]]  # parameters picked from it, by question


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Generated:
    """100 generated documents built without SHACL and the reasoner, measured once, and one that
    names a dozen bodies no vocabulary knows: the generated ones name only a few, too few for a page
    of unresolved agencies to stop short of the whole list."""
    folder = tmp_path_factory.mktemp("plans")
    generate(100, folder / "corpus")
    farms = "、".join(
        f"市{tree}林场" for tree in "云杉 白桦 红松 冷杉 落叶松 樟子松 水曲柳 黄菠萝 胡桃楸 紫椴 蒙古栎 山杨".split()
    )
    (folder / "corpus" / "unresolved.txt").write_text(
        f"驻马店市林区管护工作方案\n\n一、重点任务\n\n（一）加强林区巡护。开展日常巡护。（责任单位：{farms}）\n",
        encoding="utf-8",
    )
    build(folder / "corpus", folder / "build", reasoner=False, shacl=False, formats=())
    location = folder / "build" / "store"
    store = Store.read_only(str(location))
    items = len(list(store.query("SELECT ?m WHERE { ?m a <https://w3id.org/policykg/ontology#OutlineItem> }")))
    return Generated(location, items, pick(store))


def widest_step(plan: dict) -> int:
    """The most rows any read of the store (a triple pattern or a path) produced."""
    own = plan.get("number of results", 0) if plan["name"].startswith(("QuadPattern", "Path")) else 0
    return max([own, *(widest_step(child) for child in plan.get("children", ()))])


def rows_read(plan: dict, name: str) -> int:
    """The rows the reads of the store of property ``name`` (its local name) produced."""
    own = (
        plan.get("number of results", 0)
        if plan["name"].startswith("QuadPattern") and f"#{name}>" in plan["name"]
        else 0
    )
    return own + sum(rows_read(child, name) for child in plan.get("children", ()))


def test_the_test_tells_a_scan_from_a_lookup():
    plan = {"name": "Join", "children": [{"name": "QuadPattern(?r pkg:measure ?m)", "number of results": 7}]}
    assert widest_step(plan) == 7
    assert widest_step({"name": "Filter", "children": [{"name": "Path(?a p* ?b)", "number of results": 9}]}) == 9
    listing = {
        "name": "QuadPattern(?a <https://w3id.org/policykg/ontology#hasLoadPosition> ?p)",
        "number of results": 3,
    }
    assert rows_read({"name": "Lateral", "children": [listing, listing]}, "hasLoadPosition") == 6
    assert rows_read(listing, "loadPosition") == 0


def explained(store: Path, text: str, folder: Path) -> dict:
    """Oxigraph's plan for ``text`` on ``store``, with the rows each step produced."""
    (folder / "q.rq").write_text(text)
    command = [str(OXIGRAPH), "query", "--location", str(store), "--query-file", str(folder / "q.rq")]
    command += ["--results-format", "tsv", "--explain-file", str(folder / "plan.json"), "--stats"]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return json.loads((folder / "plan.json").read_text())["plan"]


def widest_read(store: Path, text: str, folder: Path) -> int:
    """The most rows a step of Oxigraph's plan for ``text`` read from ``store``."""
    return widest_step(explained(store, text, folder))


@pytest.mark.slow
@pytest.mark.parametrize("name", LOOKUPS)
def test_a_lookup_question_reads_a_small_part_of_the_graph(generated, tmp_path, name):
    query = catalogue.load()[name]
    values = generated.values[name]
    found = catalogue.run(Store.read_only(str(generated.store)), query, values)
    assert found, f"{name}: the picked parameters find nothing"
    text = catalogue.with_values(query.text, catalogue.bindings(query, values))
    widest = widest_read(generated.store, text, tmp_path)
    # one document holds at most a few percent of the items; a scan reads them all, or more
    assert widest < generated.items / 10, f"{name}: one step reads {widest} rows ({generated.items} items)"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_a_listing_stops_once_its_page_is_full(generated, tmp_path, name):
    """Ten rows of a listing (and the one more that says there is a next page; fewer for a short list)
    read a small part of what it lists: a plan that sorts or counts the whole answer first reads all
    of it, or more."""
    query = catalogue.load()[name]
    values = generated.values.get(name)
    store = Store.read_only(str(generated.store))
    position = f"<https://w3id.org/policykg/ontology#{LISTINGS[name]}>"
    listed = len(list(store.query(f"SELECT ?x WHERE {{ ?x {position} ?p }}")))
    rows = max(2, min(11, listed // 8))
    assert len(catalogue.run(store, query, values, page=1)) > rows, f"{name}: too short an answer to tell"
    del store
    text = catalogue.with_values(query.text, catalogue.bindings(query, values))
    page = explained(generated.store, f"{text}\nLIMIT {rows}", tmp_path)
    widest = widest_step(page)
    if listed >= 44:
        assert widest < listed / 4, f"{name}: one step reads {widest} rows for {rows} ({listed} listed)"
    else:  # a short list (the few companies 100 documents name): fewer positions read than for all rows
        whole = explained(generated.store, text, tmp_path)
        read, all_read = rows_read(page, LISTINGS[name]), rows_read(whole, LISTINGS[name])
        assert read * 2 < all_read, f"{name}: reads {read} positions for {rows} rows, {all_read} for all"
        assert widest < widest_step(whole), f"{name}: one step reads {widest} rows for {rows}, as for all"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LISTED_UNDER))
def test_a_lookup_that_lists_stops_once_its_page_is_full(generated, tmp_path, name):
    """Two rows of the answer read a few of the positions listed under the parameter, where a plan
    that sorts or groups the answer first reads all of them; and no step reads a large part of the
    graph."""
    query = catalogue.load()[name]
    values = generated.values[name]
    rows = len(catalogue.run(Store.read_only(str(generated.store)), query, values))
    assert rows >= 8, f"{name}: too short an answer to tell ({rows} rows)"
    text = catalogue.with_values(query.text, catalogue.bindings(query, values))
    whole = rows_read(explained(generated.store, text, tmp_path), LISTED_UNDER[name])
    page = explained(generated.store, text + "\nLIMIT 2", tmp_path)
    assert rows_read(page, LISTED_UNDER[name]) * 3 < whole, f"{name}: reads as many positions for 2 rows as for {rows}"
    assert widest_step(page) < generated.items / 10, f"{name}: one step reads {widest_step(page)} rows"


@pytest.mark.slow
@pytest.mark.parametrize("name", PER_DOCUMENT)
def test_a_question_over_documents_reads_a_row_per_document(generated, tmp_path, name):
    """A look at each document's count, then the parts of those it names: far fewer rows than the
    items, where a join of every responsibility with every measure reads them all."""
    widest = widest_read(generated.store, catalogue.load()[name].text, tmp_path)
    assert widest < generated.items / 10, f"{name}: one step reads {widest} rows ({generated.items} items)"
