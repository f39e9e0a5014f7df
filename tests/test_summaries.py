"""The summaries the build computes (graph/summaries.py across documents, graph/rdf.py per document)
and the catalogue questions that read them.

Each rewritten question is compared with the question it replaced, kept in tests/reference_queries/:
the same question asked of the raw graph, counted and sorted at query time (ORDER BY, GROUP BY,
FILTER(CONTAINS) over every text). Both must give the same rows in the same order, on the five
documents the golden files describe and on generated documents, so that the positions, the counts and
the order Oxigraph's index gives are all checked against what they stand for.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store, parse

from conftest import ROOT, graph_bytes
from policykg.queries import catalogue

sys.path.insert(0, str(ROOT))
from bench.generate import generate  # noqa: E402
from bench.params import pick  # noqa: E402
from policykg.graph.build import build  # noqa: E402
from policykg.graph.manifest import Manifest  # noqa: E402
from policykg.graph.parts import graph_parts  # noqa: E402
from policykg.graph.sorted_lines import SortedLines  # noqa: E402
from policykg.graph.store import as_ntriples  # noqa: E402
from policykg.graph.summaries import summary_triples  # noqa: E402

REFERENCE = Path(__file__).parent / "reference_queries"
REWRITTEN = sorted(p.stem for p in REFERENCE.glob("*.rq"))
NAMES_MINTED_TWICE = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name WHERE {
  ?a skos:prefLabel ?name . ?b skos:prefLabel ?name . FILTER(?a != ?b && lang(?name) = "zh")
}
"""


def reference(name: str) -> catalogue.Query:
    return catalogue.parse_query(name, (REFERENCE / f"{name}.rq").read_text(encoding="utf-8"))


# Questions that list a measure's agencies in the index's order, not by role and rank (ordering them
# would sort the whole answer): the columns that name a measure's rows.
MEASURE_ROWS = {
    "measures_with_several_leads": ("source_file", "measure_path"),
    "provincial_lineage": ("relation", "source_file", "measure_path"),
}


def assert_same_answer(store: Store, name: str, values: dict[str, str] | None) -> list[dict[str, str]]:
    """The rewritten question's rows, once compared with those of the question it replaced."""
    rewritten = catalogue.run(store, catalogue.load()[name], values)
    expected = catalogue.run(store, reference(name), values)
    if name in MEASURE_ROWS:
        # the same measures in the same order, each with the same rows
        def measures(rows):
            return [tuple(r[c] for c in MEASURE_ROWS[name]) for r in rows]

        assert list(dict.fromkeys(measures(rewritten))) == list(dict.fromkeys(measures(expected)))
        key = lambda r: tuple(r.values())  # noqa: E731
        assert sorted(rewritten, key=key) == sorted(expected, key=key)
        return rewritten
    if name == "agency_pairs_sharing_measures":
        # a row per pair of agencies: two agencies of one name (a name the resolver mints twice) are
        # no longer counted as one
        twice = {row["name"].value for row in store.query(NAMES_MINTED_TWICE)}
        rewritten = [r for r in rewritten if not {r["agency_a"], r["agency_b"]} & twice]
        expected = [r for r in expected if not {r["agency_a"], r["agency_b"]} & twice]
    assert rewritten == expected
    return rewritten


@pytest.fixture(scope="module")
def five_store(built) -> Store:
    return Store.read_only(str(built[0] / "store"))


# the gazetteer knows every agency of the five: compared on generated documents only
NOTHING_ON_THE_FIVE = {"agencies_unresolved"}


@pytest.mark.parametrize("name", REWRITTEN)
def test_a_rewritten_question_answers_as_before_on_the_five(five_store, name):
    query = catalogue.load()[name]
    rows = assert_same_answer(five_store, name, query.example)
    assert rows or name in NOTHING_ON_THE_FIVE, f"{name}: nothing to compare"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Store:
    """40 generated documents built without the checks."""
    folder = tmp_path_factory.mktemp("summaries")
    generate(40, folder / "corpus")
    build(folder / "corpus", folder / "build", reasoner=False, shacl=False, formats=(), quiet=True)
    return Store.read_only(str(folder / "build" / "store"))


@pytest.mark.slow
@pytest.mark.parametrize("name", REWRITTEN)
def test_a_rewritten_question_answers_as_before_on_generated_documents(generated, name):
    rows = assert_same_answer(generated, name, pick(generated).get(name))
    # generated documents have no annex row that misses the body
    assert rows or name == "responsibilities_without_measure", f"{name}: nothing to compare"


def test_a_rare_phrase_is_found_wherever_it_is(five_store):
    """The text search reads items in corpus order until its page is full: a phrase of one item only,
    in the last document, is still found, and a phrase of none gives nothing."""
    last = max(five_store.query("PREFIX pkg: <https://w3id.org/policykg/ontology#> "
                                "SELECT ?f WHERE { ?d pkg:sourceFile ?f }"), key=lambda r: r["f"].value)  # fmt: skip
    text = next(
        iter(
            five_store.query(
                "PREFIX pkg: <https://w3id.org/policykg/ontology#> SELECT ?t WHERE { ?d pkg:sourceFile ?f . "
                f'?m pkg:inDocument ?d ; pkg:text ?t ; pkg:order 1 FILTER(?f = "{last["f"].value}") }}'
            )
        )
    )["t"].value
    phrase = text[:12]
    query = catalogue.load()["measure_text_search"]
    rows = catalogue.run(five_store, query, {"q": phrase}, page=1)
    assert rows and all(phrase in r["snippet"] for r in rows)
    assert rows == catalogue.run(five_store, reference("measure_text_search"), {"q": phrase})
    assert catalogue.run(five_store, query, {"q": "没有这样的词组〇〇"}, page=1) == []


def test_a_shorter_version_of_a_document_takes_its_counts_away(five, tmp_path):
    """Replacing a document by its first half with ``build --add`` removes what only its second half
    counted (pairs of agencies and functional types left with nothing are dropped) and gives the
    summaries of a full build of the corpus with the shorter version."""
    from policykg.graph.incremental import add

    name = sorted(five.iterdir())[0].name
    shorter = tmp_path / "shorter"
    shorter.mkdir()
    lines = (five / name).read_text(encoding="utf-8").splitlines(keepends=True)
    (shorter / name).write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    expected = tmp_path / "corpus"
    expected.mkdir()
    for path in five.iterdir():
        (expected / path.name).symlink_to(shorter / name if path.name == name else path.resolve())
    build(five, tmp_path / "added", reasoner=False, shacl=False, formats=(), quiet=True)
    before = graph_bytes(tmp_path / "added")
    add([shorter / name], tmp_path / "added", quiet=True)
    build(expected, tmp_path / "full", reasoner=False, shacl=False, formats=(), quiet=True)
    after = graph_bytes(tmp_path / "added")
    pairs = [line for line in before.splitlines() if b"#AgencyPair>" in line]
    assert len(pairs) > len([line for line in after.splitlines() if b"#AgencyPair>" in line])
    assert after == graph_bytes(tmp_path / "full")


def test_the_rows_read_where_documents_are_processed_are_those_of_the_whole_graph(built):
    """The build reads its documents' own rows on each chunk's store (OwnRows; the five are two
    chunks): the summaries it wrote are those computed from its whole store alone."""
    folder = built[0]
    parts = graph_parts(folder)
    summaries = parts[[part.name for part in parts].index(Manifest.read(folder).flow.part) + 1 :]
    written = b"".join(sorted(line for part in summaries for line in part.read_bytes().splitlines(keepends=True)))
    store = Store.read_only(str(folder / "store"))
    from_store = b"".join(sorted(set(as_ntriples(summary_triples(store)).splitlines(keepends=True))))
    assert written.count(b"#assignmentPosition>") > 100
    assert written == from_store


def test_lines_sorted_on_disk_come_back_once_each_in_byte_order(tmp_path):
    """Runs of three lines: duplicates within a run and across runs, and lines of every run
    interleaved in the order."""
    lines = [f'<urn:x{n % 7}> <urn:p> "{n % 5}" .\n'.encode() for n in range(20)]
    sorted_lines = SortedLines(tmp_path, run=3)
    for start in range(0, len(lines), 3):
        sorted_lines.add_lines(lines[start : start + 3])
    assert len(sorted_lines.runs) == 7
    assert list(sorted_lines) == sorted(set(lines))
    triples = SortedLines(tmp_path / "triples", run=3)
    (tmp_path / "triples").mkdir()
    triples.add(quad.triple for quad in parse(b"".join(lines), format=RdfFormat.N_TRIPLES))
    assert list(triples) == sorted(set(lines))
