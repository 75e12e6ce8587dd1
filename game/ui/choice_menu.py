"""A story menu's buttons in the player's reading: their words' sizes make their heights, and choice_layout
places them above the text box and its name plate.

Options grow with the text size. A menu whose words would not fit above the text box at the player's size is
first made as wide as the canvas allows, then its words are set a step smaller, never below the usual size:
no option is ever cut off or pushed over the text box."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import pygame

from ..story import Option
from .choice_layout import FULL, TOP, WIDE, place_choices
from .reading import Reading
from .textbox import BOX, plate_rect
from .widgets import Button, ButtonList, label_lines

GAP = 12            # between choice buttons
OPTION_SIZE = 26    # an option's words, in the story's face, before the text size is applied
PADDING = 22        # above and below an option's words, together
LEAST = 60          # the least height of a button
STEP = 0.05         # how much smaller an option's words are set at each try, when a menu does not fit


def fonts(reading: Reading) -> tuple[pygame.font.Font, pygame.font.Font]:
    """An option's words and a greyed option's reason, as Button draws them."""
    return reading.text_font(OPTION_SIZE), reading.hint_font()


def heights(options: Sequence[Option], reading: Reading, width: int) -> list[int]:
    """Each option's button height at `width`: its wrapped words, and its reason when it cannot be chosen."""
    font, small = fonts(reading)
    out = []
    for option in options:
        words = len(label_lines(option.text, font, width)) * font.get_linesize()
        hint = len(label_lines(option.hint, small, width)) * small.get_linesize() \
            if option.hint and not option.available else 0
        out.append(max(LEAST, words + hint + PADDING))
    return out


def bottom(reading: Reading) -> int:
    """The lowest a menu reaches: above the text box, and above a name plate however tall it has grown."""
    return min(BOX.y - 20, plate_rect(reading, 0).top - 8)


def place(options: Sequence[Option], reading: Reading,
          faces: Sequence[pygame.Rect]) -> tuple[list[pygame.Rect], bool, Reading]:
    """The buttons' rects, whether every face is clear (choice_layout.place_choices), and the reading their
    words are set in: the player's, or the largest smaller one (down to the usual size) that fits."""
    low = bottom(reading)
    scale = reading.scale
    while True:
        sized = replace(reading, scale=scale)
        for wide in (WIDE, FULL):
            rects, clear = place_choices(lambda width: heights(options, sized, width), GAP, low, faces, wide)
            if rects[0].top >= TOP and rects[-1].bottom <= low:
                return rects, clear, sized
        if scale <= 1.0:
            return rects, clear, sized   # a menu too long at any size: choice_layout keeps it on the canvas
        scale = max(1.0, round(scale - STEP, 2))


def choice_buttons(options: Sequence[Option], rects: Sequence[pygame.Rect], reading: Reading) -> ButtonList:
    """The menu's buttons at `rects`, their words in `reading` (the third value place gives)."""
    font, small = fonts(reading)
    buttons = [Button(option.text, rect, option.available, option.hint if not option.available else "",
                      key=str(i)) for i, (option, rect) in enumerate(zip(options, rects))]
    return ButtonList(buttons, font, hint_font=small, opaque=reading.high_contrast)
