"""Image layers and props for the Tiled vineyard at night: sky, hills with the farm, mist, a lantern post."""
from __future__ import annotations

import random

from art_common import (Shape, catmull, downscale, downscale_alpha, glow, grain, hexc, pygame, vgradient)
from make_backgrounds import TERRACE_NIGHT, village
from scenery import crescent, cypress, farmhouse, haze, hill, lantern, milky_way, ridge, stars

K = 2                                    # drawn at twice the size, then smoothscaled
NIGHT_SKY = [(0.0, hexc("060a20")), (0.45, hexc("0e1a44")), (0.8, hexc("1d3266")), (1.0, hexc("34507e"))]
STAR_TINTS = [hexc("ffffff"), hexc("cfe0ff"), hexc("ffe8c8"), hexc("b8ccff")]
MILKY_WAY = ((260.0, 1040.0), (2380.0, -120.0))   # at 2x, from the lower left to the upper right
NIGHT_FARM = {
    "wall_lit": hexc("222e55"), "wall_shade": hexc("151e3a"), "stone_fleck": hexc("111a34"),
    "roof": hexc("241f3c"), "roof_lit": hexc("36345a"), "eave": hexc("0a0e20"), "window": hexc("0b1024"),
    "window_lit": hexc("ffc060"), "shutter": hexc("1a2748"), "lit_window": 1,
}


def sky(size: tuple[int, int], moon: tuple[int, int], seed: int) -> pygame.Surface:
    """The night sky: deep blue falling to a paler horizon, the Milky Way, faint stars and a crescent moon."""
    rng = random.Random(seed)
    w, h = size[0] * K, size[1] * K
    surf = pygame.Surface((w, h))
    vgradient(surf, surf.get_rect(), NIGHT_SKY)
    milky_way(surf, rng, MILKY_WAY[0], MILKY_WAY[1], 320, hexc("9fb2e8"), (30, 30, 40))
    area = surf.get_rect()
    # Fewer and fainter than in the painted night scene: the bright ones are the twinkling tiles.
    stars(surf, rng, 700, area, tints=STAR_TINTS)
    stars(surf, rng, 800, area, band=(MILKY_WAY[0], MILKY_WAY[1], 140), tints=STAR_TINTS)
    crescent(surf, (moon[0] * K, moon[1] * K), 56, hexc("fbf3d8"), hexc("9fb6ff"))
    out = downscale(surf, size)
    grain(out, seed, amp=3, mottle=3)
    return out


def hills(size: tuple[int, int], top: int, track: list[tuple[float, float]], seed: int) -> pygame.Surface:
    """Far hills with a village, the farm on the nearer hill, cypresses, and the valley floor with its track.

    The picture starts `top` pixels down the map (its layer's offset); `track` is the outline of the
    path between the vine rows, in map pixels."""
    rng = random.Random(seed)
    w, h = size[0] * K, size[1] * K
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    far = ridge(0, w, 190, [(520, 110, 420), (1750, 150, 520), (2520, 90, 300)], [(10, 600, 0.3)])
    hill(surf, far, hexc("1a2750"), hexc("2a3e6a"), 330)
    crest = min(far, key=lambda p: abs(p[0] - 1700))[1]
    village(surf, 1650, crest + 14, hexc("111b3a"), hexc("ffc060"), rng)
    near = ridge(0, w, 300, [(1100, 80, 420), (2250, 90, 380), (0, 70, 300)], [(8, 420, 1.5)])
    hill(surf, near, hexc("111b3a"), hexc("1a2a50"), 420, (rng, hexc("0c1430"), 80, 11))
    rise = min(near, key=lambda p: abs(p[0] - 2060))[1]
    farmhouse(surf, 1960, rise + 26, 0.36, NIGHT_FARM, rng)
    vgradient(surf, pygame.Rect(0, 330, w, h - 330),
              [(0.0, hexc("24325e")), (0.35, hexc("1c2850")), (1.0, hexc("0d1430"))])
    haze(surf, 240, 520, hexc("2e4476"), 120)
    # The track between the rows: moonlit dust, paler where it runs away into the distance.
    outline = [(x * K, (y - top) * K) for x, y in track]
    path = Shape(outline, hexc("26345f"))
    fade = pygame.Surface((w, h), pygame.SRCALPHA)
    ys = [p[1] for p in outline]
    band = pygame.Rect(0, int(min(ys)), w, int(max(ys) - min(ys)) + 2)
    vgradient(fade, band, [(0.0, hexc("2e3e70")), (0.35, hexc("25345f")), (1.0, hexc("19244a"))])
    path.tone_surface(fade)
    path.draw(surf)
    for x, base, height in ((300, 336, 210), (372, 332, 168), (2330, 344, 236)):
        cypress(surf, x, base, height, height * 0.19, hexc("0c1430"), hexc("080e24"))
    return downscale_alpha(surf, size, grain_seed=seed, grain_amp=3)


def mist(size: tuple[int, int], seed: int) -> pygame.Surface:
    """Soft banks of mist lying in the valley; the map shows this layer at reduced opacity."""
    rng = random.Random(seed)
    w, h = size[0] * K, size[1] * K
    colour = hexc("7a96c8")
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    surf.fill((*colour, 0))  # one colour everywhere, so blurring only softens the alpha
    for cx, cy, rx, ry, a in ((500, 190, 760, 40, 150), (1500, 215, 900, 52, 170), (2350, 180, 620, 36, 140),
                              (900, 290, 820, 30, 110), (1950, 310, 700, 28, 105), (150, 330, 520, 24, 90)):
        blob = pygame.Surface((w, h), pygame.SRCALPHA)
        blob.fill((*colour, 0))
        points = [(cx + rx * dx, cy + ry * dy * rng.uniform(0.8, 1.2)) for dx, dy in
                  ((-1, 0), (-0.6, -0.9), (0, -1), (0.6, -0.8), (1, 0), (0.5, 0.7), (-0.5, 0.6))]
        pygame.draw.polygon(blob, (*colour, a), catmull(points, steps=12))
        surf.blit(blob, (0, 0), special_flags=pygame.BLEND_RGBA_MAX)
    surf = pygame.transform.gaussian_blur(surf, 22)
    return downscale_alpha(surf, size)


def lantern_post(size: tuple[int, int]) -> pygame.Surface:
    """A wooden post at the end of a row with a candle lantern hanging from its arm, and its warm light."""
    w, h = size[0] * K, size[1] * K
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    pal = dict(TERRACE_NIGHT, glow_peak=0)
    hang_x, base = 104, 166
    pool = pygame.Surface((200, 200), pygame.SRCALPHA)
    glow(pool, (100, 100), 96, pal["flame_glow"], 80, falloff=1.6)
    surf.blit(pygame.transform.smoothscale(pool, (200, 44)), (hang_x - 100, h - 50))
    glow(surf, (hang_x, base - 30), 100, pal["flame_glow"], 105, falloff=2.0)
    post, lit = hexc("101732"), hexc("33426f")
    pygame.draw.rect(surf, post, (144, 70, 14, h - 70))
    pygame.draw.rect(surf, lit, (153, 70, 5, h - 70))
    pygame.draw.rect(surf, post, (140, 64, 22, 8))
    pygame.draw.rect(surf, post, (hang_x - 6, 76, 58, 7))
    pygame.draw.line(surf, post, (hang_x + 40, 83), (150, 110), 5)
    pygame.draw.line(surf, pal["iron"], (hang_x, 82), (hang_x, 92), 3)
    lantern(surf, hang_x, base, 0.42, pal)
    return downscale_alpha(surf, size, grain_seed=7, grain_amp=2)
