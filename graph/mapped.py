"""Text that remembers where each of its characters came from.

Every normalisation step of the project deletes characters or replaces one character by one
character, so a normalised text is a string plus, for each of its characters, the offset of that
character in the original document. Slicing and joining keep the map, so any span found in
normalised text maps back to an exact quote of the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import chain

from policykg.graph.records import Span


def translation(table: dict[int, str]) -> Callable[[str], str]:
    """``str.translate`` by ``table`` (a few characters, each replaced by one) as one substitution:
    translate looks every character of a text up, a tenth of a microsecond each on Chinese text;
    the substitution finds the few it replaces."""
    pattern = re.compile("[" + "".join(re.escape(chr(code)) for code in table) + "]")
    return partial(pattern.sub, lambda m: table[ord(m.group())])


# What the reader sees: widths as printed, but unusual spaces and CRs made plain.
_DISPLAY = translation({ord("\r"): "\n", ord("\f"): "\n", ord("\u3000"): " ", ord("\xa0"): " "})


@dataclass(frozen=True)
class MappedText:
    """``text[i]`` was read from ``original[index[i]]``."""

    original: str
    text: str
    index: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> MappedText:
        return cls(original, original, tuple(range(len(original))))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, key: slice) -> MappedText:
        return MappedText(self.original, self.text[key], self.index[key])

    def __add__(self, other: MappedText) -> MappedText:
        return MappedText(self.original, self.text + other.text, self.index + other.index)

    @classmethod
    def join(cls, parts: Iterable[MappedText]) -> MappedText:
        """Concatenate pieces of one document (at least one)."""
        parts = list(parts)
        return cls(
            parts[0].original,
            "".join(p.text for p in parts),
            tuple(chain.from_iterable(p.index for p in parts)),
        )

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The original span from the first to the last character of ``text[start:end]``."""
        end = len(self.text) if end is None else end
        if start >= end:
            at = self.index[start] if start < len(self.index) else len(self.original)
            return Span(at, at)
        return Span(self.index[start], self.index[end - 1] + 1)

    def quote(self, start: int = 0, end: int | None = None) -> str:
        """The exact original text behind ``text[start:end]``."""
        s = self.span(start, end)
        return self.original[s.start : s.end]

    @cached_property  # the text never changes, and an item's is read by every stage
    def display(self) -> str:
        """The kept characters as printed (widths unfolded), for labels and titles."""
        return _DISPLAY("".join(map(self.original.__getitem__, self.index)))

    def strip(self, chars: str | None = None) -> MappedText:
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self[left:right] if left < right else self[0:0]

    def lines(self) -> Iterator[MappedText]:
        """Split on newlines (which are dropped)."""
        start = 0
        while True:
            end = self.text.find("\n", start)
            if end < 0:
                yield self[start:]
                return
            yield self[start:end]
            start = end + 1

    def delete(self, spans: Iterable[tuple[int, int]]) -> MappedText:
        """Drop the characters of the given (sorted, disjoint) spans of ``text``."""
        keep_text, keep_index, at = [], [], 0
        for start, end in spans:
            keep_text.append(self.text[at:start])
            keep_index.append(self.index[at:start])
            at = end
        keep_text.append(self.text[at:])
        keep_index.append(self.index[at:])
        return MappedText(self.original, "".join(keep_text), tuple(chain.from_iterable(keep_index)))

    def replace(self, positions: Iterable[int], char: str) -> MappedText:
        """Replace the characters at ``positions`` of ``text`` by ``char``, one for one."""
        text = list(self.text)
        for at in positions:
            text[at] = char
        return MappedText(self.original, "".join(text), self.index)

    def translate(self, translate: Callable[[str], str]) -> MappedText:
        """Replace characters one for one (``translate`` must: see :func:`translation`)."""
        return MappedText(self.original, translate(self.text), self.index)
