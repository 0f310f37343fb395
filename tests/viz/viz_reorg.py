"""The viz fixture plus the 2025 reorganisation: a merged ministry, provinces and change events.

Kept apart from viz_fixture.py so the tests that count the fixture's nodes stay as they are.
Bộ TT&TT (named by an article) was merged into Bộ KH&CN; Tỉnh Long An and Tỉnh Bình Phước into
Tỉnh Tây Ninh. UBND tỉnh Long An is named by an article, so Long An and its successor are drawn;
Bình Phước, named by nothing drawn, is not.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Dataset, Literal
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS, XSD
from viz_fixture import BO_KHCN, GK, ID, UBND_QN, build_fixture_graph

BO_TTTT = ID["body/bo-thong-tin-va-truyen-thong"]
UBND_LA = ID["body/ubnd-tinh-long-an"]
QN = ID["province/quang-ninh"]
LONG_AN = ID["province/long-an"]
TAY_NINH = ID["province/tay-ninh"]
BINH_PHUOC = ID["province/binh-phuoc"]
MERGE_MINISTRY = ID["change/bo-tttt-bo-khcn"]
MERGE_PROVINCE = ID["change/tay-ninh"]
SOURCE = "Nghị quyết số 176/2025/QH15"


def build_reorganised_graph() -> Dataset:
    ds = build_fixture_graph()
    article = ds.graph(ID["graph/baoqn-2024-001"])
    for body, cls, name in (
        (BO_TTTT, GK.Ministry, "Bộ Thông tin và Truyền thông"),
        (UBND_LA, GK.PeoplesCommittee, "Ủy ban nhân dân tỉnh Long An"),
    ):
        article.add((body, RDF.type, cls))
        article.add((body, SKOS.prefLabel, Literal(name, lang="vi")))
        article.add((body, GK.mentionedIn, ID["article/baoqn-2024-001"]))
    reference = ds.graph(ID["graph/reference"])
    reference.add((ID["graph/reference"], RDFS.label, Literal("Dữ liệu tham chiếu govkg", lang="vi")))
    for province, name in (
        (QN, "Tỉnh Quảng Ninh"),
        (LONG_AN, "Tỉnh Long An"),
        (TAY_NINH, "Tỉnh Tây Ninh"),
        (BINH_PHUOC, "Tỉnh Bình Phước"),
    ):
        reference.add((province, RDF.type, GK.Province))
        reference.add((province, SKOS.prefLabel, Literal(name, lang="vi")))
        reference.add((province, PROV.wasDerivedFrom, ID["graph/reference"]))
    article.add((UBND_QN, GK.province, QN))
    article.add((UBND_LA, GK.province, LONG_AN))
    for event, olds, news, date in (
        (MERGE_MINISTRY, (BO_TTTT,), (BO_KHCN,), "2025-03-01"),
        (MERGE_PROVINCE, (LONG_AN, BINH_PHUOC, TAY_NINH), (TAY_NINH,), "2025-07-01"),
    ):
        reference.add((event, RDF.type, GK.ChangeEvent))
        reference.add((event, GK.effectiveDate, Literal(date, datatype=XSD.date)))
        reference.add((event, RDFS.label, Literal(f"hợp nhất ({date})", lang="vi")))
        reference.add((event, DCTERMS.source, Literal(SOURCE, lang="vi")))
        reference.add((event, PROV.wasDerivedFrom, ID["graph/reference"]))
        for old in olds:
            reference.add((event, ORG.originalOrganization, old))
        for new in news:
            reference.add((event, ORG.resultingOrganization, new))
    return ds
