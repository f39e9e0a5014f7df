"""The target checks on small synthetic records: any ranked category, any unit of money."""

from __future__ import annotations

from dataclasses import replace

import pytest

from policykg.queries.target_checks import StoredTarget, indicator_trends, part_sums, threshold_counts, tier_counts


def target(indicator: str, value: float | None = None, **fields) -> StoredTarget:
    """A target of document "d" (a body count unless told otherwise), quoted as its indicator."""
    record = dict(
        document="d", city="某市", path="二/（一）", annex="", annex_title="", indicator=indicator, kind="count",
        value=value, category="", unit="个", comparator="=", year=2025, per_year=False, scope="city", place="",
        baseline="", source="body", quote=f"{indicator}{value}",
    )  # fmt: skip
    record.update(fields)
    return StoredTarget(**record)


def zones(indicator: str, values: list, **fields) -> list[StoredTarget]:
    """Cells of an annex table, one a zone (甲区, 乙区…), each with its value (or category) and ``fields``."""
    out = []
    for zone, v in zip("甲乙丙丁戊己", values):
        stated = {"category": v} if isinstance(v, str) else {"value": v}
        out.append(
            target(indicator, **stated, **fields, source="annex", scope=f"{zone}区", place=f"{zone}区", quote=str(v))
        )
    return out


def cells(*categories: str, year: int = 2025) -> list[StoredTarget]:
    """Annex cells of a category table."""
    return zones("等级", list(categories), kind="category", unit="", annex="附件2", year=year)


def tally(findings) -> tuple[list[str], str]:
    """The error messages and the summary of agreement."""
    errors = [f.message for f in findings if f.severity == "error"]
    (summary,) = [f.message for f in findings if f.severity == "info"]
    return errors, summary.rsplit(" in ", 1)[1]


@pytest.mark.parametrize(
    "said, annex",
    [
        ({"一星级开发区": 2, "二星级开发区": 1}, ("一星", "二星", "一星")),  # stars
        ({"二档以上开发区": 3, "三档开发区": 1}, ("一档", "二档", "二档", "三档")),  # 一档 is the top grade
        ({"AAAA级及以上景区": 2, "AAA级景区": 1}, ("AAAAA级", "AAAA级", "AAA级")),
        ({"4A级景区": 1, "3A级以下景区": 2}, ("AAAA级", "AAA级", "AA级")),
        ({"一级企业": 1, "二级以下企业": 2}, ("一级", "二级", "三级")),
        ({"甲级医院": 1, "乙级医院": 1}, ("甲级", "乙级")),
        ({"省级以上开发区": 2, "市级开发区": 1}, ("国家级", "省级", "市级")),
    ],
)
def test_counts_of_a_ranked_category_agree_with_the_annex(said, annex):
    found = tier_counts([*(target(k, v) for k, v in said.items()), *cells(*annex)])
    assert tally(found) == ([], f"{len(said)} of {len(said)} cells")


def test_a_count_the_annex_contradicts_names_the_zones():
    found = tier_counts([target("三档以上开发区", 2), target("一档开发区", 1), *cells("一档", "二档", "三档", "四档")])
    errors, agreement = tally(found)
    assert errors == [
        "2025: the body says 三档以上开发区2个, but 附件2 gives 三档以上 to 3 开发区 (甲区、乙区、丙区)",
        "2025: the body gives no count of 四档, but 附件2 gives 四档 to 1 zones (丁区)",
    ]
    assert agreement == "1 of 3 cells"
    assert found[0].quotes == ("三档以上开发区2", "一档", "二档", "三档")


def test_categories_of_other_scales_or_years_are_not_compared():
    assert tier_counts([target("一星级开发区", 1), *cells("一档")]) == []  # stars against grades
    assert tier_counts([target("一星级开发区", 1), *cells("一星", "一星", year=2026)]) == []
    assert tier_counts([target("A股上市企业", 1), *cells("A级")]) == []  # not a category


def test_a_count_stated_as_a_floor_is_met_by_more():
    floor = target("一星级开发区", 2, comparator=">=")
    assert tally(tier_counts([floor, *cells("一星", "一星", "一星")])) == ([], "1 of 1 cells")
    assert tally(tier_counts([floor, *cells("一星")]))[1] == "0 of 1 cells"


# Money: 元, 万元, 千万元, 亿元 compared as one unit.


def amounts(unit: str, *values: float) -> list[StoredTarget]:
    """Annex amounts of a table of enterprises."""
    return zones("营业收入", list(values), kind="level", unit=unit, annex="附件3", annex_title="重点企业营业收入目标")


def test_a_count_above_an_amount_reads_the_table_in_another_unit():
    said = target("营业收入超5000万元的企业", 2)
    assert threshold_counts([said, *amounts("亿元", 0.6, 0.8, 0.4)]) == []
    (finding,) = threshold_counts([said, *amounts("亿元", 0.6, 0.5, 0.4)])
    assert finding.severity == "warning"  # 2 only if 超 includes 0.5亿元 = 5000万元
    assert "1 strictly above 5000万元" in finding.message and "1 at exactly 5000万元 (乙区)" in finding.message
    (finding,) = threshold_counts([target("营业收入超1亿元的企业", 3), *amounts("千万元", 12, 9, 30)])
    assert finding.severity == "error" and "2 strictly above 1亿元" in finding.message
    assert threshold_counts([target("营业收入1亿元以上的企业", 2), *amounts("万元", 10000, 25000, 500)]) == []


def test_parts_in_one_unit_add_up_against_a_total_in_another():
    total = target("营业收入", 1.5, kind="level", unit="亿元", path="二/（一）", quote="营业收入达到1.5亿元")
    in_yuan = replace(amounts("元", 30_000_000)[0], scope="丙区", place="丙区")
    (finding,) = part_sums([total, *amounts("万元", 8000, 6000), in_yuan])
    assert finding.severity == "warning" and "add up to 1.7亿元" in finding.message
    assert "113% of the city-wide target of 1.5亿元" in finding.message
    (finding,) = part_sums([total, *amounts("千万元", 5, 4)])
    assert finding.severity == "info" and "add up to 0.9亿元, 60%" in finding.message


def test_one_indicator_in_two_units_of_money_is_compared_across_documents():
    first = target("营业收入", 5000, kind="level", unit="万元", year=2025, quote="营业收入达到5000万元")
    second = target("营业收入", 0.8, kind="level", unit="亿元", year=2026, document="e", quote="营业收入达到0.8亿元")
    (finding,) = indicator_trends([first, second], {"d": 2023, "e": 2024})
    assert "the level is raised from 5000万元 to 8000万元" in finding.message
    assert finding.documents == ("d", "e")
