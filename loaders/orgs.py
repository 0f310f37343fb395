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


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    g = gazetteer()
    generic = "|".join(
        re.escape(h).replace(r"\ ", r"\s+") for h in sorted(_GENERIC_HEADS, key=len, reverse=True)
    )
    head = (
        rf"(?P<body>{g.body_pattern})(?!\w)"
        rf"|(?P<pc>(?i:Ủy\s+ban\s+nhân\s+dân)|UBND)(?!\w)"
        rf"|(?P<council>(?i:Hội\s+đồng\s+nhân\s+dân)|HĐND)(?!\w)"
        rf"|(?P<party>Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy)(?!\w)"
        rf"|(?P<front>(?:Ủy\s+ban\s+)?(?:MTTQ|Mặt\s+trận\s+Tổ\s+quốc)(?:\s*Việt\s+Nam|\s*VN)?|UBMTTQ(?:VN)?)(?!\w)"
        rf"|(?P<dept>(?i:sở))\s+(?P<dept_dom>{g.dept_pattern})(?![\w&])"
        rf"|(?P<ministry>(?i:bộ))\s+(?P<min_dom>{g.domain_pattern})(?![\w&])"
        rf"|(?P<fministry>Bộ)\s+(?=(?!trưởng)\w)"
        rf"|(?P<generic>{generic})\s+(?=[\w&])"
        rf"|(?P<placekind>(?i:tỉnh|thành\s+phố)|TP\.?)\s*(?=(?:{g.province_pattern})(?!\w))"
        rf"|(?P<city>TP\.?\s*HCM|TPHCM|Thành\s+phố\s+Hồ\s+Chí\s+Minh|TP\.?\s*Hồ\s+Chí\s+Minh)(?!\w)"
    )
    return (
        re.compile(head),
        re.compile(rf"\s*(?P<place>{g.province_pattern})(?!\w)"),
        re.compile(rf"(?P<country>{g.country_pattern})(?!\w)"),
    )


_LEVEL = re.compile(rf"\s+(?P<kind>{_KIND})(?!\w)")
_WORD = re.compile(r"\s*([\w&'.-]+|,)")


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


def _generic_end(text: str, pos: int, limit: int) -> int:
    """End of a generic name starting at ``pos``: capitalised words and the lower-case ones between."""
    end = pos
    n = 0
    first = True
    lower_run = 0
    caps = 0
    for m in _WORD.finditer(text, pos, limit):
        if m.start() != end:
            break
        w = m.group(1)
        if w == ",":
            break
        if w.endswith(".") and not re.fullmatch(r"[A-ZĐ]+\.", w):
            w = w[:-1]
            if not w:
                break
            stop_after = True
        else:
            stop_after = False
        cap = w[:1].isupper() or w[:1].isdigit() or w == "&"
        if first and not cap:
            return pos
        if not cap:
            if w.lower() in _STOP or lower_run >= 3 or (caps >= 2 and w not in ("và", "&")):
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
        if words[-1].lower() in _STOP:
            words.pop()
        else:
            break
    return pos + len(" ".join(words)) if words else pos


def find_orgs(text: str) -> list[OrgMention]:
    """All body mentions in ``text`` (normalized, credits masked), left to right, not overlapping."""
    head_rx, _, country_rx = _patterns()
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
                mention = OrgMention(
                    start, end, " ".join(text[start:end].split()), "ForeignBody", text[start:end]
                )
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
                if len(before.split()) <= 9 and before.strip():
                    c = cm
                    break
            if c:
                end = m.end() + c.end()
                mention = OrgMention(
                    start, end, " ".join(text[start:end].split()), "ForeignBody", text[start:end]
                )
            else:
                pos = m.end()
                continue
        elif m["generic"]:
            head = " ".join(m["generic"].split())
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
            if end <= m.end():
                pos = m.end()
                continue
            typ = _GENERIC_HEADS.get(head, "Other")
            name = " ".join(text[start:end].split())
            if head == "Công an":
                prov, level, district, end2 = _place_after(text, m.end() - 1)
                if prov:
                    end = end2
                    name = f"Công an {prov.display}"
            mention = OrgMention(start, end, name, typ, text[start:end])
            if country_rx.search(name) and not name.endswith("Việt Nam"):
                mention = replace(mention, type="ForeignBody")
        elif m["placekind"] or m["city"]:
            if m["city"]:
                end = m.end()
                prov = g.provinces[lookup_key("Thành phố Hồ Chí Minh")]
            else:
                prov, _, _, end = _place_after(text, m.end() - len(m["placekind"]) - 1)
                if prov is None:
                    pos = m.end()
                    continue
            mention = OrgMention(
                start,
                end,
                f"Ủy ban nhân dân {prov.display}",
                "PeoplesCommittee",
                text[start:end],
                place=prov,
                is_place=True,
            )
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
            out.append(
                OrgMention(prev.start, mt.end, f"{prev.name} {mt.name}", typ, text[prev.start : mt.end])
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
        return replace(m, name=f"{head} {province.name}", place=province, unresolved=None)
    return replace(m, name=f"{m.name} {province.display}", place=province, unresolved=None)
