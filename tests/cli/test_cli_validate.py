"""`govkg validate` exits 0 when every graph conforms, 1 with a readable report, 2 on any error;
`govkg build --on-invalid report|refuse` stores or skips an article whose graph does not conform."""

import json

import pytest
from rdflib import Dataset, URIRef
from samples import DEV_CORPUS

from govkg.cli import main
from govkg.graph.store import KnowledgeStore
from govkg.ontology import GK
from govkg.pipeline import example_articles

GRAPH = "https://w3id.org/govkg/id/graph/"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def dev_dir(tmp_path_factory):
    if not DEV_CORPUS.exists():
        pytest.skip("dev corpus not available")
    directory = tmp_path_factory.mktemp("govkg-dev")
    inputs = [str(p) for p in sorted(DEV_CORPUS.glob("*.jsonl"))]
    assert main(["build", *inputs, "--data-dir", str(directory)]) == 0
    return directory


def test_the_store_of_every_dev_article_conforms(capsys, dev_dir):
    code, out, _ = run(capsys, "validate", "--data-dir", dev_dir)
    assert code == 0, out
    assert "graph(s) validated: all conform (0 violation(s)" in out


def _break_an_agreement(dataset: Dataset) -> tuple[URIRef, str]:
    """Drop one party of the first agreement with a title; returns its graph and title."""
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        for agreement in sorted(graph.subjects(GK.signing, None)):
            title = graph.value(agreement, URIRef("http://purl.org/dc/terms/title"))
            if title:
                graph.remove((agreement, GK.party, sorted(graph.objects(agreement, GK.party))[0]))
                return graph.identifier, str(title)
    raise AssertionError("no agreement with a title")


def test_a_broken_agreement_in_an_exported_file_is_reported(capsys, dev_dir, tmp_path):
    exported, broken = tmp_path / "dev.trig", tmp_path / "broken.trig"
    assert run(capsys, "export", "--format", "trig", "--out", exported, "--data-dir", dev_dir)[0] == 0
    assert run(capsys, "validate", exported)[0] == 0
    dataset = Dataset().parse(exported, format="trig")
    graph, title = _break_an_agreement(dataset)
    broken.write_bytes(dataset.serialize(format="trig", encoding="utf-8"))
    code, out, _ = run(capsys, "validate", broken)
    assert code == 1
    assert "1 do not conform (1 violation(s)" in out
    assert f"graph <{graph}>" in out and f"“{title}”" in out
    assert "gk:party: An agreement needs at least two gk:party values, each a gk:Body." in out


def test_a_broken_agreement_in_the_store_is_reported(capsys, tmp_path):
    exported = tmp_path / "examples.trig"
    assert main(["build", "--examples", "--data-dir", str(tmp_path)]) == 0
    assert run(capsys, "export", "--format", "trig", "--out", exported, "--data-dir", tmp_path)[0] == 0
    dataset = Dataset().parse(exported, format="trig")
    graph, title = _break_an_agreement(dataset)
    with KnowledgeStore.open(tmp_path / "store") as store:
        store.replace_graph(graph, dataset.graph(graph))
    code, out, _ = run(capsys, "validate", "--data-dir", tmp_path)
    assert code == 1 and f"graph <{graph}>" in out and f"“{title}”" in out and "gk:party" in out


def test_malformed_turtle_is_an_error_naming_the_file(capsys, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a> <http://example.org/b> .\n", encoding="utf-8")
    code, out, err = run(capsys, "validate", bad)
    assert code == 2 and out == ""
    assert f"{bad}: not valid turtle" in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["validate", "graph.xyz"], "cannot tell the RDF format from the extension '.xyz'"),
        (["validate", "missing.ttl"], "missing.ttl: cannot read"),
        (["validate", "--data-dir", "no-store-here"], "no graph store at"),  # a StoreError, 4 elsewhere
    ],
)
def test_every_error_exits_2(capsys, tmp_path, monkeypatch, argv, says):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *argv)
    assert code == 2 and says in err


def _articles_with_an_impossible_date(tmp_path):
    """A real article twice: as published, and dated 30 February — a date the JSONL reader's
    YYYY-MM-DD check lets through, that becomes an ill-typed xsd:date the shapes reject."""
    record = json.loads(example_articles().read_text(encoding="utf-8").splitlines()[0])
    path = tmp_path / "articles.jsonl"
    lines = [dict(record, id="fine"), dict(record, id="impossible-date", published="2024-02-30")]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    return path


def _stored(directory):
    with KnowledgeStore.open(directory / "store", read_only=True) as store:
        return set(store.graph_names())


def test_build_reports_an_invalid_article_and_stores_it(capsys, tmp_path):
    articles = _articles_with_an_impossible_date(tmp_path)
    code, _, err = run(capsys, "build", articles, "--data-dir", tmp_path)
    assert code == 0
    assert "SHACL validation of the article graphs: 2 graph(s) validated: 1 do not conform" in err
    assert "schema:datePublished" in err and '"2024-02-30"^^xsd:date' in err
    assert {URIRef(GRAPH + "fine"), URIRef(GRAPH + "impossible-date")} <= _stored(tmp_path)
    assert run(capsys, "validate", "--data-dir", tmp_path)[0] == 1


def test_build_refuses_an_invalid_article(capsys, tmp_path):
    articles = _articles_with_an_impossible_date(tmp_path)
    code, _, err = run(capsys, "build", articles, "--on-invalid", "refuse", "--data-dir", tmp_path)
    assert code == 1
    assert "1 articles →" in err and "skipped 1 input(s)" in err
    assert "the graph of article impossible-date does not conform to the SHACL shapes; not stored" in err
    assert "schema:datePublished" in err
    stored = _stored(tmp_path)
    assert URIRef(GRAPH + "fine") in stored and URIRef(GRAPH + "impossible-date") not in stored
    assert run(capsys, "validate", "--data-dir", tmp_path)[0] == 0
