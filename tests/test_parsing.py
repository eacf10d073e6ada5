"""The parse stage's readers (etl/parsing.py): Arrow's CSV reader gives the frame pandas'
reader gives, and text_cells the cells pandas' string methods give."""

import csv
import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl import parsing


def pandas_csv(text: str, sep: str = ",") -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)


CELLS = st.text(alphabet=st.sampled_from('ab ,;"\n\xa0é\t'), max_size=6)


@given(
    header=st.lists(st.text(alphabet="abc ", max_size=3), min_size=1, max_size=4),
    rows=st.lists(st.lists(CELLS, min_size=1, max_size=5), max_size=6),
    sep=st.sampled_from([",", ";"]),
)
def test_arrow_reads_what_pandas_reads(header, rows, sep):
    """Any table the csv module writes (quoted separators, quotes and line feeds, blank or
    repeated names, short or long rows, blank lines): the frame pandas reads, or its error."""
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\n").writerows([header, *rows])
    text = out.getvalue()
    try:
        expected = pandas_csv(text, sep)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        with pytest.raises(type(exc)):
            parsing.text_csv(text, sep)
        return
    got = parsing.text_csv(text, sep)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert list(got.dtypes) == list(expected.dtypes)


def test_only_the_required_columns_are_kept_when_all_are_there():
    text = ' a ,b,c\n1,2,3\n"4,5",6,7\n'
    assert list(parsing.text_csv(text, ",", ("a", "c")).columns) == [" a ", "c"]
    assert list(parsing.text_csv(text, ",", ("a", "x")).columns) == [" a ", "b", "c"]
    with pytest.raises(pd.errors.ParserError):  # a malformed line still fails
        parsing.text_csv(text + "8,9,10,11\n", ",", ("a",))


@given(st.lists(st.one_of(st.none(), st.floats(), st.integers(), CELLS), max_size=8))
def test_text_cells_strip_as_pandas_string_methods_do(values):
    frame = pd.DataFrame({"x": pd.Series(values, dtype=object), "y": [" y\xa0"] * len(values)})
    for nbsp in (True, False):
        expected = pd.DataFrame(
            {
                name: (
                    column.astype(str).str.replace("\xa0", " ") if nbsp else column.astype(str)
                ).str.strip()
                for name, column in frame.items()
            }
        )
        pd.testing.assert_frame_equal(parsing.text_cells(frame, nbsp), expected, check_exact=True)
