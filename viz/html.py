"""View model → one self-contained, offline HTML file (vis-network via pyvis, no CDN, no Bootstrap).

pyvis holds the network data and options, but its own templates link Bootstrap (and, except with
``cdn_resources="in_line"``, vis-network) from CDNs, and the page must open with no network. So we
render our own template and inline vis-network's JS and CSS from the files pyvis ships.

Layout: small graphs settle with physics, which is then switched off so the page stops burning CPU;
above ``PHYSICS_NODE_LIMIT`` nodes physics would take minutes in a browser (DESIGN.md: 1,000 nodes
71 s), so networkx computes positions here and the browser only draws.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup
from pyvis.network import Network

from govkg.errors import GovkgError

from .model import (
    KIND_LABELS,
    RELATION_HOLDS_POST,
    RELATION_LABELS,
    RELATION_ORGAN_OF,
    RELATION_PARTY,
    RELATION_SIGNED,
    RELATION_SUCCEEDED_BY,
    ViewEdge,
    ViewModel,
    ViewNode,
)

DEFAULT_TITLE = "Đồ thị tri thức govkg / govkg knowledge graph"
PHYSICS_NODE_LIMIT = 300
_SPACING = 80.0  # vis pixels per √node of a component's radius
_LAYOUT_BUDGET = 4e7  # nodes² × iterations per component: ≈ 5 s on the reference machine
VIS_DIR = "lib/vis-9.1.2"

# group → (background, border, vis shape). Bodies are boxes, persons dots, agreements diamonds.
GROUP_STYLES: dict[str, tuple[str, str, str]] = {
    "Person": ("#fdae6b", "#d94801", "dot"),
    "Government": ("#fdd0a2", "#a63603", "box"),
    "Ministry": ("#fcbba1", "#cb181d", "box"),
    "PeoplesCommittee": ("#c6dbef", "#2171b5", "box"),
    "PeoplesCouncil": ("#dadaeb", "#6a51a3", "box"),
    "PartyCommittee": ("#fee391", "#cc4c02", "box"),
    "Department": ("#c7e9c0", "#238b45", "box"),
    "Enterprise": ("#d9d9d9", "#525252", "box"),
    "EducationResearch": ("#fde0ef", "#c51b7d", "box"),
    "ForeignBody": ("#ffffcc", "#8c7e00", "box"),
    "NewsAgency": ("#f6e8c3", "#8c510a", "box"),
    "OtherBody": ("#f0f0f0", "#969696", "box"),
    "Body": ("#f0f0f0", "#636363", "box"),
    "MemorandumOfUnderstanding": ("#74c476", "#006d2c", "diamond"),
    "CooperationAgreement": ("#9e9ac8", "#54278f", "diamond"),
    "CoordinationProgram": ("#6baed6", "#08519c", "diamond"),
    "OtherAgreement": ("#bdbdbd", "#525252", "diamond"),
    "Agreement": ("#bdbdbd", "#525252", "diamond"),
    "Province": ("#e5f5f9", "#2ca25f", "ellipse"),
}
EDGE_STYLES: dict[str, dict[str, Any]] = {
    RELATION_PARTY: {"color": "#8c8c8c", "dashes": True},
    RELATION_SIGNED: {"color": "#2ca02c", "dashes": False},
    RELATION_HOLDS_POST: {"color": "#1f77b4", "dashes": False},
    RELATION_ORGAN_OF: {"color": "#74c476", "dashes": True},
    RELATION_SUCCEEDED_BY: {"color": "#9467bd", "dashes": False},
}
FONT_FACE = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif"


def write_html(model: ViewModel, out_path: str | Path, *, title: str = DEFAULT_TITLE) -> Path:
    """Write ``model`` as one UTF-8 HTML file at ``out_path`` (parents created) and return the path."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(model, title=title), encoding="utf-8", newline="\n")
    return out


def render_html(model: ViewModel, *, title: str = DEFAULT_TITLE) -> str:
    """The page as a string; ``write_html`` is this plus a file."""
    physics = len(model.nodes) <= PHYSICS_NODE_LIMIT
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    positions = {} if physics else _positions(model)
    # Appending to net.nodes / net.edges directly: add_node/add_edge are O(n) per call.
    net.nodes.extend(_vis_node(node, positions.get(node.id)) for node in model.nodes)
    net.edges.extend(_vis_edge(edge) for edge in model.edges)
    net.options = _options(physics=physics)  # pyvis passes a dict through as is
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    present = {n.group for n in model.nodes}
    relations = {e.relation for e in model.edges}
    legend = [
        {"group": g, "label": KIND_LABELS.get(g, g), "background": bg, "border": border, "shape": shape}
        for g, (bg, border, shape) in GROUP_STYLES.items() if g in present
    ]
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options_json),
        "physics": physics,
        "legend": legend,
        "relations": [
            {"relation": r, "label": RELATION_LABELS[r], **EDGE_STYLES[r]}
            for r in EDGE_STYLES if r in relations
        ],
        "notes": model.notes,
        "focus": model.focus,
    }
    template = template_environment().get_template("graph.html")
    return template.render(
        title=title,
        vis_css=Markup(_vis_asset("vis-network.css")),
        vis_js=Markup(_vis_asset("vis-network.min.js")),
        data_json=Markup(_script_json(data)),
        node_count=len(model.nodes),
        edge_count=len(model.edges),
        notes=model.notes,
    )


def _vis_node(node: ViewNode, position: tuple[float, float] | None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": node.id, "label": node.label, "group": node.group, "title": node.title, "kind": node.kind,
        "details": node.details, "evidence": [dataclasses.asdict(e) for e in node.evidence],
        "span": list(node.span) if node.span else None, "yearUnknown": node.year_unknown,
    }
    if position is not None:
        item["x"], item["y"] = position
    return item


def _vis_edge(edge: ViewEdge) -> dict[str, Any]:
    style = EDGE_STYLES.get(edge.relation, {})
    return {
        "id": edge.id, "from": edge.source, "to": edge.target, "label": edge.label, "title": edge.title,
        "relation": edge.relation, "details": edge.details,
        "evidence": [dataclasses.asdict(e) for e in edge.evidence],
        "span": list(edge.span) if edge.span else None, "yearUnknown": edge.year_unknown,
        "color": {"color": style.get("color", "#999999"), "highlight": "#d62728", "hover": "#d62728"},
        "dashes": style.get("dashes", False),
    }


def _options(*, physics: bool) -> dict[str, Any]:
    """vis-network options; without physics the graph is large, so drop costly niceties (curves, hover)."""
    large = not physics
    groups = {
        group: {
            "shape": shape,
            "color": {"background": bg, "border": border,
                      "highlight": {"background": bg, "border": "#d62728"},
                      "hover": {"background": bg, "border": "#d62728"}},
            **({"size": 12} if shape == "dot" else {}),
            **({"size": 16} if shape == "diamond" else {}),
            **({"margin": 8, "widthConstraint": {"maximum": 220}} if shape == "box" else {}),
        }
        for group, (bg, border, shape) in GROUP_STYLES.items()
    }
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "nodes": {"font": {"size": 14, "face": FONT_FACE}, "borderWidth": 1.5,
                  "widthConstraint": {"maximum": 220}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {"size": 11, "face": FONT_FACE, "align": "middle", "strokeWidth": 0, "color": "#333333",
                     "background": "rgba(255,255,255,0.85)"},  # hides the line between words
            "smooth": False if large else {"enabled": True, "type": "dynamic"},
            "width": 1.3,
            "selectionWidth": 1.5,
        },
        "groups": groups,
        "interaction": {"hover": not large, "tooltipDelay": 150, "hideEdgesOnDrag": large},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 170, "springConstant": 0.03,
                          "damping": 0.3, "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 400, "updateInterval": 25, "fit": True},
        },
    }


def _positions(model: ViewModel) -> dict[str, tuple[float, float]]:
    """Positions for graphs too large to settle in the browser, in vis pixels.

    networkx's spring layout is quadratic per iteration (measured here: 1,000 nodes ≈ 6 s, 5,000 ≈ 70 s
    at 50 iterations), so each connected component is laid out on its own (news graphs are many
    small agreement clusters around a core) with iterations capped for large ones, then the
    components are packed in rows, largest first.
    """
    import networkx as nx  # only large graphs pay for the import

    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in model.nodes)
    graph.add_edges_from((e.source, e.target) for e in model.edges)
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    row_width = 2 * _SPACING * math.sqrt(len(model.nodes)) * 1.3
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for component in components:
        size = len(component)
        radius = _SPACING * math.sqrt(size) if size > 1 else _SPACING / 2
        if size == 1:
            layout = {next(iter(component)): (0.0, 0.0)}
        else:
            iterations = max(10, min(50, int(_LAYOUT_BUDGET / size**2)))
            layout = nx.spring_layout(graph.subgraph(component), seed=7, iterations=iterations)
        if x > 0 and x + 2 * radius > row_width:  # next row
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        for node, (px, py) in layout.items():
            positions[node] = (round(cx + float(px) * radius, 1), round(cy + float(py) * radius, 1))
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return positions


def _vis_asset(name: str) -> str:
    """vis-network's file as shipped in the pyvis wheel; a clear error if pyvis moved it."""
    path = resources.files("pyvis").joinpath(VIS_DIR, name)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise GovkgError(
            f"vis-network asset not found in the installed pyvis package: {VIS_DIR}/{name}",
            hint="install pyvis 0.3.2 (pip install 'pyvis==0.3.2'), whose wheel ships vis-network 9.1.2",
        ) from exc
    return re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)  # cannot close our tag


def _script_json(data: Any) -> str:
    """JSON safe inside <script type="application/json">; Vietnamese stays as text, not \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def template_environment() -> Environment:
    """The pages' Jinja templates (``viz/templates``), which share partials such as ``_fold.js.html``."""
    return Environment(loader=PackageLoader("govkg.viz", "templates"), autoescape=True,
                       keep_trailing_newline=True)
