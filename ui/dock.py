"""The SDG Monitor dock: a view over the results store (the full dashboard grows here)."""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..translation import tr


class SdgDock(QgsDockWidget):
    """Dashboard dock; until a results store is open it tells the user how to start."""

    def __init__(self, parent=None) -> None:
        super().__init__(tr("SDG Monitor"), parent)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.message = QLabel(tr(
            "No results store is open yet. Run an indicator from the Processing toolbox (SDG Monitor group) "
            "with a results store (.gpkg), then open it here."), body)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setWidget(body)
