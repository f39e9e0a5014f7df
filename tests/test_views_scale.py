"""The views at size: 300 generated documents (bench/generate.py) give pages as legible as the bundled
corpus's and as quick to open, because each page draws one part at a time, never the whole graph."""

from __future__ import annotations

import sys
import time

import pytest
from legibility import ARTIFACTS, check_pages, main_pages

from conftest import ROOT
from policykg.graph.build import build
from policykg.queries.catalogue import store_at
from policykg.viz.data import gather
from policykg.viz.pages import write_views

sys.path.insert(0, str(ROOT))  # bench/ is not part of the installed package

from bench.generate import generate  # noqa: E402

pytestmark = pytest.mark.slow  # 300 documents built (no SHACL, no reasoner: the views read neither) and drawn
DOCUMENTS = 300


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("views300")
    generate(DOCUMENTS, root / "corpus")
    build(root / "corpus", root / "build", reasoner=False, shacl=False)
    corpus = gather(store_at(root / "build"))
    start = time.perf_counter()
    written = write_views(corpus, root / "viz")
    return corpus, written, time.perf_counter() - start


def test_views_of_300_documents_open_legible(generated, browser):
    corpus, written, seconds = generated
    assert len(corpus.documents) == DOCUMENTS
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "views-300-seconds.txt").write_text(f"{len(written)} pages written in {seconds:.1f} s\n")
    pages = [name for name in main_pages(corpus, documents=10, agencies=5) if name != "overlaps"]
    check_pages(browser, written, pages, "generated-300")


@pytest.mark.xfail(
    strict=True,
    reason="the generated corpus repeats its sentences: its overlaps page holds 1,828 parts and opens in about 7 s; "
    "it is to be navigated topic by topic, one page or part per topic (issue notes)",
)
def test_overlaps_of_300_documents_open_legible(generated, browser):
    _, written, _ = generated
    check_pages(browser, written, ["overlaps"], "generated-300-overlaps")


def test_no_page_holds_a_hairball(generated):
    """Parts are cut to fit the window: however many agencies and tasks, no part shows hundreds."""
    corpus, written, _ = generated
    sizes = []
    for path in written.values():
        text = path.read_text(encoding="utf-8")
        if 'id="mynetwork"' in text:
            sizes.append(int(text.split('data-nodes="', 1)[1].split('"', 1)[0]))
    assert sizes and max(sizes) < 100
