"""The merged view: the store's default graph holds the set union of its named graphs, kept exact."""

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from samples import BASE, make_extraction

from govkg.graph.bulk import load_dump
from govkg.graph.derived import refresh_derived
from govkg.graph.mapping import extraction_to_graph
from govkg.graph.store import KnowledgeStore
from govkg.pipeline import build, example_articles

A, B = URIRef("urn:g:a"), URIRef("urn:g:b")
S, P = URIRef("urn:s"), URIRef("urn:p")


def view(store: KnowledgeStore) -> set[tuple]:
    return {
        (q.subject, q.predicate, q.object)
        for q in store.inner.quads_for_pattern(None, None, None, ox.DefaultGraph())
    }


def union(store: KnowledgeStore) -> set[tuple]:
    quads = store.inner.quads_for_pattern(None, None, None)
    return {
        (q.subject, q.predicate, q.object) for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)
    }


def graph(*objects: str) -> Graph:
    g = Graph()
    for o in objects:
        g.add((S, P, Literal(o)))
    return g


def test_a_triple_leaves_the_view_only_when_no_graph_states_it():
    store = KnowledgeStore.memory()
    store.replace_graphs({A: graph("x", "y"), B: graph("y")})
    assert view(store) == union(store) and len(view(store)) == 2
    store.replace_graph(A, graph("z"))  # x goes, y stays (B states it)
    assert view(store) == union(store)
    assert {str(o.value) for _, _, o in view(store)} == {"y", "z"}
    store.replace_graph(B, Graph())  # dropped
    assert {str(o.value) for _, _, o in view(store)} == {"z"}
    store.replace_graphs({A: Graph(), B: graph("z")})  # moved from one graph to the other in one call
    assert {str(o.value) for _, _, o in view(store)} == {"z"}
    assert len(store) == 1  # named-graph quads only


def test_queries_read_each_triple_once():
    store = KnowledgeStore.memory()
    store.replace_graphs({A: graph("x"), B: graph("x")})
    assert len(list(store.query("SELECT * WHERE { ?s ?p ?o }"))) == 1
    assert store.select_values("SELECT ?o WHERE { ?s ?p ?o }") == [("x",)]
    assert len(list(store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))) == 2


def test_updates_keep_the_view(minter):
    store = KnowledgeStore.memory()
    build([str(example_articles())], store, base_iri=BASE)
    assert view(store) == union(store)
    refresh_derived(store, minter)
    assert view(store) == union(store)
    # an update that names no graphs: the view is compared whole (as after `govkg serve` updates)
    seed = minter.article_graph("seed-000").n3()
    store.update(f"DROP GRAPH {seed} ; INSERT DATA {{ GRAPH <urn:g:c> {{ <urn:s> <urn:p> 'new' }} }} ;")
    assert view(store) == union(store)
    store.update("INSERT DATA { <urn:s> <urn:p> 'only in the default graph' }")
    assert view(store) == union(store)  # not stated by a named graph: not in the view


def test_a_store_without_the_view_gets_it_when_opened_for_writing(tmp_path, minter):
    path = tmp_path / "store"
    with KnowledgeStore.open(path) as store:
        store.replace_graph(minter.article_graph("t1"), extraction_to_graph(make_extraction(), minter))
        store.inner.update("DROP DEFAULT")  # as a store written before the view existed
    with KnowledgeStore.open(path, read_only=True) as store:
        assert store.union  # read-only: its queries read the union, as before
        assert store.select_values("SELECT ?t WHERE { ?a <http://purl.org/dc/terms/title> ?t }")
    with KnowledgeStore.open(path) as store:
        assert not store.union and view(store) == union(store) and view(store)


def test_a_bulk_load_has_the_view(tmp_path, minter):
    store = KnowledgeStore.memory()
    store.replace_graphs({A: graph("x"), B: graph("x", "y")})
    dump = tmp_path / "dump.nq"
    store.inner.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    assert load_dump(dump, tmp_path / "data" / "store") == 3
    with KnowledgeStore.open(tmp_path / "data" / "store", read_only=True) as loaded:
        assert not loaded.union and view(loaded) == union(loaded) and len(view(loaded)) == 2
