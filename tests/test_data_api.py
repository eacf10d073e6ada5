"""The data API (/data/<dataset>.csv|.json|.parquet|.meta.json): filtered rows equal to the
committed files' own rows, typed formats, metadata consistent with the data package, clear
refusals, code snippets that work, and no query string that makes the server fail."""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import re
import socket
import threading
import time
from urllib.parse import quote

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.testclient import TestClient

from dashboard import data_api
from dashboard.server import MIDDLEWARE, ROUTES
from etl import registry
from tests import test_downloads
from tests.conftest import DATASETS
from tests.test_app import page
from tests.test_downloads import parse

client = TestClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))
captured = test_downloads.captured  # the fixture recording the downloads a page offers
# the same app, answering 500 rather than raising, so that a failure is a status to assert on
fuzz_client = TestClient(
    Starlette(routes=ROUTES, middleware=MIDDLEWARE), raise_server_exceptions=False
)
PACKAGE = json.loads((DATASETS / "datapackage.json").read_text(encoding="utf-8"))
SERVED = [resource["name"] for resource in PACKAGE["resources"]]
WITHHELD = [dataset.name for dataset in registry.withheld()]


@functools.cache
def committed_rows(name: str) -> list[dict[str, str]]:
    """A committed dataset's rows as the file writes them (read with the csv module, not
    with the code under test; read once: not to be changed)."""
    with open(DATASETS / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


AZE_TUR = [
    row
    for row in committed_rows("rsf_index")
    if row["iso3"] in ("AZE", "TUR") and 2015 <= int(row["year"]) <= 2025
]


# ------------------------------------------------------------------ CSV


@pytest.mark.parametrize("name", SERVED)
def test_a_file_without_filters_is_the_committed_file(name):
    committed = (DATASETS / f"{name}.csv").read_bytes()
    assert client.get(f"/data/{name}.csv").content == committed
    # every column asked for, in order: written back exactly as committed
    columns = ",".join(next(csv.reader(io.StringIO(committed.decode("utf-8")))))
    assert client.get(f"/data/{name}.csv?columns={columns}").content == committed


def test_filters_select_azerbaijan_and_turkey_from_2015_to_2025():
    response = client.get("/data/rsf_index.csv?iso3=AZE,TUR&year=2015-2025&columns=iso3,year,score")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["access-control-allow-origin"] == "*"
    expected = [{k: row[k] for k in ("iso3", "year", "score")} for row in AZE_TUR]
    assert csv_rows(response.content) == expected
    assert len(expected) == 22  # 11 editions each


def test_a_filtered_csv_keeps_the_files_own_lines():
    """All columns: each line is one of the file's lines, as written (numbers unchanged)."""
    lines = (DATASETS / "rsf_index.csv").read_text(encoding="utf-8").splitlines()
    answer = client.get("/data/rsf_index.csv?iso3=aze").text.splitlines()
    assert answer == [lines[0], *(line for line in lines if line.startswith("AZE,"))]


def test_a_single_year_and_a_dataset_without_periods():
    rows = csv_rows(client.get("/data/rsf_index.csv?year=2026&columns=iso3,rank").content)
    committed = [r for r in committed_rows("rsf_index") if r["year"] == "2026"]
    assert rows == [{"iso3": r["iso3"], "rank": r["rank"]} for r in committed]
    cases = csv_rows(client.get("/data/documented_cases.csv?iso3=AZE").content)
    assert cases == [r for r in committed_rows("documented_cases") if r["iso3"] == "AZE"]
    assert cases  # the dataset documents Azerbaijani cases


# ------------------------------------------------------------------ JSON and Parquet


def test_json_has_typed_records_and_what_is_needed_to_credit_them():
    answer = client.get("/data/rsf_index.json?iso3=AZE,TUR&year=2015-2025").json()
    dataset = registry.DATASETS["rsf_index"]
    assert answer["dataset"] == "rsf_index" and answer["title"] == dataset.title
    assert answer["licence"] == {"title": dataset.licence, "path": dataset.licence_url}
    assert answer["citation"] == dataset.citation
    assert answer["build"].startswith(PACKAGE["version"])  # "build-9 (2026-12-02)"
    assert answer["query"] == {
        "iso3": ["AZE", "TUR"],
        "year": {"from": 2015, "to": 2025},
        "columns": None,
    }
    units = {c["name"]: c["unit"] for c in answer["columns"]}
    assert units["year"] == "year" and units["score"] == "score points" and units["iso3"] is None
    assert answer["rows"] == len(answer["records"]) == len(AZE_TUR)
    for record, row in zip(answer["records"], AZE_TUR, strict=True):
        assert record["iso3"] == row["iso3"] and record["year"] == int(row["year"])
        assert record["rank"] == int(row["rank"]) and record["score"] == float(row["score"])
        assert record["political"] == (float(row["political"]) if row["political"] else None)


def test_parquet_is_typed_and_carries_the_metadata():
    content = client.get("/data/rsf_index.parquet?iso3=AZE&columns=iso3,year,rank,score").content
    table = pq.read_table(io.BytesIO(content))
    types = {field.name: str(field.type) for field in table.schema}
    assert types == {"iso3": "string", "year": "int64", "rank": "int64", "score": "double"}
    assert table.schema.field("score").metadata[b"unit"] == b"score points"
    meta = table.schema.metadata
    assert meta[b"licence"].decode() == registry.DATASETS["rsf_index"].licence
    assert meta[b"citation"].decode() == registry.DATASETS["rsf_index"].citation
    committed = [r for r in committed_rows("rsf_index") if r["iso3"] == "AZE"]
    assert table.to_pylist() == [
        {"iso3": "AZE", "year": int(r["year"]), "rank": int(r["rank"]), "score": float(r["score"])}
        for r in committed
    ]


# ------------------------------------------------------------------ metadata


@pytest.mark.parametrize("name", SERVED)
def test_meta_json_is_the_data_package_resource_of_the_file_served(name):
    meta = client.get(f"/data/{name}.meta.json").json()
    resource = next(r for r in PACKAGE["resources"] if r["name"] == name)
    assert {key: meta[key] for key in resource} == resource
    assert meta["version"] == PACKAGE["version"] and meta["created"] == PACKAGE["created"]
    served = client.get(f"/data/{name}.csv").content
    assert meta["hash"] == f"sha256:{hashlib.sha256(served).hexdigest()}"
    assert meta["bytes"] == len(served)
    assert meta["filters"][-1] == "columns"


# ------------------------------------------------------------------ refusals


REFUSED = [
    ("rsf_index.csv?year=2025-2015", "first year first (year=2015-2025)"),
    ("rsf_index.csv?year=abc", "not a year or a range"),
    ("rsf_index.csv?year=99999", "not a year or a range"),
    ("rsf_index.csv?year=", "year is empty"),
    ("rsf_index.csv?iso3=AZE,XYZ", "Unknown country code 'XYZ'"),
    ("rsf_index.csv?columns=iso3,nope", "the columns of rsf_index are iso3, country,"),
    ("rsf_index.json?country=AZE", "Unknown parameter 'country': rsf_index takes iso3"),
    ("rsf_index.parquet?iso3=AZE&iso3=TUR", "iso3 is given twice"),
    ("rsf_index.csv?iso3=" + ",".join(["AZE"] * 301), "at most 300 are accepted"),
    ("rsf_index.csv?columns=" + "x" * 2100, "at most 2048 are accepted"),
    ("documented_cases.csv?year=2020", "documented_cases takes iso3 (country codes"),
    ("rsf_index.meta.json?iso3=AZE", "takes no parameters"),
]


@pytest.mark.parametrize(("path", "message"), REFUSED)
def test_bad_requests_say_what_is_allowed(path, message):
    response = client.get(f"/data/{path}")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/plain")
    assert message in response.text


@pytest.mark.parametrize("fmt", data_api.FORMATS)
def test_withheld_datasets_stay_withheld_in_every_format(fmt):
    for name in WITHHELD:
        response = client.get(f"/data/{name}.{fmt}?iso3=AZE")
        assert response.status_code == 403 and "terms" in response.text
    for name in ("nonsense", "rsf", "README"):
        assert client.get(f"/data/{name}.{fmt}").status_code == 404
    assert client.get("/data/rsf_index.xlsx").status_code == 404


# ------------------------------------------------------------------ code snippets


@pytest.fixture(scope="module")
def live_server():
    """The data routes served over HTTP on a free loopback port, so that code reads them
    as it would any server's."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(
        uvicorn.Config(Starlette(routes=ROUTES, middleware=MIDDLEWARE), log_level="warning")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def test_the_pandas_snippet_reads_the_api(live_server):
    dataset = registry.DATASETS["rsf_index"]
    whole = data_api.snippets(data_api.url(dataset, origin=live_server), "rsf_index")["pandas"]
    namespace: dict = {}
    exec(whole, namespace)  # the code exactly as the Data page shows it
    expected = pd.read_csv(DATASETS / "rsf_index.csv")
    pd.testing.assert_frame_equal(namespace["rsf_index"], expected)

    example = data_api.example_query(dataset)
    address = data_api.url(dataset, example, origin=live_server)
    exec(data_api.snippets(address, "aze")["pandas"], namespace)
    aze = namespace["aze"]
    assert list(aze.columns) == ["iso3", "year", "rank"] and set(aze["iso3"]) == {"AZE"}
    committed = expected[expected["iso3"] == "AZE"].tail(10)
    assert aze["rank"].tolist() == committed["rank"].tolist()


def test_the_other_snippets_name_the_address_in_their_syntax():
    address = "http://example.org:8501/data/rsf_index.csv?iso3=AZE,TUR&year=2015-2025"
    code = data_api.snippets(address, "rsf_index")
    quoted = re.escape(f'"{address}"')
    assert re.fullmatch(rf"library\(readr\)\n\nrsf_index <- read_csv\({quoted}\)", code["R"])
    assert re.fullmatch(
        rf'import delimited {quoted}, clear varnames\(1\) encoding\("utf-8"\) bindquote\(strict\)',
        code["Stata"],
    )
    assert re.fullmatch(rf"=IMPORTDATA\({quoted}\)", code["spreadsheet"])


@pytest.mark.parametrize("name", SERVED)
def test_every_datasets_example_query_answers_rows(name):
    dataset = registry.DATASETS[name]
    example = data_api.example_query(dataset)
    response = client.get(data_api.url(dataset, example))
    assert response.status_code == 200 and len(csv_rows(response.content)) > 0


def test_the_data_page_shows_code_for_this_server():
    at = page("views/datasets.py", dataset="hrps", section="Citation and code")
    code = [block.value for block in at.code]
    assert 'hrps = pd.read_csv("http://localhost:8501/data/hrps.csv")' in "\n".join(code)
    assert '=IMPORTDATA("http://localhost:8501/data/hrps.csv")' in code
    assert any("/data/hrps.csv?iso3=AZE&year=" in block for block in code)
    withheld = page("views/datasets.py", dataset="cpj_cases", section="Citation and code")
    assert not any("/data/cpj_cases" in block.value for block in withheld.code)


# ------------------------------------------------------------------ a chart's rows


def test_a_profile_chart_offers_the_api_address_of_its_rows(captured):
    # Türkiye: no documented case is marked on its rank chart (Azerbaijan's marks three,
    # rows no query of rsf_index selects, so its rank chart offers no address)
    at = page("views/country.py", country="TUR", section="RSF index")
    rank = "http://localhost:8501/data/rsf_index.csv?iso3=TUR&columns=iso3,country,year,methodology,rank"
    assert any(f"<{rank}>" in c.value for c in at.caption)  # a link that says its address
    _, shown = parse(next(c for c in captured if c["file_name"] == "rank.csv")["data"])
    served = pd.DataFrame(csv_rows(client.get(rank.removeprefix("http://localhost:8501")).content))
    pd.testing.assert_frame_equal(served, shown[list(served.columns)])


def test_rows_no_query_selects_get_no_address():
    dataset = registry.DATASETS["rsf_index"]
    index = data_api.published(dataset).rows.typed
    assert data_api.query_for(dataset, index[index["score"] > 50]) is None  # a value filter
    assert data_api.query_for(dataset, index[["country", "year"]]) is None  # no key
    moved = index[index["iso3"] == "AZE"].assign(year=lambda f: f["year"] + 1)
    assert data_api.query_for(dataset, moved) is None  # rows the dataset does not have
    as_floats = index[index["iso3"] == "AZE"].astype({"year": float})
    assert data_api.query_for(dataset, as_floats) == data_api.Query(("AZE",), None, None)


# ------------------------------------------------------------------ fuzzing

NAMES = [*SERVED[:4], "hrps", WITHHELD[0], "nonsense"]
KEYS = st.one_of(
    st.sampled_from(["iso3", "year", "columns", "", "ISO3", "columns ", "build", "lang"]),
    st.text(max_size=8),
)
VALUES = st.one_of(
    st.text(max_size=40),
    st.integers().map(str),
    st.from_regex(r"-?\d{1,30}(-\d{0,30})?", fullmatch=True),
    st.integers(min_value=0, max_value=12).map(str),  # builds that exist, and some not
    st.lists(
        st.sampled_from(["AZE", "TUR", "aze", "", " ", "XYZ", "ÄZE", "iso3", "year", "score"]),
        max_size=8,
    ).map(",".join),
)


def _query(pairs: list[tuple[str, str]], raw: str) -> str:
    encoded = "&".join(f"{quote(k, safe='')}={quote(v, safe=',')}" for k, v in pairs)
    return "&".join(part for part in (encoded, quote(raw, safe="=&,%+")) if part)


@settings(max_examples=400, database=None)
@given(
    name=st.sampled_from(NAMES),
    fmt=st.sampled_from([*data_api.FORMATS, "xlsx", ""]),
    pairs=st.lists(st.tuples(KEYS, VALUES), max_size=5),
    raw=st.one_of(st.just(""), st.text(max_size=60), st.text(min_size=2000, max_size=3000)),
)
@example(name="hrps", fmt="csv", pairs=[("year", "1" * 400)], raw="")
@example(name="hrps", fmt="json", pairs=[("year", "2000-1999"), ("year", "")], raw="%ff%00")
@example(name="rsf_index", fmt="parquet", pairs=[("iso3", "AZE," * 400)], raw="")
@example(name="hrps", fmt="json", pairs=[("build", "1"), ("iso3", "AZE")], raw="")
@example(name="pts", fmt="parquet", pairs=[("build", "build-3"), ("year", "1990-2000")], raw="")
@example(name="pts", fmt="csv", pairs=[("build", "٣")], raw="")
def test_no_query_string_makes_the_server_fail(name, fmt, pairs, raw):
    response = fuzz_client.get(f"/data/{name}.{fmt}?{_query(pairs, raw)}")
    assert response.status_code in (200, 400, 403, 404), response.text[:300]


CODES = [row["iso3"] for row in committed_rows("countries")]


@settings(max_examples=150, database=None)
@given(
    name=st.sampled_from(["rsf_index", "hrps", "pts", "rsf_roundup", "documented_cases"]),
    codes=st.none() | st.lists(st.sampled_from(CODES), min_size=1, max_size=6),
    years=st.none() | st.tuples(st.integers(1940, 2030), st.integers(0, 30)),
    data=st.data(),
)
def test_every_row_answered_is_a_committed_row_matching_the_query(name, codes, years, data):
    dataset = registry.DATASETS[name]
    names = [c.name for c in dataset.columns]
    columns = data.draw(st.none() | st.lists(st.sampled_from(names), min_size=1, unique=True))
    query = data_api.Query(
        tuple(codes) if codes else None,
        (years[0], years[0] + years[1]) if years and dataset.period else None,
        tuple(columns) if columns else None,
    )
    response = client.get(data_api.url(dataset, query))
    assert response.status_code == 200, response.text
    expected = [
        {column: row[column] for column in (columns or names)}
        for row in committed_rows(name)
        if (codes is None or row["iso3"] in codes)
        and (query.years is None or query.years[0] <= int(row[dataset.period]) <= query.years[1])
    ]
    assert csv_rows(response.content) == expected


def test_filters_and_formats_apply_to_a_past_build():
    """build=N with filters: the rows of build N's file (rebuilt from the chain of diffs),
    in any format, naming that build."""
    from dashboard import builds

    past = builds.csv_at("pts", 2)
    whole = client.get("/data/pts.csv?build=2")
    assert whole.status_code == 200 and whole.content == past  # byte for byte as released
    filtered = client.get("/data/pts.csv?build=2&iso3=AZE&year=2010-2012&columns=iso3,year")
    expected = [r for r in csv_rows(past) if r["iso3"] == "AZE" and 2010 <= int(r["year"]) <= 2012]
    assert csv_rows(filtered.content) == [{"iso3": r["iso3"], "year": r["year"]} for r in expected]
    answer = client.get("/data/pts.json?build=2&iso3=AZE&year=2010-2012").json()
    assert answer["build"].startswith("build-2 ") and answer["rows"] == len(expected)
    assert client.get("/data/pts.csv?build=2&build=3").status_code == 400
    assert client.get("/data/pts.meta.json?build=2").status_code == 400
    assert client.get("/data/hrps.csv?build=1&iso3=AZE").status_code == 404  # not yet released
