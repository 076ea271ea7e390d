"""sdg:export_portal: the results store as an offline SDG portal (static pages, charts, maps) and Open SDG data."""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.catalog import load_catalog
from ..core.portal import PortalError, build, vendor_files, write_site
from ..core.portal_data import IndicatorMeta
from ..core.portal_site import GoalSummary
from ..core.profile import load_profile
from ..translation import tr
from .base import goal_lookup, method_parameter, store_errors, store_parameter
from .pdf_layout import zones_from_features
from .report_base import LABELS, ReportAlgorithm, indicator_name, report_labels

#: The portal's own words (English; Chinese from the plugin's translation), beside the report's.
PORTAL_LABELS = {
    "site_title": QT_TR_NOOP("SDG progress portal"), "skip": QT_TR_NOOP("Skip to content"),
    "language": QT_TR_NOOP("Language"), "summary": QT_TR_NOOP("Progress summary"),
    "sort_hint": QT_TR_NOOP("Every assessed indicator with its latest value and status; sort by any column "
                            "with its header button."),
    "no_data": QT_TR_NOOP("No data"), "n_indicators": QT_TR_NOOP("{n} indicators"),
    "goal_title": QT_TR_NOOP("Goal {n}: {name}"),
    "no_indicators": QT_TR_NOOP("No indicator of this goal has results yet."),
    "breadcrumb": QT_TR_NOOP("Breadcrumb"), "target_code": QT_TR_NOOP("SDG target"),
    "download": QT_TR_NOOP("Download the data (CSV, Open SDG format)"), "series_all": QT_TR_NOOP("Values"),
    "breakdown": QT_TR_NOOP("Breakdown"), "all": QT_TR_NOOP("All"), "chart": QT_TR_NOOP("Chart"),
    "table": QT_TR_NOOP("Values by year"), "map": QT_TR_NOOP("Map by zone"), "zone": QT_TR_NOOP("Zone"),
    "zone_table": QT_TR_NOOP("Values by zone"), "no_value": QT_TR_NOOP("No value"),
    "trajectory": QT_TR_NOOP("Required trajectory"), "whole_area": QT_TR_NOOP("Whole area"),
    "chart_alt": QT_TR_NOOP("Chart of {name} by year with the target and the trajectory required; the table "
                            "below gives the same values."),
    "map_alt": QT_TR_NOOP("Map of {name} by zone; the table below gives the same values."),
    "produced": QT_TR_NOOP("Produced on {date} with SDG Monitor (QGIS). The data are beside these pages in Open "
                           "SDG's format: data/ and meta/."),
    "credits": QT_TR_NOOP("Charts: Chart.js (MIT licence); maps: Leaflet (BSD licence); both in vendor/ with "
                          "their licences."),
}


class ExportPortal(ReportAlgorithm):
    """Writes the static portal folder from a results store."""

    ALG_ID = "export_portal"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    PAGES = "PAGES"

    def displayName(self) -> str:
        return tr("Export portal (offline web site)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Writes a static SDG portal into a folder: it opens from the file manager (index.html) with no "
            "network at all, or can be copied to any web server. The index shows the headline (indicators "
            "measured, with a target, met or nearly met), the 17 goals in their colours with their status counts, "
            "the goal groups and a sortable progress summary; each goal and each indicator has its page: name, "
            "unit, method and source, a chart per series with the target line and the trajectory required, a "
            "table, a map of the zones by year with a legend, breakdown selectors, and the data to download.</p>"
            "<p>Beside the pages: the data in Open SDG's format (data/indicator_1-2-1.csv with Year, breakdowns, "
            "GeoCode, Value; meta/1-2-1.md), ready for an Open SDG site.</p>"
            "<p>Zones: polygons whose ids (ZONE_ID_FIELD, default the feature id) are the store's zone area ids; "
            "by default the zones layer and id field the store's runs recorded. Language: QGIS's, English, "
            "Chinese, or both with a switch on every page. Run <i>sdg:assess_progress</i> first for statuses. "
            "An existing folder is replaced only when it is empty or an earlier portal.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(store_parameter(self.RESULTS, tr("Results store (GeoPackage)"), optional=False))
        self.add_zone_inputs(tr("Zones to map (default: the zones recorded in the store)"))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, tr("Language"), options=[tr("QGIS's language"), tr("English"), tr("Chinese"),
                                                     tr("English and Chinese, with a switch")], defaultValue=3))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Portal title"), optional=True))
        self.add_advanced([method_parameter(self.METHOD, tr("Progress method to show")), self.area_parameter()])
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Portal folder")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):
        report = self.read_report(parameters, context, feedback)
        results, progress = report.results, report.progress
        languages = ("en", "zh") if report.language == "both" else (report.language,)
        area_id, area_name = self.report_area(parameters, context, results)
        results = results[(results["area_id"] == area_id) | (results["area_level"] != "total")]  # no other areas
        try:
            vendor = vendor_files()
        except PortalError as err:
            raise QgsProcessingException(str(err)) from err
        with store_errors():
            tables = {key: report.store.read(table, method=report.method) for key, table in (
                ("goals", "sdg_goal_rollup"), ("groups", "sdg_group_rollup"), ("headline", "sdg_headline"))}
        zones = self._zones(parameters, context, results, feedback)
        feedback.setProgress(20)
        catalog, profile = load_catalog(), load_profile()
        local = {indicator.code: indicator for indicator in profile if indicator.is_local}
        labels = {lang: report_labels(lang, {**LABELS, **PORTAL_LABELS}) for lang in languages}
        title = self.parameterAsString(parameters, self.TITLE, context).strip()
        names = dict(zip(results["area_id"].astype(str), results["area_name"].fillna("").astype(str)))
        goals = [GoalSummary(g.number, {"en": g.short_en, "zh": g.short_zh}, {"en": g.title_en, "zh": g.title_zh},
                             g.colour) for g in catalog.goals()]

        goal_of = goal_lookup(profile)

        def meta_of(code: str, rows: pd.DataFrame) -> IndicatorMeta:
            try:
                target = catalog.target_of(code)
            except (KeyError, ValueError):
                target = ""
            latest = rows.sort_values("year").iloc[-1]
            return IndicatorMeta(code, goal_of(code), target,
                                 {lang: indicator_name(catalog, local.get(code), code, lang) or code
                                  for lang in ("en", "zh")},
                                 _text(latest["unit"]), _text(latest["method"]), _source(latest["source"]))

        site, open_sdg, metas = build(
            results, progress, tables, area_id, goals, meta_of,
            title={lang: title or labels[lang]["site_title"] for lang in languages}, area_name=area_name,
            languages=languages, labels=labels,
            zone_names={area: names.get(area, "") or area for area in (zones or {})},
            has_zones=zones is not None, produced=datetime.date.today().isoformat())
        feedback.setProgress(60)
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled before the portal was written."))
        folder = Path(self.parameterAsString(parameters, self.OUTPUT, context))
        geojson = {"type": "FeatureCollection", "features": list(zones.values())} if zones else None
        try:
            write_site(folder, site, open_sdg, metas, geojson, vendor)
        except (PortalError, OSError) as err:
            raise QgsProcessingException(tr("Could not write the portal {}: {}").format(folder, err)) from err
        count = len(languages) * (1 + len(site.goals) + len(site.indicators))
        feedback.pushInfo(tr("Portal written: {} ({} pages).").format(folder / "index.html", count))
        return {self.OUTPUT: str(folder), self.PAGES: count}

    def _zones(self, parameters, context, results: pd.DataFrame, feedback) -> dict[str, dict] | None:
        """The zones as GeoJSON features in WGS 84 by area id: the ZONES input, else the zones the store's runs
        recorded; None (no maps) when there are none."""
        zone_set = self.read_zones(parameters, context, name_field="")
        id_field = self.parameterAsString(parameters, self.ZONE_ID_FIELD, context)
        if zone_set is None:
            path, id_field = recorded_zones(results)
            if not path:
                feedback.pushInfo(tr("No zones given and none recorded in the store: the portal has no maps."))
                return None
            _check_recorded(path, id_field)
            zone_set = self.read_zones({**parameters, self.ZONES: path, self.ZONE_ID_FIELD: id_field}, context,
                                       name_field="")
        zones = zones_from_features((zone.feature for zone in zone_set.zones), id_field, zone_set.crs, {})
        transform = QgsCoordinateTransform(zones.crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                           context.transformContext())
        stored = set(results["area_id"].astype(str))
        features = {}
        for area, geometry in zones.geometries.items():
            geometry.transform(transform)
            features[area] = {"type": "Feature", "properties": {"id": area},
                              "geometry": json.loads(geometry.asJson(5))}
        if not stored & set(features):
            raise QgsProcessingException(tr("No zone id in field '{}' matches an area id of the store: give the "
                                            "zone id field the indicators used.").format(id_field or "fid"))
        return features


def _check_recorded(path: str, id_field: str) -> None:
    """Refuse a recorded zones layer that no longer opens or lacks its id field (the layer is released here,
    before the zones are read)."""
    layer = QgsVectorLayer(path, "zones", "ogr")
    valid, has_field = layer.isValid(), not id_field or layer.fields().indexOf(id_field) >= 0
    del layer
    if not valid:
        raise QgsProcessingException(tr(
            "The zones layer recorded in the store, {}, cannot be opened (moved or deleted?): give the "
            "zones as ZONES.").format(path))
    if not has_field:
        raise QgsProcessingException(tr("The zones layer {} has no field '{}' (recorded in the store as "
                                        "the zone id): give ZONES and ZONE_ID_FIELD.").format(path, id_field))


def recorded_zones(results: pd.DataFrame) -> tuple[str, str]:
    """The zones layer and id field of the store's latest run that recorded them (``("", "")`` if none)."""
    for text in results.sort_values("computed_at", ascending=False)["parameters"].dropna():
        try:
            recorded = json.loads(text) if isinstance(text, str) else text
        except ValueError:
            continue
        if isinstance(recorded, dict) and recorded.get("ZONES"):
            return str(recorded["ZONES"]), str(recorded.get("ZONE_ID_FIELD") or "")
    return "", ""


def _text(value) -> str:
    return "" if value is None or value != value else str(value)


def _source(value) -> str:
    """A source as the public sees it: a file path is shown by its file name only (no local folders)."""
    text = _text(value)
    return "; ".join(re.split(r"[\\/]", part)[-1] for part in text.split("; "))
