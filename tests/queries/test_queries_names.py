"""Name search that forgives: diacritics, case, tone placement, abbreviations, English names and acronyms."""

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, RDFS, SKOS

from govkg.cli import main
from govkg.errors import QueryError
from govkg.graph.identity import Minter
from govkg.graph.reference import reference_graph
from govkg.graph.store import KnowledgeStore
from govkg.ontology.terms import GK
from govkg.queries.names import NameIndex, match_keys

BASE = "https://w3id.org/govkg/id/"


@pytest.fixture(scope="module")
def index(dev_store):
    return NameIndex.load(dev_store)


def one(index, text, kind):
    found = index.resolve(text, kind)
    assert len(found) == 1, found
    return found[0]


def test_three_spellings_of_a_person_resolve_to_one_iri(index):
    iris = {one(index, text, "person") for text in ("Pham Tan Hoa", "phạm tấn hoà", "Phạm Tấn Hòa")}
    assert len(iris) == 1
    (iri,) = iris
    assert "pham-tan-hoa" in str(iri)
    assert index.find("Phạm Tấn Hòa", "person")[0].label == "Phạm Tấn Hòa"


@pytest.mark.parametrize(
    "text",
    [
        "Bo TT&TT",
        "bộ tt&tt",
        "BỘ TT & TT",
        "MIC",
        "mic",
        "Ministry of Information and Communications",
        "Bộ Thông tin và Truyền thông",
        "bo thong tin va truyen thong",
        "Bộ Thông tin & Truyền thông",
    ],
)
def test_ways_of_naming_the_ministry_resolve_to_one_iri(index, text):
    assert one(index, text, "body") == URIRef(Minter(BASE).body("Bộ Thông tin và Truyền thông"))


def test_an_exact_province_name_is_the_province_not_its_committee(index):
    province = URIRef(Minter(BASE).province("Long An"))
    assert one(index, "Long An", "body") == province
    assert one(index, "long an", "body") == province
    assert one(index, "Tỉnh Long An", "body") == province
    best = index.find("Long An", "body")
    assert best[0].iri == province and best[0].hint == "province"
    assert any("Ủy ban nhân dân tỉnh Long An" == m.label for m in best[1:])  # listed, ranked lower
    assert "uy-ban-nhan-dan-tinh-long-an" in str(one(index, "UBND tỉnh Long An", "body"))


@pytest.mark.parametrize(
    "text", ["Uỷ ban nhân dân tỉnh Hậu Giang", "Ủy ban nhân dân tỉnh Hậu Giang", "ubnd tinh hau giang"]
)
def test_old_and_new_tone_placement_and_abbreviations(index, text):
    assert "uy-ban-nhan-dan-tinh-hau-giang" in str(one(index, text, "body"))


@pytest.mark.parametrize(
    ("old", "new"), [("hoà", "hòa"), ("thuý", "thúy"), ("Uỷ ban", "Ủy ban"), ("khoẻ", "khỏe")]
)
def test_match_keys_ignore_tone_placement(old, new):
    assert match_keys(old) == match_keys(new)


def test_match_keys_expand_abbreviations_in_any_case():
    loose = match_keys("Bộ Thông tin và Truyền thông")[1]
    for text in ("Bộ TT&TT", "bo tt&tt", "Bộ TTTT", "bộ tt-tt", "Bộ Thông tin - Truyền thông"):
        assert match_keys(text)[1] == loose, text
    assert match_keys("UBND tỉnh Long An") == match_keys("Ủy ban nhân dân tỉnh Long An")
    assert match_keys("Nguyễn Văn Tư")[1] == ("nguyen", "van", "tu")  # "TƯ" (Trung ương) is not expanded


@pytest.mark.parametrize(("text", "kind"), [("Ủy ban nhân dân tỉnh", "body"), ("Hùng", "person")])
def test_ambiguous_input_lists_the_candidates(index, text, kind):
    with pytest.raises(QueryError) as caught:
        index.resolve(text, kind)
    message = str(caught.value)
    assert "could name" in message and "more precise" in message
    listed = [line for line in message.splitlines() if line.strip().endswith(">")]
    assert len(listed) >= 2, message
    if kind == "body":
        assert "People's Committee" in message  # a body's type tells it apart


def test_unknown_name_suggests_the_closest(index):
    with pytest.raises(QueryError) as caught:
        index.resolve("Pham Tan Hao", "person")
    message = str(caught.value)
    assert "no person named" in message and "closest" in message and "Phạm Tấn Hòa" in message
    with pytest.raises(QueryError, match="closest"):
        index.resolve("Bo Thong Tinn", "body")


def test_kind_restricts_the_search(index):
    assert all(m.kind == "person" for m in index.find("Long", "person"))
    assert all(m.kind == "body" for m in index.find("Long An", "body"))
    with pytest.raises(QueryError, match="no person"):
        index.resolve("MIC", "person")


def test_an_iri_resolves_to_itself(index):
    iri = one(index, "Phạm Tấn Hòa", "person")
    assert index.resolve(str(iri), "person") == [iri]


def test_namesakes_are_ambiguous_and_listed_with_their_posts():
    store = KnowledgeStore.memory()
    g = Graph()
    for number, post in ((1, "Chủ tịch, Ủy ban nhân dân tỉnh Long An"), (2, "Thứ trưởng, Bộ Tài chính")):
        person, position = URIRef(f"{BASE}person/nguyen-van-a-{number}"), URIRef(f"{BASE}post/{number}")
        g.add((person, RDF.type, GK.Person))
        g.add((person, RDFS.label, Literal("Nguyễn Văn A", lang="vi")))
        g.add((person, FOAF.name, Literal("Nguyễn Văn A")))
        g.add((person, ORG.holds, position))
        g.add((position, RDFS.label, Literal(post, lang="vi")))
    store.replace_graph(URIRef(f"{BASE}graph/a"), g)
    with store:
        with pytest.raises(QueryError) as caught:
            NameIndex.load(store).resolve("nguyen van a", "person")
    message = str(caught.value)
    assert "2 different persons" in message
    assert "Chủ tịch, Ủy ban nhân dân tỉnh Long An" in message and "Thứ trưởng, Bộ Tài chính" in message


def test_reference_graph_carries_english_acronyms_of_ministries():
    minter = Minter(BASE)
    graph = reference_graph(minter)
    labels = set(graph.objects(minter.body("Bộ Thông tin và Truyền thông"), SKOS.altLabel))
    assert Literal("MIC") in labels
    assert Literal("MPI") in set(graph.objects(minter.body("Bộ Kế hoạch và Đầu tư"), SKOS.altLabel))
    assert Literal("SBV") in set(graph.objects(minter.body("Ngân hàng Nhà nước Việt Nam"), SKOS.altLabel))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("govkg-names")
    assert main(["build", "--examples", "--data-dir", str(directory)]) == 0
    return directory


def test_cli_find_prints_ranked_candidates(capsys, data_dir):
    capsys.readouterr()
    assert main(["find", "Bo TT&TT", "--kind", "body", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["score", "kind", "label"]
    first = lines[1]
    assert "Bộ Thông tin và Truyền thông" in first and "/body/bo-thong-tin-va-truyen-thong" in first
    assert first.split()[:2] == ["0.90", "body"]
    scores = [float(line.split()[0]) for line in lines[1:]]
    assert scores == sorted(scores, reverse=True)

    assert main(["find", "pham duc long", "--kind", "person", "--data-dir", str(data_dir)]) == 0
    assert "Phạm Đức Long" in capsys.readouterr().out.splitlines()[1]

    assert main(["find", "zzz qqq", "--data-dir", str(data_dir)]) == 5
    assert "nothing in the graph" in capsys.readouterr().err


def test_the_index_of_an_on_disk_store_is_cached_until_the_store_is_written(tmp_path, monkeypatch):
    from govkg.pipeline import build, example_articles

    lines = example_articles().read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "first.jsonl").write_text(lines[0], encoding="utf-8")
    (tmp_path / "rest.jsonl").write_text("".join(lines[1:]), encoding="utf-8")
    path = tmp_path / "store"
    with KnowledgeStore.open(path) as store:
        build([str(tmp_path / "first.jsonl")], store, base_iri=BASE)
    with KnowledgeStore.open(path, read_only=True) as store:
        fresh = NameIndex.for_store(store)
        cache = store.cache_file("names.json")
    assert cache is not None and cache.exists()

    def unread(_store):
        raise AssertionError("the index was read from the store, not from its cache")

    monkeypatch.setattr(NameIndex, "load", unread)
    with KnowledgeStore.open(path, read_only=True) as store:
        cached = NameIndex.for_store(store)
    assert {iri: e.labels for iri, e in cached.entities.items()} == {
        iri: e.labels for iri, e in fresh.entities.items()
    }
    assert cached.find("Long An", "body")[0].iri == fresh.find("Long An", "body")[0].iri
    monkeypatch.undo()

    with KnowledgeStore.open(path) as store:  # a write: the cache no longer answers for the store
        build([str(tmp_path / "rest.jsonl")], store, base_iri=BASE)
    with KnowledgeStore.open(path, read_only=True) as store:
        grown = NameIndex.for_store(store)
    assert len(grown.entities) > len(fresh.entities)
    assert grown.resolve("Hậu Giang", "body")
