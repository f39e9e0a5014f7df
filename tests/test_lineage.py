"""Policy lineage: the upstream documents each corpus document is based on or cites, as read."""

from __future__ import annotations

import pytest
from scoring import record

from policykg.graph.lineage import outline_citations
from policykg.graph.outline import parse_outline
from policykg.graph.records import SourceText

# (title, number, relation, level, path) as a reader finds them in each document.
EXPECTED = {
    "zhumadian-2021-industrial-quality-plan": {
        ("河南省推动制造业高质量发展实施方案", "豫办〔2020〕17号", "based_on", "provincial", None),
        ("河南省生态环境监督执法正面清单管理制度", None, "cites", "provincial", "七/（二十六）"),
        ("保障中小企业款项支付条例", None, "cites", "national", "七/（二十六）"),
    },
    "zhumadian-2023-industrial-economy": {
        (
            "中共河南省委、河南省人民政府关于加快建设先进制造业强省的若干意见",
            "豫发〔2022〕9号",
            "based_on",
            "provincial",
            None,
        ),
    },
    "zhumadian-2019-industrial-clusters-plan": {
        ("河南省产业集聚区企业分类综合评价办法", None, "cites", "provincial", "二/（一）/1"),
    },
    # The notice that issues a plan names the plan in 《》: that is the document itself, not a citation.
    "zhumadian-2024-development-zones-plan": set(),
    "puyang-2023-manufacturing-doubling": set(),
}


def test_citations(stem):
    found = {(c.title, c.number, c.relation, c.level, c.path) for c in record(stem).citations}
    assert found == EXPECTED[stem]


def test_every_corpus_document_is_municipal(stem):
    assert record(stem).level == "municipal"


def test_citation_quotes_are_exact(stem):
    doc = record(stem)
    for c in doc.citations:
        quote = doc.outline.text.original[c.quote.start : c.quote.end]
        assert quote.startswith("《") and c.title in quote


def _based_on(text: str) -> set[tuple[str, str | None]]:
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    return {(c.title, c.number) for c in outline_citations(outline, outline.preamble_text) if c.relation == "based_on"}


SPONGE = "本市系统化全域推进海绵城市建设的实施意见"
NOTICE = f"""上海市嘉定区人民政府办公室关于印发《嘉定区关于贯彻落实〈{SPONGE}〉的实施方案》的通知

各镇人民政府、街道办事处：
现将《嘉定区关于贯彻落实〈{SPONGE}〉的实施方案》印发给你们，请认真按照执行。

嘉定区关于贯彻落实《{SPONGE}》的实施方案

为推进海绵城市建设，结合本区实际，制定本方案。

一、工作目标
到2025年，建成区40%以上面积达到海绵城市要求。
"""


def test_a_title_that_names_its_basis_is_based_on_it():
    # 关于贯彻落实《X》的实施方案: the commonest way a lower plan says what it carries out; the
    # notice's own 《…》 is the document itself, the 〈X〉 inside it the basis.
    assert _based_on(NOTICE) == {(SPONGE, None)}


@pytest.mark.parametrize(
    "opening",
    [
        f"为推进《{SPONGE}》落实，结合本区实际，制定本方案。",
        f"为做好《{SPONGE}》贯彻实施工作，制定本方案。",
        f"为了实施《{SPONGE}》，结合本区实际，制定本细则。",
        f"依照《{SPONGE}》，结合本区实际，制定本方案。",
    ],
    ids=["to-advance-its-implementation", "to-carry-it-out-well", "to-implement", "in-accordance-with"],
)
def test_the_verbs_that_make_a_preamble_citation_the_basis(opening):
    text = f"嘉定区海绵城市建设实施方案\n\n{opening}\n\n一、工作目标\n建成区40%以上面积达到海绵城市要求。\n"
    assert _based_on(text) == {(SPONGE, None)}


def test_a_short_name_cites_the_title_it_stands_for():
    # 认真贯彻落实《上海市…的实施方案》（以下简称《实施方案》）… 现就贯彻落实《实施方案》重要任务
    cited = {c.title for c in record("shanghai-new-urbanization-task-division-2025").citations}
    assert "实施方案" not in cited
    assert "上海市深入实施以人为本的新型城镇化战略五年行动计划的实施方案" in cited
