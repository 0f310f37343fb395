"""The embedded Oxigraph store: on disk in the data directory (or in memory), seen through rdflib.

rdflib is the API (``dataset`` is an rdflib Dataset over oxrdflib, default graph = union of all
graphs); writes go straight to pyoxigraph so that replacing an article's graph is one atomic
transaction — a crash mid-write leaves the old graph or the new one, never half of each.

**The merged view.** Every fact about an entity is restated in each article graph that names it, and
Oxigraph's union default graph is a bag: a triple stated in k graphs matches k times, so each extra
pattern on a subject multiplies the matches (k^n). So the store's own default graph holds the *set*
union of the triples of all named graphs (articles, inferred, ontology, reference, tenures…), each
triple once, and queries (``query``, ``select_values``, ``govkg serve``) read it as their default
graph; ``GRAPH ?g`` still ranges over the named graphs only, for provenance. It is kept exact in the
same transaction as every write: :meth:`KnowledgeStore.replace_graphs` and ``update(…, graphs=…)``
withdraw the triples of the graphs they change that no other named graph states and publish the new
ones; any other update is followed by :meth:`KnowledgeStore.resync` (a full comparison). Triples
written into the default graph directly are therefore dropped: write into named graphs. A store
written before the view existed (its default graph empty, its named graphs not) gets the view the
next time it is opened for writing; until then readers query the union, as before.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result

from govkg.errors import QueryError, StoreError
from govkg.ontology import ONTOLOGY_IRI, ONTOLOGY_PATH


class KnowledgeStore:
    """One govkg graph store; use as a context manager so the on-disk store is closed cleanly."""

    def __init__(self, inner: ox.Store, *, location: str = "memory", lock: int | None = None) -> None:
        self.inner = inner
        self.location = location
        self.dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
        # queries read the merged view, the store's default graph (see the module doc); ``union``: it has
        # none yet (a store from before it, opened read-only), so they read the union of all graphs
        self._queried = Dataset(store=OxigraphStore(store=inner), default_union=False)
        self._lock = lock
        self.read_only = False
        self.union = False

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> KnowledgeStore:
        """Open (creating when writable) the store in ``path``; a store in use elsewhere gets a clear error.

        One writer at a time, enforced by an exclusive lock on ``<path>.lock`` taken before RocksDB
        opens (a second writer on the same folder would otherwise see a corrupt store). Readers open
        a read-only view and may run beside the writer.
        """
        lock = None
        try:
            if read_only:
                if not path.exists():
                    raise StoreError(f"no graph store at {path}", hint="run `govkg build INPUT…` first")
                inner = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                lock = take_writer_lock(path.with_name(path.name + ".lock"))
                inner = ox.Store(str(path))
        except (OSError, RuntimeError) as error:
            if lock is not None:
                os.close(lock)
            raise StoreError(
                f"cannot open the graph store {path}: {error}", hint="check the --data-dir"
            ) from None
        store = cls(inner, location=str(path), lock=lock)
        store.read_only = read_only
        if store._lacks_view():
            if read_only:
                store.union = True
            else:
                store.resync()
        return store

    def _lacks_view(self) -> bool:
        """Whether the named graphs hold triples but the default graph (the merged view) none."""
        return not self.inner.query("ASK { ?s ?p ?o }") and bool(
            self.inner.query("ASK { GRAPH ?g { ?s ?p ?o } }")
        )

    @classmethod
    def memory(cls) -> KnowledgeStore:
        return cls(ox.Store())

    def __enter__(self) -> KnowledgeStore:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if not self.read_only:
            self.inner.flush()
        # RocksDB closes when the last reference goes, before the lock is freed
        del self.dataset, self._queried, self.inner
        gc.collect()  # rdflib results and graphs over the dataset may hold the last one in a cycle
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    # -- writing ---------------------------------------------------------------------------------

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> int:
        """Make ``graph_iri`` hold exactly ``graph``'s triples, atomically; returns the triple count."""
        return self.replace_graphs({graph_iri: graph})

    def replace_graphs(self, graphs: Mapping[URIRef, Graph]) -> int:
        """Replace several named graphs in one transaction (an empty graph is dropped); the triple count.

        The merged view changes in the same transaction: the old graphs' triples no other graph states
        leave it, the new graphs' triples join it.
        """
        parts = [
            withdraw(graphs),
            *replacing(graphs),
            publish(iri for iri, graph in graphs.items() if len(graph)),
        ]
        self._write(" ;\n".join(p for p in parts if p))
        return sum(len(graph) for graph in graphs.values())

    def update(self, sparql: str, *, graphs: Iterable[URIRef] | None = None) -> None:
        """Run a SPARQL Update (one transaction) — for derived graphs computed inside the store.

        ``graphs``: the named graphs it writes, whose triples are withdrawn from the merged view before
        and published after it, in the same transaction; without them the whole view is compared with
        the named graphs afterwards (:meth:`resync`), also in the same transaction.
        """
        if graphs is not None:
            graphs = list(graphs)
            # Oxigraph takes PREFIX and BASE only at the start of a request
            start = _PROLOGUE.match(sparql).end()  # type: ignore[union-attr]
            steps = (withdraw(graphs), sparql[start:], publish(graphs))
            self._write(sparql[:start] + " ;\n".join(p for p in steps if p))
            return
        try:
            self._write(f"{_ended(sparql)} ;\n{RESYNC}")
        except SyntaxError:
            self._write(sparql)  # its own syntax error, or (if it runs alone) the view follows it
            self.resync()

    def resync(self) -> None:
        """Make the merged view equal to the set union of the named graphs again, in one transaction
        (after writes that went around :meth:`replace_graphs`; ~35 s on a 5M-quad store in sync)."""
        self._write(RESYNC)
        self.union = False

    def _write(self, sparql: str) -> None:
        try:
            self.inner.update(sparql)
        except OSError as error:
            raise StoreError(f"cannot write to {self.location}: {error}", hint="check disk space") from None

    def ensure_ontology(self) -> None:
        """Keep the ontology in its own named graph, so queries can use its labels and hierarchy."""
        ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
        self.replace_graph(URIRef(ONTOLOGY_IRI), ontology)

    # -- reading ---------------------------------------------------------------------------------

    def fingerprint(self) -> str | None:
        """A digest of the on-disk store's files (names, sizes, times), which any write changes — by
        govkg, a server or another tool; None for a store in memory. Keys caches of derived data."""
        if self.location == "memory":
            return None
        try:
            files = sorted(
                (e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(self.location)
            )
        except OSError:
            return None
        return hashlib.sha256(repr(files).encode()).hexdigest()

    def cache_file(self, name: str) -> Path | None:
        """Where a cache of data derived from this store is kept: beside it, ``<store>.cache/name``."""
        return None if self.location == "memory" else Path(f"{self.location}.cache") / name

    def graph_names(self) -> Iterator[URIRef]:
        for node in self.inner.named_graphs():
            yield URIRef(node.value)

    def __len__(self) -> int:
        """The number of quads in the named graphs (the merged view is not counted)."""
        rows = self.inner.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(rows))[0].value)

    def select_values(self, sparql: str) -> list[tuple[str | None, ...]]:
        """A SELECT over the union of all graphs, as plain strings (IRIs and lexical forms), read at once.

        For internal lookups: pyoxigraph directly, no rdflib result object that would keep the store open.
        """
        solutions = self.inner.query(sparql, use_default_graph_as_union=self.union)
        names = [v.value for v in solutions.variables]
        return [tuple(None if row[n] is None else row[n].value for n in names) for row in solutions]

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query over the union of all graphs (the merged view: each triple once)."""
        try:
            return (self.dataset if self.union else self._queried).query(sparql)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {error}", hint="check the query text") from None
        except (ValueError, OSError) as error:
            raise QueryError(f"the query failed: {error}") from None


def take_writer_lock(path: Path) -> int:
    """The exclusive lock of a store's one writer, held through the returned descriptor until closed."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        raise StoreError(
            f"the graph store {path.with_suffix('')} is in use by another govkg process",
            hint="wait for it to finish, or use another --data-dir",
        ) from None
    return descriptor


# The merged view (see the module doc) in SPARQL Update: the default graph of an update is the store's
# own default graph, GRAPH ?g ranges over the named graphs.
UNSTATED = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
RESYNC = f"""{UNSTATED} ;
INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER NOT EXISTS {{ ?s ?p ?o }} }}"""


def replacing(graphs: Mapping[URIRef, Graph], *, insert_data: bool = True) -> list[str]:
    """The update steps that make each named graph hold exactly the given triples (an empty one is
    dropped). ``insert_data=False`` writes ``INSERT … WHERE {}``: Virtuoso refuses blank nodes in
    ``INSERT DATA``."""
    parts = []
    for iri, graph in graphs.items():
        parts.append(f"DROP SILENT GRAPH {iri.n3()}")
        if len(graph):
            lines = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
            block = f"{{ GRAPH {iri.n3()} {{\n{lines}\n}} }}"
            parts.append(f"INSERT DATA {block}" if insert_data else f"INSERT {block} WHERE {{}}")
    return parts


def withdraw(graphs: Iterable[URIRef]) -> str:
    """The update that removes from the view the triples of ``graphs`` that no other named graph states
    (run before the graphs change)."""
    names = [g.n3() for g in graphs]
    if not names:
        return ""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?changed {{ {' '.join(names)} }} "
        f"GRAPH ?changed {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other NOT IN ({', '.join(names)})) }} }}"
    )


def publish(graphs: Iterable[URIRef]) -> str:
    """The update that adds the triples of ``graphs`` to the view (run after they changed)."""
    names = [g.n3() for g in graphs]
    if not names:
        return ""
    changed = " ".join(names)
    return f"INSERT {{ ?s ?p ?o }} WHERE {{ VALUES ?changed {{ {changed} }} GRAPH ?changed {{ ?s ?p ?o }} }}"


_PROLOGUE = re.compile(r"^\s*(?:(?:#[^\n]*\n)|(?:PREFIX\s+\S*:\s*<[^>]*>)|(?:BASE\s+<[^>]*>)|\s)*", re.I)


def _ended(sparql: str) -> str:
    """An update without its trailing ``;`` (a request may end with one), so another can follow."""
    text = sparql.rstrip()
    return text[:-1] if text.endswith(";") else text
