"""One home for "a number or None": missing values of every kind, the options where readers differ, cells typed by
a person."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from sdg_monitor.core.numbers import cell_number, finite_or_none, is_missing, number_or_none


@pytest.mark.parametrize("value", [None, float("nan"), np.float32("nan"), pd.NA, pd.NaT, np.datetime64("NaT")])
def test_missing_values(value):
    assert is_missing(value) and number_or_none(value) is None and finite_or_none(value) is None


@pytest.mark.parametrize("value", [0, 0.0, "", "nan", np.int64(3), False])
def test_values_that_are_not_missing(value):
    assert not is_missing(value)


def test_number_or_none_options():
    assert number_or_none(np.float64(2.5)) == 2.5 and type(number_or_none(np.float64(2.5))) is float
    assert number_or_none("1,234.5", commas=True) == 1234.5
    with pytest.raises(ValueError):
        number_or_none("1,234.5")
    with pytest.raises(ValueError):
        number_or_none("abc")
    assert number_or_none("abc", lenient=True) is None and number_or_none(object(), lenient=True) is None
    assert number_or_none(math.inf) == math.inf and number_or_none(math.inf, finite=True) is None
    assert finite_or_none("-inf") is None and finite_or_none("7") == 7.0


@pytest.mark.parametrize("value, expected", [
    (None, (None, "")), ("  ", (None, "")), (12, (12.0, "")), (" 1,200 ", (1200.0, "")),
    (True, (None, "a true/false value True")), ("12 t", (None, "text '12 t' in a number cell")),
    (math.inf, (None, "a non-finite number inf")), ("nan", (None, "a non-finite number 'nan'")),
])
def test_cells_typed_by_a_person(value, expected):
    assert cell_number(value) == expected
