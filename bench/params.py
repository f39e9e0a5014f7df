"""Parameters for the catalogue questions, picked from the graph being measured.

The catalogue's examples name things of the bundled corpus (驻马店市工业和信息化局, a Zhumadian
document); on a generated corpus most of them find nothing, and a question that finds nothing is
not a fair timing. So each required parameter is picked from the store itself, by the same rule on
any corpus: the most assigned agency, the first document and its most assigned item, the most cited
document, the most frequent year, indicator, county or zone scope, place, zone, industry and
inferred role class. Where a pick finds nothing, the parameter takes the question's example. An
optional parameter whose default asks for everything is narrowed where the question is a lookup of
one thing (an agency's measures in one role, as the figures in RESULTS.md were taken). The picks
run once, untimed.
"""

from __future__ import annotations

from pyoxigraph import Store

from policykg.queries.catalogue import load

_PREFIXES = """PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def _most_named(pattern: str, n: int = 1) -> str:
    """The Chinese names of the ``n`` things ?x that occur most often in ``pattern``."""
    return f"""SELECT ?value WHERE {{
        {{ SELECT ?x (COUNT(*) AS ?n) WHERE {{ {pattern} }} GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT {n} }}
        ?x skos:prefLabel ?value . FILTER(lang(?value) = "zh") }} ORDER BY DESC(?n) ?value"""


def _most_frequent(pattern: str) -> str:
    """The value ?value that occurs most often in ``pattern``."""
    return f"SELECT ?value WHERE {{ {pattern} }} GROUP BY ?value ORDER BY DESC(COUNT(*)) ?value LIMIT 1"


# Each pick is a SELECT of ?value, the most frequent first; {document} and {upper} stand for the
# picked documents' file names.
PICKS = {
    "agency": _most_named("?r pkg:agency ?x"),
    "document": "SELECT ?value WHERE { ?d pkg:sourceFile ?value } ORDER BY ?value LIMIT 1",
    "path": _most_frequent(
        '?d pkg:sourceFile "{document}" . ?m pkg:inDocument ?d ; pkg:path ?value . ?r pkg:measure ?m'
    ),
    "cited": _most_frequent("?d eli:cites|eli:based_on ?c . ?c eli:id_local ?value"),
    "city": _most_named("?a pkg:city ?x", n=2),
    "place": _most_named("?m pkg:mentionsPlace ?x"),
    "year": _most_frequent("?t pkg:dueYear ?value"),
    "indicator": _most_frequent("?t pkg:indicator ?value"),
    "zone": _most_named("?c pkg:clusterZone ?x"),
    "cluster": _most_named("?t pkg:scopeCluster ?x"),
    "industry": _most_named("?c pkg:clusterIndustry ?x"),
    # a county or zone: the city (or "city") would ask for most targets
    "scope": _most_named("?t pkg:scopePlace ?x . FILTER NOT EXISTS { ?x a pkg:City }"),
    # the corpus document most measures of lower documents carry out, and its most carried-out measure
    "upper": _most_frequent("?a pkg:upperMeasure ?m . ?m pkg:inDocument/pkg:sourceFile ?value"),
    "upper_path": _most_frequent(
        '?a pkg:upperMeasure ?m . ?m pkg:inDocument/pkg:sourceFile "{upper}" ; pkg:path ?value'
    ),
    "lower": _most_frequent("?m pkg:flowStatus pkg:LocalMeasure ; pkg:inDocument/pkg:sourceFile ?value"),
    "class": _most_frequent(
        "GRAPH <https://w3id.org/policykg/graph/inferred> { ?a a ?c } ?a a pkg:Agency . "
        'BIND(STRAFTER(STR(?c), STR(pkg:)) AS ?value) FILTER(STRENDS(?value, "Agency") && ?value != "Agency")'
    ),
}

# optional parameters narrowed to one value (the default, any, reads every role)
NARROWED = {"measures_by_agency_role": {"role": "lead"}}
# question -> parameter -> pick, for every required parameter of the catalogue
USES = {
    "agencies_by_inferred_class": {"class": "class"},
    "agencies_of_measure": {"document": "document", "path": "path"},
    "agency_load_by_document": {"agency": "agency"},
    "measures_by_agency_role": {"agency": "agency"},
    "document_outline": {"document": "document"},
    "documents_citing": {"cited": "cited"},
    "provincial_lineage": {"number": "cited"},
    "functional_types_across_cities": {"city_a": "city", "city_b": "city"},
    "measures_naming_place": {"place": "place"},
    "targets_due_in_year": {"year": "year"},
    "targets_by_indicator": {"q": "indicator"},
    "targets_by_scope": {"scope": "scope"},
    "measure_text_search": {"q": "indicator"},
    "industries_by_zone": {"zone": "zone"},
    "cluster_or_zone_targets": {"name": "cluster"},
    "zones_by_industry": {"industry": "industry"},
    "flow_of_document": {"document": "upper"},
    "measures_not_taken_up": {"document": "upper"},
    "measures_carrying_out": {"document": "upper", "path": "upper_path"},
    "local_additions": {"document": "lower"},
    "lead_types_across_levels": {"document": "upper"},
}


def pick(store: Store) -> dict[str, dict[str, str]]:
    """Values of the required parameters of every question that has them, by question name."""
    found: dict[str, list[str]] = {}
    for name, query in PICKS.items():
        for key in ("document", "upper"):
            query = query.replace(f"{{{key}}}", (found.get(key) or [""])[0] + ".txt")
        found[name] = [row["value"].value for row in store.query(_PREFIXES + query)]
        if name in ("document", "upper", "lower"):
            found[name] = [f.removesuffix(".txt") for f in found[name]]
    catalogue = load()
    values: dict[str, dict[str, str]] = {}
    for question, uses in USES.items():
        values[question] = catalogue[question].example | NARROWED.get(question, {})
        taken: dict[str, int] = {}
        for param, key in uses.items():
            i = taken[key] = taken.get(key, -1) + 1  # a second use takes the second pick (two cities)
            if i < len(found[key]):
                values[question][param] = found[key][i]
    return values
