"""Parallel builds: worker processes store exactly what one process stores, and Ctrl-C stops them all."""

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
from rdflib import URIRef
from samples import DEV_CORPUS, stored_quads

from govkg import progress
from govkg.cli import main
from govkg.graph.identity import Minter
from govkg.graph.store import KnowledgeStore
from govkg.ingest import SMALL, rename_persons
from govkg.ontology.validation import Violation
from govkg.pipeline import build
from govkg.progress import count_articles

BASE = "https://w3id.org/govkg/id/"


def corpus(path: Path, copies: int) -> Path:
    """The dev articles ``copies`` times over, each copy under new ids: more than SMALL articles."""
    files = sorted(DEV_CORPUS.glob("*.jsonl"))
    records = [json.loads(line) for file in files for line in file.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for record in records:
                out.write(json.dumps({**record, "id": f"{record['id']}-{copy}"}, ensure_ascii=False) + "\n")
    return path


def test_parallel_build_stores_what_one_process_stores(tmp_path):
    articles = corpus(tmp_path / "news.jsonl", copies=3)
    assert sum(1 for _ in articles.open()) > SMALL  # or the pool would not start
    reports = {}
    for processes in (1, 2):
        with KnowledgeStore.open(tmp_path / f"p{processes}" / "store") as store:
            reports[processes] = build([str(articles)], store, base_iri=BASE, processes=processes)
    one, two = reports[1], reports[2]
    assert (one.articles, one.triples, one.persons, one.agreements) == (
        two.articles,
        two.triples,
        two.persons,
        two.agreements,
    )
    assert one.articles > SMALL and one.triples > 0
    assert one.validation.graphs == two.validation.graphs == one.articles
    assert sorted(map(str, one.validation.violations)) == sorted(map(str, two.validation.violations))
    assert stored_quads(tmp_path / "p1") == stored_quads(tmp_path / "p2")


def test_violations_found_with_plain_person_iris_name_the_resolved_person():
    minter = Minter(BASE)
    resolved = URIRef(f"{BASE}person/nguyen-van-a-qualified")
    plain = minter.person("Nguyễn Văn A")
    other = URIRef(f"{BASE}body/x")
    found = [
        Violation(focus=plain, path="foaf:name", value=None, message="m", severity="Violation"),
        Violation(focus=other, path="gk:party", value=plain, message="m", severity="Violation"),
    ]
    renamed = rename_persons(found, {"nguyễn văn a": resolved}, minter)
    assert [v.focus for v in renamed] == [resolved, other]
    assert [v.value for v in renamed] == [None, resolved]


def test_ctrl_c_stops_the_workers_and_leaves_a_store_a_rerun_completes(tmp_path):
    articles = corpus(tmp_path / "news.jsonl", copies=12)
    data = tmp_path / "data"
    command = [sys.executable, "-m", "govkg", "build", str(articles), "--data-dir", str(data), "-j", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    workers: list[psutil.Process] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        workers = watched.children(recursive=True)
        if len(workers) >= 3:  # the fork server and two workers
            break
        time.sleep(0.1)
    assert process.poll() is None and len(workers) >= 3, "the build ended before it could be interrupted"
    time.sleep(1.0)  # some articles stored
    os.kill(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)

    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr, stderr
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, f"worker processes left behind: {alive}"

    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    clean = tmp_path / "clean"
    subprocess.run([*command[:5], "--data-dir", str(clean), "-j", "1"], check=True, capture_output=True)
    assert stored_quads(data) == stored_quads(clean)


def test_progress_counts_the_articles_of_every_input_kind(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Tiêu đề\nNội dung.", encoding="utf-8")
    (folder / "b.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (folder / "ignored.pdf").write_bytes(b"%PDF")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write('{"id": 1, "text": "x"}\n' * 5)
    assert count_articles([str(folder), str(tmp_path / "c.jsonl.gz")]) == 7
    assert count_articles([str(tmp_path / "missing.jsonl")]) == 0
    assert count_articles(["-"]) is None


def test_a_build_logged_to_a_file_reports_progress_with_rate_and_time_left(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(progress, "LOG_EVERY", 0.0)
    articles = corpus(tmp_path / "news.jsonl", copies=1)
    assert main(["build", str(articles), "--data-dir", str(tmp_path / "data"), "-j", "1"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("govkg: building:")]
    assert lines, "no progress lines"
    shape = r"govkg: building: \d+(/\d+)? articles, \d+ articles/s(, about \d+ s left)?"
    assert all(re.fullmatch(shape, line) for line in lines), lines
    assert any("/29 articles" in line and "s left" in line for line in lines), lines
