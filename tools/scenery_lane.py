"""The lane below the vineyard at night: the retaining wall, the road curving down, headlights far below."""
from __future__ import annotations

import math
import random

from art_common import Shape, catmull, ellipse_pts, glow, hexc, mix, poly, pygame, vgradient
from scenery import crescent, cypress, haze, hill, milky_way, ridge, stars
from scenery_room import H, W, Camera, beam, depths, dim_band, fill, vignette
from tiled_layers import Strata, cut, finish

LANE = {
    "sky": [(0.0, hexc("050918")), (0.5, hexc("0d1a40")), (0.82, hexc("1c3064")), (1.0, hexc("2e4678"))],
    "far": (hexc("1b2a58"), hexc("24386a")), "mid": (hexc("111c40"), hexc("1a2a56")),
    "valley": hexc("16224a"), "mist": hexc("3a5088"),
    "bank": hexc("101a3a"), "bank_near": hexc("080e24"), "verge": hexc("1a2a52"),
    "road_far": hexc("5a6c9c"), "road_near": hexc("2a355e"), "road_edge": hexc("6e80b0"),
    "wall": hexc("243058"), "wall_var": hexc("34427a"), "mortar": hexc("0c1228"), "cap": hexc("52649a"),
    "cap_front": hexc("2c3a68"), "slope": hexc("0e1838"), "leaf": hexc("101c3e"), "leaf_dark": hexc("0a1230"),
    "rim": hexc("2a3e76"), "cypress": hexc("0a1230"), "cypress_dark": hexc("060a1e"), "pole": hexc("0a0e20"),
    "lamp": hexc("fff0c8"), "beam": hexc("ffe2a8"), "village": hexc("ffc060"), "grass": hexc("0c1634"),
    "slope_lit": hexc("1a2858"),
    "bollard": hexc("8a9ac8"), "bollard_dark": hexc("4a5a8a"), "reflector": hexc("a0303c"),
}

ROAD_W = 2.3
WALL_END = 10.5


def road_x(z: float) -> float:
    return 0.0 if z < 7 else 0.075 * (z - 7) ** 2


def road_h(z: float) -> float:
    return 0.0 if z < 13 else -0.07 * (z - 13) ** 2


def lane_sky(surf: pygame.Surface, pal: dict, rng: random.Random, hy: int) -> None:
    vgradient(surf, pygame.Rect(0, 0, W, hy + 300), pal["sky"])
    milky_way(surf, rng, (2600, 700), (900, -250), 300, hexc("8ea2dc"), (24, 24, 34))
    area = pygame.Rect(0, 0, W, hy)
    tints = [hexc("ffffff"), hexc("cfe0ff"), hexc("ffe8c8"), hexc("b8ccff")]
    stars(surf, rng, 1000, area, tints=tints)
    stars(surf, rng, 700, area, band=((2600, 700), (900, -250), 130), tints=tints)
    crescent(surf, (2330, 170), 46, hexc("fbf3d8"), hexc("9fb6ff"), phase=0.36, angle=-2.4)


def far_valley(surf: pygame.Surface, pal: dict, rng: random.Random, hy: int) -> None:
    """The view down the hill: far ridges, a hamlet, the road again far below with a car climbing it."""
    hill(surf, ridge(0, W, hy - 40, [(700, 60, 500), (1700, 120, 420), (2450, 90, 380)], [(8, 500, 0.7)]),
         pal["far"][0], pal["far"][1], hy + 80)
    hill(surf, ridge(0, W, hy + 10, [(2100, 70, 500), (1200, 30, 300)], [(5, 330, 2.1)]),
         pal["mid"][0], pal["mid"][1], hy + 160, (rng, mix(pal["mid"][0], (0, 0, 0), 0.25), 90, 8))
    for _ in range(10):
        x, y = 2240 + rng.uniform(-110, 110), hy - 26 + rng.uniform(-16, 10)
        pygame.draw.rect(surf, mix(pal["mid"][0], (0, 0, 0), 0.35), pygame.Rect(x, y - 20, 34, 22))
        if rng.random() < 0.6:
            pygame.draw.rect(surf, pal["village"], pygame.Rect(x + 12, y - 13, 6, 7))
    poly(surf, [(2300, hy - 46), (2300, hy - 120), (2312, hy - 138), (2324, hy - 120), (2324, hy - 46)],
         mix(pal["mid"][0], (0, 0, 0), 0.35))
    vgradient(surf, pygame.Rect(0, hy + 60, W, 420), [(0.0, pal["mid"][1]), (1.0, pal["valley"])])
    haze(surf, hy - 60, hy + 120, pal["mist"], 90, fade_in=40)
    hill(surf, ridge(1300, W, hy + 70, [(2500, 40, 500)], [(6, 600, 1.0)]), pal["slope_lit"], pal["bank"], H,
         (rng, pal["leaf_dark"], 40, 10))
    # The lane again, far below, in switchbacks; a car climbing it throws its beams across the slope.
    thread = catmull([(2700, hy + 330), (2300, hy + 270), (1900, hy + 200), (1780, hy + 170), (2000, hy + 140),
                      (2400, hy + 116), (2700, hy + 104)], closed=False, steps=16)
    road = mix(pal["valley"], pal["road_far"], 0.45)
    for (x0, y0), (x1, y1) in zip(thread, thread[1:]):
        pygame.draw.line(surf, road, (x0, y0), (x1, y1), 7)
    cx, cy = 2160, hy + 248
    glow(surf, (cx - 200, cy - 60), 620, pal["beam"], 55, falloff=1.8, add=True)
    beam(surf, [(cx, cy - 6), (cx - 560, cy - 150), (cx - 520, cy - 20), (cx, cy + 6)], pal["beam"], 110, blur=8,
         fade_to=(cx, cy), fade_len=600)
    glow(surf, (cx, cy), 150, pal["beam"], 200, falloff=2.0, add=True)
    for dx in (-12, 12):
        pygame.draw.circle(surf, pal["lamp"], (cx + dx - 8, cy + dx // 6), 5)


def lane_road(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """The verge on the right, where the hill drops away, then the road far to near, curving down out of sight."""
    zs = depths(1.4, 24.0, 160)
    verge = [cam.p(road_x(z) + ROAD_W + 1.6, road_h(z) + 0.05, z) for z in zs if z < 14]
    shoulder = [cam.p(road_x(z) + ROAD_W, road_h(z), z) for z in zs if z < 14]
    s = Shape(verge + shoulder[::-1] + [(shoulder[0][0], H + 10), (W + 10, H + 10), (W + 10, verge[0][1])],
              pal["bank"])
    grad = pygame.Surface((W, H), pygame.SRCALPHA)
    vgradient(grad, pygame.Rect(0, 780, W, H - 780), [(0.0, pal["verge"]), (0.3, pal["bank"]), (1.0, pal["bank_near"])])
    s.tone_surface(grad)
    s.draw(surf)
    for z0, z1 in reversed(list(zip(zs, zs[1:]))):
        t = min(1.0, (z0 - 1.4) / 16.0)
        col = mix(pal["road_near"], pal["road_far"], t ** 0.7)
        l0, r0 = cam.p(road_x(z0) - ROAD_W, road_h(z0), z0), cam.p(road_x(z0) + ROAD_W, road_h(z0), z0)
        l1, r1 = cam.p(road_x(z1) - ROAD_W, road_h(z1), z1), cam.p(road_x(z1) + ROAD_W, road_h(z1), z1)
        fill(surf, [l0, r0, r1, l1], col)
        for off in (-1.1, 1.1):
            a0, b0 = cam.p(road_x(z0) + off - 0.3, road_h(z0), z0), cam.p(road_x(z0) + off + 0.3, road_h(z0), z0)
            a1, b1 = cam.p(road_x(z1) + off - 0.3, road_h(z1), z1), cam.p(road_x(z1) + off + 0.3, road_h(z1), z1)
            poly(surf, [a0, b0, b1, a1], pal["road_edge"], int(14 + 22 * t))
    for _ in range(70):
        z = 2.4 * (14 / 2.4) ** rng.random()
        x = road_x(z) + ROAD_W + rng.uniform(0.2, 1.5)
        (gx, gy), k = cam.p(x, road_h(z), z), cam.k(z)
        hgt = rng.uniform(0.1, 0.22) * k
        poly(surf, [(gx - 0.025 * k, gy), (gx + rng.uniform(-0.06, 0.06) * k, gy - hgt), (gx + 0.025 * k, gy)],
             pal["grass"])
    # White stone bollards mark the edge of the drop, catching the moon.
    for z in (3.4, 6.0, 9.2):
        x = road_x(z) + ROAD_W + 0.5
        (bx, by), k = cam.p(x, road_h(z), z), cam.k(z)
        body = [(bx - 0.11 * k, by), (bx - 0.11 * k, by - 0.45 * k)] + ellipse_pts(
            bx, by - 0.45 * k, 0.11 * k, 0.1 * k, n=10, start=math.pi, end=2 * math.pi) + [(bx + 0.11 * k, by)]
        sh = Shape(body, pal["bollard"])
        sh.tone([(bx + 0.04 * k, by - k), (bx + k, by - k), (bx + k, by), (bx + 0.04 * k, by)], pal["bollard_dark"])
        sh.tone([(bx - k, by - 0.5 * k), (bx + k, by - 0.5 * k), (bx + k, by - 0.42 * k), (bx - k, by - 0.42 * k)],
                pal["reflector"])
        sh.draw(surf)


def lane_wall(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """The dry-stone retaining wall on the left of the lane, holding up the vineyard above it."""
    z_start = 1.6
    zs = depths(z_start, WALL_END, 80)
    hw = 1.25
    xw = -ROAD_W - 0.3

    def at(z: float, h: float) -> tuple:
        return cam.p(xw, h, z)

    face = [at(z, hw) for z in zs] + [at(z, 0.0) for z in zs[::-1]]
    s = Shape(face, pal["mortar"])
    h0 = 0.0
    while h0 < hw - 0.05:
        ch = rng.uniform(0.2, 0.3)
        z = z_start * rng.uniform(0.9, 1.0)
        while z < WALL_END:
            zl = z + rng.uniform(0.35, 0.6) * (z / 3) ** 0.3
            col = mix(pal["wall"], pal["wall_var"], rng.random())
            a, b = z + 0.02, min(zl, WALL_END) - 0.02
            top = min(h0 + ch, hw) - 0.03
            r = (top - h0) * 0.16
            pts = [at(a, h0 + 0.03 + r), at(a + r, h0 + 0.03), at(b - r, h0 + 0.03), at(b, h0 + 0.03 + r),
                   at(b, top - r), at(b - r, top), at(a + r, top), at(a, top - r)]
            s.tone(pts, col)
            z = zl
        h0 += ch
    s.tone([at(z, 0.25) for z in zs] + [at(z, 0.0) for z in zs[::-1]], pal["mortar"], 110)
    s.draw(surf)
    fill(surf, [at(z, hw + 0.1) for z in zs] + [cam.p(xw - 0.55, hw + 0.1, z) for z in zs[::-1]], pal["cap"])
    fill(surf, [at(z, hw + 0.1) for z in zs] + [at(z, hw - 0.02) for z in zs[::-1]], pal["cap_front"])
    # A gate pier where the wall ends and a track turns up into the vines.
    k = cam.k(WALL_END)
    x0, y0 = at(WALL_END, 0.0)
    fill(surf, [(x0 - 0.05 * k, y0), (x0 - 0.05 * k, y0 - 1.75 * k), (x0 + 0.45 * k, y0 - 1.75 * k),
                (x0 + 0.45 * k, y0)], pal["wall_var"])
    fill(surf, [(x0 + 0.25 * k, y0), (x0 + 0.25 * k, y0 - 1.75 * k), (x0 + 0.45 * k, y0 - 1.75 * k),
                (x0 + 0.45 * k, y0)], pal["wall"])
    fill(surf, [(x0 - 0.12 * k, y0 - 1.75 * k), (x0 + 0.52 * k, y0 - 1.75 * k), (x0 + 0.52 * k, y0 - 1.9 * k),
                (x0 - 0.12 * k, y0 - 1.9 * k)], pal["cap"])


def lane_hillside(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """The vineyard slope above the lane: rows running straight up the hill, a cypress pair on the skyline."""
    xw = -ROAD_W - 0.3
    foot = [cam.p(xw - 0.5, 1.35, z) for z in depths(1.6, 30.0, 40)]
    ridge_line = catmull([(-20, 420), (500, 470), (950, 580), (1250, 690), (1500, 752), (1700, 770)],
                         closed=False, steps=12)
    s = Shape([(-20, H), (-20, 420)] + ridge_line[1:] + [(1700, 800)] + foot[::-1], pal["slope"])
    # Rows: ribbons from the wall top up to the ridge, narrowing towards the vanishing end.
    n = 26
    for i in range(n):
        t0, t1 = i / n, (i + 0.55) / n
        b0, b1 = foot[min(len(foot) - 1, int(t0 ** 1.8 * (len(foot) - 1)))], \
            foot[min(len(foot) - 1, int(t1 ** 1.8 * (len(foot) - 1)))]
        u0, u1 = ridge_line[min(len(ridge_line) - 1, int(t0 ** 1.25 * (len(ridge_line) - 1)))], \
            ridge_line[min(len(ridge_line) - 1, int(t1 ** 1.25 * (len(ridge_line) - 1)))]
        s.tone([b0, b1, u1, u0], pal["leaf"])
        s.tone([b1, (b1[0] + (b1[0] - b0[0]) * 0.25, b1[1]), (u1[0] + (u1[0] - u0[0]) * 0.25, u1[1]), u1], pal["rim"],
               150)
    s.draw(surf)
    for cx, base, ht in ((470, 486, 210), (530, 498, 170)):
        cypress(surf, cx, base, ht, ht * 0.2, pal["cypress"], pal["cypress_dark"])
    # The nearest row of vines runs along the wall top, a scalloped hedge catching the moon on its crown.
    zs = depths(1.7, WALL_END + 6, 140)
    tops, rims, feet = [], [], []
    for z in zs:
        c = abs(math.sin(z * 2.6)) ** 0.6
        tops.append(cam.p(xw - 0.5, 1.35 + 0.95 + 0.2 * c, z))
        rims.append(cam.p(xw - 0.5, 1.35 + 0.8 + 0.15 * c, z))
        feet.append(cam.p(xw - 0.5, 1.35, z))
    hedge = Shape(tops + feet[::-1], pal["leaf"])
    hedge.tone(tops + rims[::-1], pal["rim"])
    hedge.draw(surf)


def poles(surf: pygame.Surface, cam: Camera, pal: dict) -> None:
    """Telegraph poles stepping down the right side of the lane, sagging wires between them."""
    tops = []
    for z in (13.0, 19.0):
        x = road_x(z) + ROAD_W + 1.4
        (bx, by), (tx, ty) = cam.p(x, road_h(z), z), cam.p(x, road_h(z) + 7.5, z)
        k = cam.k(z)
        fill(surf, [(bx - 0.1 * k, by), (tx - 0.07 * k, ty), (tx + 0.07 * k, ty), (bx + 0.1 * k, by)], pal["pole"])
        fill(surf, [(tx - 0.6 * k, ty + 0.3 * k), (tx + 0.6 * k, ty + 0.3 * k), (tx + 0.6 * k, ty + 0.4 * k),
                    (tx - 0.6 * k, ty + 0.4 * k)], pal["pole"])
        tops.append([(tx - 0.5 * k, ty + 0.3 * k), (tx + 0.5 * k, ty + 0.3 * k)])
    ends = [[(1160, -40), (1200, -30)]] + tops + [[(W + 300, 600), (W + 300, 640)]]
    for a, b in zip(ends, ends[1:]):
        for (x0, y0), (x1, y1) in zip(a, b):
            sag = 40 + abs(x1 - x0) * 0.05
            pts = [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + sag * math.sin(math.pi * t)) for t in
                   (i / 24 for i in range(25))]
            pygame.draw.lines(surf, pal["pole"], False, pts, 3)


def vineyard_lane(strata: Strata | None = None) -> pygame.Surface:
    rng = random.Random(5505)
    pal = LANE
    surf = pygame.Surface((W, H))
    hy = 720
    cam = Camera(1280, hy, 1000, 1.7)
    lane_sky(surf, pal, rng, hy)
    cut(strata, "sky", surf)
    far_valley(surf, pal, rng, hy)
    cut(strata, "valley", surf)
    poles(surf, cam, pal)
    lane_road(surf, cam, pal, rng)
    lane_hillside(surf, cam, pal, rng)
    cut(strata, "road", surf)
    lane_wall(surf, cam, pal, rng)

    def night(s: pygame.Surface) -> None:
        dim_band(s, 1080, H, hexc("03050e"), 0, 130)
        vignette(s, 0.45, center=(1400, 700), reach=1.1)
    return finish(strata, "wall", surf, night)
