"""The Run tab: choose an indicator set (config file) and run it with ``sdg:run_indicator_set`` in a task."""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsTask
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..translation import tr
from .task_runner import AlgorithmCall, CallOutcome, ProcessingCallsTask

RUN_SET_ID = "sdg:run_indicator_set"
CONFIG_PARAMETER = "CONFIG"
RESULTS_PARAMETER = "RESULTS"
EXCEL_REPORT_ID = "sdg:export_report"
PDF_REPORT_ID = "sdg:export_report_pdf"
PORTAL_ID = "sdg:export_portal"


def run_set_available() -> bool:
    """Whether ``sdg:run_indicator_set`` is registered with the parameters the dock passes to it."""
    algorithm = QgsApplication.processingRegistry().algorithmById(RUN_SET_ID)
    return algorithm is not None and all(
        algorithm.parameterDefinition(name) is not None for name in (CONFIG_PARAMETER, RESULTS_PARAMETER))


def outcome_text(outcome: CallOutcome) -> str:
    """One line per call for the outcome list; a run that finished with failed steps says how many."""
    states = {"done": tr("done"), "failed": tr("failed"), "cancelled": tr("cancelled"),
              "skipped": tr("not run")}
    state = states[outcome.state]
    failed = int(outcome.results.get("FAILED") or 0) if outcome.state == "done" else 0
    if failed:
        state = tr("done, {0} of {1} steps failed").format(
            failed, failed + int(outcome.results.get("COMPUTED") or 0))
    text = f"{outcome.call.title}: {state}"
    return text + ("\n  " + "\n  ".join(outcome.errors) if outcome.errors else "")


class RunPanel(QWidget):
    """Runs a list of calls in a :class:`ProcessingCallsTask`; ``runFinished`` carries the outcomes."""

    runFinished = pyqtSignal(list)  # Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_path = ""
        self.task: ProcessingCallsTask | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Indicator set (configuration file)"), self))
        self.config = QgsFileWidget(self)
        self.config.setFilter(tr("Indicator sets (*.yml *.yaml *.json);;All files (*)"))
        self.config.setDialogTitle(tr("Choose an indicator set"))
        layout.addWidget(self.config)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Run"), self)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.portal_button = QPushButton(tr("Publish portal…"), self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        reports = QHBoxLayout()
        self.excel_button = QPushButton(tr("Excel report…"), self)
        self.pdf_button = QPushButton(tr("PDF report…"), self)
        self.excel_button.setToolTip(tr("Write the Excel report of the open results store ({})").format(
            EXCEL_REPORT_ID))
        self.pdf_button.setToolTip(tr("Write the PDF report of the open results store ({})").format(PDF_REPORT_ID))
        self.excel_button.clicked.connect(lambda: self._choose_report(EXCEL_REPORT_ID))
        self.pdf_button.clicked.connect(lambda: self._choose_report(PDF_REPORT_ID))
        layout.addWidget(QLabel(tr("Reports"), self))
        reports.addWidget(self.excel_button)
        reports.addWidget(self.pdf_button)
        layout.addLayout(reports)
        layout.addWidget(self.portal_button)
        self.outcomes = QListWidget(self)
        layout.addWidget(self.outcomes)
        self.run_button.clicked.connect(self.run_config)
        self.cancel_button.clicked.connect(self.cancel)
        self.portal_button.clicked.connect(self._choose_portal_folder)
        self.config.fileChanged.connect(self.update_state)
        registry = QgsApplication.processingRegistry()
        registry.providerAdded.connect(self.update_state)
        registry.providerRemoved.connect(self.update_state)
        self.update_state()

    def set_store(self, path: str) -> None:
        self.store_path = path
        self.update_state()

    def update_state(self) -> None:
        """Enable Run only when the algorithm is registered, a store is open and a config is chosen."""
        running = self.task is not None
        if not run_set_available():
            reason = tr("Running an indicator set needs the {} algorithm, which is not installed in this "
                        "version of SDG Monitor. Run indicators from the Processing toolbox meanwhile.").format(
                RUN_SET_ID)
        elif not self.store_path:
            reason = tr("Open or create a results store first.")
        elif not self.config.filePath():
            reason = tr("Choose an indicator set file.")
        else:
            reason = ""
        self.config.setEnabled(run_set_available() and not running)
        self.config.setToolTip(reason if not run_set_available() else "")
        self.run_button.setEnabled(not reason and not running)
        self.run_button.setToolTip(reason or tr("Run the indicator set in the background"))
        for button in (self.excel_button, self.pdf_button):
            button.setEnabled(bool(self.store_path) and not running)
        self.portal_button.setEnabled(bool(self.store_path) and not running)
        self.portal_button.setToolTip(tr("Write the open store as an offline web portal (index.html, a page per "
                                         "goal and indicator, Open SDG data) into a folder, in the background")
                                      if self.store_path else tr("Open or create a results store first."))

    def run_config(self) -> None:
        """Run the chosen indicator set into the open store."""
        path = self.config.filePath()
        self.start([AlgorithmCall(RUN_SET_ID, {CONFIG_PARAMETER: path, RESULTS_PARAMETER: self.store_path},
                                  Path(path).name)])

    def _choose_report(self, algorithm_id: str) -> None:
        excel = algorithm_id == EXCEL_REPORT_ID
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save the report"), str(Path(self.store_path).with_suffix(".xlsx" if excel else ".pdf")),
            tr("Excel workbooks (*.xlsx)") if excel else tr("PDF files (*.pdf)"))
        if path:
            self.export_report(algorithm_id, path)

    def export_report(self, algorithm_id: str, path: str) -> ProcessingCallsTask:
        """Write the open store's Excel (``sdg:export_report``) or PDF (``sdg:export_report_pdf``) report in a
        task; the PDF's print layout is laid out in the main thread when the task finishes."""
        return self.start([AlgorithmCall(algorithm_id, {RESULTS_PARAMETER: self.store_path, "OUTPUT": path},
                                         Path(path).name)])

    def _choose_portal_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder for the portal (new, empty, or an earlier "
                                                           "portal)"), str(Path(self.store_path).parent))
        if folder:
            self.publish_portal(folder)

    def publish_portal(self, folder: str) -> ProcessingCallsTask:
        """Write the open store's portal into ``folder`` (zones and language: the algorithm's defaults)."""
        return self.start([AlgorithmCall(PORTAL_ID, {RESULTS_PARAMETER: self.store_path, "OUTPUT": folder},
                                         tr("Portal"))])

    def start(self, calls: list[AlgorithmCall]) -> ProcessingCallsTask:
        """Run ``calls`` in a background task with the progress bar and Cancel."""
        self.outcomes.clear()
        self.progress.setValue(0)
        self.task = ProcessingCallsTask(calls)
        self.task.progressChanged.connect(self._progress)
        self.task.callsFinished.connect(self._finished)
        self.cancel_button.setEnabled(True)
        self.update_state()
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _progress(self, value: float) -> None:
        self.progress.setValue(int(value))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def stop(self) -> None:
        """Cancel the run and wait until its thread has left the algorithms (the plugin's unload: they point into
        the provider it removes next). A task cancelled before it started never runs."""
        self.cancel()
        if self.task is not None and self.task.status() == QgsTask.TaskStatus.Running:
            self.task.waitForFinished()

    def _finished(self, outcomes: list) -> None:
        self.task = None
        self.cancel_button.setEnabled(False)
        for outcome in outcomes:
            self.outcomes.addItem(outcome_text(outcome))
            if outcome.ok and outcome.call.algorithm_id == PORTAL_ID:
                self.outcomes.addItem(str(Path(outcome.results["OUTPUT"]) / "index.html"))
        self.update_state()
        self.runFinished.emit(outcomes)
