"""A Processing script as QGIS's script editor saves it: the features of INPUT times FACTOR (a whole number)."""
from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)


class CountZones(QgsProcessingAlgorithm):
    def name(self):
        return "count_zones"

    def displayName(self):
        return "Count zones"

    def createInstance(self):
        return CountZones()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", "Zones"))
        self.addParameter(QgsProcessingParameterNumber(
            "FACTOR", "Factor", QgsProcessingParameterNumber.Type.Integer, defaultValue=1))
        self.addOutput(QgsProcessingOutputNumber("VALUE", "Zones times the factor"))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, "INPUT", context)
        return {"VALUE": source.featureCount() * self.parameterAsInt(parameters, "FACTOR", context)}
