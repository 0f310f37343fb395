"""Listing keys: one per agreement, sorting as its first signing date does, following curations, and
who-signed loses no agreement when they are missing."""

from curation_helpers import LONG_AN_AGREEMENT, MINTER, built
from samples import BASE

from govkg.curation import apply_curations, parse_yaml
from govkg.graph.identity import Minter
from govkg.ontology.terms import GK
from govkg.queries.library import get_query

FIRST_DATES = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?agreement (MIN(STR(?date)) AS ?first)
WHERE { ?agreement a/rdfs:subClassOf gk:Agreement OPTIONAL { ?agreement gk:signingDate ?date } }
GROUP BY ?agreement"""

SET_DATE = """\
curator: Biên tập viên
entries:
  - id: long-an-date
    set-date:
      agreement:
        title: Biên bản hợp tác phát triển
        parties: [Bộ TT&TT, UBND tỉnh Long An]
      date: 2022-07-16
"""


def keys(store, minter=MINTER) -> dict[str, list[str]]:
    rows = store.select_values(
        f"SELECT ?a ?key WHERE {{ GRAPH {minter.listing_graph().n3()} {{ ?a <{GK.listingKey}> ?key }} }}"
    )
    found: dict[str, list[str]] = {}
    for agreement, key in rows:
        found.setdefault(agreement, []).append(key)
    return found


def test_every_agreement_has_one_key_that_sorts_as_its_first_date(dev_store):
    first = dict(dev_store.select_values(FIRST_DATES))
    found = keys(dev_store, Minter(BASE))
    assert set(found) == set(first) and all(len(k) == 1 for k in found.values())
    key = {a: k[0] for a, k in found.items()}
    for agreement, date in first.items():
        assert key[agreement].startswith((date or "") + " ") and len(key[agreement]) <= 15
    # the dev corpus has every kind of date: none, without a year, a year, a day
    assert {None, "--"} <= {d[:2] if d else None for d in first.values()}
    dates = [first[a] or "" for a in sorted(key, key=key.get)]
    assert dates == sorted(dates) and len(set(key.values())) == len(key)


def test_a_curation_moves_the_key_in_its_own_transaction(tmp_path):
    with built(tmp_path) as store:
        assert keys(store)[str(LONG_AN_AGREEMENT)][0].startswith("--07-16 ")
        apply_curations(store, parse_yaml(SET_DATE, "dates.yaml"), MINTER)
        assert keys(store)[str(LONG_AN_AGREEMENT)][0].startswith("2022-07-16 ")
        apply_curations(store, [], MINTER)  # undone
        assert keys(store)[str(LONG_AN_AGREEMENT)][0].startswith("--07-16 ")


def test_who_signed_lists_agreements_whose_key_is_missing(tmp_path):
    """A store whose derived graphs are not recomputed yet (say a build was killed before) loses none."""
    query = get_query("who-signed")
    with built(tmp_path) as store:
        whole = sorted(map(tuple, store.query(query.render({}))))
        listing = MINTER.listing_graph()
        store.update(f"DROP GRAPH {listing.n3()}", graphs=[listing])
        assert not keys(store)
        assert sorted(map(tuple, store.query(query.render({})))) == whole and len(whole) > 3
        page = list(store.query(query.render({"limit": "2"})))
        assert len({row.agreement for row in page}) == 2
