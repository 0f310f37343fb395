"""What every benchmark records beside its numbers (peak memory, the commit it measured), and the timing
of named queries that the store and build benchmarks share."""

from __future__ import annotations

import os
import resource
import signal
import statistics
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> float:
    """This process's peak resident set size (Linux reports ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def git_commit() -> str | None:
    """The checked-out commit, ``+dirty`` when tracked files have changes, so results can be traced."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout

    try:
        dirty = git("status", "--porcelain", "--untracked-files=no").strip()
        return git("rev-parse", "HEAD").strip() + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


# -- timing queries (in a worker process of its own) ------------------------------------------------------

Run = Callable[[], int]  # runs one query once, returns its row count


def add_timing_options(parser, *, runs: int, timeout: float, memory_fraction: float) -> None:
    """The options of ``time_workload`` and ``cap_memory``, for each benchmark that times named queries."""
    parser.add_argument("--runs", type=int, default=runs, help="timed runs per query (after one warm-up)")
    parser.add_argument("--budget", type=float, default=5, help="seconds of timed runs per query and path")
    parser.add_argument("--slow", type=float, default=3, help="a warm-up this slow (s) is the only sample")
    parser.add_argument("--timeout", type=float, default=timeout, help="seconds before a query is given up")
    parser.add_argument(
        "--memory-fraction",
        type=float,
        default=memory_fraction,
        help="address-space cap of each query process, as a fraction of RAM",
    )


def cap_memory(fraction: float) -> None:
    """Cap this process's address space at ``fraction`` of RAM: a query that multiplies rows without
    bound (11 GB seen) then fails this process instead of the machine."""
    limit = int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") * fraction)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def on_store(store) -> Callable[[str], Run]:
    """Runs straight through pyoxigraph on a ``KnowledgeStore``, reading what ``govkg query`` reads (its
    merged view, or the union of graphs in a store without one); every row is materialised."""

    def make(text: str) -> Run:
        def run() -> int:
            solutions = store.inner.query(text, use_default_graph_as_union=store.union)
            names = solutions.variables
            return len([tuple(row[v] for v in names) for row in solutions])

        return run

    return make


def on_rdflib(dataset) -> Callable[[str], Run]:
    """Runs on rdflib's own SPARQL engine over ``dataset``."""
    return lambda text: lambda: len(list(dataset.query(text)))


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation): with few samples, a value that was measured."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered) + 0.5)) - 1))]


def time_query(run: Run, *, runs: int, budget_s: float, slow_s: float) -> dict:
    """A warm-up run, then up to ``runs`` timed runs within ``budget_s``; a slow warm-up is all."""
    start = time.perf_counter()
    rows = run()
    first = time.perf_counter() - start
    samples: list[float] = []
    if first >= slow_s:
        samples = [first]
    else:
        spent = 0.0
        while len(samples) < runs and (spent < budget_s or len(samples) < 3):
            t = time.perf_counter()
            rows = run()
            samples.append(time.perf_counter() - t)
            spent += samples[-1]
    return {
        "rows": rows,
        "runs": len(samples),
        "warmup_ms": round(first * 1000, 2),
        "p50_ms": round(percentile(samples, 0.5) * 1000, 2),
        "p95_ms": round(percentile(samples, 0.95) * 1000, 2),
        "mean_ms": round(statistics.fmean(samples) * 1000, 2),
    }


def time_workload(
    items: Iterable[tuple[str, str]],
    paths: dict[str, Callable[[str], Run]],
    *,
    timeout: float,
    runs: int,
    budget_s: float,
    slow_s: float,
) -> Iterator[tuple[str, dict[str, dict]]]:
    """(label, {path: timing}) for each (label, SPARQL) of ``items`` on each path; a query running past
    ``timeout`` seconds, or failing, is recorded as such and the next one runs."""

    def alarm(*_: object) -> None:
        raise TimeoutError

    signal.signal(signal.SIGALRM, alarm)  # interrupts rdflib's pure-Python evaluation too
    for label, text in items:
        timings: dict[str, dict] = {}
        for path, make in paths.items():
            signal.alarm(int(timeout))
            try:
                timings[path] = time_query(make(text), runs=runs, budget_s=budget_s, slow_s=slow_s)
            except TimeoutError:
                timings[path] = {"timeout_s": timeout}
            except MemoryError:
                timings[path] = {"error": "MemoryError"}
            except Exception as error:  # e.g. QueryError when the store runs out of memory mid-query
                timings[path] = {"error": f"{type(error).__name__}: {error}"[:200] or type(error).__name__}
            finally:
                signal.alarm(0)
        yield label, timings
