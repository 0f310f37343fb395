"""Questions in Vietnamese or English, answered by the named queries: a small, declarative grammar.

A question is normalized (NFC, one tone placement), then folded to lower-case ASCII
(``Ai đã ký`` → ``ai da ky``), so one regular expression serves questions typed with or without
diacritics; the slots it captures (``body``, ``person``, ``kind``, ``title``, a year, a date…) are cut
from the normalized question at the same offsets, diacritics and case kept. Each question form names an
*intent*; ``TARGETS`` maps each intent to a named query and its parameters — data, not code, so a new
query (``agreements-of``, ``agreements-between``…) changes only that table. A question no form
matches is ``Unanswerable``, with examples of questions that are understood. Answering (running the
query, collecting sources, the reply in the question's language) is ``govkg.queries.answers``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from govkg.errors import Unanswerable
from govkg.loaders.normalize import fold, normalize

__all__ = [
    "FORMS",
    "TARGETS",
    "Form",
    "Reading",
    "Target",
    "Unanswerable",
    "parse",
]

# ── kinds, titles, dates ───────────────────────────────────────────────────────────────────────────

# folded lower-case words → agreement kind (the class name the queries take); None: any kind
KIND_WORDS: tuple[tuple[str, str | None], ...] = (
    (
        r"bien ban ghi nho|ban ghi nho|memorand(?:um|a|ums)(?: of understanding)?|mous?",
        "MemorandumOfUnderstanding",
    ),
    (
        r"thoa thuan hop tac|bien ban hop tac|(?:co-?operation|collaboration) agreements?",
        "CooperationAgreement",
    ),
    (r"chuong trinh phoi hop|coordination program(?:me)?s?", "CoordinationProgram"),
    (r"thoa thuan|van ban|bien ban|agreements?|deals?", None),
)
KIND = "|".join(words for words, _ in KIND_WORDS)

KIND_NAMES = {
    "vi": {
        "MemorandumOfUnderstanding": "biên bản ghi nhớ",
        "CooperationAgreement": "thỏa thuận hợp tác",
        "CoordinationProgram": "chương trình phối hợp",
        None: "thỏa thuận",
    },
    "en": {
        "MemorandumOfUnderstanding": "memoranda of understanding",
        "CooperationAgreement": "cooperation agreements",
        "CoordinationProgram": "coordination programmes",
        None: "agreements",
    },
}
# the English labels the queries return in their `type` column, in Vietnamese
TYPE_NAMES_VI = {
    "Memorandum of understanding": "Biên bản ghi nhớ",
    "Cooperation agreement": "Thỏa thuận hợp tác",
    "Coordination programme": "Chương trình phối hợp",
    "Coordination program": "Chương trình phối hợp",
    "Other agreement": "Văn bản khác",
}

# English titles → the Vietnamese titles the graph holds
ENGLISH_TITLES: tuple[tuple[str, str], ...] = (
    (r"deputy prime minister", "Phó Thủ tướng"),
    (r"prime minister", "Thủ tướng"),
    (
        r"vice[- ]chair(?:man|woman|person)?|deputy chair(?:man|woman|person)?|vice[- ]president",
        "Phó Chủ tịch",
    ),
    (r"chair(?:man|woman|person)?|president", "Chủ tịch"),
    (r"deputy minister|vice[- ]minister", "Thứ trưởng"),
    (r"minister", "Bộ trưởng"),
    (r"deputy director", "Phó Giám đốc"),
    (r"director", "Giám đốc"),
    (r"deputy (?:party )?secretary", "Phó Bí thư"),
    (r"(?:party )?secretary", "Bí thư"),
)


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    """Folded lower-case title → the title as the graph writes it (``loaders/data/titles.json``)."""
    raw = resources.files("govkg.loaders").joinpath("data/titles.json").read_text(encoding="utf-8")
    return {_fold(t): normalize(t) for t in json.loads(raw)["titles"]}


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    """Words a body's name starts with (and province names): where "A và B" splits into two bodies."""
    raw = resources.files("govkg.loaders").joinpath("data/provinces.json").read_text(encoding="utf-8")
    provinces = {_fold(p["name"]) for p in json.loads(raw)["provinces"]}
    words = (
        "bo ubnd uy ban hdnd hoi dong so tinh thanh pho tp tap doan tong cong ty cong ty ngan hang truong "
        "dai hoc vien cuc tong cuc ban dai su quan the ministry people's provincial province city department "
        "national vietnam"
    )
    return tuple(sorted(provinces | set(words.split()) | {"uy ban", "thanh pho", "tap doan", "ngan hang"}))


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DATE = (
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2} thang \d{1,2},? nam \d{4}"
    r"|\d{1,2} (?:"
    + "|".join(MONTHS)
    + r")[a-z]*,? \d{4}|(?:"
    + "|".join(MONTHS)
    + r")[a-z]* \d{1,2},? \d{4}"
)
TIME_VI = (
    r"(?: (?:vao |trong )?nam (?P<year>\d{4})"
    r"| tu (?:nam )?(?P<year_from>\d{4}) (?:den|toi) (?:nam )?(?P<year_to>\d{4}))?"
)
TIME_EN = (
    r"(?: in (?P<year>\d{4})| (?:from|between) (?P<year_from>\d{4}) (?:to|and|until) (?P<year_to>\d{4}))?"
)
DATE_VI = rf"(?: (?:vao )?(?:ngay )?(?P<date>{DATE}))?"
DATE_EN = rf"(?: (?:on|at) (?P<date>{DATE}))?"


def _parse_date(text: str) -> str:
    """A date as a question writes it (day first: 5/3/2024 is 5 March) → YYYY-MM-DD."""
    words = text.replace(",", " ").split()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
        day, month, year = (int(g) for g in m.groups())
    elif m := re.fullmatch(r"(\d{1,2}) thang (\d{1,2}),? nam (\d{4})", text):
        day, month, year = (int(g) for g in m.groups())
    elif words[0].isdigit():
        day, month, year = int(words[0]), MONTHS.index(words[1][:3]) + 1, int(words[2])
    else:
        month, day, year = MONTHS.index(words[0][:3]) + 1, int(words[1]), int(words[2])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise Unanswerable(
            f"{text!r} is not a date", hint="write it as 5/3/2024 (day first) or 2024-03-05"
        ) from None


# ── the grammar ────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Target:
    """What an intent asks of the graph: a named query and its parameters, each filled from a slot.

    ``also`` runs the query a second time with other parameters and keeps the rows whose ``key``
    column appears in both (agreements between two bodies, until a query of its own exists).
    ``columns`` are shown (None: all but IRIs); ``one_row_per`` collapses rows to one per value of a
    column; ``count`` is the column whose distinct values the answer's sentence counts (None: rows).
    ``articles`` is the column that lists the article ids behind a row (None: there is none).
    """

    query: str
    params: Mapping[str, str]
    also: Mapping[str, str] = field(default_factory=dict)
    key: str = "agreement"
    columns: tuple[str, ...] | None = None
    one_row_per: str | None = None
    count: str | None = None
    articles: str | None = "articles"

    def takes(self, slots: Mapping[str, str]) -> bool:
        """Whether every filled slot has a parameter here (else a filter of the question would be lost)."""
        used = set(self.params.values()) | set(self.also.values())
        return all(slot in used for slot in slots if slot in FILTER_SLOTS)


FILTER_SLOTS = ("body", "other", "person", "kind", "from", "to", "title", "date")
_SIGNED = {"body": "body", "kind": "kind", "from": "from", "to": "to"}
_AGREEMENT_COLUMNS = ("date", "type", "title", "parties", "articles")

# intent → the targets that can answer it, the first that takes every slot the question filled wins
# (agreements-of has no kind or date: "memoranda of Long An in 2022" goes to who-signed). A new query
# changes only this table.
TARGETS: dict[str, tuple[Target, ...]] = {
    "who-signed-with": (Target("who-signed", _SIGNED, count="signatory"),),
    "agreements-of": (
        Target("agreements-of", {"body": "body"}, one_row_per="agreement", count="agreement"),
        Target("who-signed", _SIGNED, columns=_AGREEMENT_COLUMNS, one_row_per="agreement", count="agreement"),
    ),
    "agreements-between": (
        Target(
            "agreements-between",
            {"body": "body", "other": "other"},
            one_row_per="agreement",
            count="agreement",
        ),
        Target(
            "who-signed",
            _SIGNED,
            also={"body": "other"},
            columns=_AGREEMENT_COLUMNS,
            one_row_per="agreement",
            count="agreement",
        ),
    ),
    "posts-of-person": (Target("posts-of-person", {"person": "person"}),),
    "holder-on-date": (
        Target(
            "post-on-date", {"title": "title", "body": "body", "date": "date"}, count="holder", articles=None
        ),
    ),
    "officials-of": (Target("officials-of", {"body": "body"}, count="holder", articles=None),),
}


@dataclass(frozen=True)
class Form:
    """One way of asking: a regular expression over the folded question, with named slots."""

    intent: str
    language: str  # "vi" or "en"
    pattern: str  # over fold(normalize(question)).lower(), without the final "?"
    example: str
    pairs: str = ""  # a slot named "pair" holds two bodies joined by this word ("va", "and")
    strict_pair: bool = False  # split the pair only before a body's head word (else: no match)

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.pattern)


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted(_titles(), key=len, reverse=True))
    english = "|".join(words for words, _ in ENGLISH_TITLES)
    text = (
        pattern.replace("{KIND}", f"(?P<kind>{KIND})")
        .replace("{TIME_VI}", TIME_VI)
        .replace("{TIME_EN}", TIME_EN)
        .replace("{DATE_VI}", DATE_VI)
        .replace("{DATE_EN}", DATE_EN)
        .replace("{TITLE_VI}", f"(?P<title>{titles})")
        .replace("{TITLE_EN}", f"(?P<title>{english}|{titles})")
    )
    return re.compile(text)


_HON_VI = r"(?:(?:ong|ba|dong chi|anh|chi) )?"
_HON_EN = r"(?:(?:mr|mrs|ms|madam)\.? )?"
_SIGN = r"(?:da )?(?:ky ket|ky)"

# Order matters: the first form that matches wins (narrow forms before broad ones).
FORMS: tuple[Form, ...] = (
    # who signed [kind] with BODY [in YEAR]
    Form(
        "who-signed-with",
        "vi",
        rf"(?:nhung )?ai {_SIGN}(?: (?:cac |nhung )?{{KIND}})? voi (?P<body>.+?){{TIME_VI}}",
        "Ai đã ký biên bản ghi nhớ với UBND tỉnh Hậu Giang?",
    ),
    Form(
        "who-signed-with",
        "vi",
        rf"(?P<body>.+?) {_SIGN}(?: (?:cac |nhung )?{{KIND}})? voi (?:nhung )?ai{{TIME_VI}}",
        "Bộ Thông tin và Truyền thông đã ký thỏa thuận hợp tác với ai năm 2022?",
    ),
    Form(
        "who-signed-with",
        "en",
        r"who (?:has |have )?signed (?:(?:the|an?|any) )?(?:{KIND} )?with (?:the )?(?P<body>.+?){TIME_EN}",
        "Who signed agreements with the Ministry of Information and Communications in 2022?",
    ),
    Form(
        "who-signed-with",
        "en",
        r"(?:who|whom) did (?:the )?(?P<body>.+?) sign (?:(?:the|an?|any) )?(?:{KIND} )?with{TIME_EN}",
        "Who did Long An sign memoranda with?",
    ),
    # agreements between A and B
    Form(
        "agreements-between",
        "vi",
        r"(?:nhung |cac )?{KIND} (?:nao )?(?:da duoc ky |duoc ky )?giua (?P<pair>.+? va .+?){TIME_VI}",
        "Những thỏa thuận nào giữa Bộ Thông tin và Truyền thông và UBND tỉnh Hậu Giang?",
        pairs="va",
    ),
    Form(
        "agreements-between",
        "vi",
        rf"(?P<pair>.+? va .+?) {_SIGN}(?: voi nhau)? (?:nhung |cac )?{{KIND}} (?:nao|gi){{TIME_VI}}",
        "Long An và Bộ TT&TT đã ký những thỏa thuận nào?",
        pairs="va",
        strict_pair=True,
    ),
    Form(
        "agreements-between",
        "en",
        r"(?:(?:which|what|list|show)(?: the| all)? )?{KIND} "
        r"(?:are there |were signed |have been signed |exist )?"
        r"between (?:the )?(?P<pair>.+? and .+?){TIME_EN}",
        "Which agreements were signed between Long An and the Ministry of Information and Communications?",
        pairs="and",
    ),
    Form(
        "agreements-between",
        "en",
        r"what did (?:the )?(?P<pair>.+? and .+?) sign(?: together)?{TIME_EN}",
        "What did Hau Giang and the Ministry of Information and Communications sign?",
        pairs="and",
        strict_pair=True,
    ),
    # agreements of BODY
    Form(
        "agreements-of",
        "vi",
        rf"(?P<body>.+?) {_SIGN}(?: duoc)? (?:nhung |cac )?{{KIND}} (?:nao|gi){{TIME_VI}}",
        "Long An đã ký những thỏa thuận nào?",
    ),
    Form(
        "agreements-of",
        "vi",
        rf"(?:nhung |cac )?{{KIND}} (?:nao )?(?:cua|ma) (?P<body>.+?)(?: {_SIGN})?{{TIME_VI}}",
        "Các biên bản ghi nhớ của UBND tỉnh Hậu Giang năm 2022?",
    ),
    Form(
        "agreements-of",
        "en",
        r"(?:which|what) {KIND} (?:did|has|have) (?:the )?(?P<body>.+?) (?:sign|signed){TIME_EN}",
        "Which agreements did Long An sign?",
    ),
    Form(
        "agreements-of",
        "en",
        r"(?:(?:list|show)(?: me)? )?(?:(?:all|the) )?{KIND} "
        r"(?:of|signed by|by) (?:the )?(?P<body>.+?){TIME_EN}",
        "Cooperation agreements signed by Long An in 2024",
    ),
    # who held TITLE of BODY [on DATE]
    Form(
        "holder-on-date",
        "vi",
        r"ai (?:la|lam|giu chuc|dang la|da la|tung la) {TITLE_VI} (?:cua )?(?P<body>.+?){DATE_VI}",
        "Ai là Phó Chủ tịch UBND tỉnh Long An ngày 5/3/2024?",
    ),
    Form(
        "holder-on-date",
        "vi",
        r"{TITLE_VI} (?:cua )?(?P<body>.+?){DATE_VI} la ai",
        "Phó Chủ tịch UBND tỉnh Long An ngày 5/3/2024 là ai?",
    ),
    Form(
        "holder-on-date",
        "en",
        r"who (?:was|is|were|served as|held the post of) (?:the )?{TITLE_EN} "
        r"(?:of|at|in) (?:the )?(?P<body>.+?){DATE_EN}",
        "Who was the Vice Chairman of Long An on 2024-03-05?",
    ),
    # officials of BODY
    Form(
        "officials-of",
        "vi",
        r"(?:(?:nhung|cac) )?(?:ai|lanh dao|quan chuc|can bo)(?: nao)? "
        r"(?:dang |da )?(?:lam viec|giu chuc vu|cong tac)"
        r" (?:o|tai|cua) (?P<body>.+?)",
        "Những ai giữ chức vụ tại UBND tỉnh Long An?",
    ),
    Form(
        "officials-of",
        "vi",
        r"(?:(?:nhung|cac) )?(?:lanh dao|quan chuc|can bo) (?:cua )?(?P<body>.+?)"
        r"(?: (?:la|gom) (?:ai|nhung ai))?",
        "Lãnh đạo của tỉnh Long An là những ai?",
    ),
    Form(
        "officials-of",
        "en",
        r"(?:who are |list |show )?(?:the )?(?:officials|leaders|office holders|leadership) "
        r"(?:of|at|in) (?:the )?(?P<body>.+?)",
        "Who are the officials of Long An?",
    ),
    # posts of PERSON
    Form(
        "posts-of-person",
        "vi",
        rf"{_HON_VI}(?P<person>.+?) (?:hien )?(?:dang |da |da tung |tung )?"
        r"(?:giu|nam giu|dam nhiem|dam nhan|co|lam) "
        r"(?:nhung |cac )?(?:chuc vu|chuc danh|vi tri|cuong vi) (?:gi|nao)",
        "Ông Phạm Đức Long giữ chức vụ gì?",
    ),
    Form(
        "posts-of-person",
        "vi",
        rf"(?:nhung |cac )?(?:chuc vu|chuc danh) (?:cua )?{_HON_VI}(?P<person>.+?)(?: la gi)?",
        "Chức vụ của ông Nguyễn Bá Luân là gì?",
    ),
    Form(
        "posts-of-person",
        "vi",
        rf"{_HON_VI}(?P<person>.+?) la ai",
        "Ông Phạm Tấn Hòa là ai?",
    ),
    Form(
        "posts-of-person",
        "en",
        rf"(?:what|which) (?:posts?|positions?|offices?|titles?|roles?|jobs?) (?:does|did|has|have) {_HON_EN}"
        r"(?P<person>.+?) (?:hold|held|have|had|occupy|occupied)",
        "What posts does Pham Duc Long hold?",
    ),
    Form(
        "posts-of-person",
        "en",
        rf"(?:posts?|positions?) (?:of|held by) {_HON_EN}(?P<person>.+?)",
        "Posts held by Phạm Tấn Hòa",
    ),
    Form("posts-of-person", "en", rf"who(?: is|'s) {_HON_EN}(?P<person>.+?)", "Who is Phạm Đức Long?"),
)


@dataclass(frozen=True)
class Reading:
    """How a question was understood: its form, the slots it filled, and the query that answers it."""

    question: str
    form: Form
    slots: Mapping[str, str]

    @property
    def language(self) -> str:
        return self.form.language

    @property
    def target(self) -> Target:
        targets = TARGETS[self.form.intent]
        return next((t for t in targets if t.takes(self.slots)), targets[-1])

    @property
    def query(self) -> str:
        return self.target.query

    @property
    def params(self) -> dict[str, str]:
        return _fill(self.target.params, self.slots)

    @property
    def also_params(self) -> dict[str, str]:
        return {**self.params, **_fill(self.target.also, self.slots)} if self.target.also else {}

    @property
    def interpretation(self) -> str:
        """E.g. ``who-signed body=UBND tỉnh Hậu Giang kind=MemorandumOfUnderstanding``."""
        words = [self.query, *(f"{k}={v}" for k, v in self.params.items())]
        if self.target.also:
            words += ["∩", self.query, *(f"{k}={v}" for k, v in self.also_params.items())]
        return " ".join(words)


def _fill(mapping: Mapping[str, str], slots: Mapping[str, str]) -> dict[str, str]:
    return {param: slots[slot] for param, slot in mapping.items() if slots.get(slot)}


def _clean(question: str) -> str:
    text = normalize(question).replace("“", '"').replace("”", '"').replace("’", "'")
    text = " ".join(text.split()).strip(" \"'")
    text = re.sub(r"[\s?？!.…:;,]+$", "", text)
    prefixes = r"(?:(?:xin |hay )?cho (?:toi |em |minh )?biet|(?:please |can you )?tell me|please),? "
    return re.sub(rf"^{prefixes}", "", text, flags=re.I)


def _fold(text: str) -> str:
    return fold(text).lower()


def parse(question: str) -> Reading:
    """The first form that matches the question; ``Unanswerable`` (with examples) when none does."""
    text = _clean(question)
    folded = _fold(text)
    if len(folded) != len(text):  # a character that folds to several: slots come from the folded text
        text = folded
    for form in FORMS:
        match = form.regex.fullmatch(folded)
        if not match:
            continue
        slots = _slots(form, match, text)
        if slots is not None:
            return Reading(question, form, slots)
    raise _unanswerable(question)


def _slots(form: Form, match: re.Match[str], text: str) -> dict[str, str] | None:
    groups = {name: value for name, value in match.groupdict().items() if value is not None}
    slots: dict[str, str] = {}
    for name in ("body", "person"):
        if name in groups:
            slots[name] = _strip_name(text[match.start(name) : match.end(name)])
    if "pair" in groups:
        split = _split_pair(text[match.start("pair") : match.end("pair")], form)
        if split is None:
            return None
        slots["body"], slots["other"] = split
    if "kind" in groups:
        kind = next(value for words, value in KIND_WORDS if re.fullmatch(words, groups["kind"]))
        if kind:
            slots["kind"] = kind
    if "year" in groups:
        slots["from"], slots["to"] = f"{groups['year']}-01-01", f"{groups['year']}-12-31"
    if "year_from" in groups:
        slots["from"], slots["to"] = f"{groups['year_from']}-01-01", f"{groups['year_to']}-12-31"
    if "date" in groups:
        slots["date"] = _parse_date(groups["date"])
    if "title" in groups:
        title = groups["title"]
        english = next((vi for words, vi in ENGLISH_TITLES if re.fullmatch(words, title)), None)
        slots["title"] = english or _titles()[title]
    if any(not slots.get(name, "x") for name in ("body", "person", "other")):
        return None
    return slots


def _strip_name(text: str) -> str:
    text = text.strip(" ,\"'")
    return re.sub(r"^(?:the|ông|bà|đồng chí|mr\.?|mrs\.?|ms\.?) ", "", text, flags=re.I).strip()


def _split_pair(text: str, form: Form) -> tuple[str, str] | None:
    """Two bodies joined by "và"/"and" — which may also sit inside a name (Bộ Thông tin và Truyền thông).

    Splits before the first right-hand side that starts like a body's name (a head word or a
    province); otherwise at the last joining word, or not at all for a ``strict_pair`` form.
    """
    folded = _fold(text)
    cuts = [m for m in re.finditer(rf" {form.pairs} ", folded)]
    heads = _heads()
    for cut in cuts:
        right = folded[cut.end() :]
        if any(right == h or right.startswith(h + " ") for h in heads):
            return _strip_name(text[: cut.start()]), _strip_name(text[cut.end() :])
    if form.strict_pair or not cuts:
        return None
    last = cuts[-1]
    return _strip_name(text[: last.start()]), _strip_name(text[last.end() :])


def examples(language: str | None = None) -> list[str]:
    return [f.example for f in FORMS if language in (None, f.language)]


def _language_of(question: str) -> str:
    folded = set(re.findall(r"[a-z]+", _fold(question)))
    vietnamese = {
        "ai",
        "gi",
        "nao",
        "da",
        "ky",
        "cua",
        "nhung",
        "cac",
        "la",
        "voi",
        "ong",
        "ba",
        "tinh",
        "chuc",
    }
    has_marks = _fold(question) != question.lower()
    return "vi" if has_marks or len(folded & vietnamese) >= 2 else "en"


def _unanswerable(question: str) -> Unanswerable:
    language = _language_of(question)
    listed = "\n    ".join(examples(language))
    if language == "vi":
        return Unanswerable(
            f"chưa hiểu câu hỏi {question.strip()!r}",
            hint=f"hãy hỏi theo một trong các mẫu sau (có dấu hoặc không dấu):\n    {listed}",
        )
    return Unanswerable(
        f"did not understand the question {question.strip()!r}",
        hint=f"ask it in one of these forms (English or Vietnamese):\n    {listed}",
    )
