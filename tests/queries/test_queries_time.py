"""The issue's questions on the graph of all dev articles: a post on a date, a person's posts, successors."""

from govkg.graph.identity import Minter
from govkg.queries.library import get_query

minter = Minter("https://w3id.org/govkg/id/")
PROVINCES = {"Long An", "Tây Ninh"}


def resolve(text, kind):
    """Exact canonical names → IRIs, as the name index would give them."""
    if kind == "body":
        return [minter.province(text)] if text in PROVINCES else [minter.body(text)]
    return [minter.person(text)]


def rows(store, name, **params):
    result = store.query(get_query(name).render(params, resolve))
    return [{k: (str(v) if v is not None else None) for k, v in row.asdict().items()} for row in result]


def test_who_held_a_post_on_a_date(dev_store):
    found = rows(dev_store, "post-on-date", date="2024-03-05", title="phó chủ tịch", body="Long An")
    assert [(r["name"], r["post"], r["in"]) for r in found] == [
        ("Phạm Tấn Hòa", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Long An")
    ]
    assert (found[0]["firstAttested"], found[0]["lastAttested"]) == ("2023-12-26", "2024-03-05")
    # after the last article that names him there, the articles are silent
    assert rows(dev_store, "post-on-date", date="2024-06-01", title="Phó Chủ tịch", body="Long An") == []
    # "Chủ tịch" is a title of its own, not part of "Phó Chủ tịch"
    assert rows(dev_store, "post-on-date", date="2024-03-05", title="Chủ tịch", body="Long An") == []


def test_posts_of_a_person_over_time(dev_store):
    found = rows(dev_store, "posts-of-person", person="Phạm Tấn Hòa")
    assert [(r["post"], r["in"], r["attestations"], set(r["articles"].split())) for r in found] == [
        ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Long An", "2", {"seed-001", "seed-002"})
    ]


def test_agreements_of_bodies_now_part_of_tay_ninh_are_long_an_ones(dev_store):
    found = rows(dev_store, "agreements-of", body="Tây Ninh")
    assert found, "the Long An agreements are missing"
    assert {r["formerly"] for r in found} == {"Tỉnh Long An"}
    assert {r["partOf"] for r in found} == {"Tỉnh Tây Ninh"}
    assert {r["party"] for r in found} == {"Ủy ban nhân dân tỉnh Long An"}
    assert "seed-000" in {r["articles"] for r in found}  # the MIC – Long An cooperation agreement


def test_agreements_of_the_ministry_that_absorbed_mic(dev_store):
    found = rows(dev_store, "agreements-of", body="Bộ Khoa học và Công nghệ")
    assert {r["formerly"] for r in found} == {"Bộ Thông tin và Truyền thông"}
    assert {"seed-000", "seed-004"} <= {r["articles"] for r in found}


def test_a_province_that_is_no_more_finds_only_its_own(dev_store):
    found = rows(dev_store, "agreements-of", body="Long An")
    assert {r["formerly"] for r in found} == {"Tỉnh Long An"} and len(found) >= 2
    assert rows(dev_store, "agreements-of") == []  # nothing asked, nothing found
