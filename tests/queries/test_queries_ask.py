"""govkg ask: question forms → (named query, parameters), answers from the dev graph, and the rest."""

import json

import pytest

from govkg.cli import main
from govkg.queries.answers import ask, format_answer
from govkg.queries.ask import FORMS, TARGETS, Unanswerable, parse
from govkg.queries.library import get_query

MOU = "MemorandumOfUnderstanding"


@pytest.mark.parametrize(
    ("question", "query", "params"),
    [
        # who signed [kind] with BODY [in YEAR]
        (
            "Ai đã ký biên bản ghi nhớ với UBND tỉnh Hậu Giang?",
            "who-signed",
            {"body": "UBND tỉnh Hậu Giang", "kind": MOU},
        ),
        (
            "Ai da ky bien ban ghi nho voi UBND tinh Hau Giang?",
            "who-signed",
            {"body": "UBND tinh Hau Giang", "kind": MOU},
        ),
        (
            "ai ký thoả thuận với Long An năm 2022",
            "who-signed",
            {"body": "Long An", "from": "2022-01-01", "to": "2022-12-31"},
        ),
        (
            "Ai đã ký chương trình phối hợp với Bộ TT&TT từ năm 2021 đến năm 2023?",
            "who-signed",
            {"body": "Bộ TT&TT", "kind": "CoordinationProgram", "from": "2021-01-01", "to": "2023-12-31"},
        ),
        (
            "Who signed agreements with the Ministry of Information and Communications in 2022?",
            "who-signed",
            {"body": "Ministry of Information and Communications", "from": "2022-01-01", "to": "2022-12-31"},
        ),
        ("Who signed the MoU with Hau Giang?", "who-signed", {"body": "Hau Giang", "kind": MOU}),
        (
            "who signed cooperation agreements with Long An",
            "who-signed",
            {"body": "Long An", "kind": "CooperationAgreement"},
        ),
        # posts of PERSON
        ("Ông Phạm Đức Long giữ chức vụ gì?", "posts-of-person", {"person": "Phạm Đức Long"}),
        ("ong pham duc long giu chuc vu gi", "posts-of-person", {"person": "pham duc long"}),
        (
            "Bà Nguyễn Thị Nghĩa đã từng giữ những chức vụ nào?",
            "posts-of-person",
            {"person": "Nguyễn Thị Nghĩa"},
        ),
        ("What posts does Phạm Đức Long hold?", "posts-of-person", {"person": "Phạm Đức Long"}),
        ("What positions has Mr. Pham Tan Hoa held?", "posts-of-person", {"person": "Pham Tan Hoa"}),
        # agreements of BODY
        ("Long An đã ký những thỏa thuận nào?", "agreements-of", {"body": "Long An"}),
        ("long an da ky nhung thoa thuan nao", "agreements-of", {"body": "long an"}),
        ("Which agreements did Long An sign?", "agreements-of", {"body": "Long An"}),
        (  # a kind or a year: agreements-of has no such parameter, who-signed has
            "Long An đã ký những biên bản ghi nhớ nào năm 2022?",
            "who-signed",
            {"body": "Long An", "kind": MOU, "from": "2022-01-01", "to": "2022-12-31"},
        ),
        (
            "Which memoranda did the Ministry of Information and Communications sign in 2022?",
            "who-signed",
            {
                "body": "Ministry of Information and Communications",
                "kind": MOU,
                "from": "2022-01-01",
                "to": "2022-12-31",
            },
        ),
        # who held TITLE of BODY on DATE
        (
            "Ai là Phó Chủ tịch UBND tỉnh Long An ngày 5/3/2024?",
            "post-on-date",
            {"title": "Phó Chủ tịch", "body": "UBND tỉnh Long An", "date": "2024-03-05"},
        ),
        (
            "ai la pho chu tich ubnd tinh long an ngay 5 thang 3 nam 2024",
            "post-on-date",
            {"title": "Phó Chủ tịch", "body": "ubnd tinh long an", "date": "2024-03-05"},
        ),
        (
            "Ai là Chủ tịch UBND tỉnh Long An?",
            "post-on-date",
            {"title": "Chủ tịch", "body": "UBND tỉnh Long An"},
        ),
        (
            "Who was the Vice Chairman of Long An on 2024-03-05?",
            "post-on-date",
            {"title": "Phó Chủ tịch", "body": "Long An", "date": "2024-03-05"},
        ),
        (
            "Who was the Deputy Minister of Information and Communications on 5 May 2022?",
            "post-on-date",
            {"title": "Thứ trưởng", "body": "Information and Communications", "date": "2022-05-05"},
        ),
        # agreements between A and B ("và"/"and" inside a name is not where the pair splits)
        (
            "Những thỏa thuận nào giữa Bộ Thông tin và Truyền thông và UBND tỉnh Hậu Giang?",
            "agreements-between",
            {"body": "Bộ Thông tin và Truyền thông", "other": "UBND tỉnh Hậu Giang"},
        ),
        (
            "Long An và Bộ TT&TT đã ký những thỏa thuận nào?",
            "agreements-between",
            {"body": "Long An", "other": "Bộ TT&TT"},
        ),
        (
            "Which agreements exist between the Ministry of Information and Communications and Hau Giang",
            "agreements-between",
            {"body": "Ministry of Information and Communications", "other": "Hau Giang"},
        ),
        # officials of BODY
        ("Lãnh đạo của tỉnh Long An là những ai?", "officials-of", {"body": "tỉnh Long An"}),
        ("Who are the officials of Long An?", "officials-of", {"body": "Long An"}),
    ],
)
def test_question_forms(question, query, params):
    reading = parse(question)
    assert (reading.query, reading.params) == (query, params)


def test_bodies_named_with_and_are_not_split_without_a_second_body():
    reading = parse("Bộ Thông tin và Truyền thông đã ký những thỏa thuận nào?")
    assert (reading.query, reading.params) == ("agreements-of", {"body": "Bộ Thông tin và Truyền thông"})


def test_interpretation_in_words():
    reading = parse("Ai đã ký biên bản ghi nhớ với UBND tỉnh Hậu Giang?")
    assert reading.interpretation == f"who-signed body=UBND tỉnh Hậu Giang kind={MOU}"
    assert reading.language == "vi" and parse("Who is Phạm Đức Long?").language == "en"


def test_every_example_reads_as_its_own_form_and_targets_exist():
    for form in FORMS:
        assert parse(form.example).form is form, form.example
    for targets in TARGETS.values():
        for target in targets:
            declared = {p.name for p in get_query(target.query).params}
            assert set(target.params) | set(target.also) <= declared, target


@pytest.mark.parametrize(
    "question", ["Thời tiết hôm nay thế nào?", "What is the capital of France?", "", "???"]
)
def test_unanswerable_says_so_with_examples(question):
    with pytest.raises(Unanswerable) as caught:
        parse(question)
    text = str(caught.value)
    assert "Long An" in text and caught.value.exit_code == 6
    if "France" in question:
        assert "did not understand" in text and "Which agreements did Long An sign?" in text
    if "Thời tiết" in question:
        assert "chưa hiểu" in text and "Long An đã ký những thỏa thuận nào?" in text


# ── answers from the dev graph ──────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def resolver(dev_store):
    from govkg.queries.names import NameIndex

    return NameIndex.load(dev_store).resolve


def signed(answer):
    return {(r["signatory"], r["signedFor"], r["date"]) for r in answer.rows}


HAU_GIANG_MOU = {
    ("Phạm Đức Long", "Bộ Thông tin và Truyền thông", "2022-05-05"),
    ("Đồng Văn Thanh", "Ủy ban nhân dân tỉnh Hậu Giang", "2022-05-05"),
}


@pytest.mark.parametrize(
    "question",
    [
        "Ai đã ký biên bản ghi nhớ với UBND tỉnh Hậu Giang?",
        "Ai da ky bien ban ghi nho voi UBND tinh Hau Giang",
        "Who signed agreements with the Ministry of Information and Communications in 2022?",
    ],
)
def test_who_signed_the_hau_giang_memorandum(dev_store, resolver, question):
    answer = ask(question, dev_store, resolver)
    assert signed(answer) == HAU_GIANG_MOU
    assert {r["type"] for r in answer.rows} == {"Memorandum of understanding"}
    assert [s.article for s in answer.sources] == ["seed-004"] and "Biên bản ghi nhớ" in answer.sources[
        0
    ].quote
    text = format_answer(answer)
    assert "Phạm Đức Long" in text and "seed-004" in text
    if question.startswith("Who"):
        assert text.startswith(
            "2 people signed agreements with Ministry of Information and Communications in 2022"
        )
    else:
        assert text.startswith("2 người đã ký biên bản ghi nhớ với UBND") and "Người ký" in text


def test_posts_of_pham_duc_long(dev_store, resolver):
    answer = ask("Ông Phạm Đức Long giữ chức vụ gì?", dev_store, resolver)
    assert {(r["name"], r["post"], r["in"]) for r in answer.rows} == {
        ("Phạm Đức Long", "Thứ trưởng", "Bộ Thông tin và Truyền thông")
    }
    assert "seed-004" in {s.article for s in answer.sources}
    assert format_answer(answer).startswith("Phạm Đức Long giữ 1 chức vụ")


def test_agreements_of_long_an(dev_store, resolver):
    answer = ask("Long An đã ký những thỏa thuận nào?", dev_store, resolver)
    assert answer.reading.query == "agreements-of"
    assert "seed-000" in {a for r in answer.rows for a in r["articles"].split()}
    assert len({r["agreement"] for r in answer.rows}) == len(answer.rows) == answer.count  # one row each
    markdown = format_answer(answer, "markdown")
    assert "| Ngày ký |" in markdown and "- seed-000: “" in markdown and "????-07-16" in markdown


def test_holder_on_a_date(dev_store, resolver):
    answer = ask("Ai là Phó Chủ tịch UBND tỉnh Long An ngày 5/3/2024?", dev_store, resolver)
    assert [r["name"] for r in answer.rows] == ["Phạm Tấn Hòa"]
    assert {"seed-001", "seed-002"} <= {s.article for s in answer.sources}


def test_agreements_between(dev_store, resolver):
    answer = ask(
        "Những thỏa thuận nào giữa Bộ Thông tin và Truyền thông và UBND tỉnh Hậu Giang?", dev_store, resolver
    )
    assert [r["title"] for r in answer.rows] == ["Biên bản ghi nhớ hợp tác giai đoạn 2022-2023"]


def test_nothing_found_is_said_plainly(dev_store, resolver):
    answer = ask("Who signed memoranda with Long An in 2019?", dev_store, resolver)
    assert answer.rows == [] and format_answer(answer).startswith("Found no one who signed")


# ── the command line ────────────────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("govkg-ask")
    assert main(["build", "--examples", "--data-dir", str(directory)]) == 0
    return directory


def test_cli_answers_in_json(capsys, data_dir):
    code = main(
        [
            "ask",
            "Ai đã ký biên bản ghi nhớ với UBND tỉnh Hậu Giang?",
            "--format",
            "json",
            "--data-dir",
            str(data_dir),
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert (
        code == 0
        and out["query"] == "who-signed"
        and out["params"] == {"body": "UBND tỉnh Hậu Giang", "kind": MOU}
    )
    assert {r["signatory"] for r in out["rows"]} == {"Phạm Đức Long", "Đồng Văn Thanh"}
    assert out["sources"][0]["article"] == "seed-004" and out["language"] == "vi"


def test_cli_unquoted_words_and_table(capsys, data_dir):
    code = main(["ask", "What", "posts", "does", "Phạm", "Đức", "Long", "hold?", "--data-dir", str(data_dir)])
    out = capsys.readouterr().out
    assert code == 0 and "Thứ trưởng" in out and "Understood as: posts-of-person person=Phạm Đức Long" in out


def test_cli_does_not_understand(capsys, tmp_path):
    code = main(["ask", "Hôm nay trời có mưa không?", "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 6 and "chưa hiểu" in err and "Ai đã ký biên bản ghi nhớ" in err
