"""Curation files: YAML and CSV read with file, line and field in every error; appending keeps the text;
importing RDF files into their own graph. A malformed file changes nothing in the store."""

from __future__ import annotations

import pytest
from curation_helpers import MINTER, built, same, snapshot

from govkg.curation import append_entry, apply_curations, import_rdf, load_curations, parse_yaml
from govkg.curation.model import AddAgreement, AddPost, Merge, Reject, SetDate
from govkg.errors import InputError

GOOD = """\
curator: Biên tập viên   # the default curator
date: 2025-01-10
entries:
  - id: hoa
    merge: {person: [Phạm Tấn Hòa, Phạm Tấn Hoa]}
"""


def test_a_yaml_file_reads_into_entries_with_their_places(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(
        GOOD
        + """\
  - set-date:
      agreement: https://w3id.org/govkg/id/agreement/5d50eea3dd219695
      date: --07-16
    curator: Người khác
    date: 2025-02-01
  - reject:
      holding: {person: Trần Thanh Đức, title: Phó Chủ tịch, body: UBND tỉnh Tiền Giang}
""",
        "utf-8",
    )
    merge, set_date, reject = load_curations([path])
    assert isinstance(merge.action, Merge) and merge.action.kind == "person"
    assert [t.text for t in merge.action.targets] == ["Phạm Tấn Hòa", "Phạm Tấn Hoa"]
    assert (merge.id, merge.curator, merge.date, merge.location) == (
        "hoa",
        "Biên tập viên",
        "2025-01-10",
        f"{path}:4",
    )
    assert isinstance(set_date.action, SetDate) and set_date.action.date == "--07-16"
    assert (set_date.curator, set_date.date, set_date.place.line) == ("Người khác", "2025-02-01", 6)
    assert isinstance(reject.action, Reject) and reject.action.target.title == "Phó Chủ tịch"


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("entries:\n  - merge: {person: [A, B]\n", "c.yaml:3:", "YAML syntax"),
        ("entries:\n  - rename: {person: A}\n", "c.yaml:2: entries[0].rename:", "unknown field 'rename'"),
        ("entries:\n  - id: x\n", "c.yaml:2: entries[0]:", "exactly one action, found none"),
        ("entries:\n  - merge: {person: [A]}\n    reject: {person: A}\n", "c.yaml:2: entries[0]:", "found 2"),
        (
            "entries:\n  - set-date:\n      date: 2022-07-16\n",
            "c.yaml:3: entries[0].set-date.agreement:",
            "missing field",
        ),
        (
            "entries:\n  - set-date:\n      agreement: {title: X}\n      date: 2022-02-30\n",
            "c.yaml:4: entries[0].set-date.date:",
            "not a date",
        ),
        (
            "entries:\n  - set-date:\n      agreement: {title: X}\n      date: 16/7\n",
            "c.yaml:4:",
            "not a date",
        ),
        ("date: yesterday\nentries: []\n", "c.yaml:1: date:", "not a date"),
        (
            "entries:\n  - add: {post: {person: A, title: B}}\n",
            "c.yaml:2: entries[0].add.post.body:",
            "missing field",
        ),
        (
            "entries:\n  - add:\n      agreement: {kind: Treaty, parties: [A, B]}\n",
            "c.yaml:3:",
            "unknown agreement kind",
        ),
        ("entries:\n  - merge: {person: [A]}\n", "c.yaml:2: entries[0].merge.person:", "at least two"),
        ("entries:\n  - merge: {person: [A, B], into: A}\n", "c.yaml:2: entries[0].merge.into:", "IRI"),
        ("entries:\n  - reject: {person: A, body: B}\n", "c.yaml:2: entries[0].reject:", "exactly one of"),
        (
            "entries:\n  - reject: {person: [A, B]}\n",
            "c.yaml:2: entries[0].reject.person:",
            "expected a value",
        ),
        (
            "entries:\n  - id: a\n    reject: {person: A}\n  - id: a\n    reject: {person: B}\n",
            "c.yaml:4:",
            "used twice",
        ),
        ("curator: A\nentries: {}\n", "c.yaml:2: entries:", "expected a list"),
        ("owner: A\n", "c.yaml:1: owner:", "unknown field 'owner'"),
    ],
)
def test_a_malformed_yaml_file_names_file_line_and_field(tmp_path, text, where, what):
    path = tmp_path / "c.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_curations([path])
    message = str(caught.value)
    assert message.startswith(f"{tmp_path}/{where}"), message
    assert what in message


def test_a_malformed_file_leaves_the_store_unchanged(tmp_path):
    with built(tmp_path) as store:
        apply_curations(store, parse_yaml(GOOD, "good.yaml"), MINTER)
        before = snapshot(store)
        path = tmp_path / "bad.yaml"
        path.write_text(GOOD + "  - set-name: {body: Bộ TT&TT}\n", "utf-8")
        with pytest.raises(InputError, match=r"bad.yaml:6: entries\[1\].set-name.name: missing field"):
            apply_curations(store, load_curations([path]), MINTER)
        assert not same(before, snapshot(store))


POSTS = """\
person,title,body,from,to,attested,id,source
Nguyễn Văn Mới,Giám đốc,Sở Thông tin và Truyền thông tỉnh Long An,2021,,2022-05-01,p1,https://longan.gov.vn
Trần Thị Hai,Phó Giám đốc,Sở Thông tin và Truyền thông tỉnh Long An,2020-01-01,2023-12-31,,,
"""
AGREEMENTS = """\
kind,title,parties,signatories,signing_date,period_start,period_end,curator
CooperationAgreement,Thỏa thuận thử,MIC; Ủy ban nhân dân tỉnh Long An,\
Nguyễn Mạnh Hùng @ MIC; Trần Văn Cần @ Ủy ban nhân dân tỉnh Long An,2022-07-16,2022,2025,Biên tập viên
"""


def test_csv_files_of_posts_and_agreements(tmp_path):
    (tmp_path / "posts.csv").write_text(POSTS, "utf-8")
    (tmp_path / "agreements.csv").write_text(AGREEMENTS, "utf-8")
    first, second, agreement = load_curations([tmp_path / "posts.csv", tmp_path / "agreements.csv"])
    assert (
        isinstance(first.action, AddPost)
        and first.action.start == "2021"
        and first.action.attested == ("2022-05-01",)
    )
    assert (first.id, first.source, first.location) == (
        "p1",
        "https://longan.gov.vn",
        f"{tmp_path}/posts.csv:2",
    )
    assert second.action.end == "2023-12-31" and second.id is None
    assert isinstance(agreement.action, AddAgreement) and agreement.curator == "Biên tập viên"
    assert [(s.person.text, s.body.text) for s in agreement.action.signatories] == [
        ("Nguyễn Mạnh Hùng", "MIC"),
        ("Trần Văn Cần", "Ủy ban nhân dân tỉnh Long An"),
    ]
    with built(tmp_path) as store:
        report = apply_curations(store, [first, second, agreement], MINTER)
        assert len(report.applied) == 3 and not report.unmatched


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("person,title,body,rank\n", "c.csv:1: rank: unknown column"),
        ("person,title,body\nA,,C\n", "c.csv:2: title: missing 'title'"),
        ("person,title,body,from\nA,B,C,2021-13-01\n", "c.csv:2: from: not a date"),
        ("kind,parties\nMoU,A;B\n", "c.csv:2: kind: unknown agreement kind"),
        ("kind,parties\nOther,A\n", "c.csv:2: parties: an agreement needs at least two parties"),
        ("person,title,body\nA,B\n", "c.csv:2: has 2 cells"),
    ],
)
def test_a_malformed_csv_file_names_file_line_and_column(tmp_path, text, where):
    path = tmp_path / "c.csv"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_curations([path])
    assert str(caught.value).startswith(f"{tmp_path}/{where}"), str(caught.value)


def test_append_entry_keeps_comments_and_text(tmp_path):
    path = tmp_path / "c.yaml"
    original = GOOD + "    # a comment after the last entry\n"
    path.write_text(original, "utf-8")
    entry = append_entry(path, {"id": "anh", "reject": {"person": "Hồ Thu Ánh"}, "note": "nhà báo"})
    text = path.read_text("utf-8")
    assert text.startswith(original)
    assert isinstance(entry.action, Reject) and entry.id == "anh" and entry.curator == "Biên tập viên"
    assert [e.id for e in load_curations([path])] == ["hoa", "anh"]
    append_entry(path, {"set-date": {"agreement": {"title": "Biên bản"}, "date": "2022-07-16"}})
    assert load_curations([path])[-1].action.date == "2022-07-16"


def test_append_entry_creates_a_file_and_fills_an_empty_list(tmp_path):
    path = tmp_path / "new" / "c.yaml"
    append_entry(path, {"merge": {"person": ["A", "B"]}})
    assert len(load_curations([path])) == 1
    flow = tmp_path / "flow.yaml"
    flow.write_text("curator: X  # who\nentries: []  # none yet\n", "utf-8")
    append_entry(flow, {"reject": {"person": "A"}})
    assert "# who" in flow.read_text("utf-8")
    assert len(load_curations([flow])) == 1


def test_append_entry_refuses_a_bad_entry_and_leaves_the_file(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(GOOD, "utf-8")
    with pytest.raises(InputError, match="unknown field 'rename'"):
        append_entry(path, {"rename": {"person": "A"}})
    with pytest.raises(InputError, match="not a date"):
        append_entry(path, {"set-date": {"agreement": {"title": "X"}, "date": "16/7/2022"}})
    assert path.read_text("utf-8") == GOOD


TURTLE = """\
@prefix ex: <https://example.org/> .
ex:a ex:knows ex:b .
ex:b ex:name "B"@vi .
"""
TRIG = """\
@prefix ex: <https://example.org/> .
ex:g1 { ex:a ex:knows ex:b . }
ex:g2 { ex:c ex:knows [ ex:name "anonymous" ] . }
"""
JSONLD = """{"@context": {"ex": "https://example.org/"}, "@id": "ex:a", "ex:name": "A"}"""


@pytest.mark.parametrize(
    ("suffix", "text", "count"), [(".ttl", TURTLE, 2), (".trig", TRIG, 3), (".jsonld", JSONLD, 1)]
)
def test_rdf_files_import_into_their_own_graph(tmp_path, suffix, text, count):
    path = tmp_path / f"extra{suffix}"
    path.write_text(text, "utf-8")
    with built(tmp_path) as store:
        graph, triples = import_rdf(store, path, MINTER)
        assert str(graph) == "https://w3id.org/govkg/id/graph/import/extra" and triples == count
        assert len(store.dataset.graph(graph)) == count
        import_rdf(store, path, MINTER)  # again: replaced, not added to
        assert len(store.dataset.graph(graph)) == count


@pytest.mark.parametrize(
    ("suffix", "text", "line"),
    [(".ttl", TURTLE + "ex:c ex:knows .\n", ":4"), (".trig", "ex:g {", ":1"), (".jsonld", '{"@id": ', ":1")],
)
def test_a_malformed_rdf_file_is_an_error_and_imports_nothing(tmp_path, suffix, text, line):
    path = tmp_path / f"broken{suffix}"
    path.write_text(text, "utf-8")
    with built(tmp_path) as store:
        before = snapshot(store)
        with pytest.raises(InputError) as caught:
            import_rdf(store, path, MINTER)
        assert str(caught.value).startswith(f"{path}{line}: not valid"), str(caught.value)
        assert not same(before, snapshot(store))
