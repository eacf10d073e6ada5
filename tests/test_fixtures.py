"""The committed fixtures are what tests/fixtures/cut.py cuts from the mirror, byte for byte,
so they stay real data with a known origin."""

from tests.conftest import FIXTURE_MIRROR, MIRROR, needs_mirror
from tests.fixtures import cut


@needs_mirror
def test_fixtures_are_exact_cuts_of_the_mirror():
    for rel, (content, original) in cut.fixtures(MIRROR).items():
        assert (FIXTURE_MIRROR / rel).read_bytes() == content, rel
        assert len(content) < len(original)


def test_fixtures_are_small():
    sizes = {p.name: p.stat().st_size for p in FIXTURE_MIRROR.rglob("*.csv")}
    assert len(sizes) == 3 and max(sizes.values()) < 20_000, sizes
