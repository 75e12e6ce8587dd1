"""Play-screen extras: the meters panel and the notes that say how a meter moved (by arrow and words)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pygame

from ...story import Changed, Story
from .. import theme
from ..widgets import panel, text
from ..words import Words

TOAST_SECONDS = 2.8


@dataclass
class Toast:
    words: str
    direction: int        # +1 rose, -1 fell, 0 a plain note
    left: float
    good: bool = True     # for a meter's note: whether the change is one the player wants


GOOD = (150, 210, 140)    # a change the player wants: an arrow in a ring
BAD = (240, 170, 90)      # one they do not: an arrow in a diamond, and an edge in the same colour
ROW_Y, ROW_GAP, TOP_ROWS = 18, 44, 2   # the notes' rows, above the characters' heads (they start at about 100)
LEFT_LIMIT = 400          # notes stop short of the meters tab and its open panel at the top left


def arrow(canvas: pygame.Surface, centre: tuple[int, int], up: bool, colour: tuple[int, int, int]) -> None:
    x, y = centre
    points = [(x - 6, y + 4), (x + 6, y + 4), (x, y - 6)] if up else [(x - 6, y - 4), (x + 6, y - 4), (x, y + 6)]
    pygame.draw.polygon(canvas, colour, points)


def change_mark(canvas: pygame.Surface, centre: tuple[int, int], up: bool, good: bool) -> None:
    """How a meter moved, told by shape as well as colour: the arrow's direction says rose or fell; a ring
    around it says the player gained, a diamond says they lost."""
    x, y = centre
    colour = GOOD if good else BAD
    if good:
        getattr(pygame.draw, "aacircle", pygame.draw.circle)(canvas, colour, centre, 12, width=2)
    else:
        pygame.draw.polygon(canvas, colour, [(x, y - 14), (x + 14, y), (x, y + 14), (x - 14, y)], width=2)
    arrow(canvas, centre, up, colour)


class Toasts:
    """Short notes along the top of the screen, above the faces: 'Trust rose' with an arrow in a ring, 'Danger
    of exposure rose' with an arrow in a diamond, 'Screenshot saved', ..."""

    def __init__(self):
        self.items: list[Toast] = []
        self.changed = False

    def add(self, story: Story, changed: Changed, words: Optional[Words] = None) -> None:
        words = words or Words()
        for change in changed.meters:
            meter = story.meters[change.meter]
            if meter.visible:
                up = change.after > change.before
                good = up == (meter.higher != "worse")
                said = words("play.meter_rose" if up else "play.meter_fell", meter=meter.label)
                self.items.append(Toast(said, 1 if up else -1, TOAST_SECONDS, good))
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

    def layout(self) -> list[tuple[Toast, str, pygame.Rect]]:
        """Each note's words and box: in a row from the top right, the newest at the right, a second row below
        when the first is full; never lower than the two rows, so a note never covers a face. A note longer
        than the whole width is shortened with an ellipsis (the long ones are kept in the History)."""
        font = theme.ui_font(theme.SMALL_SIZE)
        out: list[tuple[Toast, str, pygame.Rect]] = []
        full = theme.CANVAS[0] - 24
        row, right = 0, full
        for item in reversed(self.items):
            extra = 66 if item.direction else 36
            words = _fit(font, item.words, full - 24 - extra)
            width = font.size(words)[0] + extra
            if right - width < LEFT_LIMIT and right < full:
                row, right = row + 1, full
            if row >= TOP_ROWS:
                break
            out.append((item, words, pygame.Rect(right - width, ROW_Y + row * ROW_GAP, width, 36)))
            right -= width + 10
        return out

    def draw(self, canvas: pygame.Surface) -> None:
        font = theme.ui_font(theme.SMALL_SIZE)
        for item, words, rect in self.layout():
            panel(canvas, rect, alpha=235)
            x = rect.x + 18
            if item.direction:
                if not item.good:
                    pygame.draw.rect(canvas, BAD, rect, width=2, border_radius=8)
                change_mark(canvas, (x + 10, rect.centery), item.direction > 0, item.good)
                x += 32
            text(canvas, font, words, theme.PAPER, (x, rect.centery), "midleft")


def _fit(font: pygame.font.Font, words: str, width: int) -> str:
    if font.size(words)[0] <= width:
        return words
    while words and font.size(words + "…")[0] > width:
        words = words[:-1]
    return words.rstrip() + "…"


class MeterPanel:
    """The meters the author marked visible, as bars with numbers; toggled with M or its tab."""

    def __init__(self, story: Story, words: Optional[Words] = None):
        self.meters = [m for m in story.meters.values() if m.visible]
        self.label = (words or Words())("play.meters")
        self.toggle_rect = pygame.Rect(24, 18, 132, 36)

    @property
    def box(self) -> pygame.Rect:
        """The open panel, under the tab: a row of 58 px for each meter."""
        return pygame.Rect(24, 62, 360, 24 + 58 * len(self.meters))

    def area(self, open_: bool) -> list[pygame.Rect]:
        """Where draw() paints: its tab, and the panel when it is open (nothing without visible meters)."""
        if not self.meters:
            return []
        return [self.toggle_rect, self.box] if open_ else [self.toggle_rect]

    def draw(self, canvas: pygame.Surface, values: dict[str, int], open_: bool) -> None:
        if not self.meters:
            return
        if canvas.get_clip().collidelist(self.area(open_)) < 0:
            return   # a redraw of a dirty rect elsewhere
        box = self.box
        font = theme.ui_font(theme.SMALL_SIZE)
        panel(canvas, self.toggle_rect, alpha=210)
        text(canvas, font, self.label, theme.PAPER if open_ else theme.PAPER_DIM, self.toggle_rect.center, "center")
        if not open_:
            return
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
