"""Where govkg keeps its data and how it mints IRIs; environment variables override the defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BASE = "https://w3id.org/govkg/id/"


@dataclass(frozen=True)
class Config:
    data_dir: Path
    base_iri: str = DEFAULT_BASE
    # a remote SPARQL 1.1 endpoint instead of the store in data_dir (see docs/remote-stores.md)
    endpoint: str | None = None
    update_endpoint: str | None = None
    gsp_endpoint: str | None = None
    write_method: str | None = None  # "gsp" or "update"; None: GSP when the store has a known GSP URL

    @property
    def store_dir(self) -> Path:
        return self.data_dir / "store"


def load_config(
    *,
    data_dir: str | os.PathLike[str] | None = None,
    base_iri: str | None = None,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    write_method: str | None = None,
) -> Config:
    """Options win over ``GOVKG_DATA`` / ``GOVKG_BASE``, which win over ``./govkg-data`` and the w3id base.

    Likewise ``GOVKG_ENDPOINT``, ``GOVKG_UPDATE_ENDPOINT``, ``GOVKG_GSP_ENDPOINT`` and
    ``GOVKG_WRITE_METHOD`` for a remote store; an endpoint given as an option wins over the data dir.
    """
    directory = data_dir or os.environ.get("GOVKG_DATA") or "govkg-data"
    base = base_iri or os.environ.get("GOVKG_BASE") or DEFAULT_BASE
    if not base.endswith(("/", "#")):
        base += "/"
    env = os.environ.get
    return Config(
        data_dir=Path(directory),
        base_iri=base,
        endpoint=endpoint or (None if data_dir else env("GOVKG_ENDPOINT")) or None,
        update_endpoint=update_endpoint or env("GOVKG_UPDATE_ENDPOINT") or None,
        gsp_endpoint=gsp_endpoint or env("GOVKG_GSP_ENDPOINT") or None,
        write_method=write_method or env("GOVKG_WRITE_METHOD") or None,
    )
