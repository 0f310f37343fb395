"""Graph → interactive HTML: ``render_graph`` reads the govkg ontology from any rdflib graph and
writes one offline, self-contained page (see ``model`` for what is shown, ``html`` for how)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .html import DEFAULT_TITLE, render_html, write_html
from .model import Evidence, ViewEdge, ViewModel, ViewNode, build_view_model, format_date

__all__ = [
    "DEFAULT_TITLE", "Evidence", "ViewEdge", "ViewModel", "ViewNode",
    "build_view_model", "format_date", "render_graph", "render_html", "write_html",
]


def render_graph(graph: Graph, out_path: str | Path, *, title: str = DEFAULT_TITLE) -> ViewModel:
    """Write ``graph`` (e.g. a Dataset with ``default_union=True``) as HTML at ``out_path``.

    Returns the view model so callers can report what was drawn (node and edge counts).
    """
    model = build_view_model(graph)
    write_html(model, out_path, title=title)
    return model
