"""Cancel checks of the Processing algorithms: one message, raised so that nothing partial is written."""
from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingFeedback

from ..translation import tr


def stop_if_cancelled(feedback: QgsProcessingFeedback | None) -> None:
    """Stop the run with "Cancelled: nothing was written." when the user has cancelled it."""
    if feedback is not None and feedback.isCanceled():
        raise QgsProcessingException(tr("Cancelled: nothing was written."))
