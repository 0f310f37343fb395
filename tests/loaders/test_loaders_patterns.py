"""Sentence shapes of Vietnamese official prose the extractor reads (one test per pattern)."""

from govkg.loaders.extract import extract
from govkg.loaders.normalize import key
from govkg.loaders.orgs import find_orgs
from govkg.loaders.records import Article


def _run(text: str, published: str | None = None):
    return extract(Article("t", text, "", None, published, None))


def _posts(ex, name: str) -> set[tuple[str, str]]:
    p = next(p for p in ex.persons if key(p.name) == key(name))
    return {(key(x.title), key(x.organization)) for x in p.posts}


def _parties(ex) -> list[set[str]]:
    return [{key(x) for x in a.parties} for a in ex.agreements]


def test_bare_places_as_parties() -> None:
    ex = _run(
        "Ngày 21-10, TP. HCM và 3 tỉnh Bến Tre, Trà Vinh, Vĩnh Long đã ký thỏa thuận hợp tác "
        "phát triển du lịch."
    )
    assert _parties(ex) == [
        {
            key("Ủy ban nhân dân Thành phố Hồ Chí Minh"),
            key("Ủy ban nhân dân tỉnh Bến Tre"),
            key("Ủy ban nhân dân tỉnh Trà Vinh"),
            key("Ủy ban nhân dân tỉnh Vĩnh Long"),
        }
    ]
    assert ex.agreements[0].date == "--10-21"


def test_between_place_and_enterprise() -> None:
    ex = _run("Phó Thủ tướng theo dõi lễ ký kết thỏa thuận hợp tác giữa tỉnh Bình Định với Tập đoàn Sao Mai.")
    assert _parties(ex) == [{key("Ủy ban nhân dân tỉnh Bình Định"), key("Tập đoàn Sao Mai")}]


def test_distributed_title_with_colon() -> None:
    ex = _run(
        "Về phía Đài có ông Nguyễn Văn Tâm, Tổng Giám đốc Đài Tiếng nói Việt Nam; các Phó Tổng Giám đốc: "
        "Lê Văn Bình, Trần Quốc Hưng và lãnh đạo các đơn vị."
    )
    for name in ("Lê Văn Bình", "Trần Quốc Hưng"):
        assert (key("Phó Tổng Giám đốc"), key("Đài Tiếng nói Việt Nam")) in _posts(ex, name)


def test_distributed_title_gom_cac_ong() -> None:
    ex = _run(
        "Như vậy, UBND thành phố Cần Thơ hiện có 3 phó chủ tịch, gồm các ông: Trần Văn An, Lê Quốc Bảo, "
        "Phạm Minh Châu."
    )
    for name in ("Trần Văn An", "Lê Quốc Bảo", "Phạm Minh Châu"):
        assert (key("Phó Chủ tịch"), key("Ủy ban nhân dân thành phố Cần Thơ")) in _posts(ex, name)
    assert all(p.gender == "male" for p in ex.persons)


def test_distributed_title_over_items_with_own_posts() -> None:
    ex = _run(
        "Dự buổi làm việc có các đồng chí Ủy viên Trung ương Đảng: Bộ trưởng Bộ Y tế (BYT) Nguyễn Thị Lan; "
        "Thượng tướng Lê Văn Hải, Thứ trưởng Bộ Quốc phòng và các đồng chí lãnh đạo."
    )
    cc = key("Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam")
    assert _posts(ex, "Nguyễn Thị Lan") == {(key("Ủy viên"), cc), (key("Bộ trưởng"), key("Bộ Y tế"))}
    assert _posts(ex, "Lê Văn Hải") == {(key("Ủy viên"), cc), (key("Thứ trưởng"), key("Bộ Quốc phòng"))}


def test_age_parenthesis_before_post() -> None:
    ex = _run("HĐND tỉnh Nam Định đã bầu ông Trần Văn Minh (50 tuổi, Giám đốc Sở Tài chính tỉnh Nam Định).")
    assert (key("Giám đốc"), key("Sở Tài chính tỉnh Nam Định")) in _posts(ex, "Trần Văn Minh")


def test_post_in_parenthesis_after_name() -> None:
    ex = _run("Ông Lê Văn Tùng (Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam) phát biểu.")
    assert _posts(ex, "Lê Văn Tùng") == {
        (key("Phó Chủ tịch"), key("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"))
    }


def test_name_not_swallowed_by_body() -> None:
    ex = _run(
        "Cục trưởng Cục Hàng hải Việt Nam Nguyễn Văn Hòa và Tổng Giám đốc Tổng Công ty Bưu điện Việt Nam "
        "Lê Quang Đạt ký thỏa thuận hợp tác."
    )
    assert _posts(ex, "Nguyễn Văn Hòa") == {(key("Cục trưởng"), key("Cục Hàng hải Việt Nam"))}
    sigs = {(key(s.person), key(s.on_behalf_of)) for s in ex.agreements[0].signatories}
    assert sigs == {
        (key("Nguyễn Văn Hòa"), key("Cục Hàng hải Việt Nam")),
        (key("Lê Quang Đạt"), key("Tổng Công ty Bưu điện Việt Nam")),
    }


def test_chain_after_name_stops_at_va() -> None:
    ex = _run(
        "Ông Lê Văn Nam - tổng giám đốc Tập đoàn Hưng Thịnh và Chủ tịch UBND tỉnh Bình Dương Trần Văn Lợi "
        "ký kết thỏa thuận hợp tác."
    )
    assert _posts(ex, "Trần Văn Lợi") == {(key("Chủ tịch"), key("Ủy ban nhân dân tỉnh Bình Dương"))}


def test_on_behalf_of_government() -> None:
    ex = _run(
        "Theo Bộ Công Thương, Bộ trưởng Lê Văn Thành thay mặt Chính phủ Việt Nam và Bộ trưởng Ahmed Karim "
        "thay mặt Chính phủ Bangladesh đã ký Bản ghi nhớ về thương mại gạo."
    )
    a = ex.agreements[0]
    assert {key(x) for x in a.parties} == {key("Chính phủ Việt Nam"), key("Chính phủ Bangladesh")}
    assert (key("Bộ trưởng"), key("Bộ Công Thương")) in _posts(ex, "Lê Văn Thành")
    sigs = {(key(s.person), key(s.on_behalf_of)) for s in a.signatories}
    assert (key("Lê Văn Thành"), key("Chính phủ Việt Nam")) in sigs


def test_minister_with_bare_field() -> None:
    ex = _run("Bộ trưởng Giao thông Vận tải Lê Văn Tâm phát biểu.")
    assert _posts(ex, "Lê Văn Tâm") == {(key("Bộ trưởng"), key("Bộ Giao thông vận tải"))}


def test_lower_case_head_and_comma_names() -> None:
    names = [o.name for o in find_orgs("Bộ Y tế và tổ chức Cứu trợ trẻ em tại Việt Nam đã ký kết.")]
    assert "Tổ chức Cứu trợ trẻ em tại Việt Nam" in names
    names = [o.name for o in find_orgs("UBND tỉnh đã tổ chức Hội nghị và ký với Hiệp hội Rau, quả Đà Lạt.")]
    assert "Hiệp hội Rau, quả Đà Lạt" in names
    assert not any(n.startswith("Tổ chức") for n in names)
    names = [o.name for o in find_orgs("Tổng cục Thống kê và Cục Việc làm ký chương trình phối hợp.")]
    assert "Cục Việc làm" in names


def test_foreign_central_body() -> None:
    names = [o.name for o in find_orgs("Phó Chủ tịch Quân ủy Trung ương Trung Quốc phát biểu.")]
    assert names == ["Quân ủy Trung ương Trung Quốc"]
