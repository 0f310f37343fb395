"""Answers to questions: run the named query a question was read as, collect the sources, format.

The grammar that reads questions is ``govkg.queries.ask``; this module turns a ``Reading`` into rows,
the article sentences behind them, and a reply in the question's language (a sentence and a table).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from govkg.queries.ask import KIND_NAMES, TYPE_NAMES_VI, Reading, parse
from govkg.queries.formatting import UNKNOWN_YEAR_NOTE, display, markdown_table, text_table
from govkg.queries.library import Resolver, get_query, parse_named_query

if TYPE_CHECKING:
    from govkg.graph.store import KnowledgeStore

# ── answering ─────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Source:
    article: str
    quote: str | None = None


@dataclass
class Answer:
    """The reading of a question, the rows that answer it, and the articles (and sentences) behind them."""

    reading: Reading
    columns: list[str]
    rows: list[dict[str, str]]
    sources: list[Source]
    count: int

    @property
    def interpretation(self) -> str:
        return self.reading.interpretation

    @property
    def language(self) -> str:
        return self.reading.language

    @property
    def sentence(self) -> str:
        return _sentence(self)


EVIDENCE = parse_named_query(
    "evidence",
    """# title: The sentences that state a fact
# param: fact (iri): an agreement, or a person whose post holdings are meant
# param: post (string): with a person: only the holdings of this title
PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?article ?quote
WHERE {
  VALUES (?fact ?post) { (UNDEF UNDEF) }
  { ?fact gk:evidence ?evidence . BIND ("" AS ?title) }
  UNION
  { ?holding gk:holder ?fact ; gk:postTitle ?title ; gk:evidence ?evidence }
  FILTER (IF(STR(?title) = "", !BOUND(?post), !BOUND(?post) || LCASE(STR(?title)) = LCASE(STR(?post))))
  ?evidence gk:quote ?quote ; prov:entity/gk:articleId ?article .
}
ORDER BY ?article ?quote
""",
)
MAX_QUOTED_FACTS = 12


def ask(question: str, store: KnowledgeStore, resolver: Resolver | None = None) -> Answer:
    """Understand a question, run the named query it maps to, and gather the sources of each fact."""
    reading = parse(question)
    target = reading.target
    query = get_query(target.query)
    header, rows = _run(store, query.render(reading.params, resolver))
    if target.also:
        _, other = _run(store, query.render(reading.also_params, resolver))
        keep = {row.get(target.key) for row in other}
        rows = [row for row in rows if row.get(target.key) in keep]
    counted = (
        len({row.get(target.count) for row in rows if row.get(target.count)}) if target.count else len(rows)
    )
    sources = _sources(store, rows, target.articles)
    if target.one_row_per:
        seen: set[str] = set()
        rows = [
            r
            for r in rows
            if not (r.get(target.one_row_per) in seen or seen.add(r.get(target.one_row_per, "")))
        ]
    columns = list(target.columns or [h for h in header if h not in ("agreement", "holder")])
    if target.columns:
        rows = [
            {c: r.get(c, "") for c in columns} | {k: v for k, v in r.items() if k not in columns}
            for r in rows
        ]
    return Answer(reading, columns, rows, sources, counted)


def _run(store: KnowledgeStore, text: str) -> tuple[list[str], list[dict[str, str]]]:
    result = store.query(text)
    header = [str(v) for v in result.vars or []]
    rows = []
    for row in result:
        rows.append({h: display(row[h], {}) for h in header})  # type: ignore[index]
    return header, rows


def _sources(store: KnowledgeStore, rows: list[dict[str, str]], articles: str | None) -> list[Source]:
    """The article ids of the rows, with the sentences that state each agreement or post held."""
    found: dict[tuple[str, str | None], None] = {}
    facts: dict[tuple[str, str | None], None] = {}
    for row in rows:
        if row.get("agreement"):
            facts[(row["agreement"], None)] = None
        elif row.get("holder"):
            facts[(row["holder"], row.get("post") or None)] = None
    for fact, post in list(facts)[:MAX_QUOTED_FACTS]:
        values = {"fact": fact, **({"post": post} if post else {})}
        for article, quote in store.select_values(EVIDENCE.render(values)):
            if article:
                found[(article, quote)] = None
    quoted = {article for article, _ in found}
    for row in rows:
        for article in row.get(articles, "").split() if articles else ():
            if article not in quoted:
                found[(article, None)] = None
    return [Source(article, quote) for article, quote in found]


# ── formatting ────────────────────────────────────────────────────────────────────────────────────

HEADERS = {
    "vi": {
        "date": "Ngày ký",
        "type": "Loại",
        "title": "Văn bản",
        "signatory": "Người ký",
        "signedFor": "Thay mặt",
        "parties": "Các bên",
        "articles": "Bài báo",
        "name": "Họ tên",
        "post": "Chức vụ",
        "in": "Cơ quan",
        "firstAttested": "Từ",
        "lastAttested": "Đến",
        "attestations": "Số ngày nhắc đến",
        "party": "Bên ký",
        "formerly": "Thuộc (khi ký)",
        "partOf": "Nay thuộc",
        "otherParty": "Bên kia",
        "signatories": "Người ký",
    },
    "en": {
        "date": "Signed",
        "type": "Kind",
        "title": "Title",
        "signatory": "Signatory",
        "signedFor": "For",
        "parties": "Parties",
        "articles": "Articles",
        "name": "Name",
        "post": "Post",
        "in": "Body",
        "firstAttested": "From",
        "lastAttested": "To",
        "attestations": "Days attested",
        "party": "Party",
        "formerly": "Of (then)",
        "partOf": "Now part of",
        "otherParty": "Other party",
        "signatories": "Signatories",
    },
}

SENTENCES: dict[str, dict[str, tuple[str, str]]] = {  # intent → language → (found, none found)
    "who-signed-with": {
        "vi": (
            "{n} người đã ký {kind} với {body}{time}:",
            "Không tìm thấy ai đã ký {kind} với {body}{time}.",
        ),
        "en": (
            "{n} people signed {kind} with {body}{time}:",
            "Found no one who signed {kind} with {body}{time}.",
        ),
    },
    "agreements-of": {
        "vi": ("{body} đã ký {n} {kind}{time}:", "Không tìm thấy {kind} nào {body} đã ký{time}."),
        "en": ("{body} signed {n} {kind}{time}:", "Found no {kind} that {body} signed{time}."),
    },
    "agreements-between": {
        "vi": (
            "{n} {kind} giữa {body} và {other}{time}:",
            "Không tìm thấy {kind} nào giữa {body} và {other}{time}.",
        ),
        "en": (
            "{n} {kind} between {body} and {other}{time}:",
            "Found no {kind} between {body} and {other}{time}.",
        ),
    },
    "posts-of-person": {
        "vi": ("{person} giữ {n} chức vụ:", "Không tìm thấy chức vụ nào của {person}."),
        "en": ("{person} holds or held {n} posts:", "Found no posts of {person}."),
    },
    "holder-on-date": {
        "vi": ("{n} người là {title} {body}{date}:", "Không tìm thấy ai là {title} {body}{date}."),
        "en": (
            "{n} people held the post of {title}, {body}{date}:",
            "Found no one who was {title}, {body}{date}.",
        ),
    },
    "officials-of": {
        "vi": ("{n} người giữ chức vụ tại {body}:", "Không tìm thấy ai giữ chức vụ tại {body}."),
        "en": ("{n} people hold or held posts in {body}:", "Found no one who holds a post in {body}."),
    },
}
UNDERSTOOD = {"vi": "Hiểu là", "en": "Understood as"}
SOURCES = {"vi": "Nguồn", "en": "Sources"}
NO_RESULTS = {"vi": "(không có kết quả)", "en": "(no results)"}
NOTES = {
    "vi": "????-MM-DD: bài báo nêu ngày và tháng nhưng không nêu năm.",
    "en": UNKNOWN_YEAR_NOTE,
}


def _sentence(answer: Answer) -> str:
    reading, language = answer.reading, answer.language
    slots = reading.slots
    if slots.get("from"):
        first, last = slots["from"][:4], slots["to"][:4]
        if language == "vi":
            time = f" năm {first}" if first == last else f" từ năm {first} đến năm {last}"
        else:
            time = f" in {first}" if first == last else f" from {first} to {last}"
    else:
        time = ""
    when = ""
    if slots.get("date"):
        day = date.fromisoformat(slots["date"])
        when = f" ngày {day.day}/{day.month}/{day.year}" if language == "vi" else f" on {day.isoformat()}"
    found, none = SENTENCES[reading.form.intent][language]
    template = found if answer.rows else none
    values = {
        "n": answer.count,
        "kind": KIND_NAMES[language][slots.get("kind")],
        "body": slots.get("body", ""),
        "other": slots.get("other", ""),
        "person": slots.get("person", ""),
        "title": slots.get("title", ""),
        "time": time,
        "date": when,
    }
    text = template.format(**values)
    return text[0].upper() + text[1:]


def _cells(answer: Answer) -> tuple[list[str], list[list[str]]]:
    names = HEADERS[answer.language]
    header = [names.get(c, c) for c in answer.columns]
    body = []
    for row in answer.rows:
        cells = [row.get(c, "") for c in answer.columns]
        if answer.language == "vi" and "type" in answer.columns:
            at = answer.columns.index("type")
            cells[at] = TYPE_NAMES_VI.get(cells[at], cells[at])
        body.append(cells)
    return header, body


def format_answer(answer: Answer, fmt: str = "table") -> str:
    """The answer in the question's language: a sentence, a table (facts with their articles), sources."""
    if fmt == "json":
        return json.dumps(_as_json(answer), ensure_ascii=False, indent=2) + "\n"
    language = answer.language
    header, body = _cells(answer)
    lines = [answer.sentence, f"({UNDERSTOOD[language]}: {answer.interpretation})", ""]
    if fmt == "markdown":
        table = markdown_table(header, body) if body else NO_RESULTS[language] + "\n"
    else:
        table = _text(header, body) if body else NO_RESULTS[language] + "\n"
    text = "\n".join(lines) + "\n" + table
    if any(cell.startswith("????") for row in body for cell in row):
        text += NOTES[language] + "\n"
    if answer.sources:
        text += f"\n{SOURCES[language]}:\n"
        bullet = "- " if fmt == "markdown" else "  "
        for source in answer.sources:
            quote = f": “{source.quote}”" if source.quote else ""
            text += f"{bullet}{source.article}{quote}\n"
    return text


def _as_json(answer: Answer) -> dict[str, object]:
    reading = answer.reading
    return {
        "question": reading.question,
        "language": answer.language,
        "intent": reading.form.intent,
        "query": reading.query,
        "params": reading.params,
        **({"also": reading.also_params} if reading.also_params else {}),
        "interpretation": answer.interpretation,
        "answer": answer.sentence,
        "columns": answer.columns,
        "rows": answer.rows,
        "sources": [{"article": s.article, "quote": s.quote} for s in answer.sources],
    }


def _text(header: list[str], body: list[list[str]]) -> str:
    buffer = io.StringIO()
    text_table(header, body, buffer)
    return buffer.getvalue()

