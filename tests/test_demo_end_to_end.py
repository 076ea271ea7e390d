"""`make demo`'s path on the sample county: generate it if missing, run the indicator set, the Excel and PDF reports
with qgis_process, into a temporary store (the user's data/sample/out/results.gpkg is left alone)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
WRAPPER = ROOT / "scripts" / "qgis_process.sh"


def qgis_process(algorithm: str, profile: Path, **parameters) -> dict:
    env = {"PATH": "/usr/bin:/bin", "SDG_QGIS_CONFIG": str(profile), "HOME": str(profile)}
    arguments = [f"{name}={value}" for name, value in parameters.items()]
    done = subprocess.run([str(WRAPPER), "--json", "run", algorithm, "--", *arguments], capture_output=True,
                          text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:] + done.stdout[-3000:]
    return json.loads(done.stdout[done.stdout.index("{"):])["results"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo's runs, into a temporary folder."""
    subprocess.run([sys.executable, str(SAMPLE / "generate.py")], check=True, capture_output=True, timeout=600)
    out = tmp_path_factory.mktemp("demo")
    profile = out / "profile"
    profile.mkdir()
    run = qgis_process("sdg:run_indicator_set", profile, CONFIG=SAMPLE / "indicator_set.json",
                       RESULTS=out / "results.gpkg", OUTPUT=out / "run_summary.csv")
    report = qgis_process("sdg:export_report", profile, RESULTS=run["RESULTS_STORE"], LANGUAGE=1,
                          OUTPUT=out / "report.xlsx", OUTPUT_CSV=out / "latest.csv")
    pdf = qgis_process("sdg:export_report_pdf", profile, RESULTS=run["RESULTS_STORE"],
                       ZONES=f"{SAMPLE / 'out' / 'sample_county.gpkg'}|layername=townships", ZONE_ID_FIELD="code",
                       LANGUAGE=1, OUTPUT=out / "report.pdf")
    return out, run, report, pdf


def test_portal_of_the_sample(demo):
    out, run, _, _ = demo
    portal = qgis_process("sdg:export_portal", out / "profile", RESULTS=run["RESULTS_STORE"], OUTPUT=out / "portal")
    folder = Path(portal["OUTPUT"])
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 15 * 2 ** 20
    from sdg_monitor.core.store import ResultsStore

    indicators = set(ResultsStore(run["RESULTS_STORE"]).read_results()["indicator"])
    assert portal["PAGES"] == 2 * (1 + 17 + len(indicators))  # English and Chinese
    assert len(list((folder / "data").glob("indicator_*.csv"))) == len(indicators)
    assert (folder / "assets" / "zones.js").exists()  # the zones the store's runs recorded


def test_indicator_set_completes(demo):
    out, run, _, _ = demo
    import pandas as pd

    assert run["RESULTS_STORE"] == str(out / "results.gpkg")
    summary = pd.read_csv(out / "run_summary.csv")
    assert run["FAILED"] == 0 and (summary["status"] == "ok").all(), summary[summary["status"] != "ok"]
    assert run["COMPUTED"] == len(summary) > 20
    assert run["MEASURED"] > 100
    assert 0 < run["MET_OR_NEARLY_MET"] <= run["WITH_TARGET"] <= run["MEASURED"]
    assert run["WITH_TARGET"] >= 79  # distinct indicators with a target, as many as Deqing assessed (#19)


def test_goal_rollup_covers_16_goals(demo):
    from sdg_monitor.core.store import ResultsStore

    _, run, _, _ = demo
    store = ResultsStore(run["RESULTS_STORE"])
    goals = store.read("sdg_goal_rollup", method="open_sdg", area_id="330521")
    assert sorted(goals["goal"]) == [g for g in range(1, 18) if g != 14]  # no SDG 14 inland
    headline = store.read("sdg_headline", method="open_sdg", area_id="330521").iloc[0]
    assert headline["measured"] == run["MEASURED"] == goals["indicators"].sum()


def test_excel_report_has_overview_and_goal_sheets(demo):
    from openpyxl import load_workbook

    _, _, report, _ = demo
    book = load_workbook(report["OUTPUT"], read_only=True)
    assert book.sheetnames[0] == "Overview"
    assert {f"SDG {g}" for g in range(1, 18) if g != 14} <= set(book.sheetnames)


def test_pdf_report_has_a_page_per_goal(demo):
    _, _, _, pdf = demo
    data = Path(pdf["OUTPUT"]).read_bytes()
    assert pdf["PAGES"] == 17  # the cover and 16 goals
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) == 17



def test_dock_on_the_sample_store_matches_the_store(demo, qgis_app, qgis_parent):
    """The dock opened on the sample county's store: its headline and goal counts are those sdg:assess_progress
    stored, and its table lists every indicator measured for the county."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    from sdg_monitor.core.store import ResultsStore
    from sdg_monitor.ui.dock import SdgDock

    out, run, _, _ = demo
    store = ResultsStore(out / "results.gpkg")
    county = "330521"
    dock = SdgDock(qgis_parent)
    try:
        assert dock.open_store(str(out / "results.gpkg"), remember=False)
        headline = dock.dashboard.headline(county)
        assert headline == {"measured": run["MEASURED"], "with_target": run["WITH_TARGET"],
                            "met_or_nearly_met": run["MET_OR_NEARLY_MET"]}
        goals = store.read("sdg_goal_rollup", method="open_sdg", area_id=county).set_index("goal")
        for tile in dock.dashboard.goal_tiles(county):
            expected = int(goals.loc[tile.number, "indicators"]) if tile.number in goals.index else 0
            assert tile.summary.indicators == expected, tile.number
            if expected:
                assert tile.summary.counts["target_achieved"] == goals.loc[tile.number, "target_achieved"]
        measured = store.read_results(area_id=county)
        measured = measured[measured["disaggregation"] == ""]
        shown = {key[0] for key in dock.table.keys()}
        assert shown == set(measured["indicator"])
    finally:
        dock.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        QgsProject.instance().clear()


def test_village_rows_and_defensible_statuses(demo):
    """The village level shows results, and on the demo store (issue 19's "done when"): no indicator at its
    limit is red, 4.5.1 (gender parity 1.00) is achieved, 4.a.1's facility series are judged increasing."""
    from sdg_monitor.core.profile import load_profile
    from sdg_monitor.core.store import ResultsStore

    _, run, _, _ = demo
    store = ResultsStore(run["RESULTS_STORE"])
    villages = store.read_results(area_level="village")
    assert {"15.1.1", "11.6.2"} <= set(villages["indicator"]) and villages["area_id"].nunique() >= 100
    progress = store.read("sdg_progress", method="open_sdg", area_id="330521")
    limits = {i.code: i.limit for i in load_profile() if i.limit is not None}
    at_limit = progress[[limits.get(code) == value for code, value in zip(progress["indicator"],
                                                                          progress["current_value"])]]
    assert len(at_limit) and (at_limit["status"] == "target_achieved").all()
    by_key = progress.set_index(["indicator", "series"])
    assert by_key.loc[("4.5.1", ""), "status"] == "target_achieved"
    assert set(progress[progress["indicator"] == "4.a.1"]["direction"]) == {"increase"}
