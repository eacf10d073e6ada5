"""Where a country stands among the others (the profile's All-sources summary)."""

import pytest

from dashboard import measures, names
from etl import registry, store


def test_a_count_stands_in_its_latest_year_among_every_state_zeros_included():
    """CPJ's killed counts run to 2025; Azerbaijan's last killing in them is 2021. Its
    standing is taken in 2025 (zero) among all states, not in 2021 among the few with
    killings, which placed it at percentile 36."""
    measure = registry.MEASURES["cpj_killed"]
    try:
        values = measure.values(store.read_dataset(measure.dataset.name))
    except store.DatasetNotBuilt as exc:
        pytest.skip(str(exc))
    assert int(values["year"].max()) == 2025
    assert int(values[values["iso3"] == "AZE"]["year"].max()) == 2021
    azerbaijan = measures.standing(values, measure, "AZE", names.states())
    assert azerbaijan["year"] == 2025 and azerbaijan["value"] == 0
    assert azerbaijan["peers"] >= len(names.states()) == 249
    worst = values[values["year"] == 2025].sort_values("value").iloc[-1]
    assert measures.standing(values, measure, worst["iso3"], names.states())["percentile"] < 5
