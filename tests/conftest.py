"""Shared test helpers: where the mirror is, and a skip for when it is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from etl.fetch import Fetched, default_mirror

# Property tests check what is generated, not how fast: the suite runs on shared 2-core
# machines, where a busy neighbour made Hypothesis's timing checks (input generation "too
# slow", per-example deadline) fail tests whose every example passed.
settings.register_profile(
    "shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("shared-machine")

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
MIRROR = default_mirror()

needs_mirror = pytest.mark.skipif(
    MIRROR is None or not (MIRROR / "rsf-index").is_dir(),
    reason="raw-source mirror not found (set PRESSFREEDOM_MIRROR or place ../shared/sources)",
)


def fetched(name: str, content: bytes) -> Fetched:
    """A raw file as the fetch stage hands it over, for parser tests on fixtures."""
    return Fetched(
        name,
        f"https://example.invalid/{name}",
        "test",
        "0" * 64,
        len(content),
        "2026-01-01T00:00:00+00:00",
        content,
    )


# ---------------------------------------------------------------- committed fixtures
# Small files cut from the mirror (tests/fixtures/README.md), so that the pipeline's failure
# handling is exercised on every machine, mirror or not.
FIXTURE_MIRROR = ROOT / "tests" / "fixtures" / "mirror"


def fixture_sources():
    """The RSF source restricted to the two editions in the fixtures, and PTS as it is."""
    import dataclasses

    from etl.sources.pts import steps as pts
    from etl.sources.rsf_index import steps as rsf_index

    editions = tuple(f for f in rsf_index.SOURCE.raw_files if f.name in ("2025.csv", "2026.csv"))
    return [dataclasses.replace(rsf_index.SOURCE, raw_files=editions), pts.SOURCE]


def copy_fixture_mirror(target: Path) -> Path:
    """A writable copy of the fixture mirror, for a test to damage."""
    import shutil

    shutil.copytree(FIXTURE_MIRROR, target)
    for path in target.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return target


def revise_norway_2023(mirror: Path) -> None:
    """A publisher's revision in a copy of the fixture mirror: PTS_A for Norway 2023, 1 → 2."""
    pts = mirror / "pts" / "PTS-2024.csv"
    lines = pts.read_bytes().split(b"\r\n")
    row = next(i for i, line in enumerate(lines) if line.startswith(b"Norway,Norway,2023,"))
    cells = lines[row].split(b",")
    cells[8] = b"2"
    lines[row] = b",".join(cells)
    pts.write_bytes(b"\r\n".join(lines))


@pytest.fixture
def released(tmp_path) -> Path:
    """An output folder holding a first release built from the fixtures."""
    from etl.fetch import Fetcher
    from etl.pipeline import run

    out = tmp_path / "released"
    report = run(fixture_sources(), Fetcher(mirror=FIXTURE_MIRROR), out, lambda m: None)
    assert all(o.ok for o in report.outcomes), [o.error for o in report.outcomes]
    return out


def digest(folder: Path, with_provenance: bool = True) -> dict[str, str]:
    """Every file's checksum, to show a failed run left the folder byte-for-byte as it was."""
    import hashlib

    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.name != ".etl.lock"
        and (with_provenance or "provenance" not in p.parts)
    }


def needs_built(*names: str):
    """Skip, saying why, when a dataset this project does not redistribute has not been
    built on this machine (`make test` builds them from the mirror or the publishers' URLs;
    offline and without the mirror it cannot)."""
    from etl import registry

    wanted = names or tuple(d.name for d in registry.withheld())
    missing = [n for n in wanted if not (DATASETS / registry.DATASETS[n].filename).exists()]
    return pytest.mark.skipif(
        bool(missing),
        reason=f"{', '.join(missing)} not built here (not redistributed; `make datasets` builds "
        "them from the raw-source mirror or the publishers' URLs)",
    )


def open_page(script: str, **params):
    """An AppTest of the app opened on `script` (e.g. "views/compare.py") with `params` in
    its URL, set after the first run: the overview, which AppTest runs first, reads some
    parameters (`since`) of its own."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(script).run()


def html_tables(at) -> list:
    """The small tables a page writes as HTML (dashboard/tables.as_html), each as a frame
    indexed by its first column: headers and cells as they read, a link as `[text](url)`;
    the table's caption, if it has one, in `frame.attrs["caption"]`."""
    from html.parser import HTMLParser

    import pandas as pd

    class Tables(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tables, self.captions, self.cell, self.href = [], [], None, None

        def handle_starttag(self, tag, attrs):
            if tag == "table":
                self.tables.append([])
                self.captions.append(None)
            elif tag == "caption":
                self.cell = ""
            elif tag == "tr":
                self.tables[-1].append([])
            elif tag in ("th", "td"):
                self.cell = ""
            elif tag == "a":
                self.href = dict(attrs)["href"]

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += f"[{data}]({self.href})" if self.href else data

        def handle_endtag(self, tag):
            if tag == "caption":
                self.captions[-1], self.cell = self.cell, None
            elif tag in ("th", "td"):
                self.tables[-1][-1].append(self.cell)
                self.cell = None
            elif tag == "a":
                self.href = None

    found = []
    for element in at.html:
        parser = Tables()
        parser.feed(element.value)
        for (header, *rows), caption in zip(parser.tables, parser.captions, strict=True):
            frame = pd.DataFrame(rows, columns=header).set_index(header[0])
            frame.attrs["caption"] = caption
            found.append(frame)
    return found
