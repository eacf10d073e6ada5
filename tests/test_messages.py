"""Every failure names the source, the file and what is wrong with it, in words a person
fixing the input can act on (not "internal error: BadZipFile", not "missing columns" for a
file in the wrong encoding)."""

import pytest

from etl.errors import FetchError, ValidationError
from etl.fetch import Fetcher, RawFile
from etl.pipeline import parse_file
from etl.sources.freedomhouse import steps as freedomhouse
from etl.sources.pts import steps as pts
from tests.conftest import FIXTURE_MIRROR, copy_fixture_mirror, fetched


@pytest.mark.parametrize(
    "content",
    [b"<html><body>Access denied</body></html>"[6:], b"PK\x03\x04 cut short", b"\x00" * 64],
    ids=["text", "truncated-zip", "zeros"],
)
def test_a_broken_workbook_names_source_file_and_format(content):
    item = fetched(freedomhouse.FIW, content)
    with pytest.raises(ValidationError) as caught:
        parse_file(freedomhouse.SOURCE, item)
    message = str(caught.value)
    assert f"[freedomhouse] {freedomhouse.FIW}" in message
    assert "readable Excel workbook" in message and "zip archive" in message
    assert "internal error" not in message


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_csv_in_a_wide_encoding_is_named_as_such(tmp_path, codec):
    mirror = copy_fixture_mirror(tmp_path / "mirror")
    target = mirror / "pts" / "PTS-2024.csv"
    target.write_bytes(target.read_bytes().decode("cp1252").encode(codec))
    with pytest.raises(FetchError) as caught:
        Fetcher(mirror=mirror).fetch("pts", "pts", RawFile("PTS-2024.csv", "https://x.invalid"))
    message = str(caught.value)
    assert message.startswith("[pts] PTS-2024.csv:")
    assert "encoded as UTF-" in message and "re-download it, or convert it to UTF-8" in message


def test_a_utf16_file_without_byte_order_mark_is_caught_too(tmp_path):
    mirror = copy_fixture_mirror(tmp_path / "mirror")
    target = mirror / "pts" / "PTS-2024.csv"
    target.write_bytes(target.read_bytes().decode("cp1252").encode("utf-16-le"))
    with pytest.raises(FetchError, match="NUL bytes"):
        Fetcher(mirror=mirror).fetch("pts", "pts", RawFile("PTS-2024.csv", "https://x.invalid"))


def test_a_parser_crash_names_the_file_and_the_exception():
    def crashing(item):
        return {}["Country"]

    source = pts.SOURCE.__class__(**{**pts.SOURCE.__dict__, "parse": crashing})
    item = fetched("PTS-2024.csv", (FIXTURE_MIRROR / "pts" / "PTS-2024.csv").read_bytes())
    with pytest.raises(ValidationError) as caught:
        parse_file(source, item)
    assert "[pts] PTS-2024.csv: readable file: expected column or field 'Country'" in str(
        caught.value
    )
