"""A one-line label that shows as much of its text as fits, cut in the middle: a file name keeps its start and its
extension, an address its host and its table."""
from __future__ import annotations

from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QPainter, QTextOption
from qgis.PyQt.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """``text()`` stays whole; what is painted is :meth:`shown_text`, elided in the middle to the label's width (the
    label takes the width its layout gives it, not its text's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def shown_text(self) -> str:
        """The text as painted at the current width ("…" in the middle when it does not fit)."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width())

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.drawText(QRectF(self.contentsRect()), self.shown_text(), QTextOption(self.alignment()))
