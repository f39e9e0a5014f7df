"""Whole documents in layouts the corpora do not show, as other provinces and cities print them
(tests/fixtures/layouts, written for these tests in the forms of real ones): what a careful reader
finds in them, read end to end. Each form also has a test of its own; these hold them together."""

from __future__ import annotations

from pathlib import Path

from policykg.graph.extract import extract_document

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def _read(name: str):
    record = extract_document(LAYOUTS / name)
    assignments = {(a.path, a.role, agency.iri.rsplit("/", 1)[-1]) for a, agency in record.assignments}
    targets = {(t.path, t.indicator, t.value, t.unit, t.year, t.scope) for t in record.targets}
    unresolved = sorted(agency.label_zh for _, agency in record.assignments if not agency.resolved)
    return assignments, targets, unresolved


def test_a_plan_that_prints_each_task_s_fields_on_lines_of_their_own():
    """Nanjing's form: 责任单位：A（牵头）、B，C / 完成时限：… / 牵头单位：… / 配合单位：… under each task."""
    assignments, targets, unresolved = _read("nanjing-plan-fields-on-lines.txt")
    assert {
        ("二/1", "lead", "320100-industry-it"),
        ("二/1", "support", "320100-development-reform"),
        ("二/1", "support", "320100-science-technology"),
        ("二/1", "support", "320100-county-governments"),
        ("二/2", "lead", "320100-science-technology"),
        ("二/2", "support", "320100-development-reform"),
        ("二/2", "support", "320100-finance"),
        ("二/3/（1）", "responsible", "320100-financial-work"),
        ("二/3/（1）", "responsible", "320100-finance"),
        ("二/3/（2）", "responsible", "320100-organisation-department"),
        ("二/3/（2）", "responsible", "320100-human-resources-social-security"),
    } <= assignments
    assert {
        ("一", "高新技术企业", 1.2, "万家", 2026, "city"),
        ("一", "全社会研发投入占地区生产总值比重", 3.8, "%", 2026, "city"),
        ("二/2", "重大科技创新平台", 10, "个", 2026, "city"),
    } <= targets
    assert unresolved == []


def test_a_department_s_rules_in_articles_for_cities_and_autonomous_prefectures():
    """A provincial department's 管理办法: articles under chapters, duties of the department and of
    each city's and prefecture's bureaus (各市、州财政局、科技局)."""
    assignments, _, unresolved = _read("hubei-department-rules.txt")
    assert {
        ("第三条", "responsible", "420000-finance"),
        ("第三条", "responsible", "420000-science-technology"),
        ("第五条", "responsible", "420000-city-finance"),
        ("第五条", "responsible", "420000-city-science-technology"),
    } <= assignments
    assert unresolved == []


def test_an_annex_of_targets_by_place_adds_up_to_the_whole_area():
    """A table of each place's figures by year, its unit in a note, its quantity in its title."""
    _, targets, _ = _read("suzhou-plan-targets-by-place.txt")
    table = {t for t in targets if t[0] == "附件"}
    assert len(table) == 10 and {t[2:4] for t in table} >= {(13.5, "万辆"), (20.0, "万辆")}
    by_year = {year: sum(t[2] for t in table if t[4] == year and t[5] != "city") for year in (2024, 2025)}
    totals = {t[4]: t[2] for t in table if t[5] == "city"}
    assert by_year == totals == {2024: 13.5, 2025: 20.0}
