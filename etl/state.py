"""What a run depends on and what it leaves, known by checksums alone: the code's
fingerprint, the default mirror, and the state the last successful run left.

A run that finds its code, its inputs and its output folder byte for byte as the last
successful run with the same options left them has nothing to do: it would skip every
source and rewrite nothing. `Shortcut` lets the command line see that before it imports
pandas, pandera and the sources' steps, which were most of an unchanged rebuild's time
(about a second, against a few hundredths for the checksums). So this module imports the
standard library's lightest parts only (not even dataclasses or filelock).
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

ETL_CODE = Path(__file__).resolve().parent
MIRROR_ENV = "PRESSFREEDOM_MIRROR"
DEFAULT_MIRROR = ETL_CODE.parent.parent / "shared" / "sources"
LOCK_FILE = ".etl.lock"  # the run lock (etl.pipeline.lock)
LAST_RUN = ".last-run.json"  # in the output folder, beside the lock; not committed


def default_mirror() -> Path | None:
    """The mirror from $PRESSFREEDOM_MIRROR, else ../shared/sources when it exists."""
    env = os.environ.get(MIRROR_ENV)
    if env:
        return Path(env)
    return DEFAULT_MIRROR if DEFAULT_MIRROR.is_dir() else None


@cache
def code_fingerprint() -> str:
    """SHA-256 of the ETL's code and curated inputs: outputs depend on these as on the data."""
    digest = hashlib.sha256()
    for path in sorted(ETL_CODE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(ETL_CODE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def folder_state(out_dir: Path) -> dict[str, str]:
    """Every file of an output folder (relative path → SHA-256) but the lock and the record
    of the last run, staged files of a pending publish included."""
    return {
        path.relative_to(out_dir).as_posix(): file_sha256(path)
        for path in sorted(out_dir.rglob("*"))
        if path.is_file() and path.relative_to(out_dir).as_posix() not in (LOCK_FILE, LAST_RUN)
    }


class Shortcut:
    """The record of the last successful run in an output folder (LAST_RUN), for the runs
    asked to do the same thing: `key` holds the command's options that decide what it reads
    and checks, and the code's fingerprint."""

    def __init__(self, key: dict):
        self.key = key

    def record(self, out_dir: Path, sources: list[str], inputs: list[dict]) -> None:
        """After a successful run, under its lock: what it read (each input's file and
        SHA-256) and the output folder it left."""
        state = {
            "key": self.key,
            "sources": sources,
            "inputs": inputs,
            "outputs": folder_state(out_dir),
        }
        partial = out_dir / f"{LAST_RUN}.{os.getpid()}"
        partial.write_text(json.dumps(state, indent=1), encoding="utf-8")
        os.replace(partial, out_dir / LAST_RUN)

    def unchanged(self, out_dir: Path) -> dict | None:
        """The recorded state if inputs and output folder still match it checksum for
        checksum, else None: then the run does its work.

        It only reads, so it takes no lock, like the app. A run publishing meanwhile
        changes the folder (staged files first, then each file moved into place), so the
        check either sees the folder as it was before that publish or sees a difference."""
        try:
            state = json.loads((out_dir / LAST_RUN).read_text(encoding="utf-8"))
            if state.get("key") != self.key:
                return None
            inputs_as_read = all(
                file_sha256(Path(item["origin"])) == item["sha256"] for item in state["inputs"]
            )
            if inputs_as_read and folder_state(out_dir) == state["outputs"]:
                return state
        except (OSError, ValueError):
            return None
        return None
