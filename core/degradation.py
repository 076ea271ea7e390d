"""SDG 15.3.1 kernels: land-cover transitions, soil organic carbon change and the one out, all out rule.

Sub-indicator states are int16 arrays: -1 degraded, 0 stable, 1 improved, :data:`NODATA` unknown.
Classes follow the UNCCD Good Practice Guidance (GPG) for SDG 15.3.1: 1 tree-covered, 2 grassland,
3 cropland, 4 wetland, 5 artificial, 6 other land, 7 water bodies.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .classes import parse_classes

DEGRADED, STABLE, IMPROVED = -1, 0, 1
NODATA = -32768
CLASS_NAMES = ("Tree-covered", "Grassland", "Cropland", "Wetland", "Artificial", "Other land", "Water bodies")
WATER = 7

#: Default transition matrix of the UNCCD GPG (as in Trends.Earth): rows = class at the start, columns = class
#: at the end; -1 degradation, 0 stable, 1 improvement.
UNCCD_TRANSITIONS = np.array([
    [0, -1, -1, -1, -1, -1, 0],  # tree-covered
    [1, 0, 1, -1, -1, -1, 0],  # grassland
    [1, -1, 0, -1, -1, -1, 0],  # cropland
    [-1, -1, -1, 0, -1, -1, 0],  # wetland
    [1, 1, 1, 1, 0, 1, 0],  # artificial
    [1, 1, 1, 1, -1, 0, 0],  # other land
    [0, 0, 0, 0, 0, 0, 0],  # water bodies
], dtype=np.int16)

#: GlobeLand30 codes to the UNCCD classes: 20 forest -> tree-covered; 30 grassland, 40 shrubland and 70 tundra
#: -> grassland; 10 cultivated land -> cropland; 50 wetland -> wetland; 80 artificial surfaces -> artificial;
#: 90 bareland and 100 permanent snow and ice -> other land; 60 water bodies -> water bodies.
GLOBELAND30_MAPPING = "20=1; 30,40,70=2; 10=3; 50=4; 80=5; 90,100=6; 60=7"


def parse_class_mapping(text: str, classes: int = len(CLASS_NAMES)) -> dict[int, int]:
    """Parse ``"20=1; 30,40,70=2"`` (land-cover codes = class 1..``classes``, default the 7 UNCCD classes) into
    ``{code: class}``.

    Raises ValueError naming the offending item.
    """
    mapping: dict[int, int] = {}
    for item in text.split(";"):
        if not item.strip():
            continue
        codes, sep, target = item.partition("=")
        if not sep:
            raise ValueError(f"'{item.strip()}' is not of the form codes=class, such as 30,40=2")
        try:
            unccd = int(target)
        except ValueError:
            raise ValueError(f"'{target.strip()}' in '{item.strip()}' is not a class number 1-{classes}") from None
        if not 1 <= unccd <= classes:
            raise ValueError(f"class {unccd} in '{item.strip()}' is not a class number 1-{classes}")
        for code in parse_classes(codes):
            if code in mapping:
                raise ValueError(f"code {code} is mapped twice")
            mapping[code] = unccd
    if not mapping:
        raise ValueError("no land-cover code is mapped")
    return mapping


def parse_transition_matrix(values: Sequence, names: Sequence[str] = CLASS_NAMES) -> np.ndarray:
    """An n × n matrix of -1/0/1 (n classes ``names``, default the 7 UNCCD classes) from n² values (row by row,
    start class by end class), or from n (n + 1) values where each row starts with its start class's name or
    number (checked, so rows cannot be shuffled unnoticed)."""
    size = len(names)
    values = list(values)
    if len(values) not in (size * size, size * (size + 1)):
        raise ValueError(f"the transition matrix needs {size} rows of {size} values; got {len(values)} values")
    labelled = len(values) == size * (size + 1)
    width = size + 1 if labelled else size
    matrix = np.zeros((size, size), dtype=np.int16)
    for row in range(size):
        cells = values[row * width:(row + 1) * width]
        if labelled:
            label = str(cells.pop(0)).strip()
            if label.lower() not in (names[row].lower(), str(row + 1)):
                raise ValueError(f"row {row + 1} of the transition matrix is labelled '{label}'; "
                                 f"expected '{names[row]}'")
        for col, cell in enumerate(cells):
            try:
                number = float(str(cell).strip())
            except ValueError:
                number = None
            if number not in (-1.0, 0.0, 1.0):
                raise ValueError(f"transition from {names[row]} to {names[col]} is '{cell}'; "
                                 "use -1 (degradation), 0 (stable) or 1 (improvement)")
            matrix[row, col] = int(number)
    return matrix


def recode(block: np.ndarray, mapping: dict[int, int], valid: np.ndarray) -> np.ndarray:
    """Class (1-7 UNCCD, or as mapped) per pixel; 0 where invalid or the code is not mapped."""
    out = np.zeros(block.shape, dtype=np.uint8)
    for unccd in sorted(set(mapping.values())):
        codes = [code for code, target in mapping.items() if target == unccd]
        out[np.isin(block, codes) & valid] = unccd
    return out


def land_cover_state(start: np.ndarray, end: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """State of each pixel from its UNCCD classes at the start and end (0 = unknown) and the matrix."""
    known = (start > 0) & (end > 0)
    state = np.full(start.shape, NODATA, dtype=np.int16)
    state[known] = matrix[start[known].astype(np.intp) - 1, end[known].astype(np.intp) - 1]
    return state


#: Relative change of soil organic carbon (%) counted as degradation or improvement: the UNCCD GPG's default.
SOC_THRESHOLD_PCT = 10.0


def soc_state(start: np.ndarray, end: np.ndarray, valid: np.ndarray,
              threshold: float = SOC_THRESHOLD_PCT) -> np.ndarray:
    """State from soil organic carbon at two dates (see :func:`change_state`); unknown where invalid or the start
    stock is not positive."""
    start = start.astype(np.float64)
    known = valid & (start > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        change = np.where(known, (end.astype(np.float64) - start) / start * 100.0, np.nan)
    return change_state(change, threshold)


def change_state(change: np.ndarray, threshold: float = SOC_THRESHOLD_PCT) -> np.ndarray:
    """State from a relative change of a stock in %: a loss of ``threshold`` percent or more is degraded, a gain
    of as much improved, anything between stable; unknown where the change is NaN."""
    tolerance = 1e-9 * max(1.0, threshold)
    with np.errstate(invalid="ignore"):
        state = np.where(change <= -threshold + tolerance, DEGRADED,
                         np.where(change >= threshold - tolerance, IMPROVED, STABLE)).astype(np.int16)
    state[np.isnan(change)] = NODATA
    return state


def given_state(block: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, int]:
    """State from a raster of -1/0/1, and the number of valid pixels holding any other value (made unknown)."""
    state = np.full(block.shape, NODATA, dtype=np.int16)
    ok = valid & np.isin(block, (DEGRADED, STABLE, IMPROVED))
    state[ok] = block[ok]
    return state, int(np.count_nonzero(valid & ~ok))


def one_out_all_out(states: Sequence[np.ndarray]) -> np.ndarray:
    """UNCCD GPG "one out, all out": degraded if any sub-indicator is degraded, else improved if any is
    improved, else stable; unknown where any sub-indicator is unknown (the pixel cannot be assessed)."""
    stacked = np.stack(states)
    out = np.where((stacked == DEGRADED).any(axis=0), DEGRADED,
                   np.where((stacked == IMPROVED).any(axis=0), IMPROVED, STABLE)).astype(np.int16)
    out[(stacked == NODATA).any(axis=0)] = NODATA
    return out


#: Expanded status of the UNCCD GPG Addendum (2025), "Further characterization of land degradation and
#: improvement": rows the baseline's state (degraded, stable, improved), columns the reporting period's.
#: 1 persistent degradation, 2 recent degradation, 3 baseline degradation, 4 stability, 5 baseline improvement,
#: 6 recent improvement, 7 persistent improvement; 0 unknown.
STATUS_MATRIX = np.array([[1, 3, 6], [2, 4, 6], [2, 5, 7]], dtype=np.uint8)
#: The Addendum's 3 × 3 status matrix is the expanded one reduced to degraded, stable and improved: a period
#: degraded or improved sets the status, a stable period keeps the baseline's state.
STATUS_STATE = {1: DEGRADED, 2: DEGRADED, 3: DEGRADED, 4: STABLE, 5: IMPROVED, 6: IMPROVED, 7: IMPROVED}


def status(baseline: np.ndarray, period: np.ndarray) -> np.ndarray:
    """Expanded status (1-7, 0 unknown) of each pixel from the baseline's and the period's states (-1/0/1,
    :data:`NODATA` unknown)."""
    known = np.isin(baseline, (DEGRADED, STABLE, IMPROVED)) & np.isin(period, (DEGRADED, STABLE, IMPROVED))
    out = np.zeros(baseline.shape, dtype=np.uint8)
    out[known] = STATUS_MATRIX[baseline[known].astype(np.intp) + 1, period[known].astype(np.intp) + 1]
    return out


def status_state(expanded: np.ndarray) -> np.ndarray:
    """The degraded / stable / improved state (-1/0/1, :data:`NODATA` unknown) of expanded status classes."""
    out = np.full(expanded.shape, NODATA, dtype=np.int16)
    for code, state in STATUS_STATE.items():
        out[expanded == code] = state
    return out
