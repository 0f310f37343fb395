"""Import an existing RDF file (Turtle, TriG, JSON-LD, N-Triples, N-Quads) into a named graph of its own.

The file goes to ``<base>graph/import/<name>`` (the quads of every graph of a TriG or N-Quads file
together), replacing what an earlier import of that name stored, in one transaction. Curations do
not change imported graphs. A malformed file is an InputError naming the file and the parser's line,
and the store is left as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from govkg.errors import InputError
from govkg.graph.identity import Minter
from govkg.graph.store import KnowledgeStore

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def import_rdf(
    store: KnowledgeStore, path: str | Path, minter: Minter, *, name: str | None = None
) -> tuple[URIRef, int]:
    """Store the RDF file ``path`` as the graph ``<base>graph/import/<name>`` (default: the file's stem).

    Returns the graph's IRI and its triple count.
    """
    path = Path(path)
    name = name or path.stem
    if not _NAME.match(name):
        raise InputError(
            f"{path}: {name!r} cannot name an import graph", hint="use letters, digits, '.', '_' and '-'"
        )
    rdf_format = FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise InputError(
            f"{path}: unknown RDF format {path.suffix!r}",
            hint="import .ttl, .trig, .jsonld, .nt or .nq files",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read it: {error.strerror}") from None
    try:
        triples = {
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(input=data, format=rdf_format, base_iri=path.resolve().as_uri())
        }
    except SyntaxError as error:
        line = f":{error.lineno}" if error.lineno else ""
        raise InputError(
            f"{path}{line}: not valid {rdf_format.name}: {error.msg}",
            hint="fix the file; nothing was imported",
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(
            f"{path}: not valid {rdf_format.name}: {error}", hint="nothing was imported"
        ) from None
    graph = minter.import_graph(name)
    update = f"DROP SILENT GRAPH <{graph}>"
    if triples:
        body = "".join(f"{t} .\n" for t in triples)
        update += f" ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}}} }}"
    store.update(update, graphs=[graph])
    return graph, len(triples)
