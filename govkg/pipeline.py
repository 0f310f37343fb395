"""The build: read articles → extract facts → replace each article's named graph in the store.

Unreadable inputs are reported and skipped (or stop the build with ``strict``); what is already
stored is never touched by a failing article, because each article's graph is written atomically.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

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
from govkg.loaders.records import Article, Extraction
from govkg.ontology.validation import BATCH, ValidationReport, Violation, format_report, validate_graphs

_Mapped = tuple[Article, Extraction, URIRef, Graph]  # an article, its facts, its graph's name and triples


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
    validation: ValidationReport = field(default_factory=ValidationReport)  # of the article graphs

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        text = (
            f"{self.articles} articles → {self.triples} triples ({self.persons} persons, "
            f"{self.agreements} agreements) in {self.seconds:.1f} s ({rate:.1f} articles/s)"
        )
        if self.skipped:
            text += f"; skipped {len(self.skipped)} input(s):"
            text += "".join(f"\n  {e.location}: {e.problem}\n    → {e.fix}" for e in self.skipped)
        if self.validation.violations:
            text += "\nSHACL validation of the article graphs: " + format_report(self.validation, limit=20)
        return text


def build(
    inputs: Iterable[str],
    store: KnowledgeStore,
    *,
    base_iri: str,
    strict: bool = False,
    infer: bool = False,
    on_invalid: Literal["report", "refuse"] | None = "report",
    on_article: Callable[[str], None] | None = None,
) -> BuildReport:
    """Load every article of ``inputs`` into ``store``; loading an article again replaces its graph.

    The reference data (provinces, ministries, the 2025 reorganisation) is stored first and the tenures
    derived from all articles last. ``infer`` keeps what the ontology entails from each graph in a named
    graph beside it; without it, such graphs left by an earlier ``infer`` build are dropped.
    Each article's graph is validated against the SHACL shapes first: one that does not conform is
    stored and its violations reported (``on_invalid="report"``), or not stored and listed as skipped
    (``"refuse"``); ``None`` does not validate.
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

    def mapped() -> Iterator[_Mapped]:
        for article in iter_articles(inputs, on_error=skip):
            extraction = extract(article)
            graph = extraction_to_graph(extraction, minter, persons.for_extraction(extraction))
            yield article, extraction, minter.article_graph(article.id), graph

    for (article, extraction, iri, graph), violations in _validated(mapped(), report.validation, on_invalid):
        if on_invalid == "refuse" and any(v.severity == "Violation" for v in violations):
            problem = f"the graph of article {article.id} does not conform to the SHACL shapes; not stored"
            fix = "see the violations below; --on-invalid report stores it anyway"
            report.skipped.append(ReadError(article.location or article.id, problem, fix))
            continue
        report.triples += _store_with_inferences(store, iri, graph, infer, minter)
        report.articles += 1
        report.persons += len(extraction.persons)
        report.agreements += len(extraction.agreements)
        if on_article:
            on_article(article.id)
    refresh_tenures(store, minter.tenures_graph())
    report.seconds = time.perf_counter() - started
    return report


def _validated(
    items: Iterator[_Mapped], into: ValidationReport, on_invalid: str | None
) -> Iterator[tuple[_Mapped, list[Violation]]]:
    """Each mapped article with its graph's violations (added to ``into`` too), BATCH per pySHACL call.

    pySHACL's cost is mostly per call, so one call per batch costs ~2 ms an article where one per
    article costs ~6; each graph is still validated on its own (see govkg.ontology.validation).
    """
    while chunk := list(itertools.islice(items, BATCH if on_invalid else 1)):
        graphs = [(iri, graph) for *_, iri, graph in chunk]
        found = validate_graphs(graphs) if on_invalid else ValidationReport()
        into.graphs += found.graphs
        into.violations += found.violations
        for item in chunk:
            yield item, [v for v in found.violations if v.graph == item[2]]


def _store_with_inferences(
    store: KnowledgeStore, iri: URIRef, graph: Graph, infer: bool, minter: Minter
) -> int:
    """Replace a graph and its inferred companion together (the companion empty unless ``infer``)."""
    return store.replace_graphs(
        {iri: graph, minter.inferred_graph(iri): entailed(graph) if infer else Graph()}
    )
