"""The one exception type the library raises; the CLI turns it into a one-line message and exit code 2."""

from __future__ import annotations


class BackcheckError(Exception):
    """A problem with the user's input or environment that the user can fix.

    ``hint`` names the flag or command that fixes it; the CLI prints ``message (hint)``.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message
