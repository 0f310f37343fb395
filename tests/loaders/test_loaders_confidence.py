"""Confidence on each fact: how directly the sentence states it, not a constant."""

from govkg.loaders.extract import extract
from govkg.loaders.records import Article


def _extract(text: str, published: str | None = "2022-05-05"):
    return extract(Article("t", text, "", None, published, None))


def _post(ex, name: str, title: str):
    person = next(p for p in ex.persons if p.name == name)
    return next(p for p in person.posts if p.title == title)


def test_a_body_named_after_the_title_is_surer_than_one_taken_from_the_article() -> None:
    ex = _extract(
        "Bộ trưởng Bộ Công Thương Trần Tuấn Anh làm việc với tỉnh Long An. "
        "Bộ trưởng Trần Tuấn Anh đề nghị tỉnh đẩy mạnh xuất khẩu."
    )
    assert _post(ex, "Trần Tuấn Anh", "Bộ trưởng").evidence.confidence == 0.9
    ex = _extract("Chiều 5/3, Bộ trưởng Trần Tuấn Anh làm việc với lãnh đạo Bộ Công Thương.")
    assert _post(ex, "Trần Tuấn Anh", "Bộ trưởng").evidence.confidence < 0.7


def test_a_province_from_the_article_lowers_the_post_and_body_confidence() -> None:
    ex = _extract(
        "Ngày 16/7, UBND tỉnh Long An và Bộ TT&TT ký kết thỏa thuận hợp tác. "
        "Phó Chủ tịch UBND tỉnh Phạm Tấn Hòa phát biểu. Tỉnh Long An sẽ triển khai ngay."
    )
    assert _post(ex, "Phạm Tấn Hòa", "Phó Chủ tịch").evidence.confidence == 0.8
    ministry = next(o for o in ex.organizations if o.name == "Bộ Thông tin và Truyền thông")
    assert ministry.evidence.confidence == 0.95


def test_signing_for_a_body_said_outright_is_surest() -> None:
    ex = _extract(
        "Ông Nguyễn Văn A thay mặt Bộ Tài chính và ông Trần Văn B, Giám đốc Sở Tài chính tỉnh Long An "
        "ký biên bản ghi nhớ giữa Bộ Tài chính và UBND tỉnh Long An."
    )
    (agreement,) = ex.agreements
    by_person = {s.person: s.evidence.confidence for s in agreement.signatories}
    assert by_person["Nguyễn Văn A"] == 0.95
    assert by_person["Trần Văn B"] < by_person["Nguyễn Văn A"]
    assert agreement.evidence.confidence == 0.9


def test_a_foreign_name_is_a_weaker_guess_than_a_vietnamese_one() -> None:
    ex = _extract("Tổng thống Hàn Quốc Moon Jae In và Chủ tịch nước Trần Đại Quang hội đàm.")
    confidence = {p.name: p.evidence.confidence for p in ex.persons}
    assert confidence == {"Moon Jae In": 0.75, "Trần Đại Quang": 0.9}
