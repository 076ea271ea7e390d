"""The QGIS plugin: registers the ``sdg`` Processing provider, a menu, a toolbar button and the dock."""
from __future__ import annotations

import importlib.util

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import ICON
from .translation import install_translator, tr

#: Python packages the algorithms cannot work without (pyqtgraph and openpyxl only limit the charts and reports).
REQUIRED = ("numpy", "pandas", "osgeo")


def missing_packages() -> list[str]:
    """The required Python packages this QGIS lacks."""
    return [name for name in REQUIRED if importlib.util.find_spec(name) is None]


def missing_message(missing: list[str]) -> str:
    return tr("SDG Monitor needs the Python package(s) {}: install them (on Windows with the OSGeo4W installer, "
              "elsewhere with your package manager or pip) and restart QGIS.").format(", ".join(missing))


class SdgMonitorPlugin:
    """Plugin entry object; ``iface`` is None under ``qgis_process``, which calls only :meth:`initProcessing`."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.translator = None
        self.menu = None
        self.action: QAction | None = None
        self.dock = None

    def initProcessing(self) -> None:
        """Register the provider (once); without a required package, say which instead of failing to load."""
        if self.translator is None:
            self.translator = install_translator()
        missing = missing_packages()
        if missing:
            QgsMessageLog.logMessage(missing_message(missing), tr("SDG Monitor"), Qgis.Critical)
            return
        if self.provider is None:
            from .processing.provider import SdgProvider

            self.provider = SdgProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        """Provider, menu entry, toolbar button and dock."""
        self.initProcessing()
        missing = missing_packages()
        if missing:
            self.iface.messageBar().pushCritical(tr("SDG Monitor"), missing_message(missing))
            return
        from .ui.dock import SdgDock

        self.dock = SdgDock(self.iface.mainWindow())
        self.dock.setObjectName("SdgMonitorDock")
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = QAction(QIcon(ICON), tr("SDG Monitor"), self.iface.mainWindow())
        self.action.setObjectName("SdgMonitorShowDock")
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Show the SDG Monitor dashboard"))
        self.action.toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(self.action.setChecked)
        self.iface.addPluginToMenu(tr("&SDG Monitor"), self.action)
        self.iface.addToolBarIcon(self.action)

    def unload(self) -> None:
        """Remove everything this plugin added: provider, action, menu entry, dock and translator."""
        if self.action is not None:
            self.iface.removePluginMenu(tr("&SDG Monitor"), self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.dock is not None:
            self.dock.run_panel.stop()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            # deletes the provider: the algorithm copies a run, an open dialog or a task made point into it
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
