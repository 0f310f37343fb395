"""Curation files → entries: YAML (every action) and CSV (one added post or agreement a row).

The YAML is read as a node tree (``yaml.compose``), never into Python values, so every value keeps
its line and no date or number is reinterpreted (``2022-07-16`` stays a string, ``0123`` too). Any
problem raises an InputError naming the file, the line and the field; nothing is applied then.
See docs/curation.md for the format.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from govkg.curation.model import (
    ACTIONS,
    AGREEMENT_KINDS,
    Action,
    AddAgreement,
    AddPost,
    AgreementRef,
    EntityRef,
    Entry,
    HoldingRef,
    Merge,
    Place,
    Reject,
    SetDate,
    SetName,
    SignatureRef,
    Signer,
    Split,
    is_iri,
)
from govkg.errors import InputError

HEADER_KEYS = ("curator", "source", "date", "entries")
ENTRY_KEYS = ("id", "curator", "source", "date", "note")
POST_COLUMNS = ("person", "title", "body", "from", "to", "attested")
AGREEMENT_COLUMNS = ("kind", "title", "parties", "signatories", "signing_date", "period_start", "period_end")
_FACT_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|--\d{2}-\d{2})$")
_NULL = "tag:yaml.org,2002:null"


def load_curations(paths: Iterable[str | Path]) -> list[Entry]:
    """The entries of every file, in order (``.yaml``/``.yml``, or ``.csv`` of posts or agreements)."""
    entries: list[Entry] = []
    for path in paths:
        entries += read_file(Path(path))
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.id is not None and entry.id in seen:
            raise entry.place.error(
                f"entry id {entry.id!r} is used twice (first at {seen[entry.id].location})",
                hint="give each entry its own id",
            )
        if entry.id is not None:
            seen[entry.id] = entry
    return entries


def read_file(path: Path) -> list[Entry]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 ({error.reason})", hint="save the file as UTF-8") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read it: {error.strerror}") from None
    if path.suffix.lower() == ".csv":
        return parse_csv(text, str(path))
    if path.suffix.lower() in (".yaml", ".yml"):
        return parse_yaml(text, str(path))
    raise InputError(f"{path}: not a curation file", hint="curation files end in .yaml, .yml or .csv")


# -- YAML ---------------------------------------------------------------------------------------------


class _Node:
    """A YAML node with the file it is in and its field path, for messages."""

    def __init__(self, node: yaml.Node, path: str, field: str) -> None:
        self.node, self.path, self.field = node, path, field

    @property
    def place(self) -> Place:
        return Place(self.path, self.node.start_mark.line + 1, self.field)

    def error(self, problem: str, hint: str | None = None) -> InputError:
        return self.place.error(problem, hint)

    @property
    def is_null(self) -> bool:
        return isinstance(self.node, yaml.ScalarNode) and self.node.tag == _NULL

    def text(self) -> str:
        if not isinstance(self.node, yaml.ScalarNode) or self.is_null:
            raise self.error("expected a value (text, a name, an IRI or a date)")
        value = self.node.value.strip()
        if not value:
            raise self.error("is empty")
        return value

    def items(self) -> list[_Node]:
        if not isinstance(self.node, yaml.SequenceNode):
            raise self.error("expected a list", hint="write [A, B] or one '- item' a line")
        return [_Node(n, self.path, f"{self.field}[{i}]") for i, n in enumerate(self.node.value)]

    def mapping(self, allowed: Iterable[str]) -> dict[str, _Node]:
        if not isinstance(self.node, yaml.MappingNode):
            raise self.error("expected a mapping of 'key: value' lines")
        allowed = tuple(allowed)
        found: dict[str, _Node] = {}
        for key, value in self.node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            child = f"{self.field}.{name}" if self.field else str(name)
            where = _Node(key, self.path, child)
            if name not in allowed:
                raise where.error(f"unknown field {name!r}", hint="known here: " + ", ".join(allowed))
            if name in found:
                raise where.error(f"field {name!r} is given twice")
            found[name] = _Node(value, self.path, child)
        return {k: v for k, v in found.items() if not v.is_null}


def compose_yaml(text: str, path: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        problem = " ".join(str(p) for p in (error.context, error.problem) if p)
        raise InputError(
            f"{path}:{line}: YAML syntax: {problem}", hint="fix the YAML syntax at that line"
        ) from None
    except yaml.YAMLError as error:
        raise InputError(f"{path}: YAML syntax: {error}") from None


def parse_yaml(text: str, path: str) -> list[Entry]:
    """The entries of a curation YAML file's text (``path`` names it in messages)."""
    node = compose_yaml(text, path)
    if node is None:
        return []
    root = _Node(node, path, "")
    header = root.mapping(HEADER_KEYS)
    defaults = {k: header[k].text() for k in ("curator", "source") if k in header}
    if "date" in header:
        defaults["date"] = _curation_date(header["date"])
    if "entries" not in header:
        return []
    return [_entry(item, defaults) for item in header["entries"].items()]


def _entry(node: _Node, defaults: dict[str, str]) -> Entry:
    fields = node.mapping((*ENTRY_KEYS, *ACTIONS))
    verbs = [k for k in fields if k in ACTIONS]
    if len(verbs) != 1:
        found = f"{len(verbs)} ({', '.join(verbs)})" if verbs else "none"
        raise node.error(
            f"an entry needs exactly one action, found {found}", hint="actions: " + ", ".join(ACTIONS)
        )
    verb = verbs[0]
    action = _ACTION_READERS[verb](fields[verb])
    date = _curation_date(fields["date"]) if "date" in fields else defaults.get("date")
    return Entry(
        action=action,
        verb=verb,
        place=node.place,
        id=fields["id"].text() if "id" in fields else None,
        curator=fields["curator"].text() if "curator" in fields else defaults.get("curator"),
        source=fields["source"].text() if "source" in fields else defaults.get("source"),
        date=date,
        note=fields["note"].text() if "note" in fields else None,
    )


def _curation_date(node: _Node) -> str:
    value = _day(node.text())
    if value is None:
        raise node.error(f"not a date: {node.node.value!r}", hint="write the day as YYYY-MM-DD")
    return value


def _day(value: str) -> str | None:
    """``value`` when it is a day that exists, written YYYY-MM-DD."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    return None


def _fact_date(node: _Node, *, full: bool = False) -> str:
    value = node.text()
    if not _FACT_DATE.match(value) or (full and not re.match(r"^\d{4}-\d{2}-\d{2}$", value)):
        forms = "YYYY-MM-DD" if full else "YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (day and month, year unknown)"
        raise node.error(f"not a date: {value!r}", hint=f"write {forms}")
    _check_calendar(value, node.error)
    return value


def _check_calendar(value: str, error: Callable[[str], InputError]) -> None:
    parts = value.removeprefix("--").split("-")
    if value.startswith("--"):
        year, month, day = 2000, int(parts[0]), int(parts[1])  # 2000 is a leap year: --02-29 exists
    else:
        year, month, day = (
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    try:
        datetime.date(year, month, day)
    except ValueError as problem:
        raise error(f"not a date: {value!r} ({problem})") from None


def _entity(node: _Node, kind: str) -> EntityRef:
    return EntityRef(kind, node.text(), node.place)


def _require(fields: dict[str, _Node], node: _Node, *names: str) -> None:
    for name in names:
        if name not in fields:
            raise Place(node.path, node.place.line, f"{node.field}.{name}").error(f"missing field {name!r}")


def _one_of(fields: dict[str, _Node], node: _Node, names: tuple[str, ...]) -> str:
    given = [n for n in names if n in fields]
    if len(given) != 1:
        raise node.error(
            f"name exactly one of {', '.join(names)}" + (f" (found {', '.join(given)})" if given else "")
        )
    return given[0]


def _agreement_ref(node: _Node) -> AgreementRef:
    if isinstance(node.node, yaml.ScalarNode):
        iri = node.text()
        if not is_iri(iri):
            raise node.error(
                f"an agreement is named by its IRI or by a mapping (title, parties, date, kind), not {iri!r}",
                hint="e.g. {title: Biên bản ghi nhớ…, parties: [Bộ TT&TT, UBND tỉnh Hậu Giang]}",
            )
        return AgreementRef(node.place, iri=iri)
    fields = node.mapping(("iri", "title", "parties", "date", "kind"))
    if "iri" in fields:
        return AgreementRef(node.place, iri=fields["iri"].text())
    if "title" not in fields and "parties" not in fields:
        raise node.error("name the agreement by iri, or by title and/or parties")
    return AgreementRef(
        node.place,
        title=fields["title"].text() if "title" in fields else None,
        parties=tuple(_entity(n, "body") for n in fields["parties"].items()) if "parties" in fields else (),
        date=_fact_date(fields["date"]) if "date" in fields else None,
        kind=_kind(fields["kind"]) if "kind" in fields else None,
    )


def _kind(node: _Node) -> str:
    value = node.text()
    if value not in AGREEMENT_KINDS:
        raise node.error(f"unknown agreement kind {value!r}", hint="one of " + ", ".join(AGREEMENT_KINDS))
    return value


def _holding_ref(node: _Node) -> HoldingRef:
    if isinstance(node.node, yaml.ScalarNode):
        return HoldingRef(node.place, iri=node.text())
    fields = node.mapping(("iri", "person", "title", "body"))
    if "iri" in fields:
        return HoldingRef(node.place, iri=fields["iri"].text())
    _require(fields, node, "person", "title", "body")
    return HoldingRef(
        node.place,
        person=_entity(fields["person"], "person"),
        title=fields["title"].text(),
        body=_entity(fields["body"], "body"),
    )


def _signature_ref(node: _Node) -> SignatureRef:
    if isinstance(node.node, yaml.ScalarNode):
        return SignatureRef(node.place, iri=node.text())
    fields = node.mapping(("iri", "agreement", "person"))
    if "iri" in fields:
        return SignatureRef(node.place, iri=fields["iri"].text())
    _require(fields, node, "agreement", "person")
    return SignatureRef(
        node.place, agreement=_agreement_ref(fields["agreement"]), person=_entity(fields["person"], "person")
    )


def _add(node: _Node) -> Action:
    fields = node.mapping(("post", "agreement"))
    what = _one_of(fields, node, ("post", "agreement"))
    return _add_post(fields[what]) if what == "post" else _add_agreement(fields[what])


def _add_post(node: _Node) -> AddPost:
    fields = node.mapping(("person", "title", "body", "from", "to", "attested"))
    _require(fields, node, "person", "title", "body")
    attested: tuple[str, ...] = ()
    if "attested" in fields:
        given = fields["attested"]
        items = given.items() if isinstance(given.node, yaml.SequenceNode) else [given]
        attested = tuple(_fact_date(n, full=True) for n in items)
    start = _fact_date(fields["from"]) if "from" in fields else None
    end = _fact_date(fields["to"]) if "to" in fields else None
    for name, value in (("from", start), ("to", end)):
        if value and value.startswith("--"):
            raise fields[name].error(
                f"a post's {name} needs a year: {value!r}", hint="YYYY-MM-DD, YYYY-MM or YYYY"
            )
    if start and end and not start.startswith("--") and end[: len(start)] < start[: len(end)]:
        raise fields["to"].error(f"ends ({end}) before it starts ({start})")
    return AddPost(
        person=_entity(fields["person"], "person"),
        title=fields["title"].text(),
        body=_entity(fields["body"], "body"),
        start=start,
        end=end,
        attested=attested,
    )


def _add_agreement(node: _Node) -> AddAgreement:
    fields = node.mapping(("kind", "title", "parties", "signatories", "date", "period"))
    _require(fields, node, "kind", "parties")
    parties = tuple(_entity(n, "body") for n in fields["parties"].items())
    if len(parties) < 2:
        raise fields["parties"].error("an agreement needs at least two parties")
    signers = []
    for item in fields["signatories"].items() if "signatories" in fields else []:
        if isinstance(item.node, yaml.ScalarNode):
            signers.append(Signer(_entity(item, "person")))
            continue
        signer = item.mapping(("person", "for"))
        _require(signer, item, "person")
        body = _entity(signer["for"], "body") if "for" in signer else None
        signers.append(Signer(_entity(signer["person"], "person"), body))
    start = end = None
    if "period" in fields:
        period = fields["period"].mapping(("start", "end"))
        start = _fact_date(period["start"]) if "start" in period else None
        end = _fact_date(period["end"]) if "end" in period else None
    return AddAgreement(
        kind=_kind(fields["kind"]),
        title=fields["title"].text() if "title" in fields else None,
        parties=parties,
        signatories=tuple(signers),
        date=_fact_date(fields["date"]) if "date" in fields else None,
        period_start=start,
        period_end=end,
    )


def _set_date(node: _Node) -> SetDate:
    fields = node.mapping(("agreement", "date"))
    _require(fields, node, "agreement", "date")
    return SetDate(_agreement_ref(fields["agreement"]), _fact_date(fields["date"]))


def _set_name(node: _Node) -> SetName:
    fields = node.mapping(("person", "body", "name", "lang"))
    kind = _one_of(fields, node, ("person", "body"))
    _require(fields, node, "name")
    lang = fields["lang"].text() if "lang" in fields else "vi"
    if not re.match(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$", lang):
        raise fields["lang"].error(f"not a language tag: {lang!r}", hint="e.g. vi or en")
    return SetName(_entity(fields[kind], kind), fields["name"].text(), lang.lower())


def _merge(node: _Node) -> Merge:
    fields = node.mapping(("person", "body", "agreement", "into"))
    kind = _one_of(fields, node, ("person", "body", "agreement"))
    items = fields[kind].items()
    if len(items) < 2:
        raise fields[kind].error("a merge names at least two entities")
    targets = tuple(_agreement_ref(n) if kind == "agreement" else _entity(n, kind) for n in items)
    into = fields["into"].text() if "into" in fields else None
    if into is not None and not is_iri(into):
        raise fields["into"].error(f"into is the IRI to keep, not {into!r}")
    return Merge(kind, targets, into)


def _split(node: _Node) -> Split:
    fields = node.mapping(("person", "articles", "iri"))
    _require(fields, node, "person", "articles")
    articles = tuple(n.text() for n in fields["articles"].items())
    if not articles:
        raise fields["articles"].error("name at least one article id")
    iri = fields["iri"].text() if "iri" in fields else None
    if iri is not None and not is_iri(iri):
        raise fields["iri"].error(f"not an IRI: {iri!r}")
    return Split(_entity(fields["person"], "person"), articles, iri)


def _reject(node: _Node) -> Reject:
    fields = node.mapping(("person", "body", "agreement", "holding", "signature"))
    what = _one_of(fields, node, ("person", "body", "agreement", "holding", "signature"))
    value = fields[what]
    if what in ("person", "body"):
        return Reject(_entity(value, what))
    if what == "agreement":
        return Reject(_agreement_ref(value))
    return Reject(_holding_ref(value) if what == "holding" else _signature_ref(value))


_ACTION_READERS = {
    "add": _add,
    "set-date": _set_date,
    "set-name": _set_name,
    "merge": _merge,
    "split": _split,
    "reject": _reject,
}


# -- CSV ----------------------------------------------------------------------------------------------

_COMMON_COLUMNS = ("id", "curator", "source", "date", "note")


def parse_csv(text: str, path: str) -> list[Entry]:
    """One ``add`` entry a row: posts (person,title,body,…) or agreements (kind,parties,…), by the header."""
    rows = csv.reader(text.splitlines(keepends=True))
    try:
        header = [h.strip() for h in next(rows)]
    except StopIteration:
        return []
    except csv.Error as error:
        raise InputError(f"{path}:1: CSV: {error}") from None
    columns = POST_COLUMNS if "person" in header else AGREEMENT_COLUMNS
    for number, name in enumerate(header):
        if name not in (*columns, *_COMMON_COLUMNS):
            raise Place(path, 1, name or f"column {number + 1}").error(
                f"unknown column {name!r}",
                hint="posts: "
                + ",".join(POST_COLUMNS)
                + "; agreements: "
                + ",".join(AGREEMENT_COLUMNS)
                + "; both may add "
                + ",".join(_COMMON_COLUMNS),
            )
    entries = []
    try:
        for row in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(f"{path}:{line}: has {len(row)} cells, the header {len(header)}")
            cells = {h: c.strip() for h, c in zip(header, row, strict=True) if c.strip()}
            entries.append(_csv_entry(cells, path, line, columns is POST_COLUMNS))
    except csv.Error as error:
        raise InputError(f"{path}:{rows.line_num}: CSV: {error}") from None
    return entries


def _csv_entry(cells: dict[str, str], path: str, line: int, post: bool) -> Entry:
    def place(column: str) -> Place:
        return Place(path, line, column)

    def need(column: str) -> str:
        if column not in cells:
            raise place(column).error(f"missing {column!r}")
        return cells[column]

    def date(column: str) -> str | None:
        value = cells.get(column)
        if value is None:
            return None
        if not _FACT_DATE.match(value):
            raise place(column).error(f"not a date: {value!r}", hint="YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD")
        _check_calendar(value, place(column).error)
        return value

    def names(column: str, kind: str) -> tuple[EntityRef, ...]:
        return tuple(
            EntityRef(kind, n.strip(), place(column)) for n in cells.get(column, "").split(";") if n.strip()
        )

    action: Action
    if post:
        attested = tuple(d for d in (date("attested"),) if d)
        if any(len(d) != 10 for d in attested):
            raise place("attested").error("attested is a full date, YYYY-MM-DD")
        action = AddPost(
            EntityRef("person", need("person"), place("person")),
            need("title"),
            EntityRef("body", need("body"), place("body")),
            date("from"),
            date("to"),
            attested,
        )
    else:
        kind = need("kind")
        if kind not in AGREEMENT_KINDS:
            raise place("kind").error(
                f"unknown agreement kind {kind!r}", hint="one of " + ", ".join(AGREEMENT_KINDS)
            )
        parties = names("parties", "body")
        if len(parties) < 2:
            raise place("parties").error("an agreement needs at least two parties, separated by ';'")
        signers = []
        for part in cells.get("signatories", "").split(";"):
            if part.strip():
                person, _, body = part.partition("@")
                if not person.strip():
                    raise place("signatories").error(
                        f"no person in {part.strip()!r}", hint="write PERSON @ BODY"
                    )
                signers.append(
                    Signer(
                        EntityRef("person", person.strip(), place("signatories")),
                        EntityRef("body", body.strip(), place("signatories")) if body.strip() else None,
                    )
                )
        action = AddAgreement(
            kind,
            cells.get("title"),
            parties,
            tuple(signers),
            date("signing_date"),
            date("period_start"),
            date("period_end"),
        )
    curation_date = cells.get("date")
    if curation_date is not None and _day(curation_date) is None:
        raise place("date").error(f"not a date: {curation_date!r}", hint="the curation day, YYYY-MM-DD")
    return Entry(
        action=action,
        verb="add",
        place=Place(path, line, "row"),
        id=cells.get("id"),
        curator=cells.get("curator"),
        source=cells.get("source"),
        date=curation_date,
        note=cells.get("note"),
    )
