"""SDG Monitor: measure, map and report the UN Sustainable Development Goals for a local area."""
import os

#: The plugin's icon, by file path (Qt 6 has no compiled resources; resources.qrc is only for Qt Designer).
ICON = os.path.join(os.path.dirname(__file__), "icons", "sdg.svg")


def classFactory(iface):  # QGIS entry point name
    """Return the plugin instance; QGIS and qgis_process call this (qgis_process with ``iface=None``)."""
    from .plugin import SdgMonitorPlugin

    return SdgMonitorPlugin(iface)
