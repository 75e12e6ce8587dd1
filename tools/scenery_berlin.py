"""East Berlin as remembered, November 1989: a street of panel blocks, one streetlamp, a phone box, the Wall."""
from __future__ import annotations

import math
import random

from art_common import Shape, ellipse_pts, glow, hexc, mix, poly, pygame, vgradient
from scenery import stars
from scenery_room import H, W, Camera, beam, dim_band, fill, oval_glow, rect, vignette
from tiled_layers import Strata, cut, finish, note

BERLIN = {
    "sky": [(0.0, hexc("0b0d12")), (0.5, hexc("161a22")), (0.85, hexc("262b34")), (1.0, hexc("3a3e44"))],
    "flood": hexc("c8ccc0"), "block": hexc("3c4046"), "block_dark": hexc("2a2d32"), "block_far": hexc("30343a"),
    "seam": hexc("1c1e22"), "window": hexc("16181c"), "window_lit": hexc("a89c82"), "sill": hexc("4a4e54"),
    "roof": hexc("1e2126"), "wall": hexc("6a6e70"), "wall_dark": hexc("45494c"), "wall_top": hexc("9a9c98"),
    "road": hexc("24272c"), "road_far": hexc("3a3e44"), "cobble": hexc("1a1c20"), "kerb": hexc("50545a"),
    "pavement": hexc("34373c"), "pole": hexc("1a1c20"), "lamp": hexc("e8ecdc"), "lamp_glow": hexc("b8c4b8"),
    "booth": hexc("b8ae8a"), "booth_dark": hexc("6e6850"), "booth_glass": hexc("4c5450"), "booth_light": hexc("e0dcc0"),
    "tower": hexc("1e2126"), "west": hexc("1a1d22"), "west_lit": hexc("8a8470"), "mist": hexc("4a4e54"),
    "car": hexc("4e5450"), "car_dark": hexc("2c302e"), "car_glass": hexc("1a1e22"),
}

VX, HY = 1100, 760
BX = 7.0           # the blocks' faces stand this far either side of the middle of the street
WALL_Z = 27.0


def berlin_sky(surf: pygame.Surface, pal: dict, rng: random.Random) -> None:
    vgradient(surf, pygame.Rect(0, 0, W, HY + 100), pal["sky"])
    stars(surf, rng, 260, pygame.Rect(0, 0, W, HY - 120), tints=[hexc("d8dcd8"), hexc("c0c8cc")])
    # The glow of the floodlit strip behind the Wall, bleeding up into a damp sky.
    oval_glow(surf, (VX, HY + 20), 1300, 360, pal["flood"], 70, falloff=1.6)


def beyond_wall(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """The West beyond: a ragged skyline, a watchtower and the strip's lamp posts, all cut flat by mist."""
    x = -1200
    while x < W + 1200:
        w = rng.uniform(120, 320)
        h = rng.uniform(60, 200)
        bx0, bx1 = x, x + w
        fill(surf, rect(bx0, HY - h, bx1, HY + 60), pal["west"])
        for _ in range(int(w * h / 9000)):
            if rng.random() < 0.3:
                wx, wy = rng.uniform(bx0 + 8, bx1 - 16), rng.uniform(HY - h + 10, HY + 30)
                fill(surf, rect(wx, wy, wx + 8, wy + 10), mix(pal["west"], pal["west_lit"], rng.uniform(0.3, 0.8)))
        x += w + rng.uniform(-20, 40)
    tx, ty = cam.p(-9.0, 0, WALL_Z + 40)
    k = cam.k(WALL_Z + 40)
    fill(surf, [(tx - 0.8 * k, ty), (tx - 0.5 * k, ty - 9 * k), (tx + 0.5 * k, ty - 9 * k), (tx + 0.8 * k, ty)],
         pal["tower"])
    fill(surf, rect(tx - 1.6 * k, ty - 11.5 * k, tx + 1.6 * k, ty - 9 * k), pal["tower"])
    fill(surf, rect(tx - 1.4 * k, ty - 10.9 * k, tx + 1.4 * k, ty - 9.8 * k), mix(pal["tower"], pal["flood"], 0.45))
    fill(surf, rect(tx - 1.8 * k, ty - 12 * k, tx + 1.8 * k, ty - 11.5 * k), pal["tower"])
    for x in (-30.0, -14.0, 2.0, 18.0, 34.0):
        z = WALL_Z + 22
        (bx, by), (hx, hy) = cam.p(x, 0, z), cam.p(x, 9.0, z)
        kk = cam.k(z)
        fill(surf, rect(bx - 0.12 * kk, hy, bx + 0.12 * kk, by), pal["tower"])
        fill(surf, rect(hx - 0.5 * kk, hy - 0.25 * kk, hx + 0.5 * kk, hy + 0.1 * kk), pal["tower"])
        glow(surf, (hx, hy + 0.2 * kk), int(3.5 * kk), pal["flood"], 120, falloff=2.0, add=True)
    dim_band(surf, HY - 200, HY + 60, pal["mist"], 0, 150)


def the_wall(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """The Wall across the end of the street: plain slabs with the round pipe along the top, lit from behind."""
    z, ht = WALL_Z, 3.6
    x0, x1 = -60.0, 60.0
    face = cam.ps([(x0, 0, z), (x1, 0, z), (x1, ht, z), (x0, ht, z)])
    s = Shape(face, pal["wall"])
    x = x0
    while x < x1:
        s.tone(cam.ps([(x, 0, z), (x + 0.06, 0, z), (x + 0.06, ht, z), (x, ht, z)]), pal["wall_dark"])
        x += 1.2
    s.tone(cam.ps([(x0, 0, z), (x1, 0, z), (x1, 0.9, z), (x0, 0.9, z)]), pal["wall_dark"], 140)
    # Faded paint the East side never had time to wash off: a pale rectangle or two.
    for xx in (-4.0, 3.5):
        s.tone(cam.ps([(xx, 1.2, z), (xx + 1.8, 1.2, z), (xx + 1.8, 2.6, z), (xx, 2.6, z)]),
               mix(pal["wall"], pal["wall_top"], 0.3), 90)
    s.draw(surf)
    (ax, ay), (bx, by) = cam.p(x0, ht + 0.25, z), cam.p(x1, ht + 0.25, z)
    r = cam.k(z) * 0.3
    fill(surf, [(ax, ay - r), (bx, by - r), (bx, by + r), (ax, ay + r)], pal["wall_dark"])
    fill(surf, [(ax, ay - r), (bx, by - r), (bx, by - r * 0.3), (ax, ay - r * 0.3)], pal["wall_top"])


def facade(surf: pygame.Surface, cam: Camera, side: int, z0: float, z1: float, floors: int, pal: dict,
           rng: random.Random, lamp: tuple[float, float, float]) -> None:
    """One side of the street: a Plattenbau face of ranked windows and panel seams, in perspective."""
    xf = side * BX
    fh = 2.8
    top = fh * floors + 0.6
    face = cam.ps([(xf, 0, z0), (xf, top, z0), (xf, top, z1), (xf, 0, z1)])
    s = Shape(face, pal["block"])
    # Light from the one streetlamp falls off along the face.
    for i in range(40):
        za, zb = z0 + (z1 - z0) * i / 40, z0 + (z1 - z0) * (i + 1) / 40
        d = math.dist((xf, 4.0, (za + zb) / 2), lamp)
        lit = 1 / (1 + (d / 7.0) ** 2)
        far = min(1.0, (za - z0) / (z1 - z0))
        c = mix(mix(pal["block_dark"], pal["block_far"], far), pal["sill"], lit * 0.9)
        s.tone(cam.ps([(xf, 0, za), (xf, top, za), (xf, top, zb + 0.01), (xf, 0, zb + 0.01)]), c)
    for f in range(floors + 1):
        h = 0.6 + f * fh
        s.tone(cam.ps([(xf, h - 0.03, z0), (xf, h + 0.03, z0), (xf, h + 0.03, z1), (xf, h - 0.03, z1)]), pal["seam"])
    z = z0
    while z < z1:
        s.tone(cam.ps([(xf, 0, z), (xf, top, z), (xf, top, z + 0.03), (xf, 0, z + 0.03)]), pal["seam"])
        for f in range(floors):
            h = 0.6 + f * fh + 0.8
            for wz in (z + 0.35, z + 1.85):
                if wz + 1.0 > z1:
                    continue
                lit = f > 0 and rng.random() < 0.12
                col = pal["window_lit"] if lit else pal["window"]
                if lit:
                    col = mix(col, pal["window"], rng.uniform(0.0, 0.45))
                s.tone(cam.ps([(xf, h, wz), (xf, h + 1.3, wz), (xf, h + 1.3, wz + 1.0), (xf, h, wz + 1.0)]), col)
                s.tone(cam.ps([(xf, h - 0.1, wz - 0.05), (xf, h, wz - 0.05), (xf, h, wz + 1.05),
                               (xf, h - 0.1, wz + 1.05)]), pal["sill"])
        z += 3.0
    s.draw(surf)
    # Flat roof edge, seen from below as a dark band.
    fill(surf, cam.ps([(xf, top, z0), (xf, top + 0.3, z0), (xf, top + 0.3, z1), (xf, top, z1)]), pal["roof"])


def street(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """Wet cobbles between two kerbs and pavements, darkest near us."""
    zs = [1.2 * (WALL_Z / 1.2) ** (i / 120) for i in range(121)]
    for za, zb in zip(zs, zs[1:]):
        t = min(1.0, (za - 1.2) / 30)
        fill(surf, cam.ps([(-BX, 0, za), (BX, 0, za), (BX, 0, zb), (-BX, 0, zb)]), mix(pal["road"], pal["road_far"], t))
    # Rows of setts: thin dark courses across the road, closer together with distance.
    z = 1.3
    while z < WALL_Z:
        poly(surf, cam.ps([(-4.5, 0, z), (4.5, 0, z), (4.5, 0, z + 0.03), (-4.5, 0, z + 0.03)]), pal["cobble"], 110)
        z += 0.18 * (1 + z / 18)
    for x in [-4.5 + 0.45 * i for i in range(21)]:
        poly(surf, cam.ps([(x - 0.012, 0, 1.3), (x + 0.012, 0, 1.3), (x + 0.012, 0, WALL_Z), (x - 0.012, 0, WALL_Z)]),
             pal["cobble"], 60)
    for side in (-1, 1):
        xk = side * 4.5
        fill(surf, cam.ps([(xk, 0, 1.2), (xk, 0.15, 1.2), (xk, 0.15, WALL_Z), (xk, 0, WALL_Z)]), pal["kerb"])
        fill(surf, cam.ps([(xk, 0.15, 1.2), (side * BX, 0.15, 1.2), (side * BX, 0.15, WALL_Z), (xk, 0.15, WALL_Z)]),
             pal["pavement"])


def streetlamp(surf: pygame.Surface, cam: Camera, pal: dict, x: float, z: float) -> tuple[float, float, float]:
    """A tall concrete whip-mast bending over the street; returns where its light is."""
    k = cam.k(z)
    (bx, by) = cam.p(x, 0.15, z)
    top = cam.p(x, 7.4, z)
    head = (x + 2.0, 7.2, z)
    hx, hy = cam.p(*head)
    fill(surf, [(bx - 0.13 * k, by), (top[0] - 0.08 * k, top[1]), (top[0] + 0.08 * k, top[1]), (bx + 0.13 * k, by)],
         pal["pole"])
    arm = []
    for i in range(21):
        t = i / 20
        ax, ah = x + 2.0 * t, 7.4 + 0.5 * math.sin(math.pi * t * 0.9) - 0.2 * t
        arm.append(cam.p(ax, ah, z))
    for (x0, y0), (x1, y1) in zip(arm, arm[1:]):
        pygame.draw.line(surf, pal["pole"], (x0, y0), (x1, y1), max(3, int(0.1 * k)))
    fill(surf, [(hx - 0.45 * k, hy - 0.05 * k), (hx + 0.45 * k, hy - 0.05 * k), (hx + 0.3 * k, hy + 0.14 * k),
                (hx - 0.3 * k, hy + 0.14 * k)], pal["pole"])
    fill(surf, [(hx - 0.28 * k, hy + 0.14 * k), (hx + 0.28 * k, hy + 0.14 * k), (hx + 0.2 * k, hy + 0.2 * k),
                (hx - 0.2 * k, hy + 0.2 * k)], pal["lamp"])
    # The cone of cold light, the pool on the cobbles and its smear of reflection toward us.
    gx, gy = cam.p(head[0], 0, z)
    beam(surf, [(hx - 0.25 * k, hy + 0.2 * k), (hx + 0.25 * k, hy + 0.2 * k), (gx + 2.8 * k, gy), (gx - 2.8 * k, gy)],
         pal["lamp_glow"], 90, blur=10, fade_to=(hx, hy), fade_len=(gy - hy) * 1.4)
    oval_glow(surf, (gx, gy), 4.0 * k, 0.9 * k, pal["lamp_glow"], 120)
    beam(surf, [(gx - 0.3 * k, gy), (gx + 0.3 * k, gy), (gx + 0.9 * k, H + 40), (gx - 0.9 * k, H + 40)],
         pal["lamp_glow"], 60, blur=8)
    glow(surf, (hx, hy + 0.15 * k), int(3.0 * k), pal["lamp"], 170, falloff=2.2, add=True)
    return head


def phone_box(surf: pygame.Surface, cam: Camera, pal: dict, x: float, z: float) -> None:
    """A public telephone box on the pavement: a slim painted frame round small panes, a weak light inside."""
    w, d, ht, h0 = 1.0, 1.0, 2.3, 0.15
    x0, x1, za, zb = x, x + w, z, z + d
    k = cam.k(za)
    inside = mix(pal["booth_glass"], pal["booth_light"], 0.5)
    # Side (facing the street) then front, each a frame with panes of lit glass.
    for plane, col in (("side", pal["booth_dark"]), ("front", pal["booth"])):
        if plane == "side":
            P = lambda u, v: (x0, h0 + v, za + u * d)  # noqa: E731
        else:
            P = lambda u, v: (x0 + u * w, h0 + v, za)  # noqa: E731
        s = Shape(cam.ps([P(0, 0), P(1, 0), P(1, ht), P(0, ht)]), col)
        for u0, u1 in ((0.08, 0.46), (0.54, 0.92)):
            for v0, v1 in ((0.55, 1.05), (1.12, 1.55), (1.62, 1.95)):
                glass = inside if plane == "front" else mix(inside, pal["booth_dark"], 0.35)
                s.tone(cam.ps([P(u0, v0), P(u1, v0), P(u1, v1), P(u0, v1)]), glass)
        s.tone(cam.ps([P(0, 2.02), P(1, 2.02), P(1, 2.24), P(0, 2.24)]), mix(col, pal["booth_light"], 0.55))
        s.draw(surf)
    # The handset on its box, a dark shape behind the front glass.
    hx, hy = cam.p(x0 + 0.5, h0 + 1.4, za + 0.6)
    kk = cam.k(za + 0.6)
    poly(surf, rect(hx - 0.14 * kk, hy - 0.22 * kk, hx + 0.14 * kk, hy + 0.12 * kk), pal["booth_dark"], 200)
    roof_h = h0 + ht + 0.1
    fill(surf, cam.ps([(x0 - 0.04, h0 + ht, za - 0.04), (x1 + 0.04, h0 + ht, za - 0.04),
                       (x1 + 0.04, roof_h, za - 0.04), (x0 - 0.04, roof_h, za - 0.04)]), pal["booth_dark"])
    fill(surf, cam.ps([(x0 - 0.04, h0 + ht, za - 0.04), (x0 - 0.04, h0 + ht, zb), (x0 - 0.04, h0 + ht + 0.1, zb),
                       (x0 - 0.04, h0 + ht + 0.1, za - 0.04)]), mix(pal["booth_dark"], (0, 0, 0), 0.3))
    glow(surf, cam.p(x0 + 0.5, h0 + 1.5, za), int(1.6 * k), pal["booth_light"], 60, falloff=2.0, add=True)
    oval_glow(surf, cam.p(x0 + 0.3, 0.15, za - 0.4), 1.2 * k, 0.25 * k, pal["booth_light"], 50)


def trabant(surf: pygame.Surface, cam: Camera, pal: dict, x: float, z: float) -> None:
    """A small two-stroke saloon parked at the kerb, seen from behind: boxy body, glasshouse, round lamps."""
    k = cam.k(z)
    bx, by = cam.p(x, 0, z)
    wdt = 1.5 * k
    body = [(bx - wdt / 2, by - 0.25 * k), (bx - wdt / 2, by - 0.85 * k), (bx + wdt / 2, by - 0.85 * k),
            (bx + wdt / 2, by - 0.25 * k)]
    s = Shape(body, pal["car"])
    s.tone(rect(bx - wdt, by - 0.5 * k, bx + wdt, by), pal["car_dark"])
    s.draw(surf)
    cab = [(bx - wdt * 0.42, by - 0.85 * k), (bx - wdt * 0.34, by - 1.35 * k), (bx + wdt * 0.34, by - 1.35 * k),
           (bx + wdt * 0.42, by - 0.85 * k)]
    c = Shape(cab, pal["car"])
    c.tone([(bx - wdt * 0.36, by - 0.9 * k), (bx - wdt * 0.3, by - 1.28 * k), (bx + wdt * 0.3, by - 1.28 * k),
            (bx + wdt * 0.36, by - 0.9 * k)], pal["car_glass"])
    c.draw(surf)
    for dx in (-0.38, 0.38):
        fill(surf, ellipse_pts(bx + dx * wdt, by - 0.62 * k, 0.07 * k, 0.07 * k, n=12), hexc("6a3a36"))
    for dx in (-0.36, 0.36):
        fill(surf, rect(bx + dx * wdt - 0.09 * k, by - 0.3 * k, bx + dx * wdt + 0.09 * k, by), hexc("0c0d10"))


def berlin_1989(strata: Strata | None = None) -> pygame.Surface:
    rng = random.Random(8808)
    pal = BERLIN
    surf = pygame.Surface((W, H))
    cam = Camera(VX, HY, 1000, 1.6)
    berlin_sky(surf, pal, rng)
    cut(strata, "sky", surf)
    beyond_wall(surf, cam, pal, rng)
    cut(strata, "beyond", surf)
    street(surf, cam, pal, rng)
    the_wall(surf, cam, pal, rng)
    cut(strata, "street", surf)
    lamp_at = (-4.6 + 2.0, 7.2, 13.0)
    facade(surf, cam, -1, 1.5, 22.5, 6, pal, rng, lamp_at)
    facade(surf, cam, 1, 1.5, 24.0, 5, pal, rng, lamp_at)
    trabant(surf, cam, pal, -3.6, 17.0)
    head = streetlamp(surf, cam, pal, -4.6, 13.0)
    k = cam.k(head[2])
    hx, hy = cam.p(*head)
    note(strata, "halo", hx, hy + 0.15 * k, 3.0 * k)
    phone_box(surf, cam, pal, 4.9, 7.5)

    def memory(s: pygame.Surface) -> None:
        dim_band(s, HY - 40, HY + 140, pal["mist"], 0, 0)
        dim_band(s, 1100, H, hexc("08090b"), 0, 150)
        vignette(s, 0.6, center=(VX, 640), reach=1.0)
        # Memory drains the colour: pull everything most of the way to grey.
        grey = pygame.transform.grayscale(s)
        grey.set_alpha(170)
        s.blit(grey, (0, 0))
        cold = pygame.Surface((W, H))
        cold.fill((226, 234, 246))
        s.blit(cold, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    return finish(strata, "houses", surf, memory)
