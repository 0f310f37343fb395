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


@dataclass
class PersonMention:
    name: str
    start: int
    end: int
    posts: list[PostMention] = field(default_factory=list)
    gender: str | None = None
    titled: bool = False


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


_NOT_NAME = {
    lookup_key(w) for w in "Việt Nam Hà Nội Trung Quốc Đảng Nhà Nước Chính Phủ Quốc Hội Bộ Sở Tỉnh Ủy".split()
}


def _name_before(text: str, end: int, floor: int) -> tuple[str, int, int] | None:
    """The name that ends at ``end`` ("ông Phạm Đức Long" in "ông Phạm Đức Long, Thứ trưởng…")."""
    run = cap_run_before(text, end, floor)
    for i, (w, s, _) in enumerate(run):
        if _surname(w) and 2 <= len(run) - i <= 4:
            return " ".join(x for x, _, _ in run[i:]), s, end
    return None


def _org_at(orgs: list[OrgMention], pos: int, text: str) -> OrgMention | None:
    for o in orgs:
        if o.start >= pos and not text[pos : o.start].strip() and not o.is_place:
            return o
        if o.start > pos + 3:
            break
    return None


def find_people(text: str, orgs: list[OrgMention], sent_start: int, sent_end: int) -> list[PersonMention]:
    """Persons with their posts in one sentence ``text[sent_start:sent_end]``."""
    g = gazetteer()
    title_rx, skip_rx, hon_rx, lead_rx = _patterns()
    orgs = [o for o in orgs if sent_start <= o.start < sent_end]
    people: list[PersonMention] = []
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
        while cur:
            title = g.titles.get(lookup_key(cur["t"]), cur["t"])
            end = cur.end()
            org = _org_at(orgs, end, text)
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
            if cur2 and (";" not in sep) and not (" và " in f" {sep} " and org is None):
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
        before = text[max(sent_start, chain_start - 12) : chain_start]
        former = bool(re.search(r"(?:^|\s)(?:" + "|".join(g.former) + r")\s*$", before, re.IGNORECASE))
        last = chain[-1].end
        # name right after the chain (ranks, honorifics, "-" or ":" between)
        after = last
        sep = re.match(r"\s*(?:[-–:]\s*)?", text[last:sent_end])
        after += sep.end() if sep else 0
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
            sep_before = re.search(r"(?:,|\s[-–]|\()\s*$", text[sent_start:chain_start])
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
        people.append(PersonMention(name, s, e, posts, gender, titled=True))
    # honorific + name without a title: only for gender
    for hm in re.finditer(rf"(?<!\w)(?P<h>{g.honorific_pattern})\s+(?=\w)", text[sent_start:sent_end]):
        named = _name_at(text, sent_start + hm.end(), strict=True)
        if named:
            people.append(PersonMention(named[0], named[1], named[2], [], g.honorifics.get(hm["h"].lower())))
    return people
