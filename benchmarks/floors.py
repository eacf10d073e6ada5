"""The floors an ETL run is measured against, on this machine and in this run (issue 21).

- read floor: a fresh Python process imports pandas and reads every raw input of the ETL
  into pandas with the fastest well-kept readers (pandas' C CSV parser, calamine for Excel,
  the standard json module): work no ETL can avoid. A full rebuild should stay within 3×.
- hashing floor: a fresh Python process computes the SHA-256 of the same files, the least
  an unchanged rebuild must do to know that nothing changed. It should stay within 2×.

The inputs are those of the registered sources (each `raw_files`): the mirror's raw files
and the curated CSVs kept beside the code, not the datasets one source reads from another.
Each floor starts its own interpreter, as an ETL run does, and is timed from outside.

    python benchmarks/floors.py [--runs N] [--mirror DIR] [--etl]

`--etl` also times `python -m etl run --force` (full rebuild) and `python -m etl run`
(unchanged rebuild) into a scratch output folder, and prints each against its floor.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Reads each file as fast as pandas can, without the ETL's care: every CSV as Latin-1 (any
# byte decodes) with the separator its first 64 KB mostly use, every sheet of a workbook.
READ = """
import json, sys
import pandas as pd

def read(path):
    if path.endswith(".xlsx"):
        return pd.read_excel(path, sheet_name=None, engine="calamine")
    if path.endswith(".json"):
        with open(path, "rb") as file:
            return pd.DataFrame(json.load(file))
    with open(path, "rb") as file:
        head = file.read(65536)
    separator = ";" if head.count(b";") > head.count(b",") else ","
    return pd.read_csv(path, sep=separator, encoding="latin-1", low_memory=False)

for path in json.load(sys.stdin):
    read(path)
"""

HASH = """
import hashlib, json, sys

for path in json.load(sys.stdin):
    with open(path, "rb") as file:
        hashlib.file_digest(file, "sha256")
"""


def raw_inputs(mirror: Path | None = None) -> list[Path]:
    """Every file the registered sources read as input, from the mirror or the repository."""
    from etl import registry
    from etl.fetch import default_mirror

    mirror = mirror or default_mirror()
    if mirror is None:
        raise SystemExit("no mirror of the raw files: pass --mirror or set PRESSFREEDOM_MIRROR")
    return [
        raw.local or mirror / source.mirror_folder / raw.name
        for source in registry.sources()
        for raw in source.raw_files
        if raw.dataset is None
    ]


def _timed_process(code: str, paths: list[Path]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps([str(path) for path in paths]),
        text=True,
        check=True,
    )
    return time.perf_counter() - started


def read_floor(paths: list[Path]) -> float:
    """Seconds for a fresh process to import pandas and read every input into pandas."""
    return _timed_process(READ, paths)


def hash_floor(paths: list[Path]) -> float:
    """Seconds for a fresh process to compute the SHA-256 of every input."""
    return _timed_process(HASH, paths)


def etl_run(out_dir: Path, mirror: Path | None, *options: str) -> float:
    """Seconds for one `python -m etl run` writing to out_dir."""
    command = [sys.executable, "-m", "etl", "run", "--out", str(out_dir), *options]
    if mirror is not None:
        command += ["--mirror", str(mirror)]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def median_of(runs: int, measure) -> float:
    return statistics.median(measure() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--mirror", type=Path, help="mirror folder (default: the ETL's)")
    parser.add_argument("--etl", action="store_true", help="also time the ETL against them")
    args = parser.parse_args()
    paths = raw_inputs(args.mirror)
    size = sum(path.stat().st_size for path in paths)
    print(f"{len(paths)} inputs, {size / 1e6:.1f} MB; medians of {args.runs} runs")
    reading = median_of(args.runs, lambda: read_floor(paths))
    hashing = median_of(args.runs, lambda: hash_floor(paths))
    print(f"read floor      {reading:7.3f} s")
    print(f"hashing floor   {hashing:7.3f} s")
    if not args.etl:
        return
    with tempfile.TemporaryDirectory() as scratch:
        out_dir = Path(scratch)
        etl_run(out_dir, args.mirror)  # a first release to rebuild and compare with
        full = median_of(args.runs, lambda: etl_run(out_dir, args.mirror, "--force"))
        unchanged = median_of(args.runs, lambda: etl_run(out_dir, args.mirror))
    print(f"full rebuild    {full:7.3f} s = {full / reading:.2f} × read floor (goal ≤ 3)")
    print(f"unchanged       {unchanged:7.3f} s = {unchanged / hashing:.2f} × hash floor (goal ≤ 2)")


if __name__ == "__main__":
    main()
