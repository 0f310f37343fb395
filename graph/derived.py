"""Data derived from all articles together, recomputed after every build and curation in one update.

**Tenures.** Each article's graph says "on this day (gk:attestedOn) X held post P" — one attestation
per article, kept with its sentence. No article alone knows the span, so the store computes it into
the tenures graph: the earliest and latest attestation (gk:firstAttested, gk:lastAttested) and the
same span as a W3C ORG tenure (org:memberDuring, an OWL-Time interval). X held P at least over that
span; before and after it the articles are silent.

**Listing keys.** Listings of agreements go by signing date, and a page of one (who-signed --limit)
must order every candidate first. Oxigraph compares an IRI or a long string by reading it from the
store, ~1 µs a comparison, so ordering 8,000 agreements by date then IRI took ~60 ms. gk:listingKey
is the earliest signing date as a string, a space, and the start of the SHA-1 of the agreement's IRI,
15 characters in all: a string that short is compared inline, and it sorts as the dates do (none,
then "--05-20", then "2022" before "2022-05"); the IRI settles the rare equal keys.

**Out of date.** A build writes its articles one transaction each and recomputes these graphs after
the last, so one stopped in between (Ctrl-C, kill) would leave them behind the articles, and its rerun,
finding every article unchanged, would not know. So before its first change a build marks the
listing graph invalidated (``prov:invalidatedAtTime``), and the recomputation, which replaces that
graph, clears the mark in the same transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from govkg.ontology.terms import PROV

if TYPE_CHECKING:
    from rdflib import URIRef

    from govkg.graph.identity import Minter
    from govkg.graph.store import KnowledgeStore

_PREFIXES = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX time: <http://www.w3.org/2006/time#>
"""

# Both read the named graphs, not the merged view: inside a curation's transaction the view is
# brought up to date only at its end.
_TENURES = """DROP SILENT GRAPH {graph} ;
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
}}"""

_LISTING = """DROP SILENT GRAPH {graph} ;
INSERT {{ GRAPH {graph} {{ ?agreement gk:listingKey ?key }} }}
WHERE {{
  {{ SELECT ?agreement (MIN(STR(?date)) AS ?first)
     WHERE {{
       GRAPH ?g {{ ?agreement a ?kind }} GRAPH ?o {{ ?kind rdfs:subClassOf gk:Agreement }}
       OPTIONAL {{ GRAPH ?h {{ ?agreement gk:signingDate ?date }} }}
     }} GROUP BY ?agreement }}
  BIND (SUBSTR(CONCAT(COALESCE(?first, ""), " ", SHA1(STR(?agreement))), 1, 15) AS ?key)
}}"""


def derived_graphs(minter: Minter) -> list[URIRef]:
    """The named graphs :func:`derived_update` rewrites."""
    return [minter.tenures_graph(), minter.listing_graph()]


def derived_update(minter: Minter) -> str:
    """The SPARQL Update that recomputes the derived graphs, to run alone or in a larger transaction."""
    tenures, listing = (g.n3() for g in derived_graphs(minter))
    return _PREFIXES + _TENURES.format(graph=tenures) + " ;\n" + _LISTING.format(graph=listing)


def refresh_derived(store: KnowledgeStore, minter: Minter) -> None:
    """Recompute the derived graphs from every article in the store (one transaction)."""
    store.update(derived_update(minter), graphs=derived_graphs(minter))


def invalidate_derived(store: KnowledgeStore, minter: Minter) -> None:
    """Mark the derived graphs out of date, before a change to the articles they are computed from."""
    listing = minter.listing_graph().n3()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    mark = f'{listing} <{PROV.invalidatedAtTime}> "{now}"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    store.update(f"INSERT DATA {{ GRAPH {listing} {{ {mark} }} }}", graphs=[minter.listing_graph()])


def derived_outdated(store: KnowledgeStore, minter: Minter) -> bool:
    """Whether the derived graphs need recomputing: one is empty, or they were marked out of date."""
    graphs = " ".join(g.n3() for g in derived_graphs(minter))
    present = store.select_values(
        f"SELECT ?g WHERE {{ VALUES ?g {{ {graphs} }} FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }}"
    )
    listing = minter.listing_graph().n3()
    marked = store.select_values(
        f"SELECT ?t WHERE {{ GRAPH {listing} {{ {listing} <{PROV.invalidatedAtTime}> ?t }} }} LIMIT 1"
    )
    return len(present) < len(derived_graphs(minter)) or bool(marked)
