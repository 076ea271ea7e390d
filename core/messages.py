"""Bad input found by ``core``: a message key and its values; ``translation.input_message`` gives the text in the
user's language (``core`` imports no Qt), the Processing algorithms and the scale-out raise it as their own
error."""
from __future__ import annotations

#: Message keys (texts in ``translation.input_message``).
NO_CLASSES = "no_classes"
FOREST_AND_WATER = "forest_and_water"


class InputError(ValueError):
    """Bad input: message ``key`` with ``values`` (the parameter, the classes ...)."""

    def __init__(self, key: str, *values: object) -> None:
        super().__init__(key, *values)
        self.key = key
        self.values = values
