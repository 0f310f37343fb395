"""The whole path through the CLI: build the examples → who-signed → export → sparql → viz, and bad input."""

import json
import re

import pytest
from rdflib import Dataset, Graph

from govkg.cli import main
from govkg.pipeline import example_articles


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("govkg-data")
    assert main(["build", "--examples", "--data-dir", str(directory)]) == 0
    return directory


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def who_signed(capsys, data_dir, *filters):
    code, out, _ = run(capsys, "query", "who-signed", "--format", "json", "--data-dir", data_dir, *filters)
    assert code == 0
    rows = json.loads(out)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def signed(rows):
    return {(r.get("signatory"), r.get("signedFor"), r.get("date")) for r in rows}


def test_demo_answers_who_signed_what_and_when(capsys, data_dir):
    rows = signed(who_signed(capsys, data_dir))
    assert ("Nguyễn Mạnh Hùng", "Bộ Thông tin và Truyền thông", "--07-16") in rows
    assert ("Trần Văn Cần", "Ủy ban nhân dân tỉnh Long An", "--07-16") in rows
    assert ("Phạm Đức Long", "Bộ Thông tin và Truyền thông", "2022-05-05") in rows
    assert ("Đồng Văn Thanh", "Ủy ban nhân dân tỉnh Hậu Giang", "2022-05-05") in rows


def test_table_shows_the_unknown_year(capsys, data_dir):
    code, out, _ = run(capsys, "query", "who-signed", "--data-dir", data_dir, "--body", "Long An")
    assert code == 0
    assert "????-07-16" in out and "year" in out and "Trần Văn Cần" in out and "Hậu Giang" not in out


def test_filters_from_the_command_line(capsys, data_dir):
    rows = who_signed(capsys, data_dir, "--from", "2022-01-01", "--to", "2022-12-31")
    assert {r["signatory"] for r in rows} == {"Phạm Đức Long", "Đồng Văn Thanh"}


def test_person_filter_from_the_command_line(capsys, data_dir):
    # --person names a person: the CLI resolves it through the name index (govkg.queries.names)
    assert {r["signatory"] for r in who_signed(capsys, data_dir, "--person", "hùng")} == {"Nguyễn Mạnh Hùng"}


def count_quads(capsys, data_dir):
    count = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
    code, out, _ = run(capsys, "sparql", count, "--format", "csv", "--data-dir", data_dir)
    assert code == 0
    return int(out.splitlines()[1])


def test_building_again_adds_nothing(capsys, data_dir):
    before = count_quads(capsys, data_dir)
    assert before > 500
    assert main(["build", str(example_articles()), "--data-dir", str(data_dir)]) == 0
    assert count_quads(capsys, data_dir) == before


def test_turtle_export_parses_back_isomorphic_to_nquads_export(capsys, data_dir, tmp_path):
    from rdflib.compare import isomorphic

    ttl, nq = tmp_path / "graph.ttl", tmp_path / "graph.nq"
    assert run(capsys, "export", "--format", "ttl", "--out", ttl, "--data-dir", data_dir)[0] == 0
    assert run(capsys, "export", "--format", "nq", "--out", nq, "--data-dir", data_dir)[0] == 0
    from_turtle = Graph().parse(ttl, format="turtle")
    union = Graph()
    for s, p, o, _ in Dataset().parse(nq, format="nquads").quads((None, None, None, None)):
        union.add((s, p, o))  # the graph name dropped: the union of all graphs as triples
    assert len(from_turtle) > 500
    assert isomorphic(from_turtle, union)


def test_sparql_construct_prints_turtle(capsys, data_dir):
    query = (
        "PREFIX gk: <https://w3id.org/govkg/ontology#> "
        "CONSTRUCT { ?a gk:signedBy ?p } WHERE { ?a gk:signedBy ?p }"
    )
    code, out, _ = run(capsys, "sparql", query, "--data-dir", data_dir)
    assert code == 0 and "signedBy" in out
    assert len(Graph().parse(data=out, format="turtle")) >= 4


def test_sparql_syntax_error_is_exit_5(capsys, data_dir):
    code, _, err = run(capsys, "sparql", "SELEKT * {", "--data-dir", data_dir)
    assert code == 5 and "SPARQL" in err


def test_bad_parameter_is_exit_5(capsys, data_dir):
    code, _, err = run(capsys, "query", "who-signed", "--from", "16/7", "--data-dir", data_dir)
    assert code == 5 and "YYYY-MM-DD" in err


def test_query_list_shows_parameters(capsys):
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0 and "who-signed" in out and "--body" in out and "--from (date)" in out


def test_bad_input_is_reported_and_the_store_still_answers(capsys, data_dir, tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    code, _, err = run(capsys, "build", binary, "--data-dir", data_dir)
    assert code == 1 and str(binary) in err and "binary" in err
    code, _, err = run(capsys, "build", binary, "--strict", "--data-dir", data_dir)
    assert code == 3 and str(binary) in err
    assert ("Phạm Đức Long", "Bộ Thông tin và Truyền thông", "2022-05-05") in signed(
        who_signed(capsys, data_dir)
    )


def test_query_before_build_says_what_to_do(capsys, tmp_path):
    code, _, err = run(capsys, "query", "who-signed", "--data-dir", tmp_path / "empty")
    assert code == 4 and "govkg build" in err


def test_extract_json_has_the_schema_shape(capsys):
    code, out, _ = run(capsys, "extract", example_articles(), "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 5
    for record in records:
        assert set(record) == {
            "id",
            "url",
            "source",
            "published",
            "title",
            "text",
            "persons",
            "organizations",
            "agreements",
        }


def test_eval_prints_per_kind_scores(capsys):
    code, out, _ = run(capsys, "eval", example_articles())
    assert code == 0
    for kind in ("person", "post", "agreement", "signatory", "agreement_date"):
        assert kind in out


def test_viz_writes_one_offline_html_file(capsys, data_dir, tmp_path):
    out = tmp_path / "graph.html"
    code, _, err = run(capsys, "viz", "--out", out, "--data-dir", data_dir)
    html = out.read_text(encoding="utf-8")
    assert code == 0 and "nodes" in err
    assert "Phạm Đức Long" in html and "Biên bản ghi nhớ" in html
    assert re.search(r"<(script|link|img)[^>]+(src|href)=[\"']?https?:", html) is None


def test_build_from_stdin_and_globs(capsys, monkeypatch, tmp_path):
    import io

    record = {"id": "stdin-1", "text": "Bộ trưởng Bộ Công Thương Trần Tuấn Anh phát biểu tại hội nghị."}
    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(record, ensure_ascii=False).encode()))
    )
    (tmp_path / "a.txt").write_text(
        "Tiêu đề\nChủ tịch UBND tỉnh Long An Trần Văn Cần chủ trì.", encoding="utf-8"
    )
    data = tmp_path / "data"
    code, _, err = run(capsys, "build", "-", str(tmp_path / "*.txt"), "--data-dir", data)
    assert code == 0 and "2 articles" in err
    code, out, _ = run(
        capsys,
        "sparql",
        "SELECT DISTINCT ?id { ?a <https://w3id.org/govkg/ontology#articleId> ?id }",
        "--format",
        "csv",
        "--data-dir",
        data,
    )
    assert sorted(out.split()[1:]) == ["a", "stdin-1"]


def test_export_offers_every_format_the_exporter_writes():
    from govkg.cli import make_parser
    from govkg.graph.export import FORMATS, NETWORK_FORMATS

    export_parser = make_parser()._subparsers._group_actions[0].choices["export"]
    (format_action,) = [a for a in export_parser._actions if a.dest == "format"]
    assert set(format_action.choices) == set(FORMATS) | set(NETWORK_FORMATS)
