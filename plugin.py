"""The QGIS plugin: registers the ``sdg`` Processing provider, a menu, a toolbar button and the dock."""
from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import resources_rc  # noqa: F401  (registers the :/plugins/sdg_monitor icons)
from .processing.provider import ICON, SdgProvider
from .translation import install_translator, tr


class SdgMonitorPlugin:
    """Plugin entry object; ``iface`` is None under ``qgis_process``, which calls only :meth:`initProcessing`."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: SdgProvider | None = None
        self.translator = None
        self.menu = None
        self.action: QAction | None = None
        self.dock = None

    def initProcessing(self) -> None:  # noqa: N802
        """Register the provider (once)."""
        if self.translator is None:
            self.translator = install_translator()
        if self.provider is None:
            self.provider = SdgProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802
        """Provider, menu entry, toolbar button and dock."""
        from .ui.dock import SdgDock

        self.initProcessing()
        self.dock = SdgDock(self.iface.mainWindow())
        self.dock.setObjectName("SdgMonitorDock")
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
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
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
