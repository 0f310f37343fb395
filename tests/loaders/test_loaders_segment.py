"""Sentence splitting, credits and dates."""

import pytest

from govkg.loaders.dates import find_period, parse_date
from govkg.loaders.segment import credit_ranges, mask, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_split_keeps_abbreviations_and_numbers() -> None:
    text = "TP. Cần Thơ có 5.000 hộ. TS. Nguyễn Văn A phát biểu ngày 5/5/2022. Ông nói: “Tốt”.\nDòng mới"
    assert _sentences(text) == [
        "TP. Cần Thơ có 5.000 hộ.",
        "TS. Nguyễn Văn A phát biểu ngày 5/5/2022.",
        "Ông nói: “Tốt”.",
        "Dòng mới",
    ]


def test_caption_credit_is_masked_but_caption_sentence_stays() -> None:
    text = "Ông A và ông B ký kết biên bản. (Ảnh: Bùi Giang/TTXVN)\nNội dung.\n\nĐức Hạnh"
    masked = mask(text, credit_ranges(text))
    assert "Bùi Giang" not in masked
    assert "Đức Hạnh" not in masked
    assert "Ông A và ông B ký kết biên bản." in masked
    assert len(masked) == len(text)


@pytest.mark.parametrize(
    "line",
    ["Nguồn: Bùi Giang (TTXVN/Vietnam+)", "Theo baohaugiang.com.vn", "NGỌC HÀ", "Ảnh: VNA"],
)
def test_credit_lines(line: str) -> None:
    text = f"Nội dung bài viết.\n{line}"
    masked = mask(text, credit_ranges(text))
    assert masked.startswith("Nội dung bài viết.")
    assert not masked[len("Nội dung bài viết.\n") :].strip()


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("làm việc, ngày 16/7.", None, "--07-16"),
        ("Chiều ngày 5/5/2022, đoàn công tác", None, "2022-05-05"),
        ("Sáng 21-3, hai bên", None, "--03-21"),
        ("ngày 05 tháng 5 năm 2022", None, "2022-05-05"),
        ("Sáng nay 22/4, Bộ", "2021-04-22", "2021-04-22"),
        ("trong tháng 5/2022", None, "2022-05"),
        ("xếp thứ 28/63 tỉnh", None, None),
        ("hơn 5.000 người", None, None),
    ],
)
def test_dates_with_precision(text: str, published: str | None, expected: str | None) -> None:
    assert parse_date(text, published) == expected


def test_period() -> None:
    assert find_period("giai đoạn 2022 – 2023") == ("2022", "2023")
    assert find_period("giai đoạn 2017-2020, tầm nhìn 2025") == ("2017", "2020")
    assert find_period("năm 2022") is None
