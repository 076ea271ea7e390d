"""The zh_CN translation: complete and in step with the sources (pylupdate5 run into a temporary file), every
placeholder and HTML tag kept; with it installed the algorithms, the dock and the reports speak Chinese; without
it (English) nothing is translated; ``make i18n`` keeps translations and adds new strings unfinished."""
from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, Qt

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "i18n" / "sdg_monitor_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
MARKUP = re.compile(r"</?\w+[^>]*>|&\w+;")


def _i18n_script():
    spec = importlib.util.spec_from_file_location("sdg_i18n_script", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


I18N = _i18n_script()


def messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


def sources_of(path: Path) -> set[str]:
    return {message.find("source").text for message in messages(path)}


def chinese(text: str) -> bool:
    return bool(CJK.search(text or ""))


# --- the .ts itself -------------------------------------------------------------------------------------------
def test_ts_has_one_context_and_every_message_translated():
    root = ET.parse(TS).getroot()
    assert [context.find("name").text for context in root.iter("context")] == ["SdgMonitor"]
    problems = [(message.find("source").text[:60], message.find("translation").get("type"))
                for message in messages(TS)
                if message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                or not (message.find("translation").text or "").strip()]
    assert problems == [], "translate these in i18n/sdg_monitor_zh_CN.ts (see i18n/zh_CN_glossary.md)"


def _formatted(text: str) -> str:
    """``text`` formatted with distinct numbers 7001, 7002 ... for its positional fields and 7051 ... by name."""
    fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    numbered = [int(name) + 1 for name in fields if name.isdigit()]
    count = max(numbered + [sum(1 for name in fields if name == ""), 0])
    names = sorted({name for name in fields if name and not name.isdigit()})
    return text.format(*[7001.0 + i for i in range(count)], **{n: 7051.0 + i for i, n in enumerate(names)})


def test_translations_keep_placeholders_and_markup():
    broken = []
    for message in messages(TS):
        source, translation = message.find("source").text, message.find("translation").text
        if not translation:
            continue  # reported by the test above
        if sorted(MARKUP.findall(source)) != sorted(MARKUP.findall(translation)):
            broken.append(("markup", source[:60]))
        if "{" not in source:
            continue
        try:
            expected, got = _formatted(source), _formatted(translation)
        except (ValueError, IndexError, KeyError) as error:
            broken.append((f"format: {error}", source[:60]))
            continue
        if sorted(re.findall(r"70\d\d", expected)) != sorted(re.findall(r"70\d\d", got)):
            broken.append(("placeholders", source[:60]))
    assert broken == []


def test_every_source_string_is_in_the_ts_and_nothing_else(tmp_path):
    fresh = I18N.update(tmp_path / "fresh.ts", I18N.sources())
    extracted, shipped = sources_of(fresh), sources_of(TS)
    assert "Forest area as a proportion of land area (15.1.1)" in extracted  # the extraction works at all
    assert sorted(extracted - shipped) == [], "run make i18n and translate the new strings"
    assert sorted(shipped - extracted) == [], "run make i18n: these strings are gone from the sources"


class _TrCalls(ast.NodeVisitor):
    """``tr()`` and ``QT_TR_NOOP()`` calls whose first argument is not a string literal, by enclosing function."""

    def __init__(self, module: str) -> None:
        self.module, self.functions, self.found = module, ["<module>"], []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # ast API
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def visit_Call(self, node: ast.Call) -> None:  # ast API
        literal = node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
        if isinstance(node.func, ast.Name) and node.func.id in ("tr", "QT_TR_NOOP") and not literal:
            self.found.append(f"{self.module}:{self.functions[-1]}")
        self.generic_visit(node)


def test_tr_is_always_called_with_a_literal():
    """pylupdate5 extracts only literal strings: ``tr(f"...")`` or ``tr(name)`` would stay English."""
    found = []
    for relative in I18N.sources():
        if relative.endswith(".py"):
            visitor = _TrCalls(relative)
            visitor.visit(ast.parse((ROOT / relative).read_text(encoding="utf-8")))
            found += visitor.found
    # report_labels translates its QT_TR_NOOP table (extracted where it is defined) through tr(text).
    assert found == ["processing/report_base.py:report_labels"]


def test_make_i18n_keeps_translations_and_adds_new_strings_unfinished(tmp_path):
    (tmp_path / "module.py").write_text('tr("Goal")\ntr("A string added later")\n', encoding="utf-8")
    ts = tmp_path / "sdg_monitor_zh_CN.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1">\n<context>\n'
                  "    <name>SdgMonitor</name>\n    <message>\n        <source>Goal</source>\n"
                  "        <translation>目标</translation>\n    </message>\n    <message>\n"
                  "        <source>A string removed since</source>\n        <translation>已删除</translation>\n"
                  "    </message>\n</context>\n</TS>\n", encoding="utf-8")
    I18N.update(ts, ["module.py"], cwd=tmp_path)
    root = ET.parse(ts).getroot()
    assert [context.find("name").text for context in root.iter("context")] == ["SdgMonitor"]
    found = {m.find("source").text: (m.find("translation").text, m.find("translation").get("type"))
             for m in root.iter("message")}
    assert found == {"Goal": ("目标", None), "A string added later": (None, "unfinished")}


# --- the translation at run time ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def compiled_i18n(tmp_path_factory):
    """The .ts compiled now into a temporary i18n folder the plugin loads from (a stale .qm cannot mislead)."""
    from sdg_monitor import translation

    folder = tmp_path_factory.mktemp("i18n")
    I18N.release(Path(shutil.copy(TS, folder / TS.name)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(translation, "I18N_DIR", folder)
        yield folder


@pytest.fixture()
def zh_cn(qgis_app, compiled_i18n):
    from sdg_monitor.translation import install_translator

    translator = install_translator("zh_CN")
    assert translator is not None
    yield translator
    QCoreApplication.removeTranslator(translator)


def algorithms():
    from sdg_monitor.processing.provider import algorithm_classes

    found = []
    for cls in algorithm_classes():
        algorithm = cls()
        algorithm.initAlgorithm()
        found.append(algorithm)
    assert len(found) >= 17
    return found


def texts_of(algorithm) -> list[str]:
    return ([algorithm.displayName(), algorithm.group(), algorithm.shortHelpString()]
            + [p.description() for p in algorithm.parameterDefinitions()]
            + [o.description() for o in algorithm.outputDefinitions()])


def test_algorithms_speak_chinese_with_the_zh_cn_translation(zh_cn):
    from sdg_monitor.processing.provider import SdgProvider

    assert SdgProvider().name() == "SDG 监测"
    english = []
    for algorithm in algorithms():
        english += [f"{algorithm.name()}: {text}" for text in texts_of(algorithm) if not chinese(text)]
    assert english == []
    forest = next(a for a in algorithms() if a.name() == "forest_area_15_1_1")
    assert forest.displayName() == "森林面积占陆地面积的比例（15.1.1）"
    assert forest.parameterDefinition("ZONES").description() == "分区统计单元（乡镇、村）"


def test_config_messages_speak_chinese_and_still_name_the_key_step_and_closest(zh_cn, sdg_provider, tmp_path):
    """``core`` has no tr: its config errors carry an English template and values, translated where they are
    shown; the message still names the key, the step and the closest valid name."""
    import json

    from bad_input_data import refused
    from sdg_testdata import write_forest_set

    config = write_forest_set(tmp_path)
    data = json.loads(config.read_text(encoding="utf-8"))
    data["zones"]["id_feild"] = data["zones"].pop("id_field")
    config.write_text(json.dumps(data), encoding="utf-8")
    message = refused("sdg:run_indicator_set", {"CONFIG": str(config), "OUTPUT": "memory:"})
    assert chinese(message) and "未知的键" in message and "'id_feild'" not in message
    assert "“id_feild”" in message and "是否应为“id_field”" in message
    data["zones"]["id_field"] = data["zones"].pop("id_feild")
    data["indicators"][1]["parameters"]["WATER_CLASES"] = "60"
    config.write_text(json.dumps(data), encoding="utf-8")
    message = refused("sdg:run_indicator_set", {"CONFIG": str(config), "OUTPUT": "memory:"})
    assert "指标“forest-2020”" in message and "未知的参数“WATER_CLASES”" in message and "WATER_CLASSES" in message


def test_english_locale_translates_nothing(qgis_app, compiled_i18n):
    from sdg_monitor.translation import install_translator, load_translator

    assert install_translator("en_US") is None and load_translator("en_GB") is None
    translated = [f"{a.name()}: {text}" for a in algorithms() for text in texts_of(a) if chinese(text)]
    assert translated == []
    forest = next(a for a in algorithms() if a.name() == "forest_area_15_1_1")
    assert forest.displayName() == "Forest area as a proportion of land area (15.1.1)"


def test_qgis_chinese_locale_loads_the_translation(qgis_app, compiled_i18n):
    """QGIS names its Chinese ``zh-Hans``; the plugin's default locale is QGIS's override when set."""
    from qgis.core import QgsSettings
    from sdg_monitor.translation import install_translator, load_translator, tr

    assert load_translator("zh-Hans") is not None and load_translator("zh_CN") is not None
    assert load_translator("zh-Hant") is None  # no traditional Chinese translation ships
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh-Hans")
    try:
        translator = install_translator()
        assert translator is not None and tr("Reference year") == "参考年份"
        QCoreApplication.removeTranslator(translator)
    finally:
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
    assert tr("Reference year") == "Reference year"


@pytest.fixture()
def dock(zh_cn, dock):
    """The dock of tests/conftest.py, built with the Chinese translation installed."""
    return dock


def test_dock_speaks_chinese(dock):
    assert dock.windowTitle() == "SDG 监测"
    assert [dock.tabs.tabText(i) for i in range(dock.tabs.count())] == ["目标", "指标", "运行"]
    assert [dock.detail_tabs.tabText(i) for i in range(dock.detail_tabs.count())] == ["趋势", "按分区"]
    model = dock.table.model()
    headers = [model.headerData(i, Qt.Horizontal) for i in range(model.columnCount())]
    assert headers == ["代码", "名称", "最新值", "单位", "年份", "目标值", "状态", "得分", "趋势"]
    assert [dock.status_combo.itemText(i) for i in range(dock.status_combo.count())] == [
        "全部状态", "已实现目标值", "进展显著", "进展中等", "进展有限", "恶化", "数据不足"]
    assert dock.message.text().startswith("尚未打开结果库") and dock.store_label.text() == "无结果库"
    assert dock.run_panel.run_button.text() == "运行" and chinese(dock.run_panel.run_button.toolTip())


def test_dock_store_label_in_chinese_at_the_default_width(dock, qgis_app, tmp_path):
    """At QGIS's default dock width (375 px) a long store name keeps its start and extension; the tooltip is
    whole."""
    path = tmp_path / "deqing_county_sdg_results_2015-2022_with_the_township_breakdowns_final.gpkg"
    dock.window().show()
    dock.show()
    dock.setFixedWidth(375)  # QGIS's default dock width, even where it is below the dock's own minimum
    qgis_app.processEvents()
    assert dock.open_store(str(path), create=True)
    shown = dock.store_label.shown_text()
    assert shown.startswith("结果库：de") and shown.endswith("_final.gpkg") and "…" in shown
    assert dock.store_label.toolTip() == str(path)


# --- reports ----------------------------------------------------------------------------------------------------
@pytest.fixture()
def store(tmp_path, sdg_provider):
    from sdg_monitor.core.store import ResultsStore

    import processing

    path = tmp_path / "results.gpkg"
    results = ResultsStore(path)
    results.upsert_results([{"indicator": "3.1.1", "area_id": "330521", "area_name": "德清县", "area_level": "total",
                             "year": year, "value": value, "unit": "per 100,000 live births"}
                            for year, value in ((2015, 100.0), (2022, 80.0))])
    results.upsert_targets([{"indicator": "3.1.1", "target": 70, "target_year": 2030, "direction": "decrease"}])
    processing.run("sdg:assess_progress", {"RESULTS": str(path), "OUTPUT": "memory:"})
    return path


def report(store: Path, language: int) -> tuple[list[str], dict[str, object]]:
    """Sheet names and the goal sheet's first row as {heading: value} of a report in ``language``."""
    from openpyxl import load_workbook

    import processing

    xlsx = store.with_name(f"report_{language}.xlsx")
    processing.run("sdg:export_report", {"RESULTS": str(store), "LANGUAGE": language, "OUTPUT": str(xlsx)})
    book = load_workbook(xlsx)
    goal = book["SDG 3"]
    return book.sheetnames, dict(zip([c.value for c in goal[2]], [c.value for c in goal[3]]))


def test_chinese_report_has_chinese_headings_whatever_qgis_language(store, compiled_i18n):
    sheets, row = report(store, 2)  # Chinese, with QGIS in English (no translator installed)
    assert sheets[0] == "概览" and sheets[-1] == "数据" and "区域 330521" in sheets
    assert {"指标", "名称", "区域代码", "年份", "值", "单位", "目标值", "状态", "得分"} <= set(row)
    assert row["状态"] == "进展显著" and row["值"] == 80.0
    assert row["名称"].startswith("孕产妇死亡率")


def test_english_report_stays_english_with_qgis_in_chinese(store, zh_cn):
    sheets, row = report(store, 1)
    assert sheets[0] == "Overview" and row["Status"] == "Substantial progress"
    assert not any(chinese(heading) for heading in row)
