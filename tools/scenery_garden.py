"""Stéphane's garden at night: lavender rows, an old olive, a stone bench, the Alpilles under a sky of stars."""
from __future__ import annotations

import math
import random

from art_common import Shape, catmull, ellipse_pts, glow, hexc, mix, poly, pygame, stroke_pts, vgradient
from scenery import Ground, cypress, haze, hill, milky_way, ridge, stars
from scenery_provence import alpilles, lavender_field
from scenery_room import H, W, Camera, dim_band, fill, vignette
from tiled_layers import Strata, cut, finish

GARDEN = {
    "sky": [(0.0, hexc("05061a")), (0.45, hexc("10143e")), (0.8, hexc("22265e")), (1.0, hexc("3a3874"))],
    "alp_top": hexc("1c1c46"), "alp_foot": hexc("2a2a5a"), "alp_face": hexc("3a3c72"),
    "plain": (hexc("141640"), hexc("1c1e4c")),
    "lav": hexc("262462"), "lav_dark": hexc("15143c"), "lav_rim": hexc("3e3a86"), "lav_soil": hexc("0a0a20"),
    "spike": hexc("6a5cb8"),
    "ground_far": hexc("1e1e4a"), "ground_near": hexc("141436"), "haze": hexc("34366e"),
    "cypress": hexc("0e1230"), "cypress_dark": hexc("080a20"), "window": hexc("ffc468"),
    "gravel": hexc("3a3a66"), "gravel_near": hexc("1e1e40"), "pebble": hexc("56568a"),
    "bark": hexc("1e1c30"), "bark_lit": hexc("4a4a70"), "leaf_dark": hexc("141c34"), "leaf": hexc("26304e"),
    "leaf_lit": hexc("4a5882"), "stone": hexc("4a4a78"), "stone_lit": hexc("8080ae"), "stone_dark": hexc("2c2c52"),
}


def foliage(cx: float, cy: float, rx: float, ry: float, rng: random.Random, lobes: int = 9) -> list:
    """An irregular, lobed mass of leaves (outline points)."""
    ph = [rng.uniform(0, 6.28) for _ in range(3)]
    pts = []
    for i in range(72):
        t = 2 * math.pi * i / 72
        r = 1 + 0.12 * math.sin(lobes * t + ph[0]) + 0.07 * math.sin((lobes + 4) * t + ph[1]) \
            + 0.05 * math.sin(3 * t + ph[2])
        pts.append((cx + math.cos(t) * rx * r, cy + math.sin(t) * ry * r))
    return pts


def olive_tree(surf: pygame.Surface, x: float, base: float, k: float, pal: dict, rng: random.Random) -> None:
    """An old olive: a short, split and twisted trunk under a wide, airy crown, its top silvered by the sky."""
    masses = [(x - 330 * k, base - 720 * k, 330 * k, 220 * k), (x + 80 * k, base - 860 * k, 380 * k, 250 * k),
              (x + 470 * k, base - 700 * k, 260 * k, 190 * k), (x - 80 * k, base - 600 * k, 300 * k, 170 * k),
              (x + 300 * k, base - 560 * k, 220 * k, 140 * k), (x - 520 * k, base - 560 * k, 200 * k, 150 * k)]
    limbs = [
        ([(x - 50 * k, base), (x - 90 * k, base - 160 * k), (x - 30 * k, base - 300 * k), (x - 150 * k, base - 460 * k),
          (x - 330 * k, base - 620 * k)], 150 * k, 34 * k),
        ([(x + 50 * k, base), (x + 80 * k, base - 150 * k), (x + 20 * k, base - 300 * k), (x + 170 * k, base - 470 * k),
          (x + 420 * k, base - 620 * k)], 140 * k, 30 * k),
        ([(x, base - 260 * k), (x + 20 * k, base - 440 * k), (x + 90 * k, base - 620 * k),
          (x + 60 * k, base - 760 * k)],
         70 * k, 22 * k),
        ([(x - 160 * k, base - 470 * k), (x - 320 * k, base - 500 * k), (x - 520 * k, base - 540 * k)], 40 * k, 14 * k),
    ]
    for i, (cx, cy, rx, ry) in enumerate(masses):
        if i >= 3:
            continue
        _foliage_mass(surf, cx, cy, rx, ry, pal, rng, k)
    for path, w0, w1 in limbs:
        body = stroke_pts(path, w0, w1, steps=10)
        sh = Shape(body, pal["bark"])
        sh.tone(stroke_pts([(px - w0 * 0.22, py - 4 * k) for px, py in path], w0 * 0.3, w1 * 0.3, steps=10),
                pal["bark_lit"])
        sh.draw(surf)
    # The root flare, and the lower masses over the limbs.
    poly(surf, catmull([(x - 150 * k, base + 8 * k), (x - 70 * k, base - 60 * k), (x + 70 * k, base - 60 * k),
                        (x + 160 * k, base + 8 * k)], closed=False, steps=8), pal["bark"])
    for cx, cy, rx, ry in masses[3:]:
        _foliage_mass(surf, cx, cy, rx, ry, pal, rng, k)


def _foliage_mass(surf: pygame.Surface, cx: float, cy: float, rx: float, ry: float, pal: dict,
                  rng: random.Random, k: float) -> None:
    outline = foliage(cx, cy, rx, ry, rng)
    sh = Shape(outline, pal["leaf"])
    sh.tone(foliage(cx - rx * 0.08, cy - ry * 0.35, rx * 0.86, ry * 0.62, rng), pal["leaf_lit"])
    sh.tone(foliage(cx + rx * 0.05, cy - ry * 0.12, rx * 0.8, ry * 0.45, rng), pal["leaf"])
    sh.tone([(cx - rx * 1.3, cy + ry * 0.35), (cx + rx * 1.3, cy + ry * 0.25), (cx + rx * 1.3, cy + ry * 1.3),
             (cx - rx * 1.3, cy + ry * 1.3)], pal["leaf_dark"])
    sh.draw(surf)
    # Narrow leaves fraying the edge, so the crown looks airy rather than solid.
    for i in range(int((rx + ry) / (5 * k))):
        t = rng.uniform(0, 2 * math.pi)
        j = min(range(len(outline)), key=lambda n: abs(2 * math.pi * n / len(outline) - t))
        lx, ly = outline[j]
        ang = t + rng.uniform(-0.8, 0.8)
        ln = rng.uniform(16, 30) * k
        w = 4 * k
        ex, ey = lx + math.cos(ang) * ln, ly + math.sin(ang) * ln * 0.8
        col = pal["leaf_lit"] if math.sin(t) < -0.2 else (pal["leaf_dark"] if math.sin(t) > 0.3 else pal["leaf"])
        poly(surf, [(lx - math.sin(ang) * w, ly + math.cos(ang) * w), (ex, ey),
                    (lx + math.sin(ang) * w, ly - math.cos(ang) * w)], col)


def stone_bench(surf: pygame.Surface, cam: Camera, x0: float, x1: float, z: float, pal: dict) -> None:
    """A plain stone bench: two block legs and a thick slab whose top edge takes the starlight."""
    ht, d = 0.46, 0.42
    for lx in (x0 + 0.12, x1 - 0.42):
        fill(surf, cam.ps([(lx, 0, z + 0.05), (lx + 0.3, 0, z + 0.05), (lx + 0.3, ht - 0.1, z + 0.05),
                           (lx, ht - 0.1, z + 0.05)]), pal["stone_dark"])
        fill(surf, cam.ps([(lx + 0.3, 0, z + 0.05), (lx + 0.3, 0, z + d - 0.05), (lx + 0.3, ht - 0.1, z + d - 0.05),
                           (lx + 0.3, ht - 0.1, z + 0.05)]), mix(pal["stone_dark"], (0, 0, 0), 0.3))
    poly(surf, cam.ps([(x0 - 0.1, 0, z - 0.1), (x1 + 0.3, 0, z - 0.1), (x1 + 0.5, 0, z + d + 0.3),
                       (x0 + 0.1, 0, z + d + 0.3)]), (0, 0, 10), 90)
    fill(surf, cam.ps([(x0, ht, z), (x1, ht, z), (x1, ht, z + d), (x0, ht, z + d)]), pal["stone_lit"])
    fill(surf, cam.ps([(x0, ht, z), (x1, ht, z), (x1, ht - 0.1, z), (x0, ht - 0.1, z)]), pal["stone"])
    fill(surf, cam.ps([(x1, ht, z), (x1, ht, z + d), (x1, ht - 0.1, z + d), (x1, ht - 0.1, z)]), pal["stone_dark"])


def provence_garden(strata: Strata | None = None) -> pygame.Surface:
    rng = random.Random(7707)
    pal = GARDEN
    surf = pygame.Surface((W, H))
    hy = 800
    vgradient(surf, pygame.Rect(0, 0, W, hy + 100), pal["sky"])
    milky_way(surf, rng, (600, 1000), (2200, -200), 340, hexc("a6a0e0"), (30, 26, 44))
    area = pygame.Rect(0, 0, W, hy)
    tints = [hexc("ffffff"), hexc("d8d8ff"), hexc("ffe8d0"), hexc("c0c4ff")]
    stars(surf, rng, 1700, area, tints=tints)
    stars(surf, rng, 1500, area, band=((600, 1000), (2200, -200), 150), tints=tints)
    cut(strata, "sky", surf)
    alpilles(surf, hy - 20, pal["alp_top"], pal["alp_foot"], rng, pal["alp_face"])
    hill(surf, ridge(0, W, hy + 6, [(700, 24, 400), (2000, 18, 500)], [(4, 400, 0.4)]), pal["plain"][0],
         pal["plain"][1], hy + 60, (rng, pal["cypress"], 70, 8))
    # A farmhouse window far off, still lit.
    for wx in (1880, 1902):
        pygame.draw.rect(surf, pal["window"], pygame.Rect(wx, hy - 14, 8, 9))
    glow(surf, (1895, hy - 10), 50, pal["window"], 70, add=True)
    cut(strata, "hills", surf)
    vgradient(surf, pygame.Rect(0, hy + 20, W, H - hy - 20), [(0.0, pal["ground_far"]), (1.0, pal["ground_near"])])
    g = Ground(1280, hy, 1.6, 3.2, H)
    lavender_field(surf, g, pal, rng, 5.2, 200.0, count=70, spacing=1.6, gap=1.2, spikes=True)
    haze(surf, hy - 30, hy + 120, pal["haze"], 120)
    for cx, base, ht in ((2180, hy + 40, 300), (2240, hy + 44, 240), (330, hy + 30, 190)):
        cypress(surf, cx, base, ht, ht * 0.2, pal["cypress"], pal["cypress_dark"])
    cut(strata, "field", surf)
    # The gravel path between the rows and the clearing at our feet.
    path = [g.project(-1.1, 5.2), g.project(1.1, 5.2), g.project(0.9, 200), g.project(-0.9, 200)]
    poly(surf, path, pal["gravel"], 160)
    cam = Camera(1280, hy, g.f, 1.6)
    edge = int(g.project(0, 5.2)[1])
    vgradient(surf, pygame.Rect(0, edge, W, H - edge), [(0.0, pal["gravel"]), (1.0, pal["gravel_near"])])
    for _ in range(900):
        z = rng.uniform(1.8, 5.2)
        x = rng.uniform(-6, 6)
        px, py = cam.p(x, 0, z)
        r = cam.k(z) * rng.uniform(0.008, 0.02)
        poly(surf, ellipse_pts(px, py, r * 1.4, r * 0.6, n=8), pal["pebble"], 120)
    # A low stone edging where the gravel meets the lavender.
    for xa, xb in ((-40.0, -1.15), (1.15, 40.0)):
        fill(surf, cam.ps([(xa, 0.0, 5.1), (xb, 0.0, 5.1), (xb, 0.12, 5.1), (xa, 0.12, 5.1)]), pal["stone_dark"])
        fill(surf, cam.ps([(xa, 0.12, 5.1), (xb, 0.12, 5.1), (xb, 0.12, 5.3), (xa, 0.12, 5.3)]), pal["stone"])
    stone_bench(surf, cam, 1.5, 3.2, 4.2, pal)
    olive_tree(surf, 420, 1210, 0.78, pal, rng)

    def night(s: pygame.Surface) -> None:
        dim_band(s, 1150, H, hexc("03031a"), 0, 120)
        vignette(s, 0.4, center=(1300, 620), reach=1.1, tint=hexc("0a0a28"))
    return finish(strata, "garden", surf, night)
