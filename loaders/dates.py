"""Dates and periods in Vietnamese news, keeping their precision.

"ngày 16/7" → ``--07-16`` (no year known), "Chiều ngày 5/5/2022" → ``2022-05-05``, "Sáng 21-3",
"ngày 05 tháng 5 năm 2022", "tháng 5/2022" → ``2022-05``. A year is taken only from the expression
itself or from the article's ``published`` date, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_PREFIX = (
    r"(?:(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|vào|từ|đến"
    r"|(?:sáng|chiều|tối|trưa)\s+(?:nay|qua)|(?:hôm\s+)?nay)\s+)"
)
_DMY = re.compile(
    rf"(?i:(?<![\w/.-]){_PREFIX}(?:ngày\s+)?)(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})(?:\s*[/.-]\s*(?P<y>\d{{4}}))?(?![\w/]|[.-]\d)"
    rf"|(?<![\w/.-])(?P<d2>\d{{1,2}})\s*/\s*(?P<m2>\d{{1,2}})\s*/\s*(?P<y2>\d{{4}})(?![\w/])"
)
_WORDY = re.compile(
    r"(?i:ngày)\s+(?P<d>\d{1,2})\s+(?i:tháng)\s+(?P<m>\d{1,2})(?:\s*(?:(?i:năm)\s+|[,/]\s*)(?P<y>\d{4}))?(?!\d)"
)
_MONTH = re.compile(r"(?i:tháng)\s+(?P<m>\d{1,2})\s*(?:/|-|\s+năm\s+)\s*(?P<y>\d{4})(?!\d)")
_PERIOD = re.compile(
    r"(?i:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ)?\s*(?:(?i:từ)\s+(?:năm\s+)?)?(?<!\d)(?P<a>(?:19|20)\d{2})\s*(?:[-–—]|đến(?:\s+năm)?)\s*"
    r"(?P<b>(?:19|20)\d{2})(?!\d)"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY-MM-DD | YYYY-MM | YYYY | --MM-DD
    has_year: bool


def _valid(d: int, m: int, year: int | None = None) -> bool:
    """A day that exists: in ``year``, or without one in some year (29 February too)."""
    try:
        date(year or 2000, m, d)  # 2000 is a leap year
    except ValueError:
        return False
    return True


def _with_year(d: int, m: int, year: str | None, published: str | None) -> tuple[str, bool]:
    if year:
        return f"{int(year):04d}-{m:02d}-{d:02d}", True
    if published and re.match(r"\d{4}-\d{2}-\d{2}", published):
        py, pm = int(published[:4]), int(published[5:7])
        y = py - 1 if m > pm + 1 else py  # a day-month later than the publication is last year's
        if _valid(d, m, y):  # else 29 February of a common year: that year cannot be meant
            return f"{y:04d}-{m:02d}-{d:02d}", True
    return f"--{m:02d}-{d:02d}", False


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """All day-level and month-level dates in ``text``, in order."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for rx in (_WORDY, _DMY):
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            d, mo, y = g.get("d") or g.get("d2"), g.get("m") or g.get("m2"), g.get("y") or g.get("y2")
            if not d or not mo or not _valid(int(d), int(mo), int(y) if y else None):
                continue
            value, has_year = _with_year(int(d), int(mo), y, published)
            out.append(DateMention(m.start(), m.end(), value, has_year))
            taken.append(m.span())
    for m in _MONTH.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken) or not 1 <= int(m["m"]) <= 12:
            continue
        out.append(DateMention(m.start(), m.end(), f"{m['y']}-{int(m['m']):02d}", True))
    return sorted(out, key=lambda x: x.start)


# a dateline opening the lede without "ngày": "HÀ NỘI 23-3, …", "23/3, …"
_DATELINE = re.compile(
    r"\W*(?:[^\W\d]+\s+){0,3}?(?P<d>\d{1,2})\s*[-/]\s*(?P<m>\d{1,2})(?:\s*[-/]\s*(?P<y>\d{4}))?\s*,"
)


def dateline(lede: str, published: str | None = None) -> str | None:
    """The date a lede opens with when it has no "ngày"/"sáng" before it (those ``find_dates`` reads)."""
    m = _DATELINE.match(lede)
    if not m or not _valid(int(m["d"]), int(m["m"]), int(m["y"]) if m["y"] else None):
        return None
    return _with_year(int(m["d"]), int(m["m"]), m["y"], published)[0]


def parse_date(text: str, published: str | None = None) -> str | None:
    """The first date in ``text`` at its precision, or None."""
    found = find_dates(text, published)
    return found[0].value if found else None


def find_period(text: str) -> tuple[str, str] | None:
    """A period "giai đoạn 2022 – 2023" / "2017-2020" → ("2022", "2023")."""
    for m in _PERIOD.finditer(text):
        a, b = m["a"], m["b"]
        if a < b:
            return a, b
    return None


# "năm 2024" as the year the article speaks in: not a target ("đến năm 2030"), not a start ("từ năm
# 1945 tới nay"), not a birth year
_SPOKEN_YEAR = re.compile(r"(?i:năm)\s+(?P<y>(?:19|20)\d{2})(?![\d/-])")
_NOT_PRESENT = re.compile(r"(?i:đến|tới|từ|trước|sau|tầm\s+nhìn|sinh|hướng\s+tới|vào)\s*$")
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_VISION = re.compile(r"(?i:tầm\s+nhìn)(?:\s+(?:đến|tới))?(?:\s+năm)?\s*$")


def present_year(text: str) -> int | None:
    """The year an undated article speaks in: the latest "năm YYYY" that is no target, start or birth.

    A year more than ten years before another year the text names (visions "tầm nhìn 2045" aside) is
    history being told ("Năm 2000, …" in a piece about 2020 goals), so there is none to trust.
    """
    years = [
        int(m["y"])
        for m in _SPOKEN_YEAR.finditer(text)
        if not _NOT_PRESENT.search(text, max(0, m.start() - 15), m.start())
    ]
    if not years:
        return None
    named = [
        int(m.group())
        for m in _ANY_YEAR.finditer(text)
        if not _VISION.search(text, max(0, m.start() - 25), m.start())
    ]
    return max(years) if max(years) >= max(named) - 10 else None


def article_date(text: str, published: str | None, lede_date: str | None) -> str | None:
    """The day an article speaks of: its publication date, else the dated event it reports.

    Without a publication date: the lede's date when it has a year, else the first day-month of an
    event ("chiều 5/3") in the year the article speaks in ("năm 2024" → 2024-03-05). A year-end date
    goes to the year before when that year is named too: reviews of year Y in December name the plans
    for Y + 1. None when the text gives no year to trust.
    """
    if published:
        return published
    if lede_date and not lede_date.startswith("--") and len(lede_date) == 10:
        return lede_date
    dated = [d for d in find_dates(text) if len(d.value) == 10 or d.value.startswith("--")]
    if not dated:
        return None
    if not dated[0].value.startswith("--"):
        return dated[0].value
    year = present_year(text)
    if year is None:
        return None
    month, day = dated[0].value[2:4], dated[0].value[5:7]
    if int(month) >= 11 and re.search(rf"(?i:năm)\s+{year - 1}(?!\d)", text):
        year -= 1
    return f"{year:04d}-{month}-{day}"
