"""The curated gazetteer (``ontology/vocab``): places, agencies, industries and companies.

Agencies: a name resolves, for the document's city, (1) through the gazetteer's labels and aliases, (2) the
same after writing the city's name as 市, (3) through a functional type shared across cities
("工信局" in any city is that city's bureau of industry and IT), or else (4) it becomes a new agency
marked unresolved, so documents from cities the gazetteer does not know still build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

from policykg.graph.text import normalize

PKG = Namespace("https://w3id.org/policykg/ontology#")
AGENCY = "https://w3id.org/policykg/id/agency/"
PLACE = "https://w3id.org/policykg/id/place/"
_IRI_SAFE = re.compile(r"[\w\-.~()（）〔〕]")


def key(name: str) -> str:
    """The form names are compared in: widths folded, spaces dropped."""
    return "".join(normalize(name).text.split())


def iri_part(text: str) -> str:
    """A readable IRI segment: Chinese kept, characters IRIs forbid percent-encoded."""
    return "".join(c if _IRI_SAFE.fullmatch(c) else "".join(f"%{b:02X}" for b in c.encode()) for c in text)


@dataclass(frozen=True)
class Place:
    iri: str
    label_zh: str
    label_en: str | None
    aliases: tuple[str, ...]
    in_gazetteer: bool = False  # its triples come with the vocabulary
    kind: str = "City"  # Province | City | County | DevelopmentZone | ClusterZone | Park
    within: str | None = None

    @property
    def slug(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class AgencyType:
    iri: str
    label_zh: str
    label_en: str | None
    kind: str | None
    aliases: tuple[str, ...]

    @property
    def slug(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Agency:
    iri: str
    label_zh: str
    label_en: str | None
    city: Place
    type: AgencyType | None
    resolved: bool
    in_gazetteer: bool = False  # its triples come with the vocabulary

    @property
    def kind(self) -> str | None:
        return self.type.kind if self.type else None


@dataclass(frozen=True)
class Entity:
    """An industry (SKOS concept) or a company, found in text by its labels."""

    iri: str
    kind: str  # Industry | Company
    label_zh: str
    label_en: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Found:
    """A mention of a place, industry or company in a text: ``text[start:end]``."""

    iri: str
    kind: str
    start: int
    end: int


_PLACE_KINDS = ("Province", "City", "County", "DevelopmentZone", "ClusterZone", "Park")


def _labels(g: Graph, node: URIRef) -> tuple[str | None, str | None, tuple[str, ...]]:
    zh = en = None
    for label in g.objects(node, SKOS.prefLabel):
        if label.language == "zh":
            zh = str(label)
        elif label.language == "en":
            en = str(label)
    alts = tuple(sorted(str(a) for a in g.objects(node, SKOS.altLabel)))
    return zh, en, alts


class Gazetteer:
    """Places, agency types and agencies from ``ontology/vocab``."""

    def __init__(self, graph: Graph):
        self.places: dict[str, Place] = {}
        for kind in _PLACE_KINDS:
            for node in sorted(graph.subjects(RDF.type, PKG[kind])):
                zh, en, alts = _labels(graph, node)
                within = graph.value(node, PKG.withinArea)
                self.places[str(node)] = Place(
                    str(node), zh or "", en, alts, True, kind, str(within) if within else None
                )
        self.succeeded_by = {str(s): str(o) for s, o in graph.subject_objects(PKG.succeededBy)}
        self.entities: dict[str, Entity] = {}
        for kind, cls_ in (("Industry", SKOS.Concept), ("Company", PKG.Company)):
            for node in sorted(graph.subjects(RDF.type, cls_)):
                zh, en, alts = _labels(graph, node)
                self.entities[str(node)] = Entity(str(node), kind, zh or "", en, alts)
        self.types: dict[str, AgencyType] = {}
        self._type_keys: dict[str, AgencyType] = {}
        for node in sorted(graph.subjects(RDF.type, PKG.AgencyType)):
            zh, en, alts = _labels(graph, node)
            kind = graph.value(node, PKG.agencyKind)
            t = AgencyType(str(node), zh or "", en, str(kind).rsplit("#", 1)[-1] if kind else None, alts)
            self.types[t.iri] = t
            for name in (t.label_zh, *alts):
                self._type_keys.setdefault(key(name), t)
        self.agencies: dict[str, Agency] = {}
        self._aliases: dict[tuple[str, str], Agency] = {}
        for node in sorted(graph.subjects(RDF.type, PKG.Agency)):
            zh, en, alts = _labels(graph, node)
            city = self.places[str(graph.value(node, PKG.city))]
            type_iri = graph.value(node, PKG.functionalType)
            a = Agency(str(node), zh or "", en, city, self.types.get(str(type_iri)), True, True)
            self.agencies[a.iri] = a
            for name in (a.label_zh, *alts):
                self._aliases[(city.iri, key(name))] = a

    @classmethod
    @cache
    def bundled(cls) -> Gazetteer:
        vocab = files("policykg.ontology") / "vocab"
        g = Graph()
        for source in sorted(vocab.iterdir(), key=lambda p: p.name):
            if source.name.endswith(".ttl"):
                g.parse(data=source.read_text(encoding="utf-8"), format="turtle")
        return cls(g)

    def city_of(self, place: Place) -> Place | None:
        """The city a place lies in (itself for a city)."""
        seen = set()
        while place and place.kind != "City" and place.within and place.iri not in seen:
            seen.add(place.iri)
            place = self.places.get(place.within)
        return place if place and place.kind == "City" else None

    def find(self, text: str, city: Place) -> list[Found]:
        """Places of ``city`` (counties, zones, parks), industries and companies named in a
        normalised text; the longest name wins where names overlap."""
        pattern, targets = self._finder(city.iri)
        if pattern is None:
            return []
        return [Found(*targets[m.group()], m.start(), m.end()) for m in pattern.finditer(text)]

    @cache  # noqa: B019 - one finder per city for the life of the (cached) gazetteer
    def _finder(self, city_iri: str) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str]]]:
        targets: dict[str, tuple[str, str]] = {}
        for place in self.places.values():
            city = self.city_of(place)
            if place.kind not in ("Province", "City") and city and city.iri == city_iri:
                for name in (place.label_zh, *place.aliases):
                    targets.setdefault(normalize(name).text, (place.iri, place.kind))
        for entity in self.entities.values():
            for name in (entity.label_zh, *entity.aliases):
                targets.setdefault(normalize(name).text, (entity.iri, entity.kind))
        names = sorted((n for n in targets if len(n) > 1), key=len, reverse=True)
        return (re.compile("|".join(map(re.escape, names))) if names else None), targets

    def city_in(self, texts: Iterable[str]) -> Place | None:
        """The first city named in the texts (a title, the issuers), by its label or alias."""
        cities = [p for p in self.places.values() if p.kind == "City"]
        for text in texts:
            found = [(text.find(n), p) for p in cities for n in (p.label_zh, *p.aliases) if len(n) > 1 and n in text]
            if found:
                return min(found, key=lambda f: f[0])[1]
            m = re.search(r"[\u4e00-\u9fff]{2,4}市", text)
            if m:
                return Place(PLACE + iri_part(m.group()), m.group(), None, ())
        return None

    def resolve(self, name: str, city: Place) -> Agency:
        """The agency a name written in a document of ``city`` stands for (never fails)."""
        k = key(name)
        found = self._aliases.get((city.iri, k))
        if found:
            return found
        for city_name in sorted((city.label_zh, *city.aliases), key=len, reverse=True):
            if len(city_name) > 1 and k.startswith(city_name):
                found = self._aliases.get((city.iri, "市" + k[len(city_name) :].removeprefix("市")))
                if found:
                    return found
                k = "市" + k[len(city_name) :].removeprefix("市")
                break
        agency_type = self._type_keys.get(k.removeprefix("市"))
        if agency_type:
            return Agency(
                f"{AGENCY}{city.slug}-{agency_type.slug}",
                city.label_zh + agency_type.label_zh,
                f"{city.label_en or city.label_zh} {agency_type.label_en}" if agency_type.label_en else None,
                city,
                agency_type,
                True,
            )
        label = city.label_zh + k.removeprefix("市") if k.startswith("市") else k
        return Agency(f"{AGENCY}{city.slug}-{iri_part(k)}", label, None, city, None, False)
