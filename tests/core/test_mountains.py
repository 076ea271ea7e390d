"""Revised 15.4.2 kernels: Körner belts as grouped by FAO, and the zonal categories, by hand."""
from __future__ import annotations

import numpy as np
from sdg_monitor.core.degradation import parse_transition_matrix
from sdg_monitor.core.mountains import FAO_TRANSITIONS, SEEA_CLASSES, green_categories, korner_belts


def test_korner_belts_by_hand():
    days = np.array([5, 30, 60, 120, 120, 120, 120, np.nan])
    temperature = np.array([2.0, 3.0, 8.0, 6.0, 6.4, 15.0, 15.1, 10.0])
    valid = ~np.isnan(days)
    # <10 days nival; 30 days alpine; 60 days (< 94) alpine; 6.0 °C alpine; 6.4 montane; 15.0 montane;
    # 15.1 remaining; no data 0
    assert korner_belts(days, temperature, valid).tolist() == [1, 2, 2, 2, 3, 3, 4, 0]


def test_green_categories():
    mountain = np.array([True, True, True, False])
    belt = np.array([0, 2, 3, 3])
    seea = np.array([2, 8, 0, 2])  # croplands (green), barren, unmapped, croplands outside mountains
    assert green_categories(mountain, belt, seea).tolist() == [2, 5, 0, 0]


def test_fao_matrix_round_trips_through_the_table_parser():
    values = [v for row, name in enumerate(SEEA_CLASSES) for v in [name, *FAO_TRANSITIONS[row]]]
    assert (parse_transition_matrix(values, SEEA_CLASSES) == FAO_TRANSITIONS).all()
    # a few cells read from FAO's table: tree-covered -> shrub-covered degrades, barren -> croplands improves,
    # water -> snow and glaciers improves, croplands -> water is stable
    assert FAO_TRANSITIONS[3, 4] == -1 and FAO_TRANSITIONS[7, 1] == 1
    assert FAO_TRANSITIONS[9, 8] == 1 and FAO_TRANSITIONS[1, 9] == 0
