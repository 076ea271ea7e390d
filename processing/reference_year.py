"""The reference year of an algorithm's inputs when YEAR is left empty: never the current year silently.

Looked up, for each input layer (the zones excluded), in this order: the layer's metadata (its temporal extent),
the raster's GDAL metadata (``YEAR``, ``TIFFTAG_DATETIME`` "YYYY:MM:DD ..."), then a year in the layer's name or
file name (``landcover_2020_10m.tif``). Inputs that give different years, or none, stop the algorithm and ask
for YEAR. In the algorithm dialog YEAR is filled in the same way as the layers are picked (:mod:`.year_widget`).
"""
from __future__ import annotations

import os
import re

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsRasterLayer,
)

from ..translation import tr

#: A year 1900-2100 standing alone in a text (not part of a longer number).
YEAR_IN_TEXT = re.compile(r"(?<!\d)(19\d\d|20\d\d|2100)(?!\d)")
_GDAL_ITEMS = ("YEAR", "TIFFTAG_DATETIME", "ACQUISITION_DATE", "DATE")
#: YEAR's metadata key listing the input layers that do not give the year (the zones).
YEAR_EXCLUDES = "sdg_year_excludes"
_LAYER_PARAMETERS = (QgsProcessingParameterRasterLayer, QgsProcessingParameterFeatureSource,
                     QgsProcessingParameterVectorLayer, QgsProcessingParameterMultipleLayers)


def year_in_text(text: str) -> int | None:
    """The first year 1900-2100 standing alone in ``text``."""
    match = YEAR_IN_TEXT.search(text or "")
    return int(match.group(1)) if match else None


def layer_year(layer) -> tuple[int, str] | None:
    """(year, where it was read) for one layer, or None."""
    for extent in layer.metadata().extent().temporalExtents():
        if extent.begin().isValid():
            return extent.begin().date().year(), tr("its metadata")
    if isinstance(layer, QgsRasterLayer):
        year = _gdal_year(layer.source())
        if year is not None:
            return year, tr("its GDAL metadata")
    for text, where in ((layer.name(), tr("its name")), (os.path.basename(layer.source().split("|")[0]),
                                                          tr("its file name"))):
        year = year_in_text(text)
        if year is not None:
            return year, where
    return None


def _gdal_year(source: str) -> int | None:
    from osgeo import gdal

    dataset = gdal.OpenEx(source, gdal.OF_RASTER) if os.path.exists(source) else None
    if dataset is None:
        return None
    items = dataset.GetMetadata() or {}
    for key in _GDAL_ITEMS:
        year = year_in_text(str(items.get(key, ""))[:10])
        if year is not None:
            return year
    return None


def year_parameter(name: str, description: str, exclude: tuple[str, ...] = ()) -> QgsProcessingParameterNumber:
    """The optional reference year 1900-2100. Left empty it is read from the input layers except ``exclude``
    (:func:`reference_year`); in the algorithm dialog it is filled in as the layers are picked
    (:mod:`.year_widget`, named by the ``widget_wrapper`` metadata the dialog reads)."""
    parameter = QgsProcessingParameterNumber(name, description, QgsProcessingParameterNumber.Type.Integer,
                                             optional=True, minValue=1900, maxValue=2100)
    parameter.setMetadata({"widget_wrapper": {"class": f"{__package__}.year_widget.YearWidgetWrapper"},
                           YEAR_EXCLUDES: list(exclude)})
    return parameter


def input_layer_parameters(algorithm, name: str = "YEAR") -> list[str]:
    """The input layer parameters whose layers give the reference year ``name`` (its ``exclude`` left out)."""
    year = algorithm.parameterDefinition(name)
    excluded = set(year.metadata().get(YEAR_EXCLUDES, ())) if year is not None else set()
    return [definition.name() for definition in algorithm.parameterDefinitions()
            if isinstance(definition, _LAYER_PARAMETERS) and definition.name() not in excluded]


def layer_years(layers) -> dict[int, str]:
    """{year: where it was read} over ``layers`` (the first layer naming each year)."""
    found: dict[int, str] = {}
    for layer in filter(None, layers):
        year = layer_year(layer)
        if year is not None:
            found.setdefault(year[0], tr("{} of layer '{}'").format(year[1], layer.name()))
    return found


def reference_year(algorithm, parameters: dict, context, name: str = "YEAR") -> tuple[int, str]:
    """(year, message): YEAR when given, else the one year the input layers agree on; raises when they name
    none or several."""
    if parameters.get(name) not in (None, ""):
        return algorithm.parameterAsInt(parameters, name, context), ""
    layers = []
    for parameter in input_layer_parameters(algorithm, name):
        if isinstance(algorithm.parameterDefinition(parameter), QgsProcessingParameterMultipleLayers):
            layers += algorithm.parameterAsLayerList(parameters, parameter, context)
        else:
            layers.append(algorithm.parameterAsLayer(parameters, parameter, context))
    found = layer_years(layers)
    if len(found) == 1:
        year, where = next(iter(found.items()))
        return year, tr("{} not given: reference year {} from {}.").format(name, year, where)
    if not found:
        raise QgsProcessingException(tr(
            "Set {}: the year the input data refer to. It is not in the input layers' metadata or names, and "
            "the current year is never assumed.").format(name))
    listed = "; ".join(f"{year} ({where})" for year, where in sorted(found.items()))
    raise QgsProcessingException(tr("Set {}: the input layers refer to different years: {}.").format(name, listed))
