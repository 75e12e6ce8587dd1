"""A count of long work done, rewritten in place on one line of a terminal (the explorer's states, the files
translate extract writes)."""
from __future__ import annotations

from typing import Optional, TextIO


class TerminalProgress:
    """Called with (route, states met, states whose options are still to follow); clear() wipes the line, so the
    report that follows starts on a clean one."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.shown = False

    def __call__(self, route: str, states: int, waiting: int) -> None:
        self.say(f"exploring route {route}: {states:,} states at menus, {waiting:,} still to follow")

    def say(self, words: str) -> None:
        """Put `words` on the progress line, in place of what it said."""
        self.stream.write(f"\r\x1b[K{words}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def terminal_progress(stream: Optional[TextIO], quiet: bool) -> Optional[TerminalProgress]:
    """A progress line on `stream` when it is a terminal and the output is for a person; else None."""
    if quiet or stream is None:
        return None
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return None
    return TerminalProgress(stream) if tty else None
