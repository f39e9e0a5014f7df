"""The views at size: 300 generated documents (bench/generate.py) give pages as legible as the bundled
corpus's and as quick to open, because each page draws one part at a time, never the whole graph."""

from __future__ import annotations

import sys
import time

import pytest
from legibility import ARTIFACTS, check_pages, main_pages, misdirected_topic_links, overlap_pages

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


def test_overlaps_of_300_documents_open_legible_topic_by_topic(generated, browser):
    """The generated corpus repeats its sentences: over a thousand topics and tens of thousands of
    measures, on pages of a few hundred measures each; the first lists every topic."""
    corpus, written, _ = generated
    assert sum(name.startswith("overlaps") for name in written) > 10  # far too many topics for one page
    check_pages(browser, written, overlap_pages(written, most=6), "generated-300-overlaps")
    listed, wrong = misdirected_topic_links(browser, written["overlaps"], most=12)
    assert listed == len(corpus.overview.topics)
    assert wrong == []


def test_no_page_holds_a_hairball(generated):
    """Parts are cut to fit the window: however many agencies and tasks, no part shows hundreds."""
    corpus, written, _ = generated
    sizes = []
    for path in written.values():
        text = path.read_text(encoding="utf-8")
        if 'id="mynetwork"' in text:
            sizes.append(int(text.split('data-nodes="', 1)[1].split('"', 1)[0]))
    assert sizes and max(sizes) < 100
