"""The embedded Oxigraph store: on disk in the data directory (or in memory), seen through rdflib.

rdflib is the API (``dataset`` is an rdflib Dataset over oxrdflib, default graph = union of all
graphs); writes go straight to pyoxigraph so that replacing an article's graph is one atomic
transaction — a crash mid-write leaves the old graph or the new one, never half of each.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import os
from collections.abc import Iterator, Mapping
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
        self._lock = lock
        self.read_only = False

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
        return store

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
        del self.dataset, self.inner  # RocksDB closes when the last reference goes, before the lock is freed
        gc.collect()  # rdflib results and graphs over the dataset may hold the last one in a cycle
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    # -- writing ---------------------------------------------------------------------------------

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> int:
        """Make ``graph_iri`` hold exactly ``graph``'s triples, atomically; returns the triple count."""
        return self.replace_graphs({graph_iri: graph})

    def replace_graphs(self, graphs: Mapping[URIRef, Graph]) -> int:
        """Replace several named graphs in one transaction (an empty graph is dropped); the triple count."""
        parts = []
        for iri, graph in graphs.items():
            parts.append(f"DROP SILENT GRAPH {iri.n3()}")
            if len(graph):
                lines = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
                parts.append(f"INSERT DATA {{ GRAPH {iri.n3()} {{\n{lines}\n}} }}")
        try:
            self.inner.update(" ;\n".join(parts))
        except OSError as error:
            raise StoreError(f"cannot write to {self.location}: {error}", hint="check disk space") from None
        return sum(len(graph) for graph in graphs.values())

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (one transaction) — for derived graphs computed inside the store."""
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
        return len(self.inner)

    def select_values(self, sparql: str) -> list[tuple[str | None, ...]]:
        """A SELECT over the union of all graphs, as plain strings (IRIs and lexical forms), read at once.

        For internal lookups: pyoxigraph directly, no rdflib result object that would keep the store open.
        """
        solutions = self.inner.query(sparql, use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]
        return [tuple(None if row[n] is None else row[n].value for n in names) for row in solutions]

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query over the union of all graphs."""
        try:
            return self.dataset.query(sparql)
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
