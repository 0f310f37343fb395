"""What part of the graph a page draws: a focus neighbourhood, and a cap that keeps browsers responsive.

A browser draws a few thousand nodes without physics in a few seconds (benchmarks/results/viz.md),
but the graph of the benchmark corpus holds tens of thousands of bodies and persons. Rather than a
page that freezes, ``limit`` keeps the agreements first (the point of the graph), then the nodes
next to them, then the most connected of the rest, with the edges among what is kept; the view
model's ``notes`` say in words what was left out and how to see it (``--focus``). ``neighbourhood``
keeps the nodes within N hops of some start nodes, for ``govkg viz --focus NAME --depth N``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .model import ViewModel

DEFAULT_DEPTH = 2
# Chosen by measurement (benchmarks/results/viz.md, 2 cores, headless Chromium): pages of 2,000 to
# 10,000 nodes are all ready within 0.7–2 s, but one redraw (each frame of panning or zooming) costs
# ~20 ms at 2,000 nodes, ~140 ms at 5,000 and ~330 ms at 10,000, and laying out costs ~2 s, 8 s and
# 30 s in Python: 2,000 stays smooth to explore.
DEFAULT_MAX_NODES = 2000

_KIND_NAMES = {
    "agreement": "thỏa thuận / agreements",
    "body": "cơ quan / bodies",
    "person": "người / persons",
    "province": "tỉnh / provinces",
}


def _adjacency(model: ViewModel) -> dict[str, set[str]]:
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in model.edges:
        if edge.source != edge.target:
            neighbours[edge.source].add(edge.target)
            neighbours[edge.target].add(edge.source)
    return neighbours


def _hops(neighbours: dict[str, set[str]], starts: Iterable[str], depth: int | None = None) -> dict[str, int]:
    """Breadth-first: node → hops from the nearest start, up to ``depth`` (None: all reachable)."""
    distance = dict.fromkeys(starts, 0)
    frontier, hop = list(distance), 0
    while frontier and (depth is None or hop < depth):
        hop += 1
        following = []
        for node in frontier:
            for other in sorted(neighbours.get(node, ())):
                if other not in distance:
                    distance[other] = hop
                    following.append(other)
        frontier = following
    return distance


def _restrict(model: ViewModel, keep: set[str]) -> ViewModel:
    nodes = [n for n in model.nodes if n.id in keep]
    edges = [e for e in model.edges if e.source in keep and e.target in keep]
    return ViewModel(nodes=nodes, edges=edges, notes=list(model.notes), focus=list(model.focus))


def _counted(nodes: Iterable[str], kinds: dict[str, str]) -> str:
    counts = Counter(kinds[n] for n in nodes)
    return ", ".join(f"{counts[k]:,} {_KIND_NAMES.get(k, k)}" for k in _KIND_NAMES if counts[k])


def neighbourhood(model: ViewModel, seeds: Iterable[str], depth: int = DEFAULT_DEPTH) -> ViewModel:
    """The nodes at most ``depth`` hops (edges, either direction) from ``seeds``, and the edges among them."""
    neighbours = _adjacency(model)
    present = {n.id for n in model.nodes}
    starts = [s for s in dict.fromkeys(seeds) if s in present]
    distance = _hops(neighbours, starts, depth)
    view = _restrict(model, set(distance))
    view.focus = starts
    labels = {n.id: n.label for n in model.nodes}
    names = "; ".join(labels[s] for s in starts) or "—"
    view.notes.append(
        f"Chỉ hiện vùng lân cận {depth} bước quanh: {names} "
        f"({len(view.nodes):,} / {len(model.nodes):,} nút). "
        f"Showing only the {depth}-hop neighbourhood of {names}: {len(view.nodes):,} of "
        f"{len(model.nodes):,} nodes, {len(view.edges):,} of {len(model.edges):,} edges."
    )
    return view


def limit(model: ViewModel, max_nodes: int = DEFAULT_MAX_NODES) -> ViewModel:
    """At most ``max_nodes`` nodes: focus, agreements, their neighbours, then by degree; a note if cut."""
    if max_nodes <= 0 or len(model.nodes) <= max_nodes:
        return model
    neighbours = _adjacency(model)
    agreements = {n.id for n in model.nodes if n.kind == "agreement"}
    near_agreement = set().union(*(neighbours.get(a, set()) for a in agreements)) if agreements else set()
    focus = set(model.focus)
    distance = _hops(neighbours, model.focus)  # a capped focus view keeps the nearest nodes first
    order = {n.id: i for i, n in enumerate(model.nodes)}

    def rank(node_id: str) -> tuple[int, int, int, int]:
        tier = (
            0 if node_id in focus else 1 if node_id in agreements else 2 if node_id in near_agreement else 3
        )
        return (tier, distance.get(node_id, len(order)), -len(neighbours.get(node_id, ())), order[node_id])

    keep = set(sorted(order, key=rank)[:max_nodes])
    view = _restrict(model, keep)
    kinds = {n.id: n.kind for n in model.nodes}
    left_out = [n.id for n in model.nodes if n.id not in keep]
    view.notes.append(
        f"Đồ thị lớn: chỉ vẽ {len(view.nodes):,} / {len(model.nodes):,} nút (thỏa thuận, các nút nối với "
        f"chúng, rồi các nút nhiều quan hệ nhất) và {len(view.edges):,} / {len(model.edges):,} quan hệ giữa "
        f"chúng; bỏ qua {_counted(left_out, kinds)}. Dùng `govkg viz --focus TÊN --depth 2` để xem quanh một "
        f"người hay cơ quan, hoặc `--max-nodes N`. "
        f"Large graph: drawing {len(view.nodes):,} of {len(model.nodes):,} nodes (agreements, the nodes "
        f"linked to them, then the most connected) and the {len(view.edges):,} of {len(model.edges):,} edges "
        f"among them; left out: {_counted(left_out, kinds)}. Use `govkg viz --focus NAME --depth 2` to see "
        f"the neighbourhood of a person or body, or `--max-nodes N` to draw more."
    )
    return view
