"""The plugin loads into a QGIS interface, adds its provider, menu, toolbar button and dock, and unload removes
all of it."""
from __future__ import annotations

from unittest import mock

from qgis.core import QgsApplication


def test_load_and_unload_leave_nothing_behind(qgis_app, qgis_parent, qgis_processing):
    import sdg_monitor

    iface = mock.MagicMock()
    iface.mainWindow.return_value = qgis_parent
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("sdg") is None

    plugin = sdg_monitor.classFactory(iface)
    plugin.initGui()
    provider = registry.providerById("sdg")
    assert provider is not None
    assert registry.algorithmById("sdg:forest_area_15_1_1") is not None
    action = iface.addToolBarIcon.call_args.args[0]
    assert iface.addPluginToMenu.call_args.args[1] is action
    dock = iface.addDockWidget.call_args.args[1]
    assert dock.objectName() == "SdgMonitorDock"
    action.setChecked(True)
    assert not dock.isHidden()

    plugin.unload()
    assert registry.providerById("sdg") is None
    assert registry.algorithmById("sdg:forest_area_15_1_1") is None
    iface.removeToolBarIcon.assert_called_once_with(action)
    assert iface.removePluginMenu.call_args.args[1] is action
    iface.removeDockWidget.assert_called_once_with(dock)
    assert plugin.action is None and plugin.dock is None and plugin.provider is None


def test_class_factory_without_iface_registers_only_processing(qgis_app, qgis_processing):
    """What qgis_process does: classFactory(None) then initProcessing()."""
    import sdg_monitor

    plugin = sdg_monitor.classFactory(None)
    plugin.initProcessing()
    plugin.initProcessing()  # idempotent
    registry = QgsApplication.processingRegistry()
    assert [p.id() for p in registry.providers()].count("sdg") == 1
    plugin.unload()
    assert registry.providerById("sdg") is None


def test_missing_required_package_is_reported_not_a_failed_load(qgis_app, qgis_parent, qgis_processing,
                                                               monkeypatch):
    """Without pandas (say), the plugin loads, registers nothing and tells the user what to install."""
    import sdg_monitor
    from sdg_monitor import plugin as plugin_module

    monkeypatch.setattr(plugin_module, "missing_packages", lambda: ["pandas"])
    iface = mock.MagicMock()
    iface.mainWindow.return_value = qgis_parent
    plugin = sdg_monitor.classFactory(iface)
    plugin.initGui()
    assert QgsApplication.processingRegistry().providerById("sdg") is None
    message = iface.messageBar().pushCritical.call_args.args[1]
    assert "pandas" in message and "restart QGIS" in message
    iface.addToolBarIcon.assert_not_called()
    plugin.unload()


def test_unload_waits_for_a_running_task_before_removing_the_provider(qgis_app, qgis_parent, qgis_processing,
                                                                       monkeypatch):
    """A run's algorithm copies point into the provider: unload cancels the run and waits for its thread to leave
    them before the provider is deleted (a user disabling the plugin mid-run)."""
    import threading
    import time

    import sdg_monitor
    from sdg_monitor.ui.task_runner import AlgorithmCall, CallOutcome, ProcessingCallsTask

    running, left = threading.Event(), threading.Event()

    def until_cancelled(task, call, algorithm, feedback, main_thread=False):
        running.set()
        end = time.monotonic() + 5
        while not feedback.isCanceled() and time.monotonic() < end:
            time.sleep(0.01)
        if feedback.isCanceled():
            time.sleep(0.2)  # still using the algorithm a while after the cancel
            if algorithm.id() == "sdg:forest_area_15_1_1":
                left.set()
        return CallOutcome(call, "cancelled")

    monkeypatch.setattr(ProcessingCallsTask, "_run_one", until_cancelled)
    iface = mock.MagicMock()
    iface.mainWindow.return_value = qgis_parent
    plugin = sdg_monitor.classFactory(iface)
    plugin.initGui()
    plugin.dock.run_panel.start([AlgorithmCall("sdg:forest_area_15_1_1", {})])
    assert running.wait(10), "the task did not start"
    plugin.unload()
    assert left.is_set(), "the provider was removed while the run still used its algorithm"
    assert QgsApplication.processingRegistry().providerById("sdg") is None
