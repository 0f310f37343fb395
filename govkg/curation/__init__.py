"""Curated facts and corrections that survive every rebuild.

Users keep a curation file (YAML, or CSV for added posts and agreements) under version control;
``load_curations`` reads it (errors name file, line and field), ``apply_curations`` makes the store
say what it says — after the articles are stored, in one transaction, undoing the previous apply —
``append_entry`` adds one entry to a YAML file, and ``import_rdf`` stores an RDF file in a named graph
of its own. See docs/curation.md.
"""

from govkg.curation.apply import ApplyReport, Outcome, apply_curations
from govkg.curation.importer import import_rdf
from govkg.curation.model import Entry
from govkg.curation.reader import load_curations, parse_csv, parse_yaml
from govkg.curation.writer import append_entry

__all__ = [
    "ApplyReport",
    "Entry",
    "Outcome",
    "append_entry",
    "apply_curations",
    "import_rdf",
    "load_curations",
    "parse_csv",
    "parse_yaml",
]
