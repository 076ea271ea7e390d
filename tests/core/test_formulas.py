"""Statistical formulas and table totals against values worked by hand."""
from __future__ import annotations

import math

import pytest
from sdg_monitor.core.formulas import growth, parity_index, per_capita, percentage, rate_per_n, total_ratio
from sdg_monitor.core.table_calc import Observation, effective_multiplier, row_values, totals

NAN = float("nan")


def test_percentage():
    assert percentage(3, 12) == 25.0
    assert percentage(0, 7) == 0.0
    assert percentage(1, 0) is None and percentage(None, 5) is None and percentage(2, NAN) is None


def test_rate_per_n():
    # 2 maternal deaths among 4,000 live births = 50 per 100,000 live births
    assert rate_per_n(2, 4000, 100_000) == pytest.approx(50.0)
    # 7 under-five deaths among 3,500 live births = 2 per 1,000
    assert rate_per_n(7, 3500, 1000) == pytest.approx(2.0)
    assert rate_per_n(1, -5, 1000) is None


def test_per_capita():
    # GDP 5,000 (10,000 yuan) over 2,500 people = 20,000 yuan per person
    assert per_capita(5000, 2500, 10_000) == pytest.approx(20_000.0)
    assert per_capita(30, 12) == pytest.approx(2.5)
    assert per_capita(None, 12) is None


def test_parity_index():
    assert parity_index(0.45, 0.5) == pytest.approx(0.9)
    assert parity_index(0.5, 0.4) == pytest.approx(1.25)
    # adjusted: above 1 it is 2 - 0.4 / 0.5 = 1.2; below 1 unchanged
    assert parity_index(0.5, 0.4, adjusted=True) == pytest.approx(1.2)
    assert parity_index(0.45, 0.5, adjusted=True) == pytest.approx(0.9)
    assert parity_index(1, 0) is None and parity_index(-1, 2) is None and parity_index(None, 1) is None


def test_growth():
    assert growth(100, 121, 2015, 2017) == pytest.approx(0.10)  # 1.1 × 1.1 = 1.21
    assert growth(200, 100, 2010, 2011) == pytest.approx(-0.5)
    assert growth(80, 80, 2015, 2020) == 0.0
    assert growth(8, 27, 2000, 2003) == pytest.approx(0.5)  # (27/8)^(1/3) = 1.5
    assert growth(0, 5, 2015, 2016) is None and growth(5, -1, 2015, 2016) is None
    assert growth(None, 5, 2015, 2016) is None
    with pytest.raises(ValueError, match="later second year"):
        growth(1, 2, 2016, 2016)


def test_total_ratio_is_sum_over_sum_not_mean_of_ratios():
    # rows 1/2 = 50 % and 3/10 = 30 %: total 4/12 = 33.33 %, not the mean 40 %
    assert total_ratio([1, 3], [2, 10]) == pytest.approx(100 / 3)
    assert total_ratio([1, 3], [2, 10]) != pytest.approx(40.0)
    # a row missing either value is left out of both sums
    assert total_ratio([1, None, 3, 4], [2, 5, 10, NAN], 1000) == pytest.approx(4 / 12 * 1000)
    assert total_ratio([None], [3]) is None and total_ratio([], []) is None
    with pytest.raises(ValueError, match="2 numerators but 1"):
        total_ratio([1, 2], [3])


ROWS = [Observation("A", 2019, 1, 2), Observation("B", 2019, 3, 10),
        Observation("A", 2020, 2, 4), Observation("B", 2020, 6, 10)]


def test_rows_and_totals_of_a_ratio():
    assert row_values(ROWS, "ratio", 100) == pytest.approx([50.0, 30.0, 50.0, 60.0])
    result = totals(ROWS, "ratio", 100)
    assert [t.year for t in result] == [2019, 2020]
    assert [(t.numerator, t.denominator) for t in result] == [(4, 12), (8, 14)]
    assert [t.value for t in result] == pytest.approx([100 / 3, 800 / 14])


def test_rate_and_percentage_multipliers():
    assert row_values(ROWS, "rate_per_n", 1000)[0] == pytest.approx(500.0)
    # percentage always multiplies by 100 and parity index by 1
    assert effective_multiplier("percentage", 7) == 100 and effective_multiplier("parity_index", 100) == 1
    assert row_values(ROWS, "percentage", 7)[1] == pytest.approx(30.0)
    assert row_values(ROWS, "parity_index", 100)[1] == pytest.approx(0.3)
    assert totals(ROWS, "parity_index", 100)[1].value == pytest.approx(8 / 14)


def test_missing_values_give_none_and_stay_out_of_totals():
    rows = [Observation("A", 2020, None, 4), Observation("B", 2020, 6, 10), Observation("C", 2020, 5, NAN)]
    assert row_values(rows, "ratio", 100) == [None, pytest.approx(60.0), None]
    total = totals(rows, "ratio", 100)[0]
    assert (total.numerator, total.denominator, total.value) == (6, 10, pytest.approx(60.0))


def test_growth_rows_use_the_previous_year_with_a_value():
    rows = [Observation("A", 2020, 121), Observation("A", 2018, 100), Observation("B", 2018, 50),
            Observation("A", 2019, None), Observation("B", 2019, 40)]
    # A: 2018 -> 2020 over two years = 10 %; B: 50 -> 40 = -20 %
    assert row_values(rows, "growth", 100) == [pytest.approx(10.0), None, None, None, pytest.approx(-20.0)]


def test_growth_of_a_quotient_and_of_totals():
    rows = [Observation("A", 2019, 200, 2), Observation("A", 2020, 220, 2),
            Observation("B", 2019, 300, 3), Observation("B", 2020, 360, 3)]
    assert row_values(rows, "growth", 100) == [None, pytest.approx(10.0), None, pytest.approx(20.0)]
    # totals: 500/5 = 100 then 580/5 = 116: 16 %
    assert [t.value for t in totals(rows, "growth", 100)] == [None, pytest.approx(16.0)]
    assert [t.value for t in totals([Observation("A", 2019, 100), Observation("B", 2019, 300),
                                     Observation("A", 2020, 110), Observation("B", 2020, 330)], "growth", 1)] \
        == [None, pytest.approx(0.1)]
    # without denominators the yearly totals are plain sums, whatever the number of rows: 500 -> 1200
    plain = totals([Observation("A", 2019, 200), Observation("B", 2019, 300), Observation("A", 2020, 250),
                    Observation("B", 2020, 350), Observation("C", 2020, 500), Observation("D", 2020, 100)],
                   "growth", 100)
    assert [(t.numerator, t.denominator) for t in plain] == [(500, None), (1200, None)]
    assert plain[1].value == pytest.approx(140.0)


def test_value_and_errors():
    assert row_values([Observation("A", 2020, 2.5), Observation("B", 2020, None)], "value", 1) == [2.5, None]
    with pytest.raises(ValueError, match="no table total"):
        totals(ROWS, "value", 1)
    with pytest.raises(ValueError, match="repeated: A 2019"):
        row_values([Observation("A", 2019, 1), Observation("A", 2019, 2)], "growth", 100)
    with pytest.raises(ValueError, match="Unknown formula 'mean'"):
        row_values(ROWS, "mean", 1)
    assert math.isclose(row_values(ROWS, "per_capita", 10)[2], 5.0)
