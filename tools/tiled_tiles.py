"""Tile sheets for the Tiled vineyard: vine rows seen side-on at three depths, twinkling stars, fireflies."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass

from art_common import Color, Shape, downscale_alpha, ellipse_pts, glow, hexc, mix, poly, pygame

K = 2                      # everything is drawn at twice the size, then smoothscaled
COLUMNS = 8                # tiles across both sheets


@dataclass(frozen=True)
class Row:
    """One depth of vine row: how many tiles tall, where the canopy sits (2x pixels) and its colours."""

    first: int             # the sheet row of its top tile
    tiles: int
    top: float             # canopy valleys, between two stocks
    bump: float            # how far each clump rises above the valleys
    bottom: float          # underside of the canopy
    ground: float          # where the trunks stand
    trunk: float
    leaf: Color
    dark: Color
    rim: Color
    grapes: bool


ROWS = {
    "far": Row(0, 1, 26, 10, 48, 58, 3, hexc("1a2a5a"), hexc("131f48"), hexc("3a5590"), False),
    "mid": Row(1, 2, 34, 18, 92, 118, 5, hexc("132050"), hexc("0c1638"), hexc("34508e"), True),
    "near": Row(3, 3, 40, 24, 132, 178, 8, hexc("0e1838"), hexc("080e26"), hexc("2e4886"), True),
}
VARIANTS = 4                          # clump shapes per row; then the right-end and left-end tiles
FIREFLIES = (6, 7)                    # tile ids of the two firefly tiles (sheet row 0)
TRUNK, POST, POST_LIT = hexc("070a18"), hexc("121a36"), hexc("34467c")
GRAPE, GRAPE_LIT, SHADOW = hexc("150f2c"), hexc("33406e"), hexc("050816")


def tile_id(row: str, column: int, level: int = 0) -> int:
    """Tile id in the vine sheet: column 0-3 are clumps, 4 the row's right end, 5 its left end."""
    return (ROWS[row].first + level) * COLUMNS + column


def _canopy(w: float, row: Row, rng: random.Random, reach: float = 1.0) -> tuple[list, list]:
    """Top and underside of one clump; both meet the valley heights exactly at x=0 and x=w so tiles join.
    With reach < 1 the canopy ends (tapering down) at reach * w: a row end."""
    lumps = [(rng.uniform(2, 4.5), rng.uniform(0, math.pi), rng.uniform(0.1, 0.22)) for _ in range(2)]
    lean = rng.uniform(-0.15, 0.15)
    span = w * reach
    top, under = [], []
    for i in range(33):
        x = span * i / 32
        t = x / span
        s = math.sin(math.pi * t)
        y = row.top - row.bump * s ** 0.7 * (1 + lean * math.sin(2 * math.pi * t))
        y -= sum(row.bump * a * math.sin(f * math.pi * t + p) ** 2 * s for f, p, a in lumps)
        u = row.bottom + row.bump * 0.25 * math.sin(3 * math.pi * t) * s
        if reach < 1:  # the last vine is smaller: the canopy closes down towards its end post
            e = max(0.0, (t - 0.55) / 0.45)
            e = e * e * (3 - 2 * e)
            y += (row.bottom - row.top) * 0.55 * e
            u -= (row.bottom - row.top) * 0.2 * e
        top.append((x, y))
        under.append((x, u))
    return top, under


def _column(row: Row, rng: random.Random, end: bool) -> pygame.Surface:
    """One tile-wide slice of a vine row, all its tiles tall, drawn at 2x."""
    w, h = 32 * K, 32 * K * row.tiles
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    reach = 0.62 if end else 1.0
    # The row's shadow on the ground, the same at every x so that any tiles join; a row end's stops at its post.
    shade = pygame.Surface((w, h), pygame.SRCALPHA)
    for y in range(int(row.ground) - 16, h):
        a = 125 * min(1.0, (y - row.ground + 16) / 22) * max(0.0, 1 - (y - row.ground - 2) / (h - row.ground + 2))
        pygame.draw.line(shade, (*SHADOW, int(max(0, a))), (0, y), (w, y))
    if end:
        for x in range(int(w * 0.7), w):
            fade = min(1.0, max(0.0, 1 - (x - w * 0.7) / (w * 0.22)))
            shade.fill((255, 255, 255, int(255 * fade)), (x, 0, 1, h), special_flags=pygame.BLEND_RGBA_MULT)
    surf.blit(shade, (0, 0))
    top, under = _canopy(w, row, rng, reach)
    stock = w * (0.36 if end else rng.uniform(0.38, 0.62))
    # Trunk: a crooked stock from the ground up into the canopy.
    bend = rng.uniform(-3, 3) * K / 2
    trunk = [(stock - row.trunk / 2, row.ground), (stock - row.trunk * 0.3 + bend, (row.ground + row.bottom) / 2),
             (stock - row.trunk * 0.4, row.bottom - 6), (stock + row.trunk * 0.4, row.bottom - 6),
             (stock + row.trunk * 0.7 + bend, (row.ground + row.bottom) / 2), (stock + row.trunk / 2, row.ground)]
    poly(surf, trunk, TRUNK)
    if end or rng.random() < 0.5:  # a stake, or at a row end a thicker end post
        px = w * 0.74 if end else w * rng.uniform(0.12, 0.2)
        pw = row.trunk * (1.3 if end else 0.55)
        ptop = row.top - row.bump - (10 if end else 0)
        poly(surf, [(px, ptop), (px + pw, ptop + 2), (px + pw, row.ground + 2), (px, row.ground + 2)], POST)
        poly(surf, [(px + pw * 0.6, ptop + 1), (px + pw, ptop + 2), (px + pw, row.ground + 2),
                    (px + pw * 0.6, row.ground + 2)], POST_LIT)
        if end:  # the wire that holds the row, tied to the post
            pygame.draw.line(surf, (*POST_LIT, 160), (0, row.top + 6), (px, ptop + 8), 2)
    shape = Shape(top + under[::-1], row.leaf)
    mids = [(x, y + (u - y) * 0.55) for (x, y), (_, u) in zip(top, under)]
    shape.tone(mids + [(x, u + 6) for x, u in under[::-1]], row.dark)
    for _ in range(14 * row.tiles):  # leaf clusters, kept off the tile edges so neighbours always join
        r = rng.uniform(3, 7) * K / 2 * (1 + 0.3 * (row.tiles - 1))
        x = rng.uniform(r + 2, w * reach - r - 2)
        y = rng.uniform(row.top - row.bump * 0.6, row.bottom)
        base = row.dark if y > (row.top + row.bottom) / 2 else row.leaf
        shape.tone(ellipse_pts(x, y, r * 1.2, r, n=14), mix(base, row.rim, rng.uniform(0.1, 0.35)), 200)
    # Moonlight from the upper right catches the crown; as thick at both edges so tiles join.
    rim = [(x, y + (2.2 + 3.5 * math.sin(math.pi * x / (w * reach)) * x / (w * reach)) * K)
           for x, y in top]
    shape.tone(top + rim[::-1], row.rim)
    shape.draw(surf)
    if row.grapes:
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            gx = rng.uniform(12, w * reach - 12)
            gy = row.bottom - 4 + row.bump * 0.25 * math.sin(3 * math.pi * gx / (w * reach))
            size = 2.6 * K / 2 * (1 + 0.35 * (row.tiles - 2))
            for i in range(10):
                level = int((-1 + math.sqrt(1 + 8 * i)) / 2)
                col = i - level * (level + 1) // 2
                cx, cy = gx + (col - level / 2) * size * 1.7, gy + level * size * 1.5
                pygame.draw.circle(surf, GRAPE, (cx, cy), size)
                pygame.draw.circle(surf, GRAPE_LIT, (cx + size * 0.35, cy - size * 0.35), max(1.0, size * 0.35))
    return surf


def _firefly(surf: pygame.Surface, center: tuple[float, float]) -> None:
    glow(surf, center, 18, hexc("c8f07a"), 150, falloff=1.8)
    pygame.draw.circle(surf, hexc("f4ffc8"), center, 3)


def vine_sheet(seed: int) -> pygame.Surface:
    """The vine tileset picture: 8 columns of 32 px tiles, 6 rows (far, mid x2, near x3)."""
    rng = random.Random(seed)
    cell = 32 * K
    sheet = pygame.Surface((COLUMNS * cell, 6 * cell), pygame.SRCALPHA)
    for row in ROWS.values():
        for column in range(VARIANTS + 1):
            slice_ = _column(row, rng, end=column == VARIANTS)
            sheet.blit(slice_, (column * cell, row.first * cell))
            if column == VARIANTS:  # the left end of a row is the right end turned round
                sheet.blit(pygame.transform.flip(slice_, True, False), ((column + 1) * cell, row.first * cell))
    for column, (dx, dy) in zip(FIREFLIES, ((30, 28), (36, 38))):
        _firefly(sheet, (column * cell + dx, dy))
    return downscale_alpha(sheet, (COLUMNS * 32, 6 * 32), grain_seed=seed, grain_amp=3)


# ---------------------------------------------------------------- stars

STAR_KINDS = 6
STAR_FRAMES = 4
# Per kind: offset in its cell, size, tint; per frame: core radius, glow radius and strength, spike length.
_STAR_LOOKS = [((-4, 3), 1.0, "ffffff"), ((5, -3), 0.9, "cfe0ff"), ((2, 5), 1.1, "ffe8c8"),
               ((-5, -5), 0.85, "b8ccff"), ((4, 4), 1.15, "ffffff"), ((-2, -4), 0.95, "dfe8ff")]
_FRAME_LOOKS = [(1.9, 8, 70, 0.0, False), (2.1, 12, 90, 9.0, False), (2.7, 19, 125, 21.0, False),
                (2.1, 13, 95, 11.0, True)]


def _star(surf: pygame.Surface, cx: float, cy: float, size: float, tint: Color, look: tuple) -> None:
    core, radius, peak, spike, diagonal = look
    glow(surf, (cx, cy), max(2, int(radius * size)), tint, peak, falloff=2.2)
    if spike:
        sp = spike * size
        axes = ((0.7071, 0.7071), (-0.7071, 0.7071)) if diagonal else ((1, 0), (0, 1))
        for ux, uy in axes:
            poly(surf, [(cx - ux * sp, cy - uy * sp), (cx - uy * 1.4, cy + ux * 1.4),
                        (cx + ux * sp, cy + uy * sp), (cx + uy * 1.4, cy - ux * 1.4)], tint, 210)
    pygame.draw.circle(surf, mix(tint, (255, 255, 255), 0.5), (cx, cy), core * size)


def star_sheet() -> pygame.Surface:
    """The star tileset picture: one row per kind of star, its four frames across (rest, bright, flare, bright)."""
    cell = 32 * K
    sheet = pygame.Surface((STAR_FRAMES * cell, STAR_KINDS * cell), pygame.SRCALPHA)
    for kind, ((dx, dy), size, tint) in enumerate(_STAR_LOOKS):
        for frame, look in enumerate(_FRAME_LOOKS):
            _star(sheet, frame * cell + cell / 2 + dx, kind * cell + cell / 2 + dy, size, hexc(tint), look)
    return downscale_alpha(sheet, (STAR_FRAMES * 32, STAR_KINDS * 32))
