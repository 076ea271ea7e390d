"""The provider's list of algorithms is complete: every algorithm class defined in ``processing/`` (a class with
an ``ALG_ID`` of its own) is listed, once."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

from qgis.core import QgsProcessingAlgorithm


def test_provider_lists_every_algorithm_class_once():
    import sdg_monitor.processing as package
    from sdg_monitor.processing.provider import ALGORITHMS

    defined = set()
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        defined |= {cls for _, cls in inspect.getmembers(module, inspect.isclass)
                    if issubclass(cls, QgsProcessingAlgorithm) and cls.__module__ == module.__name__
                    and cls.__dict__.get("ALG_ID")}
    assert len(defined) >= 19
    assert sorted(cls.__name__ for cls in ALGORITHMS) == sorted(cls.__name__ for cls in defined)
    assert len(set(ALGORITHMS)) == len(ALGORITHMS)
