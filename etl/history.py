"""The releases as git recorded them: the files of datasets/ at the commit that brought each
build, for writing the chain of reverse diffs once for the builds released before the ETL
kept one (`python -m etl builds --backfill`) and for checking the chain against every
release in the history (`python -m etl builds --verify`). Needs a git checkout; the app
never reads git.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from etl import builds, registry, store

ROOT = Path(__file__).resolve().parent.parent


def _git(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def file_at(commit: str, relative: str, root: Path = ROOT) -> bytes | None:
    """A file of datasets/ as committed, or None where that commit has none."""
    shown = _git("show", f"{commit}:datasets/{relative}", root=root)
    return shown.stdout if shown.returncode == 0 else None


def release_commits(root: Path = ROOT) -> dict[int, str]:
    """build → the first commit whose changelog holds it (oldest first)."""
    listed = _git("log", "--reverse", "--format=%H", "--", f"datasets/{store.CHANGELOG}", root=root)
    if listed.returncode != 0:
        raise RuntimeError(f"git log failed: {listed.stderr.decode(errors='replace').strip()}")
    found: dict[int, str] = {}
    for commit in listed.stdout.decode().split():
        for entry in json.loads(file_at(commit, store.CHANGELOG, root) or b"[]"):
            found.setdefault(entry["version"], commit)
    return found


@dataclass(frozen=True)
class Release:
    """A build of one dataset as git holds it: its bytes, or why they are not there."""

    build: int
    content: bytes | None
    problem: str | None = None


def releases_of(name: str, root: Path = ROOT) -> dict[int, Release]:
    """Every build of a kept dataset as committed, from its first release on. A commit that
    brought several builds at once holds only the last of them: a build of the dataset
    between them is not in the history (a problem, not a guess)."""
    log = store.load_changelog(root / "datasets")
    commits = release_commits(root)
    first = builds.first_release(name, log)
    filename = registry.DATASETS[name].filename
    found = {}
    for entry in log:
        build = entry["version"]
        if first is None or build < first:
            continue
        later = [
            e["version"]
            for e in log
            if e["version"] > build and commits.get(e["version"]) == commits.get(build)
        ]
        overwritten = [
            b for b in later if name in next(e for e in log if e["version"] == b)["datasets"]
        ]
        if build not in commits:
            found[build] = Release(build, None, f"build {build} is in no commit")
        elif overwritten:
            found[build] = Release(
                build, None, f"committed together with build {overwritten[0]}, which changed it"
            )
        else:
            found[build] = Release(build, file_at(commits[build], filename, root))
    return found


def backfill(root: Path = ROOT) -> dict[str, bytes]:
    """The reverse diffs of every kept dataset for every release that changed it, from git
    (relative path under datasets/ → bytes). Deterministic: a rerun writes the same bytes."""
    log = store.load_changelog(root / "datasets")
    written = {}
    for dataset in registry.DATASETS.values():
        if not builds.kept(dataset):
            continue
        history = releases_of(dataset.name, root)
        for entry in log:
            build = entry["version"]
            if dataset.name not in entry["datasets"] or build not in history:
                continue
            after, before = history[build], history.get(build - 1)
            if after.content is None or (before is not None and before.content is None):
                problem = after.problem or (before.problem if before else None)
                raise RuntimeError(f"{dataset.name}, build {build}: {problem}")
            if before is None and build == builds.first_release(dataset.name, log) == 1:
                continue  # the first release: nothing before it
            old = before.content if before is not None else None
            diff = builds.reverse_diff(dataset, build, old, after.content)
            written[builds.path(dataset.name, build)] = diff
    return written


def verify(root: Path = ROOT) -> list[tuple[str, int, bool, str]]:
    """(dataset, build, same bytes, note) for every build of every kept dataset that git
    holds: the chain followed back from today's file against the file committed then."""
    checked = []
    for dataset in registry.DATASETS.values():
        if not builds.kept(dataset):
            continue
        for build, release in releases_of(dataset.name, root).items():
            if release.content is None:
                checked.append((dataset.name, build, False, release.problem or ""))
                continue
            try:
                rebuilt = builds.dataset_at(dataset.name, build, root / "datasets")
            except builds.BuildUnavailable as exc:
                checked.append((dataset.name, build, False, str(exc)))
                continue
            checked.append((dataset.name, build, rebuilt == release.content, ""))
    return checked


def space(root: Path = ROOT) -> dict[str, int]:
    """Bytes of the chain against full copies of every build (the same datasets, each
    build's file counted once per build), and of today's files."""
    folder = root / "datasets"
    log = store.load_changelog(folder)
    chain = sum(p.stat().st_size for p in (folder / builds.FOLDER).rglob("*.jsonl.gz"))
    copies = current = 0
    for dataset in registry.DATASETS.values():
        if not builds.kept(dataset):
            continue
        current += (folder / dataset.filename).stat().st_size
        for entry in log:
            try:
                copies += len(builds.dataset_at(dataset.name, entry["version"], folder))
            except builds.NotYetReleased:
                continue
    return {"chain": chain, "full_copies": copies, "current": current}
