"""The developer overlay of the play screen (Shift+D): where the story stands and the state behind it, drawn
over the stage at the top right, clear of the text box. For authors; off at every start, never saved."""
from __future__ import annotations

import pygame

from ...story.inspection import Inspection
from .. import theme
from ..text import wrap
from ..textbox import BOX
from ..widgets import panel, text

RECT = pygame.Rect(820, 64, 436, BOX.y - 34 - 64)   # above the text box's name plate
SIZE = 19
PAD = 14
KEYS = "Shift+R reload the story  ·  Shift+P record"


def rows(seen: Inspection, font: pygame.font.Font, width: int) -> list[tuple[str, tuple[int, int, int]]]:
    """The overlay's rows of words, each with its colour, wrapped to `width`."""
    out: list[tuple[str, tuple[int, int, int]]] = []

    def add(words: str, colour: tuple[int, int, int] = theme.PAPER) -> None:
        out.extend((line, colour) for line in wrap(words, font, width) or [""])

    add(f"route {seen.route}  ·  scene {seen.scene}")
    if seen.kind:
        add(f"{seen.kind} {seen.at}", theme.GOLD)
        add(seen.where, theme.PAPER_DIM)
    else:
        add("(no line or menu on screen)", theme.PAPER_DIM)
    add("Meters", theme.GOLD)
    for m in seen.meters:
        hidden = "" if m.visible else "  (hidden)"
        add(f"  {m.label}: {m.value}  in {m.min}..{m.max}{hidden}")
    if not seen.meters:
        add("  none", theme.PAPER_DIM)
    add("Flags set", theme.GOLD)
    add("  " + (", ".join(seen.flags) or "none"), theme.PAPER if seen.flags else theme.PAPER_DIM)
    add("Visits", theme.GOLD)
    add("  " + (", ".join(f"{scene} ×{count}" for scene, count in seen.visits) or "none"),
        theme.PAPER if seen.visits else theme.PAPER_DIM)
    return out


def fit(lines: list[tuple[str, tuple[int, int, int]]], room: int) -> list[tuple[str, tuple[int, int, int]]]:
    """At most `room` rows: when there are more, the last says how many did not fit."""
    if len(lines) <= room:
        return lines
    kept = lines[: room - 1]
    return kept + [(f"… {len(lines) - len(kept)} more rows", theme.PAPER_DIM)]


class DevOverlay:
    """Drawn by the play screen while `on`; what it lists comes from game.story.inspection."""

    def __init__(self) -> None:
        self.on = False

    def toggle(self) -> bool:
        self.on = not self.on
        return self.on

    def draw(self, canvas: pygame.Surface, seen: Inspection) -> None:
        font = theme.ui_font(SIZE)
        step = font.get_linesize()
        room = (RECT.height - 2 * PAD - 2 * step - 8) // step
        shown = fit(rows(seen, font, RECT.width - 2 * PAD), room)
        box = RECT.copy()
        box.height = 2 * PAD + (len(shown) + 2) * step + 8   # no taller than what it lists
        panel(canvas, box, alpha=232)
        text(canvas, font, "Developer (Shift+D)", theme.GOLD, (box.x + PAD, box.y + PAD))
        y = box.y + PAD + step + 4
        for words, colour in shown:
            text(canvas, font, words, colour, (box.x + PAD, y))
            y += step
        text(canvas, font, KEYS, theme.PAPER_DIM, (box.x + PAD, box.bottom - PAD - step + 4))
