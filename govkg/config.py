"""Where govkg keeps its data and how it mints IRIs; environment variables override the defaults.

The data directory may hold ``govkg.yaml``, the settings govkg remembers for it: today the curation
files every build applies (``curations: [paths]``), so a build that forgets ``--curations`` does not
undo them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from govkg.errors import InputError

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


def settings_file(config: Config) -> Path:
    return config.data_dir / "govkg.yaml"


def _settings(config: Config) -> dict:
    path = settings_file(config)
    if not path.exists():
        return {}
    try:
        settings = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problem = f"{path}: cannot read the settings ({error})"
        raise InputError(problem, hint="fix or remove the file") from None
    if not isinstance(settings, dict):
        raise InputError(f"{path}: the settings must be a mapping", hint="fix or remove the file")
    return settings


def curation_files(config: Config) -> list[Path]:
    """The curation files the data directory's settings list (absolute paths), or none."""
    files = _settings(config).get("curations", [])
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        path = settings_file(config)
        raise InputError(f"{path}: curations: must be a list of file paths", hint="fix or remove the file")
    return [(config.data_dir / f).resolve() for f in files]


def remember_curation_files(config: Config, files: list[Path]) -> None:
    """Record ``files`` as the curation files of the data directory (absolute paths)."""
    settings = _settings(config) | {"curations": [str(Path(f).resolve()) for f in files]}
    config.data_dir.mkdir(parents=True, exist_ok=True)
    text = "# what govkg remembers for this data directory\n"
    text += yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
    settings_file(config).write_text(text, encoding="utf-8")
