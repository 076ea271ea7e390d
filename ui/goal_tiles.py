"""The 17 goal tiles in their official colours and the goal-group summary line."""
from __future__ import annotations

from html import escape
from typing import Sequence

from qgis.PyQt.QtCore import QEvent, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ..core.vocabulary import STATUS, STATUSES
from ..translation import tr
from .dashboard_model import GoalTile, Summary
from .labels import group_label, status_label

#: Width (px) a tile needs for a goal's short name; the grid has as many columns as fit (2 to 6).
TILE_WIDTH = 150


def counts_html(counts: dict[str, int]) -> str:
    """Coloured squares with the number of indicators per status (statuses with none left out)."""
    parts = [f'<span style="color:{STATUS[s].colour}">■</span>{counts[s]}' for s in STATUSES if counts.get(s)]
    return " ".join(parts)


def legend_html() -> str:
    """What the colours and the score mean: the six statuses and the -5..+5 score with its bands."""
    swatches = " ".join(f'<span style="color:{STATUS[s].colour}">■</span>&nbsp;{escape(status_label(s))}'
                        for s in STATUSES)
    colours, score = escape(tr("Colours")), escape(tr("Score"))  # outside the f-string: pylupdate5 skips those
    return (f"<small><b>{colours}</b>: {swatches}<br><b>{score}</b>: "
            + escape(tr("each indicator scores from -5 (deterioration) to +5 (target achieved) by Open SDG's "
                        "progress measure; a goal's score is the mean of its indicators' scores, coloured by "
                        "the band it falls in: 2.5 to 5 substantial progress, 0 to 2.5 moderate, -2.5 to 0 "
                        "limited, below -2.5 deterioration."))
            + "</small>")


def counts_tooltip(counts: dict[str, int]) -> str:
    return "\n".join(f"{status_label(s)}: {counts.get(s, 0)}" for s in STATUSES)


def score_text(summary: Summary) -> str:
    if summary.mean_score is None:
        return tr("no score")
    return tr("score {:.1f}").format(summary.mean_score)


class GoalTileWidget(QFrame):
    """A clickable tile: goal number, short name, score with its colour and counts by status."""

    clicked = pyqtSignal(int)

    def __init__(self, tile: GoalTile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile = tile
        self.selected = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(110, 84)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(1)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.label)
        layout.addStretch(1)
        summary = tile.summary
        white = '<span style="background:white; color:black">&nbsp;{}&nbsp;</span>'
        counts = white.format(counts_html(summary.counts)) if summary.indicators else ""
        measured = escape(tr("{} indicators").format(summary.indicators))
        self.label.setText(
            f'<b style="font-size:15pt">{tile.number}</b> <b>{escape(tile.short_name)}</b><br>'
            f"{measured} · {escape(score_text(summary))}<br>{counts}")
        self.setToolTip(f"{tile.number}. {tile.short_name}\n{counts_tooltip(summary.counts)}")
        self._restyle()

    def set_selected(self, selected: bool) -> None:
        self.selected = selected
        self._restyle()

    def _restyle(self) -> None:
        border = "3px solid black" if self.selected else "1px solid transparent"
        self.setStyleSheet(
            f"GoalTileWidget {{ background: {self.tile.colour}; border: {border}; "
            f"border-bottom: 8px solid {self.tile.summary.colour}; }} QLabel {{ color: white; }}")

    def mousePressEvent(self, event) -> None:  # Qt API
        self.clicked.emit(self.tile.number)
        super().mousePressEvent(event)


class GoalGrid(QWidget):
    """The tiles in a grid; clicking a tile selects its goal, clicking it again clears the selection."""

    goalChanged = pyqtSignal(int)  # (Qt signal naming); 0: no goal selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(4)
        self.tiles: dict[int, GoalTileWidget] = {}
        self.goal = 0
        self._columns = 0

    def set_tiles(self, tiles: Sequence[GoalTile]) -> None:
        for widget in self.tiles.values():
            widget.deleteLater()
        self.tiles = {}
        for tile in tiles:
            widget = GoalTileWidget(tile, self)
            widget.clicked.connect(self.toggle)
            widget.set_selected(tile.number == self.goal)
            self.tiles[tile.number] = widget
        self._place()

    def columns(self) -> int:
        """As many columns as tiles fit in the visible width (the scroll area's viewport; 2 to 6)."""
        visible = self.parentWidget().width() if self.parentWidget() is not None else self.width()
        return max(2, min(6, visible // TILE_WIDTH))

    def _place(self) -> None:
        self._columns = self.columns()
        for widget in self.tiles.values():
            self.grid.removeWidget(widget)
        for index, widget in enumerate(self.tiles.values()):
            self.grid.addWidget(widget, index // self._columns, index % self._columns)

    def eventFilter(self, watched, event) -> bool:  # Qt API
        """Reflow the tiles when the viewport holding the grid gets narrower or wider."""
        if event.type() == QEvent.Type.Resize and self.tiles and self.columns() != self._columns:
            self._place()
        return False

    def showEvent(self, event) -> None:  # Qt API
        super().showEvent(event)
        if self.parentWidget() is not None:
            self.parentWidget().installEventFilter(self)
        if self.tiles and self.columns() != self._columns:
            self._place()

    def toggle(self, goal: int) -> None:
        """Select ``goal`` (0 or the selected goal again: none)."""
        self.goal = 0 if goal == self.goal else goal
        for number, widget in self.tiles.items():
            widget.set_selected(number == self.goal)
        self.goalChanged.emit(self.goal)


def headline_text(headline: dict[str, int]) -> str:
    """The headline: indicators measured, with a target, met or nearly met."""
    return tr("{measured} indicators measured, {with_target} with a target, {met} met or nearly met").format(
        measured=headline["measured"], with_target=headline["with_target"], met=headline["met_or_nearly_met"])


def groups_html(summaries: Sequence[Summary]) -> str:
    """The goal-group summary: per group its colour, indicators, score and counts by status."""
    lines = []
    for summary in summaries:
        swatch = f'<span style="color:{summary.colour}; font-size:14pt">●</span>'
        measured = escape(tr("{} indicators").format(summary.indicators))
        lines.append(f"{swatch} <b>{escape(group_label(str(summary.key)))}</b>: {measured}, "
                     f"{escape(score_text(summary))} {counts_html(summary.counts)}")
    return "<br>".join(lines)
