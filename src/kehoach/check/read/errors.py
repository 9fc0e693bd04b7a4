"""The one exception the checking layer raises for a file it cannot read."""

from __future__ import annotations

from typing import Literal

ReadErrorReason = Literal[
    "not-found",
    "not-a-zip",
    "damaged",
    "encrypted",
    "too-large",
    "zip-bomb",
    "missing-part",
    "bad-xml",
]


class DocxReadError(Exception):
    """A file that cannot be read as a Word document (exit code 2 of ``kehoach check``).

    Every refusal — not a zip, a damaged or truncated zip, a password-protected file,
    a zip bomb, a missing ``word/document.xml``, unreadable XML — ends here with a
    message in Vietnamese and in English, never with a traceback.

    Attributes:
        reason: A short machine-readable reason (see :data:`ReadErrorReason`).
        message_vi: The message for people, in Vietnamese.
        message_en: The same message in English.
    """

    def __init__(self, reason: ReadErrorReason, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.reason: ReadErrorReason = reason
        self.message_vi = message_vi
        self.message_en = message_en

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang`` (``"vi"`` or ``"en"``)."""
        return self.message_en if lang == "en" else self.message_vi
