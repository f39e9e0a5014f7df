"""Deadlines on measures: the dates official writing gives a task (…前, 到…底), as SOURCES.md and
the documents print them."""

from __future__ import annotations

from conftest import CORPUS, document
from policykg.graph.deadlines import deadline_in_cell, deadlines_in
from policykg.graph.extract import extract_document
from policykg.graph.mapped import MappedText


def test_the_deadlines_a_town_plan_sets_its_work():
    # SOURCES.md: "Deadlines 2021年6月20日前 / 2021年12月20日前 / 2022年12月20日前".
    doc = extract_document(document("wujing-town-housing-safety-2021"))
    assert {"2021-06-20", "2021-12-20", "2022-12-20"} <= {d.date for d in doc.deadlines}


def test_a_date_split_over_lines_is_read_whole():
    # "2021\n年6\n月底前" in the scraped page: the 排查 deadline of the municipal plan.
    doc = extract_document(document("shanghai-housing-safety-2021"))
    assert "2021-06-30" in {d.date for d in doc.deadlines}


def test_past_dates_and_validity_periods_are_no_deadlines():
    # "县道截至2020年底…" describes the network before the plan; "有效期至2031年1月31日" its validity.
    for path in (
        document("fengxian-rural-roads-reform-2021"),
        document("jinshan-sponge-city-rules-2026"),
    ):
        assert extract_document(path).deadlines == []


def test_forms_of_a_deadline():
    text = MappedText.of("2024年3月底前完成;2026年上半年前建成;2025年一季度前启动;到2030年底基本形成;2025年前达到")
    assert [d.date for d in deadlines_in(text, "一")] == [
        "2024-03-31",
        "2026-06-30",
        "2025-03-31",
        "2030-12-31",
        "2025-12-31",
    ]
    assert deadlines_in(MappedText.of("到2025年,建成10个"), "一") == []  # a horizon, not a deadline
    assert deadline_in_cell(MappedText.of("2026年12月底"), "附件/3").date == "2026-12-31"
    assert deadline_in_cell(MappedText.of("全年推进"), "附件/3") is None


def test_deadlines_reach_the_graph_as_dates():
    from policykg.graph.rdf import document_triples

    doc = extract_document(CORPUS / "zhumadian-2019-industrial-clusters-plan.txt")
    dates = [t.object for t in document_triples(doc) if t.predicate.value.endswith("#deadline")]
    assert dates and all(d.datatype.value.endswith("#date") for d in dates)


def test_a_stage_dated_at_both_ends_is_done_by_its_end():
    """进度安排's stages (动员部署阶段（2024年7月—2024年8月）) end when their span does; a validity period
    dated the same way (有效期为…至…) is no deadline."""
    stages = "动员部署阶段(2024年7月—2024年8月)。集中攻坚阶段(2024年9月至2026年6月)"
    assert [d.date for d in deadlines_in(MappedText.of(stages), "三")] == ["2024-08-31", "2026-06-30"]
    assert deadlines_in(MappedText.of("本方案有效期为2024年1月1日至2026年12月31日"), "五") == []
