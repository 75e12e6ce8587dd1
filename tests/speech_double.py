"""A stand-in for espeak-ng: what the game asked to be said, in order, and how often it asked for silence."""
from __future__ import annotations


class SaidAloud:
    def __init__(self, available: bool = True):
        self.available = available
        self.said: list[str] = []
        self.stops = 0

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        self.stops += 1

    def close(self) -> None:
        pass


class FakeProcess:
    """What subprocess.Popen gives back, for a program that finishes at once (or, running=True, is still going)."""

    def __init__(self, args, running: bool = False, **kwargs):
        self.args, self.kwargs, self.running, self.killed = args, kwargs, running, False

    def wait(self, timeout=None) -> int:
        return 0

    def poll(self):
        return None if self.running and not self.killed else 0

    def kill(self) -> None:
        self.killed = True
