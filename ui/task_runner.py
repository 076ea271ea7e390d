"""Run a list of Processing algorithm calls one after the other in a background ``QgsTask``.

Progress is spread over the calls, cancelling stops the running algorithm (through its feedback) and skips
the rest, and each call gets its own outcome with the errors its algorithm reported. Each indicator algorithm
writes its store rows in one transaction at its end, so a cancelled call leaves no partial rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProject,
    QgsTask,
)
from qgis.PyQt.QtCore import Qt, pyqtSignal

from ..processing.base import with_temporary_outputs
from ..translation import tr

DEFERRED = "deferred"


@dataclass(frozen=True)
class AlgorithmCall:
    """One Processing call: an algorithm id, its parameters and a label for the user (default: the id)."""

    algorithm_id: str
    parameters: dict[str, Any]
    label: str = ""

    @property
    def title(self) -> str:
        return self.label or self.algorithm_id


@dataclass
class CallOutcome:
    """What became of a call: ``state`` is ``done``, ``failed``, ``cancelled`` or ``skipped``."""

    call: AlgorithmCall
    state: str
    results: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.state == "done"


class _RecordingFeedback(QgsProcessingFeedback):
    """Processing feedback that keeps the error messages algorithms report."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:
        self.errors.append(error)
        super().reportError(error, fatalError)


class ProcessingCallsTask(QgsTask):
    """A cancellable task running ``calls`` in order; ``callsFinished`` (main thread) carries the outcomes."""

    callsFinished = pyqtSignal(list)  # Qt signal naming

    def __init__(self, calls: list[AlgorithmCall], description: str = "", project: QgsProject | None = None):
        super().__init__(description or tr("SDG Monitor: running indicators"), QgsTask.CanCancel)
        self.calls = list(calls)
        self.outcomes: list[CallOutcome] = []
        registry = QgsApplication.processingRegistry()
        # Algorithms are created and the project-aware context is set up here, in the main thread.
        self._algorithms: list[QgsProcessingAlgorithm | None] = [
            registry.createAlgorithmById(call.algorithm_id) for call in self.calls]
        self._context = QgsProcessingContext()
        self._context.setProject(project or QgsProject.instance())
        self._feedback = _RecordingFeedback()
        self._feedback.progressChanged.connect(self._progress, Qt.ConnectionType.DirectConnection)

    def _progress(self, value: float) -> None:
        self.setProgress(value)

    def cancel(self) -> None:
        """Stop the running algorithm and skip the calls after it."""
        self._feedback.cancel()
        super().cancel()

    def run(self) -> bool:
        """Run the calls (in the task's thread); True when every call succeeded."""
        steps = QgsProcessingMultiStepFeedback(max(len(self.calls), 1), self._feedback)
        self.outcomes = []
        for index, (call, algorithm) in enumerate(zip(self.calls, self._algorithms)):
            steps.setCurrentStep(index)
            if self._feedback.isCanceled():
                self.outcomes.append(CallOutcome(call, "skipped"))
                continue
            self.outcomes.append(self._run_one(call, algorithm, steps))
        self.setProgress(100.0)
        return all(o.ok or o.state == DEFERRED for o in self.outcomes) and not self._feedback.isCanceled()

    def _run_one(self, call: AlgorithmCall, algorithm: QgsProcessingAlgorithm | None,
                 feedback: QgsProcessingFeedback, main_thread: bool = False) -> CallOutcome:
        if algorithm is None:
            return CallOutcome(call, "failed", errors=[tr(
                "Algorithm {} is not available: enable the plugin that provides it.").format(call.algorithm_id)])
        if algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagNoThreading and not main_thread:
            return CallOutcome(call, DEFERRED)  # run by finished(), in the main thread (print layouts)
        context = QgsProcessingContext()  # this thread's context, with the project settings of the main one
        context.copyThreadSafeSettings(self._context)
        first_error = len(self._feedback.errors)
        parameters = with_temporary_outputs(algorithm, call.parameters)
        valid, message = algorithm.checkParameterValues(parameters, context)
        if not valid:
            return CallOutcome(call, "failed", errors=[message])
        try:
            results, ok = algorithm.run(parameters, context, feedback)
        except Exception as error:  # any failure of one call is reported, the others still run
            results, ok = {}, False
            self._feedback.errors.append(str(error))
        errors = self._feedback.errors[first_error:]
        if self._feedback.isCanceled():
            return CallOutcome(call, "cancelled", errors=errors)
        if not ok:
            return CallOutcome(call, "failed", errors=errors or [tr("The algorithm failed without a message.")])
        return CallOutcome(call, "done", dict(results or {}), errors)

    def finished(self, result: bool) -> None:  # QgsTask API
        """Main thread: run the calls that cannot run in a thread (print layouts: QGIS's layouts are not
        thread-safe), mark calls never reached (task cancelled before it ran) and publish the outcomes."""
        for index, (outcome, algorithm) in enumerate(zip(self.outcomes, self._algorithms)):
            if outcome.state == DEFERRED:
                skipped = self._feedback.isCanceled()
                self.outcomes[index] = CallOutcome(outcome.call, "skipped") if skipped else self._run_one(
                    outcome.call, algorithm, self._feedback, main_thread=True)
        reached = len(self.outcomes)
        self.outcomes += [CallOutcome(call, "skipped") for call in self.calls[reached:]]
        self.callsFinished.emit(self.outcomes)
