"""Posts in time: the span each post holding is attested over, from all articles together.

Each article's graph says "on this day (gk:attestedOn) X held post P" — one attestation per article,
kept with its sentence. No article alone knows the span, so after every build the store computes it
into a derived named graph: the earliest and latest attestation (gk:firstAttested, gk:lastAttested)
and the same span as a W3C ORG tenure (org:memberDuring, an OWL-Time interval). X held P at least
over that span; before and after it the articles are silent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef

if TYPE_CHECKING:
    from govkg.graph.store import KnowledgeStore

_TENURES = """
PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
DROP SILENT GRAPH {graph} ;
INSERT {{ GRAPH {graph} {{
  ?holding gk:firstAttested ?first ; gk:lastAttested ?last ; org:memberDuring ?tenure .
  ?tenure a time:Interval ; time:hasBeginning ?begin ; time:hasEnd ?end .
  ?begin a time:Instant ; time:inXSDDate ?first .
  ?end a time:Instant ; time:inXSDDate ?last .
}} }}
WHERE {{
  {{ SELECT ?holding (MIN(?day) AS ?first) (MAX(?day) AS ?last)
     WHERE {{ GRAPH ?article {{ ?holding gk:attestedOn ?day }} }} GROUP BY ?holding }}
  BIND (IRI(CONCAT(STR(?holding), "/tenure")) AS ?tenure)
  BIND (IRI(CONCAT(STR(?holding), "/tenure/begin")) AS ?begin)
  BIND (IRI(CONCAT(STR(?holding), "/tenure/end")) AS ?end)
}}
"""


def refresh_tenures(store: KnowledgeStore, graph: URIRef) -> None:
    """Recompute the tenures graph ``graph`` from every attestation in the store (one transaction)."""
    store.update(tenures_update(graph), graphs=[graph])


def tenures_update(graph: URIRef) -> str:
    """The SPARQL Update that recomputes the tenures graph, to run in a larger transaction."""
    return _TENURES.format(graph=graph.n3())
