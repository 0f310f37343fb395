"""Export the store for other linked-data tools.

Dataset formats (TriG, N-Quads, JSON-LD) keep each article's named graph; graph formats (Turtle,
N-Triples, RDF/XML) hold the union of all graphs, with the project's prefixes. Oxigraph's streaming
serializers write all but JSON-LD; its JSON-LD is one node object per triple, so JSON-LD goes
through rdflib, which groups each subject's properties and compacts IRIs with a @context.
GraphML and GEXF (for Gephi) hold the networkx projection of ``govkg.graph.analysis``, not triples.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset

from govkg.errors import GovkgError
from govkg.graph.store import KnowledgeStore

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
NETWORK_FORMATS = ("graphml", "gexf")  # persons, bodies, provinces, agreements and their relations

PREFIXES = {
    "gk": "https://w3id.org/govkg/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def export(store: KnowledgeStore, output: BinaryIO, fmt: str, *, base_iri: str | None = None) -> None:
    """Write the store to ``output`` in ``fmt`` (one of :data:`FORMATS` or :data:`NETWORK_FORMATS`)."""
    if fmt in NETWORK_FORMATS:
        from govkg.graph.analysis import project, write_gexf, write_graphml  # networkx: only when asked

        (write_graphml if fmt == "graphml" else write_gexf)(project(store), output)
        return
    if fmt not in FORMATS:
        choices = ", ".join([*FORMATS, *NETWORK_FORMATS])
        raise GovkgError(f"unknown export format {fmt!r}", hint=f"use one of: {choices}")
    rdf_format = FORMATS[fmt]
    prefixes = dict(PREFIXES, id=base_iri) if base_iri else PREFIXES
    if fmt == "jsonld":
        copy = ox.Store()  # without the merged view
        copy.extend(_named_quads(store))
        dataset = Dataset(store=OxigraphStore(store=copy), default_union=True)
        text = dataset.serialize(format="json-ld", context=prefixes, auto_compact=True, encoding="utf-8")
        output.write(text)
        return
    if rdf_format.supports_datasets:
        ox.serialize(_named_quads(store), output, rdf_format, prefixes=prefixes if fmt == "trig" else None)
        return
    triples = store.inner.query(_UNION)
    ox.serialize(triples, output, rdf_format, prefixes=prefixes if fmt in ("ttl", "rdfxml") else None)


def _named_quads(store: KnowledgeStore) -> Iterator[ox.Quad]:
    """The quads of the named graphs: the default graph is the merged view of them (govkg.graph.store)."""
    quads = store.inner.quads_for_pattern(None, None, None)
    return (q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
