"""Pieces of Paris for the Seine backgrounds: apartment rows, Notre-Dame, the river, lamp posts, plane trees."""
from __future__ import annotations

import math
import random

from art_common import Shape, catmull, ellipse_pts, glow, mix, poly, pygame, stroke_pts, vgradient
from scenery_room import W, rect

def haussmann_row(surf: pygame.Surface, x0: float, x1: float, base: float, pal: dict, rng: random.Random,
                  scale: float = 1.0, lit: float = 0.0) -> None:
    """A run of cut-stone apartment buildings: five floors, tall windows, iron balconies, grey zinc mansards."""
    x = x0
    while x < x1:
        w = rng.uniform(160, 260) * scale
        floors = 5 + rng.randrange(2)
        fh = 34 * scale
        top = base - floors * fh - 20 * scale
        col = mix(pal["stone"], pal["stone_var"], rng.random())
        s = Shape(rect(x, top, x + w, base), col)
        s.tone(rect(x + w - 8 * scale, top, x + w, base), pal["stone_shade"])
        for f in range(floors):
            y = base - (f + 1) * fh
            n = max(2, int(w / (38 * scale)))
            for i in range(n):
                wx = x + (i + 0.5) * w / n - 7 * scale
                on = lit > 0 and rng.random() < lit
                s.tone(rect(wx, y + 6 * scale, wx + 14 * scale, y + 26 * scale),
                       pal["window_lit"] if on else pal["window"])
            if f in (1, 4):
                s.tone(rect(x, y + 24 * scale, x + w, y + 27 * scale), pal["iron"])
        s.draw(surf)
        # Mansard roof with dormers.
        rh = 34 * scale
        poly(surf, [(x - 2, top), (x + w + 2, top), (x + w - 10 * scale, top - rh), (x + 10 * scale, top - rh)],
             pal["roof"])
        for i in range(max(1, int(w / (60 * scale)))):
            dx = x + 20 * scale + i * 60 * scale
            if dx + 16 * scale > x + w - 12 * scale:
                break
            poly(surf, rect(dx, top - rh * 0.75, dx + 16 * scale, top - rh * 0.25),
                 pal["window_lit"] if lit and rng.random() < lit else pal["window"])
        for i in range(rng.randint(1, 3)):
            cx = x + rng.uniform(0.15, 0.85) * w
            poly(surf, rect(cx, top - rh - 18 * scale, cx + 14 * scale, top - rh + 2), pal["stone_shade"])
        x += w + rng.uniform(-2, 4)


def notre_dame(surf: pygame.Surface, x: float, base: float, k: float, col: tuple, light: tuple | None = None) -> None:
    """Notre-Dame from upstream-west, as a flat silhouette: the two square towers, the nave roof, the spire."""
    def R(a: float, b: float, c: float, d: float) -> list:
        return rect(x + a * k, base - d * k, x + c * k, base - b * k)

    parts = [R(0, 0, 46, 69), R(0, 69, 12, 72), R(34, 69, 46, 72), R(54, 0, 100, 69), R(54, 69, 66, 72),
             R(88, 69, 100, 72), R(46, 0, 54, 44), R(0, 0, 175, 33)]
    for p in parts:
        poly(surf, p, col)
    # Nave roof ridge, apse curve and flying buttresses, the spire over the crossing.
    poly(surf, [(x + 100 * k, base - 33 * k), (x + 100 * k, base - 45 * k), (x + 170 * k, base - 45 * k),
                (x + 190 * k, base - 30 * k), (x + 190 * k, base)], col)
    for bx in range(108, 184, 13):
        poly(surf, [(x + bx * k, base - 33 * k), (x + (bx + 8) * k, base - 20 * k), (x + (bx + 10) * k, base - 20 * k),
                    (x + (bx + 3) * k, base - 36 * k)], col)
    sx = x + 128 * k
    poly(surf, [(sx - 4 * k, base - 45 * k), (sx, base - 112 * k), (sx + 4 * k, base - 45 * k)], col)
    # The gallery across the front, and three dark portals.
    poly(surf, R(0, 36, 100, 39), mix(col, (255, 240, 220), 0.2))
    for px in (12, 50, 88):
        poly(surf, [(x + (px - 6) * k, base), (x + (px - 6) * k, base - 12 * k), (x + px * k, base - 18 * k),
                    (x + (px + 6) * k, base - 12 * k), (x + (px + 6) * k, base)], mix(col, (20, 20, 40), 0.3))
    if light:
        # The rose window and the tall bays of the towers catching the light.
        for a, b in ((14, 32), (68, 86)):
            poly(surf, R(a + 2, 40, a + 6, 62), light)
            poly(surf, R(b - 6, 40, b - 2, 62), light)
        poly(surf, ellipse_pts(x + 50 * k, base - 40 * k, 4 * k, 4 * k, n=12), light)


def river(surf: pygame.Surface, top: int, bottom: int, stops: list, ripple: tuple, rng: random.Random,
          count: int = 220) -> None:
    vgradient(surf, pygame.Rect(0, top, W, bottom - top), stops)
    for _ in range(count):
        t = rng.random() ** 1.6
        y = top + 6 + (bottom - top - 6) * t
        ln = rng.uniform(30, 140) * (0.3 + t)
        x = rng.uniform(-100, W)
        poly(surf, [(x, y), (x + ln, y), (x + ln - 4, y + 2 + 3 * t), (x + 4, y + 2 + 3 * t)], ripple,
             int(60 + 60 * t))


def paris_lamp(surf: pygame.Surface, x: float, base: float, k: float, pal: dict, lit: bool) -> tuple[float, float]:
    """A cast-iron lamp post: fluted shaft on a heavy base, a four-sided lantern on top. Returns the lantern centre."""
    iron = pal["iron"]
    poly(surf, [(x - 34 * k, base), (x - 30 * k, base - 90 * k), (x - 16 * k, base - 120 * k),
                (x + 16 * k, base - 120 * k), (x + 30 * k, base - 90 * k), (x + 34 * k, base)], iron)
    poly(surf, [(x - 13 * k, base - 120 * k), (x - 8 * k, base - 600 * k), (x + 8 * k, base - 600 * k),
                (x + 13 * k, base - 120 * k)], iron)
    for y in (base - 300 * k, base - 470 * k):
        poly(surf, rect(x - 16 * k, y - 6 * k, x + 16 * k, y + 6 * k), iron)
    ly = base - 690 * k
    poly(surf, [(x - 20 * k, base - 600 * k), (x + 20 * k, base - 600 * k), (x + 30 * k, base - 630 * k),
                (x - 30 * k, base - 630 * k)], iron)
    pane = [(x - 30 * k, base - 630 * k), (x + 30 * k, base - 630 * k), (x + 44 * k, base - 740 * k),
            (x - 44 * k, base - 740 * k)]
    glass = pal["lamp_glass_lit"] if lit else pal["lamp_glass"]
    s = Shape(pane, glass)
    s.tone(rect(x - 2 * k, base - 760 * k, x + 2 * k, base - 620 * k), iron)
    s.draw(surf)
    poly(surf, [(x - 52 * k, base - 740 * k), (x + 52 * k, base - 740 * k), (x + 10 * k, base - 790 * k),
                (x - 10 * k, base - 790 * k)], iron)
    poly(surf, ellipse_pts(x, base - 796 * k, 8 * k, 8 * k, n=12), iron)
    if lit:
        glow(surf, (x, ly), int(420 * k), pal["lamp_glow"], 110, falloff=2.2, add=True)
        glow(surf, (x, ly), int(90 * k), pal["lamp_glass_lit"], 160, falloff=1.5, add=True)
    return (x, ly)


def plane_trunk(surf: pygame.Surface, path: list, w0: float, w1: float, pal: dict, rng: random.Random) -> None:
    """A plane tree's trunk with its camouflage bark: pale patches flaking off olive and grey."""
    body = stroke_pts(path, w0, w1, steps=10)
    s = Shape(body, pal["bark"])
    xs, ys = zip(*body)
    for _ in range(50):
        cx, cy = rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys))
        r = rng.uniform(8, 26)
        s.tone(catmull([(cx + r * math.cos(a) * rng.uniform(0.6, 1.2), cy + r * math.sin(a) * rng.uniform(0.5, 1.3))
                        for a in (i * math.pi / 3 for i in range(6))], steps=4),
               pal["bark_pale"] if rng.random() < 0.6 else pal["bark_dark"])
    s.tone(stroke_pts([(px + w0 * 0.3, py) for px, py in path], w0 * 0.4, w1 * 0.4, steps=10), pal["bark_dark"], 150)
    s.draw(surf)


def canopy(surf: pygame.Surface, cx: float, cy: float, rx: float, ry: float, pal: dict, rng: random.Random,
           count: int = 60) -> None:
    """A hanging mass of plane leaves: overlapping clumps, dark inside, lit at the top edges."""
    for i in range(count):
        a = rng.uniform(0, 2 * math.pi)
        rr = rng.random() ** 0.6
        x, y = cx + math.cos(a) * rx * rr, cy + math.sin(a) * ry * rr
        r = rng.uniform(50, 110)
        t = 0.5 - math.sin(a) * rr * 0.5
        col = mix(pal["leaf_dark"], pal["leaf"], min(1.0, t + rng.uniform(-0.2, 0.2)))
        pts = [(x + r * math.cos(b) * (1 + 0.15 * math.sin(5 * b + i)), y + r * 0.75 * math.sin(b) *
                (1 + 0.15 * math.cos(4 * b + i))) for b in (j * 2 * math.pi / 16 for j in range(16))]
        sh = Shape(catmull(pts, steps=3), col)
        sh.tone(catmull([(px - r * 0.15, py - r * 0.35) for px, py in pts[::2]], steps=3),
                mix(col, pal["leaf_lit"], 0.35))
        sh.draw(surf)
        # A few separate leaves at the rim: the five-pointed plane leaf, simplified.
        for _ in range(3):
            b = rng.uniform(0, 2 * math.pi)
            lx, ly = x + math.cos(b) * r * 1.05, y + math.sin(b) * r * 0.8
            lr = rng.uniform(12, 20)
            leaf = [(lx + lr * (1 - 0.45 * (j % 2)) * math.cos(j * math.pi / 5 + b),
                     ly + lr * (1 - 0.45 * (j % 2)) * math.sin(j * math.pi / 5 + b)) for j in range(10)]
            poly(surf, leaf, mix(col, pal["leaf_lit"], 0.3 if math.sin(b) < 0 else 0.0))
