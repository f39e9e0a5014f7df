"""The curated place and industry hierarchies, and what the documents link to them."""

from __future__ import annotations

import csv
import io

from scoring import record

from policykg.graph.extract import extract
from policykg.graph.gazetteer import Gazetteer
from policykg.graph.outline import parse_outline
from policykg.graph.records import SourceText
from policykg.queries.export import export

PLACE = "https://w3id.org/policykg/id/place/"


def places(gz: Gazetteer, *codes: str) -> list:
    """The places of GB/T 2260 codes, as a document of each would be placed."""
    return [gz.place_of(gz.divisions.by_code[code]) for code in codes]


def test_place_hierarchy_runs_from_province_to_zones():
    gz = Gazetteer.bundled()
    zhumadian = gz.places[PLACE + "zhumadian"]
    assert zhumadian.within == PLACE + "henan"
    counties = [p for p in gz.places.values() if p.kind == "County" and p.within == zhumadian.iri]
    assert len(counties) == 10  # 驿城区 and nine counties
    puyang_counties = [p for p in gz.places.values() if p.kind == "County" and p.within == PLACE + "puyang"]
    assert len(puyang_counties) == 6
    suiping_zone = next(p for p in gz.places.values() if "遂平县开发区" in (p.label_zh, *p.aliases))
    assert suiping_zone.kind == "DevelopmentZone"
    assert gz.city_of(suiping_zone) == zhumadian


def _extracted(text: str):
    return extract(parse_outline(SourceText("doc.txt", text, "utf-8")), Gazetteer.bundled())


def test_national_documents_and_the_ministries_any_document_names():
    """The State Council's, the Party centre's and the ministries' documents are of the national level
    (全国); a ministry named in a document of any place is the national one, by its own names only."""
    gz = Gazetteer.bundled()
    china = gz.places[PLACE + "china"]
    assert china.kind == "Country"
    assert gz.place_in(["国务院办公厅"], ["国务院办公厅关于支持河南省加快发展的意见"]) == china
    assert gz.place_in([], ["商务部关于推进跨境电商发展的通知"]) == china
    assert gz.place_in([], ["关于加快发展外贸新业态新模式的意见"], "国办发〔2021〕24号") == china
    assert gz.place_in(["河南省人民政府"], ["河南省人民政府关于落实国务院部署的通知"]) != china
    henan, zhumadian = places(gz, "410000", "411700")
    commerce = gz.resolve("商务部", zhumadian)
    assert (commerce.label_zh, commerce.city) == ("商务部", china)
    assert commerce.type == gz.resolve("省商务厅", henan).type == gz.resolve("市商务局", zhumadian).type
    assert gz.resolve("国家发展改革委", henan).iri.endswith("china-development-reform")
    assert gz.resolve("发展改革委", zhumadian).city == zhumadian  # a name every level writes stays the place's own
    # in a national document, the levels below are each body of that level
    assert gz.resolve("各省级人民政府", china) == gz.resolve("各省人民政府", china)
    assert gz.resolve("各省级人民政府", china).iri.endswith("china-province-governments")
    assert gz.resolve("省级商务主管部门", china) == gz.resolve("各省商务厅", china) != commerce
    assert gz.resolve("国务院有关部门", china).label_zh == "国务院各部委、各直属机构"
    document = _extracted(
        "国务院办公厅关于加快发展外贸新业态新模式的意见\n\n国办发〔2021〕24号\n\n"
        "一、积极发展外贸新业态\n\n（一）扩大试点。（商务部、海关总署按职责分工负责）\n"
    )
    assert (document.city, document.level) == (china, "national")
    assert [agency.iri.rsplit("/", 1)[1] for _, agency in document.assignments] == ["china-commerce", "china-customs"]


def test_a_provinces_departments_are_named_as_its_own_are():
    gz = Gazetteer.bundled()
    zhejiang, shanghai = places(gz, "330000", "310000")
    names = {written: gz.resolve(written, zhejiang).label_zh for written in ("省财政厅", "省统计局", "省发展改革委")}
    assert names == {"省财政厅": "浙江省财政厅", "省统计局": "浙江省统计局", "省发展改革委": "浙江省发展和改革委员会"}
    assert gz.resolve("市财政局", shanghai).label_zh == "上海市财政局"  # a 直辖市's are 局
    # a type whose 局 has no 厅 form takes the vocabulary's full 厅 name (not 自然资源和规划厅, not 住建厅)
    assert gz.resolve("省自然资源厅", zhejiang).label_zh == "浙江省自然资源厅"
    assert gz.resolve("省住建厅", zhejiang).label_zh == "浙江省住房和城乡建设厅"
    # a provincial-level corps is a 总队, in a 直辖市 too
    assert gz.resolve("省消防救援总队", zhejiang).label_zh == "浙江省消防救援总队"
    assert gz.resolve("市消防救援总队", shanghai).label_zh == "上海市消防救援总队"
    # the vertical communications body is a provincial 通信管理局, a city's 通信管理办公室
    assert gz.resolve("省通信管理局", zhejiang).label_zh == "浙江省通信管理局"
    assert gz.resolve("市通信管理局", shanghai).label_zh == "上海市通信管理局"
    # a tax bureau named under its national authority is the place's own
    assert gz.resolve("国家税务总局浙江省税务局", zhejiang) == gz.resolve("省税务局", zhejiang)
    # so is a statistics survey office, a province's 调查总队 written with the place inside
    assert gz.resolve("国家统计局浙江调查总队", zhejiang) == gz.resolve("省调查总队", zhejiang)
    assert gz.resolve("国家统计局浙江调查总队", zhejiang).resolved


def test_chongqing_and_its_districts_name_their_commissions_as_their_own():
    """重庆 names its commerce, education, housing… departments commissions (市商务委, 市住房城乡建委),
    as do its districts (区商务委); every name of the function is still one body, and elsewhere the
    body keeps the bureau's name."""
    gz = Gazetteer.bundled()
    chongqing, yubei, zhejiang = places(gz, "500000", "500112", "330100")
    assert gz.resolve("市住房城乡建委", chongqing).label_zh == "重庆市住房和城乡建设委员会"
    assert gz.resolve("市文化旅游委", chongqing).label_zh == "重庆市文化和旅游发展委员会"
    assert gz.resolve("市规划自然资源局", chongqing).label_zh == "重庆市规划和自然资源局"
    assert gz.resolve("区商务委", yubei).label_zh == "渝北区商务委员会"
    assert gz.resolve("市商务委", yubei) == gz.resolve("市商务局", chongqing)  # 市 in a district's text: 重庆
    assert gz.resolve("市商务委", zhejiang).label_zh == "杭州市商务局"


def test_hainan_and_the_municipalities_run_water_affairs_bureaus_a_province_s_a_厅():
    """海南 (省水务厅, 县水务局), 北京, 天津 and 上海 name the water body 水务局 where most places run a
    水利局: one function still, each place's name kept; a province's department written as a 厅 is
    its field's bureau (省自然资源和规划厅); 各市县政府 is the collective of the cities and counties."""
    gz = Gazetteer.bundled()
    hainan, qiongzhong, jiading, zhejiang = places(gz, "460000", "469030", "310114", "330100")
    assert gz.resolve("省水务厅", hainan).label_zh == "海南省水务厅"
    assert gz.resolve("县水务局", qiongzhong).label_zh == "琼中黎族苗族自治县水务局"
    assert gz.resolve("区水务局", jiading).label_zh == "嘉定区水务局"
    assert gz.resolve("市水务局", zhejiang) == gz.resolve("市水利局", zhejiang)
    assert gz.resolve("市水利局", zhejiang).label_zh == "杭州市水利局"
    assert gz.resolve("省自然资源和规划厅", hainan).label_zh == "海南省自然资源和规划厅"
    assert gz.resolve("县旅游和文化广电体育局", qiongzhong).resolved
    assert gz.resolve("各市县政府", hainan).type.kind == "CollectiveBody"


def test_a_county_s_corps_is_a_大队_under_a_city_and_a_支队_in_a_直辖市():
    """The fire and traffic-police corps go 总队 (province), 支队 (city), 大队 (county or a city's
    district); a 直辖市's district, a city's peer, keeps its 支队."""
    gz = Gazetteer.bundled()
    nanshan, jiading = places(gz, "440305", "310114")
    assert gz.resolve("南山消防救援大队", nanshan).label_zh == "南山区消防救援大队"
    assert gz.resolve("区交警大队", nanshan).label_zh == "南山区交通警察大队"
    assert gz.resolve("区消防救援支队", jiading).label_zh == "嘉定区消防救援支队"


def test_a_list_s_level_before_a_name_with_its_own_place_is_set_aside():
    """市生态环境局南山管理局、南山交警大队: the list's 市 restored before 南山交警大队 names no city
    body; the district its name opens with owns it. A short name that leaves no function (公安县 in
    荆州市公安局) is no place."""
    gz = Gazetteer.bundled()
    nanshan, jingzhou = places(gz, "440305", "421000")
    assert gz.resolve("市南山交警大队", nanshan) == gz.resolve("南山交警大队", nanshan)
    assert gz.resolve("市南山交警大队", nanshan).iri.endswith("/440305-traffic-police")
    assert gz.resolve("市公安局", jingzhou).iri.endswith("/421000-public-security")


def test_a_city_bureau_s_office_in_a_district_is_the_district_s_body_of_its_function():
    """深圳市规划和自然资源局南山管理局, 市市场监督管理局宝安监管局: a city bureau's 管理局 or 监管局 named
    after a district, as its 分局 is (西安市生态环境局雁塔分局); the document it issues is the district's.
    Shenzhen's 人力资源(保障)局 and 住房(和)建设局 are the bureaus of those functions."""
    gz = Gazetteer.bundled()
    nanshan, baoan, shenzhen = places(gz, "440305", "440306", "440300")
    assert gz.resolve("市规划和自然资源局南山管理局", nanshan) == gz.resolve("区规划和自然资源局", nanshan)
    assert gz.resolve("市市场监督管理局宝安监管局", baoan) == gz.resolve("区市场监管局", baoan)
    assert gz.place_in(["深圳市生态环境局南山管理局"], []) == nanshan
    assert gz.resolve("区人力资源局", nanshan) == gz.resolve("区人社局", nanshan)
    assert gz.resolve("市人力资源保障局", shenzhen) == gz.resolve("市人社局", shenzhen)
    assert gz.resolve("市住房建设局", shenzhen) == gz.resolve("市住建局", shenzhen)
    assert gz.resolve("区住房和建设局", baoan) == gz.resolve("区住建局", baoan)


def test_a_level_written_with_级_and_a_district_s_police_branch():
    """县级人民政府 is each county's government, as 县人民政府 (县级以上 stays a range); 镇级政府 in a
    district's plan each town's; 公安青浦分局 and 市公安局青浦分局 the district's police."""
    gz = Gazetteer.bundled()
    henan, jiading, shanghai = places(gz, "410000", "310114", "310000")
    assert gz.resolve("县级人民政府", henan) == gz.resolve("县人民政府", henan)
    assert gz.resolve("市级人民政府", henan).iri.endswith("/henan-city-governments")
    assert gz.resolve("县级以上人民政府", henan).iri.endswith("/henan-governments-county-and-above")
    assert gz.resolve("镇级政府", jiading).iri.endswith("/310114-town-governments")
    assert gz.resolve("县司法行政主管部门", henan) == gz.resolve("县司法行政部门", henan)  # a field's 主管部门
    police = {gz.resolve(w, shanghai).iri for w in ("公安青浦分局", "市公安局青浦分局", "上海市公安局青浦分局")}
    assert police == {"https://w3id.org/policykg/id/agency/310118-public-security"}


def test_a_city_bureau_s_branch_in_a_district_is_the_district_s_body_of_its_function():
    """市规划自然资源委朝阳分局 (Beijing's planning commission in 朝阳区), 市生态环境局朝阳分局: the
    district's bodies of those functions, as the police branch is; Beijing's 地区办事处 its districts'
    township-level offices; a branch named by no place (市公安局轨道交通分局) is no district's."""
    gz = Gazetteer.bundled()
    (chaoyang,) = places(gz, "110105")
    assert gz.resolve("市规划自然资源委朝阳分局", chaoyang).iri.endswith("/110105-natural-resources")
    assert gz.resolve("市生态环境局朝阳分局", chaoyang) == gz.resolve("区生态环境局", chaoyang)
    assert gz.resolve("地区办事处", chaoyang).iri.endswith("/110105-town-governments")
    assert not gz.resolve("市公安局轨道交通分局", chaoyang).iri.endswith("/110105-public-security")
    # named in full: 委员会 is a 委, and 朝阳 before 市场监管局 makes no 朝阳市 (Liaoning's)
    assert gz.resolve("北京市规划和自然资源委员会朝阳分局", chaoyang).iri.endswith("/110105-natural-resources")
    assert gz.resolve("北京市市场监督管理局朝阳分局", chaoyang) == gz.resolve("区市场监管局", chaoyang)
    # an autonomous prefecture's bureau names its county branch after the 州 (伊犁州生态环境局察布查尔县分局)
    (qapqal,) = places(gz, "654022")
    assert gz.resolve("伊犁州生态环境局察布查尔县分局", qapqal) == gz.resolve("县生态环境局", qapqal)


def test_a_document_a_city_bureau_s_branch_issues_lies_in_its_district():
    """西安市生态环境局雁塔分局 (every district's environmental body since the 2016 vertical reform),
    北京市公安局朝阳分局: the branch is the district's body, so its document is the district's; a branch
    named by no division (北京市公安局轨道交通分局) leaves it the city's."""
    gz = Gazetteer.bundled()
    for issuer, place in (
        ("西安市生态环境局雁塔分局", "雁塔区"),
        ("北京市公安局朝阳分局", "朝阳区"),
        ("石家庄市生态环境局正定县分局", "正定县"),
        ("北京市公安局轨道交通分局", "北京市"),
    ):
        assert gz.place_in([issuer], []).label_zh == place


def test_a_zone_s_body_lies_in_the_city_its_name_opens_with_whatever_its_number_abbreviates():
    """A zone's committee names its city by the short name (青岛西海岸新区管委会), and its number by the
    city's first character, which may be another province's abbreviation (青 Qinghai, 宁 Ningxia)."""
    gz = Gazetteer.bundled()
    for issuer, number, place in (
        ("青岛西海岸新区管理委员会", "青西新管发〔2024〕3号", "青岛市"),
        ("南京江北新区管理委员会", "宁新区管发〔2024〕3号", "南京市"),
        ("驻马店经济开发区管理委员会", "驻经开〔2024〕3号", "驻马店市"),
        ("苏州工业园区经济发展委员会", None, "苏州市"),
    ):
        assert gz.place_in([issuer], [], number).label_zh == place
    assert gz.place_in(["吉林高新区管委会"], [], None) is None  # 吉林: a province's name and a city's


def test_a_customs_district_named_after_its_seat_is_its_province_s():
    """哈尔滨海关, a 直属海关 (curated: the 42 districts under 海关总署), is Heilongjiang's customs in the
    province's text and in Harbin's, by its own name; a province with several names each by its seat
    (深圳海关, 广州海关); a customs house under a district (佳木斯海关) stays its city's, named by its seat."""
    gz = Gazetteer.bundled()
    heilongjiang, harbin, guangdong = places(gz, "230000", "230100", "440000")
    customs = gz.resolve("哈尔滨海关", heilongjiang)
    assert (customs.label_zh, customs.city, customs.type.label_zh) == ("哈尔滨海关", heilongjiang, "海关")
    assert customs == gz.resolve("哈尔滨海关", harbin) == gz.resolve("中华人民共和国哈尔滨海关", gz.country)
    assert customs.iri.endswith("/230000-customs")
    assert gz.resolve("深圳海关", guangdong).iri.endswith("/440000-customs-shenzhen")
    assert gz.resolve("深圳海关", guangdong) != gz.resolve("广州海关", guangdong)
    assert gz.resolve("佳木斯海关", heilongjiang).iri.endswith("/230800-customs")
    assert gz.resolve("佳木斯海关", heilongjiang).label_zh == "佳木斯海关"  # by its seat, not 佳木斯市海关


def test_a_central_bank_regional_branch_named_after_its_seat_is_its_province_s():
    """人民银行武汉分行, one of the nine 大区分行 (curated), is the branch Hubei's documents name, not a
    sub-branch of Wuhan; a city's own central sub-branch stays its city's."""
    gz = Gazetteer.bundled()
    hubei, wuhan, jiangsu = places(gz, "420000", "420100", "320000")
    bank = gz.resolve("人民银行武汉分行", hubei)
    assert (bank.label_zh, bank.city, bank.type.label_zh) == ("中国人民银行武汉分行", hubei, "中国人民银行中心支行")
    assert bank == gz.resolve("中国人民银行武汉分行", wuhan) == gz.resolve("人行武汉分行", hubei)
    assert gz.resolve("人民银行南京分行", jiangsu).label_zh == "中国人民银行南京分行"
    assert gz.resolve("人民银行宜昌市中心支行", places(gz, "420500")[0]).city.label_zh == "宜昌市"


def test_the_levels_of_autonomous_areas_and_inner_mongolia():
    """自治区, 自治州 (州), 自治县, 盟 and 旗 are levels as 省, 市, 县 are: 自治区发展改革委 in Guangxi is
    its own; 自治州人民政府 in Jilin's law each autonomous prefecture's; 盟行政公署 a league's
    government; the Party committee of an autonomous area is its 委员会."""
    gz = Gazetteer.bundled()
    guangxi, jilin, yanbian, mongolia = places(gz, "450000", "220000", "222400", "150000")
    assert gz.resolve("自治区发展改革委", guangxi) == gz.resolve("广西壮族自治区发展和改革委员会", guangxi)
    assert gz.resolve("自治区财政厅", guangxi).label_zh == "广西壮族自治区财政厅"
    # 区 is the region itself in its own texts (区财政厅), a district in its cities'
    assert gz.resolve("区财政厅", guangxi) == gz.resolve("自治区财政厅", guangxi)
    nanning = places(gz, "450100")[0]
    assert gz.resolve("区人民政府", nanning).iri.endswith("/450100-county-governments")
    assert gz.resolve("自治区党委办公厅", guangxi).label_zh == "中共广西壮族自治区委员会办公厅"
    assert gz.resolve("自治州人民政府", jilin).label_zh == "吉林省各自治州人民政府"
    assert gz.resolve("州发展改革委", yanbian).label_zh == "延边朝鲜族自治州发展和改革委员会"
    assert gz.resolve("各盟行政公署", mongolia) == gz.resolve("盟人民政府", mongolia)
    assert gz.resolve("旗人民政府", mongolia).label_zh == "内蒙古自治区各旗人民政府"
    # a league's or a city's 旗县 are its county level, banners and counties together
    baotou = places(gz, "150200")[0]
    assert gz.resolve("各旗县人民政府", baotou) == gz.resolve("各县（区）人民政府", baotou)
    assert gz.resolve("旗县财政局", baotou).label_zh == "包头市各县(区)财政局"


def test_a_banner_s_sumu_and_towns_and_a_city_s_banners_and_districts_are_tiers():
    """苏木镇 (苏木乡镇) is the township tier of a banner, no town named 苏木; a sumu is named as a 乡
    is (阿尔巴斯苏木); 旗区, 旗县区 are a city's county tier as one word, and a tier named alone
    (各旗县市区, 各盟市) its governments, as 各县区 is."""
    gz = Gazetteer.bundled()
    banner, ordos, mongolia = places(gz, "150627", "150600", "150000")  # 伊金霍洛旗, 鄂尔多斯市
    towns = gz.resolve("各乡镇人民政府", banner)
    for name in ("各苏木镇人民政府", "相关苏木镇人民政府", "苏木镇人民政府", "各苏木乡镇", "各苏木镇"):
        assert gz.resolve(name, banner) == towns, name
    sumu = gz.resolve("阿尔巴斯苏木人民政府", banner)
    assert (sumu.label_zh, sumu.city.label_zh, sumu.city.kind) == ("阿尔巴斯苏木人民政府", "阿尔巴斯苏木", "Township")
    counties = gz.resolve("各县（区）人民政府", ordos)
    for name in ("各旗区人民政府", "各旗县区人民政府", "各旗市区人民政府", "各旗区", "各旗县市区"):
        assert gz.resolve(name, ordos) == counties, name
    assert gz.resolve("各旗区林草局", ordos) == gz.resolve("各县（区）林业和草原局", ordos)
    assert gz.resolve("各盟市", mongolia) == gz.resolve("各盟市人民政府", mongolia)
    assert not gz.resolve("各省", mongolia).resolved  # no level below the region's own


def test_a_league_s_government_is_its_administrative_office():
    """A league (盟) and a prefecture (地区) have a 行政公署 (行署), not a 人民政府, and its office is the
    行政公署办公室: however a text writes them, they are named so."""
    gz = Gazetteer.bundled()
    league, mongolia, xinjiang = places(gz, "152500", "150000", "650000")
    office = gz.resolve("锡林郭勒盟行政公署", mongolia)
    assert office == gz.resolve("盟行署", league) == gz.resolve("锡林郭勒盟人民政府", league)
    assert office.label_zh == "锡林郭勒盟行政公署"
    assert gz.resolve("各盟行政公署", mongolia).label_zh == "内蒙古自治区各盟行政公署"
    general = gz.resolve("行署办公室", league)
    assert general == gz.resolve("锡林郭勒盟人民政府办公室", league)
    assert general.label_zh == "锡林郭勒盟行政公署办公室"
    assert gz.resolve("阿克苏地区人民政府", xinjiang).label_zh == "阿克苏地区行政公署"
    assert gz.resolve("呼和浩特市人民政府", mongolia).label_zh == "呼和浩特市人民政府"


def test_the_township_tier_written_as_a_word_is_no_township_s_name():
    """乡镇 is the level (乡镇政府: the towns' governments), not a township named 乡镇; a county's
    documents name its towns and subdistricts, and its villages' two committees, together."""
    gz = Gazetteer.bundled()
    xiping = places(gz, "411721")[0]
    towns = gz.resolve("各乡镇人民政府", xiping)
    assert gz.resolve("乡镇政府", xiping) == gz.resolve("乡镇人民政府", xiping) == towns
    assert towns.iri.endswith("zhumadian-xiping-town-governments")
    assert gz.resolve("各乡镇、街道", xiping) == gz.resolve("各街镇", xiping)
    assert gz.resolve("村两委", xiping) == gz.resolve("各村（社区）两委", xiping) == gz.resolve("各村委会", xiping)
    assert gz.resolve("吴房镇人民政府", xiping).label_zh == "吴房镇人民政府"  # a town's own name still is one


def test_a_subdistrict_is_named_by_its_office():
    """A 街道 has no government: named alone, as 街道办 or as 街道办事处, it is its office (a town
    named alone is its government); a name in a rare character (㮾, Extension A) is read as well."""
    gz = Gazetteer.bundled()
    changsha = places(gz, "430121")[0]
    office = gz.resolve("星沙街道办事处", changsha)
    assert gz.resolve("星沙街道", changsha) == gz.resolve("星沙街道办", changsha) == office
    assert (office.label_zh, office.kind, office.resolved) == ("星沙街道办事处", "GovernmentOffice", True)
    assert office.iri.endswith("subdistrict-office")
    assert gz.resolve("㮾梨街道", changsha).label_zh == "㮾梨街道办事处"
    assert gz.resolve("黄兴镇", changsha).label_zh == "黄兴镇人民政府"


def test_a_subdistrict_office_named_by_its_statutory_name_is_in_its_district():
    """X区人民政府Y街道办事处: the legal name of the 派出机关 of a district's government; the place is
    Y街道 in X区, its office the issuer."""
    gz = Gazetteer.bundled()
    place = gz.place_in(("北京市西城区人民政府德胜街道办事处",), [], None)
    assert (place.label_zh, gz.chain(place)[-2].label_zh) == ("德胜街道", "西城区")
    office = gz.resolve("北京市西城区人民政府德胜街道办事处", place)
    assert office == gz.resolve("德胜街道办事处", places(gz, "110102")[0]) and office.resolved


def test_the_kinds_of_one_tier_listed_are_that_tier():
    """各县、区财政局 (and 各县（市）区财政局) are the county-level bureaus; 各市、州财政局 (a province with
    autonomous prefectures) the prefecture-level ones."""
    gz = Gazetteer.bundled()
    hubei = places(gz, "420000")[0]
    assert gz.resolve("各县、区财政局", hubei) == gz.resolve("县财政局", hubei)
    assert gz.resolve("各市、州财政局", hubei) == gz.resolve("各市财政局", hubei)
    assert gz.resolve("各州财政局", hubei).label_zh == "湖北省各自治州财政局"
    assert gz.resolve("各州、市人民政府", hubei) == gz.resolve("各市、州人民政府", hubei)  # either order
    assert gz.resolve("各市州人民政府", hubei) == gz.resolve("各市人民政府", hubei)  # 市州: the tier as one word
    hangzhou = places(gz, "330100")[0]
    assert gz.resolve("各区、县（市）人民政府", hangzhou) == gz.resolve("各县（区）人民政府", hangzhou)
    # the tier, not its first kind: 杭州's counties too, where 上海's are all districts
    assert gz.resolve("各区、县（市）党委", hangzhou) == gz.resolve("各县（市、区）党委", hangzhou)
    assert gz.resolve("各区、县（市）财政局", hangzhou).iri.endswith("330100-county-finance")
    shanghai = places(gz, "310000")[0]
    assert gz.resolve("各区、县财政局", shanghai) == gz.resolve("各区财政局", shanghai)
    # the county tier as Anhui writes it: counties, county-level cities and districts
    hefei = places(gz, "340100")[0]
    county_transport = gz.resolve("各县（区）交通运输局", hefei)
    assert gz.resolve("各县（市）区交通运输局", hefei) == gz.resolve("各县市区交通运输局", hefei) == county_transport
    assert county_transport.iri.endswith("340100-county-transport")
    assert gz.resolve("市人力社保局", hangzhou).label_zh == "杭州市人力资源和社会保障局"  # Zhejiang's short name
    sichuan = places(gz, "510000")[0]  # a commission named under its government; Sichuan's 经信委
    assert gz.resolve("省政府国资委", sichuan) == gz.resolve("省国资委", sichuan)
    assert gz.resolve("省经济和信息化委", sichuan) == gz.resolve("省经信厅", sichuan)
    assert gz.resolve("省政府办公厅", sichuan).iri.endswith("510000-government-general-office")
    ningbo = places(gz, "330200")[0]  # the competent departments, named by their role alone
    assert gz.resolve("市级主管部门", ningbo) == gz.resolve("业务主管部门", ningbo) == gz.resolve("有关部门", ningbo)
    assert gz.resolve("交通主管部门", ningbo).iri.endswith("330200-transport")  # a field's is that field's
    wuhan = places(gz, "420100")[0]  # the committee of a zone the vocabulary does not name: its kind of zone
    donghu = gz.resolve("东湖高新区管委会", wuhan)
    assert donghu.resolved and donghu.type == gz.resolve("市高新区管委会", wuhan).type
    assert donghu.label_zh == "东湖高新区管委会" and donghu != gz.resolve("市高新区管委会", wuhan)
    assert gz.resolve("东湖新技术开发区管委会", wuhan).type == gz.resolve("开发区管委会", wuhan).type
    assert gz.resolve("长江新区管委会", wuhan).type == gz.resolve("开发区管委会", wuhan).type  # a new area's
    assert not gz.resolve("东湖管委会", wuhan).resolved  # 管委会 alone says no kind of zone
    xihu = places(gz, "330106")[0]  # the towns and the subdistricts, whichever is written in brackets
    assert gz.resolve("各镇（街道）", xihu) == gz.resolve("各街道（镇）", xihu) == gz.resolve("各街镇", xihu)
    assert gz.resolve("区经委（商务委）", xihu) == gz.resolve("区经委", xihu)  # a second name plate
    assert gz.resolve("各功能区", xihu) == gz.resolve("各开发区管委会", xihu)
    qingdao = places(gz, "370200")[0]  # Qingdao's districts and county-level cities: its county tier
    assert (
        gz.resolve("各区（市）", qingdao)
        == gz.resolve("各区市政府", qingdao)
        == gz.resolve("各县（区）人民政府", qingdao)
    )
    beijing = places(gz, "110000")[0]  # Beijing's planning commission; an office named under its government
    assert gz.resolve("市规划自然资源委", beijing) == gz.resolve("市规划和自然资源局", beijing)
    assert gz.resolve("市政府外办", beijing) == gz.resolve("市外办", beijing)
    assert gz.resolve("市政府办", beijing).iri.endswith("110000-government-general-office")
    jinjiang = places(gz, "510104")[0]  # Chengdu's names for science, culture and sport, and parks
    assert gz.resolve("区新经济和科技局", jinjiang) == gz.resolve("区科技局", jinjiang)
    assert gz.resolve("区文体旅局", jinjiang) == gz.resolve("区文旅局", jinjiang)
    assert gz.resolve("区公园城市局", jinjiang) == gz.resolve("区园林绿化局", jinjiang)
    yuhang = places(gz, "330110")[0]  # a district's branch of the city's planning bureau
    assert gz.resolve("区自然资源和规划分局", yuhang) == gz.resolve("区规划资源局", yuhang)
    xiping = places(gz, "411721")[0]  # the Party committee's and the government's supervision offices
    assert gz.resolve("县委督查室", xiping).label_zh == "中共西平县委督查室"
    assert gz.resolve("县政府督查室", xiping).label_zh == "西平县政府督查室"
    kaifeng = places(gz, "410200")[0]  # the bodies directly under the city (市直), and its law enforcers
    assert gz.resolve("市直各有关部门", kaifeng) == gz.resolve("有关部门", kaifeng)
    assert gz.resolve("市直各执法部门", kaifeng) == gz.resolve("各执法部门", kaifeng)
    assert gz.resolve("各执法部门", kaifeng).iri.endswith("410200-law-enforcement-bodies")
    assert not gz.resolve("行政执法机关", kaifeng).resolved  # a regulation's class of organs, no set of the city's
    xiamen = places(gz, "350200")[0]  # a port city's port office; Xiamen's short name of its planning bureau
    assert gz.resolve("市口岸办", xiamen).iri.endswith("350200-port-office")
    assert gz.resolve("市资源规划局", xiamen) == gz.resolve("市自然资源和规划局", xiamen)
    nanshan = places(gz, "440305")[0]  # Shenzhen's names for science and investment promotion
    assert gz.resolve("区科技创新局", nanshan) == gz.resolve("区科技局", nanshan)
    assert gz.resolve("区投资推广署", nanshan) == gz.resolve("区投资促进局", nanshan)


def test_the_relevant_bodies_of_a_level_and_a_vertical_enterprise():
    """有关区县政府, 沿线区县政府, 属地镇政府, 相关设区市人民政府: the level's collective (the relevant
    ones, where it lies); 国网市电力公司 is the State Grid's company of the place (国网重庆市电力公司,
    国网杭州供电公司)."""
    gz = Gazetteer.bundled()
    chongqing = places(gz, "500000")[0]
    counties = gz.resolve("各区县政府", chongqing)
    assert gz.resolve("有关区县政府", chongqing) == gz.resolve("沿线区县政府", chongqing) == counties
    assert counties.iri.endswith("500000-county-governments")
    assert gz.resolve("属地镇政府", chongqing) == gz.resolve("各镇人民政府", chongqing)
    jiangxi = places(gz, "360000")[0]  # a province's cities written 设区市, as 各 writes them
    assert gz.resolve("相关设区市人民政府", jiangxi) == gz.resolve("各设区市人民政府", jiangxi)
    assert gz.resolve("有关设区市工业和信息化局", jiangxi) == gz.resolve("各设区市工业和信息化局", jiangxi)
    assert gz.resolve("国网市电力公司", chongqing) == gz.resolve("市电力公司", chongqing)
    assert gz.resolve("市经济信息委", chongqing) == gz.resolve("市经信委", chongqing)
    # a city's power supply company under the State Grid's name, as Zhejiang's documents write it
    hangzhou = places(gz, "330100")[0]
    assert gz.resolve("国网杭州供电公司", hangzhou) == gz.resolve("杭州供电公司", hangzhou)
    assert gz.resolve("国网杭州供电公司", hangzhou).iri.endswith("330100-power-supply")


def test_a_function_at_all_levels_is_each_body_of_it():
    """各级监察委员会, 各级财政部门: as laws name a function at every level of the place and below."""
    gz = Gazetteer.bundled()
    henan = places(gz, "410000")[0]
    commission = gz.resolve("各级监察委员会", henan)
    assert commission.resolved and commission.iri.endswith("henan-all-levels-discipline-inspection-supervision")
    assert commission.type == gz.resolve("省监察委员会", henan).type
    assert gz.resolve("各级财政部门", henan).label_zh == "河南省各级财政局"
    assert gz.resolve("各级人民政府", henan) == gz.resolve("各级政府", henan)  # the vocabulary's collective


def test_party_organs_are_named_as_the_party_names_them():
    """中共 + place + 委…: 中共浙江省委 (not 浙江省党委), its 办公厅 at the provincial level, a
    district's 办公室; each district's committee is 各区委."""
    gz = Gazetteer.bundled()
    zhejiang, shanghai, jiading = places(gz, "330000", "310000", "310114")
    assert gz.resolve("省委", zhejiang).label_zh == "中共浙江省委"
    assert gz.resolve("中共浙江省委办公厅", zhejiang).label_zh == "中共浙江省委办公厅"
    assert gz.resolve("省委组织部", zhejiang).label_zh == "中共浙江省委组织部"
    assert gz.resolve("市委办公厅", shanghai).label_zh == "中共上海市委办公厅"
    assert gz.resolve("区委办", jiading).label_zh == "中共嘉定区委办公室"
    assert gz.resolve("区委", shanghai).label_zh == "上海市各区委"
    assert gz.resolve("省委编办", zhejiang).label_zh == "浙江省机构编制委员会办公室"  # named without 委 first


def test_the_discipline_and_supervisory_commissions_are_one_body_however_written():
    """纪委 and 监委 work as one (合署办公): written each with its level or place (市纪委市监委,
    杭州市纪委杭州市监委) or as their offices (省纪委省监委机关), they are the one body 纪委监委 names."""
    gz = Gazetteer.bundled()
    zhejiang, hangzhou = places(gz, "330000", "330100")
    written = ("省纪委监委", "省纪委省监委", "省纪委省监委机关", "省纪委监委机关")
    province = {gz.resolve(w, zhejiang).iri for w in written}
    assert province == {"https://w3id.org/policykg/id/agency/330000-discipline-inspection-supervision"}
    city = {gz.resolve(w, hangzhou).iri for w in ("市纪委监委", "市纪委市监委", "中共杭州市纪委杭州市监委")}
    assert city == {"https://w3id.org/policykg/id/agency/330100-discipline-inspection-supervision"}


def test_the_party_collectives_are_named_whole_with_their_second_kind():
    """A Party text names its collectives with the second kind of body in brackets: 各级党委（党组）
    (the committees and the leading Party groups), 市直各单位党组（党委）(the groups, or committees, of
    the city's units), 各镇街党（工）委 (a town's committee, a subdistrict's working committee); each is
    one collective, its bracket no second name plate to set aside. 各街道党工委 are the subdistricts',
    not a development zone's."""
    gz = Gazetteer.bundled()
    hangzhou, xihu = places(gz, "330100", "330106")
    named = {w: gz.resolve(w, hangzhou).iri.rsplit("/", 1)[1] for w in ("各级党委（党组）", "市直各单位党组（党委）")}
    assert named == {"各级党委（党组）": "330100-party-committees-groups-all-levels",
                     "市直各单位党组（党委）": "330100-department-party-groups"}  # fmt: skip
    assert gz.resolve("区直各单位党组（党委）", xihu).label_zh == "西湖区直各单位党组（党委）"
    towns = {gz.resolve(w, xihu).iri for w in ("各镇街党（工）委", "各镇（街道）党（工）委", "各乡镇（街道）党委")}
    assert towns == {"https://w3id.org/policykg/id/agency/330106-township-party-committees"}
    assert gz.resolve("各街道党工委", xihu).type.slug == "subdistrict-party-working-committees"
    assert gz.resolve("各级党委", hangzhou).type.slug == "party-committees-all-levels"
    assert gz.resolve("各街镇部门", places(gz, "310114")[0]).type.slug == "towns-subdistricts"  # the field's own


def test_the_bodies_of_a_level_are_one_collective_however_written():
    """市人民政府 in a provincial law, 各市政府, 各设区市人民政府: each city's government, the one
    collective the vocabulary names 各市人民政府; a department of each city is minted once."""
    gz = Gazetteer.bundled()
    zhejiang, shanghai = places(gz, "330000", "310000")
    cities = {gz.resolve(w, zhejiang).iri for w in ("市人民政府", "各市政府", "各设区市人民政府", "各省辖市人民政府")}
    assert cities == {"https://w3id.org/policykg/id/agency/330000-city-governments"}
    counties = {gz.resolve(w, zhejiang).iri for w in ("县(市、区)人民政府", "各县〔市、区〕政府", "各县政府")}
    assert counties == {"https://w3id.org/policykg/id/agency/330000-county-governments"}
    districts = {gz.resolve(w, shanghai).iri for w in ("区人民政府", "各区政府")}
    assert districts == {"https://w3id.org/policykg/id/agency/310000-county-governments"}
    guangdong = places(gz, "440000")[0]
    assert gz.resolve("各地级以上市人民政府", guangdong).iri.endswith("/440000-city-governments")
    jiading = places(gz, "310114")[0]
    offices = {gz.resolve(w, jiading).iri for w in ("街道办事处", "各街道办事处", "街道(开发区)办事处")}
    assert offices == {"https://w3id.org/policykg/id/agency/310114-subdistrict-offices"}  # a district's: each
    finance = {gz.resolve(w, zhejiang) for w in ("各市财政局", "各设区市财政部门", "设区市财政部门")}
    assert {(a.iri, a.label_zh) for a in finance} == {
        ("https://w3id.org/policykg/id/agency/330000-city-finance", "浙江省各市财政局")
    }


def test_cluster_zones_are_succeeded_by_development_zones():
    gz = Gazetteer.bundled()
    assert gz.succeeded_by
    for cluster_zone, zone in gz.succeeded_by.items():
        assert gz.places[cluster_zone].kind == "ClusterZone"
        assert gz.places[zone].kind == "DevelopmentZone"


def test_measures_link_to_the_places_and_industries_they_name():
    doc = record("zhumadian-2023-industrial-economy")
    # 二/（三）: "支持遂平县发展适用新能源电池、电子等产业的新型膜材。支持汝南县…"
    names = {
        Gazetteer.bundled().places.get(f.iri, None).label_zh
        for f in doc.mentions["二/（三）"]
        if f.iri in Gazetteer.bundled().places
    }
    assert {"遂平县", "汝南县", "泌阳县", "驿城区"} <= names
    industries = {f.iri.rsplit("/", 1)[-1] for f in doc.mentions["二/（三）"] if f.kind == "Industry"}
    assert "new-energy-batteries" in industries


def test_a_city_the_vocabulary_does_not_curate_has_its_districts_as_target_scopes_and_mentions():
    """青岛市 has no curated districts: its divisions' counties are its areas, known by their full
    names (崂山 alone, a mountain as often, names none), and the graph places them."""
    doc = _extracted(
        "青岛市人民政府办公厅关于印发青岛市养老服务工作方案的通知\n\n"
        "一、重点任务\n\n"
        "（一）建设助餐点。2024年新增老年助餐点200处，其中市南区20处、平度市10处。\n\n"
        "（二）发展康养旅游。依托崂山滨海资源，开发旅游线路10条。\n"
    )
    scoped = {(t.value, p.rsplit("/", 1)[-1]) for t, (p, _) in zip(doc.targets, doc.target_scopes) if p}
    assert scoped == {(20, "370202"), (10, "370283")}  # the whole city's and the line's: scope city
    assert {f.iri.rsplit("/", 1)[-1] for f in doc.mentions["一/（一）"]} == {"370202", "370283"}
    assert doc.mentions["一/（二）"] == []
    assert {"370202", "370283"} <= {p.iri.rsplit("/", 1)[-1] for p in doc.places}


def test_companies_named_in_puyang_measure():
    doc = record("puyang-2023-manufacturing-doubling")
    companies = {f.iri for f in doc.mentions["二/（一）/1"] if f.kind == "Company"}
    assert len(companies) == 2  # 万华化学、立讯精密


def test_exports_of_places_industries_and_lineage(built):
    out, _ = built
    places = list(csv.DictReader(io.StringIO(export(out, "places"))))
    assert {r["kind"] for r in places} >= {"Province", "City", "County", "DevelopmentZone", "ClusterZone", "Park"}
    high_tech = next(r for r in places if r["iri"].endswith("/zhumadian-high-tech-zone"))
    assert int(high_tech["targets"]) >= 9  # 附件2: 3 years × star and tier; 附件3: its clusters
    industries = list(csv.DictReader(io.StringIO(export(out, "industries"))))
    chemical = [r for r in industries if r["code"] == "C26"]
    assert chemical and int(chemical[0]["measures"]) > 0
    lineage = list(csv.DictReader(io.StringIO(export(out, "lineage"))))
    assert ("驻政办〔2021〕10号", "based_on", "豫办〔2020〕17号", "provincial") in {
        (r["document_number"], r["relation"], r["cited_number"], r["cited_level"]) for r in lineage
    }
    assert len(lineage) == 5


def test_target_export_columns(built):
    out, _ = built
    rows = list(csv.DictReader(io.StringIO(export(out, "targets"))))
    assert list(rows[0]) == [
        "source_file", "document_number", "document_title", "measure_path", "indicator", "kind", "value",
        "value_min", "value_max", "category", "unit", "comparator", "year", "per_year", "scope", "baseline",
        "source", "quote",
    ]  # fmt: skip
    annex3 = [r for r in rows if r["measure_path"] == "附件3"]
    assert len(annex3) == 51
    chemical_2026 = next(r for r in annex3 if r["scope"] == "驻马店高新区化工" and r["year"] == "2026")
    assert (chemical_2026["value"], chemical_2026["unit"], chemical_2026["kind"]) == ("170", "亿元", "level")


def test_the_departments_of_every_government_at_county_level_and_above():
    """县级以上人民政府财政部门, as laws write it: the finance bureaus of all those governments, one
    collective of the finance type; 县级以上人民政府 itself is the vocabulary's collective."""
    gz = Gazetteer.bundled()
    henan = places(gz, "410000")[0]
    finance = gz.resolve("县级以上人民政府财政部门", henan)
    assert (finance.label_zh, finance.type.slug if finance.type else None) == ("河南省县级以上财政局", "finance")
    assert finance.iri.endswith("/henan-county-and-above-finance")
    assert gz.resolve("县级以上人民政府", henan).iri.endswith("/henan-governments-county-and-above")


def test_a_provincial_regulation_s_local_governments_and_their_competent_departments():
    """县级以上地方人民政府水行政主管部门, as the Organic Law names local governments and regulations their
    departments: the same collective as 县级以上人民政府水利部门; 水行政主管部门 of the province is its 水利厅."""
    gz = Gazetteer.bundled()
    jiangsu = places(gz, "320000")[0]
    water = gz.resolve("县级以上人民政府水利部门", jiangsu)
    assert water.resolved and water.type is not None and water.type.slug == "water-resources"
    assert gz.resolve("县级以上地方人民政府水行政主管部门", jiangsu) == water
    assert gz.resolve("县级以上人民政府水行政主管部门", jiangsu) == water
    assert gz.resolve("县级以上地方人民政府生态环境主管部门", jiangsu) == gz.resolve(
        "县级以上人民政府生态环境部门", jiangsu
    )
    assert gz.resolve("省水行政主管部门", jiangsu) == gz.resolve("省水利厅", jiangsu)


def test_a_law_s_bodies_of_the_cities_with_districts():
    """设区的市 (a city divided into districts, as laws name the prefecture level): each such city's body."""
    gz = Gazetteer.bundled()
    zhejiang = places(gz, "330000")[0]
    assert gz.resolve("设区的市生态环境主管部门", zhejiang) == gz.resolve("各市生态环境局", zhejiang)
    assert gz.resolve("设区的市人民政府", zhejiang) == gz.resolve("各市人民政府", zhejiang)


def test_a_national_bank_s_or_regulator_s_office_named_with_its_place_inside():
    """人民银行四川省分行, 国家金融监督管理总局佛山监管分局: the place's office of that function."""
    gz = Gazetteer.bundled()
    sichuan, foshan = places(gz, "510000", "440600")
    assert gz.resolve("人民银行四川省分行", sichuan) == gz.resolve("省人民银行", sichuan)
    assert gz.resolve("中国人民银行佛山市分行", foshan) == gz.resolve("市人民银行", foshan)
    regulator = gz.resolve("国家金融监督管理总局佛山监管分局", foshan)
    assert regulator == gz.resolve("佛山金融监管分局", foshan) and regulator.resolved


def test_the_county_tier_is_named_as_the_place_names_it():
    """各区人民政府 of a city of districts only is 佛山市各区人民政府, not 各县（区）; a city with counties,
    districts and county-level cities names them all (昆明市各县(市、区)…)."""
    gz = Gazetteer.bundled()
    foshan, kunming, shanghai = places(gz, "440600", "530100", "310000")
    assert gz.resolve("各区人民政府", foshan).label_zh == "佛山市各区人民政府"
    assert gz.resolve("各区政府", shanghai).label_zh == "上海市各区人民政府"
    assert gz.resolve("各县（市、区）市场监管局", kunming).label_zh == "昆明市各县(市、区)市场监督管理局"
    # a province's own county-level city (河南's 济源市) does not make its counties 各市
    henan = places(gz, "410000")[0]
    assert gz.resolve("县人民政府", henan).label_zh == "河南省各县（区）人民政府"
    assert gz.resolve("各县财政局", henan).label_zh == "河南省各县(区)财政局"


def test_the_localities_of_a_text_are_the_level_below_its_place():
    """各地工业和信息化主管部门 in a national text: each province's department; in a province's, each
    city's (a 直辖市's: each district's); 地方各级人民政府: the governments at every level."""
    gz = Gazetteer.bundled()
    jiangsu, shanghai = (gz.place_of(gz.divisions.by_code[code]) for code in ("320000", "310000"))
    assert gz.resolve("各地工业和信息化主管部门", gz.country) == gz.resolve("各省工业和信息化厅", gz.country)
    assert gz.resolve("各地发展改革部门", jiangsu) == gz.resolve("各市发展改革委", jiangsu)
    assert gz.resolve("各地区发展改革委", shanghai) == gz.resolve("各区发展改革委", shanghai)
    assert gz.resolve("地方各级人民政府", gz.country) == gz.resolve("各级人民政府", gz.country)


def test_an_autonomous_area_is_read_by_its_short_name():
    """黔东南州 is 黔东南苗族侗族自治州 and 三都县 三都水族自治县 (the ethnic groups' names cut), 巴州
    巴音郭楞蒙古自治州 (curated): a title that names its issuer so places the document."""
    gz = Gazetteer.bundled()
    names = ("黔东南州", "湘西州", "恩施州", "大理州", "延边州", "凉山州", "伊犁州", "三都县", "松桃县", "巴州", "版纳")
    assert [gz.divisions.read(name)[0].code for name in names] == [
        "522600", "433100", "422800", "532900", "222400", "513400", "654000", "522732", "520628", "652800", "532800"
    ]  # fmt: skip
    assert gz.divisions.read("巴州区")[0].name == "巴州区"
    place = gz.place_in(["黔东南州人民政府办公室"], [], None)
    assert place.label_zh == "黔东南苗族侗族自治州"
    assert gz.resolve("州商务局", place).label_zh == "黔东南苗族侗族自治州商务局"


def test_市_in_a_county_level_city_s_text_is_that_city():
    """In a text of 凯里市 (a 县级市 of 黔东南州) or of its towns, 市商务局 is 凯里市's; in a county's
    text 市 stays the prefecture (遂平县: 驻马店市)."""
    gz = Gazetteer.bundled()
    kaili, kunshan, suiping = places(gz, "522601", "320583", "411728")
    assert gz.resolve("市商务局", kaili).label_zh == "凯里市商务局"
    assert gz.resolve("州商务局", kaili).label_zh == "黔东南苗族侗族自治州商务局"
    assert gz.resolve("市发改委", kunshan).label_zh == "昆山市发展和改革委员会"
    town = gz.place_in(["昆山市千灯镇人民政府"], [], None)
    assert gz.resolve("市发改委", town) == gz.resolve("市发改委", kunshan)
    assert gz.resolve("市财政局", suiping) == gz.resolve("驻马店市财政局", suiping)


def test_an_autonomous_prefecture_s_place_alone_names_it_in_its_bodies_names():
    """凉山金融监管分局 (the NFRA's branch) and 黔东南军分区 write the prefecture by its place alone; not where
    that is another division's name (大理: 大理市; 甘南: 黑龙江's 甘南县)."""
    gz = Gazetteer.bundled()
    xichang, liangshan = places(gz, "513401", "513400")
    sichuan, guizhou, yunnan, gansu = (gz.divisions.by_code[code] for code in ("510000", "520000", "530000", "620000"))
    assert [gz.divisions.read(name, within)[0].code for name, within in (("凉山", sichuan), ("黔东南", guizhou))] == [
        "513400", "522600"
    ]  # fmt: skip
    assert gz.divisions.read("大理", yunnan)[0].code == "532901"
    assert gz.divisions.read("甘南", gansu)[0].code == "623000"
    assert gz.divisions.read("凉山")[0] is None  # a short name: inside its province only
    assert gz.resolve("凉山金融监管分局", xichang) == gz.resolve("国家金融监督管理总局凉山监管分局", liangshan)
    assert gz.resolve("凉山金融监管分局", xichang).resolved


def test_a_prefecture_s_body_the_vocabulary_lacks_is_the_prefecture_s_in_a_county_s_text():
    """州邛海泸山景区管理局 in 西昌市's text is 凉山州's body, one with the same name in 凉山州's texts."""
    gz = Gazetteer.bundled()
    xichang, liangshan = places(gz, "513401", "513400")
    body = gz.resolve("州邛海泸山景区管理局", xichang)
    assert body == gz.resolve("州邛海泸山景区管理局", liangshan)
    assert body.city == liangshan


def test_a_prefecture_s_or_league_s_level_word_names_its_own_bodies():
    """州级有关部门 is 州直有关部门, as 市级有关部门 is 市直有关部门; 盟级 a league's, in its text or a county's."""
    gz = Gazetteer.bundled()
    liangshan, xichang, xilingol = places(gz, "513400", "513401", "152500")
    assert gz.resolve("州级有关部门", liangshan) == gz.resolve("州直有关部门", liangshan)
    assert gz.resolve("州级各部门", xichang) == gz.resolve("州直有关部门", liangshan)
    assert gz.resolve("盟级有关部门", xilingol) == gz.resolve("盟直有关部门", xilingol)


def test_brackets_nested_in_a_clause_s_are_read_as_a_name_s_own():
    """各县〈市〉人民政府 and 各市〈州〉人民政府, inside a clause's brackets, are 各县（市）人民政府 and
    各市（州）人民政府."""
    gz = Gazetteer.bundled()
    sichuan, liangshan = places(gz, "510000", "513400")
    assert gz.resolve("各县〈市〉人民政府", liangshan) == gz.resolve("各县（市）人民政府", liangshan)
    assert gz.resolve("各市〈州〉人民政府", sichuan) == gz.resolve("各市（州）人民政府", sichuan)
    assert gz.resolve("各市〈州〉人民政府", sichuan).resolved


def test_a_document_s_place_from_its_masthead_when_its_title_names_no_place():
    """望京街道关于… under the masthead 北京市朝阳区望京街道办事处 (GB/T 9704 发文机关标志) is 望京街道's,
    a township document; one whose issuers name no place has no level, not the national one."""
    masthead = "北京市朝阳区望京街道办事处\n\n望京办发〔2025〕3号\n\n望京街道关于落实养老服务实施方案的工作方案\n\n"
    body = "各社区居委会：\n\n一、加强组织领导\n\n成立工作专班。（责任单位：各社区居委会）\n"
    record = _extracted(masthead + body)
    assert (record.city.label_zh, record.level) == ("望京街道", "township")
    signature = "\n北京市朝阳区望京街道办事处\n\n2025年3月10日\n"
    signed = _extracted("望京街道关于落实养老服务实施方案的工作方案\n\n" + body + signature)
    assert signed.city.label_zh == "望京街道"
    assert _extracted("关于落实养老服务实施方案的工作方案\n\n" + body).level is None


def test_a_division_named_after_its_bureau_s_name_is_labelled_once():
    """省生态环境厅大气环境处 in the 厅's own text, 市局大气环境处 in the 局's: the bureau's 大气环境处, its
    name not repeated; an 办事处 is no internal division (街道办事处)."""
    gz = Gazetteer.bundled()
    shaanxi, xian = places(gz, "610000", "610100")
    department, bureau = gz.resolve("陕西省生态环境厅", shaanxi), gz.resolve("西安市生态环境局", xian)
    division = gz.division(department, "省生态环境厅大气环境处")
    assert division == gz.division(department, "大气环境处") == gz.division(department, "省厅大气环境处")
    assert division.label_zh == "陕西省生态环境厅大气环境处"
    assert gz.division(bureau, "市局大气环境处").label_zh == "西安市生态环境局大气环境处"
    assert gz.division(bureau, "电子城街道办事处") is None


def test_vocabulary_of_bureaus_and_branches_as_places_name_them():
    """文体广电旅游局 is culture and tourism's; 营商环境建设监督局 (Heilongjiang; Liaoning's 营商环境建设局)
    the data and government-services bureau; 人行 the 人民银行; Beijing's 各地区办事处 its townships'."""
    gz = Gazetteer.bundled()
    qiandongnan, heilongjiang, chaoyang = places(gz, "522600", "230000", "110105")
    assert gz.resolve("州文体广电旅游局", qiandongnan) == gz.resolve("州文化和旅游局", qiandongnan)
    assert gz.resolve("省营商环境建设监督局", heilongjiang) == gz.resolve("省数据局", heilongjiang)
    assert gz.resolve("人行黔东南州中心支行", qiandongnan) == gz.resolve("人民银行黔东南州中心支行", qiandongnan)
    assert gz.resolve("各地区办事处", chaoyang) == gz.resolve("地区办事处", chaoyang)


def test_vocabulary_of_hunan_s_and_its_prefectures_merged_bureaus():
    """湘西州's 文化旅游广电局 (州文旅广电局), 吉首市's 文化旅游广电体育局 (市文旅广体局), the 教育和体育局 of
    湘西州 and 凉山州, Hunan's 政务管理服务局 (省政务局), Sichuan's 文化广播电视和旅游局 and 民族宗教局."""
    gz = Gazetteer.bundled()
    hunan, xiangxi, jishou, liangshan = places(gz, "430000", "433100", "433101", "513400")
    assert gz.resolve("州文旅广电局", xiangxi) == gz.resolve("州文化和旅游局", xiangxi)
    assert gz.resolve("市文旅广体局", jishou) == gz.resolve("市文化和旅游局", jishou)
    assert gz.resolve("州教育和体育局", liangshan) == gz.resolve("州教育局", liangshan)
    xichang = gz.place_of(gz.divisions.by_code["513401"])  # Sichuan's full names: 西昌市文化广播电视和旅游局
    assert gz.resolve("市文化广播电视和旅游局", xichang) == gz.resolve("市文化和旅游局", xichang)
    assert gz.resolve("市民族宗教局", xichang) == gz.resolve("市民族宗教事务局", xichang)
    assert gz.resolve("省政务局", hunan) == gz.resolve("省政务管理服务局", hunan) == gz.resolve("省政务服务局", hunan)


def test_a_central_bank_office_is_named_with_its_place_inside():
    """人行福州中心支行 is 中国人民银行福州市中心支行, as the bank names its offices, not 福州市中国人民银行…."""
    gz = Gazetteer.bundled()
    (fujian,) = places(gz, "350000")
    assert gz.resolve("人行福州中心支行", fujian).label_zh == "中国人民银行福州市中心支行"
