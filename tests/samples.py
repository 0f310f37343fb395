"""Sample data shared by the tests: a small hand-made extraction and where the dev corpus lives.

A plain module, not conftest.py: test modules import it by name, and pytest's several conftest.py
files would shadow one another under that name.
"""

import json
import re
from collections import Counter
from pathlib import Path

from pyoxigraph import Store

from govkg.loaders.records import (
    Agreement,
    Article,
    Evidence,
    Extraction,
    Organization,
    Period,
    Person,
    Post,
    Signatory,
)

DEV_CORPUS = Path("/work/shared/corpus/dev")
BASE = "https://w3id.org/govkg/id/"
_BLANK = re.compile(r"_:[0-9a-f]+")
SENTENCE = (
    "Bộ trưởng Nguyễn Mạnh Hùng và Chủ tịch UBND tỉnh Long An Trần Văn Cần ký kết biên bản hợp tác ngày 16/7."
)


def make_extraction(article_id="t1", *, date="--07-16", title="Biên bản hợp tác"):
    text = f"Long An hợp tác\n\n{SENTENCE}"
    start = text.index(SENTENCE)
    ev = Evidence(SENTENCE, start, start + len(SENTENCE), 0.9)
    ministry, province = "Bộ Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh Long An"
    return Extraction(
        Article(id=article_id, text=text, title="Long An hợp tác", published=None, source="example.vn"),
        persons=[
            Person("Nguyễn Mạnh Hùng", posts=[Post("Bộ trưởng", ministry, ev)], evidence=ev),
            Person("Trần Văn Cần", "male", posts=[Post("Chủ tịch", province, ev)], evidence=ev),
        ],
        organizations=[
            Organization(ministry, "Ministry", ["Bộ TT&TT"], ev),
            Organization(province, "PeoplesCommittee", ["UBND tỉnh Long An"], ev),
        ],
        agreements=[
            Agreement(
                "CooperationAgreement",
                title,
                [ministry, province],
                [Signatory("Nguyễn Mạnh Hùng", ministry, ev), Signatory("Trần Văn Cần", province, ev)],
                date,
                Period("2022", "2023"),
                ev,
            )
        ],
    )


def cp1258(text: str) -> bytes:
    """``text`` in Windows-1258 as Vietnamese Windows software writes it: the letters with a vowel mark
    precomposed (ư, ô, â…), the tone marks combining (Python's codec does not recompose them itself)."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for c in text:
        try:
            out.append(c.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", c)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones))
            out.append((base + "".join(p for p in parts if p in tones)).encode("cp1258"))
    return b"".join(out)


def stored_quads(data_dir: Path) -> Counter[str]:
    """The quads of the store in ``data_dir``, blank nodes blanked (every build parses the ontology anew)."""
    store = Store.read_only(str(data_dir / "store"))
    try:
        return Counter(_BLANK.sub("_:b", str(q)) for q in store)
    finally:
        del store  # release the read-only handle before the store is opened for writing again


def seeds_with_a_variant_spelling(folder: Path) -> list[str]:
    """A JSONL of the seed articles and seed-101: seed-001 again, spelling Phạm Tấn Hòa "Phạm Tấn Hoa"."""
    from govkg.pipeline import example_articles  # here: samples stays light for the tests that need none

    seeds = [json.loads(line) for line in example_articles().read_text(encoding="utf-8").splitlines()]
    variant = dict(next(s for s in seeds if s["id"] == "seed-001"))
    variant.update(id="seed-101", text=variant["text"].replace("Phạm Tấn Hòa", "Phạm Tấn Hoa"))
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [*seeds, variant]), "utf-8")
    return [str(path)]


# parameters that the dev graph answers for every named query that takes them
_REPRESENTATIVE = {
    "person": "Phạm Đức Long",
    "body": "Long An",
    "other": "Hậu Giang",
    "date": "2024-01-15",
    "from": "2022-01-01",
    "to": "2022-12-31",
    "kind": "MemorandumOfUnderstanding",
    "limit": "3",
    "offset": "1",
}
_LIST_SEPARATORS = re.compile(r"[\s,·|]+")


def representative_params(query) -> dict[str, str]:
    """A representative value (see _REPRESENTATIVE) for each parameter of the named query that has one."""
    return {p.name: _REPRESENTATIVE[p.name] for p in query.params if p.name in _REPRESENTATIVE}


def rdflib_copy(store):
    """The store's quads (its N-Quads export) in rdflib's memory store, whose default graph is the union
    of the named graphs, as the embedded store's is: queried with rdflib's own SPARQL engine."""
    import io

    from rdflib import Dataset

    from govkg.graph.export import export

    buffer = io.BytesIO()
    export(store, buffer, "nq")
    dataset = Dataset(default_union=True)
    dataset.parse(data=buffer.getvalue(), format="nquads")
    return dataset


def normalized_rows(result) -> list[tuple[str, ...]]:
    """A query's rows as sorted tuples, "" for unbound; a GROUP_CONCAT list (" · ", " ", ", " or " | ")
    comes in no set order, so each cell becomes its sorted words."""

    def cell(value) -> str:
        return "" if value is None else " ".join(sorted(_LIST_SEPARATORS.split(str(value))))

    return sorted(tuple(cell(row[v]) for v in result.vars) for row in result)
