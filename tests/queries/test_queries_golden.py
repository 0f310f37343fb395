"""Golden results of every named query on the graph of all dev articles.

Entity parameters (person, body) are bound through a small resolver that mints the IRIs of exact
canonical names, as the name index of ``govkg.queries.names`` would return them.
"""

import pytest
from samples import make_extraction, rdflib_copy

from govkg.graph.identity import Minter
from govkg.queries.library import get_query, list_queries

BASE = "https://w3id.org/govkg/id/"
minter = Minter(BASE)
PROVINCES = {"Long An", "Hậu Giang", "Tây Ninh"}
# persons whose name another node shares: minted from name and affiliation (graph.resolve)
ANCHORED = {"Nguyễn Mạnh Hùng (MIC)": ("Nguyễn Mạnh Hùng", "body:bộ thông tin và truyền thông")}


def resolve(text, kind):
    if kind == "body":
        return [minter.province(text)] if text in PROVINCES else [minter.body(text)]
    if text in ANCHORED:
        return [minter.person(*ANCHORED[text])]
    return [minter.person(text)]


def rows(store, name, *columns, **params):
    """The rows of a named query as tuples of the given columns (plain strings, None when unbound).

    Lists joined with " · " (GROUP_CONCAT, in no set order) come sorted.
    """
    result = store.query(get_query(name).render(params, resolve))
    return [tuple(_cell(row[c]) for c in columns) for row in result]


def _cell(value):
    if value is None:
        return None
    return " · ".join(sorted(str(value).split(" · ")))


MOU = "Biên bản ghi nhớ hợp tác giai đoạn 2022-2023"
MIC_LONG_AN = "Biên bản hợp tác phát triển trong lĩnh vực thông tin và truyền thông"
TOUR = (
    "Thỏa thuận hợp tác phát triển du lịch, trong đó tập trung khai thác tour du lịch với ý tưởng "
    '"Một hành trình ba điểm'
)
MIC, UBND_HG, UBND_LA = (
    "Bộ Thông tin và Truyền thông",
    "Ủy ban nhân dân tỉnh Hậu Giang",
    "Ủy ban nhân dân tỉnh Long An",
)
KOREA_MOU = (
    "Bản ghi nhớ giữa Bộ Thông tin Truyền thông Việt Nam và Bộ Khoa học, Công nghệ Thông tin và Truyền "
    "thông nước Đại hàn"
)


def test_who_signed(dev_store):
    cols = ("date", "title", "signatory", "signedFor", "articles")
    assert rows(dev_store, "who-signed", *cols, body="Long An") == [
        ("--07-16", MIC_LONG_AN, "Nguyễn Mạnh Hùng", MIC, "seed-000"),
        ("--07-16", MIC_LONG_AN, "Trần Văn Cần", UBND_LA, "seed-000"),
        ("--10-21", TOUR, None, None, "vietnews-train-018137"),
    ]
    assert rows(dev_store, "who-signed", *cols, person="Đồng Văn Thanh") == [
        ("2022-05-05", MOU, "Đồng Văn Thanh", UBND_HG, "seed-004")
    ]
    assert rows(
        dev_store, "who-signed", "date", "signatory", "type", **{"from": "2022-01-01", "to": "2022-06-30"}
    ) == [
        ("2022-05-05", "Phạm Đức Long", "Memorandum of understanding"),
        ("2022-05-05", "Đồng Văn Thanh", "Memorandum of understanding"),
    ]
    # a body and a person together; a kind that is not theirs
    assert rows(dev_store, "who-signed", "signatory", body=MIC, person="Phạm Đức Long") == [
        ("Phạm Đức Long",)
    ]
    assert rows(dev_store, "who-signed", "signatory", body="Hậu Giang", kind="CooperationAgreement") == []


@pytest.mark.parametrize(
    ("params", "size"), [({}, 3), ({"body": "Long An"}, 1), ({"from": "2017-01-01"}, 2)], ids=str
)
def test_who_signed_pages_add_up_to_the_whole_answer(dev_store, params, size):
    """--limit/--offset: each agreement on exactly one page, with all its rows, pages in date order."""
    cols = ("agreement", "date", "title", "signatory", "signedFor", "parties", "articles")
    whole = rows(dev_store, "who-signed", *cols, **params)
    pages, offset = [], 0
    while page := rows(dev_store, "who-signed", *cols, **params, limit=str(size), offset=str(offset)):
        assert len({r[0] for r in page}) == min(size, len({r[0] for r in whole}) - offset)
        pages.append(page)
        offset += size
    agreements = [r[0] for page in pages for r in dict.fromkeys(page)]
    assert sorted(r for page in pages for r in page) == sorted(whole) and len(pages) > 1
    order = [min(r[1] or "" for r in whole if r[0] == a) for a in dict.fromkeys(agreements)]
    assert order == sorted(order)  # by each agreement's first date, the undated first


def test_agreements_between(dev_store):
    cols = ("date", "type", "title", "party", "otherParty", "signatories", "articles")
    expected = [("2022-05-05", "Memorandum of understanding", MOU, MIC, UBND_HG, None, "seed-004")]
    expected = [expected[0][:5] + ("Phạm Đức Long · Đồng Văn Thanh", "seed-004")]
    assert rows(dev_store, "agreements-between", *cols, body=MIC, other="Hậu Giang") == expected
    # the other way round, the sides swap
    assert rows(dev_store, "agreements-between", "party", "otherParty", body="Hậu Giang", other=MIC) == [
        (UBND_HG, MIC)
    ]
    # without --other: each of the ministry's counterparts
    assert rows(dev_store, "agreements-between", "date", "otherParty", body=MIC) == [
        ("--03-23", "Bộ Khoa học, Công nghệ Thông tin và Truyền thông nước Đại hàn Dân quốc"),
        ("--07-16", UBND_LA),
        ("2022-05-05", UBND_HG),
    ]
    assert rows(dev_store, "agreements-between", "title", body="Long An", other="Hậu Giang") == []


def test_agreements_of_follows_successors(dev_store):
    cols = ("date", "title", "party", "formerly", "partOf", "articles")
    assert rows(dev_store, "agreements-of", *cols, body="Tây Ninh") == [
        ("--07-16", MIC_LONG_AN, UBND_LA, "Tỉnh Long An", "Tỉnh Tây Ninh", "seed-000"),
        ("--10-21", TOUR, UBND_LA, "Tỉnh Long An", "Tỉnh Tây Ninh", "vietnews-train-018137"),
    ]
    assert rows(dev_store, "agreements-of", *cols, body="Bộ Khoa học và Công nghệ") == [
        ("--03-23", KOREA_MOU, MIC, MIC, "Bộ Khoa học và Công nghệ", "vietnews-val-017874"),
        ("--07-16", MIC_LONG_AN, MIC, MIC, "Bộ Khoa học và Công nghệ", "seed-000"),
        ("2022-05-05", MOU, MIC, MIC, "Bộ Khoa học và Công nghệ", "seed-004"),
    ]
    assert rows(dev_store, "agreements-of", "formerly", "partOf", body="Hậu Giang") == [
        ("Tỉnh Hậu Giang", "Tỉnh Hậu Giang")
    ]
    assert rows(dev_store, "agreements-of", "title") == []  # nothing asked, nothing found


def test_officials_of(dev_store):
    cols = ("in", "post", "name", "firstAttested", "lastAttested", "articles")
    assert rows(dev_store, "officials-of", *cols, body="Long An") == [
        (
            "Sở Thông tin và Truyền thông tỉnh Long An",
            "Giám đốc",
            "Nguyễn Bá Luân",
            "2023-12-26",
            "2023-12-26",
            "1",
        ),
        ("Tỉnh ủy Long An", "Bí thư", "Phạm Văn Rạnh", None, None, "1"),
        (UBND_LA, "Chủ tịch", "Trần Văn Cần", None, None, "1"),
        (UBND_LA, "Phó Chủ tịch", "Phạm Tấn Hòa", "2023-12-26", "2024-03-05", "2"),
    ]
    assert rows(dev_store, "officials-of", "post", "name", body=UBND_HG) == [
        ("Chủ tịch", "Đồng Văn Thanh"),
        ("Phó Chủ tịch", "Hồ Thu Ánh"),
    ]


def test_posts_of_person(dev_store):
    cols = ("name", "post", "in", "firstAttested", "lastAttested", "attestations", "articles")
    assert rows(dev_store, "posts-of-person", *cols, person="Đồng Văn Thanh") == [
        ("Đồng Văn Thanh", "Chủ tịch", UBND_HG, "2022-05-05", "2022-05-05", "1", "seed-004"),
        ("Đồng Văn Thanh", "Phó Bí thư", "Tỉnh ủy Hậu Giang", "2022-05-05", "2022-05-05", "1", "seed-004"),
    ]


def test_post_on_date(dev_store):
    cols = ("name", "post", "in", "firstAttested", "lastAttested", "attestations")
    expected = [("Phạm Tấn Hòa", "Phó Chủ tịch", UBND_LA, "2023-12-26", "2024-03-05", "2")]
    assert rows(dev_store, "post-on-date", *cols, date="2024-01-15", body="Long An") == expected
    assert rows(dev_store, "post-on-date", *cols, date="2024-03-05", person="Phạm Tấn Hòa") == expected
    assert rows(
        dev_store, "post-on-date", "name", "in", date="2023-12-26", title="Giám đốc", body="Long An"
    ) == [("Nguyễn Bá Luân", "Sở Thông tin và Truyền thông tỉnh Long An")]
    assert rows(dev_store, "post-on-date", "name", date="2022-05-05", body=UBND_HG) == [
        ("Đồng Văn Thanh",),
        ("Hồ Thu Ánh",),
    ]


def test_co_signatories(dev_store):
    cols = ("name", "signedFor", "coSignatory", "coSignedFor", "date", "title", "articles")
    assert rows(dev_store, "co-signatories", *cols, person="Phạm Đức Long") == [
        ("Phạm Đức Long", MIC, "Đồng Văn Thanh", UBND_HG, "2022-05-05", MOU, "seed-004")
    ]
    assert rows(
        dev_store, "co-signatories", "coSignatory", "coSignedFor", person="Nguyễn Mạnh Hùng (MIC)"
    ) == [("Trần Văn Cần", UBND_LA)]


def test_timeline(dev_store):
    cols = ("date", "event", "what", "who", "in", "sources")
    assert rows(dev_store, "timeline", *cols, body="Long An") == [
        (
            "--07-16",
            "signing",
            f"Cooperation agreement: {MIC_LONG_AN}",
            "Nguyễn Mạnh Hùng · Trần Văn Cần",
            UBND_LA,
            "seed-000",
        ),
        # no signatory named: an empty list, on every engine (docs/writing-queries.md)
        ("--10-21", "signing", f"Cooperation agreement: {TOUR}", "", UBND_LA, "vietnews-train-018137"),
        (
            "2023-12-26",
            "post",
            "Giám đốc",
            "Nguyễn Bá Luân",
            "Sở Thông tin và Truyền thông tỉnh Long An",
            "seed-001",
        ),
        ("2023-12-26", "post", "Phó Chủ tịch", "Phạm Tấn Hòa", UBND_LA, "seed-001"),
        ("2024-03-05", "post", "Phó Chủ tịch", "Phạm Tấn Hòa", UBND_LA, "seed-002"),
        (
            "2025-07-01",
            "change",
            "Tỉnh Long An, Tỉnh Tây Ninh → Tỉnh Tây Ninh (2025-07-01)",
            "",
            "Tỉnh Long An",
            "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội"
            " về việc sắp xếp đơn vị hành chính cấp tỉnh",
        ),
    ]
    found = rows(dev_store, "timeline", "date", "event", "what", body=MIC)
    assert [r for r in found if r[1] != "post"] == [
        ("--03-23", "signing", f"Memorandum of understanding: {KOREA_MOU}"),
        ("--07-16", "signing", f"Cooperation agreement: {MIC_LONG_AN}"),
        ("2022-05-05", "signing", f"Memorandum of understanding: {MOU}"),
        (
            "2025-03-01",
            "change",
            "Bộ Thông tin và Truyền thông, Bộ Khoa học và Công nghệ → Bộ Khoa học và Công nghệ (2025-03-01)",
        ),
    ]
    assert ("2022-05-05", "post", "Thứ trưởng") in found  # Phạm Đức Long, attested by seed-004


def test_most_active_signers(dev_store):
    # in the dev articles every signer signed one agreement: all tie, so --limit 1 shows every one
    period = {"from": "2017-01-01", "to": "2022-06-30"}
    expected = [
        ("Hoàng Hồng Giang", "1", "Cục Đường thủy nội địa Việt Nam"),
        ("Phạm Anh Tuấn", "1", "Tổng Công ty Bưu điện Việt Nam"),
        ("Phạm Đức Long", "1", MIC),
        ("Đồng Văn Thanh", "1", UBND_HG),
    ]
    assert (
        rows(dev_store, "most-active-signers", "name", "agreements", "signedFor", limit="1", **period)
        == expected
    )
    assert rows(dev_store, "most-active-signers", "name", **{"from": "2023-01-01"}) == []
    everyone = rows(dev_store, "most-active-signers", "name", "signer")
    assert len(everyone) == len(set(everyone)) == 17  # the default --limit 10, and the ties with the 10th


def test_most_active_signers_ranks_and_limits(minter):
    """On a store of its own where one signer signed three agreements, another two, a third one."""
    from govkg.graph.mapping import extraction_to_graph
    from govkg.graph.store import KnowledgeStore
    from govkg.loaders.records import Signatory

    store = KnowledgeStore.memory()
    store.ensure_ontology()
    for number, date in enumerate(["2021-03-01", "2022-05", "2023"]):
        extraction = make_extraction(f"r{number}", date=date, title=f"Biên bản {number}")
        agreement = extraction.agreements[0]
        signers = [("Nguyễn Mạnh Hùng", "Bộ Thông tin và Truyền thông")]
        signers += [("Trần Văn Cần", "Ủy ban nhân dân tỉnh Long An")] if number < 2 else []
        signers += [("Lê Văn A", "Ủy ban nhân dân tỉnh Long An")] if number == 2 else []
        agreement.signatories[:] = [Signatory(p, b, agreement.evidence) for p, b in signers]
        store.replace_graph(minter.article_graph(f"r{number}"), extraction_to_graph(extraction, minter))

    copy = rdflib_copy(store)  # rdflib's engine has no YEAR for a month or a year: same answers

    def top(**params):
        text = get_query("most-active-signers").render(params)
        answers = [[(str(r["name"]), int(r["agreements"])) for r in s.query(text)] for s in (store, copy)]
        assert answers[0] == answers[1], params
        return answers[0]

    assert top() == [("Nguyễn Mạnh Hùng", 3), ("Trần Văn Cần", 2), ("Lê Văn A", 1)]
    assert top(limit="2") == [("Nguyễn Mạnh Hùng", 3), ("Trần Văn Cần", 2)]
    assert top(limit="1", **{"from": "2022-01-01"}) == [("Nguyễn Mạnh Hùng", 2)]
    assert top(limit="1", **{"from": "2022-01-01", "to": "2022-12-31"}) == [
        ("Nguyễn Mạnh Hùng", 1),
        ("Trần Văn Cần", 1),
    ]
    # a month counts when the period touches it, at either end; a year likewise
    assert top(**{"from": "2022-05-31", "to": "2022-06-30"}) == top(**{"to": "2022-04-30"})
    assert top(**{"to": "2022-04-30"}) == [("Nguyễn Mạnh Hùng", 1), ("Trần Văn Cần", 1)]
    assert top(**{"from": "2022-06-01", "to": "2023-01-01"}) == [("Lê Văn A", 1), ("Nguyễn Mạnh Hùng", 1)]


def test_bodies_without_agreements(dev_store):
    period = {"from": "2022-01-01", "to": "2022-12-31"}
    found = {
        r[0]: r[1:]
        for r in rows(dev_store, "bodies-without-agreements", "name", "posts", "articles", **period)
    }
    # the Long An People's Committee signed only agreements whose year is unknown;
    # MIC and Hậu Giang's People's Committee signed one in May 2022
    assert found[UBND_LA] == ("2", "4")
    assert found["Tỉnh ủy Hậu Giang"] == ("1", "1")
    assert MIC not in found and UBND_HG not in found and "Bộ Giáo dục và Đào tạo" not in found
    assert len(found) == 115
    ever = {r[0] for r in rows(dev_store, "bodies-without-agreements", "name")}
    assert UBND_LA not in ever and "Tỉnh ủy Long An" in ever and "Bộ Chính trị" in ever
    assert len(ever) == 80


def test_facts_with_sources(dev_store):
    cols = ("fact", "statement", "quote", "confidence", "articleId", "articleTitle")
    assert rows(dev_store, "facts-with-sources", *cols, person="Phạm Tấn Hòa") == [
        (
            "post",
            f"Phạm Tấn Hòa — Phó Chủ tịch, {UBND_LA}",
            "Phó Chủ tịch UBND tỉnh - Phạm Tấn Hòa dự.",
            "0.8",
            "seed-001",
            "Bảo đảm an toàn thông tin, xây dựng chính quyền điện tử hướng tới chính quyền số",
        ),
        (
            "post",
            f"Phạm Tấn Hòa — Phó Chủ tịch, {UBND_LA}",
            "Phó Chủ tịch UBND tỉnh Long An Phạm Tấn Hoà phát biểu tại hội nghị.",
            "0.9",
            "seed-002",
            "Triển khai nguồn lực công nghệ đáp ứng Chính quyền số",
        ),
    ]
    found = rows(
        dev_store, "facts-with-sources", "fact", "statement", "articleId", person="Phạm Đức Long", body=MIC
    )
    assert found == [
        ("post", f"Phạm Đức Long — Thứ trưởng, {MIC}", "seed-004"),
        ("signature", f"Phạm Đức Long — signed “{MOU}” for {MIC}, 2022-05-05", "seed-004"),
    ]
    hau_giang = rows(dev_store, "facts-with-sources", "fact", "statement", body="Hậu Giang")
    assert hau_giang == [
        ("party", f"{UBND_HG} — party to Memorandum of understanding “{MOU}”, 2022-05-05"),
        ("post", f"Hồ Thu Ánh — Phó Chủ tịch, {UBND_HG}"),
        ("post", f"Đồng Văn Thanh — Chủ tịch, {UBND_HG}"),
        ("post", "Đồng Văn Thanh — Phó Bí thư, Tỉnh ủy Hậu Giang"),
        ("signature", f"Đồng Văn Thanh — signed “{MOU}” for {UBND_HG}, 2022-05-05"),
    ]


def test_articles_mentioning(dev_store):
    cols = ("articleId", "published", "title", "as")
    assert rows(dev_store, "articles-mentioning", *cols, person="Phạm Tấn Hòa") == [
        ("seed-002", None, "Triển khai nguồn lực công nghệ đáp ứng Chính quyền số", "named, post"),
        (
            "seed-001",
            "2023-12-26",
            "Bảo đảm an toàn thông tin, xây dựng chính quyền điện tử hướng tới chính quyền số",
            "named, post",
        ),
    ]
    found = rows(dev_store, "articles-mentioning", "articleId", "as", person="Nguyễn Mạnh Hùng (MIC)")
    assert [(a, set(how.split(", "))) for a, how in found] == [("seed-000", {"named", "post", "signatory"})]


GOLDEN = {
    name.removeprefix("test_").replace("_", "-") for name in list(globals()) if name.startswith("test_")
}


def test_every_query_parses_is_described_and_has_a_golden_test():
    queries = list_queries()
    assert len(queries) >= 12
    for query in queries:
        assert query.title and query.description, query.name
        assert query.name in GOLDEN or f"{query.name}-follows-successors" in GOLDEN, (
            f"{query.name} has no golden test"
        )
        query.render({})  # the VALUES row fills with nothing given


@pytest.mark.parametrize("name", sorted(q.name for q in list_queries()))
def test_every_query_runs_without_parameters(dev_store, name):
    dev_store.query(get_query(name).render({}))
