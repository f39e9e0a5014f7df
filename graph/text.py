"""Reading documents: decoding bytes and normalising text for parsing.

Decoding is detected, not assumed: a BOM decides first, then strict UTF-8, then GB18030 (a superset
of GBK and GB2312) when what it yields looks like Chinese text. Normalisation only deletes
characters or replaces them one for one (see :mod:`policykg.graph.mapped`), so that every position
maps back to the original and every quote is exact.
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from policykg.errors import CorpusError
from policykg.graph.mapped import MappedText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_OK = "\t\n\r\f"


@dataclass(frozen=True)
class SourceText:
    """A decoded document: its name, its text as decoded and the encoding it was read with."""

    name: str
    text: str
    encoding: str


def _line_at_byte(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _looks_like_text(text: str) -> bool:
    """True when almost every character is printable: what real documents decode to."""
    if not text:
        return False
    bad = sum(1 for ch in text if (unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in _CONTROL_OK))
    return bad / len(text) < 0.001 + (1 / len(text))


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode a document's bytes; return (text, encoding) or raise :class:`CorpusError`."""
    if not data.strip():
        raise CorpusError(name, "empty file: nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise CorpusError(
                    name, f"invalid {encoding} text after its byte-order mark", _line_at_byte(data, err.start)
                ) from err
            break
    else:
        if b"\x00" in data:
            raise CorpusError(
                name, "binary file (it holds NUL bytes), not a text document", _line_at_byte(data, data.index(b"\x00"))
            )
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as utf8_err:
            try:
                text, encoding = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError as err:
                raise CorpusError(
                    name,
                    "neither UTF-8 nor GB18030/GBK text (undecodable bytes)",
                    _line_at_byte(data, min(err.start, utf8_err.start)),
                ) from err
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise CorpusError(name, "empty file: only white space")
    if not _looks_like_text(text):
        raise CorpusError(name, f"binary file: decoded as {encoding} it is mostly control characters")
    return text, encoding


def read_source(path: Path) -> SourceText:
    """Read and decode one document."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(path.name, f"cannot read: {err.strerror or err}") from err
    text, encoding = decode(data, path.name)
    return SourceText(path.name, text, encoding)


# -- normalisation ------------------------------------------------------------------------

_SPACES = " \u3000\xa0\u2002\u2003\u2009\u202f"
_SPACE_RUN = re.compile(f"[{_SPACES}]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]|\r(?=\n)")
# Full-width ASCII forms fold to ASCII so that patterns need one spelling: （一） -> (一), ：-> :
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({ord("\r"): "\n", ord("\f"): "\n", 0x3000: " ", 0xA0: " "})


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def _token_before(text: str, at: int) -> str:
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:at]


def _token_after(text: str, at: int) -> str:
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[at:end]


def _spaces_to_delete(text: str) -> list[tuple[int, int]]:
    """Spaces that are layout, not separators.

    Deleted: spaces at the start or end of a line or before a tab; spaces beside punctuation in
    Chinese text ("(责任单位 ：", "(一) 主要目标"); spaces between Chinese and a number
    ("项目 600 个"); letter-spacing ("工 作 方 案", "索 引 号"). Kept, as one space: spaces between
    two Chinese words ("中共濮阳市委办公室 濮阳市人民政府办公室"), which separate names.
    """
    spans = []
    for m in _SPACE_RUN.finditer(text):
        s, e = m.span()
        left = text[s - 1] if s > 0 else "\n"
        right = text[e] if e < len(text) else "\n"
        if left in "\n\t" or right in "\n\t":
            spans.append((s, e))
            continue
        han_l, han_r = is_han(left), is_han(right)
        punct_l, punct_r = _is_punct(left), _is_punct(right)
        chinese_l = han_l or (punct_l and not left.isascii())
        chinese_r = han_r or (punct_r and not right.isascii())
        if (
            (punct_l and (chinese_r or punct_r))
            or (punct_r and (chinese_l or punct_l))
            or (han_l != han_r and (han_l or han_r))
            or (han_l and han_r and min(len(_token_before(text, s)), len(_token_after(text, e))) == 1)
        ):
            spans.append((s, e))
        elif e - s > 1:
            spans.append((s + 1, e))
    return spans


def normalize(original: str) -> MappedText:
    """Normalise a document for parsing, keeping the map back to the original.

    Line endings become ``\\n``, invisible characters go, layout spaces go (see
    :func:`_spaces_to_delete`) and full-width forms fold to ASCII. Page-break splits are joined
    later, by the outline, where it knows which lines are prose.

    >>> normalize("（一）主要目标 ： 工 作 方 案\\r\\n").text
    '(一)主要目标:工作方案\\n'
    """
    text = MappedText.of(original)
    text = text.delete(m.span() for m in _INVISIBLE.finditer(text.text))
    text = text.translate({ord("\r"): "\n", ord("\f"): "\n"})
    text = text.delete(_spaces_to_delete(text.text))
    return text.translate(_FOLD)


class LineIndex:
    """Maps character offsets of the original text to 1-based line numbers."""

    def __init__(self, original: str):
        self._starts = [0] + [m.end() for m in re.finditer("\n", original)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)
