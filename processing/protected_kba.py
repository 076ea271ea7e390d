"""SDG 15.1.2: mean percent of key biodiversity areas covered by protected areas."""
from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ..compat import new_field
from ..core.cover_shares import kba_cover_values, kba_percent
from ..core.zone_ids import blank_id
from ..translation import tr
from .base import IndicatorResult, SdgAlgorithm
from .feedback import stop_if_cancelled
from .land_areas import PolygonCover, ellipsoidal_measure, read_polygons
from .tables import is_null


@dataclass
class _Kba:
    """One key biodiversity area: its id, geometry (in the KBA layer's CRS), areas in km² and its zone."""

    kba_id: str
    geometry: QgsGeometry
    area_km2: float
    protected_km2: float
    zone: int | None = None

    @property
    def percent(self) -> float:
        return kba_percent(self.area_km2, self.protected_km2)


class ProtectedKba(SdgAlgorithm):
    """Mean over KBAs of the percent of each covered by the union of the protected areas, per zone."""

    ALG_ID = "protected_kba_15_1_2"
    INDICATOR = "15.1.2"
    UNIT = "percent"
    GROUP_ID = "land"
    COMPONENTS = ("kba_count", "kba_km2", "protected_km2")

    KBAS = "KBAS"
    KBA_ID_FIELD = "KBA_ID_FIELD"
    PROTECTED_AREAS = "PROTECTED_AREAS"
    KBA_OUTPUT = "KBA_OUTPUT"

    def displayName(self) -> str:
        return tr("Key biodiversity areas covered by protected areas (15.1.2)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>SDG indicator 15.1.2: average proportion of key biodiversity areas (KBAs) covered by protected "
            "areas, for the whole area and for each zone.</p>"
            "<p><b>Method</b> (UN SDG metadata 15.1.2, custodians UNEP-WCMC, BirdLife International and IUCN): "
            "for each KBA, the percent of its area covered by protected areas; the indicator is the mean of "
            "these percents over the KBAs (a mean per KBA, not the share of the total KBA area). Protected areas "
            "are dissolved first, so overlapping protected areas count once. Filter the protected areas "
            "beforehand as the method asks (e.g. WDPA status designated, inscribed or established; no "
            "proposed sites, no UNESCO-MAB buffer zones).</p>"
            "<p>Features of the KBA layer that share a value of the KBA id field form one KBA (without the "
            "field, each feature is one KBA). A KBA counts whole (also its parts outside the zones) in the "
            "zone that holds the largest part of its area; KBAs outside every zone are left out, and the "
            "whole-area value is then the mean over the KBAs of all zones.</p>"
            "<p><b>Areas</b> are ellipsoidal (on the ellipsoid of the KBA layer's CRS, WGS 84 if it names "
            "none), in km², whatever the CRS; protected areas and zones in other CRSs are reprojected to the "
            "KBA layer's CRS.</p>"
            "<p>Outputs: VALUE (percent), OUTPUT (the zones with <i>value</i>, <i>kba_count</i>, "
            "<i>kba_km2</i> and <i>protected_km2</i>, the sums over their KBAs) and optionally KBA_OUTPUT, "
            "one feature per KBA with its areas, percent and zone. The results store gets value = mean "
            "percent, numerator = sum of the KBA percents and denominator = number of KBAs.</p>")

    def add_inputs(self) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.KBAS, tr("Key biodiversity areas"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.KBA_ID_FIELD, tr("KBA id field (features sharing an id form one KBA; default: feature id)"),
            parentLayerParameterName=self.KBAS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PROTECTED_AREAS, tr("Protected areas"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.KBA_OUTPUT, tr("Coverage per key biodiversity area"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=False))

    def compute(self, parameters, context, feedback, zones):
        kba_source = self.parameterAsSource(parameters, self.KBAS, context)
        pa_source = self.parameterAsSource(parameters, self.PROTECTED_AREAS, context)
        if kba_source is None or pa_source is None:
            raise QgsProcessingException(tr("Give both the KBA layer and the protected areas layer."))
        kba_name = self._name(parameters, context, self.KBAS)
        crs = kba_source.sourceCrs()
        measure = ellipsoidal_measure(crs, context)
        kbas = self._kbas(parameters, context, feedback, kba_source, kba_name)
        protected = PolygonCover([g for _, g in read_polygons(
            pa_source, self._name(parameters, context, self.PROTECTED_AREAS), crs, context, feedback)])
        for position, kba in enumerate(kbas):
            stop_if_cancelled(feedback)
            kba.area_km2 = measure.measureArea(kba.geometry) / 1e6
            kba.protected_km2 = measure.measureArea(protected.within(kba.geometry)) / 1e6
            feedback.setProgress(100.0 * (position + 1) / max(1, len(kbas)))
        empty = [kba.kba_id for kba in kbas if kba.area_km2 <= 0]
        if empty:
            feedback.pushWarning(tr("KBA(s) {} have no area and are left out.").format(", ".join(empty)))
        kbas = [kba for kba in kbas if kba.area_km2 > 0]
        if zones is not None:
            self._assign(kbas, zones.geometries_in(crs, context), measure)
            outside = [kba.kba_id for kba in kbas if kba.zone is None]
            if outside:
                feedback.pushWarning(tr("KBA(s) {} lie outside every zone and are left out.").format(
                    ", ".join(outside)))
        values, total = kba_cover_values(kbas, len(zones) if zones is not None else None)
        kba_output = self._write_kbas(parameters, context, kbas, zones, crs)
        feedback.pushInfo(tr("{} KBA(s) measured.").format(len(kbas)))
        return IndicatorResult(
            total=total, zones=values, area_geometry=QgsGeometry.fromRect(kba_source.sourceExtent()),
            area_crs=crs, sources=[self._source(parameters, context, name) for name in (self.KBAS,
                                                                                        self.PROTECTED_AREAS)],
            outputs={self.KBA_OUTPUT: kba_output} if kba_output else {})

    def _kbas(self, parameters, context, feedback, source, name: str) -> list[_Kba]:
        """The KBAs: features grouped by the id field (each feature its own KBA without it)."""
        field = self.parameterAsString(parameters, self.KBA_ID_FIELD, context)
        groups: dict[str, list[QgsGeometry]] = {}
        for feature, geometry in read_polygons(source, name, source.sourceCrs(), context, feedback):
            value = feature[field] if field else feature.id()
            if is_null(value) or blank_id(value):
                raise QgsProcessingException(tr(
                    "KBA layer '{}': feature {} has no id in field '{}' (NULL or empty); give every KBA an id, or "
                    "leave the id field empty (each feature is then a KBA).").format(name, feature.id(), field))
            groups.setdefault(str(value), []).append(geometry)
        if not groups:
            raise QgsProcessingException(tr("KBA layer '{}' holds no polygon.").format(name))
        return [_Kba(kba_id, parts[0] if len(parts) == 1 else QgsGeometry.unaryUnion(parts), 0.0, 0.0)
                for kba_id, parts in groups.items()]

    @staticmethod
    def _assign(kbas: list[_Kba], zone_geometries: list[QgsGeometry], measure) -> None:
        """Put each KBA in the zone holding the largest part of its area (the first such zone on a tie)."""
        index = QgsSpatialIndex()
        for position, geometry in enumerate(zone_geometries):
            if not geometry.isEmpty():
                index.addFeature(position, geometry.boundingBox())
        for kba in kbas:
            best, best_area = None, 0.0
            for position in sorted(index.intersects(kba.geometry.boundingBox())):
                zone = zone_geometries[position]
                area = measure.measureArea(kba.geometry.intersection(zone)) if zone.intersects(kba.geometry) else 0
                if area > best_area:
                    best, best_area = position, area
            kba.zone = best

    def _write_kbas(self, parameters, context, kbas: list[_Kba], zones, crs) -> str | None:
        """KBA_OUTPUT, when asked for: a feature per KBA with its areas, percent and zone; its id or None."""
        fields = QgsFields()
        for name, kind in (("kba_id", "string"), ("zone_id", "string"), ("kba_km2", "double"),
                           ("protected_km2", "double"), ("percent", "double")):
            fields.append(new_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.KBA_OUTPUT, context, fields,
                                             QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:
            return None
        for kba in kbas:
            feature = QgsFeature(fields)
            geometry = QgsGeometry(kba.geometry)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            zone_id = zones.zones[kba.zone].area_id if zones is not None and kba.zone is not None else None
            feature.setAttributes([kba.kba_id, zone_id, kba.area_km2, kba.protected_km2, kba.percent])
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.KBA_OUTPUT))
        return dest_id

    def _name(self, parameters, context, name: str) -> str:
        layer = self.parameterAsVectorLayer(parameters, name, context)
        return layer.name() if layer is not None else self.parameterAsString(parameters, name, context)

    def _source(self, parameters, context, name: str) -> str:
        layer = self.parameterAsVectorLayer(parameters, name, context)
        return layer.source() if layer is not None else self.parameterAsString(parameters, name, context)

