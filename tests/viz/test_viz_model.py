"""The view model read from the hand-built fixture: what a reader will see, checked without a browser."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import XSD
from viz_fixture import (
    BO_KHCN,
    COOP,
    HANG,
    LONG,
    MOU,
    QUOTE_COOP,
    QUOTE_LONG_POST,
    QUOTE_MOU,
    UBND_QN,
    VIETTEL,
)

from govkg.viz import build_view_model, format_date
from govkg.viz.model import RELATION_HOLDS_POST, RELATION_PARTY, RELATION_SIGNED, iter_evidence

# rdflib's own Dataset(default_union=True) internals warn on every triples() call; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")


def test_nodes_have_kinds_groups_and_vietnamese_labels(fixture_graph):
    model = build_view_model(fixture_graph)
    by_kind = {}
    for node in model.nodes:
        by_kind.setdefault(node.kind, set()).add(node.label)
    assert by_kind == {
        "agreement": {"Biên bản ghi nhớ hợp tác về chuyển đổi số", "Thỏa thuận hợp tác về hạ tầng số"},
        "body": {"Bộ Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh Quảng Ninh",
                 "Tập đoàn Công nghiệp - Viễn thông Quân đội"},
        "person": {"Phạm Đức Long", "Nguyễn Thị Hằng", "Trần Quốc Việt", "Lê Minh Đức"},
    }
    assert model.node(str(MOU)).group == "MemorandumOfUnderstanding"
    assert model.node(str(COOP)).group == "CooperationAgreement"
    assert model.node(str(UBND_QN)).group == "PeoplesCommittee"
    assert model.node(str(LONG)).group == "Person"


def test_edges_party_signed_and_posts(fixture_graph):
    model = build_view_model(fixture_graph)
    edges = {(e.relation, e.source, e.target): e for e in model.edges}
    assert len(model.edges) == len(edges) == 10  # 4 parties, 4 signatures, 2 posts; no duplicates
    assert (RELATION_PARTY, str(MOU), str(UBND_QN)) in edges
    assert (RELATION_PARTY, str(COOP), str(VIETTEL)) in edges

    signed = edges[(RELATION_SIGNED, str(LONG), str(MOU))]
    assert signed.label == "đã ký / signed"
    assert "thay mặt Bộ Khoa học và Công nghệ" in signed.title
    assert [e.quote for e in signed.evidence] == [QUOTE_MOU]
    assert signed.evidence[0].article_url == "https://example.org/tin/quang-ninh-khcn"

    post = edges[(RELATION_HOLDS_POST, str(HANG), str(UBND_QN))]
    assert post.label == "Phó Chủ tịch"
    assert edges[(RELATION_HOLDS_POST, str(LONG), str(BO_KHCN))].label == "Thứ trưởng"


def test_agreement_details_keep_date_precision(fixture_graph):
    model = build_view_model(fixture_graph)
    mou = dict(model.node(str(MOU)).details)
    coop = dict(model.node(str(COOP)).details)
    assert mou["Ngày ký / Signed"] == "16/7/2024"
    assert mou["Hiệu lực / Valid"] == "2024 – 12/2026"
    assert coop["Ngày ký / Signed"] == "16/7 (năm không rõ / year unknown)"
    assert QUOTE_COOP in model.node(str(COOP)).title
    article = model.node(str(COOP)).evidence[0]
    assert article.article_url == "" and article.article_id == "vnx-2024-002"


def test_provenance_of_a_person_comes_from_the_facts_about_them(fixture_graph):
    model = build_view_model(fixture_graph)
    quotes = {e.quote for e in iter_evidence(model, str(LONG))}
    assert quotes == {QUOTE_MOU, QUOTE_LONG_POST}


def test_format_date():
    assert format_date(Literal("--07-16", datatype=XSD.gMonthDay)) == "16/7 (năm không rõ / year unknown)"
    assert format_date(Literal("2025-03-01", datatype=XSD.date)) == "1/3/2025"
    assert format_date(Literal("2025-03", datatype=XSD.gYearMonth)) == "3/2025"
    assert format_date(Literal("2025", datatype=XSD.gYear)) == "2025"
    assert format_date(None) == ""


def test_any_rdflib_graph_gives_the_same_model(fixture_graph):
    """A plain Graph holding the union reads the same as the Dataset's union view."""
    plain = Graph()
    for s, p, o, _ctx in fixture_graph.quads((None, None, None, None)):
        plain.add((s, p, o))
    assert build_view_model(plain) == build_view_model(fixture_graph)


def test_reference_data_adds_no_islands(fixture_graph):
    from govkg.graph.identity import Minter
    from govkg.graph.reference import reference_graph

    before = {n.id for n in build_view_model(fixture_graph).nodes}
    combined = Graph()
    for triple in fixture_graph.triples((None, None, None)):
        combined.add(triple)
    combined += reference_graph(Minter("https://example.org/govkg/id/"))
    after = {n.id for n in build_view_model(combined).nodes}
    # the fixture's Bộ KH&CN is named by an article and stays; the other ministries and provinces do not come
    assert after == before and str(BO_KHCN) in after
