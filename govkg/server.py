"""``govkg serve``: a SPARQL 1.1 Protocol endpoint over the embedded store, a query page, the explorer.

A thin HTTP layer on the standard library's ``ThreadingHTTPServer`` (meant for loopback: no TLS, one
thread per connection, no new dependency):

- ``GET|POST /sparql`` (alias ``/query``): SPARQL 1.1 Query, ``query=`` in the URL or a form body, or
  an ``application/sparql-query`` body; ``default-graph-uri`` / ``named-graph-uri`` as in the
  Protocol (without them the default graph is the union of all graphs, as in ``govkg sparql``).
  SELECT/ASK answer JSON, XML, CSV or TSV, CONSTRUCT/DESCRIBE Turtle, JSON-LD, N-Triples, N-Quads or
  RDF/XML, chosen by the ``Accept`` header or a ``format=`` parameter.
- ``POST /update``: SPARQL 1.1 Update, only when the server was started with an update token and
  the request carries ``Authorization: Bearer TOKEN``.
- ``GET /`` a query form (works offline), ``GET /explore`` and ``GET /timeline`` the viz pages.

Limits. pyoxigraph cannot cancel a running query, so the time-out is enforced from outside: each
query runs in its own worker thread (pyoxigraph releases the GIL while it evaluates) and the request
waits for it at most ``timeout`` seconds, then answers 503. The worker checks the deadline between
solutions, so a query that streams its answers stops soon after; one that computes everything before
its first answer (aggregates, ORDER BY, big joins) runs to its end in the background and holds one
of ``workers`` slots meanwhile — when every slot is held, new queries wait for one, within their own
time-out, and get 503 too. Updates are one transaction that cannot be abandoned halfway, so the
time-out does not apply to them. More than ``max_results`` rows (SELECT) or triples (CONSTRUCT,
DESCRIBE) answer 422; a request body over ``max_body`` bytes answers 413.
"""

from __future__ import annotations

import csv
import hmac
import html
import io
import json
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

from govkg.errors import GovkgError

if TYPE_CHECKING:
    from govkg.graph.store import KnowledgeStore

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RESULTS = 100_000
DEFAULT_MAX_BODY = 1 << 20  # 1 MiB: far above any hand-written query
DEFAULT_WORKERS = 8
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# media type → (format name, pyoxigraph format); the first of each kind is the default
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/javascript": "json",
    "application/javascript": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
RESULT_MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "ttl",
    "application/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/x-json+ld": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/n-quads": "nq",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
}
GRAPH_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
FORMAT_ALIASES = {"turtle": "ttl", "json-ld": "jsonld", "ntriples": "nt", "nquads": "nq", "xml-rdf": "rdfxml"}


@dataclass(frozen=True)
class ServerOptions:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    timeout: float = DEFAULT_TIMEOUT
    max_results: int = DEFAULT_MAX_RESULTS
    max_body: int = DEFAULT_MAX_BODY
    workers: int = DEFAULT_WORKERS
    update_token: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)  # for Turtle / RDF/XML / JSON-LD answers
    log: bool = True


class HttpProblem(GovkgError):
    """A request the server refuses: an HTTP status, a short code for machines, a message and a hint."""

    def __init__(self, status: int, code: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.status = status
        self.code = code
        self.message = message


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class SparqlService:
    """What the endpoint does, apart from HTTP: run queries and updates within the limits, draw pages."""

    def __init__(self, store: KnowledgeStore, options: ServerOptions) -> None:
        self.store = store
        self.options = options
        self._slots = threading.BoundedSemaphore(max(options.workers, 1))
        self._write_lock = threading.Lock()
        self._pages: dict[str, bytes] = {}
        self._pages_lock = threading.Lock()

    # -- queries ---------------------------------------------------------------------------------

    def query(
        self,
        text: str,
        *,
        accept: str = "",
        fmt: str | None = None,
        default_graphs: Iterable[str] = (),
        named_graphs: Iterable[str] = (),
    ) -> Answer:
        options = self.options
        deadline = time.monotonic() + options.timeout
        kwargs = _dataset_arguments(list(default_graphs), list(named_graphs))
        if not self._slots.acquire(timeout=options.timeout):
            raise _timeout_problem(options.timeout, busy=True)
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def work() -> None:
            try:
                outcome["answer"] = self._evaluate(text, accept, fmt, kwargs, deadline)
            except BaseException as error:  # handed to the request thread, without the frames that
                outcome["error"] = error.with_traceback(None)  # hold pyoxigraph results (thread-bound)
                error.__context__ = None
            finally:
                self._slots.release()
                done.set()

        threading.Thread(target=work, name="govkg-query", daemon=True).start()
        if not done.wait(max(deadline - time.monotonic(), 0)):
            raise _timeout_problem(options.timeout)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["answer"]

    def _evaluate(
        self, text: str, accept: str, fmt: str | None, kwargs: dict[str, Any], deadline: float
    ) -> Answer:
        if _calls_a_service(text):
            raise HttpProblem(
                400,
                "service-disabled",
                "SERVICE (federated query) is disabled: this endpoint does not query other endpoints",
                hint="query the other endpoint yourself, or run the federated query with `govkg sparql`",
            )
        try:
            if kwargs:
                result = self.store.inner.query(text, **kwargs)
            else:
                result = self.store.inner.query(text, use_default_graph_as_union=self.store.union)
        except SyntaxError as error:
            raise HttpProblem(400, "malformed-query", f"SPARQL syntax error: {error}") from None
        except (OSError, ValueError, TypeError, RuntimeError) as error:
            raise HttpProblem(400, "query-failed", f"the query failed: {error}") from None
        try:
            return self._serialize(result, accept, fmt, deadline)
        except (OSError, ValueError, TypeError, RuntimeError) as error:  # raised while the answers stream
            raise HttpProblem(400, "query-failed", f"the query failed: {error}") from None
        finally:
            del result  # pyoxigraph results must be dropped on the thread that made them

    def _serialize(self, result: Any, accept: str, fmt: str | None, deadline: float) -> Answer:
        limit = self.options.max_results
        if isinstance(result, ox.QueryBoolean):
            name = _negotiate(accept, fmt, RESULT_TYPES, "json", "ASK")
            return Answer(200, _media(RESULT_MEDIA[name]), _boolean(bool(result), name))
        if isinstance(result, ox.QuerySolutions):
            name = _negotiate(accept, fmt, RESULT_TYPES, "json", "SELECT")
            variables = [v.value for v in result.variables]
            rows = _collect(result, limit, deadline, self.options.timeout, "rows")
            return Answer(200, _media(RESULT_MEDIA[name]), _SERIALIZERS[name](variables, rows))
        name = _negotiate(accept, fmt, GRAPH_TYPES, "ttl", "CONSTRUCT or DESCRIBE")
        triples = _collect(result, limit, deadline, self.options.timeout, "triples")
        rdf_format = GRAPH_FORMATS[name]
        prefixes = self.options.prefixes if name in ("ttl", "rdfxml", "jsonld") else None
        try:
            body = ox.serialize(triples, format=rdf_format, prefixes=prefixes or None)
        except TypeError:  # a format that takes no prefixes
            body = ox.serialize(triples, format=rdf_format)
        return Answer(200, _media(rdf_format.media_type), body or b"")

    # -- updates ---------------------------------------------------------------------------------

    def update(self, text: str, *, authorization: str | None) -> Answer:
        token = self.options.update_token
        if not token:
            raise HttpProblem(
                403,
                "updates-disabled",
                "this endpoint is read-only: SPARQL Update is disabled",
                hint="restart with `govkg serve --update-token TOKEN` (or GOVKG_UPDATE_TOKEN) and send "
                "`Authorization: Bearer TOKEN`",
            )
        scheme, _, given = (authorization or "").partition(" ")
        if not authorization:
            raise HttpProblem(
                401, "unauthorized", "SPARQL Update needs a token", hint="send `Authorization: Bearer TOKEN`"
            )
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HttpProblem(403, "forbidden", "the update token is wrong", hint="check the token")
        with self._write_lock:
            try:
                self.store.update(text)  # and the merged view follows it (graph.store)
            except SyntaxError as error:
                raise HttpProblem(400, "malformed-update", f"SPARQL Update syntax error: {error}") from None
            except (OSError, ValueError, GovkgError) as error:
                raise HttpProblem(400, "update-failed", f"the update failed: {error}") from None
            with self._pages_lock:
                self._pages.clear()  # the explorer pages show the graph as it now is
        return Answer(204, "text/plain; charset=utf-8", b"")

    # -- pages -----------------------------------------------------------------------------------

    def page(self, name: str) -> bytes:
        """The query form, or the explorer pages drawn from the store (once, until an update)."""
        with self._pages_lock:
            if name not in self._pages:
                self._pages[name] = _PAGES[name](self.store).encode("utf-8")
            return self._pages[name]


# what may hide the word SERVICE without being the keyword: strings, IRIs, comments
_LEXEMES = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r"""|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n\r]*""",
    re.S,
)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:])", re.I)


def _calls_a_service(text: str) -> bool:
    """Whether a query holds the SERVICE keyword: Oxigraph would send a request to the IRI that follows.

    A public endpoint must not be made to call other servers (internal ones included) for a client,
    nor hold a worker while they answer; strings, IRIs and comments that merely contain the word are
    left out, and the rare false alarm (a local name spelled SERVICE) only costs a 400.
    """
    return bool(_SERVICE.search(_LEXEMES.sub(" ", text)))


def _dataset_arguments(default_graphs: list[str], named_graphs: list[str]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    try:
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    except ValueError as error:
        raise HttpProblem(400, "bad-graph-iri", f"a graph IRI is not valid: {error}") from None
    return kwargs


def _timeout_problem(timeout: float, *, busy: bool = False) -> HttpProblem:
    what = "every query worker is busy with earlier queries" if busy else "the query ran too long"
    return HttpProblem(
        503,
        "timeout",
        f"{what}: the time-out is {timeout:g} s",
        hint="add a LIMIT or narrow the query, or restart the server with a longer --timeout SECONDS",
    )


def _collect(result: Iterable[Any], limit: int, deadline: float, timeout: float, what: str) -> list[Any]:
    items: list[Any] = []
    for item in result:
        items.append(item)
        if len(items) > limit:
            raise HttpProblem(
                422,
                "result-limit",
                f"the answer has more than {limit} {what} (the server's --max-results)",
                hint="add a LIMIT (and OFFSET to page), or restart the server with a larger --max-results N",
            )
        if len(items) % 256 == 0 and time.monotonic() > deadline:
            raise _timeout_problem(timeout)  # nobody waits for it any more: stop early
    return items


def _media(media_type: str) -> str:
    return f"{media_type}; charset=utf-8"


def _negotiate(accept: str, fmt: str | None, table: dict[str, str], default: str, kind: str) -> str:
    names = set(table.values())
    if fmt:
        name = FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
        if name in names:
            return name
        raise HttpProblem(
            406, "not-acceptable", f"format={fmt} cannot carry a {kind} answer", hint=f"use {sorted(names)}"
        )
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    if not ranked:
        return default
    for _, _, media in sorted(ranked):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    raise HttpProblem(
        406,
        "not-acceptable",
        f"no acceptable format for a {kind} answer (Accept: {accept})",
        hint=f"accept one of {', '.join(sorted(set(table)))}",
    )


# -- result serializers (ours, so that rows can be counted and the deadline checked) ------------


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {  # an RDF-star triple
        "type": "triple",
        "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")},
    }


def _json_results(variables: list[str], rows: list[Any]) -> bytes:
    bindings = [
        {name: _json_term(row[i]) for i, name in enumerate(variables) if row[i] is not None} for row in rows
    ]
    data = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f'<literal xml:lang="{xml_escape(term.language)}">{xml_escape(term.value)}</literal>'
        if term.datatype.value != XSD_STRING:
            datatype = xml_escape(term.datatype.value, {'"': "&quot;"})
            return f'<literal datatype="{datatype}">{xml_escape(term.value)}</literal>'
        return f"<literal>{xml_escape(term.value)}</literal>"
    parts = "".join(f"<{k}>{_xml_term(getattr(term, k))}</{k}>" for k in ("subject", "predicate", "object"))
    return f"<triple>{parts}</triple>"


_XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'


def _xml_results(variables: list[str], rows: list[Any]) -> bytes:
    out = [_XML_HEAD, "<head>", *(f'<variable name="{v}"/>' for v in variables), "</head><results>"]
    for row in rows:
        out.append("<result>")
        out.extend(
            f'<binding name="{name}">{_xml_term(row[i])}</binding>'
            for i, name in enumerate(variables)
            if row[i] is not None
        )
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "\n".join(out).encode("utf-8")


def _csv_results(variables: list[str], rows: list[Any]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(
            "" if t is None else f"_:{t.value}" if isinstance(t, ox.BlankNode) else _csv_value(t) for t in row
        )
    return buffer.getvalue().encode("utf-8")


def _csv_value(term: Any) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def _tsv_results(variables: list[str], rows: list[Any]) -> bytes:
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines.extend("\t".join("" if t is None else str(t) for t in row) for row in rows)  # N-Triples forms
    return ("\n".join(lines) + "\n").encode("utf-8")


_SERIALIZERS: dict[str, Callable[[list[str], list[Any]], bytes]] = {
    "json": _json_results,
    "xml": _xml_results,
    "csv": _csv_results,
    "tsv": _tsv_results,
}


def _boolean(value: bool, name: str) -> bytes:
    word = "true" if value else "false"
    if name == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if name == "xml":
        return f"{_XML_HEAD}<head/><boolean>{word}</boolean></sparql>\n".encode()
    return f"{word}\n".encode()


# -- pages ---------------------------------------------------------------------------------------


def _explore_page(store: KnowledgeStore) -> str:
    from govkg.viz import build_view_model, limit, render_html

    return render_html(limit(build_view_model(store.dataset)))


def _timeline_page(store: KnowledgeStore) -> str:
    from govkg.viz.timeline import build_timeline_model, render_timeline_html

    return render_timeline_html(build_timeline_model(store.dataset))


def _query_page(_: KnowledgeStore) -> str:
    from govkg.queries.library import list_queries

    queries = {q.name: q.text for q in list_queries()}
    first = queries.get("who-signed", next(iter(queries.values()), "SELECT * WHERE { ?s ?p ?o } LIMIT 10"))
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(n)}</option>' for n in queries)
    data = json.dumps(queries, ensure_ascii=False).replace("<", "\\u003c").replace("&", "\\u0026")
    return _QUERY_PAGE.format(options=options, text=html.escape(first), data=data)


_PAGES: dict[str, Callable[[KnowledgeStore], str]] = {
    "query": _query_page,
    "explore": _explore_page,
    "timeline": _timeline_page,
}

_QUERY_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>govkg SPARQL</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; max-width: 70rem; }}
textarea {{ width: 100%; height: 22rem; font-family: monospace; font-size: 0.9rem; }}
nav a {{ margin-right: 1rem; }}
</style></head>
<body>
<nav><a href="/">SPARQL</a><a href="/explore">Đồ thị / graph</a>
<a href="/timeline">Dòng thời gian / timeline</a></nav>
<h1>govkg SPARQL endpoint</h1>
<p>Truy vấn SPARQL 1.1 trên hợp của mọi đồ thị (read-only). Endpoint: <code>/sparql</code>
(GET or POST <code>query=</code>).</p>
<form method="get" action="/sparql">
<label>Named query: <select id="named"><option value="">—</option>{options}</select></label>
<textarea name="query" id="query" spellcheck="false">{text}</textarea>
<label>Format: <select name="format">
<option value="json">JSON</option><option value="xml">XML</option><option value="csv">CSV</option>
<option value="tsv">TSV</option><option value="ttl">Turtle (CONSTRUCT)</option>
<option value="jsonld">JSON-LD (CONSTRUCT)</option></select></label>
<button type="submit">Run</button>
</form>
<script type="application/json" id="queries">{data}</script>
<script>
const queries = JSON.parse(document.getElementById("queries").textContent);
document.getElementById("named").addEventListener("change", (e) => {{
  if (e.target.value) document.getElementById("query").value = queries[e.target.value];
}});
</script>
</body></html>
"""


# -- HTTP ----------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "govkg"
    timeout = 60  # a client that stops sending mid-request frees its thread
    service: SparqlService  # set on the subclass made by make_server

    def do_GET(self) -> None:  # noqa: N802
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._handle("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._handle("DELETE")

    def do_PATCH(self) -> None:  # noqa: N802
        self._handle("PATCH")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle("HEAD")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._handle("OPTIONS")

    def __getattr__(self, name: str) -> Any:
        """``do_BREW`` and any other method: a 405 naming the allowed ones, not the stdlib's 501."""
        if name.startswith("do_") and name[3:].isalpha():
            return lambda: self._handle(name[3:])
        raise AttributeError(name)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The stdlib's own refusals (bad request line, long headers…), with 505 as the 400 it is."""
        if code == 505:  # HTTP/2.0 or later in a request line: the client's mistake, not the server's
            code, message = 400, "HTTP version not supported: speak HTTP/1.1 or HTTP/1.0"
        super().send_error(code, message, explain)

    def _handle(self, method: str) -> None:
        try:
            answer = self._route(method)
        except HttpProblem as problem:
            answer = self._problem(problem)
        except Exception as error:  # a bug: say so without a traceback, log it on the server
            self.log_error("internal error: %r", error)
            problem = HttpProblem(500, "internal-error", f"internal error: {type(error).__name__}")
            answer = self._problem(problem)
        self._send(answer)

    def _route(self, method: str) -> Answer:
        url = urlsplit(self.path)
        routes = {
            "/": ("GET",),
            "/sparql": ("GET", "POST"),
            "/query": ("GET", "POST"),
            "/update": ("POST",),
            "/explore": ("GET",),
            "/timeline": ("GET",),
        }
        allowed = routes.get(url.path.rstrip("/") or "/")
        if allowed is None:
            raise HttpProblem(
                404,
                "not-found",
                f"no such page: {url.path}",
                hint="try /, /sparql, /update, /explore, /timeline",
            )
        if method not in allowed:
            self._allow = ", ".join(allowed)
            raise HttpProblem(405, "method-not-allowed", f"{method} is not allowed on {url.path}")
        path = url.path.rstrip("/") or "/"
        if path == "/":
            return Answer(200, "text/html; charset=utf-8", self.service.page("query"))
        if path in ("/explore", "/timeline"):
            return Answer(200, "text/html; charset=utf-8", self.service.page(path[1:]))
        params = parse_qs(url.query, keep_blank_values=True)
        body_text = self._read_body() if method == "POST" else None
        content_type = self.headers.get_content_type() if method == "POST" else ""
        if path == "/update":
            text = _request_text(params, body_text, content_type, "update", "application/sparql-update")
            return self.service.update(text, authorization=self.headers.get("Authorization"))
        text = _request_text(params, body_text, content_type, "query", "application/sparql-query")
        if content_type == "application/x-www-form-urlencoded":
            params = {**params, **parse_qs(body_text or "", keep_blank_values=True)}
        return self.service.query(
            text,
            accept=self.headers.get("Accept", ""),
            fmt=(params.get("format") or params.get("output") or [None])[0],
            default_graphs=params.get("default-graph-uri", []),
            named_graphs=params.get("named-graph-uri", []),
        )

    def _read_body(self) -> str:
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            self.close_connection = True
            raise HttpProblem(411, "length-required", "a POST needs a Content-Length header")
        try:
            length = int(length_header)
        except ValueError:
            length = -1
        if length < 0:  # a negative length would read to the end of the stream: wait for ever
            self.close_connection = True
            raise HttpProblem(400, "bad-request", f"Content-Length is not a byte count: {length_header!r}")
        limit = self.service.options.max_body
        if length > limit:
            self.close_connection = True  # the body stays unread
            raise HttpProblem(
                413,
                "body-too-large",
                f"the request body is {length} bytes; the limit is {limit}",
                hint="send a shorter query (large data belongs in `govkg build`, not in a request)",
            )
        try:
            return self.rfile.read(length).decode("utf-8")
        except UnicodeDecodeError:
            raise HttpProblem(400, "bad-encoding", "the request body is not UTF-8") from None

    def _problem(self, problem: HttpProblem) -> Answer:
        headers: dict[str, str] = {}
        if problem.status == 405:
            headers["Allow"] = getattr(self, "_allow", "GET, POST")
        if problem.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="govkg"'
        if problem.status == 503:
            headers["Retry-After"] = "5"
        if "json" in self.headers.get("Accept", ""):
            data = {"error": problem.code, "status": problem.status, "message": problem.message}
            if problem.hint:
                data["hint"] = problem.hint
            body = json.dumps(data, ensure_ascii=False).encode("utf-8")
            return Answer(problem.status, "application/json; charset=utf-8", body, headers)
        text = f"{problem.status} {problem.code}: {problem}\n"
        return Answer(problem.status, "text/plain; charset=utf-8", text.encode("utf-8"), headers)

    def _send(self, answer: Answer) -> None:
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            for key, value in answer.headers.items():
                self.send_header(key, value)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if self.service.options.log:
            sys.stderr.write(f"govkg serve: {self.address_string()} {format % args}\n")


def _request_text(
    params: dict[str, list[str]], body: str | None, content_type: str, name: str, direct_type: str
) -> str:
    """The query (or update) of a request, in any of the Protocol's three ways."""
    if body is not None:
        if content_type == direct_type:
            return body
        if content_type == "application/x-www-form-urlencoded":
            params = parse_qs(body, keep_blank_values=True)
        else:
            raise HttpProblem(
                415,
                "unsupported-media-type",
                f"a POST body must be application/x-www-form-urlencoded or {direct_type}, not {content_type}",
            )
    values = params.get(name, [])
    if len(values) != 1 or not values[0].strip():
        raise HttpProblem(
            400,
            f"missing-{name}",
            f"give exactly one {name}= parameter" + (" (none given)" if not values else ""),
            hint=f"e.g. /sparql?query=SELECT… or POST a {direct_type} body",
        )
    return values[0]


class _Server(ThreadingHTTPServer):
    # the stdlib listens with a backlog of 5: a burst of connections (or a few clients that open many
    # and send slowly) overflows it and new clients wait for TCP to retry, seconds each time
    request_queue_size = 128


def make_server(store: KnowledgeStore, options: ServerOptions) -> ThreadingHTTPServer:
    """A bound, not yet serving, server; ``serve_forever()`` runs it, ``shutdown()`` stops it."""
    service = SparqlService(store, options)
    handler = type("GovkgHandler", (_Handler,), {"service": service})
    server = _Server((options.host, options.port), handler)
    server.daemon_threads = True
    return server


def describe(server: ThreadingHTTPServer, options: ServerOptions) -> str:
    host, port = server.server_address[:2]
    updates = "updates enabled (Bearer token)" if options.update_token else "read-only"
    return (
        f"govkg serve: http://{host}:{port}/ — SPARQL at /sparql, explorer at /explore and /timeline; "
        f"{updates}; time-out {options.timeout:g} s, at most {options.max_results} results"
    )
