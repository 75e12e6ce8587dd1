"""The look of the interface: canvas size, colours, and the OFL faces from the fontpkg packages."""
from __future__ import annotations

from functools import lru_cache

import fontpkg
import pygame

CANVAS = (1280, 720)

INK = (24, 22, 30)                # the text box and panels
INK_ALPHA = 236
PAPER = (244, 236, 222)           # text on ink: contrast well over 4.5:1
PAPER_DIM = (178, 168, 156)       # secondary text (hints, disabled), still over 4.5:1 on INK
GOLD = (224, 178, 92)             # accents, focus
GOLD_SOFT = (224, 178, 92, 90)
DISABLED = (120, 112, 106)
SHADOW = (0, 0, 0)
DIM_OVERLAY = (10, 8, 16, 150)    # drawn over the screen beneath an overlay

TEXT_FACE = "lora"                # serif for the story's words
DISPLAY_FACE = "cinzel"           # titles and name plates
UI_FACE = "josefin-sans"          # buttons and small labels

DIALOGUE_SIZE = 28                # Lora 28: 36 px from descender to ascender
NAME_SIZE = 26
UI_SIZE = 24
SMALL_SIZE = 20


@lru_cache(maxsize=None)
def font(face: str, size: int, italic: bool = False) -> pygame.font.Font:
    """A font from a fontpkg family, cached; the italic file when the family has one."""
    try:
        path = fontpkg.path(face, style="italic" if italic else "normal")
        synthetic_italic = False
    except fontpkg.FontpkgError:
        path = fontpkg.path(face)
        synthetic_italic = italic
    result = pygame.font.Font(str(path), size)
    result.italic = synthetic_italic
    return result


def text_font(size: int = DIALOGUE_SIZE, italic: bool = False) -> pygame.font.Font:
    return font(TEXT_FACE, size, italic)


def display_font(size: int) -> pygame.font.Font:
    return font(DISPLAY_FACE, size)


def ui_font(size: int = UI_SIZE) -> pygame.font.Font:
    return font(UI_FACE, size)


def hex_colour(text: str) -> tuple[int, int, int]:
    return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio between two colours."""
    def luminance(c: tuple[int, int, int]) -> float:
        def channel(v: int) -> float:
            v = v / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b_ = (channel(x) for x in c[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
