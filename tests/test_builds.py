"""Every released build reachable: the chain of reverse diffs (etl/builds.py) rebuilds each
release byte for byte, the ETL writes it only when it releases, and `build=N` reads it on
/data and on the pages (dashboard/builds.py)."""

import gzip
import io
import shutil

import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from dashboard import url_params
from dashboard.server import MIDDLEWARE, ROUTES
from etl import builds, history, registry, store
from etl.fetch import Fetcher
from etl.pipeline import run
from tests.conftest import (
    DATASETS,
    ROOT,
    copy_fixture_mirror,
    fixture_sources,
    needs_built,
    revise_norway_2023,
)
from tests.test_app import page

client = TestClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))
in_git = pytest.mark.skipif(
    history.file_at("HEAD", store.CHANGELOG) is None, reason="needs the project's git history"
)


def frame(content: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False)


# ------------------------------------------------------------------ the chain on real releases


@in_git
def test_every_release_in_git_history_is_rebuilt_byte_for_byte():
    checked = history.verify(ROOT)
    assert not [item for item in checked if not item[2]]
    # every kept dataset, from its first release (hrps: build 2, amnesty_findings: 3) on
    latest = store.current_version()["version"]
    assert len(checked) == sum(
        latest - builds.first_release(d.name, store.load_changelog()) + 1
        for d in registry.DATASETS.values()
        if builds.kept(d)
    )


@in_git
def test_the_backfill_writes_the_committed_chain_again():
    written = history.backfill(ROOT)
    assert set(written) == {
        str(p.relative_to(DATASETS)) for p in (DATASETS / builds.FOLDER).rglob("*.jsonl.gz")
    }
    for relative, content in written.items():
        assert (DATASETS / relative).read_bytes() == content, relative


@in_git
@pytest.mark.parametrize(
    ("name", "build"), [("rsf_roundup", 4), ("pts", 5), ("countries", 5), ("amnesty_findings", 8)]
)
def test_a_past_build_is_the_file_committed_with_it(name, build):
    commit = history.release_commits(ROOT)[build]
    assert builds.dataset_at(name, build) == history.file_at(commit, f"{name}.csv")


def test_a_revised_row_reads_as_each_build_released_it():
    # build 6 coded Czechia's years before 1993 as Czechoslovakia (reason in the changelog)
    before, after = frame(builds.dataset_at("pts", 5)), frame(builds.dataset_at("pts", 6))
    row = {"entity": "Czechia", "year": "1992"}
    assert before.loc[(before[list(row)] == pd.Series(row)).all(axis=1), "iso3"].item() == "CZE"
    assert after.loc[(after[list(row)] == pd.Series(row)).all(axis=1), "iso3"].item() == "CSK"
    assert "existence_flag" not in before.columns and "existence_flag" in after.columns
    # build 5 re-dated RSF's 2023 detained figure (published is in the key) and added a column
    old, new = (
        frame(builds.dataset_at("rsf_roundup", 4)),
        frame(builds.dataset_at("rsf_roundup", 5)),
    )
    detained = (old["year"] == "2023") & (old["measure"] == "detained")
    assert old.loc[detained, ["published", "value"]].values.tolist() == [["2023-12-13", "521"]]
    detained = (new["year"] == "2023") & (new["measure"] == "detained")
    assert new.loc[detained, ["published", "value"]].values.tolist() == [["2023-12", "521"]]
    assert "source_kind" not in old.columns and "source_kind" in new.columns


def test_row_changes_of_a_build_agree_with_its_changelog_entry():
    log = store.load_changelog()
    for name, build in [("rsf_roundup", 5), ("countries", 6), ("pts", 6), ("hrps", 6)]:
        entry = next(e for e in log if e["version"] == build)["datasets"][name]
        kinds = [change.kind for change in builds.changes_in(name, build)]
        assert {k: kinds.count(k) for k in ("added", "removed", "changed")} == {
            k: entry[k] for k in ("added", "removed", "changed")
        }
    revised = next(
        c for c in builds.changes_in("pts", 6) if c.key == ("Czechia", "1992")
    ).differences()
    assert revised == {"iso3": ("CZE", "CSK")}
    # a build that only added columns changed no row
    assert builds.changes_in("documented_cases", 7) == []


def test_builds_that_cannot_be_given_say_why():
    with pytest.raises(builds.UnknownBuild, match="There is no build 99; builds: 1–"):
        builds.dataset_at("pts", 99)
    with pytest.raises(builds.NotYetReleased, match="first released in build 2"):
        builds.dataset_at("hrps", 1)
    with pytest.raises(builds.NotKept, match="not kept"):
        builds.dataset_at("cpj_census", 5)


def test_a_broken_chain_is_refused_not_followed(tmp_path):
    folder = tmp_path / "datasets"
    shutil.copytree(DATASETS, folder, ignore=shutil.ignore_patterns("cpj_*", "fh_*"))
    (folder / "pts.csv").write_bytes((folder / "pts.csv").read_bytes().replace(b"CSK", b"CZE", 1))
    with pytest.raises(builds.NotKept, match="not build 6 as released"):
        builds.dataset_at("pts", 5, folder)
    (folder / builds.path("hrps", 6)).unlink()
    with pytest.raises(builds.NotKept, match="is missing"):
        builds.dataset_at("hrps", 3, folder)


def test_the_chain_weighs_a_fraction_of_full_copies():
    space = history.space(ROOT)
    # measured: 20,123 bytes against 25,138,635 for a copy of every build (README)
    assert space["chain"] < space["full_copies"] / 100
    assert space["chain"] < space["current"] / 20


def test_a_diff_is_the_same_bytes_every_time_and_keeps_no_date():
    dataset = registry.DATASETS["rsf_roundup"]
    old, new = builds.dataset_at("rsf_roundup", 4), builds.dataset_at("rsf_roundup", 5)
    diff = builds.reverse_diff(dataset, 5, old, new)
    assert diff == builds.reverse_diff(dataset, 5, old, new)
    assert diff[4:8] == b"\0\0\0\0"  # gzip's modification time
    assert diff == (DATASETS / builds.path("rsf_roundup", 5)).read_bytes()
    assert builds.undo(diff, new) == old


def test_columns_that_cannot_be_cut_from_the_new_file_restore_every_row():
    dataset = registry.DATASETS["countries"]
    old = builds.dataset_at("countries", 6)
    header, rows = builds.parse(old)
    narrower = builds.write(header[:-1], [row[:-1] for row in rows])  # a column dropped
    diff = builds.reverse_diff(dataset, 7, old, narrower)
    assert builds.Diff.read(diff).head["matched"] is False
    assert builds.undo(diff, narrower) == old
    assert len(gzip.decompress(diff).splitlines()) == len(rows) + 1


# ------------------------------------------------------------------ the ETL writes it


def test_a_release_writes_the_diff_that_undoes_it_and_a_rerun_writes_none(tmp_path):
    mirror = copy_fixture_mirror(tmp_path / "mirror")
    out = tmp_path / "out"
    run(fixture_sources(), Fetcher(mirror=mirror), out, lambda m: None)
    first = (out / "pts.csv").read_bytes()
    assert not (out / builds.FOLDER).exists()  # build 1: nothing before it
    revise_norway_2023(mirror)
    run(fixture_sources(), Fetcher(mirror=mirror), out, lambda m: None)
    assert [p.name for p in (out / builds.FOLDER).rglob("*.gz")] == ["build-2.jsonl.gz"]
    assert builds.dataset_at("pts", 1, out) == first
    (change,) = builds.changes_in("pts", 2, out)
    assert change.key == ("Norway", "2023")
    assert change.differences() == {"pts_a": ("1", "2")}
    chain = sorted((out / builds.FOLDER).rglob("*"))
    report = run(fixture_sources(), Fetcher(mirror=mirror), out, lambda m: None)
    assert report.version["version"] == 2 and sorted((out / builds.FOLDER).rglob("*")) == chain


# ------------------------------------------------------------------ build= in URLs


def test_data_url_serves_a_past_build_byte_for_byte():
    response = client.get("/data/pts.csv?build=5")
    assert response.status_code == 200
    assert response.content == builds.dataset_at("pts", 5)
    assert response.headers["content-type"].startswith("text/csv")
    assert "immutable" in response.headers["cache-control"]
    assert client.get("/data/pts.csv?build=build-5").content == response.content
    assert client.get("/data/pts.csv").content == (DATASETS / "pts.csv").read_bytes()


@pytest.mark.parametrize("bad", ["0", "99", "abc", "-1", "5.0", "9" * 40, "", "%00"])
def test_data_url_answers_400_for_a_bad_build(bad):
    response = client.get(f"/data/pts.csv?build={bad}")
    assert response.status_code == 400
    assert "There is no build" in response.text and "builds: 1, 2" in response.text


def test_data_url_for_builds_it_cannot_give():
    assert client.get("/data/hrps.csv?build=1").status_code == 404
    assert "first released in build 2" in client.get("/data/hrps.csv?build=1").text
    assert client.get("/data/cpj_census.csv?build=5").status_code == 403  # withheld, as ever
    assert client.get("/data/datapackage.json?build=5").status_code == 400


def test_build_parameter_is_parsed_defensively():
    numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert url_params.parse_build("5", numbers) == (5, None)
    assert url_params.parse_build("build-9", numbers) == (9, None)
    assert url_params.parse_build(None, numbers) == (None, None)
    number, note = url_params.parse_build("12<script>", numbers)
    assert number is None and "There is no build" in note and "1–9" in note


def test_a_page_at_a_past_build_says_so_and_reads_that_build():
    at = page(
        "views/datasets.py", dataset="rsf_roundup", build="4", section="Integrity and changes"
    )
    assert not at.exception
    notice = at.info[0].value
    assert notice.startswith("Showing the data as released in build 4 on December 2, 2026.")
    assert "[See the current data](" in notice and "build=" not in notice.split("](")[1]
    listed = next(m.value for m in at.markdown if "**build-5**" in m.value)
    assert "rows added: 2, removed: 2, changed: 6" in listed
    assert "[the CSV as released](/data/rsf_roundup.csv?build=5)" in listed
    assert "why: figures cite RSF" in listed
    assert "/feeds/rsf_roundup.atom" in next(m.value for m in at.markdown if "Feeds" in m.value)


def test_a_map_at_a_past_build_draws_that_build():
    import json

    def locations(at):
        chart = json.loads(at.get("plotly_chart")[0].proto.spec)
        return {loc for trace in chart["data"] for loc in trace.get("locations") or []}

    now = page("views/world_map.py", metric="pts_a", edition="1992")
    then = page("views/world_map.py", metric="pts_a", edition="1992", build="5")
    assert not now.exception and not then.exception
    # before build 6, the 1992 rating of Czechoslovakia's last year was coded as Czechia's
    assert "CZE" in locations(then) and "CSK" not in locations(then)
    assert "CZE" not in locations(now)


def test_a_bad_build_on_a_page_is_a_note_and_the_current_data():
    at = page("views/datasets.py", dataset="pts", build="77")
    assert not at.exception
    assert "There is no build '77'; showing the current data" in at.info[0].value
    at = page("views/datasets.py", dataset="hrps", build="1")
    assert not at.exception
    warning = at.warning[0].value.replace("\\", "")  # the title as markdown escapes it
    assert warning.startswith(
        "“Latent Human Rights Protection Scores v4.02 (Fariss et al.), 1946–2021” was first "
        "released in build 2: build 1 does not have it. [See the current data]("
    )


@needs_built("cpj_census")
def test_profile_shows_how_cpj_revised_a_census_count_between_exports():
    at = page("views/country.py", country="TUR", section="CPJ records")
    assert not at.exception
    assert "As counted in each export" in [h.value for h in at.header]
    table = next(d.value for d in at.dataframe if "Census year" in d.value.columns)
    assert table.values.tolist() == [[2016, 86, 84], [2017, 74, 73], [2019, 47, 49]]
    assert list(table.columns) == ["Census year", "Export of 2020", "Export of Oct 8, 2024"]
    withheld = [b for b in at.get("download_button") if b.proto.disabled]
    assert withheld  # CPJ's rows are not handed out
