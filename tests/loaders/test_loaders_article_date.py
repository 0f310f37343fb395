"""The day an article speaks of, which dates the posts it attests: never a year the text does not give."""

import pytest

from govkg.loaders.dates import article_date, present_year


@pytest.mark.parametrize(
    ("text", "published", "lede", "expected"),
    [
        ("Chiều 5/3, hội nghị …", "2024-03-06", None, "2024-03-06"),  # publication wins
        ("…", None, "2023-12-26", "2023-12-26"),  # a dated lede
        ("Hội nghị đánh giá năm 2023 và nhiệm vụ năm 2024 diễn ra chiều 5/3.", None, None, "2024-03-05"),
        ("Sáng 21-3, UBND tỉnh tổng kết năm 2013, triển khai nhiệm vụ năm 2014.", None, None, "2014-03-21"),
        # a year-end review of 2023 names the plans for 2024; December is still 2023
        ("Chiều 26/12, tổng kết năm 2023 và triển khai nhiệm vụ năm 2024.", None, None, "2023-12-26"),
        ("Sáng 8/2/2017 tại Hà Nội, hai bên ký kết.", None, None, "2017-02-08"),  # a full date
        ("Ngày 16/7, hai bên ký kết biên bản hợp tác.", None, None, None),  # no year anywhere
        ("Chiều 5/3, tỉnh phấn đấu đến năm 2030 đạt 80%.", None, "--03-05", None),  # a target is no year
    ],
)
def test_article_date(text, published, lede, expected):
    assert article_date(text, published, lede) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2024, Long An đặt ra chỉ tiêu; phấn đấu đến năm 2030 …", 2024),
        ("lịch sử của đất nước từ năm 1945 tới nay, Liên hoan năm 2018", 2018),
        ("tầm nhìn đến năm 2045, kế hoạch năm 2024", 2024),  # a vision is no present
        ("Năm 2000, nguồn lực còn ít; mục tiêu đến năm 2020 …", None),  # history, far before 2020
        ("không có năm nào", None),
    ],
)
def test_present_year(text, expected):
    assert present_year(text) == expected
