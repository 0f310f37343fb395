"""The knowledge graph as a networkx graph: paths between officials, centrality, co-signatures, Gephi files.

RDF answers "who signed what"; questions about the shape of the graph — how two officials are
connected, who sits between everyone, who signs with whom — are graph algorithms. ``project`` reads
the store once (a few SELECTs straight through pyoxigraph) into an undirected ``nx.MultiGraph``
whose nodes are persons, bodies, provinces and agreements (keyed by IRI) and whose edges are the
relations between them; each edge remembers its RDF subject (``subject``) so a path can be told the
right way round. Every attribute is a string or a number, never None, so the graph can be written
as GraphML or GEXF as it is and opened in Gephi.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx

from govkg.errors import QueryError
from govkg.graph.mapping import AGREEMENT_CLASSES, BODY_CLASSES
from govkg.graph.store import KnowledgeStore
from govkg.ontology.terms import GK

KINDS = ("person", "body", "province", "agreement")
# relation names, each read in the RDF direction: source — relation → target
SIGNED, PARTY, HOLDS, ORGAN_OF, SUCCEEDED_BY = "signed", "party", "holds post in", "organ of", "succeeded by"

_PREFIXES = """
PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""
_CLASS_KIND = {str(GK.Person): "person", str(GK.Province): "province", str(GK.Body): "body"}
_CLASS_KIND |= {str(c): "body" for c in BODY_CLASSES.values()}
_CLASS_KIND |= {str(c): "agreement" for c in AGREEMENT_CLASSES.values()} | {str(GK.Agreement): "agreement"}
_GENERIC = {str(GK.Body), str(GK.Agreement)}  # dropped when a more specific class is known
# label properties, best first; Vietnamese or untagged labels only
_LABEL_ORDER = ("skos:prefLabel", "dcterms:title", "foaf:name", "rdfs:label")
_NAMESPACES = {
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}

_NODES = """SELECT DISTINCT ?n ?type WHERE { VALUES ?type { %s } ?n a ?type }"""
_LABELS = """SELECT DISTINCT ?n ?p ?label ?en WHERE {
  VALUES ?type { %s } VALUES ?p { %s }
  ?n a ?type ; ?p ?label . FILTER (LANG(?label) IN ("vi", ""))
  OPTIONAL { ?n skos:prefLabel ?en FILTER (LANG(?en) = "en") } }"""
_AGREEMENTS = """SELECT ?a (MIN(?d) AS ?date) (MIN(?s) AS ?start) (MIN(?e) AS ?end) (MIN(?kl) AS ?kind)
WHERE { VALUES ?type { %s } ?a a ?type .
  OPTIONAL { ?a gk:signingDate ?d } OPTIONAL { ?a gk:periodStart ?s } OPTIONAL { ?a gk:periodEnd ?e }
  OPTIONAL { ?a a ?k . ?k rdfs:subClassOf gk:Agreement ; rdfs:label ?kl FILTER (LANG(?kl) = "vi") }
} GROUP BY ?a"""
_SIGNED = """SELECT DISTINCT ?a ?p ?for WHERE {
  { ?a gk:signature ?s . ?s gk:signatory ?p OPTIONAL { ?s gk:signedFor ?for } }
  UNION { ?a gk:signedBy ?p FILTER NOT EXISTS { ?a gk:signature/gk:signatory ?p } } }"""
_PARTY = "SELECT DISTINCT ?a ?b WHERE { ?a gk:party ?b }"
_HOLDS = """SELECT ?h ?p ?b (MIN(?t) AS ?title) (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {
  ?h gk:holder ?p ; gk:body ?b . OPTIONAL { ?h gk:postTitle ?t }
  OPTIONAL { ?h gk:attestedOn|gk:firstAttested|gk:lastAttested ?d } } GROUP BY ?h ?p ?b"""
_ORGAN_OF = "SELECT DISTINCT ?b ?province WHERE { ?b gk:province ?province }"
_SUCCEEDED_BY = """SELECT DISTINCT ?old ?new ?date ?e WHERE {
  ?e org:originalOrganization ?old ; org:resultingOrganization ?new .
  OPTIONAL { ?e gk:effectiveDate ?date } }"""


def project(store: KnowledgeStore) -> nx.MultiGraph:
    """The store as an undirected multigraph; built in a fixed order so paths and ranks are reproducible."""
    graph = nx.MultiGraph(name="govkg")
    kinds: dict[str, str] = {}
    classes: dict[str, set[str]] = {}
    for node, cls in store.select_values(_PREFIXES + _NODES % " ".join(f"<{c}>" for c in _CLASS_KIND)):
        kind = _CLASS_KIND[cls]
        if kinds.get(node, kind) != kind:  # disjoint in the ontology; keep the first kind of KINDS
            kind = min(kind, kinds[node], key=KINDS.index)
        kinds[node] = kind
        classes.setdefault(node, set()).add(cls)
    labels = _labels(store)
    agreements = {
        row[0]: row[1:]
        for row in store.select_values(
            _PREFIXES + _AGREEMENTS % " ".join(f"<{c}>" for c, k in _CLASS_KIND.items() if k == "agreement")
        )
    }
    for node in sorted(kinds):
        specific = classes[node] - _GENERIC or classes[node]
        attrs: dict[str, Any] = {
            "kind": kinds[node],
            "rdf_type": " ".join(sorted(c.rsplit("#", 1)[-1] for c in specific)),
        }
        label, english = labels.get(node, (None, None))
        if kinds[node] == "agreement":
            date, start, end, kind_label = agreements.get(node, (None,) * 4)
            attrs |= _present(signing_date=date, period_start=start, period_end=end)
            label = label or f"{kind_label or attrs['rdf_type']} ({date or 'date not stated'})"
        attrs["label"] = label or node.rsplit("/", 1)[-1]
        attrs |= _present(label_en=english)
        graph.add_node(node, **attrs)

    def edge(source: str | None, target: str | None, relation: str, key: str, **data: str | None) -> None:
        if source in kinds and target in kinds and source != target:
            graph.add_edge(source, target, key=key, relation=relation, subject=source, **_present(**data))

    def rows(query: str) -> list[tuple[str | None, ...]]:
        return sorted(store.select_values(_PREFIXES + query), key=lambda row: tuple(v or "" for v in row))

    for agreement, person, body in rows(_SIGNED):
        date = graph.nodes[agreement].get("signing_date") if agreement in kinds else None
        for_label = graph.nodes[body]["label"] if body in kinds else None
        edge(
            person,
            agreement,
            SIGNED,
            f"signed for {body or '?'}",
            date=date,
            signed_for=body,
            signed_for_label=for_label,
        )
    for agreement, body in rows(_PARTY):
        edge(agreement, body, PARTY, PARTY)
    for _, person, body, title, first, last in rows(_HOLDS):
        edge(person, body, HOLDS, f"{HOLDS}: {title}", title=title, first_attested=first, last_attested=last)
    for body, province in rows(_ORGAN_OF):
        edge(body, province, ORGAN_OF, ORGAN_OF)
    for old, new, date, event in rows(_SUCCEEDED_BY):
        edge(old, new, SUCCEEDED_BY, f"{SUCCEEDED_BY} {date}", date=date, event=event)
    return graph


def _labels(store: KnowledgeStore) -> dict[str, tuple[str, str | None]]:
    """Each node's Vietnamese label (by ``_LABEL_ORDER``, then the smallest) and its English one, if any."""
    query = _LABELS % (" ".join(f"<{c}>" for c in _CLASS_KIND), " ".join(_LABEL_ORDER))
    order = {_NAMESPACES[p.split(":")[0]] + p.split(":")[1]: i for i, p in enumerate(_LABEL_ORDER)}
    vietnamese: dict[str, tuple[int, str]] = {}
    english: dict[str, str] = {}
    for node, prop, label, en in store.select_values(_PREFIXES + query):
        vietnamese[node] = min(vietnamese.get(node, (order[prop], label)), (order[prop], label))
        if en:
            english[node] = min(english.get(node, en), en)
    return {node: (label, english.get(node)) for node, (_, label) in vietnamese.items()}


def _present(**values: str | None) -> dict[str, str]:
    """GraphML and GEXF have no null: an unknown value is an absent attribute."""
    return {k: v for k, v in values.items() if v is not None}


# -- paths -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hop:
    """One step of a path; ``edges`` are all the relations between the two nodes (there may be several)."""

    source: str
    target: str
    edges: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class Connection:
    """A shortest path, told as "A — relation → B ← relation — C"."""

    graph: nx.MultiGraph
    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]

    def label(self, node: str) -> str:
        return str(self.graph.nodes[node]["label"])

    @property
    def agreements(self) -> list[str]:
        return [n for n in self.nodes if self.graph.nodes[n]["kind"] == "agreement"]

    @property
    def posts(self) -> list[Mapping[str, Any]]:
        return [e for hop in self.hops for e in hop.edges if e["relation"] == HOLDS]

    def steps(self) -> list[str]:
        """One line per hop: the relation, read in the direction of the path, then the node reached."""
        lines = []
        for hop in self.hops:
            told = "; ".join(
                f"— {describe(e)} →" if e["subject"] == hop.source else f"← {describe(e)} —"
                for e in hop.edges
            )
            lines.append(f"{told} {self.label(hop.target)}")
        return lines

    def __str__(self) -> str:
        return " ".join([self.label(self.nodes[0]), *self.steps()])


def describe(edge: Mapping[str, Any]) -> str:
    """An edge in words: "signed (2022-05-05; for Bộ …)", "holds post in (Chủ tịch; attested 2021 – 2023)"."""
    details = []
    if edge.get("title"):
        details.append(str(edge["title"]))
    if edge.get("date"):
        details.append(str(edge["date"]))
    if edge.get("signed_for_label"):
        details.append(f"for {edge['signed_for_label']}")
    first, last = edge.get("first_attested"), edge.get("last_attested")
    if first:
        details.append(f"attested {first}" + (f" – {last}" if last and last != first else ""))
    return str(edge["relation"]) + (f" ({'; '.join(details)})" if details else "")


def connection(graph: nx.MultiGraph, a: str, b: str) -> Connection | None:
    """The shortest path from ``a`` to ``b`` (IRIs), hop by hop; None when they are not connected."""
    for node in (a, b):
        if node not in graph:
            raise QueryError(
                f"{node} is not a person, body, province or agreement of the graph",
                hint="give the IRI of a node (`govkg find NAME` lists them)",
            )
    try:
        nodes = nx.shortest_path(graph, a, b)
    except nx.NetworkXNoPath:
        return None
    hops = tuple(
        Hop(u, v, tuple(dict(data) for _, data in sorted(graph[u][v].items())))
        for u, v in itertools.pairwise(nodes)
    )
    return Connection(graph, tuple(nodes), hops)


# -- centrality ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Centrality:
    rank: int
    node: str
    label: str
    kind: str
    degree: int  # distinct neighbours
    betweenness: float  # normalized: the share of shortest paths between other nodes that pass here


def central(
    graph: nx.MultiGraph, kind: str | None = None, top: int = 10, *, by: str = "betweenness"
) -> list[Centrality]:
    """The ``top`` nodes of ``kind`` (any kind when None) by betweenness (ties: degree) or by degree (ties:
    betweenness), then label and IRI — so ranks are the same on every run.

    Betweenness finds brokers (an official whose signatures join otherwise separate bodies); degree finds
    the busiest nodes. Both are computed on the whole graph, parallel edges counted once.
    """
    if kind is not None and kind not in KINDS:
        raise QueryError(f"unknown kind {kind!r}", hint=f"use one of: {', '.join(KINDS)}")
    if by not in ("betweenness", "degree"):
        raise QueryError(f"unknown centrality {by!r}", hint="use betweenness or degree")
    simple = nx.Graph(graph)
    betweenness = nx.betweenness_centrality(simple, normalized=True)
    candidates = [n for n, k in simple.nodes(data="kind") if kind is None or k == kind]

    def key(node: str) -> tuple[float, float, str, str]:
        measures = (round(betweenness[node], 12), simple.degree(node))
        first, second = measures if by == "betweenness" else measures[::-1]
        return (-first, -second, simple.nodes[node]["label"], node)

    ranked = sorted(candidates, key=key)[:top]
    return [
        Centrality(i, n, simple.nodes[n]["label"], simple.nodes[n]["kind"], simple.degree(n), betweenness[n])
        for i, n in enumerate(ranked, start=1)
    ]


# -- co-signatures ---------------------------------------------------------------------------------


def cosignature_network(graph: nx.MultiGraph) -> nx.Graph:
    """Persons linked when they signed the same agreement: ``weight`` agreements, with their ``titles``.

    Who signs with whom is the working relationship between bodies made personal; the weight says how
    often. ``titles`` and ``agreements`` (IRIs) are joined with " | " so the graph stays GraphML-safe.
    """
    network = nx.Graph(name="govkg co-signatures")
    signed: dict[str, set[str]] = {}
    for u, v, data in graph.edges(data=True):
        if data["relation"] == SIGNED:
            person, agreement = (u, v) if data["subject"] == u else (v, u)
            signed.setdefault(agreement, set()).add(person)
    shared: dict[tuple[str, str], list[str]] = {}
    for agreement in sorted(signed):
        for person in sorted(signed[agreement]):
            network.add_node(person, **graph.nodes[person])
        for pair in itertools.combinations(sorted(signed[agreement]), 2):
            shared.setdefault(pair, []).append(agreement)
    for (a, b), agreements in sorted(shared.items()):
        network.add_edge(
            a,
            b,
            weight=len(agreements),
            titles=" | ".join(graph.nodes[x]["label"] for x in agreements),
            agreements=" | ".join(agreements),
        )
    return network


# -- files for Gephi -------------------------------------------------------------------------------


def _safe(graph: nx.Graph) -> nx.Graph:
    """A copy with only string and number attributes (lists joined, None dropped), as GraphML/GEXF need."""

    def clean(data: Mapping[str, Any]) -> dict[str, Any]:
        out = {}
        for k, v in data.items():
            if isinstance(v, (list, tuple, set, frozenset)):
                v = " | ".join(map(str, sorted(v) if isinstance(v, (set, frozenset)) else v))
            if v is not None:
                out[k] = v if isinstance(v, (str, int, float)) else str(v)
        return out

    copy = graph.__class__(**clean(graph.graph))
    copy.add_nodes_from((n, clean(d)) for n, d in graph.nodes(data=True))
    if graph.is_multigraph():
        copy.add_edges_from((u, v, k, clean(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        copy.add_edges_from((u, v, clean(d)) for u, v, d in graph.edges(data=True))
    return copy


def write_graphml(graph: nx.Graph, path: str | Path | IO[bytes]) -> None:
    """GraphML (UTF-8): nodes keep kind, label and dates; edges their relation and details."""
    nx.write_graphml(_safe(graph), path, encoding="utf-8")


def write_gexf(graph: nx.Graph, path: str | Path | IO[bytes]) -> None:
    """GEXF 1.2 (UTF-8), Gephi's own format; node ``label`` becomes the label Gephi shows."""
    nx.write_gexf(_safe(graph), path, encoding="utf-8")
