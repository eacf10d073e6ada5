"""the Amnesty-derived sources: real values in the published dataset."""

from etl import store
from tests.conftest import DATASETS, needs_built


def value(dataset, column, **where):
    frame = store.read_dataset(dataset, DATASETS)
    for key, wanted in where.items():
        frame = frame[frame[key] == wanted]
    assert len(frame) == 1, (dataset, where, len(frame))
    return frame[column].iloc[0]


@needs_built()
def test_amnesty_derived_values():
    assert value("cirights", "speech", iso3="AZE", year=2020) == 0
    assert value("amnesty_itt", "torture_level", iso3="AZE", year=2005) == "Systematic"
    assert value("amnesty_executions", "executions", iso3="CHN", year=2008) == 1000
    assert value("amnesty_executions", "at_least", iso3="CHN", year=2008) == "yes"
