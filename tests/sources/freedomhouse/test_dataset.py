"""Freedom House: real values in the published dataset."""

import pytest

from etl import store
from tests.conftest import DATASETS, MIRROR, needs_built


def value(dataset, column, **where):
    frame = store.read_dataset(dataset, DATASETS)
    for key, wanted in where.items():
        frame = frame[frame[key] == wanted]
    assert len(frame) == 1, (dataset, where, len(frame))
    return frame[column].iloc[0]


@needs_built()
@pytest.mark.parametrize(
    ("iso3", "status", "d1", "total"),
    [
        ("AZE", "not free", 0, 7),
        ("RUS", "not free", 0, 12),
        ("TUR", "not free", 1, 33),
        ("UKR", "partly free", 2, 51),
    ],
)
def test_freedom_in_the_world_2025_edition(iso3, status, d1, total):
    assert value("fh_fiw", "year", iso3=iso3, edition=2025) == 2024
    assert value("fh_fiw", "status", iso3=iso3, edition=2025) == status
    assert value("fh_fiw", "d1", iso3=iso3, edition=2025) == d1
    assert value("fh_fiw", "total", iso3=iso3, edition=2025) == total


@needs_built()
def test_freedom_of_the_press_and_on_the_net():
    assert value("fh_fotp", "score", iso3="AZE", edition=2015) == 87
    assert value("fh_fotp", "score", iso3="TUR", edition=2015) == 65
    # Kosovo's first rating (year 2009) is in the file; only its 2008 row is all zeros
    assert value("fh_fotp", "score", iso3="XKX", year=2009) == 53
    assert value("fh_fotp", "status", iso3="XKX", year=2009) == "partly free"
    assert value("fh_fotn", "total", iso3="AZE", edition=2024) == 34
    assert value("fh_fotn", "total", iso3="UKR", edition=2024) == 59


@needs_built()
def test_freedom_house_status_history_reaches_back():
    assert value("fh_status", "status", iso3="TUR", year=1972, kind="country") == "partly free"
    assert value("fh_status", "status", iso3="AZE", year=2023, kind="country") == "not free"


@needs_built()
@pytest.mark.skipif(
    MIRROR is None or not (MIRROR / "freedomhouse" / "fotp_2001_2014.csv").is_file(),
    reason="raw-source mirror with freedomhouse/ not found (set PRESSFREEDOM_MIRROR or place "
    "../shared/sources)",
)
def test_every_rated_freedom_of_the_press_row_is_published():
    """Rows are left out only where the file rates nothing: empty rows for states before or
    after their time, and Kosovo's all-zero row (status "0")."""
    raw = (MIRROR / "freedomhouse" / "fotp_2001_2014.csv").read_bytes().decode("ascii")
    rows = [line.split(",")[-6:] for line in raw.split("\r")[1:]]
    rated = [r for r in rows if r[-1] in ("F", "PF", "NF")]
    assert (len(rows), len(rated)) == (2940, 2727)
    assert len(store.read_dataset("fh_fotp", DATASETS)) == len(rated)
