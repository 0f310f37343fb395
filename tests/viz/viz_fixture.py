"""A hand-built govkg graph for the viz tests: two agreements, four persons, three bodies, evidence.

Built here with plain rdflib (not with graph/) so these tests pin the ontology contract the viewer
reads, independent of how other packages mint IRIs. Facts sit in named graphs (one per article),
as the store keeps them, and the tests read the union. (A uniquely named module rather than
conftest.py: tests/conftest.py already owns the module name ``conftest``.)
"""

from __future__ import annotations

from rdflib import RDF, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SDO, SKOS, XSD

GK = Namespace("https://w3id.org/govkg/ontology#")
ID = Namespace("https://example.org/govkg/id/")

BO_KHCN = ID["body/bo-khoa-hoc-va-cong-nghe"]
UBND_QN = ID["body/ubnd-tinh-quang-ninh"]
VIETTEL = ID["body/tap-doan-viettel"]
LONG = ID["person/pham-duc-long"]
HANG = ID["person/nguyen-thi-hang"]
VIET = ID["person/tran-quoc-viet"]
DUC = ID["person/le-minh-duc"]
MOU = ID["agreement/mou-chuyen-doi-so-quang-ninh"]
COOP = ID["agreement/hop-tac-viettel-khcn"]

QUOTE_MOU = (
    "Thứ trưởng Bộ Khoa học và Công nghệ Phạm Đức Long và Phó Chủ tịch UBND tỉnh Quảng Ninh "
    "Nguyễn Thị Hằng đã ký Biên bản ghi nhớ hợp tác về chuyển đổi số."
)
QUOTE_LONG_POST = "Thứ trưởng Phạm Đức Long phát biểu tại lễ ký kết."
QUOTE_COOP = "Ngày 16/7, Bộ Khoa học và Công nghệ và Tập đoàn Viettel ký Thỏa thuận hợp tác về hạ tầng số."


def _article(ds: Dataset, key: str, title: str, published: str, url: str | None):
    graph = ds.graph(ID[f"graph/{key}"])
    article = ID[f"article/{key}"]
    graph.add((article, DCTERMS.title, Literal(title, lang="vi")))
    graph.add((article, GK.articleId, Literal(key)))
    graph.add((article, SDO.datePublished, Literal(published, datatype=XSD.date)))
    if url:
        graph.add((article, SDO.url, Literal(url, datatype=XSD.anyURI)))
    return graph, article


def _evidence(graph, fact: URIRef, article: URIRef, key: str, quote: str, start: int) -> None:
    node = ID[f"evidence/{key}"]
    graph.add((fact, GK.evidence, node))
    graph.add((node, GK.quote, Literal(quote, lang="vi")))
    graph.add((node, GK.startOffset, Literal(start)))
    graph.add((node, GK.endOffset, Literal(start + len(quote))))
    graph.add((node, PROV.entity, article))


def build_fixture_graph() -> Dataset:
    """The union view of a small store; see the module docstring for what it holds."""
    ds = Dataset(default_union=True)
    g1, art1 = _article(ds, "baoqn-2024-001", "Quảng Ninh và Bộ KH&CN ký kết hợp tác chuyển đổi số",
                        "2024-07-16", "https://example.org/tin/quang-ninh-khcn")
    g2, art2 = _article(ds, "vnx-2024-002", "Viettel hợp tác với Bộ Khoa học và Công nghệ",
                        "2024-07-17", None)

    for graph, body, cls, name in (
        (g1, BO_KHCN, GK.Ministry, "Bộ Khoa học và Công nghệ"),
        (g1, UBND_QN, GK.PeoplesCommittee, "Ủy ban nhân dân tỉnh Quảng Ninh"),
        (g2, VIETTEL, GK.Enterprise, "Tập đoàn Công nghiệp - Viễn thông Quân đội"),
    ):
        graph.add((body, RDF.type, cls))
        graph.add((body, SKOS.prefLabel, Literal(name, lang="vi")))
    g2.add((BO_KHCN, RDF.type, GK.Ministry))  # the same body, stated again in the other article
    g2.add((VIETTEL, SKOS.altLabel, Literal("Viettel", lang="vi")))

    for graph, person, name in ((g1, LONG, "Phạm Đức Long"), (g1, HANG, "Nguyễn Thị Hằng"),
                                (g2, VIET, "Trần Quốc Việt"), (g2, DUC, "Lê Minh Đức")):
        graph.add((person, RDF.type, GK.Person))
        graph.add((person, FOAF.name, Literal(name, lang="vi")))

    g1.add((MOU, RDF.type, GK.MemorandumOfUnderstanding))
    g1.add((MOU, DCTERMS.title, Literal("Biên bản ghi nhớ hợp tác về chuyển đổi số", lang="vi")))
    g1.add((MOU, GK.signingDate, Literal("2024-07-16", datatype=XSD.date)))
    g1.add((MOU, GK.periodStart, Literal("2024", datatype=XSD.gYear)))
    g1.add((MOU, GK.periodEnd, Literal("2026-12", datatype=XSD.gYearMonth)))
    _evidence(g1, MOU, art1, "e-mou", QUOTE_MOU, 120)

    g2.add((COOP, RDF.type, GK.CooperationAgreement))
    g2.add((COOP, DCTERMS.title, Literal("Thỏa thuận hợp tác về hạ tầng số", lang="vi")))
    g2.add((COOP, GK.signingDate, Literal("--07-16", datatype=XSD.gMonthDay)))
    _evidence(g2, COOP, art2, "e-coop", QUOTE_COOP, 0)

    for graph, agreement, parties in ((g1, MOU, (BO_KHCN, UBND_QN)), (g2, COOP, (BO_KHCN, VIETTEL))):
        for body in parties:
            graph.add((agreement, GK.party, body))

    for graph, article, agreement, person, body, key, quote in (
        (g1, art1, MOU, LONG, BO_KHCN, "s1", QUOTE_MOU),
        (g1, art1, MOU, HANG, UBND_QN, "s2", QUOTE_MOU),
        (g2, art2, COOP, VIET, BO_KHCN, "s3", QUOTE_COOP),
        (g2, art2, COOP, DUC, VIETTEL, "s4", QUOTE_COOP),
    ):
        signature = ID[f"signature/{key}"]
        graph.add((agreement, GK.signature, signature))
        graph.add((signature, RDF.type, GK.Signature))
        graph.add((signature, GK.signatory, person))
        graph.add((signature, GK.signedFor, body))
        _evidence(graph, signature, article, f"e-{key}", quote, 0 if graph is g2 else 120)

    for key, person, body, post, quote in (
        ("h1", LONG, BO_KHCN, "Thứ trưởng", QUOTE_LONG_POST),
        ("h2", HANG, UBND_QN, "Phó Chủ tịch", QUOTE_MOU),
    ):
        holding = ID[f"holding/{key}"]
        g1.add((holding, RDF.type, GK.PostHolding))
        g1.add((holding, GK.holder, person))
        g1.add((holding, GK.body, body))
        g1.add((holding, GK.postTitle, Literal(post, lang="vi")))
        _evidence(g1, holding, art1, f"e-{key}", quote, 300)
    return ds
