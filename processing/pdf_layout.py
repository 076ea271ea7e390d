"""The PDF report's print layout: a template (cover page + goal page) filled from a :class:`ReportContent`.

The template (``.qpt``, editable in the Layout Designer) has two pages. Page 1 is the cover, page 2 the goal page,
repeated for every goal. Labels show expression variables that this module sets (``@sdg_report_title``,
``@sdg_area_name``, ``@sdg_goal_title`` ...). Items found by id: ``goals_table`` and ``indicator_table`` (shapes
marking where the tables go), ``goal_band`` (filled with the goal's colour), ``map``, ``legend``, ``scalebar``,
``north_arrow`` (removed on a page without a map). Any other item is copied as it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from qgis.core import (
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayerTree,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemShape,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsSingleSymbolRenderer,
    QgsStyle,
    QgsTableCell,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF
from qgis.PyQt.QtXml import QDomDocument

from ..compat import new_field
from ..core.numbers import is_missing
from ..core.report_layout import GoalPage, MapSpec, ReportContent, format_number, shorten
from ..core.vocabulary import STATUS, score_status_colour
from .styling import quantile_renderer

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "layouts" / "sdg_report.qpt"
FONT = "DejaVu Sans"
HEADER_BACKGROUND = "#37474F"
STRIPE = "#F5F7F8"
MAP_ITEMS = ("map", "legend", "scalebar", "north_arrow")
#: Columns of the goal page's table and their widths in mm at the default template's table width (scaled to the
#: template's); the indicator column shows at most INDICATOR_LIMIT characters.
PAGE_TABLE = (("indicator", 64), ("value", 15), ("unit", 28), ("year", 9), ("target", 17), ("status", 26))
INDICATOR_LIMIT = 48
CELL_MARGIN = 1.0
COVER_TABLE_NAME_LIMIT = 60
#: Labels shrink no further to fit their frame.
MIN_LABEL_POINTS = 5.0
FIT_MARGIN = 0.95


class TemplateError(ValueError):
    """A layout template that cannot be used, with the reason."""


@dataclass
class Zones:
    """The zones to map: geometries and names by area id, in ``crs``."""

    crs: object
    geometries: dict[str, QgsGeometry]
    names: dict[str, str]


class ReportLayout:
    """Builds the report's print layout; keep the instance alive until the layout is exported (it owns the
    project that holds the map layers)."""

    def __init__(self, template: Path, labels: Mapping[str, str], goal_names: Mapping[int, str],
                 goal_colours: Mapping[int, str]) -> None:
        self.template = Path(template)
        self.labels = labels
        self.goal_names = goal_names
        self.goal_colours = goal_colours
        self.project = QgsProject()
        self.layout = QgsPrintLayout(self.project)
        self._legend_roots: list[QgsLayerTree] = []
        self._goal_page_positions: list[QgsLayoutPoint] = []

    def build(self, content: ReportContent, zones: Zones | None, variables: Mapping[str, str]) -> QgsPrintLayout:
        """Cover and a page per goal of ``content``; ``variables`` are extra layout variables (title, note)."""
        page_items = self._load_template()
        for name, value in {**variables, **self._cover_variables(content)}.items():
            QgsExpressionContextUtils.setLayoutVariable(self.layout, name, value)
        self._cover_table(self._take_placeholder(0, "goals_table"), content)
        if not content.pages:
            self.layout.pageCollection().deletePage(1)
        for number, page in enumerate(content.pages, start=1):
            if number > 1:
                self._add_goal_page(page_items)
            self._goal_page(self.layout.pageCollection().pageCount() - 1, page, zones)
        fit_labels(self.layout)
        return self.layout

    # --- template -------------------------------------------------------------------------------------------
    def _load_template(self) -> QDomDocument:
        """Load the template; return its goal page's items as XML for the following goal pages."""
        document = QDomDocument()
        try:
            text = self.template.read_text(encoding="utf-8")
        except OSError as err:
            raise TemplateError(f"Cannot read the layout template {self.template}: {err.strerror}.") from err
        if not document.setContent(text)[0]:
            raise TemplateError(f"The layout template {self.template} is not a QGIS layout template (.qpt).")
        _, ok = self.layout.loadFromTemplate(document, QgsReadWriteContext())
        if not ok or self.layout.pageCollection().pageCount() != 2:
            raise TemplateError(f"The layout template {self.template} must have two pages: the cover and the "
                                "goal page.")
        items = QDomDocument()
        root = items.createElement("Items")
        items.appendChild(root)
        self._goal_page_positions = []
        for item in self._items(1):
            item.writeXml(root, items, QgsReadWriteContext())
            self._goal_page_positions.append(item.pagePositionWithUnits())
        return items

    def _add_goal_page(self, page_items: QDomDocument) -> None:
        template_page = self.layout.pageCollection().page(1)
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(template_page.pageSize())
        self.layout.pageCollection().addPage(page)
        added = self.layout.addItemsFromXml(page_items.documentElement(), page_items, QgsReadWriteContext())
        number = self.layout.pageCollection().pageCount() - 1
        for item, position in zip(added, self._goal_page_positions):
            item.attemptMove(position, page=number)

    def _items(self, page: int, item_id: str | None = None) -> list[QgsLayoutItem]:
        return [item for item in self.layout.items() if isinstance(item, QgsLayoutItem)
                and not isinstance(item, (QgsLayoutItemPage, QgsLayoutFrame)) and item.page() == page
                and (item_id is None or item.id() == item_id)]

    def _item(self, page: int, item_id: str) -> QgsLayoutItem | None:
        found = self._items(page, item_id)
        return found[0] if found else None

    def _take_placeholder(self, page: int, item_id: str) -> QRectF:
        """The rectangle of a placeholder item (then removed)."""
        item = self._item(page, item_id)
        if item is None:
            raise TemplateError(f"The layout template {self.template} has no item '{item_id}' on page {page + 1}.")
        rect = QRectF(item.pos(), item.rect().size())
        self.layout.removeLayoutItem(item)
        return rect

    # --- cover ----------------------------------------------------------------------------------------------
    def _cover_variables(self, content: ReportContent) -> dict[str, str]:
        labels = self.labels
        return {
            "sdg_area_name": content.area_name or content.area_id,
            "sdg_measured": str(content.headline["measured"]),
            "sdg_with_target": str(content.headline["with_target"]),
            "sdg_met_or_nearly_met": str(content.headline["met_or_nearly_met"]),
            "sdg_label_measured": labels["measured_long"],
            "sdg_label_with_target": labels["with_target_long"],
            "sdg_label_met_or_nearly_met": labels["met_long"],
            "sdg_label_goals": labels["goals"],
        }

    def _cover_table(self, rect: QRectF, content: ReportContent) -> None:
        labels = self.labels
        statuses = list(STATUS)
        header = [labels["goal"], labels["name"], labels["measured"], labels["with_target"],
                  labels["met_or_nearly_met"], *[labels[s] for s in statuses], labels["mean_score"]]
        rows = [[_cell(text, bold=True, background=STATUS[key].colour if key in STATUS else HEADER_BACKGROUND,
                       colour=STATUS[key].text_colour if key in STATUS else "#FFFFFF",
                       align=Qt.AlignmentFlag.AlignLeft if i == 1 else Qt.AlignmentFlag.AlignHCenter)
                 for i, (key, text) in enumerate(zip(["goal", "name", "", "", "", *statuses, ""], header))]]
        for record in content.goals.to_dict("records"):
            goal = int(record["goal"])
            row = [_cell(str(goal), bold=True, background=self.goal_colours.get(goal, HEADER_BACKGROUND),
                         colour="#FFFFFF", align=Qt.AlignmentFlag.AlignHCenter),
                   _cell(shorten(record["name"], COVER_TABLE_NAME_LIMIT))]
            row += [_cell(str(record[key]), align=Qt.AlignmentFlag.AlignHCenter)
                    for key in ("measured", "with_target", "met_or_nearly_met")]
            row += [_cell(str(record[s]) if record[s] else "", align=Qt.AlignmentFlag.AlignHCenter,
                          background=_tint(STATUS[s].colour) if record[s] else None) for s in statuses]
            score = record["mean_score"]
            row.append(_cell("" if score is None else f"{score:+.2f}", bold=True, align=Qt.AlignmentFlag.AlignHCenter,
                             background=None if score is None else _tint(score_status_colour(score))))
            rows.append(row)
        fixed = [11, 0, 16, 16, 20, *[18] * len(statuses), 15]
        name_width = rect.width() - sum(fixed)
        widths = [name_width if width == 0 else width for width in fixed]
        self._table(rect, rows, widths, header=None)

    # --- goal pages -----------------------------------------------------------------------------------------
    def _goal_page(self, page: int, content: GoalPage, zones: Zones | None) -> None:
        labels, summary = self.labels, content.summary
        score = summary.get("mean_score")
        parts = [f"{summary['measured']} {labels['measured_long'].lower()}",
                 f"{summary['with_target']} {labels['with_target_long'].lower()}",
                 f"{summary['met_or_nearly_met']} {labels['met_long'].lower()}"]
        if score is not None:
            parts.append(f"{labels['mean_score'].lower()} {score:+.2f}")
        band = self._item(page, "goal_band")
        if isinstance(band, QgsLayoutItemShape):
            symbol = band.symbol().clone()
            symbol.setColor(QColor(self.goal_colours.get(content.goal, HEADER_BACKGROUND)))
            band.setSymbol(symbol)
        mapped = content.map is not None and zones is not None and self._map(page, content.map, zones)
        if not mapped:
            for item_id in MAP_ITEMS:
                for item in self._items(page, item_id):
                    self.layout.removeLayoutItem(item)
        variables = {
            "sdg_goal": str(content.goal),
            "sdg_goal_title": f"SDG {content.goal} · {self.goal_names.get(content.goal, '')}",
            "sdg_goal_summary": " · ".join(parts),
            "sdg_map_title": _map_title(content.map, labels) if mapped else labels["no_map"],
        }
        for item in self._items(page):
            for name, value in variables.items():
                QgsExpressionContextUtils.setLayoutItemVariable(item, name, value)
        self._indicator_table(self._take_placeholder(page, "indicator_table"), content)

    def _map(self, page: int, spec: MapSpec, zones: Zones) -> bool:
        """Map ``spec`` on the page's map item; False when no zone has a value or the template has no map."""
        map_item = self._item(page, "map")
        mapped = {area: value for area, value in spec.values.items() if area in zones.geometries}
        if not isinstance(map_item, QgsLayoutItemMap) or not mapped:
            return False
        base = _zone_layer(zones, {}, self.labels["no_value"])
        base.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "#ECEFF1", "outline_color": "#90A4AE", "outline_width": "0.2"})))
        values = _zone_layer(zones, mapped, f"{spec.indicator} ({spec.unit})" if spec.unit else spec.indicator)
        outline = QgsFillSymbol.createSimple({"outline_color": "#FFFFFF", "outline_width": "0.3"})
        values.setRenderer(quantile_renderer(list(mapped.values()), "value", outline,
                                             QgsStyle.defaultStyle().colorRamp("YlGnBu")))
        values.setLabeling(_name_labels())
        values.setLabelsEnabled(True)
        self.project.addMapLayers([base, values], False)
        map_item.setCrs(zones.crs)
        map_item.setLayers([values, base])
        extent = values.extent()
        for geometry in zones.geometries.values():
            extent.combineExtentWith(geometry.boundingBox())
        map_item.zoomToExtent(extent.buffered(max(extent.width(), extent.height()) * 0.04))
        legend = self._item(page, "legend")
        if isinstance(legend, QgsLayoutItemLegend):
            root = QgsLayerTree()
            root.addLayer(values)
            if len(mapped) < len(zones.geometries):
                root.addLayer(base)
            self._legend_roots.append(root)
            legend.setAutoUpdateModel(False)
            legend.model().setRootGroup(root)
            legend.setLinkedMap(map_item)
            legend.setTitle("")
        scalebar = self._item(page, "scalebar")
        if scalebar is not None:
            scalebar.setLinkedMap(map_item)
            scalebar.applyDefaultSize(scalebar.units())
        return True

    def _indicator_table(self, rect: QRectF, content: GoalPage) -> None:
        labels = self.labels
        scale = rect.width() / sum(width for _, width in PAGE_TABLE)
        headers = [labels[key] for key, _ in PAGE_TABLE]
        rows = []
        for record in content.indicators.to_dict("records"):
            status = record["status"] if isinstance(record["status"], str) else ""
            code = record["indicator"] + (f" · {record['series']}" if record["series"] else "")
            target = format_number(record["target"])
            if target and not is_missing(record["target_year"]):
                target = f"{target} ({int(record['target_year'])})"
            rows.append([
                _cell(f"{code}  {shorten(record['name'], max(8, INDICATOR_LIMIT - len(code)))}".rstrip()),
                _cell(format_number(record["value"]), align=Qt.AlignmentFlag.AlignRight),
                _cell(labels.get(f"unit:{record['unit']}", str(record["unit"] or ""))),
                _cell("" if is_missing(record["year"]) else str(int(record["year"])),
                      align=Qt.AlignmentFlag.AlignHCenter),
                _cell(target, align=Qt.AlignmentFlag.AlignRight),
                _cell(labels.get(status, ""), background=_tint(STATUS[status].colour) if status in STATUS
                      else None),
            ])
        self._table(rect, rows, [width * scale for _, width in PAGE_TABLE], header=headers)

    # --- tables ---------------------------------------------------------------------------------------------
    def _table(self, rect: QRectF, rows: list[list[QgsTableCell]], widths: list[float],
               header: list[str] | None) -> None:
        """A manual table in ``rect``: with ``header``, a repeated header row; rows that do not fit go on to
        frames on the following pages."""
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        table.setContentTextFormat(_text_format(6.5))
        table.setHeaderTextFormat(_text_format(6.5, bold=True, colour="#FFFFFF"))
        table.setCellMargin(CELL_MARGIN)
        table.setGridStrokeWidth(0.15)
        table.setGridColor(QColor("#CFD8DC"))
        table.setVerticalGrid(False)
        table.setWrapBehavior(QgsLayoutTable.WrapText)
        stripe = QgsLayoutTableStyle()
        stripe.enabled = True
        stripe.cellBackgroundColor = QColor(STRIPE)
        table.setCellStyle(QgsLayoutTable.EvenRows, stripe)
        if header is not None:
            heading = QgsLayoutTableStyle()
            heading.enabled = True
            heading.cellBackgroundColor = QColor(HEADER_BACKGROUND)
            table.setCellStyle(QgsLayoutTable.HeaderRow, heading)
            table.setHeaders([QgsLayoutTableColumn(text) for text in header])
            table.setIncludeTableHeader(True)
            table.setHeaderMode(QgsLayoutTable.AllFrames)
            table.setHeaderHAlignment(QgsLayoutTable.FollowColumn)
        else:
            table.setIncludeTableHeader(False)
        table.setColumnWidths([width - 2 * CELL_MARGIN - 0.15 for width in widths])
        table.setTableContents(rows)
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptSetSceneRect(rect)
        table.addFrame(frame)
        table.setResizeMode(QgsLayoutMultiFrame.ExtendToNextPage)
        table.recalculateFrameSizes()


def label_font(label: QgsLayoutItemLabel) -> QFont:
    """The label's font (QGIS 3.24+ keeps it in a text format)."""
    return label.textFormat().toQFont() if hasattr(label, "textFormat") else label.font()


def set_label_size(label: QgsLayoutItemLabel, points: float) -> None:
    if hasattr(label, "textFormat"):
        text = label.textFormat()
        text.setSize(points)
        text.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
        label.setTextFormat(text)
    else:
        font = label.font()
        font.setPointSizeF(points)
        label.setFont(font)


def text_fits(text: str, font: QFont, points: float, width_mm: float, height_mm: float) -> bool:
    """Whether ``text`` wrapped at word boundaries in ``font`` at ``points`` fits ``width_mm`` × ``height_mm``
    with a margin of :data:`FIT_MARGIN` for the rounding of other resolutions (measured in tenths of a point,
    so the screen's resolution plays no part)."""
    scaled = QFont(font)
    scaled.setPixelSize(max(1, round(points * 10)))
    px_per_mm = 10 * 72 / 25.4
    metrics = QFontMetricsF(scaled)
    width, height = width_mm * px_per_mm * FIT_MARGIN, height_mm * px_per_mm * FIT_MARGIN
    bounds = metrics.boundingRect(QRectF(0, 0, width, 1e7), int(Qt.TextFlag.TextWordWrap), text)
    return bounds.width() <= width + 0.5 and bounds.height() <= height + 0.5


def fit_labels(layout: QgsPrintLayout, smallest: float = MIN_LABEL_POINTS) -> None:
    """Shrink every label whose text does not fit its frame (titles wrap at word boundaries, then shrink in
    quarter points down to ``smallest``)."""
    for label in layout.items():
        if not isinstance(label, QgsLayoutItemLabel) or label.mode() != QgsLayoutItemLabel.ModeFont:
            continue
        text, font = label.currentText(), label_font(label)
        width = label.rect().width() - 2 * label.marginX()
        height = label.rect().height() - 2 * label.marginY()
        points = label.textFormat().size() if hasattr(label, "textFormat") else font.pointSizeF()
        fitted = points
        while fitted > smallest and not text_fits(text, font, fitted, width, height):
            fitted -= 0.25
        if fitted < points:
            set_label_size(label, fitted)


def zones_from_features(features, id_field: str, crs, names: Mapping[str, str]) -> Zones:
    """:class:`Zones` from zone features: area id from ``id_field`` (default: feature id)."""
    geometries = {}
    for feature in features:
        area = feature[id_field] if id_field else feature.id()
        if area is not None and feature.hasGeometry():
            geometries[str(area)] = QgsGeometry(feature.geometry())
    return Zones(crs, geometries, {area: names.get(area, area) for area in geometries})


def _zone_layer(zones: Zones, values: Mapping[str, float], name: str) -> QgsVectorLayer:
    """A memory layer of the zones (those in ``values`` only, when given) with ``area_id``, ``name``, ``value``."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={zones.crs.authid() or 'EPSG:4326'}", name, "memory")
    if not zones.crs.authid():
        layer.setCrs(zones.crs)
    layer.dataProvider().addAttributes([new_field("area_id", "string"), new_field("name", "string"),
                                        new_field("value", "double")])
    layer.updateFields()
    features = []
    for area, geometry in zones.geometries.items():
        if values and area not in values:
            continue
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([area, zones.names.get(area, area), values.get(area)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _name_labels() -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = "name"
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.6)
    buffer.setColor(QColor("#FFFFFF"))
    text = _text_format(6)
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def _map_title(spec: MapSpec, labels: Mapping[str, str]) -> str:
    code = spec.indicator + (f" · {spec.series}" if spec.series else "")
    unit = f" ({labels.get(f'unit:{spec.unit}', spec.unit)})" if spec.unit else ""
    return labels["map_title"].format(indicator=f"{code} {shorten(spec.name, 60)}".strip(), year=spec.year) + unit


def _cell(text: str, bold: bool = False, background: str | None = None, colour: str = "#263238",
          align=Qt.AlignmentFlag.AlignLeft) -> QgsTableCell:
    cell = QgsTableCell(text)
    cell.setTextFormat(_text_format(6.5, bold=bold, colour=colour))
    cell.setHorizontalAlignment(align)
    cell.setVerticalAlignment(Qt.AlignmentFlag.AlignVCenter)
    if background:
        cell.setBackgroundColor(QColor(background))
    return cell


def _text_format(size: float, bold: bool = False, colour: str = "#263238") -> QgsTextFormat:
    font = QFont(FONT)
    font.setBold(bold)
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(colour))
    return text


def _tint(hex_colour: str, strength: float = 0.45) -> str:
    """A light tint of a status colour (text stays readable on it)."""
    colour = QColor(hex_colour)
    mix = [round(255 - (255 - c) * strength) for c in (colour.red(), colour.green(), colour.blue())]
    return QColor(*mix).name()
