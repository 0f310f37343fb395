"""Named SPARQL queries: ``.rq`` files with a metadata header, and safe parameter binding.

A header is the leading ``#`` comment block::

    # title: Who signed what, and when
    # description: … (continued on lines that start with "#   ")
    # param: body (string): help text

Each query declares its parameters once more, as SPARQL: a ``VALUES`` row of ``UNDEF`` in the group
its evaluation starts from, e.g. ``VALUES (?body ?from) { (UNDEF UNDEF) }`` — valid as it stands (no
filter). Oxigraph evaluates a group on its own, so a query whose ``UNION`` branches each start from a
parameter repeats the block in each branch; every copy is filled. Binding validates each value,
makes it an RDF term, and puts the term's own serialization (quotes and backslashes escaped by
rdflib) into that row: a value can never change a query's shape.
Oxigraph's ``substitutions`` cannot do this, as they apply only to projected variables after the
filters have run.

Parameters of type ``page`` (``limit`` and ``offset``, whole numbers) cut a long answer into pages.
They are not in the ``VALUES`` row, as SPARQL cannot take a ``LIMIT`` from a variable: the query
marks the sub-select to cut with a comment line ``# page: ORDER BY <keys>``, which becomes
``ORDER BY <keys> LIMIT n OFFSET k`` when ``--limit`` is given (0, the default, is everything).

Parameters of type ``person`` or ``body`` name an entity: a ``Resolver`` (the name search of
``govkg.queries.names``) turns the user's words into the IRIs they mean, and each IRI becomes a row
of the ``VALUES`` block (one row per combination), so "Long An" can stand for a province and
"Bo TT&TT" for the ministry. A ``body`` may be a province: queries follow ``gk:province`` from it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from rdflib import XSD, Literal, URIRef
from rdflib.term import Identifier

from govkg.errors import QueryError

_VALUES = re.compile(r"VALUES\s*\((?P<vars>[^)]*)\)\s*\{\s*\((?P<row>[^)]*)\)\s*\}")
_PAGE = re.compile(r"^(?P<indent>[ \t]*)# page: (?P<order>ORDER BY [^\n]+?)[ \t]*$", re.MULTILINE)
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)(?:,\s*default\s+(?P<default>[^)]*))?\)\s*:\s*(?P<help>.*)$"
)
TYPES = ("string", "date", "integer", "iri", "person", "body", "page")
PAGE_NAMES = ("limit", "offset")
MAX_PAGE = 10**9
ENTITY_TYPES = ("person", "body")
# (the words a user gave, "person" or "body") → the IRIs they name; raises QueryError when none or ambiguous
Resolver = Callable[[str, str], list[URIRef]]


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    help: str
    default: str | None = None

    def bind(self, value: str, resolver: Resolver | None = None) -> list[Identifier]:
        """The RDF terms for a value given on the command line; a wrong value is a clear error."""
        if self.type in ENTITY_TYPES:
            if resolver is None:
                raise QueryError(f"--{self.name} names a {self.type}: this needs the graph's name index")
            return list(resolver(value, self.type))
        return [self._term(value)]

    def _term(self, value: str) -> Identifier:
        if self.type == "string":
            return Literal(value)
        if self.type == "date":
            try:
                return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
            except ValueError:
                raise QueryError(f"--{self.name} must be a date YYYY-MM-DD, not {value!r}") from None
        if self.type in ("integer", "page"):
            try:
                number = int(value)
            except ValueError:
                raise QueryError(f"--{self.name} must be a whole number, not {value!r}") from None
            if self.type == "page" and not 0 <= number <= MAX_PAGE:
                raise QueryError(f"--{self.name} must be 0 to {MAX_PAGE:,}, not {value!r}")
            return Literal(number)
        if not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value, re.I):
            raise QueryError(f"--{self.name} must be an absolute IRI, not {value!r}")
        return URIRef(value)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default=())

    @property
    def values_params(self) -> list[Param]:
        """The parameters bound in the VALUES row (all but the page's --limit and --offset)."""
        return [p for p in self.params if p.type != "page"]

    def bindings(
        self, values: dict[str, str], resolver: Resolver | None = None
    ) -> dict[str, list[Identifier]]:
        """Bind values (and defaults) to their variables; an unknown name is an error listing the known."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            options = ", ".join(f"--{p}" for p in known) or "none"
            raise QueryError(
                f"{self.name} has no parameter {', '.join(unknown)}", hint=f"its parameters: {options}"
            )
        bound: dict[str, list[Identifier]] = {}
        for param in self.params:
            value = values.get(param.name, param.default)
            if value is not None and value != "":
                bound[param.name] = param.bind(value, resolver)
        return bound

    def render(self, values: dict[str, str], resolver: Resolver | None = None) -> str:
        """The query text with the parameters' VALUES rows filled in with validated RDF terms."""
        bound = self.bindings(values, resolver)
        text = self._paged(bound)
        params = self.values_params
        if not params:
            return text
        columns = [[t.n3() for t in bound[p.name]] if p.name in bound else ["UNDEF"] for p in params]
        rows = " ) ( ".join(" ".join(row) for row in itertools.product(*columns))
        declared = [f"?{p.name}" for p in params]

        def fill(match: re.Match[str]) -> str:
            if match["vars"].split() != declared:
                return match[0]
            start, end = match.start("row") - match.start(), match.end("row") - match.start()
            return match[0][:start] + rows + match[0][end:]

        return _VALUES.sub(fill, text)

    def _paged(self, bound: dict[str, list[Identifier]]) -> str:
        """The text with its ``# page:`` line made an ORDER BY … LIMIT … OFFSET when --limit is given."""
        limit = int(bound["limit"][0]) if "limit" in bound else 0
        if not limit:
            return self.text
        offset = int(bound["offset"][0]) if "offset" in bound else 0
        return _PAGE.sub(lambda m: f"{m['indent']}{m['order']} LIMIT {limit} OFFSET {offset}", self.text)


def parse_named_query(name: str, text: str) -> NamedQuery:
    meta: dict[str, str] = {}
    params: list[Param] = []
    key = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:]
        match = re.match(r"^\s(\w+):\s?(.*)$", body)
        if match and not body.startswith("   "):
            key, value = match.groups()
            if key == "param":
                found = _PARAM.match(value.strip())
                if not found or found["type"] not in TYPES:
                    raise ValueError(
                        f"{name}.rq: bad param line {value!r}; write `name (type): help`, type in {TYPES}"
                    )
                if found["type"] == "page" and found["name"] not in PAGE_NAMES:
                    raise ValueError(f"{name}.rq: only {' and '.join(PAGE_NAMES)} are of type page")
                params.append(Param(found["name"], found["type"], found["help"].strip(), found["default"]))
                key = None
            else:
                meta[key] = value.strip()
        elif key and body.strip():
            meta[key] += " " + body.strip()
    if "title" not in meta:
        raise ValueError(f"{name}.rq has no '# title:' header")
    query = NamedQuery(name, meta["title"], meta.get("description", ""), text, tuple(params))
    if query.values_params:
        match = _VALUES.search(text)
        declared = match["vars"].split() if match else []
        expected = [f"?{p.name}" for p in query.values_params]
        copies = [m["row"].split() for m in _VALUES.finditer(text) if m["vars"].split() == expected]
        if declared != expected or any(row != ["UNDEF"] * len(expected) for row in copies):
            raise ValueError(
                f"{name}.rq must bind its parameters with `VALUES ({' '.join(expected)}) "
                f"{{ ({' '.join(['UNDEF'] * len(expected))}) }}` before any other VALUES"
            )
    if any(p.type == "page" for p in params) and len(_PAGE.findall(text)) != 1:
        raise ValueError(f"{name}.rq: --limit needs one line `# page: ORDER BY <keys>` where to cut")
    return query


def list_queries() -> list[NamedQuery]:
    folder = resources.files("govkg.queries")
    entries = sorted(p for p in folder.iterdir() if p.name.endswith(".rq"))
    return [parse_named_query(p.name.removesuffix(".rq"), p.read_text(encoding="utf-8")) for p in entries]


def get_query(name: str) -> NamedQuery:
    queries = {q.name: q for q in list_queries()}
    if name not in queries:
        raise QueryError(
            f"no named query {name!r}", hint=f"known queries: {', '.join(queries)} (govkg query --list)"
        )
    return queries[name]
