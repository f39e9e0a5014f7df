"""Bad input gets a clear message naming the file and the place, never a traceback."""

from __future__ import annotations

import codecs
import pickle
import shutil
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path

import pytest

from conftest import CORPUS, graph_bytes
from policykg.cli import main
from policykg.errors import CorpusError, PackageFileError, PolicyKGError
from policykg.graph import gazetteer, store, validation
from policykg.graph.gazetteer import Gazetteer
from policykg.graph.outline import outline_to_dict, parse_outline, read_outline
from policykg.graph.records import SourceText
from policykg.graph.targets import outline_targets
from policykg.graph.text import read_source
from policykg.queries import catalogue

POLICYKG = [sys.executable, "-m", "policykg"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*POLICYKG, *args], capture_output=True, text=True, encoding="utf-8")


def test_gbk_document_reads_like_its_utf8_original(tmp_path):
    source = CORPUS / "zhumadian-2021-industrial-quality-plan.txt"
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(source.read_text(encoding="utf-8").encode("gbk"))
    a, b = read_outline(source), read_outline(gbk)
    assert [(i.path, i.title) for i in a.walk()] == [(i.path, i.title) for i in b.walk()]
    assert a.metadata.document_number == b.metadata.document_number == "驻政办〔2021〕10号"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty file"),
        (b"\x00\x01\x02PK\x03\x04" * 100, "binary file"),
        (b"\xe5\x8f\x91\x80\x80\x80" * 10, "neither UTF-8 nor GB18030/GBK nor Big5"),
        (
            codecs.BOM_UTF16_LE + "一、总体要求\r\n二、".encode("utf-16-le") + b"\x00\xd8",
            ":2: invalid utf-16 text after",
        ),
    ],
    ids=["empty", "binary", "undecodable", "broken-utf16"],
)
def test_unreadable_file_is_a_usage_error_with_a_message(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("outline", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith("policykg: bad.txt")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_text_without_numbering_is_read_with_a_warning(tmp_path):
    doc = tmp_path / "plain.txt"
    doc.write_text("关于做好工业经济工作的通知\n\n各县区要切实加强组织领导，确保完成全年目标任务。\n", encoding="utf-8")
    outline = read_outline(doc)
    assert list(outline.walk()) == []
    assert outline.metadata.title == "关于做好工业经济工作的通知"
    assert [str(p) for p in outline.problems] == [
        "plain.txt: warning: no numbered items (一、 / (一) / 1.) found: the text after its opening paragraph is"
        " read as one item, 正文"
    ]
    result = run("outline", "--strict", str(doc))
    assert result.returncode == 1 and "plain.txt: warning: no numbered items" in result.stderr


def test_truncated_annex_row_is_reported_with_its_line(tmp_path):
    text = (CORPUS / "zhumadian-2019-industrial-clusters-plan.txt").read_text(encoding="utf-8")
    cut = text.index("市发改委、科技局、工信局、财政局") - 2  # after "配套实行差别化政策"
    doc = tmp_path / "cut.txt"
    doc.write_text(text[:cut], encoding="utf-8")
    outline = read_outline(doc)
    rows = outline.annexes[0].rows
    assert rows[-1].cells == ("2", "配套实行差别化政策")
    line = text[:cut].count("\n") - 1  # the row's first cell
    assert [str(p) for p in outline.problems] == [
        f"cut.txt:{line}: warning: 附件: row 2 has 2 of 4 cells (truncated table?)"
    ]


def test_repeated_number_is_reported_and_filed_under_the_next_number(tmp_path):
    """Regression: both items had the path 一/（一）, so the graph merged them into one measure."""
    doc = tmp_path / "repeat.txt"
    doc.write_text("工作方案\n一、总体要求\n（一）指导思想。坚持。\n（一）主要目标。到2025年。\n", encoding="utf-8")
    outline = read_outline(doc)
    assert [(i.path, i.number) for i in outline.walk()] == [
        ("一", "一、"),
        ("一/（一）", "（一）"),
        ("一/（二）", "（一）"),
    ]
    assert [str(p) for p in outline.problems] == [
        "repeat.txt:4: warning: numbering repeats （一） (expected （二）): read as （二）"
    ]


# -- encodings, line ends, scripts and digits ---------------------------------------------------

REAL = CORPUS / "zhumadian-2021-industrial-quality-plan.txt"
TRADITIONAL = (
    "駐馬店市人民政府辦公室關於印發駐馬店市工業經濟高質量發展工作方案的通知\n"
    "各縣區人民政府，市直各有關單位：\n"
    "現將工作方案印發給你們，請認真貫徹執行。\n"
    "一、總體要求\n"
    "（一）指導思想。堅持新發展理念，推動製造業高質量發展。（責任單位：市發展改革委、市工業和信息化局）\n"
    "二、主要目標\n"
    "到2025年，規模以上工業增加值年均增長8%以上。\n"
)


def outline_dict(path, spans: bool = True) -> dict:
    """The whole outline as data; without spans when line ends change the offsets."""

    def drop(value):
        if isinstance(value, dict):
            return {k: drop(v) for k, v in value.items() if spans or k != "span"}
        if isinstance(value, list):
            return [drop(v) for v in value]
        return value

    return drop(outline_to_dict(read_outline(path)))


def write(folder, name: str, data: bytes):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom"],
)
def test_unicode_encodings_read_exactly_like_utf8(tmp_path, encoding, bom):
    """Same items, texts, lines, offsets and problems: the BOM is not part of the text."""
    text = REAL.read_text(encoding="utf-8")
    plain = write(tmp_path / "utf8", "doc.txt", text.encode("utf-8"))
    other = write(tmp_path / encoding, "doc.txt", bom + text.encode(encoding))
    assert outline_dict(other) == outline_dict(plain)
    assert read_source(other).encoding == (encoding if not bom else {"utf-8": "utf-8-sig"}.get(encoding, encoding[:6]))


def test_gb18030_only_characters_are_read(tmp_path):
    """Extension A and B characters (rare names) exist in GB18030 but not in GBK."""
    text = "驻马店市工作方案\n一、总体要求\n（一）支持䶮𠀀科技有限公司做大做强。（责任单位：市工信局）\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    doc = write(tmp_path, "rare.txt", text.encode("gb18030"))
    assert read_source(doc).text == text
    assert [i.text for i in read_outline(doc).walk()][1] == "支持䶮𠀀科技有限公司做大做强。（责任单位：市工信局）"


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_windows_and_old_mac_line_ends_give_the_same_outline_and_lines(tmp_path, ending):
    text = (CORPUS / "zhumadian-2019-industrial-clusters-plan.txt").read_text(encoding="utf-8")
    plain = write(tmp_path / "lf", "doc.txt", text.encode("utf-8"))
    other = write(tmp_path / "other", "doc.txt", text.replace("\n", ending).encode("utf-8"))
    assert outline_dict(other, spans=False) == outline_dict(plain, spans=False)
    assert outline_dict(plain)["annexes"][0]["rows"][-1]["line"] > 100  # lines are compared, not all 1


def test_skipped_number_is_reported_with_its_line(tmp_path):
    doc = write(
        tmp_path,
        "skip.txt",
        "驻马店市工作方案\r\n一、总体要求\r\n（一）指导思想。坚持。\r\n三、保障措施\r\n（一）加强领导。\r\n（三）强化考核。\r\n".encode(),
    )
    outline = read_outline(doc)
    assert [i.path for i in outline.walk()] == ["一", "一/（一）", "三", "三/（一）", "三/（三）"]
    assert [str(p) for p in outline.problems] == [
        "skip.txt:4: warning: numbering jumps to 三 (expected 二)",
        "skip.txt:6: warning: numbering jumps to （三） (expected （二）)",
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
def test_traditional_script_is_read_as_written_with_a_warning(tmp_path, encoding):
    """Big5 bytes also decode as GB18030 (into nonsense); the reader picks the reading of real words."""
    doc = write(tmp_path, "trad.txt", TRADITIONAL.encode(encoding))
    source = read_source(doc)
    assert source.text == TRADITIONAL
    outline = read_outline(doc)
    assert [i.path for i in outline.walk()] == ["一", "一/（一）", "二"]
    assert outline.metadata.title.startswith("駐馬店市人民政府辦公室關於印發")
    assert [str(p) for p in outline.problems] == [
        "trad.txt:1: warning: traditional script (辦關發業經質縣區…): read as written, but responsibility clauses"
        " and agency names are matched in simplified Chinese and may be missed"
    ]


def test_simplified_corpus_is_not_taken_for_traditional(stem):
    assert not [p for p in read_outline(CORPUS / f"{stem}.txt").problems if "traditional" in p.message]


def test_full_width_digits_read_like_ascii_digits(tmp_path):
    ascii_text = (
        "驻马店市2025年工业经济工作方案\n一、主要目标\n"
        "1、到2025年，规模以上工业增加值增长8%以上。\n（1）新培育专精特新企业20家。\n"
    )
    full = ascii_text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789%"})
    assert "１、到２０２５年" in full and "８％" in full and "（１）" in full

    def read(text: str):
        outline = read_outline(write(tmp_path, "doc.txt", text.encode("utf-8")))
        targets = outline_targets(outline, [])
        return [i.path for i in outline.walk()], [(t.indicator, t.value, t.unit, t.year) for t in targets]

    assert (
        read(full)
        == read(ascii_text)
        == (
            ["一", "一/1", "一/1/（1）"],
            [("规模以上工业增加值", 8.0, "%", 2025), ("专精特新企业", 20.0, "家", 2025)],
        )
    )


def test_full_width_digits_change_no_target_of_the_corpus(stem):
    """Regression: years in titles and annex cells were matched as ASCII only (２０２４年 lost)."""
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    full = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})

    def read(text: str):
        outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
        targets = [
            (t.path, t.indicator, t.kind, t.value, t.unit, t.year, t.scope, t.category)
            for t in outline_targets(outline, [])
        ]
        return [i.path for i in outline.walk()], [str(p) for p in outline.problems], targets

    assert read(full) == read(text)


def test_control_characters_are_removed_with_a_warning(tmp_path):
    clean = "驻马店市工作方案\n一、总体要求\n（一）加快项目建设。（责任单位：市发改委）\n" + "".join(
        f"（{n}）强化要素保障。\n" for n in "二三四五六"
    )
    dirty = clean.replace("加快", "加\x1b[0m快\x07").replace("市发改委", "市发\u202e改委")
    outline = read_outline(write(tmp_path, "ctl.txt", dirty.encode("utf-8")))
    assert [str(p) for p in outline.problems] == [
        "ctl.txt:3: warning: 3 control characters removed (U+0007, U+001B, U+202E)"
    ]
    assert [i.text for i in outline.walk()][1] == "加[0m快项目建设。（责任单位：市发改委）"


def test_nul_byte_in_a_utf8_document_names_its_line(tmp_path):
    write(tmp_path, "nul.txt", "驻马店市工作方案\n一、总体要求\n（一）加快\x00项目建设。\n".encode())
    result = run("outline", str(tmp_path / "nul.txt"))
    assert result.returncode == 2
    assert result.stderr.startswith("policykg: nul.txt:3: binary file (it holds NUL bytes)")


def test_enormous_file_is_refused_without_reading_it(tmp_path):
    doc = tmp_path / "big.txt"
    chunk = REAL.read_bytes()
    with doc.open("wb") as out:
        while out.tell() < 50 * 2**20:
            out.write(chunk)
    size = doc.stat().st_size / 2**20
    assert size >= 50
    start = time.perf_counter()
    with pytest.raises(CorpusError) as err:
        read_outline(doc)
    assert time.perf_counter() - start < 5  # reading it all takes a minute and gigabytes
    assert str(err.value).startswith(f"big.txt: file too large ({size:.3g} MB > 5 MB limit): not read")


def test_size_limit_can_be_raised_or_lowered(tmp_path, monkeypatch):
    doc = write(tmp_path, "doc.txt", REAL.read_bytes())  # 22 KB
    monkeypatch.setenv("POLICYKG_MAX_FILE_MB", "0.01")
    with pytest.raises(CorpusError, match=r"file too large \(0\.0212 MB > 0\.01 MB limit\)"):
        read_outline(doc)
    monkeypatch.setenv("POLICYKG_MAX_FILE_MB", "0.1")
    assert list(read_outline(doc).walk())
    monkeypatch.setenv("POLICYKG_MAX_FILE_MB", "ten")
    with pytest.raises(PolicyKGError, match="POLICYKG_MAX_FILE_MB='ten': not a number of megabytes"):
        read_outline(doc)


@pytest.mark.slow
def test_build_reads_the_good_documents_lists_every_problem_and_strict_fails(tmp_path):
    """One corpus with every kind of bad input: what can be read builds; the summary names each problem."""
    corpus = tmp_path / "corpus"
    good = (CORPUS / "zhumadian-2023-industrial-economy.txt").read_text(encoding="utf-8")
    clusters = (CORPUS / "zhumadian-2019-industrial-clusters-plan.txt").read_text(encoding="utf-8")
    write(corpus, "good.txt", good.encode("utf-8"))
    write(corpus, "gbk.txt", REAL.read_text(encoding="utf-8").encode("gb18030"))
    write(corpus, "utf16.txt", codecs.BOM_UTF16_LE + good.encode("utf-16-le"))
    write(corpus, "crlf.txt", clusters.replace("\n", "\r\n").encode("utf-8"))
    cut = clusters[: clusters.index("市发改委、科技局、工信局、财政局") - 2]
    write(corpus, "cut.txt", cut.encode("utf-8"))
    write(corpus, "empty.txt", b"")
    write(corpus, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    write(corpus, "skip.txt", "驻马店市工作方案\n一、总体要求\n（一）坚持。\n三、保障措施\n".encode())
    write(corpus, "repeat.txt", "驻马店市工作方案\n一、总体要求\n（一）指导思想。\n（一）主要目标。\n".encode())
    write(corpus, "trad.txt", TRADITIONAL.encode("big5"))
    with (corpus / "big.txt").open("wb") as out:
        out.truncate(50 * 2**20)  # sparse: the size is what counts
    result = run("build", "--corpus", str(corpus), "--out", str(tmp_path / "build"), "--strict")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    report = result.stdout
    assert f"built {tmp_path / 'build'}/ from 8 documents" in report
    for expected in (
        "big.txt: error: file too large (50 MB > 5 MB limit): not read",
        "binary.txt:3: error: binary file (it holds NUL bytes)",
        "empty.txt: error: empty file: nothing to read",
        "skip.txt:4: warning: numbering jumps to 三 (expected 二)",
        "repeat.txt:4: warning: numbering repeats （一） (expected （二）): read as （二）",
        "trad.txt:1: warning: traditional script",
        f"cut.txt:{cut.count(chr(10)) - 1}: warning: 附件: row 2 has 2 of 4 cells (truncated table?)",
    ):
        assert f"\n  {expected}" in report, expected
    kg = graph_bytes(tmp_path / "build").decode()
    for stem in ("good", "gbk", "utf16", "crlf", "cut", "skip", "repeat", "trad"):
        assert f"/doc/{stem}>" in kg, stem
    assert '"指导思想"@zh' in kg and '"主要目标"@zh' in kg  # the repeated number is a measure of its own


def test_a_numeral_beyond_the_outline_range_is_text_not_a_crash(tmp_path):
    """Regression: "九百九百、" read as number 1800, which has no Chinese path segment: ValueError."""
    doc = write(
        tmp_path, "big-number.txt", "驻马店市工作方案\n一、总体要求\n九百九百、加快项目建设。\n二、保障措施\n".encode()
    )
    outline = read_outline(doc)
    assert [i.path for i in outline.walk()] == ["一", "二"]
    assert outline.items[0].text == "总体要求\n九百九百、加快项目建设。"


# -- broken files of the package: the file and line, no parser traceback ----------------------------

UNDECLARED = "zz:a zz:b zz:c ."  # a prefix never declared: both Oxigraph and rdflib stop at it


def _package_copy(tmp_path, package: str, name: str, tail: bytes) -> tuple[Path, int]:
    """A copy of a package folder whose file ``name`` ends with ``tail``; the number of its first line."""
    copy = tmp_path / package.rsplit(".", 1)[-1]
    shutil.copytree(str(files(package)), copy)
    target = copy / name
    text = target.read_bytes() if target.exists() else b""
    text += b"" if not text or text.endswith(b"\n") else b"\n"
    target.write_bytes(text + tail + b"\n")
    return copy, text.count(b"\n") + 1


@pytest.fixture
def reread():
    """The package's files read afresh during the test and after it (their readers cache them)."""
    caches = (Gazetteer.__dict__["bundled"].__func__, validation._shapes_text, catalogue.load)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def _ontology_loader(loader: str, monkeypatch, copy: Path):
    """One of the three readers of the ontology folder, pointed at the copy."""
    if loader == "oxigraph":
        monkeypatch.setattr(store, "files", lambda package: copy)
        return store.schema_triples
    if loader == "gazetteer":
        monkeypatch.setattr(gazetteer, "files", lambda package: copy)
        return Gazetteer.bundled
    monkeypatch.setattr(validation, "SHAPES", copy / "shapes.ttl")
    return validation.shapes_graph


@pytest.mark.parametrize(
    "loader, name",
    [("oxigraph", "policy.ttl"), ("oxigraph", "vocab/places.ttl"), ("gazetteer", "vocab/agencies.ttl"),
     ("shapes", "shapes.ttl")],
)  # fmt: skip
def test_a_broken_turtle_file_of_the_package_names_its_file_and_line(tmp_path, monkeypatch, reread, loader, name):
    copy, line = _package_copy(tmp_path, "policykg.ontology", name, UNDECLARED.encode())
    with pytest.raises(PackageFileError) as err:
        _ontology_loader(loader, monkeypatch, copy)()
    assert str(err.value).startswith(f"{copy / name}:{line}: ")
    assert "zz:" in err.value.message
    assert str(pickle.loads(pickle.dumps(err.value))) == str(err.value)  # as a build's worker sends it back


def test_a_vocabulary_that_is_not_utf8_names_its_line(tmp_path, monkeypatch, reread):
    copy, line = _package_copy(tmp_path, "policykg.ontology", "vocab/companies.ttl", "# 公司".encode("gbk"))
    with pytest.raises(PackageFileError) as err:
        _ontology_loader("gazetteer", monkeypatch, copy)()
    assert str(err.value) == f"{copy / 'vocab/companies.ttl'}:{line}: not UTF-8 (invalid start byte)"


def test_a_build_with_a_broken_vocabulary_stops_with_the_file_and_line(tmp_path, monkeypatch, reread, capsys):
    copy, line = _package_copy(tmp_path, "policykg.ontology", "vocab/agencies.ttl", UNDECLARED.encode())
    _ontology_loader("gazetteer", monkeypatch, copy)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "zhumadian-2021-industrial-quality-plan.txt", corpus)
    assert main(["build", "--corpus", str(corpus), "--out", str(tmp_path / "build")]) == 2
    assert capsys.readouterr().err == f'policykg: {copy / "vocab/agencies.ttl"}:{line}: Prefix "zz:" not bound\n'


BROKEN_QUERY = """#+ summary: a query with a prefix never declared.
#+ returns: s
SELECT ?s WHERE {
  ?s zz:p ?o .
}"""


def test_a_broken_query_of_the_catalogue_names_its_file_and_line(tmp_path, monkeypatch, reread, capsys):
    copy, line = _package_copy(tmp_path, "policykg.queries", "broken.rq", BROKEN_QUERY.encode())
    monkeypatch.setattr(catalogue, "files", lambda package: copy)
    assert main(["query", "--list"]) == 2
    message = capsys.readouterr().err
    assert message.startswith(f"policykg: {copy / 'broken.rq'}:{line + 3}: expected ")
    assert "Traceback" not in message


def test_a_circled_figure_in_a_table_s_cell_is_no_row_number():
    """❶ is a digit to str.isdigit() but no number to int(): a table's cell holding it is text."""
    text = (
        "某市人民政府关于加快推进产业集群发展的通知\n\n一、加快推进产业集群发展。\n\n附件:重点工作任务分工\n"
        "序号\n\n重点任务\n\n牵头单位\n\n配合单位\n1\n\n加快推进产业集群发展\n\n市发改委\n\n市发改委\n"
        "2\n\n加快推进产业集群发展\n\n市发改委\n\n市发改委、市发改委\n3\n\n加快推进产业集群发展\n\n❶\n\n"
        "市发改委\n2019年\n\n０\n\n０\n\n０"
    )
    outline = parse_outline(SourceText("doc.txt", text, "utf-8"))
    assert outline.metadata.title == "某市人民政府关于加快推进产业集群发展的通知"
