"""Persons and their posts: "Bộ trưởng Bộ X Nguyễn Văn A", "ông A, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh".

A post is a title word followed by the body it is held in. Titles chain with commas or "kiêm"
(two posts), military ranks and academic titles are skipped, and a chain preceded by "nguyên"
(former) gives no post. The chain belongs to the name right after it ("… Trần Văn Cần") or, when none
follows, to the name right before it ("ông A, Thứ trưởng …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from govkg.loaders.gazetteer import gazetteer, lookup_key
from govkg.loaders.orgs import OrgMention
from govkg.loaders.orgs import _patterns as org_patterns

_WORD_RX = re.compile(r"[^\W\d_][\w'’]*")


def cap_run(text: str, pos: int, limit: int | None = None) -> list[tuple[str, int, int]]:
    """Capitalised words (not all upper case) from ``pos`` on, separated by single spaces."""
    limit = len(text) if limit is None else limit
    out: list[tuple[str, int, int]] = []
    while pos < limit:
        m = _WORD_RX.match(text, pos, limit)
        if not m:
            break
        w = m.group()
        if not (w[0].isupper() and (len(w) == 1 or not w[1:].isupper() or len(w) == 2)):
            break
        out.append((w, m.start(), m.end()))
        if m.end() + 1 < limit and text[m.end()] in " \u00a0" and not text[m.end() + 1].isspace():
            pos = m.end() + 1
        else:
            break
    return out


def cap_run_before(text: str, end: int, floor: int) -> list[tuple[str, int, int]]:
    """Capitalised words ending exactly at ``end``."""
    out: list[tuple[str, int, int]] = []
    pos = end
    while pos > floor:
        m = re.search(r"[^\W\d_][\w'’]*$", text[max(floor, pos - 30) : pos])
        if not m:
            break
        w = m.group()
        if not (w[0].isupper() and (len(w) == 1 or not w[1:].isupper() or len(w) == 2)):
            break
        start = pos - len(w)
        out.insert(0, (w, start, pos))
        if start - 1 > floor and text[start - 1] in " \u00a0":
            pos = start - 1
        else:
            break
    return out


@dataclass
class PostMention:
    title: str
    org: OrgMention | None
    start: int
    end: int
    confidence: float = 0.9  # the body named right after the title; less when inferred


@dataclass
class PersonMention:
    name: str
    start: int
    end: int
    posts: list[PostMention] = field(default_factory=list)
    gender: str | None = None
    titled: bool = False
    on_behalf: OrgMention | None = None  # "… thay mặt Chính phủ Bangladesh"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    g = gazetteer()
    return (
        re.compile(rf"(?<!\w)(?P<t>{g.title_pattern})(?!\w)"),
        re.compile(rf"(?:(?:,|và)?\s*(?:{g.rank_pattern}|{g.academic_pattern}\.?))+(?!\w)\s*"),
        re.compile(rf"(?<!\w)(?P<h>{g.honorific_pattern})\s+$"),
        re.compile(rf"^\s*(?:(?:{g.rank_pattern}|{g.academic_pattern}\.?)\s*)+"),
    )


def _surname(word: str) -> bool:
    return word in gazetteer().surnames


def _name_at(text: str, pos: int, *, strict: bool) -> tuple[str, int, int] | None:
    """A person's name starting at ``pos`` (after spaces): 2–4 capitalised syllables."""
    run = cap_run(text, pos)
    words = [w for w, _, _ in run]
    if len(words) < 2:
        return None
    # cut at the first surname so an unknown body before the name stays out
    starts = [i for i, w in enumerate(words) if _surname(w) and 2 <= len(words) - i <= 4]
    if starts and (starts[0] == 0 or strict or len(words) > 4):
        i = starts[0]
    elif not strict and len(words) <= 4 and not any(lookup_key(w) in _NOT_NAME for w in words):
        i = 0
    else:
        return None
    if not _surname(words[i]) and strict:
        return None
    picked = run[i : i + 4]
    return " ".join(w for w, _, _ in picked), picked[0][1], picked[-1][2]


_RANK_BEFORE = re.compile(r"(?:tướng|tá|úy|đốc)\s+$")
_NOT_NAME = {
    lookup_key(w) for w in "Việt Nam Hà Nội Trung Quốc Đảng Nhà Nước Chính Phủ Quốc Hội Bộ Sở Tỉnh Ủy".split()
}


def _name_before(text: str, end: int, floor: int) -> tuple[str, int, int] | None:
    """The name that ends at ``end`` ("ông Phạm Đức Long" in "ông Phạm Đức Long, Thứ trưởng…").

    A Vietnamese name starts with a surname; a foreign one ("ngài Robert Kalinak", "Đại tướng Mom
    Sophat") needs an honorific or a rank before it."""
    run = cap_run_before(text, end, floor)
    for i, (w, s, _) in enumerate(run):
        if _surname(w) and 2 <= len(run) - i <= 4:
            return " ".join(x for x, _, _ in run[i:]), s, end
    _, _, hon_rx, _ = _patterns()
    if 2 <= len(run) <= 4 and not any(lookup_key(w) in _NOT_NAME for w, _, _ in run):
        before = text[max(floor, run[0][1] - 20) : run[0][1]]
        if hon_rx.search(before) or _RANK_BEFORE.search(before):
            return " ".join(x for x, _, _ in run), run[0][1], end
    return None


_STATE_HEADS = {"Tổng thống", "Phó Tổng thống", "Quốc vương", "Nhà vua"}
_GOVERNMENT_HEADS = {"Thủ tướng", "Phó Thủ tướng"}


def _government_of(country: str, at: int, end: int, surface: str) -> OrgMention:
    return OrgMention(at, end, f"Chính phủ {country}", "ForeignBody", surface, country=country)


def _country_body(text: str, pos: int, title: str) -> OrgMention | None:
    """ "Tổng thống Hàn Quốc" is a post of that state, "Thủ tướng Nhật Bản" one of its government."""
    if title not in _STATE_HEADS | _GOVERNMENT_HEADS:
        return None
    country_rx = org_patterns()[2]
    gap = re.match(r"\s+", text[pos:])
    c = country_rx.match(text, pos + gap.end()) if gap else None
    if c is None:
        return None
    country = c["country"]
    if title in _GOVERNMENT_HEADS:
        return _government_of(country, c.start(), c.end(), c.group())
    return OrgMention(c.start(), c.end(), country, "ForeignBody", c.group(), country=country)


_CENTRAL = re.compile(r"\s*(?:Trung\s+ương|TƯ|TW)\s*$")


def _org_at(orgs: list[OrgMention], pos: int, text: str) -> OrgMention | None:
    """The body right after a title ("Phó Chủ tịch [Trung ương] Hội Khuyến học Việt Nam")."""
    for o in orgs:
        gap = text[pos : o.start]
        if o.start >= pos and (not gap.strip() or _CENTRAL.fullmatch(gap)) and not o.is_place:
            return o
        if o.start > pos + 3:
            break
    return None


_DIST_BEFORE = re.compile(
    r"(?<!\w)(?:các|những|hai|ba|bốn|năm|sáu|bảy|\d+)\s+(?:(?P<h>ông|bà|đồng\s+chí)\s+)?$", re.IGNORECASE
)
_DIST_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?(?:,?\s*(?:gồm|là)\s+(?:(?:các\s+)?(?P<h>ông|bà|đồng\s+chí)\s*)?)?:\s*",
    re.IGNORECASE,
)
_GENDER_WORD = {"ông": "male", "bà": "female"}


def _distributed(text: str, a: int, b: int, floor: int, limit: int) -> tuple[int, str | None] | None:
    """A title shared by a list: "các Phó Tổng Giám đốc: A, B", "5 phó chủ tịch, gồm các ông: A, B".

    Returns where the list starts and the gender its honorific gives."""
    before = _DIST_BEFORE.search(text, max(floor, a - 20), a)
    if not before:
        return None
    after = _DIST_AFTER.match(text, b, limit)
    if not after:
        return None
    h = (after["h"] or before["h"] or "").lower()
    return after.end(), _GENDER_WORD.get(h)


def _apply_list(
    text: str, a: int, b: int, chain: list[PostMention], gender: str | None, people: list[PersonMention]
) -> None:
    """Give the shared posts to every name of the list ``text[a:b]`` (items split by "," ";" "và")."""
    _, _, _, lead_rx = _patterns()
    end = re.search(r"\s+và\s+(?:các|những)\s|[.…]", text[a:b])
    b = a + end.start() if end else b
    for piece in re.finditer(r"(?:(?!\s+và\s)[^,;])+", text[a:b]):
        ps, pe = a + piece.start(), a + piece.end()
        if piece.group().strip() in ("", "và"):
            continue
        known = [p for p in people if ps <= p.start < pe]
        if known:
            p = known[0]
            p.posts = [*chain, *p.posts]
            p.gender = p.gender or gender
            continue
        q = ps + len(piece.group()) - len(piece.group().lstrip())
        lead = lead_rx.match(text, q, pe)
        if lead:
            q = lead.end()
        hon = re.match(r"(?:ông|bà)\s+", text[q:pe])
        if hon:
            q += hon.end()
        named = _name_at(text, q, strict=True)
        if named and named[2] <= pe and not text[named[2] : pe].strip():
            people.append(PersonMention(named[0], named[1], named[2], list(chain), gender, titled=True))


_BEHALF = re.compile(r"\s*(?:,\s*)?(?:thay\s+mặt|đại\s+diện(?:\s+cho)?)\s+(?:cho\s+)?")


def _on_behalf(text: str, end: int, orgs: list[OrgMention]) -> OrgMention | None:
    """The body a person acts for, said right after the name: "A thay mặt Chính phủ Việt Nam"."""
    m = _BEHALF.match(text, end)
    if not m:
        return None
    for o in orgs:
        if o.start == m.end() and not o.unresolved:
            return o
    return None


def find_people(text: str, orgs: list[OrgMention], sent_start: int, sent_end: int) -> list[PersonMention]:
    """Persons with their posts in one sentence ``text[sent_start:sent_end]``."""
    g = gazetteer()
    title_rx, skip_rx, hon_rx, lead_rx = _patterns()
    orgs = [o for o in orgs if sent_start <= o.start < sent_end]
    people: list[PersonMention] = []
    lists: list[tuple[int, int, list[PostMention], str | None]] = []
    pos = sent_start
    while pos < sent_end:
        m = title_rx.search(text, pos, sent_end)
        if not m:
            break
        if any(o.start < m.start() < o.end for o in orgs):
            pos = m.end()
            continue
        chain: list[PostMention] = []
        chain_start = m.start()
        cur = m
        # "A - Tổng giám đốc X và Chủ tịch Y B": the chain after a name does not run across "và"
        sb = re.search(r"(?:,|\s[-–])\s*$", text[max(sent_start, chain_start - 4) : chain_start])
        named_before = bool(sb) and _name_before(text, chain_start - len(sb.group()), sent_start) is not None
        while cur:
            title = g.titles.get(lookup_key(cur["t"]), cur["t"])
            end = cur.end()
            org = _org_at(orgs, end, text) or _country_body(text, end, title)
            if title in g.split_titles:
                title, body = g.split_titles[title]
                org = OrgMention(cur.start(), cur.end(), body, "Government", cur["t"])
            if org:
                end = org.end
            chain.append(PostMention(title, org, cur.start(), end))
            nxt = re.match(r"\s*(?:,|kiêm|và|;)?\s*", text[end:sent_end])
            after = end + (nxt.end() if nxt else 0)
            sk = skip_rx.match(text, end, sent_end)
            if sk and sk.end() > after:
                after = sk.end()
            cur2 = title_rx.match(text, after, sent_end)
            sep = text[end:after]
            if cur2 and (";" not in sep) and not (" và " in f" {sep} " and (org is None or named_before)):
                cur = cur2
                continue
            cur = None
            pos = end
        # "kiêm": a title without a body shares the next one's
        for i in range(len(chain) - 2, -1, -1):
            if (
                chain[i].org is None
                and chain[i + 1].org is not None
                and "kiêm" in text[chain[i].end : chain[i + 1].start]
            ):
                chain[i].org = chain[i + 1].org
                chain[i].confidence = 0.8
        # "Phó Thủ tướng kiêm Bộ trưởng Bộ Nội vụ Cộng hòa Slovakia": the deputy PM is in its government
        foreign = next((pm.org for pm in chain if pm.org is not None and pm.org.country), None)
        for pm in chain:
            o = pm.org or foreign
            if (
                pm.title in _GOVERNMENT_HEADS
                and o is not None
                and o.country
                and not o.name.startswith("Chính")
            ):
                pm.org = _government_of(o.country, o.start, o.end, o.surface)
        before = text[max(sent_start, chain_start - 12) : chain_start]
        dist = _distributed(text, chain_start, chain[-1].end, sent_start, sent_end)
        if dist is not None:
            if chain[-1].org is None:
                prev = [
                    o for o in orgs if o.end <= chain_start and not o.is_place and o.type != "PartyCommittee"
                ]
                if prev:
                    for pm in chain:
                        if pm.org is None:
                            pm.org, pm.confidence = prev[-1], 0.7
            lists.append((dist[0], sent_end, chain, dist[1]))
            pos = dist[0]
            continue
        former = bool(re.search(r"(?:^|\s)(?:" + "|".join(g.former) + r")\s*$", before, re.IGNORECASE))
        last = chain[-1].end
        # name right after the chain (ranks, honorifics, "-" or ":" between)
        after = last
        sep = re.match(r"\s*(?:\([^()]{1,15}\)\s*)?(?:[-–:]\s*)?", text[last:sent_end])
        after += sep.end() if sep else 0
        # "Trưởng đại diện tổ chức X, bà Trần Thu Huyền": when no name precedes the chain
        comma = re.match(rf",\s*(?=(?:{g.honorific_pattern})\s)", text[after:sent_end])
        if comma:
            head = text[sent_start:chain_start]
            trimmed = head.rstrip(" ,(–-")
            if len(trimmed) == len(head) or _name_before(text, sent_start + len(trimmed), sent_start) is None:
                after += comma.end()
        lead = lead_rx.match(text[after:sent_end])
        if lead:
            after += lead.end()
        hon = re.match(rf"(?:{g.honorific_pattern})\s+", text[after:sent_end])
        gender = None
        if hon:
            gender = g.honorifics.get(hon.group().strip().lower())
            after += hon.end()
        named = _name_at(text, after, strict=False) if after < sent_end else None
        if named and named[1] < sent_end:
            pos = named[2]
        else:
            named = None
            sep_before = re.search(
                r"(?:\s*\(\s*(?:(?:\d{1,3}\s+tuổi|sinh\s+năm\s+\d{4})\s*,)?|,|\s[-–]"
                r"|\s+(?:vừa\s+)?(?:được\s+)?(?:bổ\s+nhiệm|bầu|giữ\s+chức|đảm\s+nhiệm)"
                r"(?:\s+(?:làm|giữ\s+chức|chức|vào\s+vị\s+trí|vị\s+trí))?(?:\s+vụ)?)\s*$",
                text[sent_start:chain_start],
            )
            if sep_before:
                nb = _name_before(text, sent_start + sep_before.start(), sent_start)
                if nb:
                    named = nb
                    h = hon_rx.search(text[max(sent_start, nb[1] - 10) : nb[1]])
                    if h:
                        gender = g.honorifics.get(h["h"].lower())
        if named is None:
            continue
        name, s, e = named
        if gender is None:
            h = hon_rx.search(text[max(sent_start, s - 10) : s])
            if h:
                gender = g.honorifics.get(h["h"].lower())
        posts = [] if former else chain
        people.append(
            PersonMention(name, s, e, posts, gender, titled=True, on_behalf=_on_behalf(text, e, orgs))
        )
    for a, b, chain, gender in lists:
        _apply_list(text, a, b, chain, gender, people)
    # "Lăng Chủ tịch Hồ Chí Minh": a place name after a title is a name of the place, not a person
    people = [p for p in people if lookup_key(p.name) not in g.provinces]
    # honorific + name without a title: only for gender
    for hm in re.finditer(rf"(?<!\w)(?P<h>{g.honorific_pattern})\s+(?=\w)", text[sent_start:sent_end]):
        named = _name_at(text, sent_start + hm.end(), strict=True)
        if named:
            people.append(
                PersonMention(
                    named[0],
                    named[1],
                    named[2],
                    [],
                    g.honorifics.get(hm["h"].lower()),
                    on_behalf=_on_behalf(text, named[2], orgs),
                )
            )
    return people
