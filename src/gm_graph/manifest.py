"""The source manifest (``data/sources.toml``): which files to ingest, and their checksums."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from gm_graph.errors import GmError, rel

REQUIRED = ("id", "file", "title", "format", "author_kind", "sha256")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Source:
    """One file named in the manifest."""

    id: str
    path: Path  # absolute path of the file
    file: str  # path as written in the manifest, relative to it
    title: str
    format: str
    author_kind: str
    sha256: str
    lists: tuple[str, ...] = field(default=())
    manifest_line: int = 0
    layout: str = ""  # a layout name (REGISTRY of gm_graph.ingest) to read it with; "" = detect


def _entry_lines(text: str) -> list[int]:
    """1-based line numbers of each ``[[source]]`` table, for error messages."""
    return [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "[[source]]"]


def load_manifest(path: Path, *, check_hashes: bool = True) -> list[Source]:
    """Read and check the manifest; raise :class:`GmError` naming the file and line on any problem."""
    shown = rel(path)
    if not path.is_file():
        raise GmError(shown, "manifest not found", "create it or pass --data DIR pointing at a folder with sources.toml")
    text = path.read_text(encoding="utf-8")
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GmError(shown, f"not valid TOML: {exc}", "fix the syntax at that line") from None
    entries = doc.get("source", [])
    if not entries:
        raise GmError(shown, "no [[source]] entries", "add one table per source file")
    lines = _entry_lines(text)
    sources: list[Source] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries):
        line = lines[n] if n < len(lines) else 0
        where = f"{shown}:{line}"
        missing = [k for k in REQUIRED if not entry.get(k)]
        if missing:
            raise GmError(where, f"source entry lacks {', '.join(missing)}", f"add the key(s); required: {', '.join(REQUIRED)}")
        sid = entry["id"]
        if not _ID.match(sid):
            raise GmError(where, f"source id {sid!r} is not a lower-case slug", "use letters, digits and '-' only")
        if sid in seen:
            raise GmError(where, f"source id {sid!r} is used twice", "give every source its own id")
        seen.add(sid)
        layout = entry.get("layout", "")
        if layout:
            check_layout(layout, where)
        src = Source(
            id=sid,
            path=(path.parent / entry["file"]).resolve(),
            file=entry["file"],
            title=entry["title"],
            format=entry["format"],
            author_kind=entry["author_kind"],
            sha256=entry["sha256"].lower(),
            lists=tuple(entry.get("lists", ())),
            manifest_line=line,
            layout=layout,
        )
        if check_hashes:
            check_file(src, where)
        sources.append(src)
    return sources


def check_layout(layout: object, where: str) -> None:
    """Refuse a layout name no ingester has, listing the ones there are."""
    from gm_graph.ingest import REGISTRY

    if not isinstance(layout, str) or layout not in REGISTRY:
        raise GmError(where, f"layout {layout!r} is not one gm-graph reads", f"use one of: {', '.join(sorted(REGISTRY))}; or leave it out to detect the layout")


def check_file(src: Source, where: str) -> None:
    shown = rel(src.path)
    if not src.path.is_file():
        raise GmError(shown, "source file not found", f"restore it or remove its entry at {where}")
    actual = hashlib.sha256(src.path.read_bytes()).hexdigest()
    if actual != src.sha256:
        raise GmError(
            shown,
            f"SHA-256 is {actual[:16]}…, the manifest says {src.sha256[:16]}…",
            f"if the change is intended, update sha256 at {where}",
        )


def add_source(manifest: Path, file: Path, *, source_id: str | None = None, title: str | None = None,
               author_kind: str = "unknown", media_type: str | None = None, copy: bool = True,
               layout: str | None = None) -> tuple[Source, list]:
    """Register ``file`` in the manifest: copy it under ``data/sources/`` (unless it is there),
    hash it, check that gm-graph can read it, and append a ``[[source]]`` table.

    With ``layout``, the file is read with that layout instead of a detected one (for a list
    whose layout detection refuses or gets wrong); the name is kept in the table, so every
    build reads it the same way. Returns the new source and its parsed lists.

    The manifest is rewritten atomically; on any error nothing is changed.
    """
    import re as _re
    import shutil

    from gm_graph.fsutil import atomic_write

    file = Path(file)
    if not file.is_file():
        raise GmError(rel(file), "file not found", "give the path of the list to add")
    existing = load_manifest(manifest, check_hashes=False) if manifest.is_file() else []
    sid = source_id or _re.sub(r"[^a-z0-9]+", "-", file.stem.lower()).strip("-") or "source"
    if not _ID.match(sid):
        raise GmError("--id", f"source id {sid!r} is not a lower-case slug", "use letters, digits and '-' only")
    if layout:
        check_layout(layout, "--layout")
    if any(s.id == sid for s in existing):
        raise GmError(rel(manifest), f"a source with id {sid!r} is already listed", "pass another --id")
    folder = manifest.parent / "sources"
    target = file.resolve()
    if copy and folder.resolve() not in target.parents:
        target = folder / file.name
        if target.exists():
            raise GmError(rel(target), "a file with this name is already in data/sources/", "rename the file or remove the old one")
    data = file.read_bytes()
    media_type = media_type or MEDIA_TYPES.get(file.suffix.lower(), "text/plain")
    candidate = Source(
        id=sid, path=target, file=target.relative_to(manifest.parent.resolve()).as_posix() if target.is_absolute() else str(target),
        title=title or file.stem.replace("-", " ").replace("_", " ").strip().capitalize(), format=media_type,
        author_kind=author_kind, sha256=hashlib.sha256(data).hexdigest(), layout=layout or "",
    )
    # Refuse files gm-graph cannot read before touching anything.
    from gm_graph.ingest import parse_segments

    results = parse_segments(candidate, file)
    if not any(r.items for r in results):
        read = ", ".join(sorted({r.layout for r in results})) or "no layout"
        raise GmError(
            rel(file),
            f"no use case was read from it ({read}: only headings or prose)",
            "check that the list's items are bullets, numbered lines or 'Label: description' lines, or name a layout with --layout; see README 'Adding a source'",
        )
    layouts = sorted({r.layout for r in results})
    if target != file.resolve():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
        candidate = Source(**{**candidate.__dict__, "path": target.resolve(), "file": f"sources/{target.name}"})
    entry = (
        "\n[[source]]\n"
        f"id = {_toml_str(candidate.id)}\n"
        f"file = {_toml_str(candidate.file)}\n"
        f"title = {_toml_str(candidate.title)}\n"
        f"format = {_toml_str(candidate.format)}\n"
        f"author_kind = {_toml_str(candidate.author_kind)}\n"
        f"sha256 = {_toml_str(candidate.sha256)}\n"
        + (f"layout = {_toml_str(layout)}\n" if layout else f"# layout detected when added: {', '.join(layouts)}\n")
    )
    old = manifest.read_text(encoding="utf-8") if manifest.is_file() else NEW_MANIFEST
    manifest.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(manifest, old.rstrip("\n") + "\n" + entry)
    return candidate, results


# The head of the manifest that `gm-graph add-source --root NEW-FOLDER` starts a project with.
NEW_MANIFEST = """# Manifest of the source documents gm-graph ingests (started by `gm-graph add-source`).
# One [[source]] table per file under data/sources/; the build checks each file against its
# sha256. Add more lists with `gm-graph add-source FILE`, then run `gm-graph build`.
"""

MEDIA_TYPES = {
    ".md": "text/markdown", ".markdown": "text/markdown", ".csv": "text/csv", ".tsv": "text/tab-separated-values",
    ".txt": "text/plain", ".html": "text/html", ".htm": "text/html", ".json": "application/json",
    ".org": "text/x-org", ".rst": "text/x-rst", ".rest": "text/x-rst", ".yaml": "application/yaml", ".yml": "application/yaml",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
