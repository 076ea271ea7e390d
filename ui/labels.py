"""Translated labels for the codes the view-model uses (statuses, goal groups, area levels, trends)."""
from __future__ import annotations

from qgis.PyQt.QtCore import QLocale

from ..core.vocabulary import STATUS
from ..core.vocabulary import group_label as vocabulary_group_label
from ..translation import tr, ui_language
from .dashboard_model import TOTAL_LEVEL


def status_label(code: str) -> str:
    """The user's words for a status code (``core.vocabulary``)."""
    return STATUS[code].label(ui_language()) if code in STATUS else code


def group_label(group: str) -> str:
    """A goal group name (economic, social, environmental, other) in the user's language."""
    return vocabulary_group_label(group, ui_language())


def level_label(level: str) -> str:
    """An area level as stored (``total``, ``township``, ``village`` ...) in the user's words; a level this
    module does not know is shown as written."""
    labels = {TOTAL_LEVEL: tr("Whole area"), "province": tr("Province"), "city": tr("City"),
              "county": tr("County"), "district": tr("District"), "township": tr("Township"),
              "village": tr("Village"), "zone": tr("Zone")}
    return labels.get(level, level.replace("_", " ").capitalize())


def trend_arrow(trend: str | None) -> str:
    """An arrow for the change between the last two years."""
    return {"up": "▲", "down": "▼", "flat": "▶"}.get(trend or "", "")


def format_value(value: float | None) -> str:
    """A number for the table in the user's locale (QGIS's): whole from 1000 up (with the locale's group
    separator when QGIS shows one), else four significant digits."""
    if value is None:
        return ""
    locale = QLocale()
    return locale.toString(value, "f", 0) if abs(value) >= 1000 else locale.toString(value, "g", 4)
