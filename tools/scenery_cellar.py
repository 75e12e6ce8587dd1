"""Vitaliy's cellar under the house: a barrel vault lit by one lamp, barrels to the left, bottle bins to the right."""
from __future__ import annotations

import math
import random

from art_common import Shape, glow, hexc, mix, poly, pygame, ramp
from scenery import lantern
from scenery_room import H, W, Camera, Vec, depths, dim_band, fill, hull, oval_glow, vignette
from tiled_layers import Strata, cut, finish, note

HW, SPRING, ZE = 2.7, 1.9, 13.0          # half width, where the vault springs, the far wall (metres)
LAMP: Vec = (-2.25, 2.05, 4.6)

CELLAR = {
    "dark": hexc("0a0708"), "deep": hexc("1e1312"), "stone": hexc("4a3026"), "lit": hexc("9a633c"),
    "hot": hexc("dca060"), "joint": hexc("140c0a"),
    "wood": hexc("5a2e1a"), "wood_dark": hexc("24120c"), "wood_lit": hexc("a8663a"), "head": hexc("6a3c22"),
    "head_lit": hexc("b8784a"), "hoop": hexc("140d0b"), "hoop_lit": hexc("3e2e28"),
    "glass": hexc("14201a"), "glass_lit": hexc("2f4a36"), "glass_hi": hexc("9ac0a0"),
    "iron": hexc("120c0c"), "pane": hexc("c08a48"), "pane_glow": hexc("ffd890"), "candle": hexc("f4e6c8"),
    "flame": hexc("fff6d0"), "flame_glow": hexc("ff9a40"), "glow_peak": 150,
}


def _light(p: Vec, reach: float = 2.3) -> float:
    d = math.dist(p, LAMP)
    return 1.0 / (1.0 + (d / reach) ** 2)


def _stone(p: Vec, pal: dict, boost: float = 1.0) -> tuple:
    """Stone colour at a point: warm near the lamp, falling off into near-black with distance."""
    i = min(1.0, _light(p) * boost)
    fog = max(0.0, (p[2] - 7.0) / (ZE - 7.0)) * 0.6
    c = ramp([(0.0, pal["dark"]), (0.18, pal["deep"]), (0.45, pal["stone"]), (0.8, pal["lit"]),
              (1.0, pal["hot"])], i)
    return mix(c, pal["dark"], fog)


def _vault_pt(a: float, z: float, r: float = HW) -> Vec:
    return (-r * math.cos(a), SPRING + r * math.sin(a), z)


def cellar_shell(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """Floor, walls and barrel vault as finely lit strips, then the joints and the arches over them."""
    zs = depths(1.2, ZE, 110)
    na = 64
    hs = [SPRING * i / 10 for i in range(11)]
    for z0, z1 in zip(zs, zs[1:]):
        zm = (z0 + z1) / 2
        for j in range(na):
            a0, a1 = math.pi * j / na, math.pi * (j + 1) / na
            c = _stone(_vault_pt((a0 + a1) / 2, zm), pal, 1.1)
            fill(surf, cam.ps([_vault_pt(a0, z0), _vault_pt(a1, z0), _vault_pt(a1, z1), _vault_pt(a0, z1)]), c)
        for side in (-1, 1):
            for h0, h1 in zip(hs, hs[1:]):
                c = _stone((side * HW, (h0 + h1) / 2, zm), pal, 1.2)
                fill(surf, cam.ps([(side * HW, h0, z0), (side * HW, h1, z0), (side * HW, h1, z1),
                                   (side * HW, h0, z1)]), c)
        for x0 in range(-16, 16):
            xa, xb = x0 * HW / 16, (x0 + 1) * HW / 16
            c = _stone(((xa + xb) / 2, 0.0, zm), pal, 1.3)
            fill(surf, cam.ps([(xa, 0, z0), (xb, 0, z0), (xb, 0, z1), (xa, 0, z1)]), c)
    # The far end: a blind wall with a darker doorway into the next cellar.
    end = [cam.p(-HW, 0, ZE), cam.p(HW, 0, ZE)] + [cam.p(*_vault_pt(math.pi * i / 32, ZE)) for i in range(33)][::-1]
    fill(surf, end, mix(pal["dark"], pal["deep"], 0.5))
    door = [cam.p(-0.7, 0, ZE), cam.p(0.7, 0, ZE)] + [cam.p(0.7 * math.cos(a), 1.6 + 0.7 * math.sin(a), ZE)
                                                      for a in (i * math.pi / 16 for i in range(17))]
    fill(surf, door, pal["dark"])
    joints(surf, cam, pal, rng)
    for z in (3.3, 6.6, 9.9):
        rib(surf, cam, z, pal)


def joints(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """Mortar lines: courses along the tunnel on walls and vault, staggered cross joints, flagstone seams."""
    def seam(p: Vec, q: Vec, w: float, alpha: int) -> None:
        (x0, y0), (x1, y1) = cam.p(*p), cam.p(*q)
        k0, k1 = cam.k(p[2]) * w, cam.k(q[2]) * w
        dx, dy = x1 - x0, y1 - y0
        ln = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / ln, dx / ln
        poly(surf, [(x0 + nx * k0, y0 + ny * k0), (x1 + nx * k1, y1 + ny * k1), (x1 - nx * k1, y1 - ny * k1),
                    (x0 - nx * k0, y0 - ny * k0)], pal["joint"], alpha)

    z_a, z_b = 1.3, ZE
    for side in (-1, 1):
        for h in (0.42, 0.86, 1.34, SPRING):
            seam((side * HW, h, z_a), (side * HW, h, z_b), 0.012, 120)
        h0 = 0.0
        for h in (0.42, 0.86, 1.34, SPRING):
            z = z_a + rng.uniform(0, 0.5)
            while z < z_b:
                seam((side * HW, h0, z), (side * HW, h, z), 0.012, 110)
                z += rng.uniform(0.55, 0.9)
            h0 = h
    na = 14
    for j in range(1, na):
        a = math.pi * j / na
        seam(_vault_pt(a, z_a), _vault_pt(a, z_b), 0.012, 100)
    for j in range(na):
        z = z_a + rng.uniform(0, 0.4)
        while z < z_b:
            seam(_vault_pt(math.pi * j / na, z), _vault_pt(math.pi * (j + 1) / na, z), 0.012, 90)
            z += rng.uniform(0.5, 0.8)
    for x in (-1.8, -0.6, 0.6, 1.8):
        seam((x, 0, z_a), (x, 0, z_b), 0.015, 120)
    for i in range(-3, 3):
        z = 1.4 + (0.3 if i % 2 else 0.0)
        while z < z_b:
            seam((i * 1.2 + 0.6 - 0.6, 0, z), (i * 1.2 + 0.6 + 0.6, 0, z), 0.015, 110)
            z += 0.8


def rib(surf: pygame.Surface, cam: Camera, z: float, pal: dict) -> None:
    """A transverse stone arch standing a little proud of the vault, with its voussoirs and pilasters."""
    depth, t = 0.35, 0.16
    inner = HW - t
    n = 40
    face = [_vault_pt(math.pi * i / n, z) for i in range(n + 1)]
    face_in = [_vault_pt(math.pi * i / n, z, inner) for i in range(n + 1)]
    soffit_far = [_vault_pt(math.pi * i / n, z + depth, inner) for i in range(n + 1)]
    # Soffit (the underside, seen from below), then the front face over it.
    for i in range(n):
        c = _stone(face_in[i], pal, 0.8)
        fill(surf, cam.ps([face_in[i], face_in[i + 1], soffit_far[i + 1], soffit_far[i]]), mix(c, pal["dark"], 0.25))
    for side in (-1, 1):
        x_in = side * inner
        fill(surf, cam.ps([(x_in, 0, z), (x_in, SPRING, z), (x_in, SPRING, z + depth), (x_in, 0, z + depth)]),
             mix(_stone((x_in, 1.0, z), pal, 0.8), pal["dark"], 0.3))
        fill(surf, cam.ps([(side * HW, 0, z), (side * HW, SPRING, z), (x_in, SPRING, z), (x_in, 0, z)]),
             _stone((side * HW, 1.0, z), pal, 1.4))
    for i in range(0, n, 2):
        c = _stone(face[i], pal, 1.4)
        c = mix(c, pal["lit"], 0.08 * (i % 4 == 0))
        fill(surf, cam.ps([face[i], face[i + 2], face_in[i + 2], face_in[i]]), c)
        a, b = cam.p(*face[i]), cam.p(*face_in[i])
        pygame.draw.line(surf, pal["joint"], a, b, max(1, int(cam.k(z) * 0.012)))


def barrel(surf: pygame.Surface, cam: Camera, z: float, hc: float, pal: dict, rng: random.Random,
           tap: bool = False) -> None:
    """An oak barrel lying against the left wall with its head to the aisle: bulged staves, iron hoops."""
    xa, xb, r0 = -2.6, -1.52, 0.37
    def r_at(x: float) -> float:
        t = (x - xa) / (xb - xa)
        return r0 * (1 + 0.13 * math.sin(math.pi * t))

    def ring(x: float, r: float, a0: float = 0.0, a1: float = 2 * math.pi, n: int = 40) -> list[Vec]:
        return [(x, hc + r * math.sin(a0 + (a1 - a0) * i / n), z + r * math.cos(a0 + (a1 - a0) * i / n))
                for i in range(n + 1)]

    slices = [xa + (xb - xa) * i / 12 for i in range(13)]
    every = [q for x in slices for q in ring(x, r_at(x))]
    light = _light((-1.9, hc + r0, z))
    body = mix(mix(pal["wood_dark"], pal["wood"], 0.4), pal["wood_lit"], min(1, light * 1.3))
    s = Shape(hull(cam.ps(every)), body)
    # Shade below, light along the top of the staves.
    s.tone(hull(cam.ps([q for x in slices for q in ring(x, r_at(x) * 1.02, math.pi * 1.05, math.pi * 1.95, 16)]
                       + [(x, hc - r_at(x) * 0.1, z) for x in slices])), mix(body, pal["dark"], 0.55))
    s.tone(hull(cam.ps([q for x in slices for q in ring(x, r_at(x) * 1.02, math.pi * 0.25, math.pi * 0.75, 12)])),
           mix(body, pal["hot"], 0.25 * min(1, light * 2)))
    for xh in (xa + 0.1, xa + 0.3, xb - 0.3, xb - 0.08):
        band = ring(xh - 0.025, r_at(xh) * 1.01, math.pi * 0.5, math.pi * 1.5, 24)
        band += ring(xh + 0.025, r_at(xh) * 1.01, math.pi * 0.5, math.pi * 1.5, 24)[::-1]
        s.tone(cam.ps(band), mix(pal["hoop"], pal["hoop_lit"], min(1, light * 1.5)))
    s.draw(surf)
    head_r = r_at(xb) * 0.94
    head_c = mix(pal["head"], pal["head_lit"], min(1, light * 1.4))
    chime = cam.ps(ring(xb + 0.005, r_at(xb)))
    poly(surf, chime, mix(head_c, pal["dark"], 0.35))
    hd = Shape(cam.ps(ring(xb, head_r)), head_c)
    for hh in (-0.55, -0.2, 0.15, 0.5):
        y = hc + head_r * hh
        half = math.sqrt(max(0.0, 1 - hh * hh)) * head_r
        a, b = cam.p(xb, y, z - half), cam.p(xb, y, z + half)
        hd.tone([a, b, (b[0], b[1] + cam.k(z) * 0.012), (a[0], a[1] + cam.k(z) * 0.012)], mix(head_c, pal["dark"], 0.5))
    lit_side = ring(xb, head_r * 0.92, math.pi * 0.6, math.pi * 1.4, 12) + ring(xb, head_r * 1.1, math.pi * 1.4,
                                                                                math.pi * 0.6, 12)
    hd.tone(cam.ps(lit_side), mix(head_c, pal["hot"], 0.2))
    hd.draw(surf)
    # A chalked lot number and, on some, a wooden tap.
    k = cam.k(z)
    cx, cy = cam.p(xb, hc + head_r * 0.35, z + head_r * 0.1)
    chalk = mix(head_c, (235, 225, 205), 0.55)
    for i in range(rng.randint(2, 4)):
        x0 = cx - k * 0.08 + i * k * 0.05
        pygame.draw.line(surf, chalk, (x0, cy), (x0 + k * 0.012, cy + k * 0.07), max(2, int(k * 0.012)))
    if tap:
        tx, ty = cam.p(xb + 0.02, hc - head_r * 0.55, z)
        poly(surf, [(tx - k * 0.02, ty - k * 0.03), (tx + k * 0.09, ty - k * 0.03), (tx + k * 0.09, ty + k * 0.03),
                    (tx - k * 0.02, ty + k * 0.03)], pal["wood_dark"])
        poly(surf, [(tx + k * 0.05, ty - k * 0.07), (tx + k * 0.08, ty - k * 0.07), (tx + k * 0.08, ty - k * 0.03),
                    (tx + k * 0.05, ty - k * 0.03)], pal["wood_dark"])


def barrels(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    # Chocks under the bottom tier, then barrels drawn far to near so the nearer ones overlap.
    for x in (-2.45, -1.75):
        fill(surf, cam.ps([(x, 0, 2.2), (x, 0.16, 2.2), (x, 0.16, ZE - 1.4), (x, 0, ZE - 1.4)]), pal["wood_dark"])
    items = []
    for i in range(11):
        items.append((2.55 + i * 0.86, 0.52, i in (1, 4)))
    for i in range(6):
        items.append((2.98 + i * 0.86, 0.52 + 0.76, False))
    for z, hc, tap in sorted(items, key=lambda t: -t[0]):
        barrel(surf, cam, z, hc, pal, rng, tap)


def bottle_racks(surf: pygame.Surface, cam: Camera, pal: dict, rng: random.Random) -> None:
    """Wooden bins on the right wall, each packed with bottles lying punt-out; far bins drawn first."""
    xf = HW - 0.34
    posts = [2.0 + i * 1.05 for i in range(11)]
    shelves = [0.08, 0.52, 0.96, 1.40, 1.84]
    back = mix(pal["dark"], pal["deep"], 0.4)
    fill(surf, cam.ps([(xf, 0, posts[0]), (xf, shelves[-1], posts[0]), (xf, shelves[-1], posts[-1]),
                       (xf, 0, posts[-1])]), back)
    for z0, z1 in reversed(list(zip(posts, posts[1:]))):
        for h0, h1 in zip(shelves, shelves[1:]):
            rows, cols = 5, 12
            r = 0.037
            for row in range(rows):
                for col in range(cols):
                    zc = z0 + 0.08 + (col + 0.5 * (row % 2)) * (z1 - z0 - 0.16) / cols
                    hcen = h0 + 0.05 + row * 0.074 + r
                    if zc > z1 - 0.06:
                        continue
                    k = cam.k(zc)
                    cx, cy = cam.p(xf - 0.01, hcen, zc)
                    rx, ry = max(1.5, k * r * xf / zc), max(1.5, k * r)
                    light = min(1.0, _light((xf, hcen, zc), 3.0) * 1.6)
                    glass = mix(pal["glass"], pal["glass_lit"], light)
                    pygame.draw.ellipse(surf, glass, pygame.Rect(cx - rx, cy - ry, rx * 2, ry * 2))
                    pygame.draw.ellipse(surf, mix(glass, pal["dark"], 0.5),
                                        pygame.Rect(cx - rx * 0.45, cy - ry * 0.45, rx * 0.9, ry * 0.9))
                    if light > 0.12 and ry > 3:
                        hr = max(1.0, ry * 0.28)
                        pygame.draw.circle(surf, mix(glass, pal["glass_hi"], light),
                                           (int(cx - rx * 0.35), int(cy - ry * 0.45)), int(hr))
    # The wooden frame over the bottles: shelf edges and posts, lit by distance from the lamp.
    for h in shelves:
        for z0, z1 in zip(posts, posts[1:]):
            c = mix(pal["wood_dark"], pal["wood_lit"], min(1, _light((xf, h, z0)) * 1.3))
            fill(surf, cam.ps([(xf, h, z0), (xf, h, z1), (xf, h - 0.05, z1), (xf, h - 0.05, z0)]), c)
    for z in reversed(posts):
        c = mix(pal["wood_dark"], pal["wood"], min(1, _light((xf, 1.0, z)) * 1.6))
        fill(surf, cam.ps([(xf, 0, z - 0.04), (xf, shelves[-1] + 0.05, z - 0.04), (xf, shelves[-1] + 0.05, z + 0.04),
                           (xf, 0, z + 0.04)]), c)
        top = shelves[-1] + 0.05
        fill(surf, cam.ps([(xf, 0, z - 0.04), (xf, top, z - 0.04), (xf + 0.1, top, z - 0.04), (xf + 0.1, 0, z - 0.04)]),
             mix(c, pal["dark"], 0.45))


def vineyard_cellar(strata: Strata | None = None) -> pygame.Surface:
    rng = random.Random(4404)
    pal = CELLAR
    surf = pygame.Surface((W, H))
    surf.fill(pal["dark"])
    cam = Camera(1280, 780, 1000, 1.5)
    cellar_shell(surf, cam, pal, rng)
    cut(strata, "vault", surf)
    bottle_racks(surf, cam, pal, rng)
    cut(strata, "racks", surf)
    barrels(surf, cam, pal, rng)
    cut(strata, "barrels", surf)
    # The lamp hangs from an iron bracket on the left wall; its light is already in the stone.
    lx, ly = cam.p(*LAMP)
    k = cam.k(LAMP[2]) / 400
    wall_x, wall_y = cam.p(-HW, LAMP[1] + 0.55, LAMP[2])
    pygame.draw.line(surf, pal["iron"], (wall_x, wall_y), (lx, wall_y), int(10 * k))
    pygame.draw.line(surf, pal["iron"], (wall_x, wall_y + 60 * k), (lx - 40 * k, wall_y), int(7 * k))
    pygame.draw.line(surf, pal["iron"], (lx, wall_y), (lx, ly - 150 * k), int(5 * k))
    oval_glow(surf, cam.p(-1.2, 0.0, 5.0), 700, 160, pal["flame_glow"], 40)
    lantern(surf, lx, ly, k * 1.1, pal)
    note(strata, "flame", lx, ly - 55 * k * 1.1, 26 * k * 1.1)
    glow(surf, (lx, ly - 60 * k), int(900 * k), pal["flame_glow"], 60, falloff=2.6, add=True)

    def gloom(s: pygame.Surface) -> None:
        dim_band(s, 1100, H, pal["dark"], 0, 150)
        vignette(s, 0.75, center=(lx + 300, ly + 100), reach=1.05, power=1.8)
    return finish(strata, "lamp", surf, gloom)



