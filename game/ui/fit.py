"""Whether a line's words fit the text box as the play screen lays them out: the dialogue face at 100% text size,
wrapped to the box's width, in pages of LINES_PER_PAGE lines (textbox.py). For `translate check`."""
from __future__ import annotations

from typing import Optional

import pygame

from . import theme
from .text import paginate, words, wrap
from .textbox import LINES_PER_PAGE, TEXT_WIDTH


def _font(narration: bool) -> pygame.font.Font:
    if not pygame.font.get_init():
        pygame.font.init()
    return theme.text_font(theme.DIALOGUE_SIZE, italic=narration)


_NOT_A_LETTER = "\U0010FFFD"   # private use: no font has it, so it draws as the font's box for missing letters
_missing_cache: dict[tuple[int, str], bool] = {}


def _missing(font: pygame.font.Font, letter: str) -> bool:
    """The font draws the letter as its box for a missing one (pygame tells no other way)."""
    key = (id(font), letter)
    if key not in _missing_cache:
        def drawn(c: str) -> bytes:
            return pygame.image.tobytes(font.render(c, True, (255, 255, 255)), "RGBA")
        _missing_cache[key] = drawn(letter) == drawn(_NOT_A_LETTER)
    return _missing_cache[key]


def pages(text: str, narration: bool) -> int:
    """How many pages of the text box the text takes (narration is set in italic)."""
    return len(paginate(wrap(text, _font(narration), TEXT_WIDTH), LINES_PER_PAGE))


def layout_problem(text: str, narration: bool) -> Optional[str]:
    """Why the text cannot be laid out as written, or None: a letter the font lacks (shown as a box), or a word
    wider than the box (broken in the middle)."""
    font = _font(narration)
    lacking = sorted(c for c in set(text) if not c.isspace() and _missing(font, c))
    if lacking:
        return "the font has no " + ", ".join(f"'{c}' (U+{ord(c):04X})" for c in lacking)
    for word in words(text):
        if font.size(word)[0] > TEXT_WIDTH:
            return f"the word '{word[:40]}' is wider than the text box"
    return None
