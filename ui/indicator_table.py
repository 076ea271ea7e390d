"""The indicator table: one row per indicator series of the chosen area, sortable by every column."""
from __future__ import annotations

from typing import Sequence

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..core.catalog import sort_key
from ..core.vocabulary import STATUS, STATUSES
from ..translation import tr
from .dashboard_model import IndicatorRow
from .labels import format_value, status_label, trend_arrow

SORT_ROLE = Qt.UserRole + 1
KEY_ROLE = Qt.UserRole + 2
GOOD_HEX, BAD_HEX, NEUTRAL_HEX = "#3F9C35", "#D3302F", "#606060"


def _item(text: str, sort_value: object) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(sort_value, SORT_ROLE)
    return item


def _number_item(value: float | None) -> QStandardItem:
    item = _item(format_value(value), float("-inf") if value is None else value)
    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return item


def _code_key(code: str) -> str:
    """A text that sorts like the natural order of codes."""
    return ".".join(f"{kind}{number:05d}{letter}" for kind, number, letter in sort_key(code))


class IndicatorTable(QTableView):
    """Shows :class:`IndicatorRow` objects; ``indicatorSelected`` carries (indicator, series)."""

    indicatorSelected = pyqtSignal(str, str)  # Qt signal naming
    selectionCleared = pyqtSignal()  # Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [tr("Code"), tr("Name"), tr("Latest value"), tr("Unit"), tr("Year"), tr("Target"),
                        tr("Status"), tr("Score"), tr("Trend")]
        self.source = QStandardItemModel(0, len(self.headers), self)
        self.source.setHorizontalHeaderLabels(self.headers)
        self.source.setSortRole(SORT_ROLE)
        self.setModel(self.source)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.verticalHeader().hide()
        self.setTextElideMode(Qt.ElideRight)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def set_rows(self, rows: Sequence[IndicatorRow]) -> None:
        """Replace the rows (the current sort order is kept)."""
        self.source.removeRows(0, self.source.rowCount())
        for row in rows:
            self.source.appendRow(self._items(row))
        header = self.horizontalHeader()
        self.source.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _items(self, row: IndicatorRow) -> list[QStandardItem]:
        code = _item(row.indicator, _code_key(row.indicator) + "|" + row.series)
        code.setData((row.indicator, row.series), KEY_ROLE)
        status = _item(status_label(row.status), STATUSES.index(row.status))
        status.setBackground(QBrush(QColor(STATUS[row.status].colour)))
        status.setForeground(QBrush(QColor(STATUS[row.status].text_colour)))
        trend = _item(trend_arrow(row.trend), {"down": -1, "flat": 0, "up": 1}.get(row.trend or "", -2))
        colour = NEUTRAL_HEX if row.trend_good is None else (GOOD_HEX if row.trend_good else BAD_HEX)
        trend.setForeground(QBrush(QColor(colour)))
        trend.setTextAlignment(Qt.AlignCenter)
        target = _number_item(row.target)
        if row.target is not None:
            target.setToolTip(tr("Target for {}").format(row.target_year))
        name = _item(row.label, row.label.lower())
        name.setToolTip(f"{row.indicator} {row.label}")
        return [code, name, _number_item(row.latest_value),
                _item(row.unit, row.unit), _item(str(row.year or ""), row.year or 0), target, status,
                _number_item(row.score), trend]

    def keys(self) -> list[tuple[str, str]]:
        """(indicator, series) of the rows in display order."""
        return [self.source.item(r, 0).data(KEY_ROLE) for r in range(self.source.rowCount())]

    def current_key(self) -> tuple[str, str] | None:
        rows = self.selectionModel().selectedRows()
        return self.source.item(rows[0].row(), 0).data(KEY_ROLE) if rows else None

    def select_key(self, key: tuple[str, str]) -> bool:
        """Select the row of ``key``; False when it is not shown."""
        for r in range(self.source.rowCount()):
            if self.source.item(r, 0).data(KEY_ROLE) == key:
                self.selectRow(r)
                return True
        return False

    def _selection_changed(self) -> None:
        key = self.current_key()
        if key is not None:
            self.indicatorSelected.emit(*key)
        else:
            self.selectionCleared.emit()
