"""Skip and auto-forward: when the play screen should move on by itself, and when it must stop."""
from __future__ import annotations

SKIP_STEP = 1 / 30        # seconds between lines while skipping (Ren'Py's fast skip is about as quick)


def auto_wait(text: str, base: float) -> float:
    """Seconds auto-forward waits once a line is fully shown: the player's setting, more for long lines."""
    return base * (0.6 + len(text) / 120)


class Pace:
    """skip: toggled (Tab, the quick menu) or held (Ctrl); auto: toggled (A, the quick menu)."""

    def __init__(self):
        self.skip_on = False
        self.skip_held = False
        self.auto = False
        self.waited = 0.0

    @property
    def skipping(self) -> bool:
        return self.skip_on or self.skip_held

    def stop(self) -> None:
        self.skip_on = self.skip_held = self.auto = False
        self.waited = 0.0

    def toggle_skip(self) -> bool:
        self.skip_on = not self.skip_on
        if self.skip_on:
            self.auto = False
        self.waited = 0.0
        return self.skip_on

    def toggle_auto(self) -> bool:
        self.auto = not self.auto
        if self.auto:
            self.skip_on = False
        self.waited = 0.0
        return self.auto

    def shown(self) -> None:
        """A new line is on screen: the waits start again."""
        self.waited = 0.0

    def due(self, dt: float, wait: float) -> bool:
        """Count dt; True once `wait` seconds have passed since the line (or the last step)."""
        self.waited += dt
        if self.waited >= wait:
            self.waited = 0.0
            return True
        return False
