"""Mentions of bodies (ministries, People's Committees, Party committees, departments, enterprises…).

A head word ("Bộ", "UBND", "Sở", "Tỉnh ủy", "Tập đoàn"…) is found by one compiled pattern, then the
mention is extended by what the head allows (a ministry's field, a province, a department's field…).
Bodies whose province is left implicit ("UBND tỉnh", "Sở TT&TT") are resolved against the article's
province in a second step (``resolve``), when the article makes it clear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from govkg.loaders.gazetteer import Province, gazetteer, lookup_key
from govkg.loaders.normalize import expand_abbreviations
from govkg.loaders.segment import ABBREVIATIONS

_KIND = r"(?:tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|TP\.?|huyện|quận|thị\s+xã|Huyện|Quận)"
_GENERIC_HEADS = {
    "Tổng cục": "Department",
    "Cục": "Department",
    "Vụ": "Department",
    "Văn phòng": "Department",
    "Ban": "Department",
    "Tập đoàn": "Enterprise",
    "Tổng Công ty": "Enterprise",
    "Tổng công ty": "Enterprise",
    "Công ty": "Enterprise",
    "Ngân hàng": "Enterprise",
    "Đài": "NewsAgency",
    "Báo": "NewsAgency",
    "Viện": "EducationResearch",
    "Trường": "EducationResearch",
    "Đại học": "EducationResearch",
    "Học viện": "EducationResearch",
    "Hiệp hội": "Other",
    "Hội": "Other",
    "Tổ chức": "Other",
    "Ủy ban": "Other",
    "Quân khu": "Other",
    "Quân đoàn": "Other",
    "Trung tâm": "Other",
    "Liên đoàn": "Other",
    "Công an": "Department",
    "Bộ Tư lệnh": "Other",
    "Bệnh viện": "Other",
}
# heads also written in lower case after a conjunction ("và tổ chức Tầm nhìn thế giới")
_LOWER_HEADS = ["tổ chức", "hiệp hội", "tập đoàn", "tổng công ty", "công ty", "ngân hàng", "trường", "viện"]
# capitalised words after "tổ chức" that make it the verb "to organise"
_EVENT_WORDS = set(
    "Hội Lễ Diễn Chương Tọa Cuộc Đoàn Lớp Khóa Giải Ngày Tuần Tháng Đại Phiên Kỳ Buổi Triển Liên".split()
)
# lower-case words that end a generic name
_STOP = set(
    "và với của đã đang sẽ cùng tại trong cho để các những này đó được là có ký kết về theo từ đến khi làm "
    "phát nhằm thì mà như do vì nên hay hoặc sau trước lúc gồm trên dưới vào ra lên qua đây ở họ ông bà "
    "anh chị cũng đều vừa mới rất còn không chưa nhưng tiếp dự nói năm tháng ngày".split()
)


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str
    type: str
    surface: str
    place: Province | None = None
    unresolved: str | None = None  # "pc" / "council" / "party" / "dept": needs the article's province
    level: str | None = None  # "tỉnh" / "thành phố" as written when no place is given
    is_place: bool = False  # a bare place ("tỉnh Quảng Ngãi"), a party only when it signs
    country: str | None = None  # the foreign country a body belongs to, as written
    inferred: bool = False  # the province was taken from the article, not from the mention


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    g = gazetteer()
    generic = "|".join(
        re.escape(h).replace(r"\ ", r"\s+") for h in sorted(_GENERIC_HEADS, key=len, reverse=True)
    )
    lower = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in _LOWER_HEADS)
    head = (
        rf"(?P<gov>Chính\s+phủ|Quốc\s+hội|Nhà\s+nước)\s+(?:nước\s+)?"
        rf"(?:CH[A-ZĐ]{{2,6}}\s+|Cộng\s+hòa(?:\s+[a-zđà-ỹ]+){{0,5}}\s+)?(?=(?:{g.country_pattern})(?!\w))"
        rf"|(?P<body>{g.body_pattern})(?!\w)"
        rf"|(?P<pc>(?i:Ủy\s+ban\s+nhân\s+dân)|UBND)(?!\w)"
        rf"|(?P<council>(?i:Hội\s+đồng\s+nhân\s+dân)|HĐND)(?!\w)"
        rf"|(?P<party>Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy)(?!\w)"
        rf"|(?P<front>(?:Ủy\s+ban\s+)?(?:MTTQ|Mặt\s+trận\s+Tổ\s+quốc)(?:\s*Việt\s+Nam|\s*VN)?|UBMTTQ(?:VN)?)(?!\w)"
        rf"|(?P<dept>(?i:sở))\s+(?P<dept_dom>{g.dept_pattern})(?![\w&])"
        rf"|(?P<ministry>(?i:bộ))\s+(?P<min_dom>{g.domain_pattern})(?![\w&])"
        rf"|(?<=trưởng\s)(?P<bare_dom>{g.domain_pattern})(?![\w&])"
        rf"|(?P<fministry>Bộ)\s+(?=(?!trưởng)\w)"
        rf"|(?:(?<=\bvà\s)|(?<=\bvới\s)|(?<=\bgiữa\s)|(?<=\bcùng\s)|(?<=\bcủa\s)"
        rf"|(?<=\bdiện\s)|(?<=\bđốc\s)|(?<=\btịch\s)|(?<=\btrưởng\s))(?P<lgeneric>{lower})\s+(?=[A-ZĐ\d])"
        rf"|(?P<generic>{generic})\s+(?=[\w&])"
        rf"|(?P<placekind>(?i:tỉnh|thành\s+phố)|TP\.?)\s*(?=(?:{g.province_pattern})(?!\w))"
        rf"|(?P<city>TP\.?\s*HCM|TPHCM|Thành\s+phố\s+Hồ\s+Chí\s+Minh|TP\.?\s*Hồ\s+Chí\s+Minh)(?!\w)"
    )
    return (
        re.compile(head),
        re.compile(rf"\s*(?P<place>{g.province_pattern})(?!\w)"),
        re.compile(rf"(?P<country>{g.country_pattern})(?!\w)"),
    )


_LEVEL = re.compile(rf"\s+(?P<kind>{_KIND})(?:(?<=\.)|(?!\w))")  # "TP.HCM", "TP. Cần Thơ"
_WORD = re.compile(r"[^\S\n]*([\w&'.-]+|,)")  # a name never runs across a line break


def _kind_word(kind: str | None) -> str | None:
    if not kind:
        return None
    k = " ".join(kind.lower().split()).rstrip(".")
    return {"tp": "thành phố"}.get(k, k)


def _place_after(text: str, pos: int) -> tuple[Province | None, str | None, str | None, int]:
    """Read "[tỉnh|TP.|huyện] <place>" at ``pos``: (province, level word, district name, end)."""
    _, place_rx, _ = _patterns()
    g = gazetteer()
    level = None
    end = pos
    m = _LEVEL.match(text, pos)
    if m:
        level = _kind_word(m["kind"])
        end = m.end()
    p = place_rx.match(text, end)
    if p and level not in ("huyện", "quận", "thị xã"):
        return g.provinces.get(lookup_key(p["place"])), level, None, p.end()
    if level in ("huyện", "quận", "thị xã"):
        from govkg.loaders.people import cap_run

        run = cap_run(text, end + 1, min(len(text), end + 40)) if text[end : end + 1].isspace() else []
        if run:
            run = run[:3]
            return None, level, " ".join(w for w, _, _ in run), run[-1][2]
    return None, level, None, end


_COMMA_CONT = re.compile(r"\s+(?P<low>(?:[a-zđà-ỹ]+\s+){1,3})(?=[A-ZĐ])")


def _person_follows(text: str, pos: int, words: list[str]) -> bool:
    """A person's name right after a body that ends with a country ("Cục … Việt Nam Hoàng Hồng Giang")."""
    g = gazetteer()
    tail = " ".join(words[-2:])
    if not (tail == "Việt Nam" or re.fullmatch(rf"(?:{g.country_pattern})", words[-1] if words else "")):
        return False
    from govkg.loaders.people import cap_run

    run = cap_run(text, pos, min(len(text), pos + 40))
    return bool(run) and run[0][0] in g.surnames and 2 <= len(run) <= 4


_KEEP_ABBREVIATED = re.compile(r"(?<!\w)TNHH(?!\w)")  # "Công ty TNHH Denso Việt Nam" keeps it


def _expand(name: str) -> str:
    """A generic body's name with its abbreviations written out ("Trung tâm CNTT", "… TP. HCM")."""
    kept = _KEEP_ABBREVIATED.findall(name)
    out = expand_abbreviations(_KEEP_ABBREVIATED.sub("\x00", name))
    for k in kept:
        out = out.replace("\x00", k, 1)
    return out


def _generic_end(text: str, pos: int, limit: int, *, lower_first: bool = False) -> int:
    """End of a generic name starting at ``pos``: capitalised words and the lower-case ones between.

    ``lower_first``: the name may start in lower case ("Cục trưởng Cục pháp chế")."""
    end = pos
    n = 0
    first = True
    lower_run = 0
    caps = 0
    prev_words: list[str] = []
    while True:
        m = _WORD.match(text, end, limit)
        if m is None:
            break
        w = m.group(1)
        if w == ",":
            # "Hiệp hội Lương thực, thực phẩm TP. HCM": a lower-case phrase ending in a capitalised word
            cont = _COMMA_CONT.match(text, m.end(), limit)
            if caps and cont and not any(x in _STOP for x in cont["low"].split()):
                end = cont.end() - (len(cont.group()) - len(cont.group().rstrip()))
                n += len(cont.group().split())
                lower_run = 0
                caps += 1
                continue
            break
        if w[:1].isupper() and caps >= 2 and _person_follows(text, m.start(1), prev_words):
            break
        if w.endswith(".") and w[:-1].lower() not in ABBREVIATIONS:  # "… TP. HCM." ends the sentence
            w = w[:-1]
            if not w:
                break
            stop_after = True
        else:
            stop_after = False
        cap = w[:1].isupper() or w[:1].isdigit() or w == "&"
        if first and not cap and not lower_first:
            return pos
        prev_words.append(w)
        if not cap:
            if w.lower() == "làm" and len(prev_words) > 1 and prev_words[-2].lower() == "việc":
                lower_run = 1
                end = m.start() + len(m.group())
                n += 1
                continue
            if w.lower() in _STOP or lower_run >= 3:
                break
            if caps >= 2 and w not in ("và", "&"):
                # a lower-case word between capitalised ones: "Viện Lịch sử Quân sự Việt Nam"
                nxt = _WORD.match(text, m.end(), limit)
                if not (
                    nxt
                    and nxt.group(1)[:1].isupper()
                    and not _person_follows(text, nxt.start(1), ["Việt", "Nam"])
                ):
                    break
            lower_run += 1
        else:
            lower_run = 0
            caps += 1
        end = m.start() + len(m.group()) - (1 if stop_after else 0)
        first = False
        n += 1
        if stop_after or n >= 9:
            break
    # do not end on lower-case filler
    words = text[pos:end].split()
    while words and not (words[-1][:1].isupper() or words[-1][:1].isdigit()) and len(words) > 1:
        if words[-1].lower() in _STOP and words[-2].lower() != "việc":
            words.pop()
        else:
            break
    return pos + len(" ".join(words)) if words else pos


_PLACE_LIST = re.compile(
    r"\s*(?:,|và|với)\s+(?:(?:(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các)\s+)?"
    r"(?P<kw>(?:tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|TP\.?)\s*)(?=\S))?"
)


def _foreign(text: str, start: int, end: int, country: str | None) -> OrgMention:
    """A foreign body named as the article writes it ("Bộ Nội vụ Cộng hòa Slovakia")."""
    surface = text[start:end]
    return OrgMention(start, end, " ".join(surface.split()), "ForeignBody", surface, country=country)


def _place_mention(start: int, end: int, prov: Province, text: str) -> OrgMention:
    """A bare place, read as its People's Committee when it is a party."""
    return OrgMention(
        start,
        end,
        f"Ủy ban nhân dân {prov.display}",
        "PeoplesCommittee",
        text[start:end],
        place=prov,
        is_place=True,
    )


def find_orgs(text: str) -> list[OrgMention]:
    """All body mentions in ``text`` (normalized, credits masked), left to right, not overlapping."""
    head_rx, place_rx, country_rx = _patterns()
    g = gazetteer()
    out: list[OrgMention] = []
    pos = 0
    n = len(text)
    while True:
        m = head_rx.search(text, pos)
        if not m:
            break
        start = m.start()
        mention: OrgMention | None = None
        if m["body"]:
            name, typ = g.bodies[lookup_key(m["body"])]
            end = m.end()
            mention = OrgMention(start, end, name, typ, m["body"])
            c = country_rx.match(text, end + 1) if text[end : end + 1] == " " else None
            if c and not name.endswith("Việt Nam"):
                surface = text[start : c.end()]
                mention = OrgMention(
                    start, c.end(), f"{name} {c['country']}", "ForeignBody", surface, country=c["country"]
                )
        elif m["bare_dom"]:
            dom = g.domains[lookup_key(m["bare_dom"])]
            mention = OrgMention(start, m.end(), f"Bộ {dom}", "Ministry", m["bare_dom"])
        elif m["gov"]:
            c = country_rx.match(text, m.end())
            end = c.end() if c else m.end()
            mention = _foreign(text, start, end, c["country"] if c else None)
        elif m["pc"] or m["council"]:
            is_pc = bool(m["pc"])
            prov, level, district, end = _place_after(text, m.end())
            base = "Ủy ban nhân dân" if is_pc else "Hội đồng nhân dân"
            typ = "PeoplesCommittee" if is_pc else "PeoplesCouncil"
            if re.match(r"\s+(?:các|cấp|xã|phường)\b", text[end : end + 8]):
                pos = end
                continue
            if district:
                mention = OrgMention(start, end, f"{base} {level} {district}", typ, text[start:end])
            elif prov:
                mention = OrgMention(start, end, f"{base} {prov.display}", typ, text[start:end], place=prov)
            else:
                mention = OrgMention(
                    start,
                    end,
                    base,
                    typ,
                    text[start:end],
                    unresolved="pc" if is_pc else "council",
                    level=level,
                )
        elif m["party"]:
            prov, level, district, end = _place_after(text, m.end())
            head = " ".join(m["party"].split())
            if prov:
                place = prov.name
                mention = OrgMention(
                    start, end, f"{head} {place}", "PartyCommittee", text[start:end], place=prov
                )
            else:
                mention = OrgMention(start, end, head, "PartyCommittee", text[start:end], unresolved="party")
        elif m["front"]:
            prov, level, district, end = _place_after(text, m.end())
            if prov:
                name = f"Ủy ban Mặt trận Tổ quốc Việt Nam {prov.display}"
                mention = OrgMention(start, end, name, "Other", text[start:end], place=prov)
            else:
                pos = m.end()
                continue
        elif m["dept"]:
            dom = g.dept_domains.get(lookup_key(m["dept_dom"]), m["dept_dom"])
            end = m.end()
            paren = re.match(r"\s*\([^()]{1,15}\)", text[end:])
            if paren:
                end += paren.end()
            prov, level, district, end2 = _place_after(text, end)
            name = f"Sở {dom}"
            if prov:
                mention = OrgMention(
                    start, end2, f"{name} {prov.display}", "Department", text[start:end2], place=prov
                )
            else:
                end = end2 if level else m.end()
                mention = OrgMention(
                    start, end, name, "Department", text[start:end], unresolved="dept", level=level
                )
        elif m["ministry"]:
            dom = g.domains[lookup_key(m["min_dom"])]
            end = m.end()
            vn = re.match(
                r"\s+(?:nước\s+)?(?:Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+)?Việt\s+Nam(?!\w)", text[end:]
            )
            c = country_rx.match(text, end + 1) if text[end : end + 1].isspace() else None
            if vn:
                end += vn.end()
                mention = OrgMention(start, end, f"Bộ {dom}", "Ministry", text[start:end])
            elif c:
                end = c.end()
                mention = _foreign(text, start, end, c["country"])
            else:
                mention = OrgMention(start, end, f"Bộ {dom}", "Ministry", text[start:end])
        elif m["fministry"]:
            # a foreign ministry: "Bộ <field> <country>" within a few words
            window = text[m.end() : m.end() + 90]
            c = None
            for cm in country_rx.finditer(window):
                before = window[: cm.start()]
                if re.search(r"[.;:()]|\s(?:và\s+Bộ|của|với|đã|ký|tại)\s", before):
                    break
                if len(before.split()) <= 12 and before.strip():
                    c = cm
                    break
            if c:
                end = m.end() + c.end()
                mention = _foreign(text, start, end, c["country"])
            else:
                pos = m.end()
                continue
        elif m["generic"] or m["lgeneric"]:
            head = " ".join((m["generic"] or m["lgeneric"]).split())
            if m["lgeneric"]:
                head = head[:1].upper() + head[1:]
                nxt = re.match(r"\w+", text[m.end() :])
                if head == "Tổ chức" and nxt and nxt.group() in _EVENT_WORDS:
                    pos = m.end()
                    continue
            prev = re.search(r"(\S+)\s+$", text[max(0, start - 20) : start])
            if (
                prev
                and prev.group(1)[:1].isupper()
                and prev.group(1)[-1:].isalpha()
                and head in ("Trường", "Hội", "Ban", "Vụ")
            ):
                pos = m.end()
                continue
            end = _generic_end(text, m.end(), min(n, m.end() + 120))
            if (
                end <= m.end()
                and head in ("Cục", "Vụ")
                and re.search(r"trưởng\s+$", text[max(0, start - 9) : start])
            ):
                end = _generic_end(text, m.end(), min(n, m.end() + 120), lower_first=True)
            if end <= m.end():
                pos = m.end()
                continue
            typ = _GENERIC_HEADS.get(head, "Other")
            at = re.match(rf"\s+tại\s+(?:Việt\s+Nam|{g.country_pattern})(?!\w)", text[end:])
            if at and head in ("Tổ chức", "Văn phòng", "Ngân hàng", "Trung tâm", "Hiệp hội", "Hội", "Viện"):
                end += at.end()
            name = _expand(" ".join(text[start:end].split()))
            if m["lgeneric"]:
                name = name[:1].upper() + name[1:]
            if head == "Công an":
                prov, level, district, end2 = _place_after(text, m.end() - 1)
                if prov:
                    end = end2
                    name = f"Công an {prov.display}"
            mention = OrgMention(start, end, name, typ, text[start:end])
            c = re.search(rf"(?<!\w)(?:{g.country_pattern})$", name)  # "Vụ Pháp chế" is no French body
            if c and not name.endswith("Việt Nam"):
                mention = replace(mention, type="ForeignBody", country=c.group())
        elif m["placekind"] or m["city"]:
            if m["city"]:
                end = m.end()
                prov = g.provinces[lookup_key("Thành phố Hồ Chí Minh")]
            else:
                pm = place_rx.match(text, m.end())
                prov = g.provinces.get(lookup_key(pm["place"])) if pm else None
                if prov is None:
                    pos = m.end()
                    continue
                end = pm.end()
            mention = _place_mention(start, end, prov, text)
            # a list of places after the first: "3 tỉnh Long An, Tiền Giang, Đồng Tháp"
            while True:
                nm = _PLACE_LIST.match(text, end)
                pm = place_rx.match(text, nm.end()) if nm else None
                nxt = g.provinces.get(lookup_key(pm["place"])) if pm else None
                if nxt is None:
                    break
                out.append(mention)
                mention = _place_mention(nm.start("kw") if nm["kw"] else nm.end(), pm.end(), nxt, text)
                end = pm.end()
        if mention is None or mention.end <= start:
            pos = m.end() if m.end() > pos else pos + 1
            continue
        out.append(mention)
        pos = mention.end
    return _compose(out, text)


def _compose(mentions: list[OrgMention], text: str) -> list[OrgMention]:
    """Join a unit to the ministry that follows it: "Vụ Pháp chế Bộ Quốc phòng"."""
    out: list[OrgMention] = []
    for mt in mentions:
        if (
            out
            and out[-1].type == "Department"
            and not out[-1].unresolved
            and mt.type in ("Ministry", "ForeignBody")
            and re.fullmatch(r",?\s+", text[out[-1].end : mt.start])
            and out[-1].name.split()[0] in ("Vụ", "Cục", "Tổng", "Văn")
        ):
            prev = out.pop()
            typ = "ForeignBody" if mt.type == "ForeignBody" else "Department"
            surface = text[prev.start : mt.end]
            out.append(
                OrgMention(
                    prev.start,
                    mt.end,
                    " ".join(surface.split()) if typ == "ForeignBody" else f"{prev.name} {mt.name}",
                    typ,
                    text[prev.start : mt.end],
                    country=mt.country,
                )
            )
            continue
        out.append(mt)
    return out


def resolve(m: OrgMention, province: Province | None) -> OrgMention:
    """Fill in the article's province for "UBND tỉnh", "Tỉnh ủy", "Sở TT&TT"."""
    if not m.unresolved or province is None:
        return m
    if m.level and m.level not in ("tỉnh", "thành phố"):
        return m
    if m.level and m.level != province.kind and not province.name.startswith("Thành phố"):
        return m
    if m.unresolved == "party":
        head = m.name
        if (head == "Tỉnh ủy") != (province.kind == "tỉnh"):
            return m
        return replace(m, name=f"{head} {province.name}", place=province, unresolved=None, inferred=True)
    return replace(m, name=f"{m.name} {province.display}", place=province, unresolved=None, inferred=True)
