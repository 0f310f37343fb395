"""The networkx projection of the dev graph: paths, centrality, co-signatures, GraphML and GEXF files."""

import itertools

import networkx as nx
import pytest

from govkg.errors import QueryError
from govkg.graph.analysis import (
    SIGNED,
    central,
    connection,
    cosignature_network,
    project,
    write_gexf,
    write_graphml,
)
from govkg.graph.identity import Minter

BASE = "https://w3id.org/govkg/id/"
LONG, THANH = (str(Minter(BASE).person(name)) for name in ("Phạm Đức Long", "Đồng Văn Thanh"))
HAU_GIANG = str(Minter(BASE).body("Ủy ban nhân dân tỉnh Hậu Giang"))


@pytest.fixture(scope="module")
def graph(dev_store):
    return project(dev_store)


def test_the_signatories_are_nodes(graph):
    for node in (LONG, THANH, HAU_GIANG):
        assert node in graph
    assert dict(graph.nodes[LONG]) == {"kind": "person", "rdf_type": "Person", "label": "Phạm Đức Long"}
    assert graph.nodes[HAU_GIANG]["kind"] == "body"


def test_path_between_two_signatories_goes_through_their_memorandum(graph):
    found = connection(graph, LONG, THANH)
    assert found is not None and len(found.nodes) == 3
    (memorandum,) = found.agreements
    assert found.nodes[1] == memorandum
    assert graph.nodes[memorandum]["signing_date"] == "2022-05-05"
    assert graph.nodes[memorandum]["label"].startswith("Biên bản ghi nhớ hợp tác")
    assert [e["relation"] for hop in found.hops for e in hop.edges] == [SIGNED, SIGNED]
    text = str(found)
    assert text.startswith("Phạm Đức Long — signed (2022-05-05; for Bộ Thông tin và Truyền thông) → Biên bản")
    assert text.endswith("← signed (2022-05-05; for Ủy ban nhân dân tỉnh Hậu Giang) — Đồng Văn Thanh")


def test_path_to_a_party(graph):
    text = str(connection(graph, LONG, HAU_GIANG))
    assert text.startswith("Phạm Đức Long — signed (2022-05-05")
    assert text.endswith("— party → Ủy ban nhân dân tỉnh Hậu Giang")


def test_posts_on_a_path_are_told_with_title_and_dates(graph):
    ministry = str(Minter(BASE).body("Bộ Thông tin và Truyền thông"))
    found = connection(graph, LONG, ministry)
    assert found is not None
    assert any(post["title"] == "Thứ trưởng" for post in found.posts)
    assert "holds post in (Thứ trưởng; attested 2022-05-05) → Bộ Thông tin và Truyền thông" in str(found)


def test_not_connected_and_unknown_nodes(graph):
    elsewhere = next(
        n for n, kind in graph.nodes(data="kind") if kind == "person" and not nx.has_path(graph, LONG, n)
    )
    assert connection(graph, LONG, elsewhere) is None
    with pytest.raises(QueryError, match="not a person, body"):
        connection(graph, LONG, BASE + "person/nobody")


def test_every_attribute_is_a_string_or_a_number(graph):
    values = [v for _, data in graph.nodes(data=True) for v in data.values()]
    values += [v for *_, data in graph.edges(data=True) for v in data.values()]
    assert values and all(isinstance(v, (str, int, float)) for v in values)


def test_centrality_ranks_are_deterministic_and_find_the_brokers(dev_store, graph):
    persons = central(graph, "person", 5)
    assert persons == central(project(dev_store), "person", 5)  # a fresh projection ranks the same
    assert [r.rank for r in persons] == [1, 2, 3, 4, 5] and {r.kind for r in persons} == {"person"}
    assert [r.betweenness for r in persons] == sorted((r.betweenness for r in persons), reverse=True)
    assert {"Trương Minh Tuấn", "Nguyễn Mạnh Hùng"} <= {r.label for r in persons[:3]}
    bodies = {r.label for r in central(graph, "body", 5)}
    assert {"Bộ Thông tin và Truyền thông", "Ủy ban nhân dân Thành phố Hồ Chí Minh"} <= bodies
    busiest = central(graph, None, 3, by="degree")
    assert busiest[0].label == "Thành phố Hồ Chí Minh" and busiest[0].kind == "province"
    assert [r.degree for r in busiest] == sorted((r.degree for r in busiest), reverse=True)
    with pytest.raises(QueryError):
        central(graph, "article")


def signatories(dev_store):
    rows = dev_store.select_values(
        "PREFIX gk: <https://w3id.org/govkg/ontology#> "
        "SELECT DISTINCT ?a ?p WHERE { ?a gk:signature/gk:signatory ?p }"
    )
    found = {}
    for agreement, person in rows:
        found.setdefault(agreement, set()).add(person)
    return found


def test_cosignature_network_links_the_signatories_of_each_agreement(dev_store, graph):
    network = cosignature_network(graph)
    expected = {}
    for agreement, persons in signatories(dev_store).items():
        for pair in itertools.combinations(sorted(persons), 2):
            expected.setdefault(pair, []).append(agreement)
    assert len(expected) >= 8
    assert {tuple(sorted(e)) for e in network.edges} == set(expected)
    for (a, b), agreements in expected.items():
        assert network[a][b]["weight"] == len(agreements)
        for agreement in agreements:
            assert graph.nodes[agreement]["label"] in network[a][b]["titles"]
    assert "Biên bản ghi nhớ hợp tác giai đoạn 2022-2023" in network[LONG][THANH]["titles"]
    assert network.nodes[LONG]["label"] == "Phạm Đức Long"


@pytest.mark.parametrize(("write", "read"), [(write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)])
def test_gephi_files_read_back_whole(tmp_path, graph, write, read):
    for name, original in (("graph", graph), ("cosign", cosignature_network(graph))):
        path = tmp_path / f"{name}.{write.__name__.removeprefix('write_')}"
        write(original, path)
        assert "Đồng Văn Thanh" in path.read_text(encoding="utf-8")  # UTF-8, not character references
        back = read(path)
        assert (back.number_of_nodes(), back.number_of_edges()) == (
            original.number_of_nodes(),
            original.number_of_edges(),
        )
        assert {n: d["label"] for n, d in back.nodes(data=True)} == dict(original.nodes(data="label"))
    assert back.nodes[THANH]["kind"] == "person"
