"""Messages from ``core`` in the user's language without Qt: ``core`` marks its English templates with
:func:`QT_TR_NOOP` (pylupdate extracts them into the translation) and raises errors that carry the template and its
values; ``translation.input_message`` / ``translation.message_text`` give the text in the user's language, and the
Processing algorithms and the scale-out raise it as their own error."""
from __future__ import annotations

from typing import Callable

#: Message keys of :class:`InputError` (texts in ``translation.input_message``).
NO_CLASSES = "no_classes"
FOREST_AND_WATER = "forest_and_water"


def QT_TR_NOOP(text: str) -> str:  # Qt's name, the one pylupdate looks for
    """Mark ``text`` for translation (pylupdate extracts it); it is translated where it is shown."""
    return text


class Message:
    """An English template (marked with :func:`QT_TR_NOOP`) and its values, themselves text or messages."""

    def __init__(self, template: str, *values: object) -> None:
        self.template = template
        self.values = values

    def text(self, translate: Callable[[str], str] = str) -> str:
        """The message with ``translate`` applied to its template and to those of its values (English by
        default)."""
        return translate(self.template).format(
            *(value.text(translate) if isinstance(value, Message) else value for value in self.values))

    def __str__(self) -> str:
        return self.text()


class MessageError(ValueError):
    """An error whose text is a :class:`Message`: ``str()`` gives English, ``translation.message_text`` the
    user's language."""

    def __init__(self, template: str, *values: object) -> None:
        self.message = Message(template, *values)
        super().__init__(self.message.text())


class InputError(ValueError):
    """Bad input: message ``key`` with ``values`` (the parameter, the classes ...)."""

    def __init__(self, key: str, *values: object) -> None:
        super().__init__(key, *values)
        self.key = key
        self.values = values
