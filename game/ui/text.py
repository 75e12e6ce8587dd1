"""Text on the canvas: word wrapping, pages that fit the box, and letter-by-letter reveal."""
from __future__ import annotations

import re

import pygame

from ..story.model import paragraphs
from . import theme
from .lru import SizedLRU


# the spaces a line may break at: any white space but the no-break ones, which French sets before : ; ! ? and
# inside « » (U+202F, narrow; U+00A0) and figures use (U+2007): they hold their neighbours on one line
BREAKS = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def words(paragraph: str) -> list[str]:
    """The paragraph's words as a line may be broken between them; a no-break space stays inside its word."""
    return [word for word in BREAKS.split(paragraph) if word]


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Break text into lines no wider than width, only at breaking spaces; a word too long for a line is broken
    by letters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in words(paragraph):
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width:
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def paginate(lines: list[str], per_page: int) -> list[list[str]]:
    """Split wrapped lines into pages of at most per_page lines (at least one page)."""
    return [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]


class Reveal:
    """How much of a page is showing: characters appear at `speed` per second (0: all at once)."""

    def __init__(self, lines: list[str], speed: float):
        self.lines = lines
        self.total = sum(len(line) for line in lines)
        self.speed = speed
        self.shown = float(self.total if speed <= 0 else 0)

    @property
    def done(self) -> bool:
        return self.shown >= self.total

    def complete(self) -> None:
        self.shown = float(self.total)

    def update(self, dt: float) -> bool:
        """Advance; True if more text became visible."""
        if self.done:
            return False
        before = int(self.shown)
        self.shown = min(float(self.total), self.shown + dt * self.speed)
        return int(self.shown) != before

    def visible(self) -> list[str]:
        """The lines as far as they are revealed."""
        left = int(self.shown)
        out = []
        for line in self.lines:
            if left <= 0:
                break
            out.append(line[:left])
            left -= len(line)
        return out


class TextCache:
    """Rendered text surfaces, kept while the same strings are drawn frame after frame: the least recently
    drawn go first once their pixels pass the budget (more than any one screen draws at once, so a screen
    full of text never renders its words again every frame, and a long game never piles renders up)."""

    def __init__(self, budget: int = 8 << 20):
        self.surfaces: SizedLRU[tuple, pygame.Surface] = SizedLRU(
            budget, lambda surface: surface.get_pitch() * surface.get_height())

    def render(self, font: pygame.font.Font, text: str, colour: tuple[int, int, int]) -> pygame.Surface:
        key = (id(font), text, colour)
        surface = self.surfaces.get(key)
        if surface is None:
            surface = font.render(text, True, colour)
            self.surfaces.put(key, surface)
        return surface


EPILOGUE_SIZES = (26, 18)  # an epilogue's type sizes, tried from the first down to the second


def fit_epilogue(epilogue: str, width: int, room: int) -> tuple[pygame.font.Font, list[str]]:
    """The epilogue's lines in the largest italic size that fits `room` pixels high, a blank line between
    paragraphs. If even the smallest size does not fit, the lines that would not are left out, with an ellipsis.
    The ending screen and the endings gallery both use it.
    """
    parts = paragraphs(epilogue)
    for size in range(EPILOGUE_SIZES[0], EPILOGUE_SIZES[1] - 1, -1):
        font = theme.text_font(size, italic=True)
        lines = [line for paragraph in parts for line in [""] + wrap(paragraph, font, width)][1:]
        if len(lines) * font.get_linesize() <= room:
            return font, lines
    lines = lines[:max(1, room // font.get_linesize())]
    while len(lines) > 1 and not lines[-1]:  # never end on a paragraph's blank line
        lines.pop()
    last = lines[-1]
    while last and font.size(last + "…")[0] > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last.rstrip(" .,;:") + "…"
    return font, lines


def fitted(words: str, font: pygame.font.Font, width: int) -> str:
    """The words, shortened with an ellipsis if they would run past `width`."""
    if font.size(words)[0] <= width:
        return words
    while words and font.size(words + "…")[0] > width:
        words = words[:-1]
    return words.rstrip() + "…"
