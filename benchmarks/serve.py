"""`govkg serve` under a bounded load on loopback: concurrent clients running the named queries.

Run ``python -m benchmarks.serve`` (or ``make bench-serve``) from the repository root. It builds the
bundled example articles into a temporary store (or uses ``--data-dir``), starts ``govkg serve`` as a
subprocess on a free port, and has ``--clients`` threads (default 8) each send ``--queries`` (default
500) SPARQL requests over one keep-alive connection, cycling through every named query (rendered
with its defaults, some also with a date filter) and the results formats JSON, XML, CSV and TSV.
Every answer must be 200. Latency is per request, seen by the client. A benchmark, not a test:
results go to ``benchmarks/results/serve.{json,md}``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.common import ROOT
from govkg.queries.library import list_queries

RESULTS = ROOT / "benchmarks" / "results"
ACCEPTS = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)


def workload() -> list[tuple[str, str]]:
    """(name, query text) pairs: each named query with its defaults, date-filtered ones once more."""
    items = []
    for query in list_queries():
        items.append((query.name, query.render({})))
        if {"from", "to"} <= {p.name for p in query.params}:
            items.append((f"{query.name} 2022", query.render({"from": "2022-01-01", "to": "2022-12-31"})))
    return items


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"govkg serve exited with {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("govkg serve did not start")


def client(port: int, items: list[tuple[str, str]], count: int, offset: int, out: dict) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    latencies: list[float] = []
    errors: list[str] = []
    per_query: dict[str, list[float]] = {}
    for i in range(count):
        name, text = items[(offset + i) % len(items)]
        accept = ACCEPTS[(offset + i) % len(ACCEPTS)]
        started = time.perf_counter()
        try:
            connection.request("GET", "/sparql?" + urlencode({"query": text}), headers={"Accept": accept})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{name}: {response.status}")
        except (OSError, http.client.HTTPException) as error:
            errors.append(f"{name}: {error!r}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        elapsed = time.perf_counter() - started
        latencies.append(elapsed)
        per_query.setdefault(name, []).append(elapsed)
    connection.close()
    out["latencies"], out["errors"], out["per_query"] = latencies, errors, per_query


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(data_dir: Path, clients: int, queries: int) -> dict:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "govkg",
        "serve",
        "--data-dir",
        str(data_dir),
        "--port",
        str(port),
        "--quiet",
    ]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port, server)
        items = workload()
        outs: list[dict] = [{} for _ in range(clients)]
        threads = [
            threading.Thread(target=client, args=(port, items, queries, n * 7, outs[n]))
            for n in range(clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = [x for out in outs for x in out["latencies"]]
    errors = [x for out in outs for x in out["errors"]]
    per_query: dict[str, list[float]] = {}
    for out in outs:
        for name, values in out["per_query"].items():
            per_query.setdefault(name, []).extend(values)
    ms = 1000
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "clients": clients,
        "queries_per_client": queries,
        "requests": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:10],
        "wall_s": round(wall, 3),
        "throughput_rps": round(len(latencies) / wall, 1),
        "latency_ms": {
            "p50": round(percentile(latencies, 0.50) * ms, 2),
            "p95": round(percentile(latencies, 0.95) * ms, 2),
            "p99": round(percentile(latencies, 0.99) * ms, 2),
            "max": round(max(latencies) * ms, 2),
            "mean": round(statistics.fmean(latencies) * ms, 2),
        },
        "per_query_ms": {
            name: {
                "n": len(values),
                "p50": round(percentile(values, 0.5) * ms, 2),
                "p95": round(percentile(values, 0.95) * ms, 2),
            }
            for name, values in sorted(per_query.items())
        },
    }


def markdown(result: dict, store: str) -> str:
    latency = result["latency_ms"]
    lines = [
        "# `govkg serve` under load (loopback)",
        "",
        f"{result['date']} · Python {result['machine']['python']} · {result['machine']['cpus']} CPUs · "
        f"store: {store}",
        "",
        f"{result['clients']} concurrent clients × {result['queries_per_client']} queries = "
        f"{result['requests']} requests (GET /sparql, keep-alive, named queries cycling through JSON, XML, "
        f"CSV and TSV); **{result['errors']} errors**; {result['wall_s']} s wall, "
        f"{result['throughput_rps']} requests/s.",
        "",
        "| p50 | p95 | p99 | max | mean |",
        "| ---: | ---: | ---: | ---: | ---: |",
        f"| {latency['p50']} ms | {latency['p95']} ms | {latency['p99']} ms | {latency['max']} ms "
        f"| {latency['mean']} ms |",
        "",
        "| query | requests | p50 ms | p95 ms |",
        "| --- | ---: | ---: | ---: |",
    ]
    lines += [f"| {n} | {v['n']} | {v['p50']} | {v['p95']} |" for n, v in result["per_query_ms"].items()]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", help="an existing data directory (default: the examples, built afresh)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--queries", type=int, default=500, help="per client")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        if args.data_dir:
            data_dir, store = Path(args.data_dir), args.data_dir
        else:
            data_dir, store = Path(scratch), "the bundled example articles (govkg build --examples)"
            build = [sys.executable, "-m", "govkg", "build", "--examples", "--data-dir", str(data_dir)]
            subprocess.run(build, check=True, stderr=subprocess.DEVNULL)
        result = run(data_dir, args.clients, args.queries)
    result["store"] = store
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "serve.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (RESULTS / "serve.md").write_text(markdown(result, store), encoding="utf-8")
    print(markdown(result, store))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
