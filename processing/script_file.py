"""A Processing script given by its path (a ``.py`` file defining a ``QgsProcessingAlgorithm`` subclass, as QGIS's
script editor saves it), loaded as an algorithm object without registering it."""
from __future__ import annotations

import importlib.util
import inspect
import uuid
from pathlib import Path

from qgis.core import QgsProcessingAlgorithm

from ..core.indicator_set import ConfigError
from ..core.messages import QT_TR_NOOP


def load_script(path: str, where: object) -> QgsProcessingAlgorithm:
    """The algorithm the script at ``path`` defines (the class named like the file, else the first one defined in
    it), initialised; a missing file, a syntax error, an error while it loads and a file without an algorithm
    class are :class:`ConfigError` naming ``where`` and the file (no traceback)."""
    file = Path(path)
    try:
        source = file.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise ConfigError(QT_TR_NOOP("{}: cannot read the script {}: {}."), where, path,
                          err.strerror or type(err).__name__) from err
    except UnicodeDecodeError as err:
        raise ConfigError(QT_TR_NOOP("{}: the script {} is not UTF-8 text: save it as UTF-8."), where, path) from err
    try:
        code = compile(source, str(file), "exec")
    except SyntaxError as err:
        raise ConfigError(QT_TR_NOOP("{}: the script {} has a syntax error on line {}: {}."), where, path,
                          err.lineno, err.msg) from err
    module = importlib.util.module_from_spec(
        importlib.util.spec_from_loader(f"sdg_monitor_script_{uuid.uuid4().hex}", loader=None, origin=str(file)))
    module.__file__ = str(file)
    try:
        # the user's own script, run as QGIS's script provider runs it (running it is what the step asks for)
        exec(code, module.__dict__)  # nosec B102
    except Exception as err:  # whatever the script raises while it loads is the script's problem, named
        raise ConfigError(QT_TR_NOOP("{}: the script {} stopped while loading ({}: {})."), where, path,
                          type(err).__name__, err) from err
    classes = [value for value in vars(module).values() if inspect.isclass(value)
               and issubclass(value, QgsProcessingAlgorithm) and value.__module__ == module.__name__]
    if not classes:
        raise ConfigError(QT_TR_NOOP("{}: the script {} defines no Processing algorithm (a class derived from "
                                     "QgsProcessingAlgorithm)."), where, path)
    chosen = next((cls for cls in classes if cls.__name__ == file.stem), classes[0])
    try:
        algorithm = chosen()
        algorithm.initAlgorithm({})
    except Exception as err:  # the script's own code again
        raise ConfigError(QT_TR_NOOP("{}: the script {} stopped while loading ({}: {})."), where, path,
                          type(err).__name__, err) from err
    return algorithm
