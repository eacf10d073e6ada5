"""Stable data URLs served beside the dashboard."""

import io

import pandas as pd
from starlette.applications import Starlette
from starlette.testclient import TestClient

from dashboard.server import MIDDLEWARE, ROUTES
from tests.conftest import DATASETS

client = TestClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))


def test_dataset_csv_is_served_byte_for_byte():
    response = client.get("/data/rsf_index.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content == (DATASETS / "rsf_index.csv").read_bytes()
    assert len(pd.read_csv(io.BytesIO(response.content))) == 4200


def test_data_package_and_dictionary_are_served():
    assert client.get("/data/datapackage.json").json()["resources"]
    assert "data dictionary" in client.get("/data/README.md").text


def test_withheld_and_unknown_files():
    withheld = client.get("/data/cpj_cases.csv")
    assert withheld.status_code == 403 and "terms" in withheld.text
    assert client.get("/data/../etl/catalog.py").status_code == 404
    missing = client.get("/data/nonsense.csv")
    assert missing.status_code == 404 and "rsf_index.csv" in missing.text


def test_responses_are_compressed_for_every_kind_of_client():
    """zstd where the browser accepts it, gzip for older clients, plain for the rest."""
    original = (DATASETS / "rsf_index.csv").read_bytes()
    modern = client.get("/data/rsf_index.csv", headers={"Accept-Encoding": "zstd, gzip"})
    assert modern.headers["content-encoding"] == "zstd"
    assert int(modern.headers["content-length"]) < len(original) / 3
    assert modern.content == original  # decoded by the client
    older = client.get("/data/rsf_index.csv", headers={"Accept-Encoding": "gzip"})
    assert older.headers["content-encoding"] == "gzip" and older.content == original
    plain = client.get("/data/rsf_index.csv", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == original
