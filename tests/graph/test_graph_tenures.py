"""Posts in time: every article's attestation is kept, and the span runs from the earliest to the latest."""

from dataclasses import replace

import pytest
from rdflib import XSD, Literal
from samples import make_extraction

from govkg.graph.derived import refresh_derived
from govkg.graph.mapping import extraction_to_graph
from govkg.graph.store import KnowledgeStore
from govkg.ontology.terms import GK


def dated(article_id: str, day: str):
    extraction = make_extraction(article_id)
    return replace(extraction, date=day)


def load(store, minter, *extractions):
    for extraction in extractions:
        graph = extraction_to_graph(extraction, minter)
        store.replace_graph(minter.article_graph(extraction.article.id), graph)
    refresh_derived(store, minter)


@pytest.fixture
def store():
    with KnowledgeStore.memory() as store:
        yield store


def span(store, minter):
    holding = minter.holding("Trần Văn Cần", "Chủ tịch", "Ủy ban nhân dân tỉnh Long An")
    rows = store.select_values(
        f"SELECT ?first ?last (COUNT(DISTINCT ?day) AS ?n) WHERE {{ GRAPH {minter.tenures_graph().n3()} "
        f"{{ {holding.n3()} <{GK.firstAttested}> ?first ; <{GK.lastAttested}> ?last }} "
        f"{holding.n3()} <{GK.attestedOn}> ?day }} GROUP BY ?first ?last"
    )
    return rows


def test_span_runs_from_earliest_to_latest_attestation(store, minter):
    load(store, minter, dated("b", "2024-03-05"), dated("a", "2023-12-26"), dated("c", "2023-12-30"))
    assert span(store, minter) == [("2023-12-26", "2024-03-05", "3")]
    interval = store.select_values(
        "SELECT ?begin WHERE { ?h <http://www.w3.org/ns/org#memberDuring>/<http://www.w3.org/2006/time#hasBeginning>"
        "/<http://www.w3.org/2006/time#inXSDDate> ?begin }"
    )
    assert set(interval) == {("2023-12-26",)}


def test_span_follows_articles_replaced(store, minter):
    load(store, minter, dated("a", "2023-12-26"), dated("b", "2024-03-05"))
    load(store, minter, dated("b", "2024-01-10"))  # article b loaded again, now read as another day
    assert span(store, minter) == [("2023-12-26", "2024-01-10", "2")]


def test_undated_article_attests_without_a_day(store, minter):
    load(store, minter, dated("a", None))
    holding = minter.holding("Trần Văn Cần", "Chủ tịch", "Ủy ban nhân dân tỉnh Long An")
    assert store.select_values(f"SELECT ?t WHERE {{ {holding.n3()} <{GK.postTitle}> ?t }}") == [("Chủ tịch",)]
    assert span(store, minter) == []  # held, but on no known day: no span
    graph = extraction_to_graph(dated("a", "2024-03-05"), minter)
    assert (holding, GK.attestedOn, Literal("2024-03-05", datatype=XSD.date)) in graph
