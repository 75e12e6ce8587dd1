"""The painters of every background: the vineyard, Provence, Berlin 1989, the café and the Seine.

The game's backgrounds are the Tiled maps that make_tiled_maps.py cuts from these paintings. Run on its own, this
script paints them as flat pictures for review, into the folder given with --out:
    python tools/make_backgrounds.py --out /tmp/flat [name ...]
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

import math
import random
from pathlib import Path
from typing import Callable

from art_common import (ASSETS, Shape, catmull, downscale, ellipse_pts, glow, grain, hexc, init, mix, poly,
                        pygame, save_png, take_out, vgradient)
from scenery import (Ground, bistro_table, bottle, cloud_streak, crescent, cypress, farmhouse, haze, hill,
                     lantern, milky_way, ridge, stars, sun, vine_rows, wine_glass)
from scenery_berlin import berlin_1989
from scenery_cafe import paris_cafe_day, paris_cafe_night
from scenery_cellar import vineyard_cellar
from scenery_garden import provence_garden
from scenery_lane import vineyard_lane
from scenery_provence import provence_dinner
from scenery_seine import seine_bench, seine_quays
from tiled_layers import Strata, cut, note

W, H = 2560, 1440          # drawn at twice the final size
FINAL = (1280, 720)
OUT = ASSETS / "backgrounds"

DUSK_SKY = [(0.0, hexc("34325f")), (0.30, hexc("7a5580")), (0.55, hexc("d2807a")),
            (0.78, hexc("f0ae6a")), (1.0, hexc("f8dc98"))]


def dusk_clouds(surf: pygame.Surface, rng: random.Random) -> None:
    for x, y, ln, th, col, a in ((150, 250, 900, 46, "9a6688", 150), (1500, 180, 800, 38, "8c5c84", 130),
                                 (1050, 420, 1100, 34, "d98a86", 150), (-100, 560, 700, 28, "efa27a", 170),
                                 (1800, 520, 900, 30, "e89880", 160), (600, 690, 500, 18, "f6c07e", 180)):
        cloud_streak(surf, x, y, ln, th, hexc(col), a, rng)


def dusk_hills(surf: pygame.Surface, rng: random.Random, base: int) -> None:
    hill(surf, ridge(0, W, base - 20, [(300, 120, 380), (1500, 90, 500), (2400, 140, 420)],
                     [(14, 700, 1.0)]), hexc("c48a96"), hexc("f0b98e"), base + 80)
    hill(surf, ridge(0, W, base + 10, [(900, 110, 420), (1900, 70, 360), (-100, 60, 300)],
                     [(10, 520, 2.0)]), hexc("9c6678"), hexc("dc9c84"), base + 90,
         (rng, hexc("8e6072"), 90, 6))
    hill(surf, ridge(0, W, base + 40, [(250, 60, 330), (1300, 40, 500), (2300, 80, 400)],
                     [(6, 300, 0.5)]), hexc("71506a"), hexc("b47c76"), base + 120,
         (rng, hexc("654660"), 110, 7))


def vineyard_dusk(strata: Strata | None = None) -> pygame.Surface:
    rng = random.Random(1101)
    surf = pygame.Surface((W, H))
    hy = 930
    vgradient(surf, pygame.Rect(0, 0, W, hy + 80), DUSK_SKY)
    sun(surf, (720, 842), 74, hexc("fff0c8"), hexc("ffb060"))
    dusk_clouds(surf, rng)
    cut(strata, "sky", surf)
    dusk_hills(surf, rng, hy - 10)
    cut(strata, "hills", surf)
    vgradient(surf, pygame.Rect(0, hy + 20, W, H - hy - 20),
              [(0.0, hexc("c99a6c")), (0.25, hexc("b7854f")), (1.0, hexc("8f5a36"))])
    g = Ground(1150, hy, 4.0, 3.0, H)
    left = [-1.2 - 2.4 * i for i in range(14)]
    right = [1.2 + 2.4 * i for i in range(6)]
    leaf, dark, rim, furrow = hexc("5d6a30"), hexc("3a4322"), hexc("a9a048"), hexc("6e4428")
    vine_rows(surf, g, left, 2.2, 160.0, leaf, dark, rim, furrow, rng)
    haze(surf, hy - 10, hy + 300, hexc("f3c08e"), 190)
    cut(strata, "field", surf)
    # A grassy rise on the right carries the farmhouse; the vines stop short of it.
    knoll = catmull([(1420, hy + 70), (1800, hy + 6), (2200, hy - 8), (2600, hy + 8), (2600, hy + 150),
                     (1420, hy + 150)], steps=10)
    poly(surf, knoll, hexc("b8955c"))
    cypress(surf, 1700, hy + 70, 330, 62, hexc("3f4a2c"), hexc("2c3420"))
    cypress(surf, 1760, hy + 64, 250, 54, hexc("46512f"), hexc("2c3420"))
    farmhouse(surf, 1830, hy + 44, 1.05, {
        "wall_lit": hexc("f1cf9c"), "wall_shade": hexc("b98979"), "stone_fleck": hexc("8a6058"),
        "roof": hexc("b4533c"), "roof_lit": hexc("dc7a52"), "eave": hexc("5a3434"),
        "window": hexc("3f2f3c"), "window_lit": hexc("ffc56a"), "shutter": hexc("6f8796"), "lit_window": 1,
    }, rng)
    cypress(surf, 2490, hy + 52, 360, 66, hexc("3f4a2c"), hexc("2c3420"))
    vine_rows(surf, g, right, 2.2, 10.5, leaf, dark, rim, furrow, rng)
    cut(strata, "farm", surf)
    return surf


# ---------------------------------------------------------------- terrace (dusk and night share a layout)

WALL_TOP = 1000


def stone_wall(surf: pygame.Surface, pal: dict, rng: random.Random) -> None:
    """Dry-stone parapet: irregular courses of blocks over dark mortar, under a pale capstone."""
    face = [(0, WALL_TOP + 38), (W, WALL_TOP + 38), (W, 1225), (0, 1225)]
    s = Shape(face, pal["mortar"])
    y = WALL_TOP + 44
    while y < 1225:
        h = rng.randint(44, 60)
        x = -rng.randint(0, 120)
        while x < W:
            w = rng.randint(120, 230)
            col = mix(pal["wall"], pal["wall_var"], rng.random())
            r = 10
            x0, y0, x1, y1 = x + 4, y + 3, x + w - 4, y + h - 3
            s.tone(catmull([(x0 + r, y0), (x1 - r, y0 + rng.uniform(-2, 2)), (x1, y0 + r), (x1, y1 - r),
                            (x1 - r, y1), (x0 + r, y1), (x0, y1 - r), (x0, y0 + r)], steps=4), col)
            x += w
        y += h
    s.tone([(0, WALL_TOP + 38), (W, WALL_TOP + 38), (W, WALL_TOP + 62), (0, WALL_TOP + 62)], pal["wall_foot"], 120)
    s.tone([(0, 1150), (W, 1150), (W, 1226), (0, 1226)], pal["wall_foot"], 90)
    s.draw(surf)
    poly(surf, [(0, WALL_TOP - 8), (W, WALL_TOP - 8), (W, WALL_TOP + 14), (0, WALL_TOP + 14)], pal["cap_top"])
    poly(surf, [(0, WALL_TOP + 14), (W, WALL_TOP + 14), (W, WALL_TOP + 44), (0, WALL_TOP + 44)], pal["cap_front"])
    x = 0
    while x < W:
        x += rng.randint(260, 420)
        poly(surf, [(x, WALL_TOP + 14), (x + 4, WALL_TOP + 14), (x + 4, WALL_TOP + 44), (x, WALL_TOP + 44)],
             pal["wall_foot"], 120)


def floor(surf: pygame.Surface, pal: dict) -> None:
    vgradient(surf, pygame.Rect(0, 1225, W, H - 1225), [(0.0, pal["floor_far"]), (1.0, pal["floor_near"])])
    vx = 1150
    for i in range(-14, 15):
        x0 = vx + i * 80
        poly(surf, [(x0, 1225), (x0 + 3, 1225), (vx + i * 330 + 6, H), (vx + i * 330, H)], pal["seam"], 90)
    for y in (1262, 1318, 1400):
        poly(surf, [(0, y), (W, y), (W, y + 4), (0, y + 4)], pal["seam"], 80)


def vine_leaf(surf: pygame.Surface, x: float, y: float, r: float, ang: float, col: tuple, vein: tuple) -> None:
    """A grape leaf: five soft lobes with a notch at the stem, half of it in shade."""
    pts = []
    for i in range(72):
        t = 2 * math.pi * i / 72
        rr = r * (0.86 + 0.14 * math.cos(5 * t))
        rr *= 1 - 0.38 * math.exp(-(((t - math.pi) + math.pi) % (2 * math.pi) - math.pi) ** 2 / 0.05)
        pts.append((x + rr * math.cos(t + ang + math.pi / 2), y + rr * math.sin(t + ang + math.pi / 2)))
    s = Shape(pts, col)
    ca, sa = math.cos(ang), math.sin(ang)
    s.tone([(x, y), (x - sa * r * 1.3, y + ca * r * 1.3), (x - sa * r * 1.3 + ca * r * 1.3,
            y + ca * r * 1.3 + sa * r * 1.3), (x + ca * r * 1.3, y + sa * r * 1.3)], vein)
    s.draw(surf)


def pergola(surf: pygame.Surface, pal: dict, rng: random.Random) -> None:
    poly(surf, [(0, 0), (W, 0), (W, 62), (0, 72)], pal["beam"])
    poly(surf, [(0, 62), (W, 54), (W, 62), (0, 72)], pal["beam_dark"])
    poly(surf, [(40, 0), (118, 0), (112, H), (30, H)], pal["beam"])
    poly(surf, [(92, 0), (118, 0), (112, H), (88, H)], pal["beam_dark"])
    for cx, spread, count in ((120, 420, 38), (2480, 360, 30), (1300, 260, 10)):
        for _ in range(count):
            x = cx + rng.gauss(0, spread * 0.45)
            y = 40 + abs(rng.gauss(0, 70)) + (0 if abs(x - cx) > spread * 0.4 else rng.uniform(0, 60))
            c = mix(pal["leaf_dark"], pal["leaf_lit"], 0.25 + rng.random() * 0.75)
            vine_leaf(surf, x, y, rng.uniform(46, 72), rng.uniform(-0.6, 0.6), c, mix(c, pal["leaf_dark"], 0.45))
    for gx, gy in ((230, 150), (2360, 140), (380, 110)):
        for i in range(18):
            row = int((-1 + math.sqrt(1 + 8 * i)) / 2)
            col = i - row * (row + 1) // 2
            px = gx + (col - row / 2) * 22 + rng.uniform(-3, 3)
            py = gy + (5 - row) * 18
            pygame.draw.circle(surf, pal["grape"], (int(px), int(py)), 13)
            pygame.draw.circle(surf, pal["grape_hi"], (int(px - 4), int(py - 4)), 4)


def village(surf: pygame.Surface, x: float, y: float, col: tuple, lit: tuple | None, rng: random.Random) -> None:
    """A far hilltop village with a church tower, a few windows lit at night."""
    houses = [(0, 26, 30), (28, 40, 22), (64, 30, 34), (96, 22, 26), (120, 36, 20), (-30, 32, 18)]
    for dx, w, h in houses:
        poly(surf, [(x + dx, y), (x + dx, y - h), (x + dx + w / 2, y - h - 10), (x + dx + w, y - h), (x + dx + w, y)],
             col)
        if lit and rng.random() < 0.6:
            poly(surf, [(x + dx + w * 0.4, y - h * 0.6), (x + dx + w * 0.4 + 5, y - h * 0.6),
                        (x + dx + w * 0.4 + 5, y - h * 0.6 + 6), (x + dx + w * 0.4, y - h * 0.6 + 6)], lit)
    poly(surf, [(x + 50, y), (x + 50, y - 80), (x + 58, y - 100), (x + 66, y - 80), (x + 66, y)], col)


def terrace_view(pal: dict, rng: random.Random, night: bool, strata: Strata | None = None) -> pygame.Surface:
    """The terrace over the valley; recorded into strata, the wall's face is left to the map's stone tiles."""
    surf = pygame.Surface((W, H))
    hy = 830
    vgradient(surf, pygame.Rect(0, 0, W, hy + 120), pal["sky"])
    if night:
        milky_way(surf, rng, (300, 1000), (2300, -100), 330, hexc("9fb2e8"), (30, 30, 40))
        area = pygame.Rect(0, 0, W, hy + 60)
        tints = [hexc("ffffff"), hexc("cfe0ff"), hexc("ffe8c8"), hexc("b8ccff")]
        stars(surf, rng, 1500, area, tints=tints)
        stars(surf, rng, 1400, area, band=((300, 1000), (2300, -100), 140), tints=tints)
        crescent(surf, (1960, 250), 62, hexc("fbf3d8"), hexc("9fb6ff"))
    else:
        sun(surf, (420, 800), 66, hexc("fff0c8"), hexc("ffad5c"))
        dusk_clouds(surf, rng)
    cut(strata, "sky", surf)
    h = pal["hills"]
    hill(surf, ridge(0, W, hy - 10, [(500, 120, 420), (1700, 150, 520), (2500, 80, 300)], [(12, 600, 0.3)]),
         h[0], h[1], hy + 100)
    village(surf, 1640, hy - 146, h[2], pal.get("village_lit"), rng)
    hill(surf, ridge(0, W, hy + 30, [(1100, 80, 400), (2200, 60, 380), (0, 50, 300)], [(8, 420, 1.5)]),
         h[2], h[3], hy + 130, (rng, h[4], 90, 11))
    cut(strata, "hills", surf)
    vgradient(surf, pygame.Rect(0, hy + 40, W, WALL_TOP - hy), [(0.0, pal["ground_far"]), (1.0, pal["ground_near"])])
    g = Ground(1000, hy, 9.0, 6.0, WALL_TOP + 60)
    vine_rows(surf, g, [-131.3 + 2.6 * i for i in range(102)], 5.0, 140.0, pal["leaf"], pal["leaf_dark"],
              pal["rim"], None, rng, height=1.3, width=0.9)
    haze(surf, hy - 20, WALL_TOP, pal["haze"], pal["haze_peak"])
    for cx, base, ht in ((260, hy + 70, 230), (330, hy + 66, 180), (2270, hy + 86, 260)):
        cypress(surf, cx, base, ht, ht * 0.19, pal["cypress"], pal["cypress_dark"])
    cut(strata, "vineyard", surf)
    if strata is None:
        stone_wall(surf, pal, rng)
    else:  # the face is the map's stone tiles; the wall is painted aside, so the randomness runs as before,
        strata.stand_in("stone", surf)  # and only its capstone comes back
        aside = surf.copy()
        stone_wall(aside, pal, rng)
        band = pygame.Rect(0, WALL_TOP - 8, W, 52)
        surf.blit(aside, band, band)
    floor(surf, pal)
    if not night:
        pergola(surf, pal, rng)
    lantern(surf, 1660, WALL_TOP + 2, 1.25, pal)
    note(strata, "flame", 1660, WALL_TOP + 2 - 55 * 1.25, 26 * 1.25)
    bistro_table(surf, 2050, 1125, 1400, 1.0, pal)
    bottle(surf, 2065, 1112, 1.0, pal)
    wine_glass(surf, 1935, 1140, 1.0, pal, wine=0.42)
    wine_glass(surf, 2170, 1128, 1.0, pal, wine=0.3)
    cut(strata, "terrace", surf)
    return surf


TERRACE_DUSK = {
    "sky": DUSK_SKY, "hills": [hexc("c48a96"), hexc("eab08c"), hexc("8e6076"), hexc("c8907e"), hexc("76506a")],
    "ground_far": hexc("c7996a"), "ground_near": hexc("9c6a44"), "leaf": hexc("66733a"),
    "leaf_dark": hexc("414a26"), "rim": hexc("cdb458"), "cypress": hexc("4a5431"), "cypress_dark": hexc("333a24"),
    "haze": hexc("f3c08e"), "haze_peak": 200,
    "wall": hexc("b78f6f"), "wall_var": hexc("dcb68e"), "mortar": hexc("7e5a48"), "wall_foot": hexc("6e4a3c"),
    "cap_top": hexc("f2d6ac"), "cap_front": hexc("c99c78"),
    "floor_far": hexc("a77a5e"), "floor_near": hexc("7c5444"), "seam": hexc("5a3a32"),
    "beam": hexc("5a3a2c"), "beam_dark": hexc("3e271f"), "leaf_lit": hexc("8e9a44"), "grape": hexc("4e2a4e"),
    "grape_hi": hexc("8a5a86"),
    "iron": hexc("2e2228"), "table_top": hexc("6a4c44"), "table_edge": hexc("3e2c2c"), "table_hi": hexc("8a6658"),
    "bottle": hexc("2f4a34"), "bottle_dark": hexc("1c2e22"), "bottle_hi": hexc("7aa080"), "label": hexc("efe0c0"),
    "foil": hexc("7a1e2e"), "glass_body": hexc("f6dcc0"), "glass_edge": hexc("fff2e0"), "glass_hi": hexc("ffffff"),
    "glass_alpha": 150, "wine": hexc("7a1628"), "wine_top": hexc("a8283c"),
    "pane": hexc("c9a070"), "pane_glow": hexc("ffd080"), "candle": hexc("f4ead0"), "flame": hexc("fff4c0"),
    "flame_glow": hexc("ffb050"), "glow_peak": 70,
}

TERRACE_NIGHT = {
    "sky": [(0.0, hexc("060a20")), (0.45, hexc("0e1a44")), (0.8, hexc("1d3266")), (1.0, hexc("34507e"))],
    "hills": [hexc("1a2750"), hexc("2a3e6a"), hexc("111b3a"), hexc("1a2a50"), hexc("0c1430")],
    "village_lit": hexc("ffc060"),
    "ground_far": hexc("26345e"), "ground_near": hexc("1a2448"), "leaf": hexc("0f1936"),
    "leaf_dark": hexc("0a1028"), "rim": hexc("22346a"), "cypress": hexc("0c1430"), "cypress_dark": hexc("080e24"),
    "haze": hexc("2e4476"), "haze_peak": 140,
    "wall": hexc("151c36"), "wall_var": hexc("1e2848"), "mortar": hexc("0b1024"), "wall_foot": hexc("080c1c"),
    "cap_top": hexc("3a4c7a"), "cap_front": hexc("1c2648"),
    "floor_far": hexc("121a34"), "floor_near": hexc("080c1c"), "seam": hexc("04060e"),
    "iron": hexc("070a16"), "table_top": hexc("141a30"), "table_edge": hexc("070a16"), "table_hi": hexc("3a3a4a"),
    "bottle": hexc("0a0f1e"), "bottle_dark": hexc("05080f"), "bottle_hi": hexc("5a6e9a"), "label": hexc("2a3050"),
    "foil": hexc("1a1020"), "glass_body": hexc("2a3a66"), "glass_edge": hexc("8ea4d8"), "glass_hi": hexc("c8d6ff"),
    "glass_alpha": 170, "wine": hexc("2a0a18"), "wine_top": hexc("5a1a30"),
    "pane": hexc("b07a3a"), "pane_glow": hexc("ffcf78"), "candle": hexc("f4e0b0"), "flame": hexc("fff4c0"),
    "flame_glow": hexc("ff9f40"), "glow_peak": 120,
}


def finish(surf: pygame.Surface, name: str, seed: int, out_dir: Path = OUT) -> None:
    out = downscale(surf, FINAL)
    grain(out, seed, amp=7, mottle=4)
    save_png(out, out_dir / f"{name}.png")
    print("wrote", out_dir / f"{name}.png")


# name -> (painter, grain seed); each painter seeds its own randomness, so any subset comes out the same.
BACKGROUNDS: dict[str, tuple[Callable[[], pygame.Surface], int]] = {
    "vineyard_dusk": (vineyard_dusk, 11),
    "vineyard_terrace": (lambda: terrace_view(TERRACE_DUSK, random.Random(2202), night=False), 22),
    "vineyard_night": (lambda: terrace_view(TERRACE_NIGHT, random.Random(3303), night=True), 33),
    "vineyard_cellar": (vineyard_cellar, 44),
    "vineyard_lane": (vineyard_lane, 55),
    "provence_dinner": (provence_dinner, 66),
    "provence_garden": (provence_garden, 77),
    "berlin_1989": (berlin_1989, 88),
    "paris_cafe_day": (paris_cafe_day, 99),
    "paris_cafe_night": (paris_cafe_night, 110),
    "seine_quays": (seine_quays, 121),
    "seine_bench": (seine_bench, 132),
}


def main(argv: list[str]) -> int:
    """Paint all the backgrounds, or the ones named, as flat pictures into --out DIR (for review)."""
    args = list(argv)
    out_dir = take_out(args)
    if out_dir is None:
        print("flat pictures are for review; the game's backgrounds are made by make_tiled_maps.py. "
              "Pass --out DIR", file=sys.stderr)
        return 2
    unknown = [a for a in args if a not in BACKGROUNDS]
    if unknown:
        print(f"unknown background(s): {', '.join(unknown)}; choose from {', '.join(BACKGROUNDS)}", file=sys.stderr)
        return 2
    init()
    for name in args or list(BACKGROUNDS):
        paint, seed = BACKGROUNDS[name]
        finish(paint(), name, seed, out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
