"""The build: read articles → extract facts → replace each article's named graph in the store.

Unreadable inputs are reported and skipped (or stop the build with ``strict``); what is already
stored is never touched by a failing article, because each article's graph is written atomically.

Builds are incremental: each article graph holds ``<article> gk:contentHash "sha256:…"``, the hash of
the article record and of the extractor version (see :func:`extractor_version`); an article whose
stored hash equals its new one is neither extracted nor written. An interrupted build therefore
leaves every stored article whole, and running it again finishes it.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from rdflib import Graph, URIRef
from rdflib import Literal as RdfLiteral

from govkg import __version__
from govkg.curation import ApplyReport, apply_curations, load_curations
from govkg.errors import InputError
from govkg.graph.derived import derived_outdated, invalidate_derived, refresh_derived
from govkg.graph.identity import Minter
from govkg.graph.inference import infer as entailed
from govkg.graph.mapping import extraction_to_graph
from govkg.graph.reference import reference_graph
from govkg.graph.resolve import PersonIndex
from govkg.graph.store import KnowledgeStore
from govkg.ingest import processed, rename_persons
from govkg.loaders.readers import ReadError, iter_articles
from govkg.loaders.records import Article
from govkg.ontology.terms import GK
from govkg.ontology.validation import ValidationReport, format_report


def example_articles() -> Path:
    """The bundled example articles (the five seed articles about the ICT ministry and three provinces)."""
    return Path(str(resources.files("govkg.loaders") / "data" / "examples" / "seeds.jsonl"))


@dataclass
class BuildReport:
    articles: int = 0  # stored by this build: new + changed
    new: int = 0
    changed: int = 0
    unchanged: int = 0  # read, hash as stored: not extracted, not written
    pruned: int | None = None  # graphs dropped by ``prune`` (None: not asked, or not done)
    prune_note: str = ""
    triples: int = 0
    persons: int = 0
    agreements: int = 0
    skipped: list[ReadError] = field(default_factory=list)
    seconds: float = 0.0
    validation: ValidationReport = field(default_factory=ValidationReport)  # of the article graphs
    curation: ApplyReport | None = None  # None: no curations given, none applied before

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        text = (
            f"{self.articles} articles → {self.triples} triples ({self.persons} persons, "
            f"{self.agreements} agreements) in {self.seconds:.1f} s ({rate:.1f} articles/s); "
            f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged (skipped)"
        )
        if self.pruned is not None:
            text += f"; pruned {self.pruned} article graph(s) not among the inputs"
        if self.prune_note:
            text += f"; {self.prune_note}"
        if self.skipped:
            text += f"; skipped {len(self.skipped)} input(s):"
            text += "".join(f"\n  {e.location}: {e.problem}\n    → {e.fix}" for e in self.skipped)
        if self.validation.violations:
            text += "\nSHACL validation of the article graphs: " + format_report(self.validation, limit=20)
        if self.curation is not None:
            text += "\n" + self.curation.summary()
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
    force: bool = False,
    prune: bool = False,
    processes: int | None = None,
    curations: Sequence[Path] = (),
) -> BuildReport:
    """Load every article of ``inputs`` into ``store``; loading an article again replaces its graph.

    The reference data (provinces, ministries, the 2025 reorganisation) is stored first and what is
    derived from all articles (tenures, listing keys: govkg.graph.derived) last. ``infer`` keeps what
    the ontology entails from each graph in a named graph beside it; without it, such graphs left by
    an earlier ``infer`` build are dropped.
    Each article's graph is validated against the SHACL shapes first: one that does not conform is
    stored and its violations reported (``on_invalid="report"``), or not stored and listed as skipped
    (``"refuse"``); ``None`` does not validate.

    An article whose stored ``gk:contentHash`` equals its new hash is skipped (counted unchanged; its
    graph is not validated again); ``force`` rebuilds every article. ``prune`` drops the graphs (and
    inferred companions) of stored articles that are not among the inputs — only when every input
    was read, since an unreadable file's articles would otherwise be lost.

    ``curations`` (YAML/CSV curation files, see docs/curation.md) are read first — a malformed one stops
    the build before anything is written — and applied after the articles, in one transaction that
    first undoes the previous apply; with none given, a previous apply is undone.

    Extraction runs on ``processes`` worker processes (default: all cores; see govkg.ingest).
    ``on_article`` is called with the id of every article read and dealt with — stored, unchanged or
    refused — so a progress display can count them against the input's size.
    """
    report = BuildReport()
    started = time.perf_counter()
    minter = Minter(base_iri)

    unread = False

    def skip(error: ReadError) -> None:
        nonlocal unread
        if strict:
            raise InputError(f"{error.location}: {error.problem}", hint=error.fix)
        unread = True
        report.skipped.append(error)

    entries = load_curations(curations)
    store.ensure_ontology()
    _store_with_inferences(store, minter.reference_graph(), reference_graph(minter), infer, minter)
    persons: PersonIndex | None = None  # read from the store when the first article needs it
    stored = stored_hashes(store, minter)
    version = extractor_version()
    seen: set[str] = set()

    digests: deque[str] = deque()  # of the articles sent to extraction, which keeps their order

    def to_extract() -> Iterator[Article]:
        for article in iter_articles(inputs, on_error=skip):
            iri = str(minter.article_graph(article.id))
            seen.add(iri)
            digest = content_hash(article, version, infer=infer)
            if not force and stored.get(iri) == digest:
                report.unchanged += 1
                if on_article:
                    on_article(article.id)
                continue
            digests.append(digest)
            yield article

    work = processed(to_extract(), base_iri=base_iri, validate=on_invalid is not None, processes=processes)
    for article, extraction, violations in work:
        if persons is None:
            persons = PersonIndex.load(store, minter)
        resolved = persons.for_extraction(extraction)
        iri = minter.article_graph(article.id)
        graph = extraction_to_graph(extraction, minter, resolved)
        graph.add((minter.article(article.id), GK.contentHash, RdfLiteral(digests.popleft())))
        if violations is not None:
            violations = rename_persons(violations, resolved, minter)
            report.validation.graphs += 1
            report.validation.violations += violations
        if on_invalid == "refuse" and any(v.severity == "Violation" for v in violations or ()):
            problem = f"the graph of article {article.id} does not conform to the SHACL shapes; not stored"
            fix = "see the violations below; --on-invalid report stores it anyway"
            report.skipped.append(ReadError(article.location or article.id, problem, fix))
            if on_article:
                on_article(article.id)
            continue
        if not report.articles:  # the first change: the derived graphs are out of date until recomputed
            invalidate_derived(store, minter)
        report.triples += _store_with_inferences(store, iri, graph, infer, minter)
        report.articles += 1
        if str(iri) in stored:
            report.changed += 1
        else:
            report.new += 1
        report.persons += len(extraction.persons)
        report.agreements += len(extraction.agreements)
        if on_article:
            on_article(article.id)
    if prune and unread:
        report.prune_note = "not pruned: some inputs could not be read"
    elif prune:
        stale = sorted(set(stored) - seen)
        if stale and not report.articles:
            invalidate_derived(store, minter)
        for name in stale:
            _store_with_inferences(store, URIRef(name), Graph(), False, minter)
        report.pruned = len(stale)
    if report.articles or report.pruned or derived_outdated(store, minter):
        refresh_derived(store, minter)
    if entries or _holds(store, minter.undo_graph()):
        report.curation = apply_curations(store, entries, minter)
    report.seconds = time.perf_counter() - started
    return report


def extractor_version() -> str:
    """What, besides the article, decides its graph: govkg's __version__ and the code and data that map it.

    A hash of ``govkg.__version__``, the ontology and shapes, the loaders' data files and the source of
    the loaders and of the mapping, so that any change to the extractor rebuilds every article.
    """
    if not _VERSION:
        h = hashlib.sha256(__version__.encode())
        for package, patterns in _VERSIONED:
            root = resources.files(package)
            for path in sorted(
                (p for pattern in patterns for p in Path(str(root)).glob(pattern)), key=lambda p: p.name
            ):
                h.update(f"\0{package}/{path.name}\0".encode())
                h.update(path.read_bytes())
        _VERSION.append(h.hexdigest())
    return _VERSION[0]


_VERSION: list[str] = []
_VERSIONED = (
    ("govkg.ontology", ("*.ttl",)),
    ("govkg.loaders", ("*.py",)),
    ("govkg.loaders.data", ("*.json",)),
    ("govkg.graph", ("mapping.py", "identity.py", "resolve.py", "inference.py")),
)


def content_hash(article: Article, version: str, *, infer: bool = False) -> str:
    """``sha256:`` + the hex SHA-256 of what determines an article's graphs (not where it was read from)."""
    record = [version, infer, article.id, article.text, article.title, article.url, article.published]
    record.append(article.source)
    payload = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(payload.encode()).hexdigest()


def stored_hashes(store: KnowledgeStore, minter: Minter) -> dict[str, str | None]:
    """The stored article graphs (under ``minter``'s base) with their content hash (None if unhashed)."""
    prefix = str(minter.article_graph(""))
    rows = store.select_values(
        f"""
        SELECT ?g ?h WHERE {{
          GRAPH ?g {{ ?a a <{GK.NewsArticle}> OPTIONAL {{ ?a <{GK.contentHash}> ?h }} }}
        }}"""
    )
    found: dict[str, str | None] = {}
    for name, digest in rows:
        if name and name.startswith(prefix) and "/" not in name[len(prefix) :]:
            found[name] = digest if found.get(name) is None else found[name]
    return found


def _holds(store: KnowledgeStore, graph: URIRef) -> bool:
    """Whether ``graph`` has any triple."""
    return bool(store.select_values(f"SELECT ?s WHERE {{ GRAPH {graph.n3()} {{ ?s ?p ?o }} }} LIMIT 1"))


def _store_with_inferences(
    store: KnowledgeStore, iri: URIRef, graph: Graph, infer: bool, minter: Minter
) -> int:
    """Replace a graph and its inferred companion together (the companion empty unless ``infer``)."""
    return store.replace_graphs(
        {iri: graph, minter.inferred_graph(iri): entailed(graph) if infer else Graph()}
    )
