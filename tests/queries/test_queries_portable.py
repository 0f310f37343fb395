"""The named queries are standard SPARQL 1.1: rdflib's own engine answers each as Oxigraph does.

Users run them elsewhere too (on an exported TriG file with rdflib, on their own endpoint), so a query
may not lean on what one engine forgives. rdflib reads the N-Quads export of the dev graph into a
Dataset whose default graph is the union of the named graphs, as the embedded store's is.
"""

import pytest
from samples import normalized_rows, rdflib_copy, representative_params
from test_queries_golden import resolve

from govkg.queries.library import list_queries

# rdflib's Dataset(default_union=True) internals warn on every triples() call; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def rdflib_dataset(dev_store):
    return rdflib_copy(dev_store)


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_rdflib_answers_each_named_query_as_the_embedded_store(rdflib_dataset, dev_store, query):
    """Without parameters, with each representative one, with all of them together, and with a period
    nothing falls in (rdflib's engine once failed on the empty aggregates of most-active-signers)."""
    params = representative_params(query)
    variations = [{}, *({name: value} for name, value in params.items()), params]
    if {"from", "to"} <= params.keys():
        variations.append({"from": "1990-01-01", "to": "1990-12-31"})
    answered = 0
    for values in variations:
        text = query.render(values, resolve)
        here = normalized_rows(dev_store.query(text))
        assert normalized_rows(rdflib_dataset.query(text)) == here, values
        answered += bool(here)
    assert answered >= min(2, 1 + len(params))  # empty answers alone would prove nothing
