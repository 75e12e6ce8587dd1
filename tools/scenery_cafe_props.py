"""The café's furniture and fittings: the zinc and back bar, the machine, lamps, tables, chairs, the record player."""
from __future__ import annotations

import math
import random

from art_common import Shape, catmull, ellipse_pts, hexc, mix, pygame
from scenery_room import Camera, fill, rect

HX, DEPTH, CEIL = 3.6, 7.0, 3.7      # half width, back wall (the street windows), ceiling height (metres)
BAYS = [(-3.3, -1.35), (-1.15, 0.45), (0.65, 1.75), (1.95, 3.3)]   # the shopfront's openings, the third a door
COUNTER_X, COUNTER_Z0, COUNTER_Z1, COUNTER_H = -2.45, 2.2, 6.1, 1.1

ROOM = {
    "ceiling": hexc("efe0c2"), "ceiling_far": hexc("e2cfa8"), "cornice": hexc("d8c098"),
    "plaster": hexc("e6cfa2"), "plaster_shade": hexc("c8ad84"), "wood": hexc("5a3424"), "wood_dark": hexc("3a2018"),
    "wood_lit": hexc("84533a"), "front": hexc("2c4a40"), "front_dark": hexc("1c322a"), "front_lit": hexc("4a6a5a"),
    "tile_a": hexc("e8dcc2"), "tile_b": hexc("4a4e56"), "zinc": hexc("9ca8b0"), "zinc_hi": hexc("dde4e8"),
    "zinc_dark": hexc("5c666e"), "brass": hexc("c8963a"), "brass_dark": hexc("7a5622"), "chrome": hexc("cfd6da"),
    "chrome_dark": hexc("6a747a"), "chrome_hi": hexc("ffffff"), "leather": hexc("8a3a2e"),
    "leather_dark": hexc("5a221c"),
    "leather_hi": hexc("b05a44"), "board": hexc("263028"), "chalk": hexc("e8ecdf"), "mirror": hexc("b8b8a8"),
    "mirror_dark": hexc("8a8c80"), "marble": hexc("f0ece4"), "marble_edge": hexc("c8c0b4"), "iron": hexc("24201e"),
    "bentwood": hexc("3a2216"), "bentwood_hi": hexc("6a4430"), "cane": hexc("c8a46a"),
    "bottles": [hexc("2f4a34"), hexc("6a2a22"), hexc("c8a050"), hexc("3a5a6a"), hexc("8a6a3a"), hexc("e0d8c0")],
    "globe": hexc("fff4dc"), "globe_glow": hexc("ffd890"), "cup": hexc("f8f4ec"), "vinyl": hexc("16141a"),
    "label": hexc("c8463a"), "player": hexc("7a4a30"), "player_lid": hexc("caa070"),
}


def back_bar(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """Behind the counter on the left wall: a long mirror and glass shelves of bottles."""
    x = -HX
    fill(surf, cam.ps([(x, 0, 1.0), (x, 1.3, 1.0), (x, 1.3, DEPTH), (x, 0, DEPTH)]), pal["wood_dark"])
    fill(surf, cam.ps([(x, 1.45, 1.8), (x, 3.05, 1.8), (x, 3.05, 6.4), (x, 1.45, 6.4)]), pal["wood"])
    fill(surf, cam.ps([(x, 1.55, 1.9), (x, 2.95, 1.9), (x, 2.95, 6.3), (x, 1.55, 6.3)]), pal["mirror_dark"])
    for z0 in (2.4, 3.6, 4.8):
        fill(surf, cam.ps([(x, 1.55, z0), (x, 2.95, z0 + 0.5), (x, 2.95, z0 + 0.62), (x, 1.55, z0 + 0.12)]),
             mix(pal["mirror"], (255, 255, 255), 0.3))
    for h in (1.62, 2.12, 2.62):
        fill(surf,
             cam.ps([(x, h - 0.03, 1.9), (x + 0.25, h - 0.03, 1.9), (x + 0.25, h - 0.03, 6.3), (x, h - 0.03, 6.3)]),
             pal["zinc_hi"])
        z = 6.2
        while z > 1.95:
            col = pal["bottles"][rng.randrange(len(pal["bottles"]))]
            bh = rng.uniform(0.24, 0.34)
            k = cam.k(z)
            bx, by = cam.p(x + 0.13, h, z)
            wdt = 0.075 * k * 0.5
            shape = [(bx - wdt, by), (bx - wdt, by - bh * 0.62 * k), (bx - wdt * 0.35, by - bh * 0.8 * k),
                     (bx - wdt * 0.35, by - bh * k), (bx + wdt * 0.35, by - bh * k),
                     (bx + wdt * 0.35, by - bh * 0.8 * k), (bx + wdt, by - bh * 0.62 * k), (bx + wdt, by)]
            s = Shape(shape, col)
            s.tone(rect(bx - wdt, by - bh * 0.45 * k, bx + wdt, by - bh * 0.2 * k), mix(col, (250, 245, 230), 0.6))
            s.tone(rect(bx - wdt * 0.7, by - bh * k, bx - wdt * 0.35, by), mix(col, (255, 255, 255), 0.45))
            s.draw(surf)
            z -= rng.uniform(0.11, 0.17)


def counter(surf: pygame.Surface, cam: Camera, pal: dict) -> None:
    """The zinc: a panelled wooden front, a rolled zinc top, a brass foot rail."""
    x, z0, z1, h = COUNTER_X, COUNTER_Z0, COUNTER_Z1, COUNTER_H
    front = cam.ps([(x, 0, z0), (x, h - 0.08, z0), (x, h - 0.08, z1), (x, 0, z1)])
    s = Shape(front, pal["wood"])
    zz = z0 + 0.08
    while zz < z1 - 0.3:
        s.tone(cam.ps([(x, 0.18, zz + 0.06), (x, h - 0.22, zz + 0.06), (x, h - 0.22, zz + 0.52), (x, 0.18, zz + 0.52)]),
               pal["wood_dark"])
        s.tone(cam.ps([(x, 0.2, zz + 0.08), (x, h - 0.24, zz + 0.08), (x, h - 0.24, zz + 0.12), (x, 0.2, zz + 0.12)]),
               pal["wood_lit"])
        zz += 0.62
    s.draw(surf)
    # Near end of the counter, facing us.
    fill(surf, cam.ps([(x, 0, z0), (-HX, 0, z0), (-HX, h - 0.08, z0), (x, h - 0.08, z0)]), pal["wood_dark"])
    top = cam.ps([(x - 0.06, h, z0 - 0.06), (-HX, h, z0 - 0.06), (-HX, h, z1), (x - 0.06, h, z1)])
    t = Shape(top, pal["zinc"])
    t.tone(cam.ps([(x - 0.06, h, z0), (x + 0.3, h, z0), (x + 0.3, h, z1), (x - 0.06, h, z1)]), pal["zinc_hi"])
    t.draw(surf)
    xe = x + 0.02
    fill(surf, cam.ps([(xe, h, z0 - 0.06), (xe, h, z1), (xe, h - 0.09, z1), (xe, h - 0.09, z0 - 0.06)]),
         pal["zinc_dark"])
    fill(surf, cam.ps([(xe, h, z0 - 0.08), (-HX, h, z0 - 0.08), (-HX, h - 0.09, z0 - 0.08), (xe, h - 0.09, z0 - 0.08)]),
         pal["zinc"])
    # Brass foot rail on little brackets.
    for hh, col in ((0.2, pal["brass"]), (0.17, pal["brass_dark"])):
        fill(surf,
             cam.ps([(x + 0.16, hh, z0), (x + 0.16, hh, z1), (x + 0.16, hh - 0.03, z1), (x + 0.16, hh - 0.03, z0)]),
             col)


def espresso_machine(surf: pygame.Surface, cam: Camera, pal: dict, z: float) -> None:
    """A chrome lever machine on the zinc: a drum body under a brass dome, two group heads, tall levers."""
    x = -3.05
    k = cam.k(z) * 1.35      # drawn a little larger than life so it reads behind a figure
    cx, cy = cam.p(x, COUNTER_H, z)
    w, bh = 0.3 * k, 0.42 * k
    fill(surf, rect(cx - w * 1.1, cy - 0.04 * k, cx + w * 1.1, cy), pal["chrome_dark"])
    body = [(cx - w, cy - 0.04 * k), (cx - w, cy - bh), (cx + w, cy - bh), (cx + w, cy - 0.04 * k)]
    s = Shape(body, pal["chrome"])
    s.tone(rect(cx + w * 0.45, cy - bh, cx + w, cy), pal["chrome_dark"])
    s.tone(rect(cx - w * 0.72, cy - bh, cx - w * 0.55, cy), pal["chrome_hi"])
    s.tone(rect(cx - w, cy - bh * 0.84, cx + w, cy - bh * 0.78), pal["brass"])
    s.draw(surf)
    dome = catmull([(cx - w * 0.9, cy - bh), (cx - w * 0.6, cy - bh - 0.13 * k), (cx, cy - bh - 0.19 * k),
                    (cx + w * 0.6, cy - bh - 0.13 * k), (cx + w * 0.9, cy - bh)], closed=False, steps=8)
    d = Shape(dome, pal["brass"])
    d.tone(rect(cx + w * 0.25, cy - bh - k, cx + w, cy - bh), pal["brass_dark"])
    d.tone(rect(cx - w * 0.55, cy - bh - k, cx - w * 0.4, cy - bh), mix(pal["brass"], (255, 255, 255), 0.4))
    d.draw(surf)
    fill(surf, rect(cx - 0.015 * k, cy - bh - 0.3 * k, cx + 0.015 * k, cy - bh - 0.18 * k), pal["brass_dark"])
    fill(surf, ellipse_pts(cx, cy - bh - 0.31 * k, 0.04 * k, 0.03 * k, n=12), pal["brass"])
    for gx in (-0.15, 0.15):
        hx = cx + gx * k
        gy = cy - 0.15 * k
        # Group head, portafilter handle, and the lever standing up above the machine with its black ball.
        fill(surf, rect(hx - 0.055 * k, gy - 0.05 * k, hx + 0.055 * k, gy + 0.03 * k), pal["chrome_dark"])
        fill(surf, rect(hx - 0.03 * k, gy + 0.03 * k, hx + 0.03 * k, gy + 0.07 * k), pal["chrome"])
        fill(surf, [(hx + 0.02 * k, gy + 0.05 * k), (hx + 0.14 * k, gy + 0.07 * k), (hx + 0.14 * k, gy + 0.1 * k),
                    (hx + 0.02 * k, gy + 0.08 * k)], hexc("1a1614"))
        fill(surf, [(hx - 0.012 * k, gy - 0.05 * k), (hx - 0.05 * k, cy - bh - 0.34 * k),
                    (hx - 0.025 * k, cy - bh - 0.35 * k),
                    (hx + 0.012 * k, gy - 0.05 * k)], pal["chrome_dark"])
        fill(surf, ellipse_pts(hx - 0.04 * k, cy - bh - 0.37 * k, 0.035 * k, 0.035 * k, n=12), hexc("1a1614"))
        fill(surf, rect(hx - 0.035 * k, cy - 0.1 * k, hx + 0.035 * k, cy - 0.04 * k), pal["cup"])
    for i in range(3):
        fill(surf, rect(cx - w * 0.8 + i * 0.1 * k, cy - bh - 0.06 * k, cx - w * 0.8 + i * 0.1 * k + 0.07 * k,
                        cy - bh - 0.005 * k),
             pal["cup"])


def pendant(surf: pygame.Surface, cam: Camera, pal: dict, x: float, z: float, drop: float, lit: bool) -> tuple:
    """An opal glass globe on a long brass rod; returns the globe's screen position."""
    (tx, ty), (gx, gy) = cam.p(x, CEIL, z), cam.p(x, CEIL - drop, z)
    k = cam.k(z)
    pygame.draw.line(surf, pal["brass_dark"], (tx, ty), (gx, gy - 0.16 * k), max(2, int(0.015 * k)))
    fill(surf, ellipse_pts(tx, ty, 0.08 * k, 0.025 * k, n=12), pal["brass"])
    fill(surf, rect(gx - 0.06 * k, gy - 0.19 * k, gx + 0.06 * k, gy - 0.13 * k), pal["brass"])
    g = Shape(ellipse_pts(gx, gy, 0.15 * k, 0.15 * k, n=28), pal["globe"] if lit else
              mix(pal["globe"], pal["plaster_shade"], 0.35))
    if not lit:
        g.tone(ellipse_pts(gx - 0.04 * k, gy - 0.05 * k, 0.08 * k, 0.07 * k, n=20), pal["globe"])
    g.draw(surf)
    return (gx, gy)


def bistro(surf: pygame.Surface, cam: Camera, pal: dict, x: float, z: float) -> None:
    """A marble-topped round table on a cast-iron foot, in true perspective."""
    ht, r = 0.74, 0.33
    (bx, by) = cam.p(x, 0, z)
    k = cam.k(z)
    for ang in (0.5, 2.6, 4.7):
        fx, fy = cam.p(x + 0.28 * math.cos(ang), 0, z + 0.28 * math.sin(ang))
        pygame.draw.line(surf, pal["iron"], (bx, by - 0.08 * k), (fx, fy), max(3, int(0.035 * k)))
    fill(surf, rect(bx - 0.03 * k, cam.p(x, ht, z)[1], bx + 0.03 * k, by - 0.05 * k), pal["iron"])
    fill(surf, [cam.p(x + r * math.cos(a), ht - 0.04, z + r * math.sin(a)) for a in
                (i * 2 * math.pi / 40 for i in range(40))], pal["marble_edge"])
    top = Shape([cam.p(x + r * math.cos(a), ht,
                       z + r * math.sin(a)) for a in (i * 2 * math.pi / 40 for i in range(40))],
                pal["marble"])
    top.draw(surf)


def chair(surf: pygame.Surface, cam: Camera, pal: dict, x: float, z: float, face: float,
          on_table: float | None = None) -> None:
    """A bentwood bistro chair: cane seat, four splayed legs, a hooped back; face is the way it looks (radians).

    on_table puts it upside down on a table of that height, as at closing time: seat down, legs in the air.
    """
    seat_h, r = 0.46, 0.2
    fx, fz = math.cos(face), math.sin(face)

    def P(dx: float, h: float, dz: float) -> tuple:
        # Chair space: dx across the seat, dz forward; h up. Turned to face, flipped if on a table.
        wx = x + dx * fz + dz * fx
        wz = z - dx * fx + dz * fz
        if on_table is not None:
            h = on_table + (seat_h - h) + 0.03
        return cam.p(wx, h, wz)

    k = cam.k(z)
    lw = max(3, int(0.034 * k))
    legs = [(-0.15, 0.12), (0.15, 0.12), (-0.14, -0.14), (0.14, -0.14)]
    back = [P(0.21 * math.cos(a), seat_h + 0.02 + 0.46 * math.sin(a) ** 0.6, -0.16) for a in
            (math.pi * i / 16 for i in range(17))]
    ring_pts = [P(r * math.cos(a), seat_h, r * math.sin(a)) for a in (i * 2 * math.pi / 28 for i in range(28))]
    under = [P(r * math.cos(a) * 0.98, seat_h - 0.04, r * math.sin(a) * 0.98) for a in
             (i * 2 * math.pi / 28 for i in range(28))]
    # Far legs and back first when the back is away from us; a loose ordering is enough at this size.
    for dx, dz in legs:
        splay = 1.18
        pygame.draw.line(surf, pal["bentwood"], P(dx, seat_h - 0.03, dz), P(dx * splay, 0.0, dz * splay), lw)
    ring = P(0, 0.18, 0)
    for dx, dz in legs:
        pygame.draw.line(surf, pal["bentwood"], P(dx * 0.62, 0.18, dz * 0.62), ring, max(2, lw // 2))
    fill(surf, under, pal["bentwood"])
    fill(surf, ring_pts, pal["cane"])
    for (x0, y0), (x1, y1) in zip(back, back[1:]):
        pygame.draw.line(surf, pal["bentwood"], (x0, y0), (x1, y1), lw)
    inner = [P(0.12 * math.cos(a), seat_h + 0.12 + 0.22 * math.sin(a) ** 0.7, -0.16) for a in
             (math.pi * i / 12 for i in range(13))]
    for (x0, y0), (x1, y1) in zip(inner, inner[1:]):
        pygame.draw.line(surf, pal["bentwood_hi"], (x0, y0), (x1, y1), max(2, lw - 1))


def banquette(surf: pygame.Surface, cam: Camera, pal: dict) -> None:
    """A red leather bench along the right wall, buttoned back, its seat catching the light."""
    x0, x1 = HX - 0.55, HX
    z0, z1 = 1.0, 6.6
    fill(surf, cam.ps([(x1 - 0.05, 0.45, z0), (x1 - 0.05, 1.05, z0), (x1 - 0.05, 1.05, z1), (x1 - 0.05, 0.45, z1)]),
         pal["leather"])
    z = z0 + 0.3
    while z < z1:
        fill(surf,
             cam.ps([(x1 - 0.06, 0.5, z), (x1 - 0.06, 1.0, z), (x1 - 0.06, 1.0, z + 0.03), (x1 - 0.06, 0.5, z + 0.03)]),
             pal["leather_dark"])
        z += 0.45
    fill(surf, cam.ps([(x0, 0.45, z0), (x1, 0.45, z0), (x1, 0.45, z1), (x0, 0.45, z1)]), pal["leather_hi"])
    fill(surf, cam.ps([(x0, 0.0, z0), (x0, 0.45, z0), (x0, 0.45, z1), (x0, 0.0, z1)]), pal["leather_dark"])
    fill(surf, cam.ps([(x0, 0.0, z0), (x0, 0.08, z0), (x0, 0.08, z1), (x0, 0.0, z1)]), pal["wood_dark"])


def chalkboard(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """The menu board on an easel by the door: wooden frame, chalk lines of dishes and prices, a coffee cup."""
    x0, x1 = 1.95, 3.25
    zb = 6.55
    fill(surf, cam.ps([(x0 - 0.05, 0.9, zb), (x1 + 0.05, 0.9, zb), (x1 + 0.05, 2.35, zb), (x0 - 0.05, 2.35, zb)]),
         pal["wood"])
    fill(surf, cam.ps([(x0, 0.95, zb), (x1, 0.95, zb), (x1, 2.3, zb), (x0, 2.3, zb)]), pal["board"])
    for lx in (x0 + 0.15, x1 - 0.15):
        pygame.draw.line(surf, pal["wood"], cam.p(lx, 0.95, zb),
                         cam.p(lx + (0.05 if lx > x0 + 0.5 else -0.05), 0, zb + 0.3),
                         max(3, int(cam.k(zb) * 0.035)))
    k = cam.k(zb)
    # A heading of looping chalk and rows of "words" with prices at the right.
    (hx, hy) = cam.p(x0 + 0.25, 2.12, zb)
    pts = [(hx + i * 0.02 * k, hy + math.sin(i * 1.3) * 0.03 * k - (0.03 * k if i % 5 == 0 else 0)) for i in range(40)]
    pygame.draw.lines(surf, pal["chalk"], False, pts, max(2, int(0.012 * k)))
    for row in range(6):
        yy = 1.9 - row * 0.14
        (sx, sy) = cam.p(x0 + 0.12, yy, zb)
        ln = rng.uniform(0.45, 0.75) * k
        pts = [(sx + t * ln, sy + math.sin(t * 30 + row) * 0.012 * k) for t in (i / 30 for i in range(31))]
        pygame.draw.lines(surf, mix(pal["chalk"], pal["board"], 0.2), False, pts, max(1, int(0.008 * k)))
        (px, py) = cam.p(x1 - 0.22, yy, zb)
        pygame.draw.lines(surf, pal["chalk"], False, [(px, py), (px + 0.04 * k, py - 0.02 * k), (px + 0.08 * k, py),
                                                      (px + 0.12 * k, py - 0.02 * k)], max(1, int(0.01 * k)))
    (cx, cy) = cam.p(x1 - 0.3, 1.08, zb)
    pygame.draw.arc(surf, pal["chalk"], pygame.Rect(cx - 0.08 * k, cy - 0.12 * k, 0.16 * k, 0.12 * k), math.pi,
                    2 * math.pi,
                    max(2, int(0.01 * k)))
    for i in range(3):
        sx = cx - 0.04 * k + i * 0.04 * k
        steam = [(sx, cy - 0.14 * k), (sx + 0.02 * k, cy - 0.2 * k), (sx, cy - 0.26 * k)]
        pygame.draw.lines(surf, pal["chalk"], False, steam, max(1, int(0.008 * k)))


def record_player(surf: pygame.Surface, cam: Camera, pal: dict, x: float, z: float, h: float) -> None:
    """A portable record player in a leatherette case, lid up, a record turning; a sleeve propped beside it."""
    k = cam.k(z)
    w, d = 0.5, 0.4
    # The sleeve leans against the case on the near side, square to us: a bold cover and the disc half out.
    sx0, sx1 = x - w / 2 - 0.05, x - w / 2 + 0.3
    fill(surf, cam.ps([(x - w / 2, h, z), (x + w / 2, h, z), (x + w / 2, h + 0.12, z), (x - w / 2, h + 0.12, z)]),
         pal["player"])
    fill(surf, cam.ps([(x - w / 2, h + 0.12, z), (x + w / 2, h + 0.12, z), (x + w / 2, h + 0.12, z + d),
                       (x - w / 2, h + 0.12, z + d)]), mix(pal["player"], pal["player_lid"], 0.3))
    lid = Shape(cam.ps([(x - w / 2, h + 0.12, z + d), (x + w / 2, h + 0.12, z + d), (x + w / 2, h + 0.5, z + d + 0.08),
                        (x - w / 2, h + 0.5, z + d + 0.08)]), pal["player_lid"])
    lid.tone(cam.ps([(x - w / 2 + 0.04, h + 0.16, z + d + 0.01), (x + w / 2 - 0.04, h + 0.16, z + d + 0.01),
                     (x + w / 2 - 0.04, h + 0.46, z + d + 0.07), (x - w / 2 + 0.04, h + 0.46, z + d + 0.07)]),
             mix(pal["player_lid"], pal["player"], 0.35))
    lid.draw(surf)
    c = (x + 0.03, h + 0.125, z + d / 2)
    disc = [cam.p(c[0] + 0.16 * math.cos(a), c[1],
                  c[2] + 0.16 * math.sin(a)) for a in (i * math.pi / 16 for i in range(32))]
    fill(surf, disc, pal["vinyl"])
    lab = [cam.p(c[0] + 0.05 * math.cos(a), c[1],
                 c[2] + 0.05 * math.sin(a)) for a in (i * math.pi / 8 for i in range(16))]
    fill(surf, lab, pal["label"])
    pygame.draw.line(surf, pal["chrome"], cam.p(x + 0.21, h + 0.15, z + d - 0.05), cam.p(x + 0.1, h + 0.15, z + 0.1),
                     max(2, int(0.014 * k)))
    zs = z - 0.04
    (dx, dy) = cam.p(sx0 + 0.2, h + 0.16, zs + 0.01)
    kk = cam.k(zs)
    fill(surf, ellipse_pts(dx, dy, 0.15 * kk, 0.15 * kk, n=28), pal["vinyl"])
    fill(surf, ellipse_pts(dx, dy, 0.045 * kk, 0.045 * kk, n=16), pal["label"])
    sleeve = Shape(cam.ps([(sx0, h, zs), (sx1, h, zs), (sx1, h + 0.33, zs), (sx0, h + 0.33, zs)]), hexc("2a4a6a"))
    sleeve.tone(cam.ps([(sx0, h + 0.2, zs), (sx1, h + 0.2, zs), (sx1, h + 0.33, zs), (sx0, h + 0.33, zs)]),
                hexc("e8d8b0"))
    (ox, oy) = cam.p(sx0 + 0.2, h + 0.12, zs)
    sleeve.tone(ellipse_pts(ox, oy, 0.06 * kk, 0.06 * kk, n=16), hexc("d8a040"))
    sleeve.draw(surf)


def cabinet(surf: pygame.Surface, cam: Camera, pal: dict, x0: float, x1: float, z: float, h: float) -> None:
    """A low open cabinet under the window, full of LP sleeves."""
    fill(surf, cam.ps([(x0, 0, z), (x1, 0, z), (x1, h, z), (x0, h, z)]), pal["wood"])
    fill(surf, cam.ps([(x0 + 0.05, 0.08, z), (x1 - 0.05, 0.08, z), (x1 - 0.05, h - 0.1, z), (x0 + 0.05, h - 0.1, z)]),
         pal["wood_dark"])
    # LP sleeves in the open cabinet.
    colours = [hexc("c8463a"), hexc("e8d8b0"), hexc("2a4a6a"), hexc("d8a040"), hexc("1a1a1a"), hexc("6a8a6a")]
    n = 12
    for i in range(n):
        xa = x0 + 0.08 + (x1 - x0 - 0.16) * i / n
        fill(surf, cam.ps([(xa, 0.1, z + 0.02), (xa + 0.02, 0.1, z + 0.02), (xa + 0.02, 0.42, z + 0.02),
                           (xa, 0.42, z + 0.02)]), colours[i % len(colours)])
    fill(surf, cam.ps([(x0 - 0.03, h, z - 0.03), (x1 + 0.03, h, z - 0.03), (x1 + 0.03, h, z + 0.45),
                       (x0 - 0.03, h, z + 0.45)]),
         pal["wood_lit"])
