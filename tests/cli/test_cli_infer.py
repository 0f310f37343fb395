"""build --infer stores the entailments beside each graph; a build without it takes them away again."""

import json

from govkg.cli import main
from govkg.pipeline import example_articles

FOAF_PERSONS = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> }"
INFERRED_GRAPHS = (
    'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER STRENDS(STR(?g), "/inferred") }'
)
SUCCEEDED = (
    "SELECT ?new WHERE { ?old <https://w3id.org/govkg/ontology#succeededBy> ?new ; "
    '<http://www.w3.org/2004/02/skos/core#altLabel> "Long An"@vi }'
)


def count(capsys, data, query):
    assert main(["sparql", query, "--format", "json", "--data-dir", str(data)]) == 0
    bindings = json.loads(capsys.readouterr().out)["results"]["bindings"]
    return [b[next(iter(b))]["value"] for b in bindings]


def test_infer_then_plain_build(capsys, tmp_path):
    data, examples = tmp_path / "data", str(example_articles())
    assert main(["build", examples, "--infer", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    # 5 articles and the reference data each get an inferred graph
    assert count(capsys, data, INFERRED_GRAPHS) == ["6"]
    assert int(count(capsys, data, FOAF_PERSONS)[0]) >= 5  # gk:Person ⊑ foaf:Person
    assert count(capsys, data, SUCCEEDED) == ["https://w3id.org/govkg/id/province/tay-ninh-02d050"]

    assert main(["build", examples, "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert count(capsys, data, INFERRED_GRAPHS) == ["0"]
    assert count(capsys, data, FOAF_PERSONS) == ["0"]
