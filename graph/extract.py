"""From an outline to the records of one document: its city, issuers and resolved assignments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policykg.errors import Problem
from policykg.graph.agencies import PLACE, Agency, Gazetteer, Place
from policykg.graph.outline import Outline, read_outline
from policykg.graph.responsibilities import (
    Assignment,
    annex_assignments,
    body_assignments,
    prose_assignments,
)

UNKNOWN_CITY = Place(PLACE + "unknown", "未知城市", "Unknown city", ())


@dataclass
class DocumentRecord:
    outline: Outline
    city: Place
    issuers: list[Agency]
    assignments: list[tuple[Assignment, Agency]]
    problems: list[Problem]

    @property
    def stem(self) -> str:
        return Path(self.outline.source).stem


def extract(outline: Outline, gazetteer: Gazetteer) -> DocumentRecord:
    meta = outline.metadata
    problems = list(outline.problems)
    city = gazetteer.city_in([meta.title or "", *meta.issuers, outline.preamble])
    if city is None:
        problems.append(Problem(outline.source, None, "warning", "no city named in the title, issuers or preamble"))
        city = UNKNOWN_CITY

    def known(name: str) -> bool:
        agency = gazetteer.resolve(name, city)
        return agency.kind != "CollectiveBody" and (agency.resolved or agency.type is not None)

    found = body_assignments(outline) + annex_assignments(outline) + prose_assignments(outline, known)
    return DocumentRecord(
        outline,
        city,
        [gazetteer.resolve(name, city) for name in meta.issuers],
        [(a, gazetteer.resolve(a.agency.name, city)) for a in found],
        problems,
    )


def extract_document(path: Path, gazetteer: Gazetteer | None = None) -> DocumentRecord:
    return extract(read_outline(path), gazetteer or Gazetteer.bundled())
