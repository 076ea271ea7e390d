"""Translation helpers: one Qt context for the whole plugin, and loading the ``.qm`` that matches QGIS's locale.

Also imported by the scale-out (``scale/``), whose Dask workers may run without QGIS: there ``tr`` gives the
English text.
"""
from __future__ import annotations

from pathlib import Path

from .core.messages import FOREST_AND_WATER, NO_CLASSES, Message

try:
    from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
except ImportError:  # a scale-out worker without QGIS
    QCoreApplication = None

CONTEXT = "SdgMonitor"
I18N_DIR = Path(__file__).resolve().parent / "i18n"
#: QGIS names Chinese by script (its own translations are ``qgis_zh-Hans.qm``, ``qgis_zh-Hant.qm``).
SCRIPT_LOCALES = {"zh_Hans": "zh_CN", "zh_Hant": "zh_TW"}


def tr(text: str) -> str:
    """Translate ``text`` in the plugin's context (the text itself where Qt is missing)."""
    return text if QCoreApplication is None else QCoreApplication.translate(CONTEXT, text)


def ui_language() -> str:
    """The language the installed translation speaks, ``zh`` or ``en``: the translation of the code ``en``
    is the language's own code (for labels kept in both languages outside Qt, such as ``core.vocabulary``)."""
    return "zh" if tr("en") == "zh" else "en"


def user_locale() -> str:
    """QGIS's user interface locale, e.g. ``zh-Hans`` (QGIS's Chinese), ``zh_CN`` or ``en_US``."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return str(settings.value("locale/userLocale", "") or QLocale.system().name())
    return QLocale.system().name()


def load_translator(locale: str) -> QTranslator | None:
    """The plugin's translation for ``locale`` (``zh_CN``; QGIS's ``zh-Hans`` is ``zh_CN``; else its language,
    ``zh``), loaded but not installed; None when none ships."""
    name = locale.replace("-", "_")
    for candidate in (SCRIPT_LOCALES.get(name, name), name.split("_")[0]):
        path = I18N_DIR / f"sdg_monitor_{candidate}.qm"
        if path.exists():
            translator = QTranslator()
            if translator.load(str(path)):
                return translator
    return None


def install_translator(locale: str | None = None) -> QTranslator | None:
    """Install the translation for ``locale`` (default: QGIS's) if one ships; return it so it can be removed."""
    translator = load_translator(locale or user_locale())
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    return translator


def input_message(err) -> str:
    """The text of a ``core.messages.InputError`` in the user's language."""
    texts = {
        NO_CLASSES: tr("Parameter {} lists no class; give at least one."),
        FOREST_AND_WATER: tr("Classes {} are listed both as forest and as water; list each class once."),
    }
    return texts[err.key].format(*err.values)


def message_text(message: Message) -> str:
    """The text of a ``core.messages.Message`` (e.g. a config error's) in the user's language."""
    return message.text(tr)
