"""SDG Monitor: measure, map and report the UN Sustainable Development Goals for a local area."""

#: The plugin's icon in the compiled resources.
ICON = ":/plugins/sdg_monitor/icons/sdg.svg"


def classFactory(iface):  # QGIS entry point name
    """Return the plugin instance; QGIS and qgis_process call this (qgis_process with ``iface=None``)."""
    from .plugin import SdgMonitorPlugin

    return SdgMonitorPlugin(iface)
