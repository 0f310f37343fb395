"""Entity resolution across articles: the same official is one node; namesakes in other bodies are not."""

import json
from pathlib import Path

import pytest

from govkg.graph.identity import Minter
from govkg.graph.resolve import PersonIndex, affiliation
from govkg.graph.store import KnowledgeStore
from govkg.pipeline import build, example_articles

BASE = "https://w3id.org/govkg/id/"
NODES = """
PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?person (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?person a gk:Person ; foaf:name "%s" ; gk:mentionedIn ?article .
} GROUP BY ?person"""


def _articles(path: Path, *texts: str) -> str:
    lines = [
        json.dumps({"id": f"{path.stem}-{i}", "text": t, "published": "2023-03-05"}, ensure_ascii=False)
        for i, t in enumerate(texts)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _nodes(store: KnowledgeStore, name: str) -> dict[str, int]:
    return {person: int(n) for person, n in store.select_values(NODES % name)}


def test_affiliation_is_the_province_or_the_ministry() -> None:
    assert affiliation("Sở Thông tin và Truyền thông tỉnh Long An") == affiliation("Tỉnh ủy Long An")
    assert affiliation("Ủy ban nhân dân tỉnh Long An") != affiliation("Ủy ban nhân dân tỉnh Hậu Giang")
    assert affiliation("Vụ Pháp chế Bộ Quốc phòng") == affiliation("Bộ Quốc phòng")
    assert affiliation("Tập đoàn Hòa Phát") == "body:tập đoàn hòa phát"


def test_one_official_in_the_seed_articles_is_one_node() -> None:
    store = KnowledgeStore.memory()
    build([str(example_articles())], store, base_iri=BASE)
    nodes = _nodes(store, "Phạm Tấn Hòa")  # Phó Chủ tịch UBND tỉnh Long An in seed-001 and seed-002
    assert list(nodes.values()) == [2]  # one node, stated by both articles


def test_namesakes_in_different_provinces_are_two_nodes_and_each_keeps_its_own(tmp_path: Path) -> None:
    store = KnowledgeStore.memory()
    first = _articles(
        tmp_path / "a.jsonl",
        "Ông Nguyễn Văn Bình, Phó Chủ tịch UBND tỉnh Long An, làm việc với đoàn công tác.",
        "Ông Nguyễn Văn Bình, Phó Chủ tịch UBND tỉnh Hậu Giang, tiếp đoàn doanh nghiệp.",
    )
    build([first], store, base_iri=BASE)
    assert len(_nodes(store, "Nguyễn Văn Bình")) == 2
    # a later build: the Long An official, now in the Party committee, and a bare mention stay resolved
    later = _articles(
        tmp_path / "b.jsonl",
        "Ông Nguyễn Văn Bình, Phó Bí thư Tỉnh ủy Long An, phát biểu tại hội nghị.",
    )
    build([later], store, base_iri=BASE)
    nodes = _nodes(store, "Nguyễn Văn Bình")
    assert sorted(nodes.values()) == [1, 2]


def test_a_mention_without_a_body_joins_the_only_node_of_its_name() -> None:
    index = PersonIndex(Minter(BASE))
    official = index.resolve("Phạm Tấn Hòa", ["Ủy ban nhân dân tỉnh Long An"])
    assert index.resolve("phạm tấn hòa", []) == official
    other = index.resolve("Phạm Tấn Hòa", ["Bộ Tài chính"])
    assert other != official
    assert index.resolve("Phạm Tấn Hòa", []) not in (official, other)  # ambiguous: a node of its own


@pytest.mark.parametrize("order", [0, 1])
def test_the_first_node_of_a_name_keeps_the_plain_iri(order: int) -> None:
    minter = Minter(BASE)
    index = PersonIndex(minter)
    bodies = [["Ủy ban nhân dân tỉnh Long An"], ["Bộ Tài chính"]]
    first = index.resolve("Trần Văn Cần", bodies[order])
    second = index.resolve("Trần Văn Cần", bodies[1 - order])
    assert first == minter.person("Trần Văn Cần")
    assert second != first and str(second).startswith(BASE + "person/tran-van-can-")


def test_ministries_carry_their_english_name() -> None:
    store = KnowledgeStore.memory()
    build([str(example_articles())], store, base_iri=BASE)
    rows = store.select_values(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?en WHERE { ?b skos:prefLabel "Bộ Thông tin và Truyền thông"@vi , ?en .
                           FILTER(LANG(?en) = "en") }"""
    )
    assert rows == [("Ministry of Information and Communications",)]
