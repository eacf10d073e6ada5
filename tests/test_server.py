"""Stable data URLs served beside the dashboard."""

import io

import pandas as pd
from starlette.applications import Starlette
from starlette.testclient import TestClient

from dashboard.server import ROUTES
from tests.conftest import DATASETS

client = TestClient(Starlette(routes=ROUTES))


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
