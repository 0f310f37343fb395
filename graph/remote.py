"""A remote SPARQL 1.1 endpoint (Oxigraph server, Apache Jena Fuseki, Virtuoso, GraphDB…) as a govkg store.

It has the interface the pipeline and the CLI use of :class:`govkg.graph.store.KnowledgeStore`:

- reads (``query``, ``select_values``, ``graph_names``, ``len``) go through SPARQLWrapper to the query
  URL; ``query`` returns an rdflib ``Result`` parsed from SPARQL-results JSON (SELECT, ASK) or Turtle
  (CONSTRUCT, DESCRIBE), so the formatters work unchanged;
- writes replace each named graph whole: with the Graph Store Protocol (``write="gsp"``) one
  ``PUT ?graph=IRI`` of N-Triples per graph — atomic per graph, so an article's graph and its
  inferred companion are two requests (the article first): a failure between them leaves the new
  article graph beside the old inferred one until the article is built again. With SPARQL Update
  (``write="update"``, for stores without a writable GSP) all graphs of one call go as a single
  request, ``DROP SILENT GRAPH …; INSERT {…} WHERE {}``, which Oxigraph, Fuseki and GraphDB run as one
  transaction;
- ``dataset`` / ``inner`` (for export, viz and validation) are an in-memory copy of the govkg graphs
  of the endpoint, read once, graph by graph, in pages of ``page_size`` rows (Virtuoso's
  ``ResultSetMaxRows`` cuts longer results silently, so a page must not be longer than it). It is a
  snapshot: fine for the graphs govkg builds (≈ millions of quads), not for a store of billions —
  dump those with the store's own tools.

The named queries ask the *default graph* and expect it to be the union of all named graphs; stores
differ (Oxigraph server: ``--union-default-graph``; Fuseki/TDB2: ``tdb2:unionDefaultGraph true``;
Virtuoso and GraphDB do so by default). The first read checks it and says what to do when it is not.
"""

from __future__ import annotations

import io
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import TracebackType
from typing import Any, Literal

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.query import Result

from govkg.errors import QueryError, StoreError
from govkg.graph.store import replacing
from govkg.ontology import ONTOLOGY_IRI, ONTOLOGY_PATH

WriteMethod = Literal["gsp", "update"]
TIMEOUT = 60  # seconds per request
PAGE_SIZE = 10_000  # Virtuoso's default ResultSetMaxRows


@dataclass(frozen=True)
class Endpoints:
    """The three URLs of a store: SPARQL query, SPARQL update, Graph Store Protocol (None: not writable)."""

    query: str
    update: str
    gsp: str | None

    @classmethod
    def guess(cls, query: str, *, update: str | None = None, gsp: str | None = None) -> Endpoints:
        """The update and GSP URLs each store serves beside ``query``, unless given.

        ``…/repositories/ID`` (GraphDB, RDF4J) → ``…/statements`` and ``…/rdf-graphs/service``;
        ``…/query`` (Oxigraph server) → ``…/update`` and ``…/store``; ``…/sparql`` (Virtuoso) →
        ``…/sparql`` and no GSP (Virtuoso's needs authentication: write with SPARQL Update); anything else
        (a Fuseki dataset URL such as ``http://localhost:3030/govkg``) → the same URL for all three.
        """
        base = query.rstrip("/")
        if re.search(r"/repositories/[^/]+$", base):
            guessed: tuple[str, str | None] = (f"{base}/statements", f"{base}/rdf-graphs/service")
        elif base.endswith("/query"):
            root = base[: -len("/query")]
            guessed = (f"{root}/update", f"{root}/store")
        elif base.endswith("/sparql") and not re.search(r"/[^/]+/sparql$", urllib.parse.urlsplit(base).path):
            guessed = (base, None)
        elif base.endswith("/sparql"):  # Fuseki's …/DATASET/sparql
            root = base[: -len("/sparql")]
            guessed = (f"{root}/update", f"{root}/data")
        else:
            guessed = (base, base)
        return cls(query=query, update=update or guessed[0], gsp=gsp or guessed[1])


class RemoteStore:
    """The govkg graphs in a SPARQL 1.1 endpoint; same methods as ``KnowledgeStore``, over HTTP."""

    def __init__(
        self,
        endpoints: Endpoints,
        *,
        write: WriteMethod | None = None,
        graph_prefixes: tuple[str, ...] = (),
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.endpoints = endpoints
        self.location = endpoints.query
        self.write: WriteMethod = write or ("gsp" if endpoints.gsp else "update")
        if self.write == "gsp" and not endpoints.gsp:
            raise StoreError(
                f"no Graph Store Protocol URL for {endpoints.query}",
                hint="give --gsp-endpoint URL, or --write-method update",
            )
        # which named graphs are govkg's (a shared store, e.g. Virtuoso's, holds system graphs too)
        self.graph_prefixes = graph_prefixes
        self.page_size = page_size
        self.read_only = False
        self._union_checked = False

    @classmethod
    def connect(
        cls,
        query: str,
        *,
        update: str | None = None,
        gsp: str | None = None,
        write: WriteMethod | None = None,
        base_iri: str | None = None,
    ) -> RemoteStore:
        """A store over ``query`` (other URLs guessed, see :meth:`Endpoints.guess`); checks it answers."""
        prefixes = (str(ONTOLOGY_IRI), base_iri) if base_iri else ()
        store = cls(Endpoints.guess(query, update=update, gsp=gsp), write=write, graph_prefixes=prefixes)
        store._select("ASK { }", ask=True)  # reachable, and speaks SPARQL
        return store

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.__dict__.pop("_snapshot", None)

    # -- writing ---------------------------------------------------------------------------------

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> int:
        return self.replace_graphs({graph_iri: graph})

    def replace_graphs(self, graphs: Mapping[URIRef, Graph]) -> int:
        """Make each named graph hold exactly the given triples (an empty graph is dropped); the count."""
        if self.write == "gsp":
            for iri, graph in graphs.items():
                self._gsp(iri, graph)
        else:
            self.update(" ;\n".join(replacing(graphs, insert_data=False)))
        self.__dict__.pop("_snapshot", None)
        return sum(len(graph) for graph in graphs.values())

    def _gsp(self, iri: URIRef, graph: Graph) -> None:
        assert self.endpoints.gsp
        url = f"{self.endpoints.gsp}?{urllib.parse.urlencode({'graph': str(iri)})}"
        if len(graph):
            body = graph.serialize(format="nt", encoding="utf-8")  # escapes line breaks, unlike n3()
            request = urllib.request.Request(
                url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
            )
        else:
            request = urllib.request.Request(url, method="DELETE")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                response.read()
        except urllib.error.HTTPError as error:
            if request.get_method() == "DELETE" and error.code == 404:  # no such graph: nothing to drop
                return
            raise self._http_error(
                error, self.endpoints.gsp, "--gsp-endpoint, or --write-method update"
            ) from None
        except (urllib.error.URLError, OSError) as error:
            raise self._unreachable(error, self.endpoints.gsp) from None

    def update(self, sparql: str, *, graphs: Iterable[URIRef] | None = None) -> None:
        """Run a SPARQL Update at the update URL (one request).

        ``graphs`` (the graphs it writes) is for the embedded store's merged view: a remote store's
        default graph is the union of its named graphs, kept by the store itself.
        """
        self._request(self.endpoints.update, sparql, update=True)
        self.__dict__.pop("_snapshot", None)

    def ensure_ontology(self) -> None:
        self.replace_graph(URIRef(ONTOLOGY_IRI), Graph().parse(ONTOLOGY_PATH, format="turtle"))

    # -- reading ---------------------------------------------------------------------------------

    def graph_names(self) -> Iterator[URIRef]:
        rows = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._ours()} }}")
        for row in rows:
            yield URIRef(row["g"]["value"])

    def __len__(self) -> int:
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._ours()} }}")
        return int(rows[0]["n"]["value"]) if rows else 0

    def select_values(self, sparql: str) -> list[tuple[str | None, ...]]:
        """A SELECT over the union of all graphs, as plain strings (IRIs and lexical forms)."""
        self._check_union()
        document = self._json(sparql)
        names = document["head"].get("vars", [])
        return [
            tuple(row[n]["value"] if n in row else None for n in names)
            for row in document["results"]["bindings"]
        ]

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query over the union of all graphs; an rdflib Result, as the embedded store gives."""
        self._check_union()
        kind = _query_type(sparql)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            body = self._request(self.endpoints.query, sparql, accept="application/n-triples, text/turtle")
            result = Result(kind)
            result.graph = Graph().parse(data=body, format="turtle")  # N-Triples is Turtle
            return result
        body = self._request(self.endpoints.query, sparql, accept="application/sparql-results+json")
        return Result.parse(io.BytesIO(body), format="json")

    @property
    def dataset(self) -> Any:
        """An rdflib Dataset over an in-memory copy of the govkg graphs (read once; see the module doc)."""
        return self._snapshot.dataset

    @property
    def inner(self) -> ox.Store:
        """The pyoxigraph store of that copy (export dumps it)."""
        return self._snapshot.inner

    @cached_property
    def _snapshot(self) -> Any:
        from govkg.graph.store import KnowledgeStore

        copy = KnowledgeStore.memory()
        for name in list(self.graph_names()):
            graph = ox.NamedNode(str(name))
            offset = 0
            while True:
                rows = self._select(
                    f"SELECT ?s ?p ?o WHERE {{ GRAPH {name.n3()} {{ ?s ?p ?o }} }} "
                    f"ORDER BY ?s ?p ?o LIMIT {self.page_size} OFFSET {offset}"
                )
                copy.inner.extend(
                    ox.Quad(_term(r["s"]), _term(r["p"]), _term(r["o"]), graph)  # type: ignore[arg-type]
                    for r in rows
                )
                if len(rows) < self.page_size:
                    break
                offset += self.page_size
        copy.resync()  # its merged view (graph.store)
        return copy

    # -- HTTP ------------------------------------------------------------------------------------

    def _ours(self) -> str:
        if not self.graph_prefixes:
            return ""
        tests = " || ".join(f"STRSTARTS(STR(?g), {json.dumps(p)})" for p in self.graph_prefixes)
        return f"FILTER ({tests})"

    def _check_union(self) -> None:
        """Named queries read the default graph: it must be the union of the named graphs."""
        if self._union_checked:
            return
        if self._select("ASK { GRAPH ?g { ?s ?p ?o } }", ask=True) and not self._select(
            "ASK { ?s ?p ?o }", ask=True
        ):
            raise StoreError(
                f"the default graph of {self.endpoints.query} is empty although its named graphs are not: "
                "govkg's queries need the default graph to be the union of all named graphs",
                hint="start Oxigraph server with --union-default-graph; for Fuseki set "
                "tdb2:unionDefaultGraph true (see docs/remote-stores.md)",
            )
        self._union_checked = True

    def _select(self, sparql: str, *, ask: bool = False) -> Any:
        document = self._json(sparql)
        if not ask:
            return document["results"]["bindings"]
        if "boolean" in document:
            return bool(document["boolean"])
        rows = document.get("results", {}).get("bindings", [])  # Virtuoso: one row, ?__ASK_RETVAL 0 or 1
        return bool(rows) and next(iter(rows[0].values()))["value"] in ("1", "true")

    def _json(self, sparql: str) -> dict[str, Any]:
        body = self._request(self.endpoints.query, sparql, accept="application/sparql-results+json")
        try:
            return json.loads(body)
        except ValueError:
            raise StoreError(
                f"{self.endpoints.query} did not answer with SPARQL results JSON",
                hint="is it the SPARQL query URL of the store? (see docs/remote-stores.md)",
            ) from None

    def _request(self, url: str, sparql: str, *, update: bool = False, accept: str = "") -> bytes:
        """One SPARQL protocol request through SPARQLWrapper (POST, URL-encoded); the response body."""
        from SPARQLWrapper import POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        client = SPARQLWrapper(url) if not update else SPARQLWrapper(url, updateEndpoint=url)
        client.setMethod(POST)
        client.setOnlyConneg(True)  # no format=… parameter: Virtuoso answers 406 when it contradicts Accept
        client.setTimeout(TIMEOUT)
        client.setQuery(_ascii(sparql))
        # what it is, as the caller knows: SPARQLWrapper's own guess takes some queries for updates
        client.queryType = "INSERT" if update else _query_type(sparql)
        if accept:
            client.addCustomHttpHeader("Accept", accept)
        try:
            response = client.query().response
            return response.read()
        except SPARQLWrapperException as error:
            message = str(error)
            if "QueryBadFormed" in type(error).__name__ or "400" in message:
                raise QueryError(f"{url} rejected the query: {message.strip()[:500]}") from None
            raise StoreError(
                f"{url} failed: {message.strip()[:500]}", hint="check the endpoint URLs and the store's log"
            ) from None
        except urllib.error.HTTPError as error:
            what = "--update-endpoint (and that the store allows updates)" if update else "--endpoint"
            raise self._http_error(error, url, what) from None
        except (urllib.error.URLError, OSError) as error:
            raise self._unreachable(error, url) from None

    @staticmethod
    def _http_error(error: urllib.error.HTTPError, url: str, what: str) -> StoreError:
        detail = error.read().decode("utf-8", "replace").strip()[:300] if error.fp else ""
        return StoreError(f"{url} answered HTTP {error.code} {error.reason}: {detail}", hint=f"check {what}")

    @staticmethod
    def _unreachable(error: BaseException, url: str) -> StoreError:
        reason = getattr(error, "reason", error)
        return StoreError(
            f"cannot reach the SPARQL endpoint {url}: {reason}",
            hint="start the store (see docs/remote-stores.md) or check --endpoint / $GOVKG_ENDPOINT",
        )


_PROLOGUE = re.compile(r"^\s*(?:(?:#[^\n]*\n)|(?:PREFIX\s+\S*:\s*<[^>]*>)|(?:BASE\s+<[^>]*>)|\s)*", re.I)


def _query_type(sparql: str) -> str:
    match = re.match(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", sparql[_PROLOGUE.match(sparql).end() :], re.I)  # type: ignore[union-attr]
    return match.group(1).upper() if match else "SELECT"


def _term(binding: Mapping[str, str]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A SPARQL-results JSON term as a pyoxigraph term."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", value))  # Virtuoso's nodeID://b1
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


def _ascii(sparql: str) -> str:
    """The query with every non-ASCII character as a SPARQL codepoint escape (\\uXXXX).

    Equal by the SPARQL grammar, and it survives stores that misread UTF-8 in a request (Virtuoso
    turned "·" into "?").
    """
    return "".join(
        c if ord(c) < 128 else (f"\\u{ord(c):04X}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08X}")
        for c in sparql
    )
