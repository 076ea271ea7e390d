"""GDAL raster helpers shared by the Processing algorithms (``processing/``) and the scale-out (``scale/``): zone
labels burnt onto a raster window, a band's validity in a window, true pixel areas of a window. Needs only GDAL,
numpy and ``core``: no QGIS, no Qt, no translation."""
