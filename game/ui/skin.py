"""The interface's pictures (assets/ui/, made by tools/make_ui.py): nine-slice panels and buttons, cursors, marks.

A piece that is missing or will not load is drawn by code in the same colours instead, with a note in the log,
so a damaged install still plays. Surfaces are made once per look and size: drawing one is then a single blit.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Optional

import pygame

from . import theme
from .assets import GAME_ASSETS

log = logging.getLogger(__name__)

FOLDER = GAME_ASSETS / "ui"
CORNER = 20                       # tools/make_ui.py: the corners kept as they are when a piece is stretched
FRAMED = 100                      # panels at least this tall and wide get the inner hairline and corner ticks
PANEL_RULE = (92, 80, 70)
BUTTON_LOOKS = {                  # tools/make_ui.py BUTTONS: fill and rule of each state, for the fallback
    "idle": (theme.INK, (110, 96, 82)),
    "hover": ((72, 56, 40), theme.GOLD),
    "disabled": ((40, 36, 42), (70, 64, 62)),
}
MARKS = {"cursor_continue": 8, "cursor_focus": 6}   # star radius of each mark, for the fallback


def nine_slice(source: pygame.Surface, size: tuple[int, int], corner: int = CORNER) -> pygame.Surface:
    """`source` stretched to `size`, its corners kept whole and its edges stretched along their length only."""
    w, h = size
    sw, sh = source.get_size()
    c = max(1, min(corner, w // 2, h // 2, sw // 2, sh // 2))
    out = pygame.Surface(size, pygame.SRCALPHA)
    xs = [(0, c, 0, c), (c, sw - 2 * c, c, w - 2 * c), (sw - c, c, w - c, c)]   # (src x, src w, dst x, dst w)
    ys = [(0, c, 0, c), (c, sh - 2 * c, c, h - 2 * c), (sh - c, c, h - c, c)]
    for sx, sw_, dx, dw in xs:
        for sy, sh_, dy, dh in ys:
            if dw <= 0 or dh <= 0:
                continue
            part = source.subsurface(pygame.Rect(sx, sy, sw_, sh_))
            out.blit(pygame.transform.scale(part, (dw, dh)), (dx, dy))
    return out


def _star(surface: pygame.Surface, centre: tuple[int, int], radius: int, colour: tuple[int, int, int]) -> None:
    x, y = centre
    r, w = radius, max(2, radius // 3)
    pygame.draw.polygon(surface, colour, [(x, y - r), (x + w, y - w), (x + r, y), (x + w, y + w),
                                          (x, y + r), (x - w, y + w), (x - r, y), (x - w, y - w)])


class Skin:
    """The pieces of one assets/ui folder, loaded when first drawn and kept."""

    def __init__(self, folder: Path = FOLDER):
        self.folder = folder
        self._pieces: dict[str, Optional[pygame.Surface]] = {}
        self._made: dict[tuple, pygame.Surface] = {}

    def piece(self, name: str) -> Optional[pygame.Surface]:
        if name not in self._pieces:
            path = self.folder / f"{name}.png"
            try:
                picture = pygame.image.load(str(path))
                self._pieces[name] = picture.convert_alpha() if pygame.display.get_surface() else picture
            except (pygame.error, FileNotFoundError, OSError) as exc:
                log.warning("interface picture %s will not load (%s): drawing it plainly; "
                            "`python tools/make_ui.py` makes it again", path, exc)
                self._pieces[name] = None
        return self._pieces[name]

    def _keep(self, key: tuple, surface: pygame.Surface) -> pygame.Surface:
        if len(self._made) > 48:  # sizes come from layouts, so few on one screen; a bound (a panel is ~0.5 MB)
            self._made.clear()
        self._made[key] = surface
        return surface

    def panel(self, size: tuple[int, int], alpha: int = theme.INK_ALPHA,
              rule: Optional[tuple[int, int, int]] = PANEL_RULE) -> pygame.Surface:
        """A dark translucent panel with soft corners, framed by a rule in `rule`'s colour (None: no frame)."""
        key = ("panel", size, alpha, rule)
        made = self._made.get(key)
        if made is not None:
            return made
        framed = min(size) >= FRAMED
        fill, frame = self.piece("panel_fill"), self.piece("panel_rule" if framed else "panel_rule_plain")
        if fill is None or (rule is not None and frame is None):
            return self._keep(key, plain_rounded(size, theme.INK, alpha, 14, rule))
        surface = nine_slice(fill, size)
        surface.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        if rule is not None:
            tinted = nine_slice(frame, size)
            tinted.fill((*rule, 255), special_flags=pygame.BLEND_RGBA_MULT)
            surface.blit(tinted, (0, 0))
        return self._keep(key, surface)

    def button(self, size: tuple[int, int], state: str) -> pygame.Surface:
        """A button in one of its states: 'idle', 'hover' (focused) or 'disabled'."""
        key = ("button", size, state)
        made = self._made.get(key)
        if made is not None:
            return made
        source = self.piece(f"button_{state}")
        if source is None:
            fill, rule = BUTTON_LOOKS[state]
            return self._keep(key, plain_rounded(size, fill, 232, 10, rule))
        return self._keep(key, nine_slice(source, size))

    def mark(self, canvas: pygame.Surface, name: str, centre: tuple[int, int]) -> None:
        """A cursor or mark ('cursor_continue', 'cursor_focus', 'cursor_more') centred on `centre`."""
        picture = self.piece(name)
        if picture is not None:
            canvas.blit(picture, picture.get_rect(center=centre))
        elif name == "cursor_more":
            x, y = centre
            pygame.draw.polygon(canvas, theme.GOLD, [(x - 6, y - 4), (x + 6, y - 4), (x, y + 5)])
        else:
            _star(canvas, centre, MARKS.get(name, 6), theme.GOLD)


def plain_rounded(size: tuple[int, int], fill: tuple[int, int, int], alpha: int, radius: int,
                  rule: Optional[tuple[int, int, int]]) -> pygame.Surface:
    """The fallback for a missing piece: a translucent rounded rectangle with a 2 px rule."""
    surface = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(surface, (*fill, alpha), surface.get_rect(), border_radius=radius)
    if rule:
        pygame.draw.rect(surface, (*rule, 255), surface.get_rect(), width=2, border_radius=radius)
    return surface


@lru_cache(maxsize=None)
def skin(folder: Path = FOLDER) -> Skin:
    """The skin of a folder, made once, as fonts are (theme.font)."""
    return Skin(folder)
