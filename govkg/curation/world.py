"""The store as extraction left it: the current store with the last curation apply undone, in memory.

``apply_curations`` must decide everything (which names mean which entities, which triples go) on the
graphs as extracted, not as the last apply left them — a name merged away last time must still name
its own node — yet change the store in one transaction. So nothing is undone in the store first: the
undo records (``<base>graph/curated/undo``) say, per graph, which triples the last apply removed and
added and a digest of what it left; a graph that still has that digest is *undone in memory* (the
removed put back, the added taken out), one whose digest differs was rebuilt since and is taken as
it is. Queries see the store minus those graphs and the curated graph, plus their undone copies.

Terms are pyoxigraph's, so they compare exactly as the store keeps them (it writes ``"0.90"`` as
``"0.9"``): a digest computed here equals the digest of what the store holds after the write.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cached_property

import pyoxigraph as ox
from rdflib import Namespace

from govkg.graph.identity import Minter
from govkg.graph.store import KnowledgeStore
from govkg.ontology import ONTOLOGY_IRI
from govkg.queries.names import NameIndex

# Bookkeeping of the undo graph; internal, not part of the ontology.
UNDO = Namespace("https://w3id.org/govkg/internal/undo#")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def node(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def ntriples(triples: Iterable[ox.Triple]) -> str:
    return "".join(sorted(f"{t} .\n" for t in triples))


def parse_ntriples(text: str) -> set[ox.Triple]:
    if not text:
        return set()
    return {q.triple for q in ox.parse(input=text.encode(), format=ox.RdfFormat.N_TRIPLES)}


def graph_digest(triples: Iterable[ox.Triple]) -> str:
    return "sha256:" + hashlib.sha256(ntriples(triples).encode()).hexdigest()


def mentions(triple: ox.Triple, term: ox.NamedNode) -> bool:
    return triple.subject == term or triple.object == term


class World:
    """The store as extracted; ``base(g)`` is graph g so, ``current(g)`` as the store holds it now."""

    def __init__(self, store: KnowledgeStore, minter: Minter) -> None:
        self.store, self.inner, self.minter = store, store.inner, minter
        self.curated_graph, self.undo_graph = str(minter.curated_graph()), str(minter.undo_graph())
        self.prefix = str(minter.article_graph(""))  # <base>graph/
        self.not_editable = {self.curated_graph, self.undo_graph, str(minter.tenures_graph()), ONTOLOGY_IRI}
        self.import_prefix = str(minter.import_graph(""))
        self._current: dict[str, set[ox.Triple]] = {}
        self._base: dict[str, set[ox.Triple]] = {}
        self.undone: list[str] = []  # graphs the last apply changed and that are still as it left them
        self.rebuilt: list[str] = []  # graphs the last apply changed that were rebuilt (or dropped) since
        self.scratch = ox.Store()  # the undone graphs (and the ontology, for class hierarchy queries)
        self._read_undo_records()
        self.hidden = {self.curated_graph, self.undo_graph, *self.undone, *self.rebuilt}
        self.scratch.extend(
            ox.Quad(q.subject, q.predicate, q.object, q.graph_name)
            for q in self.inner.quads_for_pattern(None, None, None, node(ONTOLOGY_IRI))
        )

    # -- graphs -----------------------------------------------------------------------------------

    def editable(self, graph: str) -> bool:
        """Curations change article graphs, their inferred companions and the reference graph only."""
        return (
            graph.startswith(self.prefix)
            and graph not in self.not_editable
            and not graph.startswith(self.import_prefix)
        )

    def current(self, graph: str) -> set[ox.Triple]:
        if graph not in self._current:
            self._current[graph] = {
                q.triple for q in self.inner.quads_for_pattern(None, None, None, node(graph))
            }
        return self._current[graph]

    def base(self, graph: str) -> set[ox.Triple]:
        if graph not in self._base:
            self._base[graph] = self.current(graph)
        return self._base[graph]

    def records(self) -> dict[str, tuple[set[ox.Triple], set[ox.Triple]]]:
        return self._records

    def _read_undo_records(self) -> None:
        rows = self.inner.query(
            f"""SELECT ?g ?digest ?removed ?added WHERE {{ GRAPH <{self.undo_graph}> {{
                  ?r <{UNDO.graph}> ?g ; <{UNDO.digest}> ?digest ; <{UNDO.removed}> ?removed ;
                     <{UNDO.added}> ?added }} }}"""
        )
        self._records: dict[str, tuple[set[ox.Triple], set[ox.Triple]]] = {}
        for row in rows:
            graph = row["g"].value
            removed, added = parse_ntriples(row["removed"].value), parse_ntriples(row["added"].value)
            self._records[graph] = (removed, added)
            current = self.current(graph)
            if graph_digest(current) == row["digest"].value:
                self._base[graph] = (current - added) | removed
                self.undone.append(graph)
            else:
                self._base[graph] = current
                self.rebuilt.append(graph)
            self.scratch.extend(
                ox.Quad(t.subject, t.predicate, t.object, node(graph)) for t in self._base[graph]
            )
        self.undone.sort()
        self.rebuilt.sort()

    # -- queries over the base --------------------------------------------------------------------

    def graph_rows(self, sparql: str) -> list[tuple[ox.NamedNode | ox.Literal | None, ...]]:
        """A SELECT whose first variable is ``?g`` (inside ``GRAPH ?g``), over the base."""
        found: set[tuple] = set()
        for source, keep in ((self.inner, lambda g: g not in self.hidden), (self.scratch, self._is_recorded)):
            solutions = source.query(sparql)
            names = [v.value for v in solutions.variables]
            for row in solutions:
                values = tuple(row[n] for n in names)
                if values[0] is not None and keep(values[0].value):
                    found.add(values)
        return sorted(found, key=lambda r: tuple("" if v is None else str(v) for v in r))

    def _is_recorded(self, graph: str) -> bool:
        return graph in self.hidden and graph not in (self.curated_graph, self.undo_graph)

    def mentioning(self, term: ox.NamedNode) -> list[str]:
        """The editable graphs whose base mentions ``term`` (as subject or object)."""
        rows = self.graph_rows(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ {term} ?p ?o }} UNION {{ ?s ?p {term} }} }} }}"
        )
        return sorted({r[0].value for r in rows if self.editable(r[0].value)})

    @cached_property
    def names(self) -> NameIndex:
        """The name index of the base (not of the store as the last apply left it)."""
        return NameIndex.load(_BaseView(self))


class _BaseView:
    """``select_values`` over the base, for ``NameIndex.load``: the store's union, less what only the
    hidden graphs (curated, and those the last apply changed) say, plus the undone copies of those.

    Rows about a subject that the hidden graphs mention are kept only when another graph states
    them too: the label row when that graph holds the label triple, any other row when it types
    the subject.
    """

    def __init__(self, world: World) -> None:
        self.world = world
        hidden = [g for g in world.hidden]
        self.touched: set[str] = set()
        for graph in hidden:
            for quad in world.inner.quads_for_pattern(None, None, None, node(graph)):
                if isinstance(quad.subject, ox.NamedNode):
                    self.touched.add(quad.subject.value)

    def _stated_elsewhere(self, subject: str, predicate: ox.NamedNode | None, obj: ox.Literal | None) -> bool:
        for quad in self.world.inner.quads_for_pattern(node(subject), predicate, obj, None):
            if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value not in self.world.hidden:
                return True
        return False

    def select_values(self, sparql: str) -> list[tuple[str | None, ...]]:
        rows: list[tuple[str | None, ...]] = []
        solutions = self.world.inner.query(sparql, use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            row = {n: solution[n] for n in names}
            subject = row.get("x")
            if subject is not None and subject.value in self.touched:
                label = row.get("l")
                if "p" in row and isinstance(label, ox.Literal) and row["p"] is not None:
                    if not self._stated_elsewhere(subject.value, row["p"], label):
                        continue
                if not self._stated_elsewhere(subject.value, _RDF_TYPE, None):
                    continue
            rows.append(tuple(None if row[n] is None else row[n].value for n in names))
        solutions = self.world.scratch.query(sparql, use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]
        rows += [tuple(None if s[n] is None else s[n].value for n in names) for s in solutions]
        return rows
