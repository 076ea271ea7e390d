"""The results store chosen in the dock, saved in the QGIS project (relative to the project file when saved)."""
from __future__ import annotations

from qgis.core import QgsProject

SCOPE = "SdgMonitor"
KEY = "/results_store"


def saved_store_path(project: QgsProject | None = None) -> str:
    """The store path saved in ``project`` (absolute), or "" when none is saved."""
    project = project or QgsProject.instance()
    value, found = project.readEntry(SCOPE, KEY, "")
    return project.readPath(value) if found and value else ""


def save_store_path(path: str, project: QgsProject | None = None) -> None:
    """Save ``path`` in ``project`` (marks the project as modified)."""
    project = project or QgsProject.instance()
    project.writeEntry(SCOPE, KEY, project.writePath(path))
