"""The ``govkg`` command: a thin layer that parses options and calls the library.

Exit codes: 0 success · 1 finished, but some inputs were skipped · 2 usage or other error ·
3 bad input · 4 store error · 5 query error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from govkg import __version__
from govkg.config import Config, load_config
from govkg.errors import GovkgError, InputError, QueryError

if TYPE_CHECKING:  # imported lazily at run time, so `govkg --help` stays fast
    from govkg.graph.store import KnowledgeStore
    from govkg.loaders.records import Extraction

EXIT_CODES = """exit codes:
  0  success
  1  finished, but some inputs were skipped (they are listed; with build --on-invalid refuse, also
     articles whose graph does not conform to the SHACL shapes)
  2  usage or other error
  3  bad input (file unreadable, not UTF-8, too large, malformed record) with --strict
  4  the graph store cannot be opened or written (e.g. in use by another govkg process)
  5  a query is malformed or a parameter is wrong
  6  govkg ask: the question matches none of the question forms (some that do are listed)
"""
VALIDATE_EXIT_CODES = """exit codes:
  0  every graph conforms to the shapes (warnings, if any, are listed)
  1  some graph does not conform (the violations are listed)
  2  error: usage, the store or a file cannot be read, or a file is not valid RDF
"""


def _base_iri(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base-iri", help="base of minted IRIs (default: $GOVKG_BASE or https://w3id.org/govkg/id/)"
    )


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the graph store lives (default: $GOVKG_DATA or ./govkg-data)",
    )
    remote = parser.add_argument_group("remote store (instead of --data-dir; see docs/remote-stores.md)")
    remote.add_argument(
        "--endpoint",
        metavar="URL",
        help="use this SPARQL 1.1 query URL as the store, e.g. http://127.0.0.1:7878/query (Oxigraph "
        "server) or http://localhost:3030/govkg (Fuseki) (default: $GOVKG_ENDPOINT unless --data-dir)",
    )
    remote.add_argument(
        "--update-endpoint", metavar="URL", help="its SPARQL Update URL (default: guessed from --endpoint)"
    )
    remote.add_argument(
        "--gsp-endpoint",
        metavar="URL",
        help="its Graph Store Protocol URL (default: guessed from --endpoint)",
    )
    remote.add_argument(
        "--write-method",
        choices=("gsp", "update"),
        help="replace graphs by Graph Store Protocol PUT (default when the store has one) or SPARQL Update",
    )


def _positive(text: str) -> int:
    value = int(text) if text.strip().isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def _output_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json", "markdown"),
        default="table",
        help="table (aligned, for people; default), csv, json (SPARQL 1.1 results JSON) or markdown",
    )


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govkg",
        description="Turn Vietnamese news about public administration into a knowledge graph of officials, "
        "agencies and agreements, and ask it who signed what, and when.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"govkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "build",
        help="read articles and add their facts to the graph store",
        description="Read articles (plain text with the title on the first line, JSONL records with "
        "id/url/title/published/source/text, optionally gzipped, or HTML pages), extract officials, posts, "
        "bodies and agreements, and store each article as its own named graph. Loading an article again "
        "replaces its graph.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, folders, globs, or - for stdin")
    p.add_argument("--examples", action="store_true", help="also load the bundled example articles")
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable input (exit 3)")
    p.add_argument(
        "--infer",
        action="store_true",
        help="also store what the ontology entails (superclasses, superproperties, inverse links, "
        "property chains), each article's beside its graph in <graph>/inferred",
    )
    p.add_argument(
        "--on-invalid",
        choices=("report", "refuse"),
        default="report",
        help="an article whose graph does not conform to the SHACL shapes is stored and its violations "
        "listed (report, default), or not stored and listed as skipped (refuse: exit 1)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="rebuild every article; by default one whose content hash (record + extractor version) is "
        "already stored is skipped",
    )
    p.add_argument(
        "--prune",
        action="store_true",
        help="drop the graphs of stored articles that are not among the inputs (only when every input "
        "was read)",
    )
    p.add_argument(
        "--curations",
        action="append",
        metavar="FILE",
        help="a curation file (YAML or CSV, see docs/curation.md) to apply after the articles; repeat for "
        "several. Remembered in DIR/govkg.yaml, so later builds apply them too (default: those remembered)",
    )
    p.add_argument(
        "--processes",
        "-j",
        type=_positive,
        metavar="N",
        help="worker processes for extraction and validation (default: all cores; 1: none)",
    )
    _base_iri(p)
    _common(p)

    p = sub.add_parser(
        "extract",
        help="print the facts found in articles, without storing them",
        description="Extract facts from articles and print them; --json prints one JSON object per article "
        "in the shape of corpus/SCHEMA.md.",
    )
    p.add_argument("inputs", nargs="+", metavar="FILE", help="files, folders, globs, or - for stdin")
    p.add_argument("--json", action="store_true", help="one JSON object per line (SCHEMA.md shape)")
    p.add_argument(
        "--evidence", action="store_true", help="with --json: add the sentence and offsets of each fact"
    )

    p = sub.add_parser(
        "eval",
        help="score the extractor against gold annotations",
        description="Run the extractor on the articles of gold JSONL files (SCHEMA.md shape) and print "
        "precision, recall and F1 for each fact kind: person, post, agreement, signatory, agreement_date.",
    )
    p.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument(
        "--errors", action="store_true", help="also list each missed and spurious fact, article by article"
    )

    p = sub.add_parser(
        "query",
        help="run a named query (govkg query --list shows them)",
        description="Run a named query from the library. Its parameters are options: "
        "e.g. govkg query who-signed --body 'Long An' --from 2022-01-01. Values are bound as RDF terms.",
        epilog=_query_list_text(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("name", nargs="?", help="the query's name, e.g. who-signed")
    p.add_argument("--list", action="store_true", help="list the named queries with their parameters")
    _output_format(p)
    _common(p)

    p = sub.add_parser(
        "find",
        help="look up persons and bodies by name, forgivingly",
        description="List the persons, bodies and provinces a name may mean, best first, with their IRIs. "
        "Diacritics, case, old or new tone placement (hoà/hòa, Uỷ/Ủy), abbreviations (UBND, Bộ TT&TT) and "
        "English names or acronyms (MIC) are forgiven. Exits 5 when nothing matches at all.",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("--kind", choices=("person", "body"), help="only persons, or only bodies (and provinces)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="how many candidates (default 10)")
    _common(p)

    p = sub.add_parser(
        "ask",
        help="answer a question in Vietnamese or English from the graph",
        description="Answer a question asked in words, in Vietnamese (with or without diacritics) or "
        "English, by mapping it to a named query: a sentence, a table and the articles (and sentences) "
        "behind each fact, in the question's language. The line 'understood as' shows the query it ran. "
        "A question it does not understand exits 6 and lists questions it does.",
        epilog=_ask_examples_text() + "\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "question", nargs="+", metavar="QUESTION", help="the question (quoted or not), or - for stdin"
    )
    p.add_argument(
        "--format",
        choices=("table", "json", "markdown"),
        default="table",
        help="table (sentence, aligned table, sources; default), json or markdown",
    )
    _common(p)

    p = sub.add_parser(
        "sparql",
        help="run a SPARQL query over the union of all graphs",
        description="Run a SPARQL 1.1 query given as text, as a .rq file, or - for stdin. SELECT and ASK "
        "print in --format; CONSTRUCT and DESCRIBE print Turtle.",
    )
    p.add_argument("query", metavar="QUERY-or-FILE")
    _output_format(p)
    _common(p)

    p = sub.add_parser(
        "curate",
        help="record a correction in the curation file and apply it (merge, reject, set-date)",
        description="Append one entry to the curation file (default: the first remembered for the data "
        "directory, else ./curations.yaml; remembered from then on) and apply every curation to the store, "
        "so queries show it at once and every later build keeps it. Entries are plain YAML: edit or remove "
        "them by hand too (docs/curation.md).",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    merge = actions.add_parser("merge", help="A and B are one entity; A's IRI is kept")
    merge.add_argument(
        "names", nargs="+", metavar="NAME", help="two or more names or IRIs, the kept one first"
    )
    merge.add_argument("--kind", choices=("person", "body"), default="person", help="default: person")
    reject = actions.add_parser("reject", help="an entity or agreement that is not what extraction says")
    reject.add_argument("target", metavar="FACT", help="a name or IRI")
    reject.add_argument(
        "--kind", choices=("person", "body", "agreement"), default="person", help="default: person"
    )
    set_date = actions.add_parser("set-date", help="the signing date of an agreement")
    set_date.add_argument("agreement", metavar="AGREEMENT", help="its IRI, or words of its title")
    set_date.add_argument("date", metavar="DATE", help="YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD")
    set_date.add_argument(
        "--party", action="append", metavar="BODY", help="a party, to tell agreements apart"
    )
    for action in (merge, reject, set_date):
        action.add_argument("--file", metavar="FILE", help="the curation file to append to")
        action.add_argument("--id", help="the entry's id (keep it when you edit the entry)")
        action.add_argument("--curator", help="who says so (default: the file's header)")
        action.add_argument("--source", help="where it is said: a URL or text")
        action.add_argument("--note", help="why")
        action.add_argument("--no-apply", action="store_true", help="only append; the next build applies it")
        _common(action)

    p = sub.add_parser(
        "import",
        help="store an RDF file (Turtle, TriG, JSON-LD…) in a named graph of its own",
        description="Store facts from another linked-data source in <base>graph/import/NAME, beside the "
        "article graphs; importing the same NAME again replaces that graph. A malformed file is refused "
        "with its line, and nothing is stored.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help="*.ttl, *.trig, *.jsonld, *.nt or *.nq")
    p.add_argument("--name", help="the graph's name (default: the file's stem)")
    _base_iri(p)
    _common(p)

    p = sub.add_parser(
        "load",
        help="bulk-load a dump (N-Quads or TriG, as export writes) into a new store",
        description="Load a dataset dump (`govkg export --format nq` or trig, optionally gzipped) into a new "
        "empty store with Oxigraph's bulk loader (several times faster than a build writes). The dump loads "
        "into a folder beside the store, moved into place only when whole: a malformed dump leaves nothing. "
        "A store that holds data is refused; add articles to it with build.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("dump", metavar="FILE", help="*.nq, *.trig, *.nq.gz or *.trig.gz")
    p.add_argument(
        "--data-dir", metavar="DIR", help="where the new store goes (default: $GOVKG_DATA or ./govkg-data)"
    )

    p = sub.add_parser(
        "export",
        help="write the whole graph as Turtle, TriG, N-Quads, JSON-LD, GraphML, GEXF…",
        description="Export the graph. Dataset formats (trig, nq, jsonld) keep one named graph per article; "
        "graph formats (ttl, nt, rdfxml) hold the union of all graphs; graphml and gexf (for Gephi) hold the "
        "network of persons, bodies, provinces and agreements and their relations (signed, party, holds post "
        "in, organ of, succeeded by).",
    )
    p.add_argument(
        "--format",
        choices=("ttl", "trig", "nq", "nt", "jsonld", "rdfxml", "graphml", "gexf"),
        default="ttl",
    )
    p.add_argument("--out", default="-", metavar="FILE", help="output file (default: - for stdout)")
    _common(p)

    p = sub.add_parser(
        "validate",
        help="check the graph store, or RDF files, against the SHACL shapes",
        description="Validate each named graph of the store (default), or of the RDF files given, against "
        "the SHACL shapes (ontology/shapes.ttl), each graph on its own with the ontology's class hierarchy; "
        "print the violations grouped by graph and node. Files: Turtle (.ttl), TriG (.trig), N-Quads (.nq), "
        "N-Triples (.nt), JSON-LD (.jsonld, .json), RDF/XML (.rdf), by extension.",
        epilog=VALIDATE_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="RDF files to validate instead of the store")
    _common(p)

    p = sub.add_parser(
        "viz",
        help="write an interactive HTML view of the graph",
        description="Write one self-contained HTML file (works offline, no CDN) showing persons, bodies "
        "and agreements, with the sentence and article behind each fact in its tooltip.",
    )
    p.add_argument("--out", default="govkg-graph.html", metavar="FILE.html")
    p.add_argument(
        "--title", help="the page title (default: govkg knowledge graph, in Vietnamese and English)"
    )
    p.add_argument(
        "--timeline",
        metavar="FILE.html",
        help="also write a timeline page: agreements by signing date (partial dates at their precision, "
        "dates without a year in their own lane), organizational changes, posts as first–last attested",
    )
    p.add_argument(
        "--focus",
        action="append",
        metavar="NAME",
        help="draw only the neighbourhood of this person, body or province (a name, found as `govkg find` "
        "does, or an IRI; ambiguous names list the candidates, exit 5); repeatable",
    )
    p.add_argument("--depth", type=int, metavar="N", help="with --focus: how many hops around it (default 2)")
    p.add_argument(
        "--max-nodes",
        type=int,
        metavar="N",
        help="draw at most N nodes (default 2000; 0: no cap): above it the page draws the agreements, the "
        "nodes linked to them and the most connected rest, and says what it left out",
    )
    _common(p)

    p = sub.add_parser(
        "path",
        help="how two persons, bodies, provinces or agreements are connected",
        description="Print the shortest path between two nodes of the graph, hop by hop, with the agreements "
        "signed and posts held on it. A and B are IRIs, or names when the graph's name index is installed. "
        "Prints 'not connected' (exit 0) when no path joins them.",
    )
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    _common(p)

    p = sub.add_parser(
        "central",
        help="the most central officials and bodies",
        description="Rank nodes by betweenness centrality (the share of shortest paths between other nodes "
        "that pass through one: brokers) or by degree (distinct neighbours); ties go to the other measure, "
        "then the label.",
    )
    p.add_argument("--kind", choices=("person", "body", "province", "agreement"), help="default: every kind")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many (default 10)")
    p.add_argument("--by", choices=("betweenness", "degree"), default="betweenness")
    _common(p)

    p = sub.add_parser(
        "serve",
        help="serve the store as a SPARQL 1.1 endpoint, with a query page and the explorer",
        description="Serve the embedded store over HTTP (SPARQL 1.1 Protocol): queries at /sparql (GET or "
        "POST; JSON, XML, CSV, TSV, Turtle, JSON-LD… by Accept), SPARQL Update at /update (only with an "
        "update token, sent as `Authorization: Bearer TOKEN`), a query page at /, the graph and the "
        "timeline at /explore and /timeline. Read-only by default; stop it with Ctrl-C.",
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any free port)")
    p.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="answer 503 to a query still running after this long (default 30)",
    )
    p.add_argument(
        "--max-results",
        type=int,
        default=100_000,
        metavar="N",
        help="answer 422 to a query with more than N rows or triples (default 100000)",
    )
    p.add_argument(
        "--update-token",
        metavar="TOKEN",
        help="enable SPARQL Update for requests carrying this bearer token (default: $GOVKG_UPDATE_TOKEN; "
        "unset: read-only)",
    )
    p.add_argument(
        "--data-dir", metavar="DIR", help="where the graph store lives (default: $GOVKG_DATA or ./govkg-data)"
    )
    p.add_argument("--quiet", action="store_true", help="do not log each request on stderr")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "query":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return COMMANDS[args.command](args, extra)
    except GovkgError as error:
        print(f"govkg: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("govkg: interrupted; every article loaded so far is stored whole", file=sys.stderr)
        return 130


def _config(args: argparse.Namespace) -> Config:
    return load_config(
        data_dir=getattr(args, "data_dir", None),
        base_iri=getattr(args, "base_iri", None),
        endpoint=getattr(args, "endpoint", None),
        update_endpoint=getattr(args, "update_endpoint", None),
        gsp_endpoint=getattr(args, "gsp_endpoint", None),
        write_method=getattr(args, "write_method", None),
    )


def _open_store(config: Config, *, read_only: bool = False) -> KnowledgeStore:
    """The embedded store in the data directory, or the remote SPARQL endpoint when one is configured."""
    if config.endpoint:
        from govkg.graph.remote import RemoteStore

        return RemoteStore.connect(  # type: ignore[return-value]  # the same interface, over HTTP
            config.endpoint,
            update=config.update_endpoint,
            gsp=config.gsp_endpoint,
            write=config.write_method,  # type: ignore[arg-type]
            base_iri=config.base_iri,
        )
    from govkg.graph.store import KnowledgeStore

    return KnowledgeStore.open(config.store_dir, read_only=read_only)


def cmd_build(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.config import curation_files, remember_curation_files
    from govkg.pipeline import build, example_articles
    from govkg.progress import build_progress

    inputs = list(args.inputs) + ([str(example_articles())] if args.examples else [])
    if not inputs:
        raise GovkgError("nothing to build", hint="give files, folders, globs or -, or --examples")
    config = _config(args)
    curations = [Path(f) for f in args.curations] if args.curations else curation_files(config)
    if curations and config.endpoint:
        raise GovkgError(
            "curations are applied to the embedded store only",
            hint="build into a --data-dir, then `govkg export --format nq` for the remote store's loader",
        )
    with _open_store(config) as store:
        if args.curations:
            remember_curation_files(config, curations)
        with build_progress(inputs) as advance:
            report = build(
                inputs,
                store,
                base_iri=config.base_iri,
                strict=args.strict,
                infer=args.infer,
                on_invalid=args.on_invalid,
                on_article=advance,
                force=args.force,
                prune=args.prune,
                processes=args.processes,
                curations=curations,
            )
        print(report.summary(), file=sys.stderr)
        print(f"store: {store.location} ({len(store)} quads)", file=sys.stderr)
    return 1 if report.skipped else 0


def cmd_extract(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.loaders.extract import extract
    from govkg.loaders.readers import ReadError, iter_articles

    skipped: list[ReadError] = []
    for article in iter_articles(args.inputs, on_error=skipped.append):
        extraction = extract(article)
        if args.json:
            print(json.dumps(extraction.to_json(with_evidence=args.evidence), ensure_ascii=False))
        else:
            _print_extraction(extraction, sys.stdout)
    for error in skipped:
        print(f"govkg: skipped {error.location}: {error.problem}\n  → {error.fix}", file=sys.stderr)
    return 1 if skipped else 0


def _print_extraction(extraction: Extraction, out: TextIO) -> None:
    article = extraction.article
    out.write(f"# {article.id}  {article.title}\n")
    for person in extraction.persons:
        posts = "; ".join(f"{p.title}, {p.organization}" for p in person.posts)
        out.write(f"  person     {person.name}" + (f" — {posts}" if posts else "") + "\n")
    for body in extraction.organizations:
        out.write(f"  body       {body.name} ({body.type})\n")
    for agreement in extraction.agreements:
        out.write(
            f"  agreement  {agreement.kind}: {agreement.title} [{agreement.date or 'date not stated'}]\n"
        )
        out.write(f"             parties: {' · '.join(agreement.parties)}\n")
        for signatory in agreement.signatories:
            out.write(f"             signed by {signatory.person} for {signatory.on_behalf_of or '?'}\n")


def cmd_eval(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.loaders.evaluation import differences, format_table, score
    from govkg.loaders.extract import extract
    from govkg.loaders.readers import ReadError, read_annotated

    gold: list[dict] = []
    predicted: list[dict] = []
    try:
        for name in args.gold:
            for record, article in read_annotated(Path(name)):
                gold.append(record)
                predicted.append(extract(article).to_json())
    except ReadError as error:
        raise InputError(f"{error.location}: {error.problem}", hint=error.fix) from None
    scores = score(gold, predicted)
    if args.json:
        print(
            json.dumps(
                {
                    k: {
                        "precision": s.precision,
                        "recall": s.recall,
                        "f1": s.f1,
                        "tp": s.tp,
                        "fp": s.fp,
                        "fn": s.fn,
                    }
                    for k, s in scores.items()
                },
                indent=2,
            )
        )
    else:
        print(f"{len(gold)} articles from {', '.join(args.gold)}")
        print(format_table(scores))
    if args.errors:
        for difference in differences(gold, predicted):
            print(difference, file=sys.stderr if args.json else sys.stdout)
    return 0


def _query_list_text() -> str:
    """Every named query with its title, description and parameters: for --list and query --help."""
    from govkg.queries.library import list_queries

    lines = ["named queries:"]
    for query in list_queries():
        lines += [f"  {query.name}", f"    {query.title}"]
        if query.description:
            lines.append(f"    {query.description}")
        for param in query.params:
            default = f", default {param.default}" if param.default else ""
            lines.append(f"      --{param.name} ({param.type}{default}): {param.help}")
    return "\n".join(lines) + "\n"


def _query_options(extra: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    items = iter(extra)
    for item in items:
        if not item.startswith("--") or item == "--":
            raise QueryError(f"unexpected argument {item!r}", hint="give parameters as --name value")
        name, sep, value = item[2:].partition("=")
        if not sep:
            value = next(items, None)  # type: ignore[assignment]
            if value is None:
                raise QueryError(f"--{name} needs a value")
        values[name.replace("-", "_")] = value
    return values


def cmd_query(args: argparse.Namespace, extra: list[str]) -> int:
    from govkg.queries.formatting import write_result
    from govkg.queries.library import ENTITY_TYPES, get_query

    if args.list or not args.name:
        sys.stdout.write(_query_list_text())
        return 0
    query = get_query(args.name)
    values = _query_options(extra)
    config = _config(args)
    with _open_store(config, read_only=True) as store:
        resolver = None
        if any(p.type in ENTITY_TYPES and values.get(p.name, p.default) for p in query.params):
            from govkg.queries.names import NameIndex

            resolver = NameIndex.for_store(store).resolve  # names → the persons and bodies they mean
        text = query.render(values, resolver)
        result = store.query(text)
        write_result(result, args.format, sys.stdout, prefixes=_prefixes(config))
    return 0


def _ask_examples_text() -> str:
    from govkg.queries.ask import examples

    return "questions it understands, e.g.:\n" + "".join(f"  {q}\n" for q in examples())


def cmd_ask(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.queries.answers import ask, format_answer
    from govkg.queries.ask import parse
    from govkg.queries.names import NameIndex

    question = sys.stdin.read() if args.question == ["-"] else " ".join(args.question)
    parse(question)  # a question it does not understand fails before the store is opened
    with _open_store(_config(args), read_only=True) as store:
        answer = ask(question, store, NameIndex.for_store(store).resolve)
    sys.stdout.write(format_answer(answer, args.format))
    return 0


def cmd_find(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.queries.names import NameIndex

    with _open_store(_config(args), read_only=True) as store:
        matches = NameIndex.for_store(store).find(args.name, args.kind, limit=max(args.limit, 1))
    if not matches:
        raise QueryError(f"nothing in the graph is named like {args.name!r}", hint="check the spelling")
    print(f"{'score':>5}  {'kind':<6}  label (what tells it apart)  <IRI>  — why")
    for m in matches:
        hint = f" ({m.hint})" if m.hint else ""
        print(f"{m.score:>5.2f}  {m.kind:<6}  {m.label}{hint}  <{m.iri}>  — {m.why}")
    return 0


def _prefixes(config: Config) -> dict[str, str]:
    from govkg.graph.export import PREFIXES

    return {"id": config.base_iri, **PREFIXES}


def cmd_sparql(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.queries.formatting import write_result

    text = args.query
    if text == "-":
        text = sys.stdin.read()
    elif text.endswith(".rq") or (len(text) < 4096 and "\n" not in text and Path(text).is_file()):
        try:
            text = Path(text).read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(f"{args.query}: cannot read ({error.strerror})", hint="check the path") from None
    config = _config(args)
    with _open_store(config, read_only=True) as store:
        result = store.query(text)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            sys.stdout.write(result.graph.serialize(format="turtle"))
        else:
            write_result(result, args.format, sys.stdout, prefixes=_prefixes(config))
    return 0


def cmd_export(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.graph.export import export

    config = _config(args)
    with _open_store(config, read_only=True) as store:
        if args.out == "-":
            export(store, sys.stdout.buffer, args.format, base_iri=config.base_iri)
        else:
            with open(args.out, "wb") as output:
                export(store, output, args.format, base_iri=config.base_iri)
            print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_curate(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.config import curation_files, remember_curation_files
    from govkg.curation import append_entry, apply_curations, load_curations
    from govkg.graph.identity import Minter

    config = _config(args)
    files = curation_files(config)
    file = Path(args.file) if args.file else (files[0] if files else Path("curations.yaml"))
    if args.action == "merge":
        if len(args.names) < 2:
            raise GovkgError("merge needs two or more names", hint="govkg curate merge A B")
        action = {"merge": {args.kind: list(args.names)}}
    elif args.action == "reject":
        rejected = _agreement_ref(args.target, None) if args.kind == "agreement" else args.target
        action = {"reject": {args.kind: rejected}}
    else:
        action = {"set-date": {"agreement": _agreement_ref(args.agreement, args.party), "date": args.date}}
    extra = {key: getattr(args, key) for key in ("id", "curator", "source", "note") if getattr(args, key)}
    entry = append_entry(file, extra | action)
    print(f"appended to {file}: {entry.describe()}", file=sys.stderr)
    if file.resolve() not in files:
        remember_curation_files(config, [*files, file])
        print(f"{file} is applied by every build of {config.data_dir} from now on", file=sys.stderr)
    if args.no_apply or not config.store_dir.exists():
        return 0
    with _open_store(config) as store:
        report = apply_curations(store, load_curations(curation_files(config)), Minter(config.base_iri))
    print(report.summary(), file=sys.stderr)
    return 0


def _agreement_ref(text: str, parties: list[str] | None) -> str | dict[str, object]:
    """An agreement as a curation entry names it: its IRI, or words of its title (and its parties)."""
    if text.startswith(("http://", "https://")):
        return text
    return {"title": text} | ({"parties": parties} if parties else {})


def cmd_import(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.curation import import_rdf
    from govkg.graph.identity import Minter

    config = _config(args)
    with _open_store(config) as store:
        graph, triples = import_rdf(store, Path(args.file), Minter(config.base_iri), name=args.name)
    print(f"imported {triples} triples from {args.file} into <{graph}>", file=sys.stderr)
    return 0


def cmd_load(args: argparse.Namespace, _: list[str]) -> int:
    import time

    from govkg.graph.bulk import load_dump

    config = _config(args)
    started = time.perf_counter()
    quads = load_dump(Path(args.dump), config.store_dir)
    seconds = time.perf_counter() - started
    print(f"loaded {quads} quads into {config.store_dir} in {seconds:.1f} s", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.ontology.validation import format_report, validate_files, validate_store

    try:
        if args.files:
            report = validate_files(Path(name) for name in args.files)
        else:
            with _open_store(_config(args), read_only=True) as store:
                report = validate_store(store)
    except GovkgError as error:
        error.exit_code = 2  # documented for this command: every error is 2, 1 means "does not conform"
        raise
    print(format_report(report))
    return 0 if report.conforms else 1


def cmd_viz(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.viz import render_graph, render_timeline

    if args.depth is not None and args.depth < 0:
        raise QueryError(f"--depth must be 0 or more, not {args.depth}")
    if args.max_nodes is not None and args.max_nodes < 0:
        raise QueryError(f"--max-nodes must be 0 (no cap) or more, not {args.max_nodes}")
    config = _config(args)
    with _open_store(config, read_only=True) as store:
        options: dict = {"title": args.title} if args.title else {}  # render_graph's keyword options
        if args.focus:
            options["focus"] = [iri for found in _graph_nodes(store, *args.focus) for iri in found]
        if args.depth is not None:
            options["depth"] = args.depth
        if args.max_nodes is not None:
            options["max_nodes"] = args.max_nodes
        model = render_graph(store.dataset, Path(args.out), **options)
        timeline = render_timeline(store.dataset, Path(args.timeline)) if args.timeline else None
    print(f"wrote {args.out} ({len(model.nodes)} nodes, {len(model.edges)} edges)", file=sys.stderr)
    for note in model.notes:
        print(f"  {note}", file=sys.stderr)
    if timeline is not None:
        print(f"wrote {args.timeline} ({len(timeline.items)} timeline items)", file=sys.stderr)
    return 0


def _graph_nodes(store: KnowledgeStore, *texts: str) -> list[list[str]]:
    """An IRI stands for itself; a name goes through the name index, as the kind its best match has."""
    if all(text.startswith(("http://", "https://")) for text in texts):
        return [[text] for text in texts]
    try:
        from govkg.queries.names import NameIndex
    except ImportError:
        raise QueryError("give nodes as IRIs", hint="this install has no name index") from None
    index, found = NameIndex.for_store(store), []
    for text in texts:
        if text.startswith(("http://", "https://")):
            found.append([text])
            continue
        best = index.find(text, limit=1)  # its kind decides; no match at all: the person search's error
        found.append([str(n) for n in index.resolve(text, best[0].kind if best else "person")])
    return found


def cmd_path(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.graph.analysis import connection, project

    with _open_store(_config(args), read_only=True) as store:
        graph = project(store)
        starts, ends = _graph_nodes(store, args.a, args.b)
    paths = [c for a in starts for b in ends if (c := connection(graph, a, b)) is not None]
    if not paths:
        print(f"not connected: no path joins {args.a} and {args.b} in the graph")
        return 0
    best = min(paths, key=lambda c: (len(c.nodes), c.nodes))
    print(best.label(best.nodes[0]))
    for step in best.steps():
        print(f"  {step}")
    return 0


def cmd_central(args: argparse.Namespace, _: list[str]) -> int:
    from govkg.graph.analysis import central, project

    if args.top < 1:
        raise QueryError(f"--top must be at least 1, not {args.top}")
    with _open_store(_config(args), read_only=True) as store:
        graph = project(store)
    ranked = central(graph, args.kind, args.top, by=args.by)
    print(f"ranked by {args.by}; betweenness = share of shortest paths through the node, degree = neighbours")
    print(f"{'rank':>4}  {'betweenness':>11}  {'degree':>6}  {'kind':<9}  label  <IRI>")
    for r in ranked:
        print(f"{r.rank:>4}  {r.betweenness:>11.4f}  {r.degree:>6}  {r.kind:<9}  {r.label}  <{r.node}>")
    return 0


def cmd_serve(args: argparse.Namespace, _: list[str]) -> int:
    import os

    from govkg.graph.export import PREFIXES
    from govkg.graph.store import KnowledgeStore
    from govkg.server import ServerOptions, describe, make_server

    if args.timeout <= 0 or args.max_results < 1:
        raise QueryError("--timeout and --max-results must be positive")
    token = args.update_token or os.environ.get("GOVKG_UPDATE_TOKEN") or None
    config = load_config(data_dir=args.data_dir)
    options = ServerOptions(
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        max_results=args.max_results,
        update_token=token,
        prefixes={"id": config.base_iri, **PREFIXES},
        log=not args.quiet,
    )
    # writable (and locked against `govkg build`) only when updates are enabled
    with KnowledgeStore.open(config.store_dir, read_only=token is None) as store:
        try:
            server = make_server(store, options)
        except OSError as error:
            raise GovkgError(
                f"cannot listen on {args.host}:{args.port}: {error.strerror}", hint="try another --port"
            ) from None
        print(describe(server, options), file=sys.stderr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("govkg serve: stopped", file=sys.stderr)
        finally:
            server.server_close()
    return 0


COMMANDS = {
    "build": cmd_build,
    "extract": cmd_extract,
    "eval": cmd_eval,
    "query": cmd_query,
    "find": cmd_find,
    "ask": cmd_ask,
    "sparql": cmd_sparql,
    "curate": cmd_curate,
    "import": cmd_import,
    "load": cmd_load,
    "export": cmd_export,
    "validate": cmd_validate,
    "viz": cmd_viz,
    "path": cmd_path,
    "central": cmd_central,
    "serve": cmd_serve,
}
