"""sdg:workbook_template: a template for one's own county, filled in and read back by
sdg:indicators_from_workbook (round trip), values checked by hand."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from qgis.core import QgsFeature, QgsProcessingException, QgsVectorLayer
from sdg_monitor.core.profile import load_item_units, load_profile
from sdg_monitor.core.store import ResultsStore
from sdg_monitor.data.sample.workbook import item_units


@pytest.fixture()
def towns():
    layer = QgsVectorLayer("None?field=code:string&field=name:string", "towns", "memory")
    features = []
    for code, name in (("100001", "东镇"), ("100002", "西镇")):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_template_round_trips_through_the_workbook_algorithm(run_algorithm, towns, tmp_path):
    template = tmp_path / "我的县 template.xlsx"
    result = run_algorithm("sdg:workbook_template", {
        "AREA_ID": "100000", "AREA_NAME": "我的县", "ZONES": towns, "ZONE_ID_FIELD": "code",
        "ZONE_NAME_FIELD": "name", "YEAR_START": 2019, "YEAR_END": 2020, "OUTPUT": str(template)})
    items = load_profile().required_items()
    assert result["ROWS"] == len(items) * 3 * 2
    book = load_workbook(template)
    data = book["data"]
    assert [c.value for c in data[1]] == ["item", "area_code", "area_name", "year", "value", "unit"]
    assert {row[4] for row in data.iter_rows(min_row=2, values_only=True)} == {None}
    validation = data.data_validations.dataValidation[0]
    assert validation.type == "decimal" and str(validation.sqref) == f"E2:E{result['ROWS'] + 1}"
    assert {"items", "notes"} <= set(book.sheetnames)
    # Fill in: each item's value is its position in the item list + 1, times 10 for the second town.
    position = {item: number for number, item in enumerate(items, start=1)}
    for row in data.iter_rows(min_row=2):
        row[4].value = position[row[0].value] * (10 if row[1].value == "100002" else 1)
    book.save(template)
    store = tmp_path / "results.gpkg"
    run_algorithm("sdg:indicators_from_workbook", {"INPUT": str(template), "RESULTS": str(store),
                                                   "OUTPUT": "memory:"})
    rows = ResultsStore(store).read_results(indicator="3.2.1").set_index(["area_id", "year"])
    # 3.2.1 = under5_deaths / live_births × 1000, the same ratio in every area and year.
    expected = position["under5_deaths"] / position["live_births"] * 1000
    assert rows.loc[("100001", 2020), "value"] == pytest.approx(expected)
    assert rows.loc[("100002", 2019), "value"] == pytest.approx(expected)
    # The whole area is the code every other code starts with.
    assert set(rows.loc["100000"].index) == {2019, 2020}


def test_item_units_agree_with_the_sample_model():
    assert load_item_units() == {item: unit for item, unit in item_units().items() if item in load_item_units()}
    assert set(load_item_units()) == set(load_profile().required_items())


def test_years_backwards_are_refused(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="comes before"):
        run_algorithm("sdg:workbook_template", {"AREA_ID": "1", "YEAR_START": 2020, "YEAR_END": 2015,
                                                "OUTPUT": str(tmp_path / "t.xlsx")})
