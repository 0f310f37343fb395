"""Sentence splitting for Vietnamese news, with captions' credits and bylines recognised.

Lines are paragraph boundaries. Inside a line, a sentence ends at ``.``, ``!``, ``?`` or ``…`` followed
by white space and an upper-case letter, a digit or a quote, unless the dot closes a known
abbreviation (``TP.``, ``TS.``, ``ThS.``). Credits ("(Ảnh: Bùi Giang/TTXVN)", "Nguồn: …", a last line
holding only an author's name, upper-case photographer names) are returned as masked ranges so that
no person is read from them; the caption sentence around a credit still counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "tp",
    "ts",
    "ths",
    "pgs",
    "gs",
    "bs",
    "ks",
    "th",
    "st",
    "mr",
    "ms",
    "dr",
    "tt",
    "nxb",
    "ttg",
    "q",
    "p",
    "v.v",
    "tskh",
    "ncs",
    "ls",
    "tx",
    "h",
    "ng",
    "pv",
}
_SENT_END = re.compile(r"(?:\.{3}|…|[.!?])+[\"”»)]?(?=\s+[\"“«(]?[A-ZÀ-ỸĐ0-9])")
_PAREN_CREDIT = re.compile(
    r"\((?:\s*(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn|Video|Clip|Đồ họa|Theo|Bài và ảnh|Bài, ảnh"
    r"|Ảnh tư liệu)\b[^()]*"
    r"|[^()]{0,40}/\s*(?:TTXVN|VNA|Vietnam\+|VOV|VTV|VGP|Vietnamplus|BNEWS)[^()]{0,20}"
    r"|\s*(?:TTXVN|PV|VGP|Vietnam\+|ảnh minh họa)[^()]{0,30})\)",
    re.IGNORECASE,
)
_INLINE_CREDIT = re.compile(r"(?:^|(?<=[\s.–-]))(?:Ảnh|Nguồn|Video|Đồ họa|Bài và ảnh|Bài, ảnh)\s*:[ \t]*")
_CREDIT_WORD = re.compile(r"[A-ZÀ-ỸĐ][\w'’.]*(?:\s*/\s*[\w.+]+)?|[A-ZÀ-ỸĐ0-9+./]+")
# words that open the next sentence, not a photographer's name: "Ảnh: Tùng Đinh Tại hội đàm, …"
_OPENERS = set(
    "Tại Theo Trong Sau Trước Chiều Sáng Tối Trưa Ngày Hôm Đây Các Những Ông Bà Khi Với Cùng Để Về Từ "
    "Đến Năm Tháng Một Hai Ba Bộ Sở Phó Chủ Thủ Tổng Lãnh Đoàn Lễ Buổi Phát Tiếp Nhân Dịp Này Thay "
    "Đồng Thượng Trung Thiếu Đại Tỉnh Thành UBND Hội Ủy Ban Kết Toàn Quang Lực".split()
)
_CREDIT_LINE = re.compile(
    r"^\s*(?:Theo\s+\S+\.(?:vn|com|net)\S*|Theo\s+[A-ZĐ][\w.+/ ]{0,30}|Nguồn\s*:.*|Ảnh\s*:.*|Video\s*:.*|"
    r"Tin,?\s*ảnh\s*:.*|Bài,?\s*ảnh\s*:.*)\s*$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[A-ZÀ-ỸĐ][\w'’]*\.?|[A-ZÀ-ỸĐ]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    caption: bool = False


def _is_byline(line: str) -> bool:
    """A short line made only of capitalised words, upper-case names, '-', '/' or a site: an author."""
    s = line.strip()
    if not s or len(s) > 60 or any(c in s for c in ',;:!?"“”'):
        return False
    if s.endswith(".") and not s.isupper():
        return False
    words = re.split(r"\s+|\s*[-–/]\s*", s)
    words = [w for w in words if w]
    if not 1 <= len(words) <= 7:
        return False
    return all(_NAME_WORD.fullmatch(w) or "." in w or w.isupper() for w in words)


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of credits and bylines in ``text`` (normalized, same length as the original)."""
    ranges = [m.span() for m in _PAREN_CREDIT.finditer(text)]
    ranges += [_inline_credit(text, m.start(), m.end()) for m in _INLINE_CREDIT.finditer(text)]
    pos = 0
    lines = text.split("\n")
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    tail = set(content[-4:])
    for i, line in enumerate(lines):
        if _CREDIT_LINE.match(line) or (_is_byline(line) and (i in tail or line.strip().isupper())):
            ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return sorted(ranges)


def _inline_credit(text: str, start: int, pos: int) -> tuple[int, int]:
    """A credit inside a running line: "Ảnh: Doãn Tấn/TTXVN Bộ trưởng …" ends after the credited name.

    A short rest of line is all credit. Otherwise the credit is at most four name words, ending at an
    agency ("/TTXVN"), before a word that opens a sentence, or before the last capitalised word of a
    run that a lower-case word follows ("Tùng Đinh Đại tướng …": "Đại" opens the next sentence)."""
    eol = text.find("\n", pos)
    eol = len(text) if eol < 0 else eol
    if eol - pos <= 60:
        return start, eol
    words: list[re.Match[str]] = []
    at = pos
    while len(words) < 4:
        m = _CREDIT_WORD.match(text, at, eol)
        if m is None or (words and m.group().split("/")[0] in _OPENERS):
            break
        words.append(m)
        if "/" in m.group():
            return start, m.end()
        at = m.end()
        while at < eol and text[at] in " \t":
            at += 1
    follower = re.match(r"[ \t]+(\w)", text[words[-1].end() : eol]) if words else None
    if len(words) > 1 and follower and follower.group(1).islower():
        words.pop()
    return start, words[-1].end() if words else pos


def mask(text: str, ranges: list[tuple[int, int]]) -> str:
    """Blank out ``ranges`` with spaces (length kept, so offsets stay valid)."""
    if not ranges:
        return text
    chars = list(text)
    for a, b in ranges:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as offset ranges, trimmed of surrounding white space."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        for m in _SENT_END.finditer(line):
            before = line[: m.start()]
            word = re.search(r"([\w.]+)$", before)
            if m.group().startswith(".") and word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
                continue
            if m.group().startswith(".") and word and len(word.group(1)) == 1 and word.group(1).isupper():
                continue  # an initial: "N. Bình"
            _add(out, text, start, pos + m.end())
            start = pos + m.end()
        _add(out, text, start, pos + len(line))
        pos += len(line) + 1
    return out


def _add(out: list[Sentence], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(a, b))
