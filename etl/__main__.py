"""Command line.

python -m etl run [SOURCE...] [--mirror DIR | --online] [--out DIR]
python -m etl list
python -m etl builds [--backfill] [--verify]
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from etl.state import Shortcut, code_fingerprint, default_mirror

if TYPE_CHECKING:
    from etl.pipeline import Report, RunOptions

ROOT = Path(__file__).resolve().parent.parent


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the sources and the datasets they publish")
    commands.add_parser(
        "docs", help="regenerate the data package and data dictionary from the metadata"
    )
    chain = commands.add_parser(
        "builds",
        help="the chain of reverse diffs that rebuilds every released build (etl/builds.py)",
    )
    chain.add_argument(
        "--backfill",
        action="store_true",
        help="write the diffs of the releases in git history (rerunnable: same bytes)",
    )
    chain.add_argument(
        "--verify",
        action="store_true",
        help="rebuild every release git holds from the chain and compare byte for byte",
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
        action="append",
        default=[],
        metavar="DATASET",
        help="let this dataset lose rows of a published edition or year (repeat for several); "
        "without it any removal is held back and the last release kept",
    )
    runner.add_argument(
        "--reason",
        action="append",
        default=[],
        metavar="DATASET=WHY",
        help="why this dataset changes in this run (a correction, a publisher's revision), "
        "recorded with its row changes in the changelog (repeat for several)",
    )
    runner.add_argument(
        "--missing",
        action="store_true",
        help="only the sources with a published file missing from the output folder (the "
        "datasets that are not redistributed are built on each machine: see the README)",
    )
    runner.add_argument(
        "--force",
        action="store_true",
        help="rebuild sources even when inputs and code are unchanged",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = arguments()
    args = parser.parse_args(argv)
    if args.command == "run" and nothing_to_rebuild(args):
        return 0
    # The ETL's machinery (pandas, every source's steps) is imported only now: an
    # unchanged rebuild, told by checksums alone, does without it.
    from etl import registry, release
    from etl.errors import EtlError
    from etl.fetch import Fetcher, frozen_checksums
    from etl.pipeline import RunOptions, lock, run, usable_cores

    quiet_collector()
    sources = {source.name: source for source in registry.sources()}
    if args.command == "list":
        for source in sources.values():
            for dataset in source.datasets:
                print(f"{source.name:12} → {dataset.filename:26} {dataset.title}")
        return 0

    if args.command == "docs":
        try:
            with lock(ROOT / "datasets"):
                released = release.finalize(ROOT / "datasets", {})
        except TimeoutError:
            print("another ETL run is writing to datasets/; try again later", file=sys.stderr)
            return 1
        print(f"updated {', '.join(released)}" if released else "data package up to date")
        return 0

    if args.command == "builds":
        return build_chain(args)

    unknown = [name for name in args.sources if name not in sources]
    if unknown:
        parser.error(f"unknown source(s) {unknown}; choose from {sorted(sources)}")
    datasets = {d.name for source in sources.values() for d in source.datasets}
    unknown = [name for name in args.allow_shrink if name not in datasets]
    if unknown:
        parser.error(
            f"--allow-shrink takes dataset names; unknown {unknown}, choose from {sorted(datasets)}"
        )
    reasons = dict(reason.partition("=")[::2] for reason in args.reason)
    unknown = [name for name, why in reasons.items() if name not in datasets or not why.strip()]
    if unknown:
        parser.error(f"--reason takes DATASET=WHY; not a dataset or no reason: {unknown}")
    mirror = None if args.online else (args.mirror or default_mirror())
    if mirror is not None and not mirror.is_dir():
        parser.error(f"mirror directory {mirror} does not exist")
    fetcher = Fetcher(
        mirror=mirror,
        log_path=ROOT / ".etl" / "fetch-log.jsonl",
        expected=frozen_checksums(args.out) if args.frozen else None,
    )
    chosen = [sources[name] for name in args.sources] or list(sources.values())
    if args.missing:
        chosen = [
            s for s in chosen if any(not (args.out / d.filename).exists() for d in s.datasets)
        ]
        if not chosen:
            print("every dataset is present: nothing to build", file=sys.stderr)
            return 0
    options = RunOptions(
        rejects_dir=ROOT / ".etl" / "rejects",
        reviews_dir=ROOT / "review",
        allow_shrink=frozenset(args.allow_shrink),
        force=args.force,
        reasons=reasons,
        shortcut=shortcut(args),
        workers=usable_cores(),
    )
    try:
        report = run(chosen, fetcher, args.out, options=options)
    except EtlError as exc:
        print(f"ETL run stopped, nothing published: {exc}", file=sys.stderr)
        return 1
    print(summary(report, options), file=sys.stderr)
    print(integrity_summary(report, args.out), file=sys.stderr)
    return 1 if any(not o.ok for o in report.outcomes) else 0


def quiet_collector() -> None:
    """A run allocates millions of short-lived objects (cells, rows, small frames) and frees
    them by reference counting; at the default thresholds the cyclic collector ran some 500
    times a run, its older generations scanning every object the imports made (pandas,
    pyarrow): about 0.4 s of CPU. Those are set aside (freeze) and young objects collected
    less often; a run's garbage cycles are still collected."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def build_chain(args: argparse.Namespace) -> int:
    """`builds`: backfill the chain from git, check it against git, and say what it weighs."""
    from etl import history
    from etl.pipeline import lock
    from etl.publish import publish

    out_dir = ROOT / "datasets"
    if args.backfill:
        with lock(out_dir):
            written = publish(out_dir, "builds", history.backfill(ROOT))
        print(f"wrote {len(written)} diffs" if written else "the chain is up to date")
    failed = 0
    if args.verify:
        for name, build, same, note in history.verify(ROOT):
            failed += not same
            print(f"{name:18} build-{build}: {'same bytes' if same else 'DIFFERS ' + note}")
    space = history.space(ROOT)
    print(
        f"chain: {space['chain']:,} bytes; full copies of every build: "
        f"{space['full_copies']:,} bytes; the current files: {space['current']:,} bytes"
    )
    return 1 if failed else 0


def shortcut(args: argparse.Namespace) -> Shortcut | None:
    """How a run records the state it leaves for a plain `run` of the same sources from the
    same mirror (etl.state); None where that run would read other files (--online, or no
    mirror) or check sources this one does not (--missing)."""
    mirror = None if args.online else (args.mirror or default_mirror())
    if mirror is None or args.missing:
        return None
    key = {"sources": args.sources, "mirror": str(mirror.resolve())}
    return Shortcut({**key, "code_sha256": code_fingerprint()})


def nothing_to_rebuild(args: argparse.Namespace) -> bool:
    """True, having said so, when a plain run finds its code, its inputs and its output folder
    as the last successful run left them (etl.state): every source would be skipped."""
    plain = not (args.force or args.frozen or args.allow_shrink or args.reason)
    recorded = shortcut(args) if plain else None
    state = recorded.unchanged(args.out) if recorded else None
    if state is None:
        return False
    print(
        f"reading raw files from mirror {recorded.key['mirror']}; writing to {args.out}\n"
        "inputs, code and output folder as the last run left them (checksums): nothing to do\n"
        f"summary: updated: none; unchanged: {', '.join(state['sources'])}\n"
        "integrity: no tallied dataset rewritten",
        file=sys.stderr,
    )
    return True


def integrity_summary(report: Report, out_dir: Path) -> str:
    """The integrity counts of the datasets this run wrote (all: datasets/integrity.json)."""
    from etl import store  # pandas: imported only once there is work, as in main

    written = {path.removesuffix(".csv") for o in report.outcomes for path in o.written}
    lines = [
        f"integrity: {entry['dataset']}.{entry['column']}: "
        + "; ".join(f"{value} {count}" for value, count in entry["counts"].items())
        for entry in store.load_integrity(out_dir)
        if entry["dataset"] in written
    ]
    return "\n".join(lines) if lines else "integrity: no tallied dataset rewritten"


def summary(report: Report, options: RunOptions) -> str:
    """What the run did, source by source: what changed against the release and why."""
    outcomes = report.outcomes
    failed = [o.source for o in outcomes if not o.ok]
    updated = [o.source for o in outcomes if o.ok and o.written]
    unchanged = [o.source for o in outcomes if o.ok and not o.written]
    lines = []
    for outcome in outcomes:
        if outcome.inputs_changed:
            lines.append(f"{outcome.source}: inputs changed since the last release:")
            lines += [f"  {change}" for change in outcome.inputs_changed]
        for change in outcome.changes:
            lines += [f"  {line}" for line in change.summary().splitlines()]
    if report.release_files:
        version = report.version
        lines.append(
            f"release: build-{version['version']} ({version['date']}); rewrote "
            f"{', '.join(report.release_files)}"
            if version
            else f"release files rewritten: {', '.join(report.release_files)}"
        )
    line = (
        f"summary: updated: {', '.join(updated) or 'none'}; "
        f"unchanged: {', '.join(unchanged) or 'none'}"
    )
    if failed:
        line += (
            f"; FAILED, last good version kept: {', '.join(failed)} "
            f"(offending rows, where any: {options.rejects_dir}/<source>.csv)"
        )
    return "\n".join([*lines, line])


if __name__ == "__main__":
    sys.exit(main())
