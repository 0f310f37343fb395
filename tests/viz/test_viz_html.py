"""The written page: one UTF-8 file, no external resources, Vietnamese text intact."""

from __future__ import annotations

import json
import re

import pytest
from viz_fixture import QUOTE_MOU

from govkg.viz import ViewEdge, ViewModel, ViewNode, render_graph
from govkg.viz.html import PHYSICS_NODE_LIMIT, render_html

# rdflib's own Dataset(default_union=True) internals warn on every triples() call; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")

EXTERNAL = [
    re.compile(r"<script[^>]*\ssrc\s*=", re.IGNORECASE),
    re.compile(r"<link[^>]*\shref\s*=\s*[\"']?(https?:)?//", re.IGNORECASE),
    re.compile(r"<(img|iframe|source|embed)[^>]*\ssrc\s*=\s*[\"']?(https?:)?//", re.IGNORECASE),
    re.compile(r"@import", re.IGNORECASE),
    re.compile(r"url\(\s*[\"']?\s*(https?:)?//", re.IGNORECASE),
]


@pytest.fixture
def page_text(fixture_graph, tmp_path):
    out = tmp_path / "graph.html"
    render_graph(fixture_graph, out, title="Đồ thị thử nghiệm")
    raw = out.read_bytes()
    return raw.decode("utf-8")  # raises if the file is not UTF-8


def test_page_loads_nothing_from_outside(page_text):
    for pattern in EXTERNAL:
        assert not pattern.search(page_text), f"external resource: {pattern.pattern}"
    assert "bootstrap" not in page_text.lower()


def test_page_is_utf8_with_vietnamese_intact(page_text):
    assert page_text.lstrip().lower().startswith("<!doctype html>")
    head = page_text[: page_text.index("<style>")]
    assert '<meta charset="utf-8">' in head
    for text in ("Phạm Đức Long", "Ủy ban nhân dân tỉnh Quảng Ninh", "Đồ thị thử nghiệm", QUOTE_MOU,
                 "16/7 (năm không rõ / year unknown)", "đã ký / signed"):
        assert text in page_text


def test_page_inlines_vis_network(page_text):
    assert "vis-network" in page_text and "new vis.Network(" in page_text
    assert len(page_text) > 400_000  # the library itself, not a link to it


def _data(page_text: str) -> dict:
    match = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', page_text, re.DOTALL)
    assert match
    return json.loads(match.group(1))


def test_small_graph_settles_with_physics_then_stops(page_text):
    data = _data(page_text)
    assert data["physics"] is True
    assert data["options"]["physics"]["stabilization"]["iterations"] > 0
    assert 'setOptions({physics: false})' in page_text
    assert len(data["nodes"]) == 9 and len(data["edges"]) == 10


def test_large_graph_is_laid_out_in_python():
    count = PHYSICS_NODE_LIMIT + 20
    nodes = [ViewNode(id=f"n{i}", label=f"Cơ quan {i}", group="Body", kind="body") for i in range(count)]
    edges = [ViewEdge(id=f"e{i}", source=f"n{i}", target=f"n{(i * 7 + 1) % count}", label="x",
                      relation="party") for i in range(count)]
    data = _data(render_html(ViewModel(nodes=nodes, edges=edges)))
    assert data["physics"] is False
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_script_breakout_is_escaped(tmp_path):
    node = ViewNode(id="n1", label="</script><script>alert(1)</script>", group="Person", kind="person")
    text = render_html(ViewModel(nodes=[node], edges=[]), title="<b>x</b>")
    assert "</script><script>alert(1)" not in text
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in text
    assert _data(text)["nodes"][0]["label"] == node.label
