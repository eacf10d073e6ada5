"""What a run depends on and what it leaves, known by checksums alone: the code's
fingerprint, the output folder's lock, and the state the last successful run left.

A run that finds its code, its inputs and its output folder byte for byte as the last
successful run with the same options left them has nothing to do: it would skip every
source and rewrite nothing. `Shortcut` lets the command line see that before it imports
pandas, pandera and the sources' steps, which is most of an unchanged rebuild's time
(about a second, against a few hundredths for the checksums). This module therefore uses
the standard library and filelock only.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from filelock import FileLock, Timeout

ETL_CODE = Path(__file__).resolve().parent
LOCK_FILE = ".etl.lock"
LAST_RUN = ".last-run.json"  # in the output folder, beside the lock; not committed


@cache
def code_fingerprint() -> str:
    """SHA-256 of the ETL's code and curated inputs: outputs depend on these as on the data."""
    digest = hashlib.sha256()
    for path in sorted(ETL_CODE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(ETL_CODE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def lock(out_dir: Path) -> FileLock:
    """The ETL's exclusive lock on an output folder: one writer at a time."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(out_dir / LOCK_FILE, timeout=0)


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


@dataclass(frozen=True)
class Shortcut:
    """The record of the last successful run in an output folder (LAST_RUN), for the runs
    asked to do the same thing: `key` holds the command's options that decide what it reads
    and checks, and the code's fingerprint."""

    key: dict

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
        checksum (and no other run holds the lock), else None: then the run does its work."""
        try:
            state = json.loads((out_dir / LAST_RUN).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if state.get("key") != self.key:
            return None
        try:
            with lock(out_dir):
                inputs_as_read = all(
                    file_sha256(Path(item["origin"])) == item["sha256"] for item in state["inputs"]
                )
                if inputs_as_read and folder_state(out_dir) == state["outputs"]:
                    return state
        except (OSError, Timeout):
            return None
        return None
