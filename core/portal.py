"""The portal from a results store's tables: what each page shows (:func:`build`), and the folder written whole
or not at all (:func:`write_site`), with the JavaScript libraries copied from npm's install (no CDN)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Callable, Mapping, Sequence

import pandas as pd

from .catalog import sort_key
from .numbers import finite_or_none
from .portal_data import IndicatorMeta, dashed, open_sdg_meta, open_sdg_table, series_payload
from .portal_site import GoalSummary, IndicatorPage, Portal, pages, zones_script
from .report import indicator_table
from .vocabulary import STATUSES

PLUGIN_DIR = Path(__file__).resolve().parents[1]
WEB_DIR = PLUGIN_DIR / "web"
#: The libraries a portal needs: path in the portal (and in the plugin zip's ``vendor/``) -> path in npm's
#: ``node_modules`` (``make setup`` runs ``npm ci`` into ``.build/npm``). Licences travel with the code.
VENDOR_FILES = {
    "vendor/chart.js/chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "vendor/chart.js/LICENSE.md": "chart.js/LICENSE.md",
    "vendor/chart.js/LICENSE-kurkle-color": "@kurkle/color/LICENSE",  # bundled in chart.umd.min.js
    "vendor/leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "vendor/leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "vendor/leaflet/LICENSE": "leaflet/LICENSE",
}
NODE_MODULES = PLUGIN_DIR / ".build" / "npm" / "node_modules"
#: A file every portal has: a folder holding it may be replaced by a new export.
MARKER = "sdg-portal.txt"


class PortalError(ValueError):
    """A portal that cannot be written, with what to do."""


def vendor_files(plugin_dir: Path = PLUGIN_DIR) -> dict[str, Path]:
    """Where each library file is: the plugin zip's ``vendor/`` or a checkout's npm install."""
    packaged = plugin_dir / "vendor"
    found = {target: (plugin_dir / target if packaged.is_dir() else NODE_MODULES / source)
             for target, source in VENDOR_FILES.items()}
    missing = [str(path) for path in found.values() if not path.is_file()]
    if missing:
        raise PortalError(f"The portal's JavaScript libraries are missing ({missing[0]}): reinstall the plugin, "
                          f"or run `make setup` in a checkout.")
    return found


def build(results: pd.DataFrame, progress: pd.DataFrame, tables: Mapping[str, pd.DataFrame], whole_area: str,
          goals: Sequence[GoalSummary], meta_of: Callable[[str, pd.DataFrame], IndicatorMeta],
          **portal: object) -> tuple[Portal, dict[str, pd.DataFrame], list[IndicatorMeta]]:
    """The portal of ``whole_area`` from the store's ``results`` and one method's ``progress`` and roll-ups
    (``tables``: ``goals``, ``groups``, ``headline``); ``portal`` gives the rest of :class:`Portal`'s fields.
    Returns the portal, Open SDG's table per dashed code, and each indicator's meta."""
    progress = progress.assign(series=progress["series"].fillna("")) if not progress.empty else progress
    whole_progress = progress[progress["area_id"] == whole_area] if not progress.empty else progress
    summary = indicator_table(results[results["area_id"] == whole_area], whole_progress, lambda code: 0, str)
    open_sdg, metas, indicator_pages = {}, [], []
    for code, rows in sorted(results.groupby("indicator", sort=False), key=lambda item: sort_key(item[0])):
        rows = rows.assign(series=rows["series"].fillna(""))
        meta = meta_of(code, rows)
        targets = whole_progress[whole_progress["indicator"] == code] if not progress.empty else progress
        series = {}
        for series_id, part in rows.groupby("series", sort=True):
            record = targets[targets["series"] == series_id].to_dict("records") if len(targets) else []
            series[series_id] = series_payload(part, whole_area, record[0] if record else None)
            if series[series_id]["target"] is not None:
                meta.targets.append({"series": series_id, "value": series[series_id]["target"],
                                     "year": series[series_id]["target_year"]})
        mine = summary[summary["indicator"] == code]
        latest = mine.iloc[0] if len(mine) else None
        indicator_pages.append(IndicatorPage(
            meta, series, finite_or_none(latest["value"]) if latest is not None else None,
            int(latest["year"]) if latest is not None else None, _worst(mine["status"].dropna().tolist())))
        open_sdg[dashed(code)] = open_sdg_table(rows, whole_area)
        metas.append(meta)
    counts = {goal.number: goal for goal in goals}
    for page in indicator_pages:
        if page.meta.goal in counts:
            counts[page.meta.goal].indicators += 1
    for row in tables["goals"].to_dict("records"):
        if row.get("area_id") == whole_area and int(row["goal"]) in counts:
            counts[int(row["goal"])].counts = {s: int(row.get(s) or 0) for s in STATUSES}
    headline = tables["headline"]
    headline = headline[headline["area_id"] == whole_area].to_dict("records")
    groups = [row for row in tables["groups"].to_dict("records") if row.get("area_id") == whole_area]
    site = Portal(headline=headline[0] if headline else {}, goals=list(goals), groups=groups,
                  indicators=indicator_pages, **portal)
    return site, open_sdg, metas


def write_site(folder: Path, site: Portal, open_sdg: Mapping[str, pd.DataFrame], metas: Sequence[IndicatorMeta],
               zones: dict | None, vendor: Mapping[str, Path]) -> Path:
    """Write the portal into ``folder`` whole or not at all: built in a temporary folder beside it, then put in
    its place. An existing ``folder`` is replaced only when it is empty or an earlier portal."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or (any(folder.iterdir()) and not (folder / MARKER).exists())):
        raise PortalError(f"{folder} exists and is not an earlier portal: choose a new or empty folder.")
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.part-", dir=folder.parent))
    try:
        for name, text in pages(site).items():
            (work / name).write_text(text, encoding="utf-8")
        (work / "assets").mkdir()
        for name in ("portal.js", "portal.css"):
            shutil.copyfile(WEB_DIR / name, work / "assets" / name)
        if zones is not None:
            (work / "assets" / "zones.js").write_text(zones_script(zones), encoding="utf-8")
        for target, source in vendor.items():
            (work / target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, work / target)
        (work / "data").mkdir()
        (work / "meta").mkdir()
        for code, table in open_sdg.items():
            table.to_csv(work / "data" / f"indicator_{code}.csv", index=False, encoding="utf-8", lineterminator="\n")
        for meta in metas:
            (work / "meta" / f"{dashed(meta.code)}.md").write_text(open_sdg_meta(meta, site.languages[0]),
                                                                     encoding="utf-8")
        (work / MARKER).write_text(f"SDG Monitor portal, {site.produced}\n", encoding="utf-8")
        old = None
        if folder.exists():
            old = folder.with_name(f".{folder.name}.old-{work.name[-8:]}")
            folder.rename(old)
        work.rename(folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return folder


def _worst(statuses: list[str]) -> str:
    """An indicator's status on the index when its series differ: the one furthest from the target."""
    known = [s for s in statuses if s in STATUSES[:-1]]
    return max(known, key=STATUSES.index) if known else STATUSES[-1]
