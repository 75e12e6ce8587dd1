"""Stéphane's house in Provence: the Alpilles and lavender they share, and the dining terrace at the last light."""
from __future__ import annotations

import math
import random

from art_common import Shape, catmull, ellipse_pts, glow, hexc, mix, poly, pygame, vgradient
from scenery import Ground, bottle, cloud_streak, cypress, haze, hill, ridge, sun, wine_glass
from scenery_room import H, W, Camera, dim_band, fill, oval_glow, rect, vignette, window_light
from tiled_layers import Strata, cut, finish, note

# ---------------------------------------------------------------- shared landscape


def alpilles(surf: pygame.Surface, base: float, top: tuple, foot: tuple, rng: random.Random,
             face: tuple | None = None) -> None:
    """The Alpilles: a low chain of bare limestone crests, jagged against the sky, with pale cliff faces."""
    line = ridge(0, W, base, [(300, 90, 240), (760, 150, 160), (980, 120, 120), (1450, 60, 300), (1900, 170, 150),
                              (2120, 130, 110), (2450, 80, 200)], [(6, 90, 0.3), (4, 37, 1.1)], step=8)
    # Crags: sharpen some peaks so the crest reads as rock rather than rolling hill.
    jag = []
    for i, (x, y) in enumerate(line):
        jag.append((x, y - (rng.uniform(0, 16) if i % 3 == 0 else 0)))
    hill(surf, jag, top, foot, int(base + 120))
    if face:
        # Pale limestone scarps catching the low light on the faces turned to the sun.
        for cx, w, h in ((780, 70, 90), (1920, 90, 110), (2140, 50, 70), (1000, 40, 60), (330, 60, 60)):
            peak = min(jag, key=lambda p: p[1] if abs(p[0] - cx) < 60 else 1e9)
            px, py = peak
            poly(surf, [(px, py + 4), (px + w * 0.6, py + h * 0.55), (px + w * 0.35, py + h),
                        (px + w * 0.05, py + h * 0.45)], face, 110)


def lavender_rows(surf: pygame.Surface, g: Ground, xs: list[float], z0: float, z1: float, pal: dict,
                  rng: random.Random, height: float = 0.7, width: float = 1.0, period: float = 0.8,
                  spikes: bool = False) -> None:
    """Rows of round lavender bushes running away from the viewer, outermost first so nearer rows overlap.

    Like the vine rows, but each bush is a separate dome, and near rows bristle with flower spikes.
    """
    n = 220
    zs = [z0 * (z1 / z0) ** (i / n) for i in range(n + 1)]
    for x in sorted(xs, key=lambda v: -abs(v)):
        side = 1.0 if x >= 0 else -1.0
        inner, outer = x - side * width / 2, x + side * width / 2
        phase = rng.random() * 6.28
        tops, grounds, rims, shades = [], [], [], []
        for z in zs:
            dome = abs(math.sin(z * math.pi / period + phase)) ** 0.45
            h = height * (0.35 + 0.65 * dome)
            tops.append(g.project(x, z, h))
            rims.append(g.project(x, z, h - 0.12 - 0.1 * dome))
            shades.append(g.project(inner, z, h * 0.5))
            grounds.append(g.project(inner, z, 0.0))
        if pal.get("lav_soil") is not None:
            far = [g.project(x + side * 0.9, z, 0.0) for z in zs]
            poly(surf, [g.project(outer, z, 0.0) for z in zs] + far[::-1], pal["lav_soil"], 110)
        shape = Shape(tops + grounds[::-1], pal["lav"])
        shape.tone(shades + grounds[::-1], pal["lav_dark"])
        shape.tone(tops + rims[::-1], pal["lav_rim"])
        shape.draw(surf)
        if spikes:
            for z in zs[: n // 3]:
                if rng.random() < 0.5:
                    continue
                dome = abs(math.sin(z * math.pi / period + phase)) ** 0.45
                if dome < 0.4:
                    continue
                h = height * (0.35 + 0.65 * dome)
                bx, by = g.project(x + rng.uniform(-0.3, 0.3), z, h - 0.05)
                k = g.f / z
                ln = rng.uniform(0.1, 0.22) * k
                ang = rng.uniform(-0.5, 0.5)
                tx, ty = bx + math.sin(ang) * ln, by - math.cos(ang) * ln
                pygame.draw.line(surf, pal["lav_dark"], (bx, by), (tx, ty), max(1, int(k * 0.006)))
                poly(surf, ellipse_pts(tx, ty, max(1.5, k * 0.008), max(2.5, k * 0.03), angle=ang, n=8),
                     pal["spike"])


def lavender_field(surf: pygame.Surface, g: Ground, pal: dict, rng: random.Random, near: float,
                   far: float = 160.0, count: int = 60, spacing: float = 1.7, gap: float = 0.0,
                   spikes: bool = False) -> None:
    xs = [(-1 if i % 2 else 1) * (gap + spacing * (i // 2 + 0.5)) for i in range(count)]
    lavender_rows(surf, g, xs, near, far, pal, rng, spikes=spikes)


# ---------------------------------------------------------------- the dining terrace at evening

DINNER = {
    "sky": [(0.0, hexc("3e3c78")), (0.35, hexc("7c64a0")), (0.62, hexc("cf8a96")), (0.84, hexc("f2b088")),
            (1.0, hexc("f8d49c"))],
    "alp_top": hexc("a088ac"), "alp_foot": hexc("c89aa4"), "alp_face": hexc("e6c0b8"),
    "plain": (hexc("b48aa0"), hexc("d7a28c")),
    "lav": hexc("6c58a8"), "lav_dark": hexc("4a3a80"), "lav_rim": hexc("a88cd4"), "lav_soil": hexc("8a5a56"),
    "spike": hexc("b49ad8"),
    "ground_far": hexc("c89a88"), "ground_near": hexc("9a6a60"),
    "cypress": hexc("3c4a32"), "cypress_dark": hexc("28321f"), "haze": hexc("f0b898"),
    "plaster": hexc("e2b084"), "plaster_lit": hexc("f4cc98"), "plaster_shade": hexc("b68470"),
    "cap": hexc("f2d2aa"), "cap_front": hexc("c8967a"),
    "tile": hexc("b85c3a"), "tile_var": hexc("d07a4c"), "grout": hexc("e0b48e"), "tile_dark": hexc("7a3a2a"),
    "shutter": hexc("8aa4b0"), "shutter_dark": hexc("5e7886"), "interior": hexc("f2b260"),
    "interior_deep": hexc("c07838"), "warm": hexc("ffb860"),
    "cloth": hexc("f4e4cc"), "cloth_shade": hexc("c8b2b4"), "cloth_fold": hexc("dcc8bc"), "wood": hexc("5a3a30"),
    "iron": hexc("2e2228"), "table_top": hexc("6a4c44"), "table_edge": hexc("3e2c2c"), "table_hi": hexc("8a6658"),
    "bottle": hexc("2f4a34"), "bottle_dark": hexc("1c2e22"), "bottle_hi": hexc("7aa080"), "label": hexc("efe0c0"),
    "foil": hexc("7a1e2e"), "glass_body": hexc("f6dcc0"), "glass_edge": hexc("fff2e0"), "glass_hi": hexc("ffffff"),
    "glass_alpha": 150, "wine": hexc("7a1628"), "wine_top": hexc("a8283c"),
    "candle": hexc("f8eedc"), "flame": hexc("fff6c8"), "flame_glow": hexc("ffb050"), "brass": hexc("c8943a"),
    "brass_dark": hexc("7a5424"), "crust": hexc("c88a42"), "crust_dark": hexc("8a5a2a"), "crumb": hexc("f0d8a8"),
    "plate": hexc("f8f0e4"), "plate_shade": hexc("d4c4c0"), "olive": hexc("4a4e2a"), "bowl": hexc("3c6a8a"),
    "pot": hexc("b0583a"), "pot_dark": hexc("7a3826"), "leaf": hexc("4e6a3a"), "bloom": hexc("d04a5a"),
}


def terrace_tiles(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random, z0: float, z1: float,
                  x0: float, x1: float, size: float = 0.42) -> None:
    """Square terracotta tiles in perspective, each a little different, with pale grout between."""
    fill(surf, cam.ps([(x0, 0, z0), (x1, 0, z0), (x1, 0, z1), (x0, 0, z1)]), pal["grout"])
    g = 0.02
    z = z1
    rows = []
    while z > z0:
        rows.append((max(z - size, z0), z))
        z -= size
    for za, zb in rows:
        x = x0
        while x < x1:
            col = mix(pal["tile"], pal["tile_var"], rng.random() * 0.8)
            col = mix(col, pal["tile_dark"], max(0.0, 0.5 - za / 14))
            fill(surf, cam.ps([(x + g, 0, za + g), (x + size - g, 0, za + g), (x + size - g, 0, zb - g),
                               (x + g, 0, zb - g)]), col)
            x += size


def candle(surf: pygame.Surface, x: float, base: float, kp: float, pal: dict, tall: float = 0.26) -> None:
    """A taper candle in a brass stick, flame and glow; kp is pixels per metre at its depth."""
    glow(surf, (x, base - (0.12 + tall) * kp), int(0.9 * kp), pal["flame_glow"], 70, falloff=2.2, add=True)
    foot = ellipse_pts(x, base - 0.005 * kp, 0.05 * kp, 0.014 * kp, n=20)
    poly(surf, foot, pal["brass_dark"])
    stem = [(x - 0.012 * kp, base - 0.01 * kp), (x - 0.02 * kp, base - 0.06 * kp), (x - 0.01 * kp, base - 0.09 * kp),
            (x - 0.028 * kp, base - 0.12 * kp), (x + 0.028 * kp, base - 0.12 * kp), (x + 0.01 * kp, base - 0.09 * kp),
            (x + 0.02 * kp, base - 0.06 * kp), (x + 0.012 * kp, base - 0.01 * kp)]
    s = Shape(stem, pal["brass"])
    s.tone([(x + 0.004 * kp, base - 0.2 * kp), (x + 0.05 * kp, base - 0.2 * kp), (x + 0.05 * kp, base),
            (x + 0.004 * kp, base)], pal["brass_dark"])
    s.draw(surf)
    top = base - (0.12 + tall) * kp
    c = Shape(rect(x - 0.011 * kp, top, x + 0.011 * kp, base - 0.118 * kp), pal["candle"])
    c.tone(rect(x + 0.003 * kp, top, x + 0.02 * kp, base), mix(pal["candle"], pal["brass_dark"], 0.3))
    c.draw(surf)
    poly(surf, catmull([(x, top - 0.05 * kp), (x + 0.009 * kp, top - 0.016 * kp), (x, top - 0.002 * kp),
                        (x - 0.009 * kp, top - 0.016 * kp)], steps=6), pal["flame"])
    glow(surf, (x, top - 0.02 * kp), int(0.12 * kp), pal["flame"], 160, falloff=1.6, add=True)


def bread(surf: pygame.Surface, x: float, base: float, kp: float, pal: dict) -> None:
    """A round country loaf beside a torn baguette, on a board."""
    poly(surf, rect(x - 0.2 * kp, base - 0.02 * kp, x + 0.22 * kp, base), pal["wood"])
    loaf = catmull([(x - 0.11 * kp, base - 0.02 * kp), (x - 0.1 * kp, base - 0.08 * kp), (x, base - 0.115 * kp),
                    (x + 0.1 * kp, base - 0.08 * kp), (x + 0.11 * kp, base - 0.02 * kp)], closed=False, steps=6)
    s = Shape(loaf, pal["crust"])
    s.tone(rect(x + 0.02 * kp, base - 0.2 * kp, x + 0.2 * kp, base), pal["crust_dark"])
    for dx in (-0.05, 0.0, 0.05):
        s.tone([(x + (dx - 0.02) * kp, base - 0.085 * kp), (x + (dx + 0.03) * kp, base - 0.1 * kp),
                (x + (dx + 0.032) * kp, base - 0.094 * kp), (x + (dx - 0.018) * kp, base - 0.079 * kp)], pal["crumb"])
    s.draw(surf)
    bag = [(x + 0.08 * kp, base - 0.03 * kp), (x + 0.36 * kp, base - 0.055 * kp), (x + 0.37 * kp, base - 0.025 * kp),
           (x + 0.09 * kp, base - 0.0)]
    b = Shape(bag, pal["crust"])
    b.tone([(x + 0.08 * kp, base - 0.015 * kp), (x + 0.37 * kp, base - 0.04 * kp), (x + 0.37 * kp, base),
            (x + 0.08 * kp, base)], pal["crust_dark"])
    b.draw(surf)
    poly(surf, ellipse_pts(x + 0.36 * kp, base - 0.04 * kp, 0.012 * kp, 0.016 * kp, n=10), pal["crumb"])


def plate(surf: pygame.Surface, x: float, y: float, kp: float, pal: dict, persp: float) -> None:
    poly(surf, ellipse_pts(x, y, 0.13 * kp, 0.13 * kp * persp, n=32), pal["plate_shade"])
    poly(surf, ellipse_pts(x, y - 0.004 * kp, 0.125 * kp, 0.125 * kp * persp, n=32), pal["plate"])
    poly(surf, ellipse_pts(x, y - 0.002 * kp, 0.08 * kp, 0.08 * kp * persp, n=32),
         mix(pal["plate"], pal["plate_shade"], 0.4))


def long_table(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random,
               strata: Strata | None = None) -> None:
    """The long table in its white cloth, candles lit, wine, bread, olives, plates laid for two and more."""
    x0, x1, za, zb, ht = -1.25, 2.35, 2.8, 3.7, 0.76
    drop = 0.3
    for lx, lz in ((x0 + 0.12, zb - 0.1), (x1 - 0.12, zb - 0.1), (x0 + 0.12, za + 0.08), (x1 - 0.12, za + 0.08)):
        fill(surf, cam.ps([(lx - 0.04, 0, lz), (lx - 0.04, ht - drop, lz), (lx + 0.04, ht - drop, lz),
                           (lx + 0.04, 0, lz)]), pal["wood"])
    # A soft shadow under the table on the tiles.
    poly(surf, cam.ps([(x0 - 0.1, 0, za), (x1 + 0.1, 0, za), (x1 + 0.3, 0, zb + 0.3), (x0 + 0.1, 0, zb + 0.3)]),
         pal["tile_dark"], 110)
    top = cam.ps([(x0, ht, za), (x1, ht, za), (x1, ht, zb), (x0, ht, zb)])
    s = Shape(top, pal["cloth"])
    s.tone(cam.ps([(x0, ht, za + 0.45), (x1, ht, za + 0.45), (x1, ht, za + 0.48), (x0, ht, za + 0.48)]),
           pal["cloth_fold"])
    s.draw(surf)
    front = cam.ps([(x0, ht, za), (x1, ht, za), (x1, ht - drop, za), (x0, ht - drop, za)])
    f = Shape(front, pal["cloth_fold"])
    for i in range(1, 12):
        xf = x0 + (x1 - x0) * i / 12
        f.tone(cam.ps([(xf - 0.03, ht, za), (xf + 0.05, ht, za), (xf + 0.09, ht - drop, za),
                       (xf - 0.01, ht - drop, za)]), pal["cloth_shade"], 150)
    f.tone(cam.ps([(x0, ht, za), (x1, ht, za), (x1, ht - 0.025, za), (x0, ht - 0.025, za)]), pal["cloth"])
    f.draw(surf)
    side = cam.ps([(x1, ht, za), (x1, ht, zb), (x1, ht - drop, zb), (x1, ht - drop, za)])
    poly(surf, side, pal["cloth_shade"])
    # What is on the table, back row first.
    items = []
    for x in (-0.85, 0.05, 1.15, 2.0):
        items.append(("plate", x, 3.5))
    for x in (-0.6, 0.5, 1.6):
        items.append(("plate", x, 2.98))
    items += [("candle", -0.3, 3.25), ("candle", 0.85, 3.3), ("candle", 1.85, 3.22),
              ("bottle", 0.32, 3.4), ("bottle", 1.45, 3.15), ("bread", -1.05, 3.05),
              ("glass", -0.42, 3.0), ("glass", 0.68, 2.95), ("glass", 1.8, 3.0), ("glass", 0.15, 3.5),
              ("glass", 1.3, 3.52), ("olives", 2.1, 2.98)]
    for kind, x, z in sorted(items, key=lambda t: -t[2]):
        px, py = cam.p(x, ht, z)
        k = cam.k(z) * (1.0 if kind == "plate" else 1.3)  # poster licence: the things on the table read larger
        if kind == "plate":
            plate(surf, px, py, k, pal, 0.2)
        elif kind == "candle":
            candle(surf, px, py, k, pal)
            top = py - (0.12 + 0.26) * k
            note(strata, "flame", px, top - 0.025 * k, 0.048 * k)
        elif kind == "bottle":
            bottle(surf, px, py, k / 1000, pal)
        elif kind == "glass":
            wine_glass(surf, px, py, k * 0.17 / 118, pal, wine=rng.uniform(0.25, 0.45))
        elif kind == "bread":
            bread(surf, px, py, k, pal)
        elif kind == "olives":
            poly(surf, ellipse_pts(px, py - 0.03 * k, 0.08 * k, 0.035 * k, n=20), pal["bowl"])
            for i in range(9):
                ox, oy = px + (i % 5 - 2) * 0.025 * k, py - 0.06 * k - (i // 5) * 0.015 * k
                poly(surf, ellipse_pts(ox, oy, 0.014 * k, 0.01 * k, n=10), pal["olive"])
            poly(surf, rect(px - 0.08 * k, py - 0.06 * k, px + 0.08 * k, py - 0.03 * k), pal["bowl"])


def house_side(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random, zt: float) -> None:
    """The house wall on the left with its door standing open onto the terrace and the lamp-lit room inside."""
    xw, hh = -3.2, 3.4
    wall = cam.ps([(xw, 0, 1.0), (xw, hh, 1.0), (xw, hh, zt), (xw, 0, zt)])
    s = Shape(wall, pal["plaster"])
    s.tone(cam.ps([(xw, 2.6, 1.0), (xw, hh, 1.0), (xw, hh, zt), (xw, 2.6, zt)]), pal["plaster_lit"], 140)
    s.tone(cam.ps([(xw, 0, 1.0), (xw, 0.25, 1.0), (xw, 0.25, zt), (xw, 0, zt)]), pal["plaster_shade"])
    for _ in range(60):
        z, h = rng.uniform(1.5, zt), rng.uniform(0.3, hh)
        q = cam.ps([(xw, h, z), (xw, h + rng.uniform(0.04, 0.1), z), (xw, h + 0.06, z + rng.uniform(0.1, 0.3)),
                    (xw, h, z + 0.2)])
        s.tone(q, pal["plaster_shade"], 35)
    # Door opening, the room inside glowing, a glimpse of a dresser and a lamp.
    d0, d1, dh = 4.1, 5.1, 2.35
    s.tone(cam.ps([(xw, 0, d0 - 0.12), (xw, dh + 0.12, d0 - 0.12), (xw, dh + 0.12, d1 + 0.12), (xw, 0, d1 + 0.12)]),
           pal["cap"])
    s.tone(cam.ps([(xw, 0, d0), (xw, dh, d0), (xw, dh, d1), (xw, 0, d1)]), pal["interior"])
    s.tone(cam.ps([(xw - 0.6, 0, d0), (xw - 0.6, dh, d0), (xw, dh, d0 + 0.02), (xw, 0, d0 + 0.02)]),
           pal["interior_deep"])
    s.tone(cam.ps([(xw, 0, d0), (xw, 0.9, d0), (xw, 0.9, d0 + 0.5), (xw, 0, d0 + 0.5)]),
           mix(pal["interior_deep"], pal["wood"], 0.5))
    # Shuttered window upstairs, closed.
    w0, w1, wy0, wy1 = 4.4, 4.85, 2.6, 3.15
    s.tone(cam.ps([(xw, wy0, w0 - 0.25), (xw, wy1, w0 - 0.25), (xw, wy1, w1 + 0.25), (xw, wy0, w1 + 0.25)]),
           pal["shutter"])
    for zz in (w0 - 0.25, w0 + 0.05, w0 + 0.33, w0 + 0.61, w1 - 0.03):
        s.tone(cam.ps([(xw, wy0, zz), (xw, wy1, zz), (xw, wy1, zz + 0.03), (xw, wy0, zz + 0.03)]),
               pal["shutter_dark"])
    s.draw(surf)
    # The door leaf, folded back against the wall toward us, and the light it lets out across the tiles.
    leaf = cam.ps([(xw, 0, d0 - 0.02), (xw, dh, d0 - 0.02), (xw + 0.08, dh, d0 - 1.0), (xw + 0.08, 0, d0 - 1.0)])
    lf = Shape(leaf, pal["shutter_dark"])
    for i in range(1, 6):
        zz = d0 - 0.02 - 0.98 * i / 6
        lf.tone(cam.ps([(xw + 0.08, 0, zz), (xw + 0.08, dh, zz), (xw + 0.08, dh, zz + 0.025),
                        (xw + 0.08, 0, zz + 0.025)]), mix(pal["shutter_dark"], (20, 20, 40), 0.3))
    lf.draw(surf)
    # The eave: a génoise of rounded tile ends under the roof's edge.
    zs = [1.0 * (zt / 1.0) ** (i / 60) for i in range(61)]
    fill(surf, [cam.p(xw, hh, z) for z in zs] + [cam.p(xw + 0.45, hh + 0.35, z) for z in zs[::-1]],
         pal["tile_dark"])
    for row, (dx, dh_) in enumerate(((0.18, 0.12), (0.36, 0.27))):
        z = 1.0 + 0.05 * row
        while z < zt:
            c = cam.p(xw + dx, hh + dh_, z)
            r = cam.k(z) * 0.05
            poly(surf, ellipse_pts(c[0], c[1] - r * 0.3, r * 0.55, r * 0.9, n=12, start=math.pi, end=2 * math.pi),
                 pal["tile_var"])
            poly(surf, ellipse_pts(c[0], c[1] - r * 0.3, r * 0.32, r * 0.55, n=10, start=math.pi, end=2 * math.pi),
                 mix(pal["tile_dark"], (0, 0, 0), 0.4))
            z += 0.1
    fill(surf, [cam.p(xw + 0.45, hh + 0.35, z) for z in zs] + [cam.p(xw + 0.5, hh + 0.5, z) for z in zs[::-1]],
         pal["tile_var"])
    window_light(surf, cam.ps([(xw, 0, d0), (xw, 0, d1), (xw + 2.6, 0, d1 + 1.4), (xw + 2.4, 0, d0 + 0.2)]),
                 pal["warm"], 90)
    oval_glow(surf, cam.p(xw + 0.4, 1.2, (d0 + d1) / 2), 160, 300, pal["warm"], 50)


def parapet(surf: pygame.Surface, cam: Camera, pal: dict, zt: float, x0: float, x1: float, hp: float,
            face: bool = True) -> None:
    """The low wall round the terrace; without its face when a Tiled map lays that in stone tiles."""
    if face:
        fill(surf, cam.ps([(x0, 0, zt), (x1, 0, zt), (x1, hp, zt), (x0, hp, zt)]), pal["plaster"])
        fill(surf, cam.ps([(x0, 0, zt), (x1, 0, zt), (x1, 0.08, zt), (x0, 0.08, zt)]), pal["plaster_shade"])
    fill(surf,
         cam.ps([(x0, hp, zt - 0.06), (x1, hp, zt - 0.06), (x1, hp + 0.08, zt - 0.06), (x0, hp + 0.08, zt - 0.06)]),
         pal["cap_front"])
    fill(surf, cam.ps([(x0, hp + 0.08, zt - 0.06), (x1, hp + 0.08, zt - 0.06), (x1, hp + 0.08, zt + 0.3),
                       (x0, hp + 0.08, zt + 0.3)]), pal["cap"])


def pot(surf: pygame.Surface, x: float, base: float, kp: float, pal: dict, rng: random.Random) -> None:
    """A terracotta pot of geraniums on the parapet."""
    for _ in range(26):
        a = rng.uniform(math.pi * 1.05, math.pi * 1.95)
        r = rng.uniform(0.04, 0.2) * kp
        cx, cy = x + math.cos(a) * r, base - 0.2 * kp + math.sin(a) * r * 0.8
        poly(surf, ellipse_pts(cx, cy, 0.05 * kp, 0.035 * kp, n=10), mix(pal["leaf"], (0, 0, 0), rng.random() * 0.3))
    for _ in range(9):
        cx, cy = x + rng.uniform(-0.14, 0.14) * kp, base - rng.uniform(0.25, 0.36) * kp
        poly(surf, ellipse_pts(cx, cy, 0.028 * kp, 0.024 * kp, n=10), pal["bloom"])
    p = Shape([(x - 0.15 * kp, base - 0.22 * kp), (x + 0.15 * kp, base - 0.22 * kp), (x + 0.11 * kp, base),
               (x - 0.11 * kp, base)], pal["pot"])
    p.tone(rect(x + 0.03 * kp, base - kp, x + kp, base), pal["pot_dark"])
    p.tone(rect(x - kp, base - 0.22 * kp, x + kp, base - 0.19 * kp), mix(pal["pot"], (255, 220, 180), 0.3))
    p.draw(surf)


def provence_dinner(strata: Strata | None = None) -> pygame.Surface:
    rng = random.Random(6606)
    pal = DINNER
    surf = pygame.Surface((W, H))
    hy = 780
    vgradient(surf, pygame.Rect(0, 0, W, hy + 120), pal["sky"])
    sun(surf, (1880, hy - 40), 40, hexc("fff0c8"), hexc("ffb070"))
    for x, y, ln, th, col, a in ((250, 200, 900, 36, "8a6a9e", 140), (1450, 140, 900, 30, "8e6a9c", 120),
                                 (900, 380, 1000, 26, "d08a92", 150), (1900, 470, 700, 22, "eaa088", 160)):
        cloud_streak(surf, x, y, ln, th, hexc(col), a, rng)
    cut(strata, "sky", surf)
    alpilles(surf, hy - 10, pal["alp_top"], pal["alp_foot"], rng, pal["alp_face"])
    hill(surf, ridge(0, W, hy + 10, [(600, 30, 400), (1800, 20, 500)], [(5, 400, 0.4)]), pal["plain"][0],
         pal["plain"][1], hy + 90, (rng, mix(pal["cypress"], pal["plain"][0], 0.4), 60, 8))
    cut(strata, "hills", surf)
    vgradient(surf, pygame.Rect(0, hy + 30, W, 200), [(0.0, pal["ground_far"]), (1.0, pal["ground_near"])])
    g = Ground(1500, hy + 10, 7.0, 6.0, 990)
    lavender_field(surf, g, pal, rng, 6.0, 220.0, count=90, spacing=2.3)
    haze(surf, hy - 30, hy + 160, pal["haze"], 170)
    # A windbreak of cypresses along a field boundary, close-set and uneven like the real ones.
    x = 1020
    while x < 1560:
        ht = rng.uniform(110, 170)
        cypress(surf, x, hy + 26, ht, ht * 0.24, pal["cypress"], pal["cypress_dark"])
        x += rng.uniform(18, 34)
    for cx, base, ht in ((2330, hy + 90, 330), (2410, hy + 96, 270)):
        cypress(surf, cx, base, ht, ht * 0.2, pal["cypress"], pal["cypress_dark"])
    cut(strata, "field", surf)
    cam = Camera(1280, 800, 1000, 1.6)
    zt = 7.2
    if strata is not None:  # the parapet's face is the map's stone tiles, under the floor and the coping
        strata.stand_in("stone", surf)
    terrace_tiles(surf, cam, pal, rng, 1.2, zt, -3.2, 14.0)
    parapet(surf, cam, pal, zt, -3.2, 14.0, 0.55, face=strata is None)
    for x in (0.6, 3.4):
        px, py = cam.p(x, 0.63, zt + 0.1)
        pot(surf, px, py, cam.k(zt), pal, rng)
    house_side(surf, cam, pal, rng, zt)
    long_table(surf, cam, pal, rng, strata)

    def evening(s: pygame.Surface) -> None:
        # Evening comes in from the edges; the candles and the door keep their warmth.
        dim_band(s, 1150, H, hexc("4a2a38"), 0, 120)
        vignette(s, 0.35, center=(1500, 700), reach=1.1, tint=hexc("3a2440"))
    return finish(strata, "terrace", surf, evening)
