"""Animated tile sheets for the Tiled backgrounds: candle flames, lamp halos, steam, glints on water, dust, birds.

Each sheet is one row of frames per kind. `clocks` gives every kind a few animated tiles that run the same
frames on different rests, so that two candles side by side never flicker in step.

Every frame but a swift's wingbeat lasts whole quarters of a second (QUARTER). Each moment some tile of a map
changes frame is a step of the game's loop, and a step costs about the same for one tile as for a dozen: on a
quarter-second grid a map changes at most four times a second however many things move on it (off the grid,
three candles and a dozen motes changed something at nearly every eighth of a second). Irregular rhythms come
from holding some frames two quarters, not from odd lengths.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Callable, Sequence

from art_common import Color, catmull, downscale_alpha, glow, hexc, mix, poly, pygame, with_alpha

K = 2  # drawn at twice the size, then smoothscaled
QUARTER = 250   # ms


@dataclass(frozen=True)
class Sheet:
    """A tile sheet of kinds (rows) by frames (columns), and the animations that play it."""

    name: str
    picture: pygame.Surface
    tile: tuple[int, int]
    kinds: int
    frames: int
    animations: dict[int, list[tuple[int, int]]]


def _sheet(name: str, tile: tuple[int, int], kinds: int, frames: int,
           paint: Callable[[pygame.Surface, int, int, pygame.Rect], None],
           timing: Callable[[int, int], list[tuple[int, int]]], clocks: int = 3) -> Sheet:
    big = pygame.Surface((tile[0] * K * frames, tile[1] * K * kinds), pygame.SRCALPHA)
    big.fill((0, 0, 0, 0))
    for kind in range(kinds):
        for frame in range(frames):
            cell = pygame.Rect(frame * tile[0] * K, kind * tile[1] * K, tile[0] * K, tile[1] * K)
            paint(big, kind, frame, cell)
    picture = downscale_alpha(big, (tile[0] * frames, tile[1] * kinds))
    animations = {}
    for kind in range(kinds):
        for clock in range(min(clocks, frames)):
            # Frames are tile ids of this kind's row; each clock of a kind has its own rhythm.
            animations[kind * frames + clock] = [(kind * frames + f, ms) for f, ms in timing(kind, clock)]
    return Sheet(name, picture, tile, kinds, frames, animations)


# ---------------------------------------------------------------- a candle flame

FLAME_TILE = (32, 48)
FLAME_CENTRE = (16, 30)   # where the flame's middle sits in its tile, at final size
_FLAME_SHAPES = [(15, 5.0, 0.0), (17, 5.2, 0.8), (16, 4.6, -0.8), (19, 5.4, 0.3), (14, 5.2, -0.3), (18, 4.8, 1.2)]


def flame_sheet(flame: Color, halo: Color) -> Sheet:
    """Candle flames: six frames of one flame stretching, leaning and settling, each with its own halo."""
    def paint(surf: pygame.Surface, kind: int, frame: int, cell: pygame.Rect) -> None:
        height, width, lean = (v * K for v in _FLAME_SHAPES[frame])
        cx, cy = cell.x + FLAME_CENTRE[0] * K, cell.y + FLAME_CENTRE[1] * K
        glow(surf, (cx, cy), int(15 * K), halo, 70 + 14 * (frame % 3), falloff=1.7)
        tip, foot = (cx + lean, cy - height * 0.62), (cx, cy + height * 0.38)
        body = catmull([tip, (cx + width * 0.55 + lean * 0.3, cy - height * 0.05), foot,
                        (cx - width * 0.55 + lean * 0.3, cy - height * 0.05)], steps=8)
        poly(surf, body, mix(flame, halo, 0.35))
        inner = [(x * 0.62 + cx * 0.38, y * 0.62 + (cy + height * 0.12) * 0.38) for x, y in body]
        poly(surf, inner, mix(flame, (255, 255, 255), 0.55))
        pygame.draw.line(surf, hexc("2a1a10"), (cx, foot[1] - 1), (cx, foot[1] + 3 * K), K)

    def timing(kind: int, clock: int) -> list[tuple[int, int]]:
        order = [(0, 1, 2, 3, 4, 5), (2, 0, 3, 1, 5, 4), (4, 3, 0, 5, 1, 2)][clock]
        return [(f, QUARTER * (2 if (f + clock) % 3 == 0 else 1)) for f in order]

    return _sheet("flames", FLAME_TILE, 1, 6, paint, timing)


# ---------------------------------------------------------------- a lamp's halo, buzzing

HALO_TILE = (128, 128)


def halo_sheet(colour: Color, peak: int) -> Sheet:
    """A soft round halo that mostly holds steady, then dips and catches again, as a tired lamp does."""
    levels = (1.0, 0.72, 0.93, 0.6)

    def paint(surf: pygame.Surface, kind: int, frame: int, cell: pygame.Rect) -> None:
        glow(surf, cell.center, int(cell.width * 0.48), colour, int(peak * levels[frame]), falloff=2.0)

    def timing(kind: int, clock: int) -> list[tuple[int, int]]:
        return [(0, 3250 + 1250 * clock), (1, QUARTER), (2, QUARTER), (3, QUARTER), (2, QUARTER)]

    return _sheet("halo", HALO_TILE, 1, 4, paint, timing, clocks=2)


# ---------------------------------------------------------------- steam rising from a cup

STEAM_TILE = (32, 64)


def steam_sheet(colour: Color, alpha: int) -> Sheet:
    """Two wisps of steam curling up from the bottom of the tile, eight frames to a full rise."""
    frames = 8

    def paint(surf: pygame.Surface, kind: int, frame: int, cell: pygame.Rect) -> None:
        w, h = cell.size
        for wisp, shift in ((0, 0.0), (1, 0.5)):
            phase = (frame / frames + shift) % 1.0
            pts = []
            for i in range(24):
                t = i / 23
                y = cell.bottom - 6 * K - t * (h - 10 * K)
                x = cell.x + w / 2 + math.sin(2 * math.pi * (t * 1.3 - phase) + wisp * 2.1) * (3 + 7 * t) * K * 0.5
                pts.append((x, y))
            for (x0, y0), (x1, y1), i in zip(pts, pts[1:], range(23)):
                t = i / 22
                fade = math.sin(math.pi * min(1.0, t * 1.15)) * (0.55 + 0.45 * math.sin(math.pi * phase))
                width = int((2.0 + 3.5 * t) * K * 0.5) + 1
                pygame.draw.line(surf, with_alpha(colour, alpha * fade), (x0, y0), (x1, y1), width)

    def timing(kind: int, clock: int) -> list[tuple[int, int]]:
        return [((f + clock * frames // 2) % frames, QUARTER) for f in range(frames)]   # two cups, half a rise apart

    sheet = _sheet("steam", STEAM_TILE, 1, frames, paint, timing, clocks=2)
    blurred = pygame.transform.gaussian_blur(sheet.picture, 2)
    return Sheet(sheet.name, blurred, sheet.tile, sheet.kinds, sheet.frames, sheet.animations)


# ---------------------------------------------------------------- glints of light on water

GLINT_TILE = (64, 16)


def glint_sheet(colours: Sequence[Color], alpha: int, seed: int) -> Sheet:
    """Broken dashes of light on moving water: four frames per kind, the dashes sliding and trading places."""
    rng = random.Random(seed)
    layouts = [[(rng.uniform(6, 46), rng.uniform(3, 12), rng.uniform(8, 20)) for _ in range(3)]
               for _ in range(len(colours))]

    def paint(surf: pygame.Surface, kind: int, frame: int, cell: pygame.Rect) -> None:
        for i, (x, y, ln) in enumerate(layouts[kind]):
            on = (i + frame) % 4 != 0
            if not on:
                continue
            dx = ((frame * 3 + i * 5) % 7 - 3) * K
            x0, y0 = cell.x + (x * K + dx), cell.y + y * K
            lk = ln * K * (0.7 + 0.3 * ((frame + i) % 2))
            th = 2.2 * K
            a = alpha * (0.55 + 0.45 * ((frame + i) % 3) / 2)
            poly(surf, [(x0, y0), (x0 + lk, y0 - th * 0.2), (x0 + lk - th, y0 + th), (x0 + th, y0 + th)],
                 colours[kind], int(a))

    def timing(kind: int, clock: int) -> list[tuple[int, int]]:
        # Three or four quarters a frame: a river holds dozens of glints, nearly all of which would change at every
        # step of a quarter; at this pace a step repaints a third as many (the Seine at night: 69 rects a step).
        return [(f, QUARTER * (4 if (f + clock + kind) % 3 == 0 else 3)) for f in range(4)]

    return _sheet("glints", GLINT_TILE, len(colours), 4, paint, timing)


# ---------------------------------------------------------------- dust in a beam of light

DUST_TILE = (32, 32)


def dust_sheet(colour: Color, alpha: int, seed: int) -> Sheet:
    """A few motes drifting and turning in the light: six frames, each mote fading in and out."""
    rng = random.Random(seed)
    motes = [[(rng.uniform(4, 28), rng.uniform(4, 28), rng.uniform(0.8, 1.6), rng.uniform(0, 6.28))
              for _ in range(3)] for _ in range(2)]
    frames = 6

    def paint(surf: pygame.Surface, kind: int, frame: int, cell: pygame.Rect) -> None:
        for x, y, r, p in motes[kind]:
            t = frame / frames
            a = alpha * (0.5 + 0.5 * math.sin(2 * math.pi * t + p))
            cx = cell.x + (x + 1.6 * math.sin(2 * math.pi * t + p)) * K
            cy = cell.y + (y - 3.0 * t) * K
            glow(surf, (cx, cy), int(3 * r * K), colour, int(a * 0.6), falloff=1.5)
            pygame.draw.circle(surf, with_alpha(colour, a), (cx, cy), r * K * 0.6)

    def timing(kind: int, clock: int) -> list[tuple[int, int]]:
        return [(f, QUARTER * (2 if (f + clock + kind) % 4 == 0 else 1)) for f in range(frames)]

    return _sheet("dust", DUST_TILE, 2, frames, paint, timing)


# ---------------------------------------------------------------- swifts wheeling at dusk

BIRD_TILE = (32, 16)


def bird_sheet(colour: Color) -> Sheet:
    """A far swift with its wings up, level and down: four frames of one wingbeat."""
    beats = (0.9, 0.2, -0.5, 0.2)

    def paint(surf: pygame.Surface, kind: int, frame: int, cell: pygame.Rect) -> None:
        cx, cy = cell.centerx, cell.centery + 2 * K
        span, lift = 11 * K, beats[frame] * 6 * K
        for side in (-1, 1):
            wing = [(cx, cy), (cx + side * span * 0.5, cy - lift * 0.8 - 1.5 * K), (cx + side * span, cy - lift),
                    (cx + side * span * 0.5, cy - lift * 0.55 + 0.5 * K), (cx, cy + 1.5 * K)]
            poly(surf, wing, colour)
        pygame.draw.ellipse(surf, colour, pygame.Rect(cx - 2.5 * K, cy - 1.5 * K, 5 * K, 3.5 * K))

    def timing(kind: int, clock: int) -> list[tuple[int, int]]:
        # One wingbeat, then a glide on the last frame (wings level, as in frame 1): each change of frame is a
        # step of the game's loop, so the glide holds the frame the beat ends on rather than switching to its
        # twin, and swifts glide for longer than they beat.
        beat = 95 + 15 * clock
        return [(0, beat), (1, beat), (2, beat), (3, beat + 1200 + 600 * clock)]

    return _sheet("birds", BIRD_TILE, 1, 4, paint, timing)
