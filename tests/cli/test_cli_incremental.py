"""Incremental builds: unchanged articles are skipped, changed ones replaced, --prune, --force, and a
build killed midway that leaves a usable store and completes when run again."""

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from pyoxigraph import Store
from samples import BASE, stored_quads

from govkg import pipeline
from govkg.cli import main
from govkg.graph.store import KnowledgeStore
from govkg.pipeline import example_articles

BENCH = Path("/work/shared/corpus/bench/news.jsonl.gz")
GK = "https://w3id.org/govkg/ontology#"


def build(capsys, data_dir, *argv):
    code = main(["build", "--data-dir", str(data_dir), *map(str, argv)])
    return code, capsys.readouterr().err


def split_examples(folder: Path) -> list[Path]:
    """One file per bundled example article, so that one can be changed or removed."""
    folder.mkdir()
    files = []
    for number, line in enumerate(example_articles().read_text(encoding="utf-8").splitlines()):
        path = folder / f"a{number}.jsonl"
        path.write_text(line + "\n", encoding="utf-8")
        files.append(path)
    return files


def test_second_build_skips_unchanged_articles_and_rebuilds_changed_ones(capsys, tmp_path):
    files = split_examples(tmp_path / "in")
    data = tmp_path / "data"
    assert build(capsys, data, *files)[0] == 0
    first = stored_quads(data)

    code, err = build(capsys, data, *files)
    assert code == 0 and "0 new, 0 changed, 5 unchanged (skipped)" in err
    assert stored_quads(data) == first

    record = json.loads(files[1].read_text(encoding="utf-8"))
    record["text"] += "\n\nĐoạn bổ sung."
    files[1].write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    code, err = build(capsys, data, *files)
    assert code == 0 and "1 articles →" in err and "0 new, 1 changed, 4 unchanged (skipped)" in err
    assert stored_quads(data) != first

    code, err = build(capsys, data, "--force", *files)
    assert code == 0 and "0 new, 5 changed, 0 unchanged (skipped)" in err

    # prune: the store keeps only the articles of this build's inputs
    removed = json.loads(files[0].read_text(encoding="utf-8"))["id"]
    code, err = build(capsys, data, *files[1:])  # without --prune the article stays
    assert code == 0 and "4 unchanged" in err and "pruned" not in err
    assert any(removed in q for q in stored_quads(data))
    code, err = build(capsys, data, "--prune", *files[1:])
    assert code == 0 and "pruned 1 article graph(s)" in err
    assert not any(f"graph/{removed}" in q for q in stored_quads(data))

    # an unreadable input: nothing is pruned
    (tmp_path / "in" / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    code, err = build(capsys, data, "--prune", *files[2:], tmp_path / "in" / "bad.jsonl")
    assert code == 1 and "not pruned: some inputs could not be read" in err


def test_infer_changes_the_hash(capsys, tmp_path):
    data = tmp_path / "data"
    assert build(capsys, data, "--examples")[0] == 0
    code, err = build(capsys, data, "--examples", "--infer")
    assert code == 0 and "5 changed" in err
    assert any("/inferred>" in q for q in stored_quads(data))
    code, err = build(capsys, data, "--examples")
    assert code == 0 and "5 changed" in err and not any("/inferred>" in q for q in stored_quads(data))


def govkg(*argv, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "govkg", *map(str, argv)], capture_output=True, text=True, **kwargs
    )


def test_killed_build_leaves_a_usable_store_and_a_rerun_completes_it(tmp_path):
    if not BENCH.exists():
        pytest.skip("bench corpus not available")
    articles = tmp_path / "news.jsonl"
    with gzip.open(BENCH, "rt", encoding="utf-8") as source:
        articles.write_text("".join(itertools.islice(source, 300)), encoding="utf-8")
    killed, clean = tmp_path / "killed", tmp_path / "clean"

    process = subprocess.Popen(
        [sys.executable, "-m", "govkg", "build", str(articles), "--data-dir", str(killed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.3)
        try:  # a secondary view: reads the store while the build writes it
            size = len(list(Store.read_only(str(killed / "store")).named_graphs()))
        except (OSError, RuntimeError):
            continue
        if size > 40:  # ontology, reference and some article graphs
            break
    assert process.poll() is None, "the build finished before it could be killed"
    workers = psutil.Process(process.pid).children(recursive=True)
    assert workers, "the build runs its extraction on worker processes"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, f"worker processes outlived the killed build: {alive}"

    # the store opens; every stored article graph is whole (its article node and its hash)
    store = Store.read_only(str(killed / "store"))
    rows = store.query(
        f"SELECT ?g (COUNT(?a) AS ?n) (COUNT(?h) AS ?k) WHERE {{ GRAPH ?g {{ ?a a <{GK}NewsArticle> "
        f"OPTIONAL {{ ?a <{GK}contentHash> ?h }} }} }} GROUP BY ?g"
    )
    counts = [(int(r["n"].value), int(r["k"].value)) for r in rows]
    del store
    assert 0 < len(counts) < 300 and all(c == (1, 1) for c in counts)
    stored = len(counts)
    assert govkg("validate", "--data-dir", killed).returncode == 0
    assert govkg("query", "who-signed", "--data-dir", killed).returncode == 0

    rerun = govkg("build", articles, "--data-dir", killed)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored} unchanged (skipped)" in rerun.stderr
    assert govkg("build", articles, "--data-dir", clean).returncode == 0
    assert stored_quads(killed) == stored_quads(clean)


def test_a_build_stopped_before_its_derived_graphs_completes_them_when_run_again(tmp_path):
    """Stopped after its last article but before the tenures and listing keys are recomputed, a build
    leaves them marked out of date; the rerun, every article unchanged, recomputes them all the same."""
    files = [str(f) for f in split_examples(tmp_path / "in")]
    stopped, clean = tmp_path / "stopped", tmp_path / "clean"
    with KnowledgeStore.open(clean / "store") as store:
        pipeline.build(files, store, base_iri=BASE)
    with KnowledgeStore.open(stopped / "store") as store:
        pipeline.build(files[:2], store, base_iri=BASE)
    calls = []

    def stop_at_the_last(article_id):
        calls.append(article_id)
        if len(calls) == len(files):
            raise KeyboardInterrupt

    with KnowledgeStore.open(stopped / "store") as store, pytest.raises(KeyboardInterrupt):
        pipeline.build(files, store, base_iri=BASE, on_article=stop_at_the_last, processes=1)
    assert stored_quads(stopped) != stored_quads(clean)
    with KnowledgeStore.open(stopped / "store") as store:
        report = pipeline.build(files, store, base_iri=BASE)
    assert report.articles == 0 and report.unchanged == len(files)
    assert stored_quads(stopped) == stored_quads(clean)
