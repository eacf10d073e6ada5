"""Publishing: deterministic bytes, all-or-nothing replacement, recovery after a crash."""

import json
import os

import pandas as pd
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from etl import formats, publish


def test_csv_bytes_are_deterministic_and_keep_decimals():
    frame = pd.DataFrame(
        {
            "iso3": ["NOR", "AZE"],
            "score": pd.array([92.65, 41.0], "Float64"),
            "rank": pd.array([1, None], "Int64"),
        }
    )
    content = formats.csv_bytes(frame)
    assert content == b"iso3,score,rank\nNOR,92.65,1\nAZE,41.0,\n"
    assert formats.csv_bytes(frame.copy()) == content


def test_csv_bytes_neutralise_formulas_and_write_as_pandas_does():
    frame = pd.DataFrame(
        {
            "text": pd.array(['=HYPERLINK("x")', "-2.5", "a,b", None, "-x"], "string"),
            "score": pd.array([1e-05, -0.0, 1e16, None, 2.0], "Float64"),
            "rank": pd.array([None, 1, 2, 3, -4], "Int64"),
        }
    )
    expected = (
        b'text,score,rank\n"\'=HYPERLINK(""x"")",1e-05,\n-2.5,-0.0,1\n"a,b",1e+16,2\n,,3\n'
        b"'-x,2.0,-4\n"
    )
    assert formats.csv_bytes(frame) == expected
    # a type the fast writer leaves to pandas: the same bytes, the same neutralisation
    assert formats.csv_bytes(frame.astype({"rank": object})) == expected


def test_categorical_text_is_neutralised_as_text_is():
    # the Cases page hands its CSV a dictionary-encoded table (case_filter.compact)
    frame = pd.DataFrame({"charges": pd.Categorical(["=cmd|' /C calc'!A0", "anti-state", None])})
    assert formats.neutralise_formulas(frame)["charges"].tolist()[:2] == [
        "'=cmd|' /C calc'!A0",
        "anti-state",
    ]
    # (a row with one empty cell is written as "", as pandas writes it)
    assert formats.csv_bytes(frame) == b"charges\n'=cmd|' /C calc'!A0\nanti-state\n\"\"\n"


TEXTS = st.text(alphabet=st.sampled_from(list("a ,;\"\n\r\t=-+@é'0.e")), max_size=6) | st.none()
COLUMNS = {
    "text": (TEXTS, "string"),
    "count": (st.integers(-(2**62), 2**62) | st.none(), "Int64"),
    "score": (st.floats(allow_nan=False) | st.none(), "Float64"),
    "note": (TEXTS, "str"),
}


@given(
    st.lists(st.sampled_from(list(COLUMNS)), min_size=1, max_size=4, unique=True),
    st.integers(0, 6),
    st.data(),
)
def test_csv_bytes_are_what_pandas_writes_for_the_neutralised_frame(names, rows, data):
    frame = pd.DataFrame(
        {
            name: pd.array(
                data.draw(st.lists(COLUMNS[name][0], min_size=rows, max_size=rows)),
                COLUMNS[name][1],
            )
            for name in names
        }
    )
    expected = formats.neutralise_formulas(frame).to_csv(index=False, lineterminator="\n")
    assert formats.csv_bytes(frame) == expected.encode("utf-8")


@given(
    st.lists(
        st.floats()
        | st.floats(-1e9, 1e9).map(lambda value: round(value, 3))
        | st.integers(-(10**9), 10**9).map(float)
        | st.none(),
        max_size=20,
    )
)
def test_floats_are_spelt_as_str_spells_them(values):
    """Arrow's spelling where it is repr's, repr's elsewhere; a missing value blank (a NaN
    that is a value, not missing, as str spells it)."""
    numbers = pa.array(values, pa.float64(), from_pandas=False)
    expected = ["" if value is None else str(value) for value in values]
    assert formats._float_reprs(numbers).to_pylist() == expected


def test_publish_writes_and_reports_only_changes(tmp_path):
    files = {"a.csv": b"x\n1\n", "provenance/a.json": b"{}\n"}
    assert publish.publish(tmp_path, "a", files) == ["a.csv", "provenance/a.json"]
    assert publish.publish(tmp_path, "a", files) == []
    assert publish.publish(tmp_path, "a", {**files, "a.csv": b"x\n2\n"}) == ["a.csv"]
    assert (tmp_path / "a.csv").read_bytes() == b"x\n2\n"
    assert not (tmp_path / publish.STAGING).exists()


def test_interrupted_commit_is_completed_by_recovery(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"old\n")
    (tmp_path / "a.json").write_bytes(b"old\n")
    stage = tmp_path / publish.STAGING / "a"
    stage.mkdir(parents=True)
    (stage / "a.json").write_bytes(b"new\n")  # a.csv was already moved before the crash
    (tmp_path / "a.csv").write_bytes(b"new\n")
    (stage / publish.COMMIT_MARKER).write_text(json.dumps(["a.csv", "a.json"]))
    assert publish.recover(tmp_path) == ["a"]
    assert (tmp_path / "a.csv").read_bytes() == b"new\n"
    assert (tmp_path / "a.json").read_bytes() == b"new\n"
    assert not (tmp_path / publish.STAGING).exists()


def test_uncommitted_staging_is_discarded(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"old\n")
    stage = tmp_path / publish.STAGING / "a"
    stage.mkdir(parents=True)
    (stage / "a.csv").write_bytes(b"half-writ")
    assert publish.recover(tmp_path) == []
    assert (tmp_path / "a.csv").read_bytes() == b"old\n"
    assert not (tmp_path / publish.STAGING).exists()


def test_publish_leaves_no_temporary_files(tmp_path):
    publish.publish(tmp_path, "a", {"a.csv": b"1\n"})
    assert sorted(os.listdir(tmp_path)) == ["a.csv"]
