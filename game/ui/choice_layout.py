"""Where a menu's choice buttons go: above the text box, and clear of the characters' faces when they can be."""
from __future__ import annotations

from typing import Callable, Sequence

import pygame

from . import theme

WIDE = 800            # a menu's width when nothing is in the way (centred)
FULL = 1200           # the widest a menu goes, when large words would not fit above the text box at WIDE
NARROWEST = 360       # the least width a menu is squeezed to, to fit between or beside faces
MARGIN = 40           # from the canvas's sides
TOP = 16              # the highest a button goes


def place_choices(heights_for: Callable[[int], Sequence[int]], gap: int, bottom: int,
                  faces: Sequence[pygame.Rect], wide: int = WIDE) -> tuple[list[pygame.Rect], bool]:
    """The buttons' rects, stacked upward from `bottom` (just above the text box), each as tall as
    heights_for(width) says for its words at that width.

    Centred and `wide` (WIDE unless asked) when that covers no face; else as wide as it can be in the widest stretch of the canvas
    between the faces (at least NARROWEST), if its buttons still fit above the text box; else, of those that
    fit, the place that covers least of the faces. The second value says whether every face is clear (when
    it is not, the play screen dims the stage under the menu, so that a covered face reads as stepped back)."""
    places = [(theme.CANVAS[0] // 2, wide)]
    for left, right in sorted(_free(faces), key=lambda span: span[0] - span[1]):
        width = min(wide, right - left)
        if width >= NARROWEST:
            places.append(((left + right) // 2, width))
    best: tuple[int, list[pygame.Rect]] | None = None
    for centre, width in places:
        rects = _stack(heights_for(width), gap, bottom, centre, width)
        if rects[0].top < TOP:
            continue  # too many words at this width to stand above the text box
        covered = sum(_area(rect.clip(face)) for rect in rects for face in faces)
        if covered == 0:
            return rects, True
        if best is None or covered < best[0]:
            best = (covered, rects)
    if best is not None:
        return best[1], False
    rects = _stack(heights_for(wide), gap, bottom, theme.CANVAS[0] // 2, wide)
    shift = TOP - rects[0].top
    return [rect.move(0, shift) for rect in rects], not faces


def _stack(heights: Sequence[int], gap: int, bottom: int, centre: int, width: int) -> list[pygame.Rect]:
    top = bottom - sum(heights) - gap * (len(heights) - 1)
    rects = []
    for height in heights:
        rects.append(pygame.Rect(centre - width // 2, top, width, height))
        top += height + gap
    return rects


def _free(faces: Sequence[pygame.Rect]) -> list[tuple[int, int]]:
    """The stretches of the canvas's width (inside its margins) that no face spans, with a little air."""
    edges = sorted((face.left - 12, face.right + 12) for face in faces)
    spans, x = [], MARGIN
    for left, right in edges:
        if left > x:
            spans.append((x, left))
        x = max(x, right)
    if theme.CANVAS[0] - MARGIN > x:
        spans.append((x, theme.CANVAS[0] - MARGIN))
    return spans


def _area(rect: pygame.Rect) -> int:
    return rect.width * rect.height
