"""The build: graph files, store, SHACL, reasoner, determinism and the swap that protects the
previous build."""

from __future__ import annotations

import csv
import io

import pytest
from pyoxigraph import NamedNode, Store

from conftest import CORPUS
from policykg.graph import build as build_module
from policykg.graph.build import build
from policykg.graph.store import INFERRED_GRAPH
from policykg.queries.export import export

PKG = "https://w3id.org/policykg/ontology#"
AG = "https://w3id.org/policykg/id/agency/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def test_build_is_valid_and_consistent(built):
    out, summary = built
    assert summary.problems == []
    assert summary.reasoner.consistent
    assert len(summary.documents) == 5
    assert {p.name for p in out.iterdir()} == {"kg.nt", "kg.ttl", "kg.jsonld", "store", "outlines"}


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


def test_rebuilding_gives_identical_bytes(built, tmp_path):
    out, _ = built
    again = tmp_path / "again"
    build(CORPUS, again, reasoner=False)
    for name in ("kg.nt", "kg.ttl", "kg.jsonld"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def test_failed_build_leaves_the_previous_build_untouched(built, tmp_path, monkeypatch):
    out = tmp_path / "build"
    build(CORPUS, out, reasoner=False)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(build_module, "write_store", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        build(CORPUS, out, reasoner=False)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir()] == ["build"]


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
    assert len(rows) == 530
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
