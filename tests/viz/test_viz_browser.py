"""The page in real headless Chromium with the network cut off: it draws, searches and shows provenance.

Every request that is not file:// is aborted and recorded, so a CDN link anywhere fails the test
instead of silently loading.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from viz_fixture import LONG, QUOTE_MOU

from govkg.viz import render_graph

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium)"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright python package")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_graph_page_offline(browser, fixture_graph, tmp_path):
    out = tmp_path / "graph.html"
    model = render_graph(fixture_graph, out, title="Đồ thị thử nghiệm")

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    blocked: list[str] = []
    failed: list[str] = []
    errors: list[str] = []

    def gate(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", gate)
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    started = time.perf_counter()
    page.goto(out.as_uri())
    page.wait_for_function("window.govkg && window.govkg.ready === true", timeout=20_000)
    load_seconds = time.perf_counter() - started
    print(f"\nviz fixture page ready in {load_seconds:.2f} s "
          f"(in-page {page.evaluate('window.govkg.readyAt'):.0f} ms after navigation start)")

    assert blocked == [] and failed == [] and errors == []
    drawn = page.evaluate("window.govkg.network.body.data.nodes.length")
    assert drawn == page.evaluate("window.govkg.nodes.length") == len(model.nodes)
    assert page.evaluate("window.govkg.edges.length") == len(model.edges)
    assert page.evaluate("window.govkg.network.physics.options.enabled") is False  # settled, then stopped

    # Search without diacritics finds the person written with them.
    found = page.evaluate("window.govkg.search('Pham Duc Long')")
    assert found[0] == str(LONG)
    assert page.evaluate("window.govkg.network.getSelectedNodes()") == [str(LONG)]

    # A real click on the drawn node selects it and opens the side panel with the sentence.
    page.evaluate("window.govkg.clear()")
    assert page.locator("#panel").is_hidden()
    x, y = page.evaluate(
        """id => {
            const net = window.govkg.network;
            const p = net.canvasToDOM(net.getPosition(id));
            const r = document.querySelector('#network canvas').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        str(LONG),
    )
    page.mouse.click(x, y)
    assert page.evaluate("window.govkg.network.getSelectedNodes()") == [str(LONG)]
    panel = page.locator("#panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "Phạm Đức Long" in text and QUOTE_MOU in text
    link = panel.locator("a[href='https://example.org/tin/quang-ninh-khcn']").first
    assert link.inner_text() == "Quảng Ninh và Bộ KH&CN ký kết hợp tác chuyển đổi số"

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "viz-graph.png"))
    assert blocked == [] and failed == [] and errors == []
    page.close()


# -- filters, focus, sampling, edges: the reorganised fixture (tests/viz/viz_reorg.py) ----------------


def _open_offline(browser, path: Path):
    """The page at ``path`` with every non-file request aborted; returns (page, problems) once ready."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []

    def gate(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            problems.append(f"blocked {route.request.url}")
            route.abort()

    page.route("**/*", gate)
    page.on("requestfailed", lambda request: problems.append(f"failed {request.url}"))
    page.on("pageerror", lambda exc: problems.append(f"error {exc}"))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_function("window.govkg && window.govkg.ready === true", timeout=30_000)
    return page, problems


def _drawn(page) -> int:
    return page.evaluate("window.govkg.network.body.data.nodes.length")


def _visible_on_canvas(page) -> int:
    """Nodes the network itself holds as visible (its internal body.nodeIndices)."""
    return page.evaluate("window.govkg.network.body.nodeIndices.length")


def test_filters_hide_and_show_nodes(browser, tmp_path):
    from viz_reorg import BO_TTTT, TAY_NINH, build_reorganised_graph

    out = tmp_path / "graph.html"
    model = render_graph(build_reorganised_graph(), out)
    page, problems = _open_offline(browser, out)
    total = len(model.nodes)
    persons = sum(1 for n in model.nodes if n.kind == "person")
    assert _drawn(page) == _visible_on_canvas(page) == total
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "viz-graph-reorganised.png"))

    person_box = page.locator("input.filter-group[value='Person']")
    person_box.uncheck()
    assert _drawn(page) == _visible_on_canvas(page) == total - persons
    assert page.evaluate("window.govkg.search('Pham Duc Long')") == []  # hidden nodes are not found
    person_box.check()
    assert _drawn(page) == total

    page.locator("input.filter-relation[value='succeededBy']").uncheck()  # Bộ TT&TT and Tây Ninh only had it
    assert _drawn(page) == total - 2
    assert page.evaluate(f"window.govkg.nodesView.get('{TAY_NINH}')") is None
    page.locator("input.filter-relation[value='succeededBy']").check()

    # A year-only range: what may fall in 2024 stays; the 2025 successions and what only they linked go.
    page.fill("#date-from", "2024")
    page.fill("#date-to", "2024")
    page.locator("#date-to").dispatch_event("change")
    shown = page.evaluate("window.govkg.shown")
    assert page.evaluate(f"window.govkg.nodesView.get('{BO_TTTT}')") is None
    assert page.evaluate("window.govkg.search('Pham Duc Long')") != []  # signed in July 2024
    assert shown["nodes"] == _drawn(page) == total - 2
    assert "Đang hiện" in page.locator("#counts").inner_text()

    # Dates without a year: kept by default, hidden by the checkbox (with the signatories only they linked).
    coop_shown = "window.govkg.search('ha tang so').length"
    assert page.evaluate(coop_shown) == 1
    page.locator("#no-year").uncheck()
    assert page.evaluate(coop_shown) == 0
    assert _drawn(page) < total - 2

    page.click("#filters-reset")
    assert _drawn(page) == _visible_on_canvas(page) == total
    assert problems == []
    page.close()


def test_edge_click_shows_its_facts_and_source(browser, tmp_path):
    from viz_reorg import BO_TTTT, SOURCE, build_reorganised_graph

    from govkg.viz.model import RELATION_SUCCEEDED_BY

    out = tmp_path / "graph.html"
    model = render_graph(build_reorganised_graph(), out)
    edge = next(e for e in model.edges if e.relation == RELATION_SUCCEEDED_BY and e.source == str(BO_TTTT))
    page, problems = _open_offline(browser, out)
    zoom_to = "id => window.govkg.network.moveTo({scale: 1.5, position: govkg.network.getPosition(id)})"
    page.evaluate(zoom_to, edge.source)
    x, y = page.evaluate(
        """([a, b]) => {
            const net = window.govkg.network;
            const pa = net.getPosition(a), pb = net.getPosition(b);
            const p = net.canvasToDOM({x: (2 * pa.x + pb.x) / 3, y: (2 * pa.y + pb.y) / 3});
            const r = document.querySelector('#network canvas').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        [edge.source, edge.target],
    )
    page.mouse.click(x, y)
    assert page.evaluate("window.govkg.network.getSelectedEdges()") == [edge.id]
    text = page.locator("#panel").inner_text()
    assert "kế thừa bởi / succeeded by" in text and SOURCE in text and "1/3/2025" in text
    assert problems == []
    page.close()


def test_focus_depth_limits_the_drawn_nodes(browser, tmp_path):
    from viz_reorg import build_reorganised_graph

    graph = build_reorganised_graph()
    counts = []
    for depth in (1, 2):
        out = tmp_path / f"focus-{depth}.html"
        model = render_graph(graph, out, focus=[str(LONG)], depth=depth)
        page, problems = _open_offline(browser, out)
        assert _drawn(page) == len(model.nodes)
        assert f"{depth}-hop neighbourhood of Phạm Đức Long" in page.locator("#notes").inner_text()
        assert problems == []
        counts.append(len(model.nodes))
        page.close()
    assert counts[0] == 3 and counts[0] < counts[1] < len(render_graph(graph, tmp_path / "all.html").nodes)


def test_large_graph_draws_a_sample_with_a_note(browser, tmp_path):
    from govkg.viz import ViewEdge, ViewModel, ViewNode
    from govkg.viz.html import write_html
    from govkg.viz.scope import limit

    nodes = [ViewNode(id=f"n{i}", label=f"Cơ quan {i}", group="Body", kind="body", title=f"Cơ quan {i}")
             for i in range(400)]
    edges = [ViewEdge(id=f"e{i}", source=f"n{i % 40}", target=f"n{i}", label="x", relation="holdsPost",
                      title="x") for i in range(40, 400)]
    model = limit(ViewModel(nodes=nodes, edges=edges), 100)
    out = write_html(model, tmp_path / "large.html")
    page, problems = _open_offline(browser, out)
    assert _drawn(page) == 100
    note = page.locator("#notes").inner_text()
    assert "drawing 100 of 400 nodes" in note and "--focus" in note and "300 cơ quan / bodies" in note
    # physics is off for large pages and the page goes idle: no redraws once ready
    count_draws = "() => { window.__draws = 0; govkg.network.on('afterDrawing', () => window.__draws++); }"
    page.evaluate(count_draws)
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__draws") == 0
    assert problems == []
    page.close()
