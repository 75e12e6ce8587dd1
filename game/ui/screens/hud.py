"""Play-screen extras: the meters panel and the notes that say how a meter moved (by arrow and words)."""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...story import Changed, Story
from .. import theme
from ..widgets import panel, text

TOAST_SECONDS = 2.8


@dataclass
class Toast:
    words: str
    direction: int        # +1 rose, -1 fell, 0 a plain note
    left: float


def arrow(canvas: pygame.Surface, centre: tuple[int, int], up: bool, colour: tuple[int, int, int]) -> None:
    x, y = centre
    points = [(x - 8, y + 5), (x + 8, y + 5), (x, y - 7)] if up else [(x - 8, y - 5), (x + 8, y - 5), (x, y + 7)]
    pygame.draw.polygon(canvas, colour, points)


class Toasts:
    """Short notes at the top right: 'Trust rose' with an up arrow, 'Screenshot saved', ..."""

    def __init__(self):
        self.items: list[Toast] = []
        self.changed = False

    def add(self, story: Story, changed: Changed) -> None:
        for change in changed.meters:
            meter = story.meters[change.meter]
            if meter.visible:
                up = change.after > change.before
                self.items.append(Toast(f"{meter.label} {'rose' if up else 'fell'}", 1 if up else -1, TOAST_SECONDS))
        self.items = self.items[-4:]
        self.changed = True

    def note(self, words: str, seconds: float = TOAST_SECONDS) -> None:
        self.items = (self.items + [Toast(words, 0, seconds)])[-4:]
        self.changed = True

    def update(self, dt: float) -> bool:
        """Count down; True when a note appeared or went (the only times the screen must change)."""
        before = len(self.items)
        for item in self.items:
            item.left -= dt
        self.items = [t for t in self.items if t.left > 0]
        changed, self.changed = self.changed or len(self.items) != before, False
        return changed

    def draw(self, canvas: pygame.Surface) -> None:
        font = theme.ui_font(theme.SMALL_SIZE)
        y = 72
        for item in self.items:
            width = font.size(item.words)[0] + (64 if item.direction else 36)
            rect = pygame.Rect(1256 - width, y, width, 40)
            panel(canvas, rect, alpha=230)
            x = rect.x + 18
            if item.direction:
                colour = (150, 210, 140) if item.direction > 0 else (232, 140, 120)
                arrow(canvas, (x + 8, rect.centery), item.direction > 0, colour)
                x += 28
            text(canvas, font, item.words, theme.PAPER, (x, rect.centery), "midleft")
            y += 48


class MeterPanel:
    """The meters the author marked visible, as bars with numbers; toggled with M or its tab."""

    def __init__(self, story: Story):
        self.meters = [m for m in story.meters.values() if m.visible]
        self.toggle_rect = pygame.Rect(24, 18, 132, 36)

    def draw(self, canvas: pygame.Surface, values: dict[str, int], open_: bool) -> None:
        if not self.meters:
            return
        font = theme.ui_font(theme.SMALL_SIZE)
        panel(canvas, self.toggle_rect, alpha=210)
        text(canvas, font, "Meters (M)", theme.PAPER if open_ else theme.PAPER_DIM, self.toggle_rect.center, "center")
        if not open_:
            return
        box = pygame.Rect(24, 62, 360, 24 + 58 * len(self.meters))
        panel(canvas, box, alpha=225)
        y = box.y + 16
        for meter in self.meters:
            value = values.get(meter.id, meter.start)
            text(canvas, font, meter.label, theme.PAPER, (box.x + 20, y), "topleft")
            text(canvas, font, f"{value} / {meter.max}", theme.PAPER_DIM, (box.right - 20, y), "topright")
            bar = pygame.Rect(box.x + 20, y + 28, box.width - 40, 10)
            pygame.draw.rect(canvas, (60, 54, 60), bar, border_radius=5)
            span = max(1, meter.max - meter.min)
            filled = bar.copy()
            filled.width = int(bar.width * (value - meter.min) / span)
            if filled.width:
                pygame.draw.rect(canvas, theme.GOLD, filled, border_radius=5)
            y += 58
