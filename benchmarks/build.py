"""The whole bench corpus through ``govkg build``: time, memory, parallel speed-up, incremental rerun.

Run ``python -m benchmarks.build`` (``make bench-build``; part of ``make bench``) from the repository
root. Each step runs in a fresh subprocess:

* extraction (and extraction + SHACL validation, as the build does it) of a sample on 1 and 2 worker
  processes through ``govkg.ingest.processed`` — articles/s;
* ``govkg build CORPUS`` into an empty store (default: all cores) — wall time, articles/s, and the peak
  resident memory of the whole process tree (the build and its workers, sampled every 0.2 s);
* the same command again with nothing changed — wall time and its ratio to the first;
* the store's N-Quads export loaded by Oxigraph's ``bulk_load`` and by rdflib's in-memory ``Dataset``
  (quads/s) — the load baseline on the real graph;
* named-query p50/p95 on the resulting graph: Oxigraph (as ``govkg serve`` runs them) against rdflib's
  in-memory store holding the same quads (``benchmarks.store``'s workload and timing).

Goals (issue 8): the whole corpus under 10 minutes and 2 GB; the second run under 10 % of the first.
Results go to ``benchmarks/results/build.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

from benchmarks.common import (
    ROOT,
    add_timing_options,
    cap_memory,
    git_commit,
    on_rdflib,
    on_store,
    peak_mb,
    time_workload,
)

CORPUS = ROOT / ".." / "shared" / "corpus" / "bench" / "news.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "results"
GOVKG = [sys.executable, "-m", "govkg"]


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:  # ended between listing and reading
            pass
    return total


def _run_watched(cmd: list[str]) -> dict:
    """Run ``cmd``; its wall time, exit code, stderr tail and the peak RSS of its process tree."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        try:
            peak = max(peak, _tree_rss(watched))
        except psutil.Error:
            pass
        time.sleep(0.2)
    stderr = child.stderr.read() if child.stderr else ""
    return {
        "exit": child.returncode,
        "wall_s": round(time.perf_counter() - started, 1),
        "peak_tree_rss_mb": round(peak / 2**20),
        "stderr_tail": stderr.strip().splitlines()[-3:],
    }


# -- workers (each in a fresh subprocess) ------------------------------------------------------------------


def worker_extract(args: argparse.Namespace) -> dict:
    import itertools

    from govkg.ingest import processed
    from govkg.loaders.readers import iter_articles

    articles = list(itertools.islice(iter_articles([args.corpus]), 0, None, args.every))[: args.limit]
    started = time.perf_counter()
    count = sum(
        1
        for _ in processed(
            articles, base_iri="https://w3id.org/govkg/id/", validate=args.validate, processes=args.processes
        )
    )
    seconds = time.perf_counter() - started
    return {"articles": count, "seconds": round(seconds, 2), "articles_per_s": round(count / seconds, 1)}


def worker_load(args: argparse.Namespace) -> dict:
    started = time.perf_counter()
    if args.engine == "oxigraph":
        import pyoxigraph

        store = pyoxigraph.Store(args.store)
        store.bulk_load(path=args.nq, format=pyoxigraph.RdfFormat.N_QUADS)
        quads = len(store)
    else:
        from rdflib import Dataset

        dataset = Dataset(default_union=True)
        dataset.parse(args.nq, format="nquads")
        quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    seconds = time.perf_counter() - started
    return {"quads": quads, "seconds": round(seconds, 2), "quads_per_s": round(quads / seconds)}


def worker_params(args: argparse.Namespace) -> dict:
    """Entity parameters from the real graph: the most mentioned person, the busiest signer, a province,
    a ministry."""
    from govkg.graph.store import KnowledgeStore

    gk = "https://w3id.org/govkg/ontology#"
    with KnowledgeStore.open(Path(args.store), read_only=True) as store:

        def top(sparql: str) -> str:
            rows = store.select_values(sparql)
            return rows[0][0] if rows and rows[0][0] else ""

        person = top(
            f"SELECT ?p (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?p a <{gk}Person> }} }} "
            "GROUP BY ?p ORDER BY DESC(?n) LIMIT 1"
        )
        signer = top(
            f"SELECT ?p (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a <{gk}signature>/<{gk}signatory> ?p }} "
            "GROUP BY ?p ORDER BY DESC(?n) LIMIT 1"
        )
        province = top(
            f"SELECT ?b (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?b <{gk}province> ?p }} }} "
            "GROUP BY ?b ORDER BY DESC(?n) LIMIT 1"
        )
        ministry = top(
            f"SELECT ?b (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?b a <{gk}Ministry> }} }} "
            "GROUP BY ?b ORDER BY DESC(?n) LIMIT 1"
        )
    return {
        "person": person,
        "signer": signer,
        "province": province,
        "present": province,
        "ministry": ministry,
    }


def worker_queries(args: argparse.Namespace) -> dict:
    from benchmarks.store import workload

    items = workload(json.loads(args.params))
    cap_memory(args.memory_fraction)
    if args.engine == "rdflib":
        from rdflib import Dataset

        dataset = Dataset(default_union=True)
        dataset.parse(args.nq, format="nquads")
        make = on_rdflib(dataset)
    else:
        from govkg.graph.store import KnowledgeStore

        make = on_store(KnowledgeStore.open(Path(args.store), read_only=True))
    timings = time_workload(
        items, {"run": make}, timeout=args.timeout, runs=args.runs, budget_s=args.budget, slow_s=args.slow
    )
    return {"queries": {label: timing["run"] for label, timing in timings}, "peak_rss_mb": peak_mb()}


WORKERS = {
    "extract": worker_extract,
    "load": worker_load,
    "params": worker_params,
    "queries": worker_queries,
}


def _spawn(step: str, **options: object) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.build", "--worker", step]
    for key, value in options.items():
        if value is True:
            cmd.append(f"--{key.replace('_', '-')}")
        elif value not in (None, False):
            cmd += [f"--{key.replace('_', '-')}", str(value)]
    _log(f"== {step} {options}")
    run = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    if run.returncode != 0 or not run.stdout.strip():  # died (e.g. killed for memory): say so, go on
        _log(f"   died with exit code {run.returncode}")
        return {"error": f"the worker died (exit code {run.returncode})"}
    result = json.loads(run.stdout.strip().splitlines()[-1])
    _log(f"   {json.dumps(result, ensure_ascii=False)[:300]}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--sample", type=int, default=4000, help="articles in the extraction sample")
    parser.add_argument("--every", type=int, default=9, help="take every k-th article for the sample")
    add_timing_options(parser, runs=20, timeout=30, memory_fraction=0.25)
    parser.add_argument("--tmp", default="/tmp", help="where the store and its export go (removed after)")
    parser.add_argument("--out", default=str(RESULTS))
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--processes", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--validate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--nq", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(WORKERS[args.worker](args), ensure_ascii=False))
        return 0

    results: dict = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": psutil.cpu_count(),
        "machine": platform.platform(),
        "commit": git_commit(),
        "corpus": str(Path(args.corpus).resolve()),
    }
    extraction = results["extraction"] = {}
    for validate in (False, True):
        for processes in (1, 2):
            key = f"{'extract+validate' if validate else 'extract'} on {processes} process(es)"
            extraction[key] = _spawn(
                "extract",
                corpus=args.corpus,
                every=args.every,
                limit=args.sample,
                processes=processes,
                validate=validate,
            )
    work = Path(tempfile.mkdtemp(prefix="govkg-build-", dir=args.tmp))
    try:
        data = work / "data"
        build = [*GOVKG, "build", args.corpus, "--data-dir", str(data)]
        _log(f"== {' '.join(build)}")
        first = results["first_build"] = _run_watched(build)
        _log(f"   {first}")
        second = results["second_build"] = _run_watched(build)
        second["ratio_to_first"] = round(second["wall_s"] / first["wall_s"], 3)
        _log(f"   {second}")
        nq = work / "graph.nq"
        export = [*GOVKG, "export", "--format", "nq", "--data-dir", str(data), "--out", str(nq)]
        subprocess.run(export, check=True, cwd=ROOT)
        store = str(data / "store")
        results["load"] = {
            "oxigraph bulk_load": _spawn("load", engine="oxigraph", nq=nq, store=work / "bulk"),
            "rdflib Dataset (memory)": _spawn("load", engine="rdflib", nq=nq),
        }
        params = _spawn("params", store=store)
        results["params"] = params
        timing = {"runs": args.runs, "budget": args.budget, "slow": args.slow, "timeout": args.timeout}
        timing["memory_fraction"] = args.memory_fraction
        timing["params"] = json.dumps(params)
        results["queries"] = {
            "oxigraph": _spawn("queries", engine="oxigraph", store=store, **timing),
            "rdflib memory": _spawn("queries", engine="rdflib", nq=nq, **timing),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "build.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    (out / "build.md").write_text(_markdown(results))
    _log(f"results in {out / 'build.md'}")
    return 0


def _markdown(r: dict) -> str:
    lines = [
        "# The whole bench corpus through `govkg build`",
        "",
        f"{r['date']} · Python {r['python']} · {r['cpus']} CPUs · {r['machine']} · commit {r['commit']}",
        "",
        "## Extraction (sample, no store)",
        "",
        "| run | articles | s | articles/s |",
        "| --- | ---: | ---: | ---: |",
    ]
    for key, value in r["extraction"].items():
        lines.append(f"| {key} | {value['articles']} | {value['seconds']} | {value['articles_per_s']} |")
    first, second = r["first_build"], r["second_build"]
    lines += [
        "",
        "## Build",
        "",
        "| run | wall s | peak RSS of the process tree MB | exit | summary |",
        "| --- | ---: | ---: | ---: | --- |",
        f"| first (empty store) | {first['wall_s']} | {first['peak_tree_rss_mb']} | {first['exit']} | "
        f"{' '.join(first['stderr_tail'])} |",
        f"| second (nothing changed; {second['ratio_to_first']:.1%} of the first) | {second['wall_s']} | "
        f"{second['peak_tree_rss_mb']} | {second['exit']} | {' '.join(second['stderr_tail'])} |",
        "",
        "## Loading the graph's N-Quads export",
        "",
        "| loader | quads | s | quads/s |",
        "| --- | ---: | ---: | ---: |",
    ]
    for key, value in r["load"].items():
        lines.append(f"| {key} | {value['quads']} | {value['seconds']} | {value['quads_per_s']:,} |")
    ox = r["queries"]["oxigraph"].get("queries", {})
    rd = r["queries"]["rdflib memory"].get("queries", {})
    lines += [
        "",
        "## Named queries on the built graph (p50 / p95 ms)",
        "",
        f"Parameters: {json.dumps(r['params'], ensure_ascii=False)}",
        "",
        "| query | rows | Oxigraph | rdflib memory | rdflib ÷ Oxigraph (p50) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for engine, outcome in r["queries"].items():
        if "error" in outcome:
            lines.append(f"| {engine}: {outcome['error']} | | | | |")
    for label, o in ox.items():
        b = rd.get(label, {})
        lines.append(f"| {label} | {o.get('rows')} | {_ms(o)} | {_ms(b)} | {_ratio(b, o)} |")
    return "\n".join(lines) + "\n"


def _ms(timing: dict) -> str:
    if "timeout_s" in timing:
        return f"> {timing['timeout_s']:.0f} s (timeout)"
    return f"{timing.get('p50_ms')} / {timing.get('p95_ms')}"


def _ratio(baseline: dict, ours: dict) -> str:
    if not ours.get("p50_ms"):
        return "—"
    if "timeout_s" in baseline:
        return f"> {baseline['timeout_s'] * 1000 / ours['p50_ms']:.0f}×"
    return f"{baseline.get('p50_ms', 0) / ours['p50_ms']:.1f}×"


if __name__ == "__main__":
    sys.exit(main())
