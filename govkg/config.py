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

    @property
    def store_dir(self) -> Path:
        return self.data_dir / "store"


def load_config(*, data_dir: str | os.PathLike[str] | None = None, base_iri: str | None = None) -> Config:
    """Options win over ``GOVKG_DATA`` / ``GOVKG_BASE``, which win over ``./govkg-data`` and the w3id base."""
    directory = data_dir or os.environ.get("GOVKG_DATA") or "govkg-data"
    base = base_iri or os.environ.get("GOVKG_BASE") or DEFAULT_BASE
    if not base.endswith(("/", "#")):
        base += "/"
    return Config(data_dir=Path(directory), base_iri=base)
