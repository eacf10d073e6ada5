"""Every fault scenario of the README's reliability section, run for real on this machine.

    python benchmarks/fault_scenarios.py [--repo PATH] [--kills N]

Each scenario damages a copy of the raw-source mirror (or runs the ETL beside readers, or
kills it), runs the ETL's command line of the checkout at PATH (default: this one) on a copy
of its datasets/, and prints one markdown table row: the exit code, whether the run
published or was rejected, whether datasets/ stayed byte-for-byte the same, and what the
message said. Run it on an older checkout (a `git worktree` of an earlier commit) to see
the same scenarios before a change. Needs the mirror (../shared/sources or
$PRESSFREEDOM_MIRROR); not part of `make test` (it takes a few minutes).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from etl.fetch import default_mirror  # noqa: E402

Damage = Callable[[Path], None]


def cut_tail(rel: str, lines: int) -> Damage:
    def damage(mirror: Path) -> None:
        path = mirror / rel
        path.write_bytes(b"".join(path.read_bytes().splitlines(keepends=True)[:-lines]))

    return damage


def drop_lines(rel: str, keep: Callable[[int, bytes], bool]) -> Damage:
    def damage(mirror: Path) -> None:
        path = mirror / rel
        lines = path.read_bytes().splitlines(keepends=True)
        path.write_bytes(b"".join(line for i, line in enumerate(lines) if keep(i, line)))

    return damage


def replace(rel: str, old: bytes, new: bytes) -> Damage:
    def damage(mirror: Path) -> None:
        path = mirror / rel
        content = path.read_bytes()
        assert old in content, (rel, old)
        path.write_bytes(content.replace(old, new, 1))

    return damage


def overwrite(rel: str, content: Callable[[bytes], bytes]) -> Damage:
    def damage(mirror: Path) -> None:
        path = mirror / rel
        path.write_bytes(content(path.read_bytes()))

    return damage


@dataclass(frozen=True)
class Scenario:
    name: str
    sources: tuple[str, ...]
    damage: Damage
    extra: tuple[str, ...] = ()


NORWAY_PTS = b"Norway,Norway,2023,NOR,385,NOR,578,eca,1,"
SCENARIOS = (
    Scenario(
        "RSF 2024 edition, last 5 lines cut", ("rsf_index",), cut_tail("rsf-index/2024.csv", 5)
    ),
    Scenario(
        "RSF 2025 edition, one line deleted",
        ("rsf_index",),
        drop_lines("rsf-index/2025.csv", lambda i, _: i != 50),
    ),
    Scenario(
        "RSF 2026 (latest) edition, last line cut",
        ("rsf_index",),
        cut_tail("rsf-index/2026.csv", 1),
    ),
    Scenario(
        "RSF 2022 edition replaced by an HTML page",
        ("rsf_index",),
        overwrite("rsf-index/2022.csv", lambda _: b"<!DOCTYPE html><html>Maintenance</html>"),
    ),
    Scenario("PTS, last 5 lines cut", ("pts",), cut_tail("pts/PTS-2024.csv", 5)),
    Scenario(
        "PTS, one entity's rows removed whole (Zimbabwe, the file's tail)",
        ("pts",),
        drop_lines("pts/PTS-2024.csv", lambda _, line: not line.startswith(b"Zimbabwe,")),
    ),
    Scenario(
        "PTS saved as UTF-16",
        ("pts",),
        overwrite("pts/PTS-2024.csv", lambda b: b.decode("cp1252").encode("utf-16")),
    ),
    Scenario(
        "CPJ imprisoned export, last 5 lines cut",
        ("cpj",),
        cut_tail("cpj/imprisoned/CPJ_imprisoned.csv", 5),
    ),
    Scenario(
        "CPJ census person-years, last 5 lines cut",
        ("cpj",),
        cut_tail("cpj/imprisoned/OriginalData_Journalists_Killed_Imprisoned_1992_2020.csv", 5),
    ),
    Scenario(
        "Freedom House workbook truncated (broken zip)",
        ("freedomhouse",),
        overwrite("freedomhouse/All_data_FIW_2013-2024.xlsx", lambda b: b[: len(b) // 3]),
    ),
    Scenario(
        "PTS value revised upstream (Norway 2023, PTS-A 1 → 2)",
        ("pts",),
        replace("pts/PTS-2024.csv", NORWAY_PTS, NORWAY_PTS[:-2] + b"2,"),
    ),
    Scenario(
        "PTS entity removed, with --allow-shrink pts",
        ("pts",),
        drop_lines("pts/PTS-2024.csv", lambda _, line: not line.startswith(b"Zimbabwe,")),
        ("--allow-shrink", "pts"),
    ),
)


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".etl") and ".staging" not in p.parts
    }


def etl(repo: Path, mirror: Path, out: Path, sources, extra=()) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", "run", *sources, "--mirror", str(mirror), "--out", str(out)]
        + list(extra),
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(repo)},
    )


def key_message(stderr: str, published: bool) -> str:
    """The most telling line(s) of what the run said."""
    lines = [line.strip() for line in stderr.splitlines()]
    if published:  # what the summary said changed: the inputs, then rows per year
        start = next((i for i, line in enumerate(lines) if "inputs changed" in line), None)
        if start is not None:
            told = [line for line in lines[start:] if not line.startswith("summary:")]
            return " / ".join(told[:6])
    for marker in ("[", "FAILED", "summary:"):
        found = [line for line in lines if line.startswith(marker)]
        if found:
            return found[0]
    return lines[-1] if lines else ""


def copy_mirror(mirror: Path, target: Path) -> Path:
    shutil.copytree(mirror, target)
    for path in target.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return target


def cell(text: str, width: int = 220) -> str:
    text = text.replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def run_scenario(repo: Path, mirror: Path, scenario: Scenario, work: Path) -> str:
    damaged = copy_mirror(mirror, work / "mirror")
    scenario.damage(damaged)
    out = work / "datasets"
    shutil.copytree(repo / "datasets", out)
    before = digest(out)
    result = etl(repo, damaged, out, scenario.sources, scenario.extra)
    after = digest(out)
    changed = sorted(
        name for name in set(before) | set(after) if before.get(name) != after.get(name)
    )
    published = [n for n in changed if n.endswith(".csv")]
    outcome = "published" if published else ("rejected" if result.returncode else "nothing to do")
    same = (
        "yes" if not changed else f"no ({', '.join(changed[:4])}{'…' if len(changed) > 4 else ''})"
    )
    return (
        f"| {scenario.name} | {result.returncode} | {outcome} | {same} | "
        f"{cell(key_message(result.stderr, bool(published)))} |"
    )


def kill_trials(repo: Path, mirror: Path, work: Path, trials: int) -> str:
    """Kill a publishing run at moments spread over it; the rerun must leave datasets/
    (changelog and version included) exactly as an uninterrupted run does."""
    changed = copy_mirror(mirror, work / "mirror")
    replace("pts/PTS-2024.csv", NORWAY_PTS, NORWAY_PTS[:-2] + b"2,")(changed)
    replace("rsf-index/2026.csv", b";Norway;", b";Norway (Kingdom);")(changed)
    sources = ("rsf_index", "pts", "vdem", "amnesty")
    reference = work / "reference"
    shutil.copytree(repo / "datasets", reference)
    started = time.monotonic()
    etl(repo, changed, reference, sources)
    full = time.monotonic() - started
    expected = digest(reference)
    good = 0
    for trial in range(trials):  # kill moments spread evenly over the whole run
        moment = full * (0.15 + 0.83 * trial / max(trials - 1, 1))
        out = work / f"killed-{trial}"
        shutil.copytree(repo / "datasets", out)
        process = subprocess.Popen(
            [sys.executable, "-m", "etl", "run", *sources, "--mirror", str(changed)]
            + ["--out", str(out)],
            cwd=repo,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(repo)},
        )
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        etl(repo, changed, out, sources)
        good += digest(out) == expected
        shutil.rmtree(out)
    versions = [e["version"] for e in json.loads((reference / "CHANGELOG.json").read_text())]
    return (
        f"| ETL killed (SIGKILL) during a run publishing 4 sources ({trials} moments spread "
        f"over its {full:.1f} s), then rerun | — | rerun | "
        f"{good} of {trials} identical to an uninterrupted run | changelog versions after an "
        f"uninterrupted run: {versions} |"
    )


READER = """
import sys, time
from pathlib import Path
try:
    from etl.store import read_dataset
except ImportError:  # the code before etl.store existed
    from dashboard.data import read_dataset
out, end = Path(sys.argv[1]), time.monotonic() + float(sys.argv[2])
reads = 0
while time.monotonic() < end:
    for name in ("rsf_index", "pts", "vdem"):
        read_dataset(name, out)
    reads += 1
print(reads)
"""


def concurrent_readers(repo: Path, mirror: Path, work: Path) -> str:
    """Readers (the app's loading code, in other processes) while the ETL publishes."""
    changed = copy_mirror(mirror, work / "mirror")
    replace("pts/PTS-2024.csv", NORWAY_PTS, NORWAY_PTS[:-2] + b"2,")(changed)
    out = work / "datasets"
    shutil.copytree(repo / "datasets", out)
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(out), "20"],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(repo)},
        )
        for _ in range(4)
    ]
    runs, failures = 0, 0
    end = time.monotonic() + 15
    while time.monotonic() < end:
        for source_mirror in (changed, mirror):
            result = etl(repo, source_mirror, out, ("pts", "vdem"), ("--force",))
            runs += 1
            failures += result.returncode != 0
    crashed = 0
    for reader in readers:
        _, err = reader.communicate()
        crashed += reader.returncode != 0
    return (
        f"| ETL publishing {runs} times while 4 reader processes load datasets | "
        f"{failures} failed runs | — | — | {crashed} of 4 readers crashed |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=HERE)
    parser.add_argument("--kills", type=int, default=10)
    args = parser.parse_args()
    mirror = default_mirror()
    if mirror is None:
        print("the raw-source mirror is needed (set PRESSFREEDOM_MIRROR)", file=sys.stderr)
        return 2
    repo = args.repo.resolve()
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%h %cs"], cwd=repo, capture_output=True, text=True
    ).stdout.strip()
    print(f"Fault scenarios on {commit or repo}, {time.strftime('%Y-%m-%d')}:\n")
    print("| scenario | exit | outcome | datasets/ byte-identical | what the run said |")
    print("|---|---|---|---|---|")
    for scenario in SCENARIOS:
        with tempfile.TemporaryDirectory() as work:
            print(run_scenario(repo, mirror, scenario, Path(work)), flush=True)
    with tempfile.TemporaryDirectory() as work:
        print(kill_trials(repo, mirror, Path(work), args.kills), flush=True)
    with tempfile.TemporaryDirectory() as work:
        print(concurrent_readers(repo, mirror, Path(work)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
