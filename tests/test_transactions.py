"""A run is one transaction: killed anywhere, the rerun writes exactly the datasets, changelog
and version an uninterrupted run would; readers never write, and an ETL run and readers in
other processes both succeed; two ETL runs never write at once.

On the committed fixtures (tests/fixtures), in real processes."""

import os
import signal
import subprocess
import sys
import time

import pytest

from etl import publish, store
from etl.fetch import Fetcher
from etl.pipeline import lock, run
from tests.conftest import ROOT, copy_fixture_mirror, digest, fixture_sources

# Run the fixture ETL in a child process that kills itself (SIGKILL: no cleanup of any
# kind) at one stage boundary, chosen by name.
KILLED_RUN = """
import os, shutil, signal, sys
from pathlib import Path
from etl import pipeline, publish
from etl.fetch import Fetcher
from tests.conftest import fixture_sources

stage, mirror, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
calls = {}

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def kill_after(module, name, nth=1, when=lambda *a: True):
    real = getattr(module, name)
    def wrapper(*args, **kwargs):
        result = real(*args, **kwargs)
        if when(*args):
            calls[name] = calls.get(name, 0) + 1
            if calls[name] == nth:
                die()
        return result
    setattr(module, name, wrapper)

def kill_before(module, name):
    def wrapper(*args, **kwargs):
        die()
    setattr(module, name, wrapper)

if stage == "fetched":
    kill_after(pipeline, "fetch_all")
elif stage == "first-source-built":
    kill_after(pipeline, "build_source")
elif stage == "all-sources-built":
    kill_before(pipeline.release, "prepare")
elif stage == "staging":
    kill_after(publish, "_fsync_write", nth=2)
elif stage == "committed":
    kill_after(publish, "_fsync_write", when=lambda path, _: path.name == publish.COMMIT_MARKER)
elif stage == "first-move":
    kill_after(publish.os, "replace")
elif stage == "all-moved":
    kill_before(publish.shutil, "rmtree")
pipeline.run(fixture_sources(), Fetcher(mirror=mirror), out, lambda m: None)
print("finished without being killed")
"""
STAGES = (
    "fetched",
    "first-source-built",
    "all-sources-built",
    "staging",
    "committed",
    "first-move",
    "all-moved",
)


@pytest.fixture
def changed_mirror(tmp_path):
    """The fixtures with a change in both sources: a run has two sources to publish."""
    mirror = copy_fixture_mirror(tmp_path / "mirror")
    rsf = mirror / "rsf-index" / "2026.csv"
    rsf.write_bytes(rsf.read_bytes().replace(b";Norway;", b";Norway (Kingdom);"))
    pts = mirror / "pts" / "PTS-2024.csv"
    pts.write_bytes(
        pts.read_bytes().replace(
            b"Norway,Norway,2023,NOR,385,NOR,578,eca,1,",
            b"Norway,Norway,2023,NOR,385,NOR,578,eca,2,",
        )
    )
    return mirror


def fixture_run(mirror, out):
    return run(fixture_sources(), Fetcher(mirror=mirror), out, lambda m: None)


def copy_release(released, target):
    import shutil

    shutil.copytree(released, target)
    return target


@pytest.mark.parametrize("stage", STAGES)
def test_a_run_killed_at_any_stage_is_redone_exactly(stage, changed_mirror, released, tmp_path):
    uninterrupted = copy_release(released, tmp_path / "uninterrupted")
    report = fixture_run(changed_mirror, uninterrupted)
    assert [e["version"] for e in store.load_changelog(uninterrupted)] == [1, 2]
    assert {o.source for o in report.outcomes if o.written} == {"rsf_index", "pts"}

    killed = copy_release(released, tmp_path / "killed")
    before = digest(killed)
    child = subprocess.run(
        [sys.executable, "-c", KILLED_RUN, stage, str(changed_mirror), str(killed)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert child.returncode == -signal.SIGKILL, (child.stdout, child.stderr)
    visible = {name: store.read_dataset(name, killed).to_csv() for name in ("rsf_index", "pts")}
    if stage in ("fetched", "first-source-built", "all-sources-built", "staging"):
        # not committed: the release is untouched (staging aside), and readers see it
        assert {k: v for k, v in digest(killed).items() if ".staging" not in k} == before
        assert "Norway (Kingdom)" not in visible["rsf_index"]
    else:
        # committed: readers already see the new release whole, before anyone recovers
        assert "Norway (Kingdom)" in visible["rsf_index"]
    fixture_run(changed_mirror, killed)
    assert digest(killed) == digest(uninterrupted)
    assert not (killed / publish.STAGING).exists()


READER = """
import sys, time
from pathlib import Path
from etl import store
out, seconds = Path(sys.argv[1]), float(sys.argv[2])
reads, end = 0, time.monotonic() + seconds
while time.monotonic() < end:
    for name in ("rsf_index", "pts"):
        frame = store.read_dataset(name, out)
        assert len(frame) > 0
    assert store.current_version(out) is not None
    reads += 1
print(reads)
"""


def test_etl_and_readers_in_other_processes_both_succeed(released, changed_mirror, tmp_path):
    """Readers loop over the datasets while the ETL publishes change after change (the
    reader used to delete the ETL's staging folder and crash it)."""
    original = copy_fixture_mirror(tmp_path / "original")
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(released), "8"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    runs = 0
    deadline = time.monotonic() + 6
    while time.monotonic() < deadline:
        for mirror in (changed_mirror, original):
            report = fixture_run(mirror, released)
            assert all(o.ok for o in report.outcomes), [o.error for o in report.outcomes]
            runs += 1
    for reader in readers:
        out, err = reader.communicate(timeout=60)
        assert reader.returncode == 0, err
        assert int(out) > 0
    assert runs >= 2
    assert len(store.load_changelog(released)) == runs + 1  # every publish recorded


def test_readers_never_write(released, changed_mirror, tmp_path):
    """Every read path of the app opens files for reading only, even when it finds a
    committed publish that the ETL has not finished moving into place."""
    stage = released / publish.STAGING / "run"
    stage.mkdir(parents=True)
    (stage / "pts.csv").write_bytes((released / "pts.csv").read_bytes())
    (stage / publish.COMMIT_MARKER).write_bytes(b'["pts.csv"]\n')
    writes = []

    def audit(event, args):
        if event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            mode = args[1] if len(args) > 1 and isinstance(args[1], str) else "r"
            if str(released) in os.fsdecode(args[0]) and set(mode) & set("wax+"):
                writes.append((event, args[0]))
        elif event in ("os.remove", "os.rename", "os.rmdir", "shutil.rmtree", "os.replace"):
            writes.extend([(event, args[0])] if str(released) in os.fsdecode(args[0]) else [])

    sys.addaudithook(audit)
    for name in ("rsf_index", "pts"):
        store.read_dataset(name, released)
    store.published_stamp("pts", released)
    store.current_version(released)
    store.load_changelog(released)
    assert writes == []
    assert (stage / publish.COMMIT_MARKER).exists()  # left for the ETL to finish


def test_two_etl_runs_never_write_at_once(released, changed_mirror):
    with lock(released), pytest.raises(Exception, match="another ETL run is writing"):
        fixture_run(changed_mirror, released)
    assert fixture_run(changed_mirror, released).outcomes[0].ok  # free again afterwards


def test_cli_refuses_to_start_while_another_run_holds_the_lock(released, changed_mirror):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from etl.pipeline import lock\n"
            "with lock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(30)",
            str(released),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = subprocess.run(
            [sys.executable, "-m", "etl", "run", "pts", "--mirror", str(changed_mirror)]
            + ["--out", str(released)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1
        assert "another ETL run is writing" in result.stderr
    finally:
        holder.kill()
        holder.wait()
