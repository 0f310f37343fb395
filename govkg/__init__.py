"""govkg: Vietnamese news about public administration → an RDF knowledge graph."""

__version__ = "0.1.0"
