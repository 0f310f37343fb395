"""Graph page load time: synthetic govkg graphs rendered by ``govkg.viz``, opened in headless Chromium.

Run ``python -m benchmarks.viz`` (or ``make bench-viz``) from the repository root. For each size a
synthetic graph shaped like ours (persons holding posts in bodies, bodies organs of provinces,
agreements with parties and signatories, change events between provinces, a sentence and an article
behind every fact) is built as RDF, turned into the page by ``render_graph`` (no node cap, so the
page draws every node) and loaded from a file with the network cut off. "Ready" is the page's own
``window.govkg.ready``: physics settled and stopped (small graphs) or the first full drawing (large
graphs, laid out in Python). A last run renders a graph larger than the default cap to show what
the cap costs. Results go to ``benchmarks/results/viz.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, XSD

from benchmarks.common import ROOT, git_commit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
GK = Namespace("https://w3id.org/govkg/ontology#")
ID = Namespace("https://example.org/govkg/id/")
GOAL_S = 10.0
BODY_TYPES = (
    ("PeoplesCommittee", 0.30),
    ("Department", 0.30),
    ("Ministry", 0.05),
    ("Enterprise", 0.15),
    ("EducationResearch", 0.08),
    ("PartyCommittee", 0.05),
    ("OtherBody", 0.07),
)
AGREEMENT_TYPES = ("MemorandumOfUnderstanding", "CooperationAgreement", "CoordinationProgram")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc")
GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hằng",
    "Hòa",
    "Hùng",
    "Lan",
    "Long",
    "Nam",
    "Tâm",
    "Việt",
)
POSTS = ("Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Bộ trưởng", "Thứ trưởng", "Tổng Giám đốc")


def synthetic_graph(nodes: int, seed: int = 7) -> Graph:
    """About ``nodes`` drawn nodes: 35 % persons, 58 % bodies, 5 % agreements, up to 97 provinces.

    Post holdings attach to bodies by preferential choice, so a few bodies are hubs, as in the news.
    """
    rng = random.Random(seed)
    g = Graph()
    n_provinces = min(97, max(5, nodes // 50))
    n_agreements = max(1, nodes * 5 // 100)
    n_persons = nodes * 35 // 100
    n_bodies = nodes - n_persons - n_agreements - n_provinces
    provinces = [ID[f"province/p{i}"] for i in range(n_provinces)]
    for i, province in enumerate(provinces):
        g.add((province, RDF.type, GK.Province))
        g.add((province, SKOS.prefLabel, Literal(f"Tỉnh Số {i}", lang="vi")))
    for i in range(0, n_provinces - 2, 3):  # one in three merged into the next
        event = ID[f"change/c{i}"]
        g.add((event, RDF.type, GK.ChangeEvent))
        g.add((event, GK.effectiveDate, Literal("2025-07-01", datatype=XSD.date)))
        g.add((event, ORG.originalOrganization, provinces[i]))
        g.add((event, ORG.resultingOrganization, provinces[i + 1]))
        g.add((event, DCTERMS.source, Literal("Nghị quyết số 202/2025/QH15", lang="vi")))
    articles = [ID[f"article/a{i}"] for i in range(max(10, nodes // 4))]
    for i, article in enumerate(articles):
        g.add((article, DCTERMS.title, Literal(f"Tin số {i}: hợp tác chuyển đổi số", lang="vi")))
        g.add((article, GK.articleId, Literal(f"a{i}")))
        g.add((article, SDO.url, Literal(f"https://example.org/tin/{i}", datatype=XSD.anyURI)))
        g.add(
            (article, SDO.datePublished, Literal(f"20{18 + i % 8}-0{1 + i % 9}-1{i % 10}", datatype=XSD.date))
        )
    evidence_count = 0

    def cite(fact: URIRef, text: str) -> URIRef:
        nonlocal evidence_count
        evidence_count += 1
        article = rng.choice(articles)
        node = ID[f"evidence/e{evidence_count}"]
        g.add((fact, GK.mentionedIn, article))
        g.add((fact, GK.evidence, node))
        g.add((node, GK.quote, Literal(text)))
        g.add((node, GK.startOffset, Literal(0)))
        g.add((node, GK.endOffset, Literal(len(text))))
        g.add((node, PROV.entity, article))
        return article

    kinds, weights = zip(*BODY_TYPES, strict=True)
    bodies = [ID[f"body/b{i}"] for i in range(n_bodies)]
    body_names = {}
    for i, body in enumerate(bodies):
        kind = rng.choices(kinds, weights)[0]
        name = f"Cơ quan {kind} số {i}"
        body_names[body] = name
        g.add((body, RDF.type, GK[kind]))
        g.add((body, SKOS.prefLabel, Literal(name, lang="vi")))
        if kind in ("PeoplesCommittee", "Department", "PartyCommittee") or rng.random() < 0.2:
            g.add((body, GK.province, rng.choice(provinces)))
        cite(body, f"{name} tổ chức hội nghị.")
    popularity = [1.0] * n_bodies
    persons = [ID[f"person/q{i}"] for i in range(n_persons)]
    for i, person in enumerate(persons):
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {i}"
        g.add((person, RDF.type, GK.Person))
        g.add((person, FOAF.name, Literal(name)))
        for j in range(rng.choice((1, 1, 1, 2))):
            index = rng.choices(range(n_bodies), popularity)[0]
            popularity[index] += 1.0
            body, post = bodies[index], rng.choice(POSTS)
            holding = ID[f"holding/h{i}-{j}"]
            g.add((holding, RDF.type, GK.PostHolding))
            g.add((holding, GK.holder, person))
            g.add((holding, GK.body, body))
            g.add((holding, GK.postTitle, Literal(post)))
            g.add(
                (holding, GK.attestedOn, Literal(f"20{18 + rng.randrange(8)}-05-0{1 + j}", datatype=XSD.date))
            )
            cite(holding, f"{post} {body_names[body]} {name} phát biểu.")
    for i in range(n_agreements):
        agreement = ID[f"agreement/t{i}"]
        title = f"Thỏa thuận hợp tác số {i}"
        g.add((agreement, RDF.type, GK[rng.choice(AGREEMENT_TYPES)]))
        g.add((agreement, DCTERMS.title, Literal(title, lang="vi")))
        when = rng.choice(("2024-07-16", "2023-05", "2022", "--09-01", None))
        if when:
            datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(when), XSD.gMonthDay)
            g.add((agreement, GK.signingDate, Literal(when, datatype=datatype)))
        cite(agreement, f"Hai bên ký {title}.")
        parties = rng.sample(bodies, 2 + (rng.random() < 0.2))
        for party in parties:
            g.add((agreement, GK.party, party))
        for k, party in enumerate(parties[: rng.choice((1, 2))]):
            signature = ID[f"signature/t{i}-{k}"]
            g.add((agreement, GK.signature, signature))
            g.add((signature, GK.signatory, rng.choice(persons)))
            g.add((signature, GK.signedFor, party))
            cite(signature, f"Đại diện {body_names[party]} ký {title}.")
    g.add((ID["graph/reference"], RDFS.label, Literal("Dữ liệu tham chiếu", lang="vi")))
    return g


def _render(size: int, out: Path, max_nodes: int) -> dict:
    from govkg.viz import build_view_model
    from govkg.viz.html import PHYSICS_NODE_LIMIT, write_html
    from govkg.viz.scope import limit

    started = time.perf_counter()
    graph = synthetic_graph(size)
    built = time.perf_counter()
    full = build_view_model(graph)
    modelled = time.perf_counter()
    model = limit(full, max_nodes)
    write_html(model, out)
    written = time.perf_counter()
    return {
        "target_nodes": size,
        "graph_triples": len(graph),
        "model_nodes": len(full.nodes),
        "model_edges": len(full.edges),
        "drawn_nodes": len(model.nodes),
        "drawn_edges": len(model.edges),
        "physics": len(model.nodes) <= PHYSICS_NODE_LIMIT,
        "rdf_build_s": round(built - started, 2),
        "view_model_s": round(modelled - built, 2),
        "layout_and_html_s": round(written - modelled, 2),
        "html_mb": round(out.stat().st_size / 1e6, 2),
    }


# One full redraw of the whole graph, as panning or zooming costs per frame (vis-network's synchronous
# internal redraw; median of 5).
_FRAME_MS = """() => {
    const net = window.govkg.network, times = [];
    net.fit({animation: false});
    for (let i = 0; i < 5; i++) {
        const t = performance.now(); net.renderer._redraw(); times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[2];
}"""


def _load(browser, path: Path, runs: int) -> dict:
    """Median over ``runs`` fresh pages: wall time from navigation to ``window.govkg.ready``."""
    walls, in_page, frames, problems = [], [], [], []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1400, "height": 900})

        def gate(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                problems.append(route.request.url)
                route.abort()

        page.route("**/*", gate)
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        started = time.perf_counter()
        page.goto(path.as_uri(), timeout=120_000)
        page.wait_for_function("window.govkg && window.govkg.ready === true", timeout=120_000, polling=50)
        walls.append(time.perf_counter() - started)
        in_page.append(page.evaluate("window.govkg.readyAt") / 1000)
        drawn = page.evaluate("window.govkg.network.body.data.nodes.length")
        physics = page.evaluate("window.govkg.network.physics.options.enabled")
        page.evaluate(
            "() => { window.__draws = 0; window.govkg.network.on('afterDrawing', () => window.__draws++); }"
        )
        page.wait_for_timeout(500)
        idle = page.evaluate("window.__draws") == 0
        frames.append(page.evaluate(_FRAME_MS))
        page.close()
    return {
        "ready_wall_s": round(statistics.median(walls), 2),
        "ready_in_page_s": round(statistics.median(in_page), 2),
        "ready_wall_runs_s": [round(w, 2) for w in walls],
        "frame_ms": round(statistics.median(frames), 1),
        "drawn_in_browser": drawn,
        "physics_after_ready": physics,
        "idle_after_ready": idle,
        "failed_requests": problems,
    }


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def _markdown(result: dict) -> str:
    lines = [
        "# Graph page load time",
        "",
        f"{result['date']} · Python {result['python']} · {result['cpu_count']} CPUs · {result['platform']}",
        "",
        f"govkg {result['govkg_version']} (commit {result['git_commit']}) · pyvis {result['pyvis_version']} "
        f"(vis-network 9.1.2) · {result['chromium']} headless · Playwright {result['playwright_version']}",
        "",
        "| graph (target nodes) | drawn nodes | drawn edges | layout | view model s | layout + HTML s "
        "| HTML MB | ready s (wall) | ready s (in page) | frame ms | idle after |",
        "| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in result["runs"]:
        cap = (
            f" (cap {r['max_nodes']:,} of {r['model_nodes']:,})"
            if r["drawn_nodes"] < r["model_nodes"]
            else ""
        )
        layout = "physics, then stopped" if r["physics"] else "networkx, no physics"
        lines.append(
            f"| {r['target_nodes']:,}{cap} | {r['drawn_nodes']:,} | {r['drawn_edges']:,} | {layout} "
            f"| {r['view_model_s']:.1f} | {r['layout_and_html_s']:.1f} | {r['html_mb']:.1f} "
            f"| {r['ready_wall_s']:.2f} | {r['ready_in_page_s']:.2f} | {r['frame_ms']:.0f} "
            f"| {'yes' if r['idle_after_ready'] else 'no'} |"
        )
    headline = next((r for r in result["runs"] if r["target_nodes"] == 5000 and r["max_nodes"] == 0), None)
    if headline:
        verdict = "within" if headline["ready_wall_s"] <= GOAL_S else "over"
        lines += [
            "",
            f"**5,000-node graph: ready in {headline['ready_wall_s']:.2f} s** in headless Chromium "
            f"({verdict} the {GOAL_S:.0f} s goal).",
        ]
    lines += [
        "",
        "Method: a synthetic graph shaped like ours (35 % persons holding one or two posts in bodies chosen "
        "preferentially, so a few bodies are hubs; 58 % bodies, most organs of a province; 5 % agreements "
        "with two or three parties and one or two signatories, dates of every precision including none and "
        "no year; provinces with change events; a sentence and an article behind every fact) is built as "
        "RDF in memory and rendered by `govkg.viz` (view model, then `govkg.viz.scope.limit` with the cap "
        "shown, then networkx layout and HTML). The page is opened from a file in headless Chromium "
        "(Playwright) with every non-file request aborted. *ready* is the page's `window.govkg.ready`: "
        "physics settled and switched off (up to 300 nodes) or the first complete drawing (larger graphs, "
        "laid out in Python); *wall* is from `page.goto` until then, *in page* is `performance.now()` at "
        "ready; medians of the runs listed in the JSON. *frame ms*: one full redraw of the whole graph "
        "fitted to the window (what each frame of panning or zooming costs; median of 5). "
        "*idle after*: no redraw in the 0.5 s after ready "
        "(physics stopped, nothing burning CPU). *drawn* = nodes the browser holds, checked equal to the "
        "view model's.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from govkg.viz.scope import DEFAULT_MAX_NODES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="250,1000,2000,5000,10000", help="target node counts drawn whole (comma-separated)"
    )
    parser.add_argument(
        "--capped", type=int, default=20000, help="a graph this large drawn with the default cap"
    )
    parser.add_argument("--runs", type=int, default=3, help="page loads per size (median reported)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results"), help="results folder")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    plan = [(int(s), 0) for s in args.sizes.split(",") if s.strip()]
    if args.capped:
        plan.append((args.capped, DEFAULT_MAX_NODES))
    runs = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        chromium = f"Chromium {browser.version}"
        for size, max_nodes in plan:
            out = Path(tmp) / f"graph-{size}.html"
            rendered = _render(size, out, max_nodes)
            loaded = _load(browser, out, args.runs)
            run = {**rendered, "max_nodes": max_nodes, **loaded}
            assert run["drawn_in_browser"] == run["drawn_nodes"], run
            runs.append(run)
            print(
                f"[viz] {size:,} nodes (drawn {run['drawn_nodes']:,}): model {run['view_model_s']} s, "
                f"layout+html {run['layout_and_html_s']} s, ready {run['ready_wall_s']} s",
                file=sys.stderr,
                flush=True,
            )
        browser.close()
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "cpu_count": os.cpu_count(),
        "git_commit": git_commit(),
        "govkg_version": _version("govkg"),
        "pyvis_version": _version("pyvis"),
        "playwright_version": _version("playwright"),
        "chromium": chromium,
        "goal_s": GOAL_S,
        "default_max_nodes": DEFAULT_MAX_NODES,
        "runs": runs,
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "viz.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    (out / "viz.md").write_text(_markdown(result), "utf-8")
    print(_markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
