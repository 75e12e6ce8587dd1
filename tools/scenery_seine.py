"""The Seine: the upper quay and the bouquinistes in the late afternoon, and a bench by the water at night."""
from __future__ import annotations

import math
import random

from art_common import Shape, ellipse_pts, glow, hexc, mix, poly, pygame, stroke_pts, vgradient
from scenery import cloud_streak, milky_way, stars, sun
from scenery_paris import canopy, haussmann_row, notre_dame, paris_lamp, plane_trunk, river
from scenery_room import H, W, dim_band, fill, oval_glow, rect, reflections, vignette
from tiled_layers import Strata, cut, finish, note

# ---------------------------------------------------------------- the quays, late afternoon

QUAYS = {
    "sky": [(0.0, hexc("5f8cbc")), (0.4, hexc("a9bccc")), (0.75, hexc("efd6a8")), (1.0, hexc("f8e2b0"))],
    "far_haze": hexc("c8b4b8"), "nd": hexc("a89cb0"), "nd_light": hexc("e8d0b0"),
    "stone": hexc("e8cc9c"), "stone_var": hexc("f0dcb4"), "stone_shade": hexc("c09e7c"), "window": hexc("6a7088"),
    "window_lit": hexc("ffd890"), "iron": hexc("3a3a48"), "roof": hexc("8a94a8"),
    "far_trees": hexc("7a8a5a"), "far_trees_lit": hexc("b0b060"), "quay": hexc("c8aa84"), "quay_dark": hexc("8a7466"),
    "water": [(0.0, hexc("d8c8a8")), (0.25, hexc("98a0a0")), (1.0, hexc("4e6a72"))], "ripple": hexc("e8e0c8"),
    "glint": hexc("fff0c0"),
    "bridge": hexc("d8be94"), "bridge_shade": hexc("a88c74"), "bridge_dark": hexc("6a5a5a"),
    "parapet": hexc("d4b890"), "parapet_top": hexc("ecd4aa"), "parapet_shade": hexc("a8906e"),
    "box": hexc("2e5a44"), "box_dark": hexc("1e3e30"), "box_lit": hexc("4a7a5a"),
    "pavement": hexc("cdb898"), "pavement_near": hexc("a08a70"), "seam": hexc("9a8468"),
    "bark": hexc("9a9070"), "bark_pale": hexc("d8d0b0"), "bark_dark": hexc("6a6a4a"),
    "leaf": hexc("7a9440"), "leaf_dark": hexc("3e5a2e"), "leaf_lit": hexc("d0c860"),
    "lamp_glass": hexc("c8c8b0"), "lamp_glass_lit": hexc("fff0c0"), "lamp_glow": hexc("ffc870"),
    "prints": [hexc("e8dcc0"), hexc("c84a3a"), hexc("3a5a8a"), hexc("d8a040"), hexc("f4ecd8"), hexc("6a8a6a"),
               hexc("8a3a4a")],
}


def far_bank(surf: pygame.Surface, pal: dict, rng: random.Random, hy: int) -> None:
    """The opposite bank in the warm haze: buildings, Notre-Dame upstream, trees along the quay and its wall."""
    haussmann_row(surf, -40, W + 40, hy + 14, pal, rng, scale=0.78)
    dim_band(surf, hy - 260, hy + 16, pal["far_haze"], 60, 110)
    notre_dame(surf, 420, hy + 6, 3.3, pal["nd"], pal["nd_light"])
    dim_band(surf, hy - 420, hy + 16, pal["far_haze"], 0, 60)
    # Trees on the Île and along the far quay.
    for _ in range(110):
        x = rng.uniform(-50, W + 50)
        y = hy + rng.uniform(-30, 10)
        r = rng.uniform(26, 54)
        col = mix(pal["far_trees"], pal["far_trees_lit"], rng.random() * 0.6)
        poly(surf, ellipse_pts(x, y, r, r * 0.8, n=16), col)
    fill(surf, rect(0, hy + 18, W, hy + 58), pal["quay"])
    fill(surf, rect(0, hy + 50, W, hy + 58), pal["quay_dark"])
    for i in range(12):
        x = 80 + i * 230
        fill(surf, rect(x, hy + 26, x + 10, hy + 50), pal["quay_dark"])


def bridge_far(surf: pygame.Surface, pal: dict, hy: int) -> None:
    """A stone bridge leaving our bank on the right and crossing to the far one, in perspective."""
    near_x, far_x = W + 200, 1320
    deck_near, deck_far = hy - 170, hy - 8
    water_near, water_far = hy + 380, hy + 58

    def at(t: float) -> tuple[float, float, float]:
        # t=0 at the far bank, t=1 at our bank; perspective squeezes the far end.
        u = t ** 1.8
        return (far_x + (near_x - far_x) * u, deck_far + (deck_near - deck_far) * u,
                water_far + (water_near - water_far) * u)

    n = 60
    top = [at(i / n)[:2] for i in range(n + 1)]
    bottom = [(x, w) for x, _, w in (at(i / n) for i in range(n + 1))]
    s = Shape(top + bottom[::-1], pal["bridge"])
    # Arches: five openings, each a semi-ellipse whose span follows the perspective.
    for a0, a1 in ((0.02, 0.2), (0.24, 0.42), (0.46, 0.62), (0.66, 0.8), (0.84, 0.97)):
        pts = []
        for j in range(17):
            t = a0 + (a1 - a0) * j / 16
            x, dy, wy = at(t)
            rise = math.sin(math.pi * j / 16) ** 0.7
            pts.append((x, wy - (wy - dy) * 0.62 * rise))
        xa, _, wa = at(a0)
        xb, _, wb = at(a1)
        s.tone(pts + [(xb, wb + 4), (xa, wa + 4)], pal["bridge_dark"])
        s.tone([(px, py) for px, py in pts[:6]] + [(pts[5][0], pts[5][1] + 8), (pts[0][0], pts[0][1] + 8)],
               pal["bridge_shade"], 160)
    # Cornice and parapet along the deck.
    par = [at(i / n)[:2] for i in range(n + 1)]
    s.tone(par + [(x, y + 10 + 24 * (i / n) ** 1.8) for i, (x, y) in enumerate(par)][::-1], pal["bridge_shade"])
    s.draw(surf)
    poly(surf, par + [(x, y - 10 - 30 * (i / n) ** 1.8) for i, (x, y) in enumerate(par)][::-1], pal["bridge"])


def bouquiniste(surf: pygame.Surface, x: float, base: float, w: float, hgt: float, open_: bool, pal: dict,
                rng: random.Random) -> None:
    """One of the green boxes on the parapet; open ones show prints pegged inside the raised lid."""
    body = rect(x, base - hgt, x + w, base)
    s = Shape(body, pal["box"])
    s.tone(rect(x + w * 0.94, base - hgt, x + w, base), pal["box_dark"])
    s.tone(rect(x, base - hgt, x + w, base - hgt + 8), pal["box_lit"])
    if not open_:
        s.tone(rect(x + w * 0.48, base - hgt, x + w * 0.52, base), pal["box_dark"])
        s.tone(rect(x + w * 0.47, base - hgt * 0.55, x + w * 0.53, base - hgt * 0.4), hexc("8a7a5a"))
    s.draw(surf)
    lid_h = hgt * 0.6
    if open_:
        # The lid stands up behind the box, its inside hung with prints; books along the top.
        lid = [(x - 6, base - hgt), (x + w + 6, base - hgt), (x + w + 14, base - hgt - lid_h * 1.6),
               (x - 14, base - hgt - lid_h * 1.6)]
        L = Shape(lid, pal["box_dark"])
        for i in range(4):
            px = x + 8 + i * (w - 16) / 4
            col = pal["prints"][rng.randrange(len(pal["prints"]))]
            L.tone(rect(px + 4, base - hgt - lid_h * 1.45, px + (w - 16) / 4 - 4, base - hgt - lid_h * 0.5), col)
            L.tone(rect(px + 10, base - hgt - lid_h * 1.3, px + (w - 16) / 4 - 10, base - hgt - lid_h * 0.7),
                   mix(col, pal["prints"][rng.randrange(len(pal["prints"]))], 0.6))
        L.draw(surf)
        bx = x + 6
        while bx < x + w - 10:
            bw = rng.uniform(8, 16)
            bh = rng.uniform(0.25, 0.45) * hgt
            fill(surf, rect(bx, base - hgt - bh, bx + bw, base - hgt), pal["prints"][rng.randrange(len(pal["prints"]))])
            bx += bw + 1
    else:
        fill(surf, [(x - 6, base - hgt + 4), (x + w + 6, base - hgt + 4), (x + w + 2, base - hgt - 12),
                    (x - 2, base - hgt - 12)], pal["box_dark"])


def quay_parapet(surf: pygame.Surface, top: int, bottom: int, pal: dict, rng: random.Random) -> None:
    """The river wall along our pavement: dressed stone under a pale coping, joints at irregular intervals."""
    s = Shape(rect(0, top, W, bottom), pal["parapet"])
    x = -rng.uniform(0, 200)
    while x < W:
        s.tone(rect(x, top + 30, x + 4, bottom), pal["parapet_shade"], 140)
        x += rng.uniform(260, 360)
    s.tone(rect(0, bottom - 14, W, bottom), pal["parapet_shade"])
    s.draw(surf)
    fill(surf, rect(-10, top - 10, W + 10, top + 14), pal["parapet_top"])
    fill(surf, rect(-10, top + 14, W + 10, top + 30), pal["parapet_shade"])


def seine_quays(strata: Strata | None = None) -> pygame.Surface:
    rng = random.Random(12112)
    pal = QUAYS
    surf = pygame.Surface((W, H))
    hy = 690
    vgradient(surf, pygame.Rect(0, 0, W, hy + 40), pal["sky"])
    sun(surf, (2250, 420), 40, hexc("fff4d0"), hexc("ffc070"))
    for x, y, ln, th, col, a in ((200, 150, 900, 30, "d8d4cc", 120), (1400, 240, 800, 26, "f0d8b8", 130),
                                 (800, 360, 700, 18, "f4dcb0", 140)):
        cloud_streak(surf, x, y, ln, th, hexc(col), a, rng)
    cut(strata, "sky", surf)
    far_bank(surf, pal, rng, hy)
    cut(strata, "bank", surf)
    river(surf, hy + 58, 1010, pal["water"], pal["ripple"], rng)
    reflections(surf, rng, 2250, hy + 70, 1000, 260, pal["glint"], 170, count=26, thick=5)
    bridge_far(surf, pal, hy)
    cut(strata, "river", surf)
    # Our parapet and the row of boxes on it; the middle of the row left open for the view.
    ptop = 1010
    if strata is None:
        quay_parapet(surf, ptop, 1110, pal, rng)
    else:  # the face is the map's stone tiles; the wall is painted aside, so the randomness runs as before,
        strata.stand_in("stone", surf)  # and only its coping comes back
        aside = surf.copy()
        quay_parapet(aside, ptop, 1110, pal, rng)
        band = pygame.Rect(0, ptop - 10, W, 40)
        surf.blit(aside, band, band)
    x = -60
    for i in range(9):
        w = rng.uniform(250, 300)
        if 640 < x + w / 2 < 1900:
            x += w + 40
            continue
        bouquiniste(surf, x, ptop - 8, w, 120, i % 3 != 1, pal, rng)
        x += w + 40
    vgradient(surf, pygame.Rect(0, 1110, W, H - 1110), [(0.0, pal["pavement"]), (1.0, pal["pavement_near"])])
    for y in (1150, 1215, 1310, 1420):
        fill(surf, rect(0, y, W, y + 3), pal["seam"])
    # Plane trees on our side, framing the view; their leaves hang across the top.
    plane_trunk(surf, [(120, H + 20), (110, 1000), (150, 600), (120, 250), (180, -50)], 110, 70, pal, rng)
    plane_trunk(surf, [(2440, H + 20), (2460, 1000), (2420, 600), (2470, 250), (2420, -50)], 120, 70, pal, rng)
    canopy(surf, 250, 40, 520, 170, pal, rng, count=40)
    canopy(surf, 2330, 30, 480, 150, pal, rng, count=36)
    canopy(surf, 1300, -80, 700, 110, pal, rng, count=26)
    lx, ly = paris_lamp(surf, 2120, 1190, 0.95, pal, lit=False)

    def afternoon(s: pygame.Surface) -> None:
        dim_band(s, 1180, H, hexc("5a4030"), 0, 90)
        vignette(s, 0.25, center=(1300, 700), reach=1.1, tint=hexc("6a4a3a"))
    return finish(strata, "quay", surf, afternoon)


# ---------------------------------------------------------------- the bench by the water, at night

BENCH = {
    "sky": [(0.0, hexc("040818")), (0.55, hexc("0c1840")), (0.85, hexc("1e2c5a")), (1.0, hexc("4a4060"))],
    "city_glow": hexc("c08a60"),
    "stone": hexc("1e2850"), "stone_var": hexc("26305a"), "stone_shade": hexc("141c3c"), "window": hexc("101838"),
    "window_lit": hexc("ffc468"), "iron": hexc("0a0e20"), "roof": hexc("121a3a"),
    "far_trees": hexc("0e1634"), "quay": hexc("1a2448"), "quay_dark": hexc("0c1230"),
    "water": [(0.0, hexc("1a2450")), (0.4, hexc("0e1840")), (1.0, hexc("070c24"))], "ripple": hexc("2a3a6a"),
    "arch": hexc("1c2448"), "arch_lit": hexc("3a4470"), "arch_dark": hexc("0a0e22"), "voussoir": hexc("141a3a"),
    "cobble": hexc("1a2244"), "cobble_near": hexc("0c1028"), "edge": hexc("3a4672"),
    "lamp_glass": hexc("c8c8b0"), "lamp_glass_lit": hexc("fff0c0"), "lamp_glow": hexc("ffc070"),
    "bench": hexc("1e3a30"), "bench_lit": hexc("4a7a5a"), "bench_dark": hexc("0e1c18"),
    "reflect": hexc("ffcc70"), "reflect_cool": hexc("c8d4ff"),
}


def bridge_arch(surf: pygame.Surface, pal: dict, hy: int) -> None:
    """A stone bridge close by on the left: one great arch, the river and the far bank seen through it."""
    cx, spring, span, rise = 330, 1000, 1060, 560
    right = cx + span / 2 + 110
    deck_y = spring - rise - 150
    layer = pygame.Surface((W, H), pygame.SRCALPHA)
    s = Shape(rect(-20, deck_y, right, spring + 40), pal["arch"])
    ring_out = [(cx + (span / 2 + 80) * math.cos(a), spring - (rise + 80) * math.sin(a)) for a in
                (i * math.pi / 48 for i in range(49))]
    hole = [(cx + span / 2 * math.cos(a), spring - rise * math.sin(a)) for a in (i * math.pi / 48 for i in range(49))]
    s.tone(ring_out + hole[::-1], pal["voussoir"])
    for i in range(0, 49, 3):
        a = i * math.pi / 48
        p0 = (cx + span / 2 * math.cos(a), spring - rise * math.sin(a))
        p1 = (cx + (span / 2 + 80) * math.cos(a), spring - (rise + 80) * math.sin(a))
        s.tone(stroke_pts([p0, p1], 5, 5, steps=2), pal["arch_dark"])
    # Courses of stone in the spandrel and the pier, and the cornice under the deck.
    for y in range(int(deck_y) + 80, spring + 40, 70):
        s.tone(rect(-20, y, right, y + 4), pal["arch_dark"], 120)
    s.tone(rect(-20, deck_y, right, deck_y + 34), pal["arch_lit"])
    s.tone(rect(-20, deck_y + 34, right, deck_y + 50), pal["arch_dark"])
    s.tone(rect(right - 24, deck_y, right, spring + 40), pal["arch_dark"], 160)
    layer.blit(s.layer, s.rect.topleft)
    # Cut the opening so the water and the far bank show through, then line it with the shadowed intrados.
    pygame.draw.polygon(layer, (0, 0, 0, 0), hole + [(cx + span / 2, spring + 40), (cx - span / 2, spring + 40)])
    inner = [(cx + span / 2 * 0.93 * math.cos(a) + 40, spring - rise * 0.9 * math.sin(a)) for a in
             (i * math.pi / 48 for i in range(49))]
    band = Shape(hole + inner[::-1], pal["arch_dark"])
    # The rest of the bridge strides away across the river to the far bank, arch after shrinking arch.
    far_x, far_top, far_base = 1180, hy - 60, hy + 30
    n = 40
    top = [(right + (far_x - right) * (i / n),
            deck_y - 90 + (far_top - deck_y + 90) * (i / n) ** 0.8) for i in range(n + 1)]
    base = [(right + (far_x - right) * (i / n), spring + 40 + (far_base - spring - 40) * (i / n) ** 0.8)
            for i in range(n + 1)]
    run = Shape(top + base[::-1], mix(pal["arch"], pal["arch_dark"], 0.35))
    for a0, a1 in ((0.08, 0.42), (0.5, 0.74), (0.8, 0.95)):
        pts = []
        for j in range(17):
            t = a0 + (a1 - a0) * j / 16
            x = right + (far_x - right) * t
            yb = spring + 40 + (far_base - spring - 40) * t ** 0.8
            yt = deck_y + (far_top - deck_y) * t ** 0.8
            pts.append((x, yb - (yb - yt) * 0.55 * math.sin(math.pi * j / 16) ** 0.7))
        run.tone(pts, pal["arch_dark"])
    run.tone(top + [(x, y + 30 * (1 - i / n) + 6) for i, (x, y) in enumerate(top)][::-1], pal["arch_lit"])
    run.draw(surf)
    surf.blit(layer, (0, 0))
    band.draw(surf)
    for i in range(30):
        bx = i * 52
        if bx > right - 30:
            break
        fill(surf, rect(bx + 10, deck_y - 70, bx + 30, deck_y), pal["arch"])
    fill(surf, rect(-20, deck_y - 90, right, deck_y - 66), pal["arch_lit"])
    paris_lamp(surf, 760, deck_y - 86, 0.45, pal, lit=True)


def bench(surf: pygame.Surface, x: float, base: float, k: float, pal: dict) -> None:
    """A Paris bench seen from behind, facing the river: slatted back and seat on cast-iron ends."""
    w = 560 * k
    for ex in (x + 30 * k, x + w - 60 * k):
        poly(surf, [(ex, base), (ex + 10 * k, base - 150 * k), (ex + 20 * k, base - 280 * k),
                    (ex + 34 * k, base - 280 * k), (ex + 30 * k, base - 150 * k), (ex + 40 * k, base)], pal["iron"])
    # Seat slats (seen over the back rail) then the back slats, lit from the lamp on the right.
    for i in range(3):
        y = base - 150 * k - i * 14 * k
        fill(surf, rect(x, y - 10 * k, x + w, y), pal["bench_dark"])
    for i in range(4):
        y = base - 180 * k - i * 32 * k
        s = Shape(rect(x - 10 * k, y - 22 * k, x + w + 10 * k, y), pal["bench"])
        s.tone(rect(x - 10 * k, y - 22 * k, x + w + 10 * k, y - 16 * k), pal["bench_lit"])
        s.tone(rect(x + w * 0.6, y - 22 * k, x + w + 10 * k, y), mix(pal["bench"], pal["bench_lit"], 0.5), 150)
        s.draw(surf)


def seine_bench(strata: Strata | None = None) -> pygame.Surface:
    rng = random.Random(13113)
    pal = BENCH
    surf = pygame.Surface((W, H))
    hy = 740
    vgradient(surf, pygame.Rect(0, 0, W, hy + 40), pal["sky"])
    milky_way(surf, rng, (700, 900), (2500, -150), 260, hexc("8ea2dc"), (24, 24, 34))
    tints = [hexc("ffffff"), hexc("cfe0ff"), hexc("ffe8c8"), hexc("b8ccff")]
    stars(surf, rng, 900, pygame.Rect(0, 0, W, hy - 160), tints=tints)
    stars(surf, rng, 600, pygame.Rect(0, 0, W, hy - 160), band=((700, 900), (2500, -150), 120), tints=tints)
    oval_glow(surf, (1600, hy), 1600, 260, pal["city_glow"], 60)
    cut(strata, "sky", surf)
    # The far bank: lit windows, a row of quay lamps, and every light laid down the water in streaks.
    haussmann_row(surf, -40, W + 40, hy + 10, pal, rng, scale=0.85, lit=0.22)
    for _ in range(90):
        x = rng.uniform(-50, W + 50)
        r = rng.uniform(24, 46)
        poly(surf, ellipse_pts(x, hy + rng.uniform(-20, 10), r, r * 0.8, n=14), pal["far_trees"])
    fill(surf, rect(0, hy + 16, W, hy + 60), pal["quay"])
    fill(surf, rect(0, hy + 54, W, hy + 60), pal["quay_dark"])
    lamps = [120 + i * 210 + rng.uniform(-20, 20) for i in range(12)]
    for lx in lamps:
        fill(surf, rect(lx - 2, hy - 30, lx + 2, hy + 16), pal["iron"])
        glow(surf, (lx, hy - 34), 40, pal["lamp_glow"], 150, add=True)
        pygame.draw.circle(surf, pal["lamp_glass_lit"], (int(lx), hy - 34), 5)
        note(strata, "far_lamp", lx, hy - 34)
    cut(strata, "bank", surf)
    river(surf, hy + 60, 1000, pal["water"], pal["ripple"], rng, count=160)
    for lx in lamps:
        reflections(surf, rng, lx, hy + 66, 990, 60, pal["reflect"], 150, count=16, thick=4)
    for _ in range(40):
        x = rng.uniform(0, W)
        reflections(surf, rng, x, hy + 64, hy + 180, 24, pal["window_lit"], 70, count=5, thick=3)
    reflections(surf, rng, 1900, hy + 64, 990, 150, pal["reflect_cool"], 40, count=18, thick=3)
    bridge_arch(surf, pal, hy)
    cut(strata, "river", surf)
    # The quay's edge, worn stone, and the cobbles where we stand.
    fill(surf, rect(0, 996, W, 1030), pal["edge"])
    fill(surf, rect(0, 1030, W, 1048), pal["arch_dark"])
    vgradient(surf, pygame.Rect(0, 1048, W, H - 1048), [(0.0, pal["cobble"]), (1.0, pal["cobble_near"])])
    y = 1060
    row = 0
    while y < H:
        hgt = 14 + (y - 1048) * 0.09
        x = -(row % 2) * hgt
        while x < W:
            poly(surf, rect(x + 2, y + 2, x + hgt * 1.6 - 2, y + hgt - 2), pal["cobble_near"], 120)
            x += hgt * 1.6
        y += hgt
        row += 1
    # Mooring ring on the edge.
    pygame.draw.circle(surf, pal["iron"], (1560, 1040), 16, 5)
    bench(surf, 1420, 1250, 1.0, pal)
    lx, ly = paris_lamp(surf, 2230, 1300, 1.25, pal, lit=True)
    note(strata, "halo", lx, ly, 200)
    oval_glow(surf, (lx, 1290), 700, 150, pal["lamp_glow"], 70)
    reflections(surf, rng, lx - 40, 1000, 1030, 80, pal["reflect"], 90, count=3, thick=3)

    def night(s: pygame.Surface) -> None:
        dim_band(s, 1180, H, hexc("02030c"), 0, 120)
        vignette(s, 0.45, center=(1500, 650), reach=1.1, tint=hexc("060a1e"))
    return finish(strata, "quay", surf, night)
