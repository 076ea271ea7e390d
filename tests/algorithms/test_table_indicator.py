"""sdg:table_indicator on a small table with totals worked by hand (sum over sum, not a mean of ratios)."""
from __future__ import annotations

import pytest
from qgis.core import NULL, QgsFeature, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from sdg_monitor.core.store import ResultsStore

# area, year, deaths (a text field, as tables often hold), births
ROWS = [("A", 2019, "1", 200.0), ("B", 2019, "3", 300.0), ("A", 2020, "2", 250.0), ("B", 2020, "n/a", 350.0),
        ("C", 2020, "5", 500.0), ("D", 2020, None, 100.0)]


class Messages(QgsProcessingFeedback):
    """Feedback that keeps the warnings and errors."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []

    def reportError(self, error, fatalError=False):
        self.warnings.append(error)

    def pushWarning(self, warning):
        self.warnings.append(warning)


@pytest.fixture()
def table():
    layer = QgsVectorLayer("None?field=area:string&field=year:integer&field=deaths:string&field=births:double",
                           "births", "memory")
    features = []
    for values in ROWS:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def _run(sdg_provider, parameters: dict, feedback: QgsProcessingFeedback | None = None) -> dict:
    import processing

    return processing.run("sdg:table_indicator", parameters, feedback=feedback)


def _by_row(result) -> list[tuple]:
    """The OUTPUT rows with NULL as None."""
    return [tuple(None if f[name] == NULL else f[name] for name in ("area_id", "year", "numerator", "denominator",
                                                                   "value"))
            for f in result["OUTPUT"].getFeatures()]


def test_rows_and_total_by_hand(sdg_provider, table, tmp_path):
    feedback = Messages()
    store = tmp_path / "results.gpkg"
    result = _run(sdg_provider, {
        "INPUT": table, "INDICATOR": "3.2.1", "NUMERATOR": "deaths", "DENOMINATOR": "births", "MULTIPLIER": 1000,
        "AREA_ID_FIELD": "area", "YEAR_FIELD": "year", "RESULTS": str(store), "OUTPUT": "memory:"}, feedback)
    rows = _by_row(result)
    assert [r[:2] for r in rows] == [r[:2] for r in ROWS]
    assert [r[4] for r in rows] == [pytest.approx(5.0), pytest.approx(10.0), pytest.approx(8.0), None,
                                    pytest.approx(10.0), None]
    # 2020: (2 + 5) / (250 + 500) × 1000; B (text) and D (NULL) count in neither sum. Mean of the rows: 9.0
    assert result["VALUE"] == pytest.approx(7 / 750 * 1000)
    assert isinstance(result["VALUE"], float)
    assert any("Row 4" in w and "'n/a'" in w for w in feedback.warnings)
    assert any("Row 6" in w and "NULL" in w for w in feedback.warnings)
    stored = ResultsStore(store).read_results("3.2.1")
    totals = stored[stored["area_level"] == "total"].set_index("year")
    # 2019: 4 / 500 × 1000 = 8.0, where the mean of the rows' rates would be 7.5
    assert totals.loc[2019, "value"] == pytest.approx(8.0)
    assert (totals.loc[2020, "numerator"], totals.loc[2020, "denominator"]) == (7.0, 750.0)
    areas = stored[stored["area_level"] == "area"]
    assert sorted(zip(areas["area_id"], areas["year"])) == [("A", 2019), ("A", 2020), ("B", 2019), ("C", 2020)]


def test_expressions_percentage_and_fixed_year(sdg_provider, table):
    feedback = Messages()
    result = _run(sdg_provider, {
        "INPUT": table, "INDICATOR": "L1.1", "FORMULA": 1, "NUMERATOR": '"deaths" * 2 + 1',
        "DENOMINATOR": 'coalesce("births", 0) / 10', "MULTIPLIER": 7, "YEAR": 2021, "OUTPUT": "memory:"},
        feedback)
    rows = _by_row(result)
    assert [r[1] for r in rows] == [2021] * 6  # no year field: the reference year
    assert [r[0] for r in rows] == [str(f.id()) for f in table.getFeatures()]  # no area field: feature ids
    # A 2019: (1 × 2 + 1) / (200 / 10) × 100 = 15 % (percentage ignores MULTIPLIER 7)
    assert rows[0][2:] == (3.0, 20.0, pytest.approx(15.0))
    assert rows[3][4] is None and any("Row 4" in w and "failed" in w for w in feedback.warnings)
    # total: (3 + 7 + 5 + 11) / (20 + 30 + 25 + 50) rows 1, 2, 3 and 5; row 6's numerator is NULL
    assert result["VALUE"] == pytest.approx(26 / 125 * 100)


def test_bad_expression_and_missing_denominator(sdg_provider, table):
    with pytest.raises(QgsProcessingException, match="NUMERATOR expression"):
        _run(sdg_provider, {"INPUT": table, "INDICATOR": "L1.1", "NUMERATOR": '"deaths" +* 2', "DENOMINATOR": "births",
                            "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="needs a denominator"):
        _run(sdg_provider, {"INPUT": table, "INDICATOR": "L1.1", "NUMERATOR": "births", "OUTPUT": "memory:"})


def test_growth_by_area(sdg_provider, table):
    result = _run(sdg_provider, {
        "INPUT": table, "INDICATOR": "L1.1", "FORMULA": 5, "NUMERATOR": "births", "AREA_ID_FIELD": "area",
        "YEAR_FIELD": "year", "OUTPUT": "memory:"})
    values = {(r[0], r[1]): r[4] for r in _by_row(result)}
    assert values["A", 2020] == pytest.approx(25.0) and values["B", 2020] == pytest.approx(100 / 6)
    assert values["A", 2019] is None and values["C", 2020] is None
    # totals of births: 500 in 2019, 1200 in 2020: +140 %
    assert result["VALUE"] == pytest.approx(140.0)


def test_repeated_area_year_refused_for_the_store(sdg_provider, table, tmp_path):
    with pytest.raises(QgsProcessingException, match="repeat area and year"):
        _run(sdg_provider, {"INPUT": table, "INDICATOR": "L1.1", "NUMERATOR": "births", "DENOMINATOR": "births",
                            "AREA_ID_FIELD": "area", "YEAR": 2020, "RESULTS": str(tmp_path / "r.gpkg"),
                            "OUTPUT": "memory:"})
    assert not (tmp_path / "r.gpkg").exists()
