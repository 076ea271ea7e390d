"""Write the sample county's QGIS project (styled, Chinese + English layer names) and render its overview map.

Usage: ``/usr/bin/python3 data/sample/make_project.py [--out DIR] [--png FILE]``. The project
``DIR/sample_county.qgz`` (default ``data/sample/out``) uses relative paths; ``--png`` also exports the overview
map through a print layout (title, legend, scale bar, north arrow), as shown in the README.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLineSymbol,
    QgsMapLayerLegendUtils,
    QgsMarkerSymbol,
    QgsPalettedRasterRenderer,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsRendererCategory,
    QgsSimpleLegendNode,
    QgsSingleBandPseudoColorRenderer,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

HERE = Path(__file__).resolve().parent
FONT = "WenQuanYi Micro Hei"
LANDCOVER_NAMES = {10: "耕地 Cultivated land", 20: "林地 Forest", 30: "草地 Grassland", 40: "灌木地 Shrubland",
                   50: "湿地 Wetland", 60: "水体 Water bodies", 80: "人造地表 Artificial surfaces",
                   90: "裸地 Bare land"}
ROAD_STYLES = {"motorway": ("#e8542a", 1.1), "primary": ("#f08a24", 0.8), "secondary": ("#f4b942", 0.6),
               "tertiary": ("#9a9a9a", 0.4), "residential": ("#c8c8c8", 0.2), "track": ("#b8a27a", 0.2)}


def vector(folder: Path, layer: str, name: str, subset: str = "") -> QgsVectorLayer:
    """A layer of the sample GeoPackage; a subset goes into the URI (QGIS 3.22's setSubsetString on a GeoPackage
    layer breaks the file's shared connection for the layers opened after it)."""
    uri = f"{folder / 'sample_county.gpkg'}|layername={layer}" + (f"|subset={subset}" if subset else "")
    result = QgsVectorLayer(uri, name, "ogr")
    if not result.isValid():
        raise SystemExit(f"cannot open layer {layer} in {folder}: run data/sample/generate.py first")
    return result


def outline(layer: QgsVectorLayer, colour: str, width: float, fill: str = "transparent") -> QgsVectorLayer:
    layer.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": fill, "outline_color": colour, "outline_width": str(width)}))
    return layer


def points(layer: QgsVectorLayer, colour: str, shape: str, size: float) -> QgsVectorLayer:
    layer.renderer().setSymbol(QgsMarkerSymbol.createSimple(
        {"name": shape, "color": colour, "outline_color": "white", "size": str(size)}))
    return layer


def label(layer: QgsVectorLayer, field: str, size: float) -> QgsVectorLayer:
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    text = QgsTextFormat()
    text.setFont(QFont(FONT))
    text.setSize(size)
    text.buffer().setEnabled(True)
    text.buffer().setSize(0.8)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def pseudocolor(layer: QgsRasterLayer, stops: list[tuple[float, str]]) -> QgsRasterLayer:
    ramp = QgsColorRampShader()
    ramp.setColorRampType(QgsColorRampShader.Type.Interpolated)
    ramp.setColorRampItemList([QgsColorRampShader.ColorRampItem(v, QColor(c), f"{v:g}") for v, c in stops])
    ramp.setMinimumValue(stops[0][0])
    ramp.setMaximumValue(stops[-1][0])
    shader = QgsRasterShader(stops[0][0], stops[-1][0])
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(stops[0][0])
    renderer.setClassificationMax(stops[-1][0])
    layer.setRenderer(renderer)
    return layer


def landcover_layer(path: Path, name: str) -> QgsRasterLayer:
    """Land cover with GlobeLand30 class names and the file's own colours (only the classes used)."""
    layer = QgsRasterLayer(str(path), name)
    table = layer.renderer().classes() if isinstance(layer.renderer(), QgsPalettedRasterRenderer) else []
    colours = {int(c.value): c.color for c in table}
    classes = [QgsPalettedRasterRenderer.Class(code, colours.get(code, QColor("#808080")), label)
               for code, label in LANDCOVER_NAMES.items()]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
    return layer


def build_project(folder: Path) -> QgsProject:
    """All sample layers, styled, in a project saved as ``sample_county.qgz`` beside them."""
    project = QgsProject.instance()
    project.clear()
    project.setTitle("德清县样例 Deqing-like sample county (synthetic)")
    roads = vector(folder, "roads", "道路 Roads")
    roads.setRenderer(QgsCategorizedSymbolRenderer("class", [
        QgsRendererCategory(cls, QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width)}), cls)
        for cls, (colour, width) in ROAD_STYLES.items()]))
    water = outline(vector(folder, "water_bodies", "水体 Water bodies", '"year" = 2020'), "#2b7bb9", 0.2, "#9ecae1")
    vectors = [
        water,
        outline(vector(folder, "protected_areas", "自然保护地 Protected areas"), "#1b7837", 0.5, "#1b783733"),
        outline(vector(folder, "key_biodiversity_areas", "重要生物多样性区域 KBAs"), "#762a83", 0.5),
        outline(vector(folder, "open_spaces", "公园广场 Parks and squares"), "#4daf4a", 0.2, "#a6d96a"),
        outline(vector(folder, "buildings", "建筑 Buildings"), "#636363", 0.05, "#bdbdbd"),
        roads,
        points(vector(folder, "bus_stops", "公交站 Bus stops"), "#377eb8", "circle", 1.2),
        points(vector(folder, "rail_stations", "火车站 Rail stations"), "#e41a1c", "square", 3.0),
        points(vector(folder, "health_facilities", "医疗机构 Health facilities"), "#e7298a", "cross_fill", 2.2),
        points(vector(folder, "schools", "学校 Schools"), "#ff7f00", "triangle", 2.2),
        outline(vector(folder, "villages", "村 Villages"), "#737373", 0.15),
        label(outline(vector(folder, "townships", "乡镇 Townships"), "#252525", 0.6), "name_zh", 9),
        outline(vector(folder, "county", "县界 County"), "#000000", 1.2),
    ]
    landcover = landcover_layer(folder / "landcover_2020_10m.tif", "土地覆盖 2020 Land cover")
    rasters = [
        landcover,
        landcover_layer(folder / "landcover_2015_10m.tif", "土地覆盖 2015 Land cover"),
        pseudocolor(QgsRasterLayer(str(folder / "dem_30m.tif"), "高程 Elevation (m)"),
                    [(0, "#f7fcb9"), (100, "#addd8e"), (300, "#31a354"), (700, "#8c510a")]),
        pseudocolor(QgsRasterLayer(str(folder / "population_2020_100m.tif"), "人口 2020 Population per ha"),
                    [(0, "#ffffcc"), (5, "#fd8d3c"), (50, "#e31a1c"), (200, "#800026")]),
        pseudocolor(QgsRasterLayer(str(folder / "pm25_2020_1km.tif"), "细颗粒物 PM2.5 2020 (µg/m³)"),
                    [(25, "#1a9850"), (35, "#fee08b"), (45, "#d73027")]),
    ]
    project.setCrs(landcover.crs())
    for layer in [*reversed(vectors), *rasters]:  # top of the layer tree first
        project.addMapLayer(layer, False)
        project.layerTreeRoot().addLayer(layer)
    hidden = {"土地覆盖 2015 Land cover", "高程 Elevation (m)", "人口 2020 Population per ha",
              "细颗粒物 PM2.5 2020 (µg/m³)", "建筑 Buildings", "公交站 Bus stops", "村 Villages"}
    for node in project.layerTreeRoot().findLayers():
        node.setItemVisibilityChecked(node.layer().name() not in hidden)
    county = vectors[-1]
    extent = QgsRectangle(county.extent())
    extent.scale(1.05)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, county.crs()))
    project.writeEntryBool("Paths", "/Absolute", False)
    project.setFileName(str(folder / "sample_county.qgz"))
    # The dock opens the demo's results store with the project (the same entry the dock itself saves).
    project.writeEntry("SdgMonitor", "/results_store", project.writePath(str(folder / "results.gpkg")))
    project.write()
    return project


def _without_band_title(model, node) -> None:
    """A raster's legend without its "Band 1: ..." line (the classes say what the colours are; the line is
    wider than the legend's column)."""
    nodes = model.layerLegendNodes(node)
    keep = [i for i, item in enumerate(nodes) if not isinstance(item, QgsSimpleLegendNode)]
    if len(keep) < len(nodes):
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, keep)
        model.refreshLayerLegend(node)


def export_map(project: QgsProject, png: Path) -> Path:
    """The overview map through a print layout: map, title, legend, scale bar and north arrow."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Landscape)
    visible = [n.layer() for n in project.layerTreeRoot().findLayers() if n.isVisible()]
    county = next(layer for layer in visible if layer.name().startswith("县界"))
    item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item)
    item.attemptResize(QgsLayoutSize(205, 187, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    extent = QgsRectangle(county.extent())
    extent.scale(1.05)
    item.zoomToExtent(extent)
    item.attemptMove(QgsLayoutPoint(5, 18, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    item.setLayers(visible)
    item.setFrameEnabled(True)
    title = QgsLayoutItemLabel(layout)
    title.setText("德清县样例数据 · Deqing-like sample county (synthetic), 2020")
    title.setFont(QFont(FONT, 16))
    title.attemptMove(QgsLayoutPoint(5, 4, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    title.attemptResize(QgsLayoutSize(287, 12, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(title)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    for node in root.findLayers():
        if not node.isVisible():
            node.parent().removeChildNode(node)
        elif isinstance(node.layer(), QgsRasterLayer):
            _without_band_title(legend.model(), node)
    legend.setTitle("图例 Legend")
    legend.attemptMove(QgsLayoutPoint(213, 18, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(legend)
    scale = QgsLayoutItemScaleBar(layout)
    scale.setStyle("Single Box")
    scale.setLinkedMap(item)
    scale.applyDefaultSize()
    scale.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    scale.setNumberOfSegments(4)
    scale.setUnitsPerSegment(2.5)
    scale.setUnitLabel("km")
    scale.attemptMove(QgsLayoutPoint(10, 190, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(scale)
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(next(str(Path(folder) / "arrows" / "NorthArrow_02.svg") for folder in QgsApplication.svgPaths()
                              if (Path(folder) / "arrows" / "NorthArrow_02.svg").exists()))
    layout.addLayoutItem(arrow)
    arrow.attemptResize(QgsLayoutSize(12, 12, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    arrow.attemptMove(QgsLayoutPoint(195, 21, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 110
    settings.imageSize = QSize()
    png.parent.mkdir(parents=True, exist_ok=True)
    result = QgsLayoutExporter(layout).exportToImage(str(png), settings)
    if result != QgsLayoutExporter.Success:
        raise SystemExit(f"map export failed ({result})")
    return png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--png", type=Path)
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    project = build_project(args.out.resolve())
    print(f"project written: {args.out.resolve() / 'sample_county.qgz'}")
    if args.png:
        print(f"map written: {export_map(project, args.png.resolve())}")
    project.clear()
    app.exitQgis()


if __name__ == "__main__":
    main()
