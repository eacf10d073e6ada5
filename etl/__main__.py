"""Command line.

python -m etl run [SOURCE...] [--mirror DIR | --online] [--out DIR]
python -m etl list
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl import release
from etl.fetch import Fetcher, default_mirror, frozen_checksums
from etl.pipeline import MAX_SHRINK, RunOptions, run
from etl.publish import recover
from etl.sources import SOURCES

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the sources and the datasets they publish")
    commands.add_parser(
        "docs", help="regenerate the data package and data dictionary from the catalog"
    )
    runner = commands.add_parser("run", help="fetch, check and publish sources")
    runner.add_argument("sources", nargs="*", metavar="SOURCE", help="default: all")
    where = runner.add_mutually_exclusive_group()
    where.add_argument(
        "--mirror",
        type=Path,
        help="read raw files from this mirror directory "
        "(default: $PRESSFREEDOM_MIRROR, else ../shared/sources if present)",
    )
    where.add_argument(
        "--online",
        action="store_true",
        help="download from the upstream URLs even if a mirror exists",
    )
    runner.add_argument(
        "--out", type=Path, default=ROOT / "datasets", help="output directory (default: datasets/)"
    )
    runner.add_argument(
        "--frozen",
        action="store_true",
        help="fail if any raw file differs from the checksum recorded in "
        "datasets/provenance (reproduce exactly, or notice upstream changes)",
    )
    runner.add_argument(
        "--allow-shrink",
        action="store_true",
        help=f"publish even if a dataset loses more than {int(MAX_SHRINK * 100)}%% of its rows",
    )
    runner.add_argument(
        "--force",
        action="store_true",
        help="rebuild sources even when inputs and code are unchanged",
    )
    args = parser.parse_args(argv)

    if args.command == "list":
        for source in SOURCES.values():
            for dataset in source.datasets:
                print(f"{source.name:12} → {dataset.filename:26} {dataset.title}")
        return 0

    if args.command == "docs":
        released = release.finalize(ROOT / "datasets", {})
        print(f"updated {', '.join(released)}" if released else "data package up to date")
        return 0

    unknown = [name for name in args.sources if name not in SOURCES]
    if unknown:
        parser.error(f"unknown source(s) {unknown}; choose from {sorted(SOURCES)}")
    mirror = None if args.online else (args.mirror or default_mirror())
    if mirror is not None and not mirror.is_dir():
        parser.error(f"mirror directory {mirror} does not exist")
    finished = recover(args.out)
    if finished:
        print(f"completed an interrupted publish of {finished}", file=sys.stderr)
    fetcher = Fetcher(
        mirror=mirror,
        log_path=ROOT / ".etl" / "fetch-log.jsonl",
        expected=frozen_checksums(args.out) if args.frozen else None,
    )
    chosen = [SOURCES[name] for name in args.sources] or list(SOURCES.values())
    options = RunOptions(
        rejects_dir=ROOT / ".etl" / "rejects", allow_shrink=args.allow_shrink, force=args.force
    )
    outcomes = run(chosen, fetcher, args.out, options=options)
    changes = {name: c for o in outcomes if o.ok for name, c in o.row_changes.items()}
    released = release.finalize(args.out, changes)
    if released:
        print(f"release files updated: {', '.join(released)}", file=sys.stderr)
    failed = [o.source for o in outcomes if not o.ok]
    updated = [o.source for o in outcomes if o.ok and o.changed]
    unchanged = [o.source for o in outcomes if o.ok and not o.changed]
    lines = [
        f"updated: {', '.join(updated) or 'none'}",
        f"unchanged: {', '.join(unchanged) or 'none'}",
    ]
    if failed:
        lines.append(
            f"FAILED, last good version kept: {', '.join(failed)} "
            f"(offending rows, where any: {options.rejects_dir}/<source>.csv)"
        )
    print("summary: " + "; ".join(lines), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
