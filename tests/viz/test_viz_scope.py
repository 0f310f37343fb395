"""Successors, provinces, dates for the filters, focus and the node cap: the view model without a browser."""

from __future__ import annotations

import pytest
from viz_fixture import BO_KHCN, COOP, LONG, MOU, UBND_QN
from viz_reorg import BINH_PHUOC, BO_TTTT, LONG_AN, QN, SOURCE, TAY_NINH, UBND_LA, build_reorganised_graph

from govkg.errors import QueryError
from govkg.viz import ViewEdge, ViewModel, ViewNode, build_view_model, render_graph
from govkg.viz.model import RELATION_ORGAN_OF, RELATION_SUCCEEDED_BY, date_span
from govkg.viz.scope import limit, neighbourhood

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")


@pytest.fixture
def model() -> ViewModel:
    return build_view_model(build_reorganised_graph())


def test_successors_are_drawn_from_drawn_bodies_only(model):
    ids = {n.id for n in model.nodes}
    assert {str(BO_TTTT), str(UBND_LA), str(LONG_AN), str(TAY_NINH), str(QN)} <= ids
    assert str(BINH_PHUOC) not in ids  # merged into Tây Ninh too, but nothing drawn names it
    edges = {(e.relation, e.source, e.target): e for e in model.edges}
    ministry = edges[(RELATION_SUCCEEDED_BY, str(BO_TTTT), str(BO_KHCN))]
    assert ministry.label == "kế thừa bởi / succeeded by"
    assert ministry.span == ("2025-03-01", "2025-03-01")
    assert ("Căn cứ / Source", SOURCE) in ministry.details and SOURCE in ministry.title
    assert ("Dữ liệu / Data", "Dữ liệu tham chiếu govkg") in ministry.details
    assert (RELATION_SUCCEEDED_BY, str(LONG_AN), str(TAY_NINH)) in edges
    assert (RELATION_ORGAN_OF, str(UBND_LA), str(LONG_AN)) in edges
    assert (RELATION_ORGAN_OF, str(UBND_QN), str(QN)) in edges
    assert model.node(str(TAY_NINH)).kind == "province"
    assert ("Kế thừa / Successor of", "Tỉnh Long An (1/7/2025)") in model.node(str(TAY_NINH)).details


def test_every_node_and_edge_has_a_tooltip_and_details(model):
    for item in [*model.nodes, *model.edges]:
        assert item.title.strip() and item.details, item


def test_dates_for_the_filters(model):
    assert model.node(str(MOU)).span == ("2024-07-16", "2024-07-16")
    coop = model.node(str(COOP))
    assert coop.span is None and coop.year_unknown
    signed = next(e for e in model.edges if e.source == str(LONG) and e.target == str(MOU))
    assert signed.span == ("2024-07-16", "2024-07-16")
    assert date_span(None) == (None, False)


def test_date_span_keeps_precision():
    from rdflib import Literal
    from rdflib.namespace import XSD

    assert date_span(Literal("2024", datatype=XSD.gYear)) == (("2024-01-01", "2024-12-31"), False)
    assert date_span(Literal("2024-02", datatype=XSD.gYearMonth)) == (("2024-02-01", "2024-02-29"), False)
    assert date_span(Literal("--07-16", datatype=XSD.gMonthDay)) == (None, True)
    assert date_span(Literal("2024-07-16T10:00:00", datatype=XSD.dateTime))[0] == ("2024-07-16", "2024-07-16")


def test_neighbourhood_by_depth(model):
    one = neighbourhood(model, [str(LONG)], 1)
    assert {n.id for n in one.nodes} == {str(LONG), str(MOU), str(BO_KHCN)}
    assert one.focus == [str(LONG)] and "Phạm Đức Long" in one.notes[0]
    two = neighbourhood(model, [str(LONG)], 2)
    assert len(one.nodes) < len(two.nodes) < len(model.nodes)
    assert str(BO_TTTT) in {n.id for n in two.nodes}  # Bộ KH&CN's predecessor, two hops away
    assert all(e.source in {n.id for n in two.nodes} for e in two.edges)


def test_limit_keeps_agreements_and_says_what_is_left_out():
    nodes = [ViewNode(id="a", label="Thỏa thuận", group="Agreement", kind="agreement")]
    nodes += [ViewNode(id=f"b{i}", label=f"Cơ quan {i}", group="Body", kind="body") for i in range(50)]
    edges = [ViewEdge(id="e0", source="a", target="b0", label="x", relation="party")]
    edges += [
        ViewEdge(id=f"e{i}", source="b1", target=f"b{i}", label="y", relation="holdsPost")
        for i in range(2, 50)
    ]
    cut = limit(ViewModel(nodes=nodes, edges=edges), 3)
    assert [n.id for n in cut.nodes] == ["a", "b0", "b1"]  # the agreement, its party, the hub
    assert "--focus" in cut.notes[0] and "48 cơ quan / bodies" in cut.notes[0]
    assert limit(ViewModel(nodes=nodes, edges=edges), 0) is not None
    assert len(limit(ViewModel(nodes=nodes, edges=edges), 0).nodes) == 51


def test_render_graph_focus_unknown_iri(tmp_path):
    with pytest.raises(QueryError):
        render_graph(build_reorganised_graph(), tmp_path / "g.html", focus=["https://example.org/nothing"])
