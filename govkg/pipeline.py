"""The build: read articles → extract facts → replace each article's named graph in the store.

Unreadable inputs are reported and skipped (or stop the build with ``strict``); what is already
stored is never touched by a failing article, because each article's graph is written atomically.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import Graph, URIRef

from govkg.errors import InputError
from govkg.graph.identity import Minter
from govkg.graph.inference import infer as entailed
from govkg.graph.mapping import extraction_to_graph
from govkg.graph.reference import reference_graph
from govkg.graph.resolve import PersonIndex
from govkg.graph.store import KnowledgeStore
from govkg.graph.tenures import refresh_tenures
from govkg.loaders.extract import extract
from govkg.loaders.readers import ReadError, iter_articles


def example_articles() -> Path:
    """The bundled example articles (the five seed articles about the ICT ministry and three provinces)."""
    return Path(str(resources.files("govkg.loaders") / "data" / "examples" / "seeds.jsonl"))


@dataclass
class BuildReport:
    articles: int = 0
    triples: int = 0
    persons: int = 0
    agreements: int = 0
    skipped: list[ReadError] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        text = (
            f"{self.articles} articles → {self.triples} triples ({self.persons} persons, "
            f"{self.agreements} agreements) in {self.seconds:.1f} s ({rate:.1f} articles/s)"
        )
        if self.skipped:
            text += f"; skipped {len(self.skipped)} input(s):"
            text += "".join(f"\n  {e.location}: {e.problem}\n    → {e.fix}" for e in self.skipped)
        return text


def build(
    inputs: Iterable[str],
    store: KnowledgeStore,
    *,
    base_iri: str,
    strict: bool = False,
    infer: bool = False,
    on_article: Callable[[str], None] | None = None,
) -> BuildReport:
    """Load every article of ``inputs`` into ``store``; loading an article again replaces its graph.

    The reference data (provinces, ministries, the 2025 reorganisation) is stored first and the tenures
    derived from all articles last. ``infer`` keeps what the ontology entails from each graph in a named
    graph beside it; without it, such graphs left by an earlier ``infer`` build are dropped.
    """
    report = BuildReport()
    started = time.perf_counter()
    minter = Minter(base_iri)

    def skip(error: ReadError) -> None:
        if strict:
            raise InputError(f"{error.location}: {error.problem}", hint=error.fix)
        report.skipped.append(error)

    store.ensure_ontology()
    _store_with_inferences(store, minter.reference_graph(), reference_graph(minter), infer, minter)
    persons = PersonIndex.load(store, minter)
    for article in iter_articles(inputs, on_error=skip):
        extraction = extract(article)
        graph = extraction_to_graph(extraction, minter, persons.for_extraction(extraction))
        report.triples += _store_with_inferences(
            store, minter.article_graph(article.id), graph, infer, minter
        )
        report.articles += 1
        report.persons += len(extraction.persons)
        report.agreements += len(extraction.agreements)
        if on_article:
            on_article(article.id)
    refresh_tenures(store, minter.tenures_graph())
    report.seconds = time.perf_counter() - started
    return report


def _store_with_inferences(
    store: KnowledgeStore, iri: URIRef, graph: Graph, infer: bool, minter: Minter
) -> int:
    """Replace a graph and its inferred companion together (the companion empty unless ``infer``)."""
    return store.replace_graphs(
        {iri: graph, minter.inferred_graph(iri): entailed(graph) if infer else Graph()}
    )
