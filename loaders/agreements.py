"""Agreements: a clause that names an agreement kind and says it was signed.

Kind from the document's name (biên bản ghi nhớ / MOU → memorandum; thỏa thuận hợp tác, biên bản
hợp tác → cooperation agreement; chương trình / quy chế phối hợp → coordination programme). A
signing only planned ("sẽ ký", "tiến tới ký kết"), a witness ("chứng kiến") and documents that are not
agreements (quyết định, đăng ký, chữ ký số) do not count. Parties are the bodies the signatories
sign for, or else the bodies the clause names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govkg.loaders.dates import DateMention, find_period
from govkg.loaders.orgs import OrgMention
from govkg.loaders.people import PersonMention

_KINDS = [
    ("MemorandumOfUnderstanding", r"(?:biên\s+bản|bản|văn\s+bản)\s+ghi\s+nhớ|(?<!\w)MO[Uu](?!\w)"),
    ("CoordinationProgram", r"(?:chương\s+trình|quy\s+chế|kế\s+hoạch)\s+phối\s+hợp"),
    (
        "CooperationAgreement",
        r"thỏa\s+thuận(?:\s+(?:hợp\s+tác|phối\s+hợp|khung))?|(?:biên\s+bản|hợp\s+đồng|chương\s+trình|văn\s+bản)"
        r"\s+hợp\s+tác|hiệp\s+định\s+hợp\s+tác",
    ),
]
_KIND_RX = re.compile("|".join(f"(?P<k{i}>{rx})" for i, (_, rx) in enumerate(_KINDS)), re.IGNORECASE)
_SIGN_RX = re.compile(r"(?<![\w])(?<!đăng\s)(?<!chữ\s)(?:ký|kí)(?:\s+kết)?(?!\s+số)(?!\w)", re.IGNORECASE)
_PLANNED = re.compile(
    r"(?:sẽ|tiến\s+tới|dự\s+kiến|chuẩn\s+bị|hướng\s+tới|để|mong\s+muốn|đề\s+xuất|đề\s+nghị|sớm|nhằm|cần|nên"
    r"|có\s+thể|chưa|thống\s+nhất|bàn|thảo\s+luận|kế\s+hoạch)\s+(?:\S+\s+){0,3}$",
)
_WITNESS = re.compile(
    r"chứng\s+kiến|theo\s+dõi|(?:tham\s+)?dự\s+lễ|phát\s+biểu\s+tại|chủ\s+trì", re.IGNORECASE
)
# a body given as the source of the news, not a party: "Theo thông tin từ Bộ Ngoại giao, …"
_SOURCE = re.compile(r"(?:^|[^\w])(?:[Tt]heo|[Tt]ừ)\s+(?:thông\s+tin\s+(?:từ|của)\s+)?$")
_PAST_REF = re.compile(r"trước\s+đó|trước\s+đây|năm\s+ngoái|đã\s+từng|từ\s+năm", re.IGNORECASE)
# a document only referred to, being carried out: "triển khai có hiệu quả Thỏa thuận … đã ký kết"
_CARRIED_OUT = re.compile(
    r"(?:triển\s+khai|thực\s+hiện|theo|căn\s+cứ|trên\s+cơ\s+sở|cụ\s+thể\s+hóa)(?:\s+\S+){0,4}\s*[“\"«]?\s*$",
    re.IGNORECASE,
)


@dataclass
class SignatoryMention:
    person: PersonMention
    body: OrgMention | None
    confidence: float = 0.85


@dataclass
class AgreementMention:
    kind: str
    title: str
    parties: list[OrgMention]
    signatories: list[SignatoryMention] = field(default_factory=list)
    date: str | None = None
    period: tuple[str, str] | None = None
    start: int = 0
    end: int = 0
    confidence: float = 0.9


def _clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    start = a
    for m in re.finditer(r";", text[a:b]):
        out.append((start, a + m.start()))
        start = a + m.end()
    out.append((start, b))
    return out


def _title(seg: str) -> str:
    """The agreement's name: from its kind word to the end of the phrase, capitalised as a name."""
    seg = re.split(r"[.;:]\s|,\s(?=(?:đồng\s+thời|và|nhằm|theo\s+đó)\b)|\n", seg)[0]
    title = " ".join(seg.split()[:25]).strip(" ,.;:")
    return title[:1].upper() + title[1:]


def _in_parentheses(text: str, pos: int, floor: int) -> bool:
    """``pos`` lies inside "( … )" opened after ``floor``: "Cục Việc làm (trực thuộc Bộ LĐ-TB&XH)"."""
    opened = text.rfind("(", floor, pos)
    return opened >= 0 and text.find(")", opened, pos) < 0


_BOTH_COUNTRIES = re.compile(r"\s+(?:hai|2)\s+nước(?!\w)")


def _both_countries(
    text: str, clause_end: int, party: OrgMention, foreign: list[OrgMention]
) -> OrgMention | None:
    """The other party of "giữa Bộ Quốc phòng hai nước": that ministry of a foreign signatory's country."""
    if party.type != "Ministry" or not _BOTH_COUNTRIES.match(text, party.end, clause_end):
        return None
    for f in foreign:
        country = f.country
        if country:
            name = f"{party.name} {country}"
            return OrgMention(party.start, party.end, name, "ForeignBody", party.surface, country=country)
    return None


def find_agreements(
    text: str,
    a: int,
    b: int,
    orgs: list[OrgMention],
    people: list[PersonMention],
    dates: list[DateMention],
    event_date: str | None,
    *,
    listed: bool = False,
) -> list[AgreementMention]:
    """Agreements stated as signed in the sentence ``text[a:b]``.

    ``listed``: the sentence is an item of a list of documents a signing sentence announced ("lễ ký kết
    6 văn kiện, gồm: …"), so it needs no signing verb of its own."""
    out: list[AgreementMention] = []
    for ca, cb in _clauses(text, a, b):
        clause = text[ca:cb]
        km = _KIND_RX.search(clause)
        if not km:
            continue
        signs = [
            s
            for s in _SIGN_RX.finditer(clause)
            if not _PLANNED.search(clause[max(0, s.start() - 40) : s.start()])
        ]
        if not signs and not (listed and km.start() < 3):
            continue
        # the verb, not the ceremony: "bên lề lễ ký kết" names no signatory
        verbs = [s for s in signs if not re.search(r"(?:lễ|buổi)\s+$", clause[: s.start()], re.IGNORECASE)]
        verb_at = verbs[0].start() if verbs else 0
        sign_at = signs[0].start() if signs else 0
        kind = next(_KINDS[int(k[1:])][0] for k, v in km.groupdict().items() if v)
        # bodies and persons outside any witness part
        blocked: list[tuple[int, int]] = []
        for w in _WITNESS.finditer(clause):
            if w.start() < sign_at:
                blocked.append((ca, ca + w.end()))
                tail = re.match(r"[^,]*,", clause[w.end() :])
                if tail and "ký" not in tail.group():
                    blocked.append((ca + w.end(), ca + w.end() + tail.end()))
            else:
                stop = re.search(r"[,;]", clause[w.end() :])
                blocked.append((ca + w.start(), ca + w.end() + (stop.start() if stop else len(clause))))

        def free(x: int, blocked: list[tuple[int, int]] = blocked) -> bool:
            return not any(p <= x < q for p, q in blocked)

        in_clause = [
            o
            for o in orgs
            if ca <= o.start < cb
            and free(o.start)
            and not o.unresolved
            and not _SOURCE.search(text, max(ca, o.start - 30), o.start)
            and not _in_parentheses(text, o.start, ca)
        ]
        # persons who sign: before the verb, and after the document's name when it comes first
        # ("Biên bản … được ông A ký"); none for a document only referred to ("A yêu cầu triển khai
        # thỏa thuận đã ký kết")
        lo = ca + km.start() if km.start() < verb_at else ca
        persons = [
            p
            for p in people
            if verbs and lo <= p.start < ca + verb_at and free(p.start) and (p.posts or p.on_behalf)
        ]
        signatories: list[SignatoryMention] = []
        for p in persons:
            body = p.on_behalf if p.on_behalf is not None else _body_for(p, in_clause)
            # "A thay mặt X ký" says it; a post's body among the named parties nearly does
            sure = 0.95 if p.on_behalf is not None else 0.85 if body in in_clause else 0.65
            signatories.append(SignatoryMention(p, body, sure))
        post_orgs = {id(po.org) for p in people for po in p.posts if po.org is not None}
        between = re.search(r"giữa\s", clause[km.start() :])
        named: list[OrgMention] = []
        if between:
            floor = ca + km.start() + between.end()
            named = [o for o in in_clause if o.start >= floor and id(o) not in post_orgs]
        if signatories:
            parties = [s.body for s in signatories if s.body is not None] + named
        elif named:
            parties = named
        else:
            parties = [o for o in in_clause if id(o) not in post_orgs]
        foreign = [o for o in parties if o.country]
        for o in list(parties):
            other = _both_countries(text, cb, o, foreign)
            if other is not None:
                parties = [x for x in parties if not (x.country == other.country and x.type != "Ministry")]
                parties.append(other)
                for s in signatories:
                    if s.body is not None and s.body.country == other.country:
                        s.body = other
        uniq: dict[str, OrgMention] = {}
        for o in parties:
            uniq.setdefault(o.name.lower(), o)
        # a signing verb with its signers is plainest; an item of a list, a document only referred to
        # or a party read from "hai nước" less so
        confidence = 0.9 if verbs and signatories else 0.8 if verbs else 0.75
        named_here = {x.name for x in in_clause}
        if any(o.name not in named_here for o in uniq.values()):
            confidence = min(confidence, 0.7)
        date = next((d.value for d in dates if ca <= d.start < cb), None)
        referred = not signatories and _CARRIED_OUT.search(clause[: km.start()])
        if date is None and not _PAST_REF.search(clause) and not referred:
            date = event_date
        if referred:
            confidence = min(confidence, 0.7)
        out.append(
            AgreementMention(
                kind=kind,
                title=_title(clause[km.start() :]),
                parties=list(uniq.values()),
                signatories=signatories,
                date=date,
                period=find_period(clause[km.start() :]),
                start=ca,
                end=cb,
                confidence=confidence,
            )
        )
    return out


def _body_for(p: PersonMention, parties: list[OrgMention]) -> OrgMention | None:
    """The body a signatory signs for: one of his posts' bodies, not a Party committee if possible."""
    orgs = [po.org for po in p.posts if po.org is not None and not po.org.unresolved]
    names = {o.name.lower() for o in parties}
    for o in reversed(orgs):
        if o.name.lower() in names and o.type != "PartyCommittee":
            return o
    non_party = [o for o in orgs if o.type != "PartyCommittee"]
    if non_party:
        return non_party[-1]
    return orgs[-1] if orgs else None
