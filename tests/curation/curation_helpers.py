"""Stores built from the seed articles (plus a variant spelling), and snapshots to compare them by."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from samples import BASE
from samples import seeds_with_a_variant_spelling as articles

from govkg.graph.identity import Minter
from govkg.graph.store import KnowledgeStore
from govkg.pipeline import build

MINTER = Minter(BASE)
MIC = URIRef(BASE + "body/bo-thong-tin-va-truyen-thong-7d9228")
LONG_AN_AGREEMENT = URIRef(BASE + "agreement/5d50eea3dd219695")


def one_article(folder: Path, article_id: str) -> list[str]:
    """Just one of ``articles``, to rebuild it alone."""
    source = Path(articles(folder)[0])
    line = next(x for x in source.read_text("utf-8").splitlines() if json.loads(x)["id"] == article_id)
    path = folder / f"{article_id}.jsonl"
    path.write_text(line + "\n", "utf-8")
    return [str(path)]


def built(folder: Path, name: str = "store") -> KnowledgeStore:
    store = KnowledgeStore.open(folder / name)
    build(articles(folder), store, base_iri=BASE, on_invalid=None)
    return store


def snapshot(store: KnowledgeStore) -> dict[str, Graph]:
    graphs = {}
    for name in store.graph_names():
        graph = Graph()
        for s, p, o in store.dataset.graph(name):
            graph.add((s, p, o))
        graphs[str(name)] = graph
    return graphs


def same(a: dict[str, Graph], b: dict[str, Graph]) -> list[str]:
    """The graphs that differ (missing on one side, or not isomorphic)."""
    return sorted(n for n in set(a) | set(b) if n not in a or n not in b or not isomorphic(a[n], b[n]))
