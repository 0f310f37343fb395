"""Append one entry to a curation YAML file, keeping its comments and text as they are.

For commands such as ``govkg curate merge A B``: the entry is written as YAML below the last one,
with the indentation the file already uses, and the whole file is parsed again before it is
replaced (atomically), so a command can never leave a file the next build cannot read.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from govkg.curation.model import Entry
from govkg.curation.reader import compose_yaml, parse_yaml
from govkg.errors import InputError

NEW_FILE = """\
# govkg curations: facts and corrections applied after every build (docs/curation.md).
entries:
"""


def append_entry(path: str | Path, entry: Mapping[str, Any]) -> Entry:
    """Append ``entry`` (as it would be written in YAML: ``{"merge": {"person": [A, B]}, "id": …}``).

    Creates the file when missing. Returns the entry as read back; an InputError (file, line, field)
    when the entry is not valid or the file cannot take it, and then the file is unchanged.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read it: {error}") from None
    if not text.strip():
        text = NEW_FILE
    before = len(parse_yaml(text, str(path)))
    text, indent = _entries_end(text, str(path))
    dumped = yaml.safe_dump([dict(entry)], allow_unicode=True, sort_keys=False, width=4096)
    block = "".join(" " * indent + line if line.strip() else line for line in dumped.splitlines(True))
    if not text.endswith("\n"):
        text += "\n"
    text += block
    entries = parse_yaml(text, str(path))
    if len(entries) != before + 1:
        raise InputError(f"{path}: the entry could not be appended", hint="check the end of the file")
    _write(path, text)
    return entries[-1]


def _entries_end(text: str, path: str) -> tuple[str, int]:
    """The text ready for a block list item at its end, and that item's indentation."""
    root = compose_yaml(text, path)
    if not isinstance(root, yaml.MappingNode):
        raise InputError(f"{path}:1: a curation file is a mapping with an 'entries:' list")
    keys = [k.value for k, _ in root.value]
    if "entries" not in keys:
        return text.rstrip("\n") + "\nentries:\n", 2
    if keys[-1] != "entries":
        line = root.value[keys.index("entries")][0].start_mark.line + 1
        raise InputError(
            f"{path}:{line}: entries: is not the last field, so an entry cannot be appended below it",
            hint="move the entries: list to the end of the file",
        )
    value = root.value[-1][1]
    if isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null":
        return text, 2
    if isinstance(value, yaml.SequenceNode) and value.flow_style:
        if value.value:
            line = value.start_mark.line + 1
            raise InputError(
                f"{path}:{line}: entries is written as a [flow, list]",
                hint="write one '- ' entry a line to append to it",
            )
        cut = text[: value.start_mark.index] + text[value.end_mark.index :]
        return cut.rstrip() + "\n", 2
    if isinstance(value, yaml.SequenceNode):
        return text, value.start_mark.column
    raise InputError(f"{path}:{value.start_mark.line + 1}: entries is not a list")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
