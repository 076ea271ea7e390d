"""`make demo`: generate the sample county if needed, run its indicator set and the report with qgis_process,
and print what was measured: indicators computed, with a target, met or nearly met, per goal and goal group."""
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
    summary_csv = SAMPLE / "out" / "run_summary.csv"
    run = qgis_process("sdg:run_indicator_set", CONFIG=str(CONFIG), OUTPUT=str(summary_csv))
    report = qgis_process("sdg:export_report", RESULTS=run["RESULTS_STORE"], LANGUAGE="3",
                          OUTPUT=str(SAMPLE / "out" / "report.xlsx"), OUTPUT_CSV=str(SAMPLE / "out" / "latest.csv"))
    print_summary(run, report, time.monotonic() - started)


def print_summary(run: dict, report: dict, seconds: float) -> None:
    """The demo's table, read back from the results store."""
    from sdg_monitor.core.catalog import load_catalog
    from sdg_monitor.core.store import ResultsStore

    store = ResultsStore(run["RESULTS_STORE"])
    catalog = load_catalog()
    results = store.read_results()
    county = results[(results["area_level"] == "total") & (results["disaggregation"] == "")]
    progress = store.read("sdg_progress", method="open_sdg", area_id="330521").set_index("indicator")
    print(f"\nSDG Monitor demo: {int(run['COMPUTED'])} indicator runs computed, {int(run['FAILED'])} failed, "
          f"{seconds:.1f} s in all")
    print(f"Headline (county): {int(run['MEASURED'])} indicators measured, {int(run['WITH_TARGET'])} with a "
          f"target, {int(run['MET_OR_NEARLY_MET'])} met or nearly met\n")
    print(f"{'indicator':<9} {'latest':>10} {'unit':<8} {'year':>4}  {'status':<22} title")
    for indicator, rows in county.sort_values("year").groupby("indicator", sort=False):
        last = rows.iloc[-1]
        status = progress["status"].get(indicator, "") if indicator in progress.index else ""
        title = catalog.title(indicator)[:60]
        print(f"{indicator:<9} {last['value']:>10.2f} {last['unit']:<8} {int(last['year']):>4}  {status:<22} {title}")
    goals = store.read("sdg_goal_rollup", method="open_sdg", area_id="330521")
    print("\nPer goal (county):")
    for row in goals.itertuples():
        score = "" if row.mean_score != row.mean_score else f"score {row.mean_score:+.2f}"
        print(f"  SDG {row.goal:<2} {catalog.goal(row.goal).short_en:<38} {row.indicators} indicator(s) {score}")
    groups = store.read("sdg_group_rollup", method="open_sdg", area_id="330521")
    print("Per goal group (county):")
    for row in groups.itertuples():
        score = "" if row.mean_score != row.mean_score else f"score {row.mean_score:+.2f}"
        print(f"  {row.goal_group:<14} {row.indicators} indicator(s) {score}")
    print(f"\nResults store: {run['RESULTS_STORE']}\nReport: {report['OUTPUT']}")


if __name__ == "__main__":
    main()
