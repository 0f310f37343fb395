"""Query results as an aligned table (for people), CSV, SPARQL-results JSON or Markdown.

Tables show partial dates honestly: a date without a year (xsd:gMonthDay ``--07-16``) prints as
``????-07-16``, and a note under the table says what the question marks mean.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TextIO

from rdflib import XSD, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

FORMATS = ("table", "csv", "json", "markdown")
UNKNOWN_YEAR_NOTE = "????-MM-DD: the article gives the day and month but not the year."


def display(term: Node | None, prefixes: Mapping[str, str]) -> str:
    """A term as people read it: partial dates marked, IRIs shortened by the known prefixes."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        if term.datatype == XSD.gMonthDay:
            return "????" + str(term)[1:]
        return str(term)
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, namespace in prefixes.items():
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace) :]}"
        return text
    return str(term)


def rows(result: Result, prefixes: Mapping[str, str]) -> tuple[list[str], list[list[str]]]:
    header = [str(v) for v in result.vars or []]
    body = [[display(row[v], prefixes) for v in result.vars or []] for row in result]  # type: ignore[index]
    return header, body


def write_result(result: Result, fmt: str, out: TextIO, *, prefixes: Mapping[str, str] | None = None) -> int:
    """Write a SELECT/ASK result in ``fmt``; returns the number of rows."""
    prefixes = prefixes or {}
    if result.type == "ASK":
        out.write(("yes" if result.askAnswer else "no") + "\n")
        return 1
    if fmt == "json":
        out.write(result.serialize(format="json").decode("utf-8") + "\n")
        return len(result)
    if fmt == "csv":
        out.write(result.serialize(format="csv").decode("utf-8"))
        return len(result)
    header, body = rows(result, prefixes)
    if fmt == "markdown":
        out.write(markdown_table(header, body))
    else:
        text_table(header, body, out)
    if any(cell.startswith("????") for row in body for cell in row):
        out.write(UNKNOWN_YEAR_NOTE + "\n")
    return len(body)


def markdown_table(header: list[str], body: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in body]
    return "\n".join(lines) + "\n"


def text_table(header: list[str], body: list[list[str]], out: TextIO) -> None:
    """An aligned table through rich, which measures Vietnamese text by its display width."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*header, show_lines=False, header_style="bold", expand=False)
    for row in body:
        table.add_row(*row)
    interactive = out.isatty() if hasattr(out, "isatty") else False
    console = Console(
        file=out, width=None if interactive else 240, color_system="auto" if interactive else None
    )
    console.print(table)
    if not body:
        out.write("(no results)\n")


def render(result: Result, fmt: str, *, prefixes: Mapping[str, str] | None = None) -> str:
    buffer = io.StringIO()
    write_result(result, fmt, buffer, prefixes=prefixes)
    return buffer.getvalue()
