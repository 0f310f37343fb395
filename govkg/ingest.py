"""Extraction and SHACL validation over worker processes, in input order, with bounded memory.

Extraction (sentence splitting, gazetteers, rules) is a pure function of an article and most of a
build's CPU time; validation is the next largest. Both run in a pool of processes. Mapping to the
stored graph stays in the build's process, because resolving persons across articles depends on the
order articles come in — results come back in input order, so a parallel build stores exactly what a
one-process build stores.

A worker validates the article's graph mapped without that resolution: it differs from the stored
graph only in the IRIs of its person nodes (the plain name IRI, where resolution may pick one
qualified by an affiliation), which no shape looks at; the build renames the persons in the
violations it gets back (see :func:`rename_persons`).

Memory stays bounded: articles are read lazily and only ``WINDOW`` chunks per worker are in flight.
A small build (fewer than ``SMALL`` articles to extract) never starts the pool, whose start-up costs
more than it saves.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from rdflib import URIRef

from govkg.graph.identity import Minter
from govkg.graph.mapping import extraction_to_graph
from govkg.loaders.extract import extract
from govkg.loaders.records import Article, Extraction
from govkg.ontology.validation import BATCH, Violation, validate_graphs

SMALL = 64  # articles: below this a build works in its own process
CHUNK = 50  # articles per task: amortises pickling and pySHACL's cost per call, keeps order smooth
WINDOW = 4  # chunks in flight per worker

Processed = tuple[Article, Extraction, list[Violation] | None]  # violations: None when not validated
_Result = tuple[Extraction, list[Violation] | None]


def default_processes() -> int:
    """All the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def processed(
    articles: Iterable[Article], *, base_iri: str, validate: bool, processes: int | None = None
) -> Iterator[Processed]:
    """Each article with its extraction (and its graph's violations when ``validate``), in input order,
    over ``processes`` workers (default: all cores)."""
    processes = default_processes() if processes is None else processes
    stream = iter(articles)
    head = list(itertools.islice(stream, SMALL))
    if processes <= 1 or len(head) < SMALL:
        for chunk in _chunks(itertools.chain(head, stream), BATCH):
            for article, (extraction, violations) in zip(
                chunk, _work(chunk, base_iri, validate), strict=True
            ):
                yield article, extraction, violations
        return
    chunks = _chunks(itertools.chain(head, stream), CHUNK)
    pending: deque[tuple[list[Article], Future[list[_Result]]]] = deque()
    with ProcessPoolExecutor(
        processes, mp_context=_context(), initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        try:
            for chunk in itertools.islice(chunks, processes * WINDOW):
                pending.append((chunk, pool.submit(_work, chunk, base_iri, validate)))
            while pending:
                chunk, future = pending.popleft()
                results = future.result()
                following = next(chunks, None)
                if following is not None:
                    pending.append((following, pool.submit(_work, following, base_iri, validate)))
                for article, (extraction, violations) in zip(chunk, results, strict=True):
                    yield article, extraction, violations
        finally:  # interrupted, or the consumer stopped early: drop what has not started
            pool.shutdown(wait=True, cancel_futures=True)


def rename_persons(
    violations: list[Violation], persons: dict[str, URIRef], minter: Minter
) -> list[Violation]:
    """A graph's violations found with plain person IRIs, about the resolved ``persons`` (by name key)."""
    renames = {minter.person(key): iri for key, iri in persons.items()}
    return [
        replace(v, focus=renames.get(v.focus, v.focus), value=renames.get(v.value, v.value))  # type: ignore[arg-type]
        for v in violations
    ]


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while chunk := list(itertools.islice(articles, size)):
        yield chunk


def _work(chunk: list[Article], base_iri: str, validate: bool) -> list[_Result]:
    extractions = [extract(article) for article in chunk]
    if not validate:
        return [(extraction, None) for extraction in extractions]
    minter = Minter(base_iri)
    names = [minter.article_graph(article.id) for article in chunk]
    found = validate_graphs(
        [(name, extraction_to_graph(x, minter)) for name, x in zip(names, extractions, strict=True)]
    ).violations
    return [(x, [v for v in found if v.graph == name]) for name, x in zip(names, extractions, strict=True)]


def _start_worker(build_pid: int) -> None:
    """Workers leave Ctrl-C to the build's process, which stops them and reports once, and end
    themselves when that process is gone (killed): nothing else would tell them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while not _gone(build_pid):
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:  # killed but not yet reaped: a zombie
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one: safe beside the store's threads, and workers start from a clean
    interpreter that imports only the extractor."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
