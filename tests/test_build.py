"""The build: graph files, store, SHACL, reasoner, determinism and the swap that protects the
previous build."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store

from conftest import CORPUS, DOCUMENTS, graph_bytes
from policykg import publish
from policykg.errors import PolicyKGError
from policykg.graph import build as build_module
from policykg.graph.build import build
from policykg.graph.parts import graph_parts
from policykg.graph.store import FORMATS, INFERRED_GRAPH
from policykg.queries.export import export

PKG = "https://w3id.org/policykg/ontology#"
AG = "https://w3id.org/policykg/id/agency/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def test_build_is_valid_and_consistent(built):
    out, summary = built
    assert summary.problems == []
    assert summary.consistent
    assert summary.counts.documents == 5
    added = {"build.json", "records.jsonl", "documents", "checks"}  # what `build --add` reads
    written = {".policykg", "kg", "kg.ttl", "kg.jsonld", "store", "outlines", *added}
    assert {p.name for p in out.iterdir()} == written


def test_reasoner_classifies_agencies_and_follows_chains(built):
    out, _ = built
    store = Store.read_only(str(out / "store"))

    def inferred(s, p, o) -> bool:
        return any(store.quads_for_pattern(NamedNode(s), p, NamedNode(o), INFERRED_GRAPH))

    # 附件1 of the 2024 plan: 市发改委 leads 做强特色主导产业 (and more).
    assert inferred(AG + "zhumadian-development-reform", RDF_TYPE, PKG + "LeadAgency")
    # Puyang's 市商务局 is in the 责任单位 of 二/（一）/1 but leads nothing.
    assert inferred(AG + "puyang-commerce", RDF_TYPE, PKG + "ResponsibleAgency")
    assert not inferred(AG + "puyang-commerce", RDF_TYPE, PKG + "LeadAgency")
    assert inferred(
        AG + "puyang-commerce",
        NamedNode(PKG + "actsIn"),
        "https://w3id.org/policykg/id/doc/puyang-2023-manufacturing-doubling",
    )
    measure = "https://w3id.org/policykg/id/doc/zhumadian-2021-industrial-quality-plan/item/2-p3"
    assert inferred(measure, NamedNode(PKG + "hasResponsible"), AG + "zhumadian-science-technology")
    assert inferred(measure, RDF_TYPE, PKG + "AssignedItem")


@pytest.mark.slow
def test_rebuilding_in_one_process_gives_identical_bytes_and_inferences(built, five, tmp_path):
    """The session build ran on two processes, the reasoner on two chunks; one process and one
    chunk must give the same files and the same inferences."""
    out, _ = built
    again = tmp_path / "again"
    build(five, again, workers=1, formats=tuple(FORMATS))
    parts = [(p.name, p.read_bytes()) for p in graph_parts(out)]
    assert parts and [(p.name, p.read_bytes()) for p in graph_parts(again)] == parts
    for name in ("kg.ttl", "kg.jsonld"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name

    def inferred(folder):
        store = Store.read_only(str(folder / "store"))
        return {str(q) for q in store.quads_for_pattern(None, None, None, INFERRED_GRAPH)}

    assert inferred(again) == inferred(out)


@pytest.mark.slow
def test_failed_build_leaves_the_previous_build_untouched(built, tmp_path, monkeypatch):
    out = tmp_path / "build"
    build(CORPUS, out, reasoner=False)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(build_module, "StoreLoader", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        build(CORPUS, out, reasoner=False)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["build", out.resolve().name])  # no staging left


def test_responsibility_export_columns_and_a_row_read_from_the_document(built):
    out, _ = built
    rows = list(csv.DictReader(io.StringIO(export(out, "responsibilities"))))
    assert list(rows[0]) == [
        "source_file",
        "document_number",
        "document_title",
        "measure_path",
        "measure_title",
        "agency",
        "agency_as_written",
        "city",
        "role",
        "rank",
        "joint",
        "source",
        "quote",
    ]
    assert len(rows) == 537  # the golden files' assignments
    # 2021 plan, (三) 建设制造业创新高地: "(责任单位:市科技局、市工信局、市发改委)"
    row = next(r for r in rows if r["measure_path"] == "二/（三）" and r["rank"] == "2")
    assert row == {
        "source_file": "zhumadian-2021-industrial-quality-plan.txt",
        "document_number": "驻政办〔2021〕10号",
        "document_title": "驻马店市人民政府办公室关于印发《驻马店市2021年工业经济高质量发展工作方案》的通知",
        "measure_path": "二/（三）",
        "measure_title": "建设制造业创新高地",
        "agency": "驻马店市工业和信息化局",
        "agency_as_written": "市工信局",
        "city": "驻马店市",
        "role": "responsible",
        "rank": "2",
        "joint": "false",
        "source": "body",
        "quote": "(责任单位:市科技局、市工信局、市发改委)",
    }
    # 2019 plan annex: "市委组织部、人社局。科技局按职责分工负责" leads 集聚创新人才 jointly.
    joint = [
        r
        for r in rows
        if r["source_file"].startswith("zhumadian-2019") and r["measure_path"] == "二/（四）/5" and r["role"] == "lead"
    ]
    assert [(r["agency"], r["joint"]) for r in joint] == [
        ("中共驻马店市委组织部", "true"),
        ("驻马店市人力资源和社会保障局", "true"),
        ("驻马店市科学技术局", "true"),
    ]
    assert all(r["quote"].startswith("5") and "集聚创新人才" in r["quote"] for r in joint)


def test_unknown_city_and_unknown_agency_still_build(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "xinyang.txt").write_text(
        "信阳市加快制造业发展工作方案\n\n一、重点任务\n\n（一）培育龙头企业。支持企业做大做强。"
        "（责任单位：市工信局、市数字经济发展中心）\n",
        encoding="utf-8",
    )
    out = tmp_path / "build"
    summary = build(corpus, out, reasoner=False)
    assert summary.problems == []
    rows = list(csv.DictReader(io.StringIO(export(out, "agencies"))))
    assert {(r["agency"], r["resolved"], r["type"]) for r in rows} == {
        ("信阳市工业和信息化局", "true", "工业和信息化局"),  # known by its functional type
        ("信阳市数字经济发展中心", "false", ""),
    }
    unresolved = list(csv.DictReader(io.StringIO(export(out, "agencies", filters={"resolved": "false"}))))
    assert [r["agency"] for r in unresolved] == ["信阳市数字经济发展中心"]


def test_the_agencies_export_names_the_bureau_a_division_belongs_to(tmp_path):
    """A bureau's own plan names its divisions (大气环境处): the agencies export says whose they are."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(
        "杭州市生态环境局2024年工作要点\n\n一、深入打好污染防治攻坚战\n\n"
        "1.深入打好蓝天保卫战。（责任处室：大气环境处；配合：市生态环境监测中心）\n",
        encoding="utf-8",
    )
    build(corpus, tmp_path / "build", reasoner=False)
    rows = list(csv.DictReader(io.StringIO(export(tmp_path / "build", "agencies"))))
    assert {(r["agency"], r["division_of"]) for r in rows} == {
        ("杭州市生态环境局大气环境处", "杭州市生态环境局"),
        ("杭州市生态环境监测中心", ""),  # a body of its own
    }


def _document(corpus: Path, name: str, source: str = "zhumadian-2023-industrial-economy.txt") -> Path:
    path = corpus / name
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CORPUS / source, path)
    return path


def test_a_corpus_folder_with_subfolders_links_and_other_files(tmp_path):
    corpus = tmp_path / "corpus"
    _document(corpus, "2023/a.txt")
    _document(corpus, "b.txt", "puyang-2023-manufacturing-doubling.txt")
    _document(corpus, "copies/b.txt")  # a second b.txt: its IRI would collide
    (corpus / "link.txt").symlink_to(corpus / "b.txt")  # the same document twice
    (corpus / "dangling.txt").symlink_to(corpus / "gone.txt")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    (corpus / "2023" / "README.md").write_text("notes", encoding="utf-8")
    summary = build(corpus, tmp_path / "build", reasoner=False, shacl=False)
    assert summary.counts.documents == 2
    assert [str(p) for p in summary.problems] == [
        "copies/b.txt: error: skipped: another document is named b.txt (" + str(corpus / "b.txt") + ")",
        "dangling.txt: error: skipped: a link to nothing",
    ]
    assert [str(p) for p in summary.skipped] == [
        "2023/README.md: info: skipped: not a .txt document",
        "link.txt: info: skipped: the same file as another document (link)",
        "notes.docx: info: skipped: not a .txt document",
    ]
    assert sorted(p.name for p in (tmp_path / "build" / "outlines").iterdir()) == ["a.json", "b.json"]


def test_a_document_that_disappears_during_the_build(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    for source in DOCUMENTS[:2]:
        _document(corpus, f"{source}.txt", f"{source}.txt")
    listed = build_module.corpus_files

    def listed_then_deleted(folder):
        files, problems = listed(folder)
        files[0].unlink()
        return files, problems

    monkeypatch.setattr(build_module, "corpus_files", listed_then_deleted)
    summary = build(corpus, tmp_path / "build", reasoner=False, shacl=False, workers=1)
    assert summary.counts.documents == 1
    assert [p.file for p in summary.problems] == [f"{DOCUMENTS[0]}.txt"]
    assert "No such file" in summary.problems[0].message


def test_publishing_a_build_leaves_a_sibling_of_a_longer_name_alone(tmp_path):
    """build-full's folder (.build-full-xxxx) also starts with ".build-": rebuilding build must keep it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"{DOCUMENTS[0]}.txt").symlink_to(CORPUS / f"{DOCUMENTS[0]}.txt")
    command = [sys.executable, "-m", "policykg", "build", "--corpus", str(corpus), "--no-reasoner", "--no-shacl"]
    for name in ("build", "build-full", "build"):  # each by a process that is gone when the next starts
        subprocess.run([*command, "--out", str(tmp_path / name), "--formats", "nt"], check=True, capture_output=True)
    assert graph_bytes(tmp_path / "build-full") == graph_bytes(tmp_path / "build")
    assert len([p for p in tmp_path.iterdir() if p.name.startswith(".build")]) == 2


def test_a_folder_published_by_a_live_process_is_cleared_once_replaced(tmp_path, monkeypatch):
    """A run killed after its switch, while clearing the folder before, leaves that folder; its
    writer may still live (a build run in-process), yet the next publication clears it."""
    out = tmp_path / "build"
    for name in ("first", "second", "third"):
        with monkeypatch.context() as patch:
            if name == "second":  # killed while clearing: nothing removed
                patch.setattr(publish.shutil, "rmtree", lambda *args, **kwargs: None)
            with publish.staged_folder(out) as staging:
                (staging / "name").write_text(name)
    assert (out / "name").read_text() == "third"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["build", out.resolve().name])


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(PolicyKGError, match="was not written by policykg"):
        build(CORPUS, out, reasoner=False, shacl=False)
    assert (out / "thesis.docx").read_bytes() == b"precious"


@pytest.mark.slow
def test_killing_the_build_at_any_moment_leaves_the_previous_build_usable(tmp_path):
    """SIGKILL a build (and its worker processes) at several moments; each time the previous
    build must still be byte for byte what it was, and its store must answer a query."""
    out = tmp_path / "build"
    command = [sys.executable, "-m", "policykg", "build", "--out", str(out), "--no-reasoner"]
    subprocess.run(command, check=True, capture_output=True)

    def contents() -> dict:
        """The files, but the store's (RocksDB names its files per run; it is checked by a query)
        and the mark (it names the process that wrote the folder, so a finished rebuild differs)."""
        files = (p for p in out.rglob("*") if p.is_file() and "store" not in p.parts and p.name != ".policykg")
        return {p.relative_to(out): p.read_bytes() for p in files}

    before = contents()
    stages = set()
    for delay in (0.2, 0.8, 1.5, 2.5, 4.0, 6.0):
        run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        time.sleep(delay)
        finished = run.poll() is not None
        with contextlib.suppress(ProcessLookupError):  # the build (and its workers) may be done
            os.killpg(run.pid, signal.SIGKILL)
        run.wait()
        stages.add("after" if finished else "during")
        after = contents()
        assert after == before, f"killed after {delay}s"
        store = Store.read_only(str(out / "store"))
        documents = len(list(CORPUS.glob("*.txt")))
        assert len(list(store.query(f"SELECT ?f WHERE {{ ?d <{PKG}sourceFile> ?f }}"))) == documents
    assert "during" in stages
    subprocess.run(command, check=True, capture_output=True)  # the next build clears what the killed ones left
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["build", out.resolve().name])


def test_a_defect_on_one_document_does_not_stop_the_others(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    for source in DOCUMENTS[:2]:
        _document(corpus, f"{source}.txt", f"{source}.txt")
    extract = build_module.extract

    def failing(outline, gazetteer):
        if outline.source == f"{DOCUMENTS[1]}.txt":
            raise KeyError("a defect")
        return extract(outline, gazetteer)

    monkeypatch.setattr(build_module, "extract", failing)
    summary = build(corpus, tmp_path / "build", reasoner=False, shacl=False, workers=1)
    assert summary.counts.documents == 1
    assert [str(p) for p in summary.problems] == [
        f"{DOCUMENTS[1]}.txt: error: could not be processed (KeyError: 'a defect')"
    ]


@pytest.mark.slow
def test_the_reference_checks_give_the_same_graph_inferences_and_problems(built, five, tmp_path):
    """--reference-checks (pySHACL per document, HermiT per chunk) against the default checks on the store."""
    out, summary = built
    again = tmp_path / "reference"
    reference = build(five, again, reference=True)
    assert graph_bytes(again) == graph_bytes(out)

    def inferred(folder):
        store = Store.read_only(str(folder / "store"))
        return {str(q) for q in store.quads_for_pattern(None, None, None, INFERRED_GRAPH)}

    assert inferred(again) == inferred(out)
    assert reference.consistent and summary.consistent
    assert reference.problems == summary.problems
