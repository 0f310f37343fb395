"""Graph → interactive HTML: ``render_graph`` reads the govkg ontology from any rdflib graph and
writes one offline, self-contained page (see ``model`` for what is shown, ``html`` for how)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph

from govkg.errors import QueryError

from .html import DEFAULT_TITLE, render_html, write_html
from .model import Evidence, ViewEdge, ViewModel, ViewNode, build_view_model, format_date
from .scope import DEFAULT_DEPTH, DEFAULT_MAX_NODES, limit, neighbourhood
from .timeline import TimelineItem, TimelineModel, build_timeline_model, render_timeline

__all__ = [
    "DEFAULT_DEPTH", "DEFAULT_MAX_NODES", "DEFAULT_TITLE", "Evidence", "ViewEdge", "ViewModel", "ViewNode",
    "build_view_model", "format_date", "render_graph", "render_html", "write_html",
    "TimelineItem", "TimelineModel", "build_timeline_model", "render_timeline",
]


def render_graph(graph: Graph, out_path: str | Path, *, title: str = DEFAULT_TITLE, focus: Sequence[str] = (),
                 depth: int = DEFAULT_DEPTH, max_nodes: int = DEFAULT_MAX_NODES) -> ViewModel:
    """Write ``graph`` (e.g. a Dataset with ``default_union=True``) as HTML at ``out_path``.

    ``focus`` (node IRIs) draws only the nodes within ``depth`` hops of them; above ``max_nodes``
    nodes (0: no cap) a sample is drawn and the page says what was left out (see ``scope``).
    Returns the drawn view model, whose ``notes`` say what it holds.
    """
    model = build_view_model(graph)
    if focus:
        present = {n.id for n in model.nodes}
        missing = [f for f in focus if f not in present]
        if len(missing) == len(focus):
            raise QueryError(
                f"not drawn in the graph view: {', '.join(missing)}",
                hint="focus on a person, body, province or agreement the articles name (`govkg find NAME`)",
            )
        model = neighbourhood(model, focus, depth)
    model = limit(model, max_nodes)
    write_html(model, out_path, title=title)
    return model
