"""govkg path, central and export --format graphml|gexf over the example articles."""

import networkx as nx
import pytest

from govkg.cli import main
from govkg.graph.identity import Minter

BASE = "https://w3id.org/govkg/id/"
LONG, THANH = (str(Minter(BASE).person(name)) for name in ("Phạm Đức Long", "Đồng Văn Thanh"))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("govkg-data")
    assert main(["build", "--examples", "--data-dir", str(directory)]) == 0
    return directory


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_path_between_iris(capsys, data_dir):
    code, out, _ = run(capsys, "path", LONG, THANH, "--data-dir", data_dir)
    assert code == 0
    assert out.splitlines() == [
        "Phạm Đức Long",
        "  — signed (2022-05-05; for Bộ Thông tin và Truyền thông) → "
        "Biên bản ghi nhớ hợp tác giai đoạn 2022-2023",
        "  ← signed (2022-05-05; for Ủy ban nhân dân tỉnh Hậu Giang) — Đồng Văn Thanh",
    ]


def test_path_between_names(capsys, data_dir):
    pytest.importorskip("govkg.queries.names")
    code, out, _ = run(capsys, "path", "Pham Duc Long", "UBND tỉnh Hậu Giang", "--data-dir", data_dir)
    assert code == 0
    assert out.splitlines()[-1] == "  — party → Ủy ban nhân dân tỉnh Hậu Giang"


def test_path_not_connected_and_unknown(capsys, data_dir):
    lonely = str(Minter(BASE).province("An Giang"))  # in the reference graph, named by no example article
    code, out, _ = run(capsys, "path", LONG, lonely, "--data-dir", data_dir)
    assert code == 0 and out.startswith("not connected")
    code, _, err = run(capsys, "path", LONG, BASE + "person/nobody", "--data-dir", data_dir)
    assert code == 5 and "not a person, body, province or agreement" in err


def test_central_table(capsys, data_dir):
    code, out, _ = run(capsys, "central", "--kind", "person", "--top", "3", "--data-dir", data_dir)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("ranked by betweenness") and len(lines) == 5
    assert all("  person  " in line for line in lines[2:])
    assert [line.split()[0] for line in lines[2:]] == ["1", "2", "3"]
    assert run(capsys, "central", "--top", "0", "--data-dir", data_dir)[0] == 5


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_for_gephi(capsys, data_dir, tmp_path, fmt, read):
    out = tmp_path / f"graph.{fmt}"
    code, _, err = run(capsys, "export", "--format", fmt, "--out", out, "--data-dir", data_dir)
    assert code == 0 and f"wrote {out}" in err
    graph = read(out)
    assert graph.nodes[LONG]["label"] == "Phạm Đức Long" and graph.nodes[THANH]["kind"] == "person"
    assert {d["relation"] for *_, d in graph.edges(data=True)} >= {"signed", "party", "holds post in"}
