"""`make demo`: generate the sample county if needed, run its indicator set, the reports and the portal with
qgis_process, and print what was measured: indicators computed, with a target, met or nearly met, per goal and
goal group."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
CONFIG = SAMPLE / "indicator_set.json"
WRAPPER = ROOT / "scripts" / "qgis_process.sh"
sys.path.insert(0, str(ROOT / ".build" / "plugins"))


def qgis_process(algorithm: str, **parameters: str) -> dict:
    """Run one algorithm through the checkout's qgis_process wrapper; its JSON results."""
    arguments = [f"{name}={value}" for name, value in parameters.items()]
    done = subprocess.run([str(WRAPPER), "--json", "run", algorithm, "--", *arguments], capture_output=True,
                          text=True)
    if done.returncode != 0:
        sys.exit(f"{algorithm} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout[done.stdout.index("{"):])["results"]


def main() -> None:
    started = time.monotonic()
    subprocess.run([sys.executable, str(SAMPLE / "generate.py")], check=True)
    subprocess.run(["/usr/bin/python3", str(SAMPLE / "make_project.py")], check=True, stderr=subprocess.DEVNULL)
    summary_csv = SAMPLE / "out" / "run_summary.csv"
    run = qgis_process("sdg:run_indicator_set", CONFIG=str(CONFIG), OUTPUT=str(summary_csv))
    report = qgis_process("sdg:export_report", RESULTS=run["RESULTS_STORE"], LANGUAGE="3",
                          OUTPUT=str(SAMPLE / "out" / "report.xlsx"), OUTPUT_CSV=str(SAMPLE / "out" / "latest.csv"))
    pdf = qgis_process("sdg:export_report_pdf", RESULTS=run["RESULTS_STORE"], LANGUAGE="3",
                       ZONES=f"{SAMPLE / 'out' / 'sample_county.gpkg'}|layername=townships", ZONE_ID_FIELD="code",
                       OUTPUT=str(SAMPLE / "out" / "report.pdf"))
    portal_started = time.monotonic()
    portal = qgis_process("sdg:export_portal", RESULTS=run["RESULTS_STORE"], OUTPUT=str(SAMPLE / "out" / "portal"))
    portal["SECONDS"] = time.monotonic() - portal_started
    print_summary(run, report, pdf, portal, time.monotonic() - started)


def print_summary(run: dict, report: dict, pdf: dict, portal: dict, seconds: float) -> None:
    """The demo's tables, read back from the results store: headline, spatial indicators, goals, groups."""
    from sdg_monitor.core.catalog import load_catalog
    from sdg_monitor.core.profile import load_profile
    from sdg_monitor.core.progress import NEARLY_MET, rollup
    from sdg_monitor.core.store import ResultsStore
    from sdg_monitor.core.vocabulary import goal_of

    store, catalog, profile = ResultsStore(run["RESULTS_STORE"]), load_catalog(), load_profile()
    area = "330521"
    results = store.read_results(area_id=area)
    progress = store.read("sdg_progress", method="open_sdg", area_id=area)
    table = rollup(progress, lambda code: goal_of(code, profile), catalog.group_of)["indicators"]
    table["met"] = table["with_target"] & table["status"].isin(NEARLY_MET)
    print(f"\nSDG Monitor demo: {int(run['COMPUTED'])} indicator runs computed, {int(run['FAILED'])} failed, "
          f"{seconds:.1f} s in all")
    print(f"Headline (county {area}): {int(run['MEASURED'])} indicators measured, {int(run['WITH_TARGET'])} with a "
          f"target, {int(run['MET_OR_NEARLY_MET'])} met or nearly met\n")
    spatial = results[results["method"].str.startswith("sdg:") & (results["disaggregation"].fillna("") == "")
                      & ~results["method"].str.startswith("sdg:indicators_from_workbook")]
    print("Spatial indicators, latest year (county):")
    for (indicator, series), rows in spatial.sort_values("year").groupby(["indicator", "series"], sort=True):
        last = rows.iloc[-1]
        label = f"{indicator} {series}".strip()
        print(f"  {label:<30} {last['value']:>9.2f} {last['unit']:<10} {int(last['year'])}")
    print(f"\n{'goal':<44} {'measured':>8} {'target':>7} {'met':>4} {'score':>6}")
    for goal, rows in table.groupby("goal", sort=True):
        print(_line(f"SDG {goal} {catalog.goal(goal).short_en}", rows))
    print()
    for group, rows in table.groupby("group", sort=True):
        print(_line(group, rows))
    print(f"\nResults store: {run['RESULTS_STORE']}\nReport: {report['OUTPUT']}\n"
          f"PDF report: {pdf['OUTPUT']} ({int(pdf['PAGES'])} pages)\n"
          f"Portal: {Path(portal['OUTPUT']) / 'index.html'} ({int(portal['PAGES'])} pages, "
          f"{portal['SECONDS']:.1f} s with qgis_process's start; open it in a browser, no network needed)")


def _line(label: str, rows) -> str:
    score = rows["score"].dropna().mean()
    text = "" if score != score else f"{score:+.2f}"
    return (f"{label[:44]:<44} {int(rows['measured'].sum()):>8} {int(rows['with_target'].sum()):>7} "
            f"{int(rows['met'].sum()):>4} {text:>6}")


if __name__ == "__main__":
    main()
