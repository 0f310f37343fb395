"""Extraction of persons, posts, bodies and agreements from one article.

Pipeline: normalize (NFC, one tone placement; offsets kept) → mask credits and bylines → split
sentences → find body mentions → pick the article's province and resolve "UBND tỉnh", "Sở TT&TT" →
persons and posts per sentence → agreements per clause → merge into records with evidence whose
offsets point into the original ``article.text``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from govkg.loaders.agreements import AgreementMention, find_agreements
from govkg.loaders.dates import article_date, dateline, find_dates
from govkg.loaders.gazetteer import Province, gazetteer, lookup_key
from govkg.loaders.normalize import fold, normalize, normalize_text
from govkg.loaders.orgs import OrgMention, find_orgs, resolve
from govkg.loaders.orgs import _patterns as _org_patterns
from govkg.loaders.people import PersonMention, PostMention, find_people
from govkg.loaders.records import (
    Agreement,
    Article,
    Evidence,
    Extraction,
    Organization,
    Period,
    Person,
    Post,
    Signatory,
)
from govkg.loaders.segment import Sentence, credit_ranges, mask, split_sentences


def article_province(article: Article, text: str, orgs: list[OrgMention]) -> Province | None:
    """The province an article is about, when it is clear: mentions, title and source site."""
    g = gazetteer()
    _, place_rx, _ = _org_patterns()
    counts: Counter[str] = Counter()
    provinces: dict[str, Province] = {}
    for m in re.finditer(place_rx.pattern.removeprefix(r"\s*"), text):
        p = g.provinces.get(lookup_key(m["place"]))
        if p:
            counts[p.name] += 1
            provinces[p.name] = p
    for m in re.finditer(place_rx.pattern.removeprefix(r"\s*"), normalize(article.title or "")):
        p = g.provinces.get(lookup_key(m["place"]))
        if p:
            counts[p.name] += 2
            provinces[p.name] = p
    for o in orgs:
        if o.place is not None and o.type in ("PeoplesCommittee", "PartyCommittee", "PeoplesCouncil"):
            counts[o.place.name] += 1
            provinces[o.place.name] = o.place
    source = (article.source or "") + " " + (article.url or "")
    for site, name in g.source_provinces.items():
        if site in source:
            p = g.provinces.get(lookup_key(name))
            if p:
                counts[p.name] += 3
                provinces[p.name] = p
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= 2 and n >= 2 * second:
        return provinces[top]
    return None


class _Offsets:
    """Maps normalized offsets to original ones and builds evidence."""

    def __init__(self, article: Article, offmap: list[int] | None, sentences: list[Sentence]) -> None:
        self.text = article.text
        self.offmap = offmap
        self.sentences = sentences

    def orig(self, i: int) -> int:
        return self.offmap[i] if self.offmap is not None else i

    def evidence(self, pos: int, confidence: float) -> Evidence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                a, b = self.orig(s.start), self.orig(s.end)
                return Evidence(self.text[a:b], a, b, confidence)
        return None


def _event_date(sentences: list[Sentence], text: str, published: str | None) -> str | None:
    """The date of the reported event: the first day-level date in the opening sentences."""
    for i, s in enumerate(sentences[:6]):
        found = find_dates(text[s.start : s.end], published)
        if i == 0 and not (found and found[0].start < 30):
            opening = dateline(text[s.start : s.end], published)  # "23-3, …" opening the lede
            if opening is not None:
                return opening
        for d in found:
            if not d.value.startswith("--") and len(d.value) < 10:
                continue
            return d.value
    return None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_BIRTH = re.compile(r"(?:sinh|SN)(?:\s+(?:năm|ngày))?[\s\d/.-]*$", re.IGNORECASE)


def _reference_year(article: Article, text: str) -> int | None:
    """The year the article speaks from: its publication, else the latest year it names."""
    if article.published:
        return int(article.published[:4])
    years = [int(m.group()) for m in _YEAR.finditer(text)]
    return max(years) if years else None


def _old_years(text: str, s: Sentence, now: int) -> list[int]:
    """Where a sentence names a year decades before the article (birth years aside)."""
    return [
        m.start()
        for m in _YEAR.finditer(text, s.start, s.end)
        if int(m.group()) < now - 20 and not _BIRTH.search(text, s.start, m.start())
    ]


def _near(p: PersonMention, positions: list[int], reach: int = 100) -> bool:
    """A title close to an old year is history ("buộc Tổng thống Dương Văn Minh … ngày 30/4/1975")."""
    return any(p.start - reach <= x <= p.end + reach for x in positions)


_AGREEMENT_HINT = re.compile(r"(?<!\w)(?:ký|kí)(?!\w)", re.IGNORECASE)
# a signing that announces a list of documents: "lễ ký kết 6 văn kiện hợp tác", "ký các văn bản sau"
_ANNOUNCES_LIST = re.compile(
    r"(?:ký|kí)(?:\s+kết)?\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nhiều|các|những)\s+"
    r"(?:văn\s+kiện|văn\s+bản|thỏa\s+thuận|biên\s+bản|tài\s+liệu|hiệp\s+định)",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(
    r"\s*(?:[-–•+*]\s*|\d{1,2}[.)]\s*)?(?:(?:biên\s+)?bản\s+ghi\s+nhớ|thỏa\s+thuận|chương\s+trình|quy\s+chế"
    r"|biên\s+bản|hợp\s+đồng|hiệp\s+định|MOU)(?!\w)",
    re.IGNORECASE,
)


_BARE_MINISTER = {"Bộ trưởng", "Thứ trưởng", "Thứ trưởng Thường trực"}


def _fill_bare_posts(people: list[PersonMention], orgs: list[OrgMention]) -> None:
    """A minister named without his ministry ("Bộ trưởng Trần Tuấn Anh").

    A Vietnamese name takes the one Vietnamese ministry the article names, if it names only one; a
    person who acts "thay mặt" a body holds the post in that body."""
    g = gazetteer()
    ministries = {o.name: o for o in orgs if o.type == "Ministry" and o.name.startswith("Bộ ")}
    only = next(iter(ministries.values())) if len(ministries) == 1 else None
    for p in people:
        for pm in p.posts:
            if pm.org is not None or pm.title not in _BARE_MINISTER:
                continue
            if only is not None and p.name.split()[0] in g.surnames:
                pm.org, pm.confidence = only, 0.6
            elif p.on_behalf is not None:
                pm.org, pm.confidence = p.on_behalf, 0.75


def _known_posts(people: list[PersonMention]) -> dict[str, list[PostMention]]:
    """Each titled person's posts over the whole article, by folded name."""
    known: dict[str, list[PostMention]] = {}
    for p in people:
        if p.titled:
            known.setdefault(fold(p.name).lower(), []).extend(p.posts)
    return known


def _with_known(
    text: str, s: Sentence, found: list[PersonMention], known: dict[str, list[PostMention]]
) -> list[PersonMention]:
    """Persons of one sentence, with posts the article gives them elsewhere ("Đại tướng Ngô Xuân Lịch")."""
    out = [
        PersonMention(
            p.name,
            p.start,
            p.end,
            p.posts or known.get(fold(p.name).lower(), []),
            p.gender,
            p.titled,
            p.on_behalf,
        )
        for p in found
    ]
    covered = [(p.start, p.end) for p in out]
    seg = fold(text[s.start : s.end]).lower()
    for k, posts in known.items():
        i = seg.find(k)
        while i >= 0:
            a = s.start + i
            if not any(x <= a < y for x, y in covered):
                out.append(PersonMention(text[a : a + len(k)], a, a + len(k), posts, None, True))
                covered.append((a, a + len(k)))
            i = seg.find(k, i + 1)
    return sorted(out, key=lambda p: p.start)


def extract(article: Article) -> Extraction:
    """Everything this extractor reads from ``article``."""
    norm, offmap = normalize_text(article.text)
    work = mask(norm, credit_ranges(norm))
    sentences = split_sentences(work)
    ev = _Offsets(article, offmap, sentences)
    raw_orgs = find_orgs(work)
    province = article_province(article, work, raw_orgs)
    orgs = [resolve(o, province) for o in raw_orgs]
    dates = find_dates(work, article.published)
    event_date = _event_date(sentences, work, article.published)

    people: list[PersonMention] = []
    per_sentence: list[list[PersonMention]] = []
    now = _reference_year(article, work)
    for s in sentences:
        found = find_people(work, orgs, s.start, s.end)
        if now is not None:
            old = _old_years(work, s, now)
            found = [replace(p, posts=[], titled=False) if _near(p, old) else p for p in found]
        people.extend(found)
        per_sentence.append(found)
    _fill_bare_posts(people, orgs)
    known = _known_posts(people)
    agreements: list[AgreementMention] = []
    in_list = False  # inside the list of documents a signing sentence announced
    list_date = event_date
    for s, found in zip(sentences, per_sentence, strict=True):
        listed = in_list and bool(_LIST_ITEM.match(work, s.start, s.end))
        if not listed and not _AGREEMENT_HINT.search(work, s.start, s.end):
            in_list = False
            continue
        mentions = _with_known(work, s, found, known)
        agreements.extend(
            find_agreements(
                work,
                s.start,
                s.end,
                orgs,
                mentions,
                dates,
                list_date if listed else event_date,
                listed=listed,
            )
        )
        if _ANNOUNCES_LIST.search(work, s.start, s.end):
            in_list = True
            list_date = next((d.value for d in dates if s.start <= d.start < s.end), event_date)
        else:
            in_list = listed

    out = Extraction(article=article, date=article_date(work, article.published, event_date))
    out.persons = _persons(people, ev, work)
    names = {fold(p.name).lower(): p.name for p in out.persons}
    out.agreements = _agreements(agreements, ev, names)
    out.organizations = _organizations(orgs, out, ev)
    return out


def _persons(mentions: list[PersonMention], ev: _Offsets, text: str) -> list[Person]:
    """Persons with their posts, one per folded name; ``text`` is the normalized article."""
    g = gazetteer()
    by_key: dict[str, list[PersonMention]] = {}
    for m in mentions:
        by_key.setdefault(fold(m.name).lower(), []).append(m)
    persons: list[Person] = []
    for group in by_key.values():
        if not any(m.titled for m in group):
            continue
        spellings = Counter(m.name for m in group)
        name = spellings.most_common(1)[0][0]
        gender = next((m.gender for m in group if m.gender), None) or _gender_by_given_name(name, text)
        first = next(m for m in group if m.titled)
        sure = 0.9 if name.split()[0] in g.surnames else 0.75  # a foreign name is a weaker guess
        person = Person(name=name, gender=gender, evidence=ev.evidence(first.start, sure))
        person.aliases = sorted(n for n in spellings if n != name)
        seen: set[tuple[str, str]] = set()
        for m in group:
            for pm in m.posts:
                sure = pm.confidence
                if pm.org is not None and not pm.org.unresolved:
                    org = pm.org.name
                    sure = min(sure, 0.8) if pm.org.inferred else sure
                elif pm.org is None and pm.title in g.implied_body and name.split()[0] in g.surnames:
                    # a Vietnamese head of government; a foreign one's body is not implied
                    org, sure = g.implied_body[pm.title], 0.85
                else:
                    continue
                k = (pm.title.lower(), org.lower())
                if k in seen:
                    continue
                seen.add(k)
                person.posts.append(Post(pm.title, org, ev.evidence(pm.start, sure)))
        persons.append(person)
    return persons


def _agreements(mentions: list[AgreementMention], ev: _Offsets, names: dict[str, str]) -> list[Agreement]:
    merged: list[Agreement] = []
    keys: list[tuple[str, frozenset[str]]] = []
    for m in mentions:
        parties = [p.name for p in m.parties]
        pset = frozenset(p.lower() for p in parties)
        sigs = [
            Signatory(
                names.get(fold(s.person.name).lower(), s.person.name),
                s.body.name if s.body else None,
                ev.evidence(s.person.start, s.confidence),
            )
            for s in m.signatories
        ]
        target = None
        for i, (kind, ks) in enumerate(keys):
            if kind == m.kind and (ks == pset or (len(pset) < 2 and pset <= ks)):
                a = merged[i]
                if m.period and a.period and (a.period.start, a.period.end) != m.period:
                    continue
                target = a
                break
        if target is None:
            if len(pset) < 2:
                continue
            target = Agreement(
                kind=m.kind, title=m.title, parties=parties, evidence=ev.evidence(m.start, m.confidence)
            )
            merged.append(target)
            keys.append((m.kind, pset))
        for s in sigs:
            if all(fold(x.person).lower() != fold(s.person).lower() for x in target.signatories):
                target.signatories.append(s)
        if target.date is None or (target.date.startswith("--") and m.date and not m.date.startswith("--")):
            target.date = m.date or target.date
        if target.period is None and m.period:
            target.period = Period(*m.period)
    return merged


def _gender_by_given_name(name: str, text: str) -> str | None:
    """Gender from a later short reference: "Phó Chủ tịch … Võ Văn Hoan … ông Hoan nhấn mạnh"."""
    given = name.split()[-1]
    found = {h.lower() for h in re.findall(rf"(?<!\w)([Ôô]ng|[Bb]à)\s+{re.escape(given)}(?!\w)", text)}
    if len(found) == 1:
        return gazetteer().honorifics.get(found.pop())
    return None


_GAZETTEER_TYPES = {"Ministry", "PeoplesCommittee", "PeoplesCouncil", "PartyCommittee", "Government"}


def _org_confidence(o: OrgMention) -> float:
    """A body of the gazetteers is sure; one read from a head word ("Công ty …") or placed by the
    article's province less so."""
    if o.inferred:
        return 0.8
    return 0.95 if o.type in _GAZETTEER_TYPES else 0.75


def _organizations(orgs: list[OrgMention], out: Extraction, ev: _Offsets) -> list[Organization]:
    used = {p.organization.lower() for person in out.persons for p in person.posts}
    used |= {x.lower() for a in out.agreements for x in a.parties}
    by_name: dict[str, Organization] = {}
    for o in orgs:
        if o.unresolved or (o.is_place and o.name.lower() not in used):
            continue
        org = by_name.get(o.name.lower())
        if org is None:
            org = Organization(o.name, o.type, evidence=ev.evidence(o.start, _org_confidence(o)))
            by_name[o.name.lower()] = org
        surface = " ".join(o.surface.split())
        if surface != o.name and surface not in org.aliases:
            org.aliases.append(surface)
    return list(by_name.values())
