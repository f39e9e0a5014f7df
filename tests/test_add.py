"""Documents added to an existing build (``policykg build --add``) give the full build of the same
corpus: the same bytes in the graph's parts (kg/), kg.ttl and kg.jsonld, the same store (asserted and
inferred), the same outlines, problems and counts; and a failed add leaves the previous build as it
was."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, DefaultGraph, RdfFormat, Store, serialize
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import CORPUS
from policykg.errors import PolicyKGError
from policykg.graph import incremental, parts
from policykg.graph.build import build
from policykg.graph.checks import check_unit as incremental_check_unit
from policykg.graph.incremental import add
from policykg.graph.manifest import ChunkRecord, DocumentLines, Manifest, read_records
from policykg.graph.parts import FOLDER, graph_parts
from policykg.graph.store import FORMATS

# The lower documents of the two bundled chains, and a document of their own: adding them resolves
# citations to corpus documents, mirrors and alignments anew.
LOWER = ["jiading-sponge-city-2024.txt", "zhumadian-business-environment-regulation-2021.txt"]
CHANGED = "zhumadian-2023-industrial-economy.txt"
PKG = "https://w3id.org/policykg/ontology#"


def corpus_without(folder: Path, left_out: list[str]) -> Path:
    folder.mkdir()
    for path in sorted(CORPUS.glob("*.txt")):
        if path.name not in left_out:
            (folder / path.name).symlink_to(path)
    return folder


def stored(folder: Path) -> tuple[list[str], Graph]:
    """The store's quads (default and inferred graphs) as sorted N-Quads lines, but those with a blank
    node (the ontology's class expressions, named anew by every load): as a graph, compared up to
    the names of its blank nodes."""
    quads = list(Store.read_only(str(folder / "store")))
    blank = [q for q in quads if isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode)]
    assert all(q.graph_name == DefaultGraph() for q in blank)
    graph = Graph().parse(data=serialize((q.triple for q in blank), format=RdfFormat.N_TRIPLES), format="nt")
    with_blank = set(blank)
    return sorted(f"{q} ." for q in quads if q not in with_blank), graph


def assert_same_store(a: Path, b: Path) -> None:
    (plain_a, blank_a), (plain_b, blank_b) = stored(a), stored(b)
    assert plain_a == plain_b
    assert isomorphic(blank_a, blank_b)


def files(folder: Path, under: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / under).iterdir()) if p.is_file()}


def assert_same_build(added: Path, full: Path) -> None:
    assert {p.name for p in added.iterdir()} == {p.name for p in full.iterdir()}
    assert files(added, FOLDER) == files(full, FOLDER)
    for path in sorted(full.glob("kg.*")):
        assert (added / path.name).read_bytes() == path.read_bytes(), path.name
    assert_same_store(added, full)
    assert files(added, "outlines") == files(full, "outlines")
    a, f = Manifest.read(added), Manifest.read(full)
    assert (a.documents, a.flow) == (f.documents, f.flow)


def assert_same_summary(added, full) -> None:
    assert added.problems == full.problems
    assert (added.counts.documents, added.counts.items, added.counts.roles) == (
        full.counts.documents,
        full.counts.items,
        full.counts.roles,
    )
    assert (added.counts.agencies, added.counts.targets, added.counts.citations) == (
        full.counts.agencies,
        full.counts.targets,
        full.counts.citations,
    )
    assert (added.triples, added.alignments, added.consistent, added.inferred) == (
        full.triples,
        full.alignments,
        full.consistent,
        full.inferred,
    )


def test_adding_documents_gives_the_full_build(bundled, tmp_path):
    full, full_summary = bundled
    out = tmp_path / "build"
    build(corpus_without(tmp_path / "corpus", [*LOWER, CHANGED]), out, formats=tuple(FORMATS))
    before = stored(out)[0]
    summary = add([CORPUS / name for name in [*LOWER, CHANGED]], out)
    assert summary.added == sorted([*LOWER, CHANGED])
    assert summary.alignments > 0  # the chains' lower documents are aligned with their upper ones
    assert stored(out)[0] != before
    assert_same_build(out, full)
    assert_same_summary(summary, full_summary)


def test_a_changed_document_replaces_its_earlier_version(bundled, tmp_path, monkeypatch):
    """An earlier version of a document (its first half) is replaced as a unit: nothing of it stays,
    and the checks of the chunk it was checked in are made again without it."""
    full, full_summary = bundled
    folder = corpus_without(tmp_path / "corpus", [CHANGED])
    lines = (CORPUS / CHANGED).read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / CHANGED).write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    out = tmp_path / "build"
    earlier = build(folder, out, formats=tuple(FORMATS))
    assert earlier.triples != full_summary.triples
    chunk = ChunkRecord.read(out, read_records(out)[CHANGED].chunk)
    rechecked: list[set[str]] = []

    def check_unit(schema, triples, *args):  # what the add checks in the main process
        rechecked.append(set(re.findall(rf'<{PKG}sourceFile> "([^"]+)"', triples.decode())))
        return incremental_check_unit(schema, triples, *args)

    monkeypatch.setattr(incremental, "check_unit", check_unit)
    summary = add([CORPUS / CHANGED], out)
    assert summary.added == [CHANGED]
    # the other documents of the replaced document's chunk are checked again, and no others
    assert rechecked == [set(chunk.documents) - {CHANGED}] and len(chunk.documents) > 1
    assert_same_build(out, full)
    assert_same_summary(summary, full_summary)


def test_a_document_in_a_subfolder_of_the_corpus_takes_its_place_in_corpus_order(tmp_path):
    """Documents are built in the order of their paths under the corpus folder; one added from a
    subfolder comes where a full build puts it."""
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    names = sorted(p.name for p in CORPUS.glob("*.txt"))[:4]
    (corpus / names[0]).symlink_to(CORPUS / names[0])
    (corpus / "a" / names[1]).symlink_to(CORPUS / names[1])
    (corpus / names[3]).symlink_to(CORPUS / names[3])
    out, full = tmp_path / "build", tmp_path / "full"
    build(corpus, out, reasoner=False, shacl=False, formats=())
    (corpus / "a" / names[2]).symlink_to(CORPUS / names[2])
    add([corpus / "a" / names[2]], out)
    build(corpus, full, reasoner=False, shacl=False, formats=())
    assert list(Manifest.read(out).documents) == [names[1], names[2], names[0], names[3]]
    assert_same_build(out, full)


def test_the_documents_before_the_first_one_added_are_copied_unread(tmp_path, monkeypatch):
    """Their bytes in kg/ are as they were: their records' lines (documents/, shared lines and
    inferences: most of a record) are not read, those of the documents after it are."""
    names = sorted(p.name for p in CORPUS.glob("*.txt"))
    out, full = tmp_path / "build", tmp_path / "full"
    build(corpus_without(tmp_path / "corpus", [names[-1], names[-3]]), out, reasoner=False, shacl=False, formats=())
    read_lines = DocumentLines.read
    read: list[str] = []
    monkeypatch.setattr(DocumentLines, "read", lambda path: read.append(path.name) or read_lines(path))
    add([CORPUS / names[-1]], out)
    assert read == []
    add([CORPUS / names[-3]], out)
    assert read == [f"{Path(name).stem}.json" for name in names[-2:]]  # it may now write their shared lines first
    build(corpus_without(tmp_path / "all", []), full, reasoner=False, shacl=False, formats=())
    assert_same_build(out, full)


def test_an_add_links_the_parts_it_leaves_as_they_were(tmp_path, monkeypatch):
    """With parts of a document or two, a document inserted in the middle of the corpus, then two
    replaced: the parts before it are the old build's files (hard links), and the whole is the full
    build's, part for part."""
    monkeypatch.setattr(parts, "PART", 2)
    names = sorted(p.name for p in CORPUS.glob("*.txt"))
    inserted, changed = "zhumadian-2021-industrial-quality-plan.txt", names[1]
    folder = corpus_without(tmp_path / "corpus", [inserted, changed])
    lines = (CORPUS / changed).read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / changed).write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    (folder / changed).symlink_to(tmp_path / changed)
    out, full = tmp_path / "build", tmp_path / "full"
    build(folder, out, reasoner=False, shacl=False, formats=())
    for document in (CORPUS / inserted, CORPUS / changed):
        old = {part.stat().st_ino: part.name for part in graph_parts(out)}
        add([document], out, quiet=True)
        new = [part.name for part in graph_parts(out)]
        linked = [old.get(part.stat().st_ino) for part in graph_parts(out)]
        assert len(new) > 6 and 0 < linked.count(None) < len(new) / 2
        first = new.index(Manifest.read(out).documents[document.name].part)
        assert linked[:first] == sorted(old.values())[:first]  # those before it, as they were
    build(corpus_without(tmp_path / "all", []), full, reasoner=False, shacl=False, formats=())
    assert_same_build(out, full)
    shortened = corpus_without(tmp_path / "shortened", [names[-3]])  # what only its second half named goes
    lines = (CORPUS / names[-3]).read_text(encoding="utf-8").splitlines(keepends=True)
    (shortened / names[-3]).write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    add([shortened / names[-3]], out, quiet=True)
    build(shortened, full, reasoner=False, shacl=False, formats=())
    assert_same_build(out, full)


def test_a_failed_add_leaves_the_previous_build_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "build"
    build(corpus_without(tmp_path / "corpus", LOWER), out, reasoner=False)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file() and "store" not in p.parts}
    quads = stored(out)[0]

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(incremental.Findings, "close", broken)  # fails late, in the checks
    with pytest.raises(RuntimeError, match="disk full"):
        add([CORPUS / LOWER[0]], out)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file() and "store" not in p.parts}
    assert after == before
    assert stored(out)[0] == quads
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["build", "corpus", out.resolve().name])


def test_what_cannot_be_added_is_named(tmp_path):
    with pytest.raises(PolicyKGError, match="build.json"):
        add([CORPUS / LOWER[0]], tmp_path)
    out = tmp_path / "build"
    build(corpus_without(tmp_path / "corpus", LOWER), out, reasoner=False, shacl=False)
    (tmp_path / "notes.md").write_text("一、总体要求", encoding="utf-8")
    with pytest.raises(PolicyKGError, match="notes.md: not a .txt document"):
        add([tmp_path / "notes.md"], out)
    with pytest.raises(PolicyKGError, match="missing.txt: no such document"):
        add([tmp_path / "missing.txt"], out)


def test_the_command_line_adds_with_the_build_options(tmp_path):
    out = tmp_path / "build"
    build(corpus_without(tmp_path / "corpus", LOWER), out, reasoner=False, shacl=False, formats=())
    command = [sys.executable, "-m", "policykg", "build", "--out", str(out), "--quiet", "--add"]
    run = subprocess.run([*command, str(CORPUS / LOWER[0])], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"added or replaced 1: {LOWER[0]}" in run.stdout
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("kg")) == ["kg"]
    refused = subprocess.run([*command, str(CORPUS / LOWER[0]), "--corpus", "x"], capture_output=True, text=True)
    assert refused.returncode == 2 and "--corpus" in refused.stderr


@pytest.mark.slow
def test_killing_an_add_at_any_moment_leaves_the_previous_build_usable(tmp_path):
    """SIGKILL ``build --add`` (and its workers) at several moments: the build at --out is, byte for
    byte, either the previous one or the finished add's (a kill after the publishing rename), its
    store answers, and the next add clears what the killed ones left."""
    out = tmp_path / "build"
    build(corpus_without(tmp_path / "corpus", LOWER), out, reasoner=False)
    command = [sys.executable, "-m", "policykg", "build", "--out", str(out), "--add", *(str(CORPUS / n) for n in LOWER)]

    def contents() -> dict:
        files = (p for p in out.rglob("*") if p.is_file() and "store" not in p.parts and p.name != ".policykg")
        return {p.relative_to(out): p.read_bytes() for p in files}

    before, quads = contents(), stored(out)[0]
    killed, published = 0, []
    for delay in (0.5, 1.5, 3.0, 5.0):
        run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        time.sleep(delay)
        killed += run.poll() is None
        with contextlib.suppress(ProcessLookupError):  # the add (and its workers) may be done
            os.killpg(run.pid, signal.SIGKILL)
        run.wait()
        if contents() != before:  # it published before the kill (or finished): the new build, whole
            before, quads = contents(), stored(out)[0]
            published.append((delay, before, quads))
        assert stored(out)[0] == quads, f"killed after {delay}s"
    assert killed
    subprocess.run(command, check=True, capture_output=True)
    for delay, state, state_quads in published:  # what a killed add left is the finished add's build
        assert (state, state_quads) == (contents(), stored(out)[0]), f"killed after {delay}s"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["build", "corpus", out.resolve().name])
