"""Policy lineage: the documents a text implements or cites, with their level of government.

A citation is a title in 《》, with the cited document's number when it follows in brackets:
《河南省推动制造业高质量发展实施方案》(豫办〔2020〕17号). In the preamble, "根据" and "(为)贯彻落实"
make the document based on the cited one (``eli:based_on``); anything else is a citation
(``eli:cites``).
"""

from __future__ import annotations

import re

from policykg.graph.divisions import COUNTY as DIVISION_COUNTY
from policykg.graph.divisions import PREFECTURE, PROVINCE, Divisions
from policykg.graph.divisions import TOWNSHIP as DIVISION_TOWNSHIP
from policykg.graph.frontmatter import DOCUMENT_NUMBER
from policykg.graph.mapped import MappedText
from policykg.graph.records import Citation, Outline

_CITED = re.compile(rf"《(?P<title>[^《》]{{2,80}})》(?:\s*\(?(?P<number>{DOCUMENT_NUMBER.pattern})\)?)?")
_LISTED = re.compile(r"[\s、,，和及与以及]*")  # between two citations of one list
_BASED_ON = re.compile(
    r"(根据|依据|按照|遵照|(?:为了?)?(?:深入|认真|全面|进一步)?贯彻(?:落实)?|(?:为了?)?落实)[^。,;《]{0,12}$"
)
NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY, TOWNSHIP = "national", "provincial", "municipal", "county", "township"
LEVELS = {PROVINCE: PROVINCIAL, PREFECTURE: MUNICIPAL, DIVISION_COUNTY: COUNTY, DIVISION_TOWNSHIP: TOWNSHIP}
_NATIONAL_NUMBER = re.compile(r"^(国发|国办发|国函|国办函|中发|中办发|工信部|发改|财|人社部|住建部|国家)")
_LAYOUT_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_NOTICE = re.compile(r"^.*?关于(?:印发|转发)[《<＜〈]?(.+?)[》>＞〉]?的通知$")
_NATIONAL_TITLE = re.compile(r"^(关于印发)?《?(中共中央|国务院|国家|全国|中华人民共和国)")


def level_of(title: str, number: str | None = None) -> str:
    """The level of government a document comes from: the first division its title names, else
    its number's 发文机关代字: a province's abbreviation (豫办, 沪府办发) is the province, except that
    a 直辖市's districts write it before their own initial (沪松府办: 松江区).

    >>> level_of("河南省推动制造业高质量发展实施方案", "豫办〔2020〕17号")
    'provincial'
    >>> level_of("保障中小企业款项支付条例")
    'national'
    >>> level_of("驻马店市2021年工业经济高质量发展工作方案", "驻政办〔2021〕10号")
    'municipal'
    >>> [level_of("本市海绵城市建设的实施意见", n) for n in ("沪府办发〔2024〕3号", "沪松府办〔2025〕31号")]
    ['provincial', 'county']
    >>> level_of("嘉定区海绵城市建设规划（2018-2035）")
    'county'
    """
    if (number and _NATIONAL_NUMBER.match(number)) or _NATIONAL_TITLE.match(title):
        return NATIONAL
    divisions = Divisions.bundled()
    for at in range(min(len(title), 12)):
        division, _ = divisions.read(title[at:])
        if division is not None:
            return LEVELS[division.level]
    province = divisions.of_abbreviation(number)
    if province is not None and number:
        if province.name.endswith("市"):  # a 直辖市's districts number as 沪松府办, 沪奉府发
            districts = {d.name[0] for d in divisions.by_code.values() if d.parent == province.code}
            return COUNTY if number[1:2] in districts else PROVINCIAL
        return PROVINCIAL
    return NATIONAL  # a law or regulation named without a place (…条例) is national


def issued_title(title: str) -> str:
    """The title of the document a notice issues or forwards, which is what a citation of the notice
    names; any other title as it is, but for the spaces a page layout leaves between two characters.

    >>> issued_title("上海市人民政府办公厅关于印发<本市系统化全域推进海绵城市建设的实施意见>的通知")
    '本市系统化全域推进海绵城市建设的实施意见'
    >>> issued_title("关于开展安全生产大检查的通知"), issued_title("国务院办公厅关于推进海绵城市建 设的指导意见")
    ('关于开展安全生产大检查的通知', '国务院办公厅关于推进海绵城市建设的指导意见')
    """
    title = _LAYOUT_SPACE.sub("", title)
    m = _NOTICE.match(title)
    return m.group(1) if m else title


def _citations(text: MappedText, path: str | None, preamble: bool) -> list[Citation]:
    """The citations of a text; in the preamble, those a based-on verb introduces, and those listed
    right after them (根据《A》《B》和《C》: all three), are what the document is based on."""
    found = []
    based, end = False, 0
    for m in _CITED.finditer(text.text):
        title = text[m.start("title") : m.end("title")].display
        number = text[m.start("number") : m.end("number")].display if m.group("number") else None
        listed = based and _LISTED.fullmatch(text.text[end : m.start()])
        based = preamble and bool(listed or _BASED_ON.search(text.text[: m.start()]))
        end = m.end()
        found.append(
            Citation(
                issued_title(title),
                number,
                "based_on" if based else "cites",
                level_of(title, number),
                path,
                text.span(m.start(), m.end()),
            )
        )
    return found


def outline_citations(outline: Outline, preamble: MappedText) -> list[Citation]:
    """Citations of the preamble and of every item (the document's own title is not a citation);
    the basis is stated in the preamble, the first item (一、总体要求) or a law's first article."""
    found = _citations(preamble, None, True)
    first = next(outline.walk(), None)
    for item in outline.walk():
        basis = item is first or item.path == "第一条"  # a law states its basis in its first article
        found += _citations(item.body, item.path, basis)
    return found
