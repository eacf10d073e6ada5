"""Publish stage: deterministic files, replaced all together or not at all.

Files are first written in full to `<out>/.staging/<source>/`; a COMMIT marker
is written last. Only then are they moved over the live files. If the process
dies while moving, the next run (or `recover`) finds the marker and finishes
the move, so readers see either the old set or the new one, never a mix;
a staging folder without a marker is an unfinished write and is discarded.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from etl.formats import json_bytes
from etl.store import COMMIT_MARKER, STAGING


def _fsync_write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(out_dir: Path, source: str, files: dict[str, bytes]) -> list[str]:
    """Atomically replace `files` (relative path → bytes) under `out_dir`.

    Returns the relative paths whose content changed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    recover(out_dir)
    stage = out_dir / STAGING / source
    if stage.exists():
        shutil.rmtree(stage)
    changed = [
        rel
        for rel, content in files.items()
        if not (out_dir / rel).exists() or (out_dir / rel).read_bytes() != content
    ]
    if not changed:
        return []
    for rel in changed:
        _fsync_write(stage / rel, files[rel])
    _fsync_write(stage / COMMIT_MARKER, json_bytes(sorted(changed)))
    _apply(out_dir, stage)
    return changed


def recover(out_dir: Path) -> list[str]:
    """Finish committed publishes interrupted mid-move; drop uncommitted ones."""
    staging_root = out_dir / STAGING
    finished: list[str] = []
    if not staging_root.is_dir():
        return finished
    for stage in sorted(p for p in staging_root.iterdir() if p.is_dir()):
        if (stage / COMMIT_MARKER).exists():
            _apply(out_dir, stage)
            finished.append(stage.name)
        else:
            shutil.rmtree(stage)
    _remove_if_empty(staging_root)
    return finished


def _apply(out_dir: Path, stage: Path) -> None:
    names = json.loads((stage / COMMIT_MARKER).read_text())
    for rel in names:
        staged = stage / rel
        if staged.exists():  # already moved by an earlier, interrupted apply
            target = out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
            _fsync_dir(target.parent)
    shutil.rmtree(stage)
    _remove_if_empty(stage.parent)


def _remove_if_empty(folder: Path) -> None:
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
