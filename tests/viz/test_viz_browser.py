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
